// Writes docs/rules.md, docs/rules/<code>.md and the rule list in README.md from RULES (TypeScript,
// bundled first: loadTs.mjs).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTs, root } from './loadTs.mjs';

const { RULES, renderRuleDocs, renderReadme } = await loadTs("export { RULES } from './server/src/core/service'; export { renderRuleDocs, renderReadme } from './scripts/rule-docs';");
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
