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

function index(rules: RuleMeta[]): string {
  const rows = rules.map((r) => `| [\`${r.code}\`](rules/${r.code}.md) | ${SEVERITY_ZH[r.severity]} \`${r.severity}\` | ${cell(r.title.zh)} | ${cell(r.title.en)} |`);
  return `${GENERATED}
# 规则 · Rules

nianbao 检查的全部规则。代码出现在编辑器的诊断和 \`nianbao check\` 的输出中；点击代码查看说明。

All rules nianbao checks. The code appears on each diagnostic and in \`nianbao check\` output.

| 代码 Code | 严重程度 Severity | 规则 | Rule |
|---|---|---|---|
${rows.join('\n')}
`;
}

/** Every docs file, keyed by its path under docs/: `rules.md` and `rules/<code>.md`. */
export function renderRuleDocs(rules: RuleMeta[]): Map<string, string> {
  const files = new Map<string, string>([['rules.md', index(rules)]]);
  for (const rule of rules) files.set(`rules/${rule.code}.md`, rulePage(rule));
  return files;
}
