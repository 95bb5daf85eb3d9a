// Bundles the extension-host test suite (test/e2e/suite) into out/e2e/suite/start.js.
// `vscode` is the extension host's own module; mocha is loaded from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['test/e2e/suite/start.ts'],
  outfile: 'out/e2e/suite/start.js',
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
  external: ['vscode', 'mocha'],
});
