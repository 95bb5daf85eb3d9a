// Bundles the extension client, the language server and the CLI into dist/;
// with --tests, also bundles every test/**/*.test.ts into out/test/ for `node --test`.
import { build } from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/entry.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);

if (process.argv.includes('--tests')) {
  const tests = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) { if (name !== 'e2e' && name !== 'fixtures') walk(path); }
      else if (name.endsWith('.test.ts')) tests.push(path);
    }
  };
  walk('test');
  await build({ ...common, entryPoints: tests, outdir: 'out/test', outbase: 'test', external: ['fast-check'] });
}
