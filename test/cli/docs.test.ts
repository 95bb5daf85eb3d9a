import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderReadme, renderRuleDocs } from '../../scripts/rule-docs';
import { RULES } from '../../server/src/core/service';

// The committed rule docs must be what scripts/gen-docs.mjs renders from RULES today.

const HINT = '规则文档已过期，请运行 node scripts/gen-docs.mjs 重新生成';

test('docs/rules.md and docs/rules/*.md match RULES', () => {
  const expected = renderRuleDocs(RULES);
  const onDisk = ['rules.md', ...readdirSync(join('docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `rules/${f}`)];
  assert.deepEqual(onDisk.sort(), [...expected.keys()].sort(), HINT);
  for (const [path, text] of expected) assert.equal(readFileSync(join('docs', path), 'utf8'), text, `${HINT}（docs/${path}）`);
});

test('every rule has a page', () => {
  for (const rule of RULES) assert.ok(renderRuleDocs(RULES).has(`rules/${rule.code}.md`));
});

test('the rule list in README.md matches RULES', () => {
  const readme = readFileSync('README.md', 'utf8');
  assert.equal(readme, renderReadme(readme, RULES), HINT);
});
