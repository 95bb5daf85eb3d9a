import { lineSpan, type LineIndex, type Range } from '../lineIndex';
import { sectionBody, type Report } from '../model';
import { toHalfWidth } from '../strings';
import type { RawFinding, Rule } from './types';

// ---- year-mismatch --------------------------------------------------------------------------

// “2023年1月1日至2023年12月31日”, also with blanks, 起, dashes, or the end year left out.
const PERIOD = /((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|—+|-+|－+|~|～|–)\s*(?:((?:19|20)\d\d)\s*年\s*)?12\s*月\s*31\s*日/g;
/** The period written to the month (统计期限为2022年1月至12月), taken only on a line that says it is the period of statistics. */
const PERIOD_MONTHS = /((?:19|20)\d\d)\s*年\s*1\s*月\s*起?\s*(?:至|到|—+|-+|－+|~|～|–)\s*(?:((?:19|20)\d\d)\s*年\s*)?12\s*月(?!\s*\d)/g;

function period(idx: LineIndex, year: number): RawFinding[] {
  const out: RawFinding[] = [];
  const { text } = idx;
  // Only the few lines with a month (月) can hold the period.
  for (let at = text.indexOf('月'); at >= 0;) {
    const l = idx.position(at).line;
    at = l + 1 < idx.lineCount ? text.indexOf('月', idx.lineStart(l + 1)) : -1;
    const raw = idx.lineText(l);
    if (!(raw.includes('12') || raw.includes('１２'))) continue;
    const line = toHalfWidth(raw); // same length: offsets stay valid
    for (const re of line.includes('统计') ? [PERIOD, PERIOD_MONTHS] : [PERIOD]) {
      re.lastIndex = 0;
      for (let m; (m = re.exec(line));) {
        if (lastYearsPeriod(line, m.index, m.index + m[0].length)) continue;
        if (Number(m[1]) !== year) out.push(periodFinding(l, m[1], m.index, year));
        if (m[2] && Number(m[2]) !== year) out.push(periodFinding(l, m[2], m.index + m[0].lastIndexOf(m[2]), year));
      }
    }
  }
  return out;
}

// A period that is last year's, not the report's: 上年度（2022年1月1日至2022年12月31日）, 较2022年1月1日至…,
// 与2022年1月1日至2022年12月31日相比.
const LAST_PERIOD_BEFORE = /(?:(?:上一?年度?|去年)(?:同期)?\s*[（(：:]?|较|比)\s*$/;
const COMPARED_PERIOD = /^\s*[）)]?\s*(?:相比|比较|相较)/;

function lastYearsPeriod(line: string, start: number, end: number): boolean {
  const before = line.slice(Math.max(0, start - 8), start);
  return LAST_PERIOD_BEFORE.test(before) || (/(?:与|同|和)\s*[（(]?\s*$/.test(before) && COMPARED_PERIOD.test(line.slice(end, end + 8)));
}

function periodFinding(l: number, written: string, at: number, year: number): RawFinding {
  return {
    code: 'year-mismatch', range: lineSpan(l, at, at + 4),
    message: {
      zh: `统计期限写的是${written}年，而标题是${year}年度报告；统计期限应为${year}年1月1日至${year}年12月31日。`,
      en: `The period says ${written} but the title says this is the ${year} report; the period is 1 January to 31 December ${year}.`,
    },
    fix: { title: { zh: `改为${year}`, en: `Change to ${year}` }, edits: [{ range: lineSpan(l, at, at + 4), newText: String(year) }], safe: false },
  };
}

// A year that compares (较2020年, 与2020年相比, 由2020年的3件增至, 2020年以来) or names last year's report is not pasted text.
const COMPARED_BEFORE = /(?:较|比|与|同|自|从|由|和|及|对比|相比|截至上)\s*$/;
// Nor is a year listed after another (2021年、2022年连续两年), or spelling out 上年 (比上年（2022年）).
const LISTED_BEFORE = /(?:(?:19|20)\d\d\s*年度?\s*[、和及至到—~-]|(?:上一?年度?|去年)\s*[（(])\s*$/;
// Section 5 reports how last year's problems were rectified (the 2021 format asks for it): a sentence that
// goes on to them as rectified (2022年度存在问题的整改情况, …均已整改到位, …已逐项完成整改) speaks of last year.
const RECTIFIED = /整改(?:情况|到位|完毕|完成|落实情况)|(?:完成|已经?)[^，,。；;]{0,6}整改/;
// So does a year that dates an event (2022年底完成, 2022年12月督查, 2022年政务公开第三方评估中).
const DATED_AFTER = /^\s*年度?\s*(?:底|末|初|上半年|下半年|\d{1,2}\s*月|[^，,。；;我本在将]{0,10}?(?:评估|督查|审计|考核|检查|巡视|巡察))/;
// Unless the sentence plans with it up to there (下一步，我局将于2022年底前完成; 2022年存在的问题将于年底前整改完毕):
// last year's plans pasted.
const PLANS = /将|拟|计划|力争|争取|下一?步/;
const SENTENCE_END = /[。；;！!？?]/;
const COMPARED_AFTER = /^\s*年度?\s*(?:以来|起|相比|同比|同期|至|到|—|-|~|、|和|及|[^，。；,;]{0,14}?(?:报告|年报))/;
const YEAR = /(?:19|20)\d\d(?=\s*年)/g;

/** Last year's number inside 五、存在的主要问题及改进情况: usually last year's paragraph pasted in. */
function lastYearInProblems(report: Report, idx: LineIndex, year: number): RawFinding[] {
  const problems = report.sections.find((s) => s.number === 5);
  if (!problems) return [];
  const last = String(year - 1);
  // A line can name last year only if the section holds it, or full-width digits that may spell it.
  const body = idx.text.slice(idx.offset(problems.headingRange.end), idx.offset(problems.range.end));
  if (!body.includes(last) && !FULLWIDTH_DIGIT.test(body)) return [];
  const out: RawFinding[] = [];
  for (const { line: l, from, text: raw } of sectionBody(idx, problems)) {
    if (!raw.includes('年')) continue;
    const line = toHalfWidth(raw);
    if (!line.includes(last)) continue;
    YEAR.lastIndex = 0;
    for (let m; (m = YEAR.exec(line));) {
      if (m[0] !== last) continue;
      const at = m.index;
      if (COMPARED_BEFORE.test(line.slice(Math.max(0, at - 4), at)) || COMPARED_AFTER.test(line.slice(at + 4, at + 24))) continue;
      if (LISTED_BEFORE.test(line.slice(Math.max(0, at - 10), at)) || inTitleMarks(line, at) || speaksOfLastYear(line, at)) continue;
      out.push(pastedYear(lineSpan(l, from + at, from + at + 4), last, year));
    }
  }
  return out;
}

const FULLWIDTH_DIGIT = /[０-９]/;

// What is read around a year: a sentence's or a title's length (a line can hold the whole report, years without end).
const NEAR = 60;

/** Inside 《…》: a document's title (《国务院办公厅关于印发2022年政务公开工作要点的通知》). */
function inTitleMarks(line: string, at: number): boolean {
  const before = line.slice(Math.max(0, at - NEAR), at);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

/** The year at `at` dates an event or last year's rectified problems, and its sentence does not plan with it. */
function speaksOfLastYear(line: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < NEAR && !SENTENCE_END.test(line[start - 1])) start--;
  let end = at + 4;
  while (end < line.length && end - at < NEAR && !SENTENCE_END.test(line[end])) end++;
  const after = line.slice(at + 4, end);
  if (DATED_AFTER.test(after) && !PLANS.test(line.slice(start, at))) return true;
  const fixed = RECTIFIED.exec(after);
  return fixed !== null && !PLANS.test(line.slice(start, at + 4 + fixed.index));
}

function pastedYear(range: Range, last: string, year: number): RawFinding {
  return {
    code: 'year-mismatch', range,
    message: {
      zh: `第五部分“存在的主要问题及改进情况”写的是${last}年，而这是${year}年度报告：这段文字可能是从上一年的报告沿用的，请核对。`,
      en: `Section 5 speaks of ${last} in the ${year} report: this paragraph may have been pasted from last year's report.`,
    },
    fix: { title: { zh: `改为${year}`, en: `Change to ${year}` }, edits: [{ range, newText: String(year) }], safe: false },
  };
}

export const yearMismatch: Rule = {
  code: 'year-mismatch', severity: 'warning',
  title: { zh: '年份前后不一致', en: 'Years disagree' },
  description: {
    zh: '统计期限（…年1月1日至…年12月31日；写明“统计”的一句中也可只写到月：…年1月至12月）的年份须与标题的报告年度一致；写明是上一年的期限（上年度（2022年1月1日至2022年12月31日）、与2022年1月1日至2022年12月31日相比）不算。第五部分“存在的主要问题及改进情况”里出现上一年的年份，多半是沿用了上一年报告的文字；与上一年比较（较2022年、2022年以来、比上年（2022年））、引用上一年报告或文件（《…2022年…》）、报告上一年问题的整改情况（2022年度存在问题的整改情况）、写明日期或评估督查的（2022年底、2022年12月督查）不算，但写的是打算（下一步，我局将在2022年…）的仍算。快速修复改为报告年度。',
    en: 'The statistical period (1 January to 31 December, or in a sentence about the statistics 1月至12月) must be the title\'s year; last year\'s period named as such (上年度（2022年1月1日至2022年12月31日）) passes. Last year\'s number inside section 5 usually means last year\'s text was pasted in; comparisons (较2022年, 2022年以来), last year\'s report or a document\'s title, last year\'s problems as rectified and dated events (2022年底, 2022年12月督查) pass, unless the sentence makes plans with the year. The quick fix writes the report year.',
  },
  check({ report, idx }) {
    const year = report.year;
    return year === null ? [] : [...period(idx, year), ...lastYearInProblems(report, idx, year)];
  },
};
