// The scripts' way to TypeScript modules (the rules, the test renderers): a module text bundled with
// esbuild into a scratch CommonJS file, which is required and removed.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The exports of `contents`, a TypeScript module whose imports are relative to the project's root. */
export async function loadTs(contents) {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-ts-'));
  const bundle = join(tmp, 'bundle.cjs');
  try {
    await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
    return createRequire(import.meta.url)(bundle);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
