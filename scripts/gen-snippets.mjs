// Writes snippets/nianbao.json from the statute data (scripts/snippets.ts, bundled with esbuild first).
// `node scripts/gen-snippets.mjs`; test/lsp/contributions.test.ts fails when the file is out of date.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-snippets-'));
try {
  const bundle = join(tmp, 'snippets.cjs');
  await build({ entryPoints: [join(root, 'scripts', 'snippets.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning' });
  const { snippetsFile } = createRequire(import.meta.url)(bundle);
  writeFileSync(join(root, 'snippets', 'nianbao.json'), snippetsFile());
  console.log('snippets/nianbao.json written');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
