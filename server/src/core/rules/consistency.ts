import { tableSpec, versionForYear, type FormatVersion } from '../format/statute';
import { FIRST_FEE_STATEMENT_YEAR, predatesStatutoryFormat } from '../format/years';
import type { Report, Table } from '../model';
import { bodyLines, titleYearRange } from '../parse/sections';
import { type LineIndex, type Range } from '../lineIndex';
import { matchesOf, toHalfWidth } from '../strings';
import { tableName, tableNameEn } from './names';
import type { Check, RawFinding } from './types';

const NOTICE: Record<FormatVersion, string> = { 2021: '国办公开办函〔2021〕30号', 2019: '国办公开办函〔2019〕60号（试行）' };
const lineRange = (idx: LineIndex, line: number): Range =>
  ({ start: { line, character: 0 }, end: { line, character: idx.lineText(line).length } });
const span = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

// ---- format-version -------------------------------------------------------------------------

/** Where the table shows its version: the first header word only that version prints (a table may start and end inside a line). */
function markerRange(table: Table, idx: LineIndex): Range {
  const markers = table.key === 't3' && table.version === '2019' ? ['其他处理'] : tableSpec(table.version, table.key).markers;
  const { start, end } = table.range;
  for (let l = start.line; l <= end.line; l++) {
    const line = idx.lineText(l);
    const from = l === start.line ? start.character : 0, to = l === end.line ? end.character : line.length;
    for (const m of markers) {
      const at = line.indexOf(m, from);
      if (at >= 0 && at + m.length <= to) return span(l, at, at + m.length);
    }
  }
  return start.character === 0 ? lineRange(idx, start.line) : table.range;
}

/** How a table shows its version, in words: its marker words, or (table 3, 2019) its single row of 其他处理. */
const shows = (key: 't2' | 't3', version: FormatVersion) =>
  key === 't3' && version === '2019' ? '（六）其他处理只有一行' : tableSpec(version, key).markers.slice(0, 3).join('、');

function formatVersion(report: Report, idx: LineIndex): RawFinding[] {
  const year = report.year;
  if (year === null) return [];
  if (predatesStatutoryFormat(year)) {
    return [{
      code: 'format-pre-2019', range: titleYearRange(idx, year) ?? lineRange(idx, 0),
      message: {
        zh: `这是${year}年度的报告，早于法定格式（2019年度起使用统一的统计表）。不按法定格式检查，也不核对表格。`,
        en: `This is a ${year} report, older than the statutory format (statistical tables from the 2019 report on); it is not checked against the format and its tables are not checked.`,
      },
    }];
  }
  const want = versionForYear(year)!;
  const out: RawFinding[] = [];
  for (const key of ['t2', 't3'] as const) {
    const table = report.tables[key];
    if (!table || table.version === want) continue;
    out.push({
      code: 'format-version', range: markerRange(table, idx),
      message: {
        zh: `这是${year}年度的报告，应使用${NOTICE[want]}的表格；${tableName(key)}却是${table.version}年格式（${shows(key, table.version)}）。${want === '2021' ? (key === 't2' ? '2021年度起表二的列为“本年制发件数、本年废止件数、现行有效件数”。' : '2021年度起表三的（六）其他处理分为三项。') : '2019、2020年度的报告使用2019年试行格式。'}`,
        en: `This is a ${year} report and must use the ${want} format (${NOTICE[want]}); ${tableNameEn(key)} is in the ${table.version} format.`,
      },
    });
  }
  return out;
}

// ---- year-mismatch --------------------------------------------------------------------------

// “2023年1月1日至2023年12月31日”, also with blanks, 起, dashes, or the end year left out.
const PERIOD = /((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—+|-+|－+|~|～|–)\s*(?:((?:19|20)\d\d)\s*年\s*)?12\s*月\s*31\s*日/g;

function period(idx: LineIndex, year: number): RawFinding[] {
  const out: RawFinding[] = [];
  const { text } = idx;
  // Only the few lines with a date (日) can hold the period.
  for (let at = text.indexOf('日'); at >= 0;) {
    const l = idx.position(at).line;
    at = l + 1 < idx.lineCount ? text.indexOf('日', idx.lineStart(l + 1)) : -1;
    const raw = idx.lineText(l);
    if (!(raw.includes('31') || raw.includes('３１'))) continue;
    const line = toHalfWidth(raw); // same length: offsets stay valid
    for (const m of matchesOf(PERIOD, line)) {
      const years = [{ text: m[1], at: m.index! }];
      if (m[2]) years.push({ text: m[2], at: m.index! + m[0].lastIndexOf(m[2]) });
      for (const y of years) {
        if (Number(y.text) === year) continue;
        out.push({
          code: 'year-mismatch', range: span(l, y.at, y.at + 4),
          message: {
            zh: `统计期限写的是${y.text}年，而标题是${year}年度报告；统计期限应为${year}年1月1日至${year}年12月31日。`,
            en: `The period says ${y.text} but the title says this is the ${year} report; the period is 1 January to 31 December ${year}.`,
          },
          fix: { title: { zh: `改为${year}`, en: `Change to ${year}` }, edits: [{ range: span(l, y.at, y.at + 4), newText: String(year) }] },
        });
      }
    }
  }
  return out;
}

// A year that compares (较2020年, 与2020年相比, 2020年以来) or names last year's report is not pasted text.
const COMPARED_BEFORE = /(?:较|比|与|同|自|从|和|及|对比|相比|截至上)\s*$/;
const COMPARED_AFTER = /^\s*年度?\s*(?:以来|起|相比|同比|同期|至|到|—|-|~|、|和|及|[^，。；,;]{0,14}?(?:报告|年报))/;
const YEAR = /(?:19|20)\d\d(?=\s*年)/g;

/** Last year's number inside 五、存在的主要问题及改进情况: usually last year's paragraph pasted in. */
function lastYearInProblems(report: Report, idx: LineIndex, year: number): RawFinding[] {
  const problems = report.sections.find((s) => s.number === 5);
  if (!problems) return [];
  const out: RawFinding[] = [];
  const last = String(year - 1);
  for (const { line: l, from, text: raw } of bodyLines(idx, problems)) {
    if (!raw.includes('年')) continue;
    const line = toHalfWidth(raw);
    if (!line.includes(last)) continue;
    for (const m of matchesOf(YEAR, line)) {
      if (m[0] !== last) continue;
      const at = m.index!;
      if (COMPARED_BEFORE.test(line.slice(Math.max(0, at - 4), at)) || COMPARED_AFTER.test(line.slice(at + 4, at + 24))) continue;
      const range = span(l, from + at, from + at + 4);
      out.push({
        code: 'year-mismatch', range,
        message: {
          zh: `第五部分“存在的主要问题及改进情况”写的是${last}年，而这是${year}年度报告：这段文字可能是从上一年的报告沿用的，请核对。`,
          en: `Section 5 speaks of ${last} in the ${year} report: this paragraph may have been pasted from last year's report.`,
        },
        fix: { title: { zh: `改为${year}`, en: `Change to ${year}` }, edits: [{ range, newText: String(year) }] },
      });
    }
  }
  return out;
}

// ---- fee-statement --------------------------------------------------------------------------

const MENTIONS_FEES = /收费|处理费|收取/;
// Statements that no fee notice was sent: 未发出收费通知, 发出收费通知的件数为0件, 发出收费通知的件数和总金额…均为0.
const NO_NOTICES = [
  /(?:未|没有|无|不存在)[^。；，,]{0,12}?发出[^。；，,]{0,6}?收费通知/g,
  /发出收费通知的?件数\s*(?:为|是|：|:)?\s*(?:0|零)(?!\.\d|\d)/g,
  /发出收费通知[^。；]{0,30}?均为\s*(?:0|零)(?!\.\d|\d)/g,
];

function fees(report: Report, idx: LineIndex): RawFinding[] {
  const other = report.sections.find((s) => s.number === 6);
  if (!other) return [];
  const body = bodyLines(idx, other);
  if (!body.some((b) => MENTIONS_FEES.test(b.text))) {
    return [{
      code: 'fee-statement', range: other.headingRange,
      message: {
        zh: '第六部分没有说明信息处理费情况。按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），应写明本年发出收费通知的件数和总金额、实际收取的总金额（没有的写0）。',
        en: 'Section 6 does not state the information processing fees: the number and amount of fee notices sent and the amount collected (国办函〔2020〕109号), 0 where none.',
      },
    }];
  }
  // 3.6.2 counts applications dropped because the fee was not paid: a fee notice was sent for each.
  const unpaid = report.tables.t3?.rows['3.6.2']?.cells.total;
  if (!unpaid || !(unpaid.value! > 0)) return [];
  const out: RawFinding[] = [];
  for (const { line: l, from, text } of body) {
    const line = toHalfWidth(text);
    if (!line.includes('收费通知')) continue;
    for (const re of NO_NOTICES) {
      const m = re.exec(line);
      re.lastIndex = 0;
      if (!m) continue;
      out.push({
        code: 'fee-statement', range: span(l, from + m.index, from + m.index + m[0].length),
        message: {
          zh: `这里说没有发出收费通知，但表三“申请人逾期未按收费通知要求缴纳费用”为${unpaid.value}件，说明本年发出过收费通知。请核对收费通知的件数和金额。`,
          en: `This says no fee notice was sent, but table 3 counts ${unpaid.value} application(s) dropped for an unpaid fee notice.`,
        },
        related: () => [{ range: unpaid.range, message: { zh: '表三：逾期未缴纳费用', en: 'Table 3: fee not paid' } }],
      });
      break;
    }
  }
  return out;
}

export const consistency: Check = {
  rules: [
    {
      code: 'format-version', severity: 'warning',
      title: { zh: '统计表的格式版本与报告年度不符', en: 'The tables are in the wrong format version for the report year' },
      description: {
        zh: '2021年度起的报告使用国办公开办函〔2021〕30号的表格（表二为“本年制发件数、本年废止件数、现行有效件数”，表三的（六）其他处理分三项）；2019、2020年度的报告使用2019年试行格式（“本年新制作数量、本年新公开数量、对外公开总数量”）。每张用错格式的表报告一次。',
        en: 'Reports for 2021 and later use the 2021 tables (国办公开办函〔2021〕30号); reports for 2019 and 2020 use the 2019 trial tables. Each table in the other version is reported.',
      },
    },
    {
      code: 'format-pre-2019', severity: 'information',
      title: { zh: '2019年度以前的报告不适用法定格式', en: 'A report from before 2019 is not in the statutory format' },
      description: {
        zh: '统一的统计表从2019年度的报告开始使用。更早的报告只提示一次，不检查表格和各部分。',
        en: 'The statutory tables apply from the 2019 report on. An older report gets this one note; its tables and sections are not checked.',
      },
    },
    {
      code: 'year-mismatch', severity: 'warning',
      title: { zh: '年份前后不一致', en: 'Years disagree' },
      description: {
        zh: '统计期限（…年1月1日至…年12月31日）的年份须与标题的报告年度一致。第五部分“存在的主要问题及改进情况”里出现上一年的年份，多半是沿用了上一年报告的文字；与上一年比较（较2022年、2022年以来）、引用上一年报告的不算。快速修复改为报告年度。',
        en: 'The statistical period must be the title\'s year. Last year\'s number inside section 5 usually means last year\'s text was pasted in; comparisons (较2022年, 2022年以来) pass. The quick fix writes the report year.',
      },
    },
    {
      code: 'fee-statement', severity: 'warning',
      title: { zh: '信息处理费情况没有说明或与表三矛盾', en: 'Fees not stated, or stated against table 3' },
      description: {
        zh: '2021年度起，第六部分应写明信息处理费情况：发出收费通知的件数和总金额、实际收取的总金额（国办函〔2020〕109号）；“不存在收费情况”这类说明也算写明。表三“申请人逾期未按收费通知要求缴纳费用”大于0时，说明发出过收费通知，正文不能说没有发出。',
        en: 'From the 2021 report on, section 6 states the fees: notices sent (count, amount) and amount collected; a clear “no fees” statement counts. When table 3 row 3.6.2 is above 0, fee notices were sent, and the text cannot say none were.',
      },
    },
  ],
  run({ report, idx }) {
    const out = formatVersion(report, idx);
    const year = report.year;
    if (year !== null) out.push(...period(idx, year), ...lastYearInProblems(report, idx, year));
    if (year === null ? report.format === '2021' : year >= FIRST_FEE_STATEMENT_YEAR) out.push(...fees(report, idx));
    return out;
  },
};
