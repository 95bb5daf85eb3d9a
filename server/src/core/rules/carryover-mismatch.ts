import { T3_COLUMNS } from '../format/common';
import { num } from './names';
import type { RawFinding, YearRule } from './types';

// Last year's 四、结转下年度继续办理 are this year's 二、上年结转, column by column. Which report is
// wrong is not known, so the fix (last year's figure) is offered one by one, never applied by fix-all.

export const carryoverMismatch: YearRule = {
  code: 'carryover-mismatch',
  severity: 'warning',
  acrossYears: true,
  title: { zh: '上年结转与上年报告的结转下年度不符', en: 'Carried over from last year differs from last year’s report' },
  description: {
    zh: '表三“二、上年结转政府信息公开申请数量”每一列都应等于上年报告表三“四、结转下年度继续办理”的同一列。同一机关相邻两年的报告都在检查范围内时（编辑器中的同一工作区文件夹，或命令行的同一批文件），逐列核对；问题标在今年的格子上，并指向上年报告中的那一格。快速修正给出上年的数字，但不在“修正全部”中自动采用：也可能是上年报告错了。空白、读不懂或由连在一起的数字推断出的格不核对。',
    en: 'Each column of table 3, row 2 (carried over from last year) must equal the same column of row 4 (carried forward) in last year’s report of the same body. Checked when both years’ reports are at hand (the same workspace folder in the editor, the same batch on the command line); the finding sits on this year’s cell and points at last year’s. The quick fix offers last year’s figure but fix-all never applies it: last year’s report may be the wrong one. Blank, unreadable or inferred cells are not compared.',
  },
  check({ current, previous }) {
    const out: RawFinding[] = [];
    for (const { key, header } of T3_COLUMNS) {
      const now = current.carriedIn[key], last = previous.carriedOver[key];
      if (!now || !last || now.value === last.value) continue;
      const finding: RawFinding = {
        code: 'carryover-mismatch',
        message: {
          zh: `表三“上年结转”行“${header}”列为 ${num(now.value)}，上年（${previous.year}年）报告“结转下年度继续办理”为 ${num(last.value)}：两者应相等。`,
          en: `Table 3, carried over, “${header}”: ${num(now.value)}, but last year’s (${previous.year}) report carried forward ${num(last.value)}; they must be equal.`,
        },
        range: now.range,
        related: () => [{ file: previous.file, range: last.range, message: { zh: `上年报告“结转下年度继续办理”“${header}”：${num(last.value)}`, en: `last year’s carried forward, “${header}”: ${num(last.value)}` } }],
      };
      if (now.fixed !== false) {
        finding.fix = { title: { zh: `改为上年结转下年度的 ${num(last.value)}`, en: `Change to last year’s carried forward, ${num(last.value)}` }, edits: [{ range: now.range, newText: num(last.value) }], safe: false };
      }
      out.push(finding);
    }
    return out;
  },
};
