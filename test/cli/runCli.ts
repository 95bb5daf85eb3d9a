import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

// What the CLI tests share: the built command (bin/nianbao, run from the repo root) and a scratch folder.

/** Runs `bin/nianbao` with the arguments; fails the test if it does not finish within two minutes. */
export function nianbao(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/nianbao', ...args], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, `nianbao ${args.join(' ')} did not finish: ${r.error}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A scratch folder for this test file, removed when it ends. */
export function scratch(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
