// Writes docs/rules.md, docs/rules/<code>.md and the rule list in README.md from RULES. The rules
// are TypeScript, so they are bundled with esbuild into a temporary CommonJS file first.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'nianbao-docs-'));
try {
  const bundle = join(tmp, 'rules.cjs');
  await build({
    stdin: {
      contents: "export { RULES } from './server/src/core/service'; export { renderRuleDocs, renderReadme } from './scripts/rule-docs';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'warning',
  });
  const { RULES, renderRuleDocs, renderReadme } = createRequire(import.meta.url)(bundle);
  const files = renderRuleDocs(RULES);
  const readme = join(root, 'README.md');
  writeFileSync(readme, renderReadme(readFileSync(readme, 'utf8'), RULES));

  // A page of a rule that no longer exists would still be served: remove it.
  const rulesDir = join(root, 'docs', 'rules');
  mkdirSync(rulesDir, { recursive: true });
  for (const name of readdirSync(rulesDir)) {
    if (name.endsWith('.md') && !files.has(`rules/${name}`)) rmSync(join(rulesDir, name));
  }
  for (const [path, text] of files) writeFileSync(join(root, 'docs', path), text);
  console.log(`docs: ${files.size} files written (${RULES.length} rules)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
