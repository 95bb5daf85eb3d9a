import type { RuleMeta, Severity } from '../server/src/core/rules/types';

// The rule docs are rendered from RULES, the same metadata the checker reports with, so a page
// cannot drift from the rule. scripts/gen-docs.mjs writes them; test/cli/docs.test.ts compares.

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };

const GENERATED = '<!-- 由 scripts/gen-docs.mjs 根据规则元数据（RULES）生成，请勿手工编辑。 -->\n';

const cell = (s: string) => s.replace(/\|/g, '\\|');

function rulePage(rule: RuleMeta): string {
  return `${GENERATED}
# ${rule.code}

**${rule.title.zh}**

- 代码：\`${rule.code}\`
- 严重程度：${SEVERITY_ZH[rule.severity]}（\`${rule.severity}\`）

${rule.description.zh}

## English

**${rule.title.en}**

- Code: \`${rule.code}\`
- Severity: \`${rule.severity}\`

${rule.description.en}

---

[全部规则 · All rules](../rules.md)
`;
}

/** The table of all rules; `base` is where the rule pages are, relative to the page that shows it. */
function table(rules: RuleMeta[], base: string): string {
  const rows = rules.map((r) => `| [\`${r.code}\`](${base}${r.code}.md) | ${SEVERITY_ZH[r.severity]} \`${r.severity}\` | ${cell(r.title.zh)} | ${cell(r.title.en)} |`);
  return `| 代码 Code | 严重程度 Severity | 规则 | Rule |\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

const README_START = '<!-- rules:start -->\n', README_END = '<!-- rules:end -->';

/** README.md with its rule list (between the rules:start and rules:end markers) rendered from RULES. */
export function renderReadme(readme: string, rules: RuleMeta[]): string {
  const start = readme.indexOf(README_START), end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error('README.md has no <!-- rules:start --> … <!-- rules:end --> block');
  return readme.slice(0, start + README_START.length) + table(rules, 'docs/rules/') + readme.slice(end);
}

function index(rules: RuleMeta[]): string {
  return `${GENERATED}
# 规则 · Rules

nianbao 检查的全部规则。代码出现在编辑器的诊断和 \`nianbao check\` 的输出中；点击代码查看说明。

All rules nianbao checks. The code appears on each diagnostic and in \`nianbao check\` output.

${table(rules, 'rules/')}`;
}

/** Every docs file, keyed by its path under docs/: `rules.md` and `rules/<code>.md`. */
export function renderRuleDocs(rules: RuleMeta[]): Map<string, string> {
  const files = new Map<string, string>([['rules.md', index(rules)]]);
  for (const rule of rules) files.set(`rules/${rule.code}.md`, rulePage(rule));
  return files;
}
