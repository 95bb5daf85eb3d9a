// Bundles the extension client, the language server and the CLI into dist/;
// with --tests, also bundles every test/**/*.test.ts into out/test/ for `node --test`.
import { build } from 'esbuild';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

// pdf.js (pdfjs-dist, ES modules) reads import.meta.url only to find optional packages (@napi-rs/canvas
// for rendering) and image decoders, none of which reading text needs: in these CommonJS bundles it is
// undefined, and pdf.js goes without them.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', define: { 'import.meta.url': 'undefined' } };

// PDF, OFD and Word files are read on a worker thread (import/isolated.ts), whose script is
// dist/importer.js; pdf.js and its worker (~3 MB) are a bundle of their own, dist/pdfjs.js, which it
// loads only when it reads a PDF; so are the web-page, Word and OFD importers (parse5, mammoth: ~1 MB),
// dist/structured.js: a check of text files parses neither; and so is the Word writer of the export (the
// docx package, ~0.5 MB) with the rest of the export, dist/exporter.js. The .vsix has no node_modules, so everything
// they need is in dist/, with pdf.js's character maps (dist/cmaps/, ~1.7 MB, for Chinese text in many PDFs).
const APART = { pdfjs: [join('import', 'pdf.ts')], structured: [join('import', 'index.ts'), join('import', 'importer.ts')], exporter: [join('export', 'index.ts')] };
const apart = {
  name: 'apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/(pdfjs|structured|exporter)$/ }, (args) => {
      const name = args.path.slice(2);
      return APART[name].some((importer) => args.importer.endsWith(importer)) ? { path: `./${name}.js`, external: true } : undefined;
    });
  },
};

rmSync('dist/cmaps', { recursive: true, force: true });
cpSync('node_modules/pdfjs-dist/cmaps', 'dist/cmaps', { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/entry.ts'], outfile: 'dist/server.js', plugins: [apart] }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', plugins: [apart] }),
  build({ ...common, entryPoints: ['server/src/import/importer.ts'], outfile: 'dist/importer.js', plugins: [apart], external: ['pdfjs-dist/package.json'] }),
  // Minified: nobody steps through pdf.js here, and it loads faster.
  build({ ...common, entryPoints: ['server/src/import/pdfjs.ts'], outfile: 'dist/pdfjs.js', minify: true, sourcemap: false }),
  build({ ...common, entryPoints: ['server/src/import/structured.ts'], outfile: 'dist/structured.js' }),
  build({ ...common, entryPoints: ['server/src/export/exporter.ts'], outfile: 'dist/exporter.js', plugins: [apart] }),
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
  await build({ ...common, entryPoints: tests, outdir: 'out/test', outbase: 'test', external: ['fast-check', 'pdfjs-dist/package.json'] });
}
