import { lineSpan, type LineIndex, type Range } from '../lineIndex';
import { sectionBody, type Report } from '../model';
import { toHalfWidth } from '../strings';
import { yearLike } from '../parse/sections';
import { COMPARED_AFTER, COMPARED_BEFORE, inTitleMarks, LISTED_BEFORE, NEAR, statedPeriods, YEAR, yearsSpokenOf } from '../parse/year';
import type { RawFinding, Rule } from './types';

// ---- year-mismatch --------------------------------------------------------------------------

function period(idx: LineIndex, year: number, titled: boolean): RawFinding[] {
  const out: RawFinding[] = [];
  for (const years of statedPeriods(idx)) {
    for (const y of years) if (y.year !== year) out.push(periodFinding(y.line, y.written, y.at, year, titled));
  }
  return out;
}

function periodFinding(l: number, written: string, at: number, year: number, titled: boolean): RawFinding {
  return {
    code: 'year-mismatch', range: lineSpan(l, at, at + 4),
    message: titled ? {
      zh: `统计期限写的是${written}年，而标题是${year}年度报告；统计期限应为${year}年1月1日至${year}年12月31日。`,
      en: `The period says ${written} but the title says this is the ${year} report; the period is 1 January to 31 December ${year}.`,
    } : {
      zh: `统计期限写的是${written}年，而其余统计期限和正文都说这是${year}年度报告；统计期限应为${year}年1月1日至${year}年12月31日。`,
      en: `The period says ${written} but the other periods and the text say this is the ${year} report; the period is 1 January to 31 December ${year}.`,
    },
    fix: fixTo(yearLike(written, year), lineSpan(l, at, at + 4)),
  };
}

/**
 * The title's year where the text outvotes it (parse/year.ts): a title pasted from last year's report over a
 * text that says the report's year in its period and throughout. The title is the one to fix.
 */
function titleFinding(report: Report, idx: LineIndex, year: number, titleYear: number): RawFinding {
  const range = report.yearRange;
  const spoken = yearsSpokenOf(idx, range ? range.end.line + 1 : 0);
  const [now, then] = [spoken.get(year) ?? 0, spoken.get(titleYear) ?? 0];
  // Last year's title kept is the likely cause only when the title is a year behind.
  const kept = titleYear === year - 1;
  // The title's year as written (二〇二二), and the fix in the same numerals.
  const written = range ? idx.text.slice(idx.offset(range.start), idx.offset(range.end)) : String(titleYear);
  return {
    code: 'year-mismatch', range: range ?? idx.lineRange(0),
    message: {
      zh: `标题写的是${written}年度，而统计期限是${year}年，正文写${year}年的有 ${now} 处、写${titleYear}年的有 ${then} 处：${kept ? '标题的年份可能是沿用上一年报告的，' : ''}应为${year}年度。`,
      en: `The title says ${titleYear}, but the statistical period is ${year} and the text names ${year} ${now} times, ${titleYear} ${then} times: ${kept ? "the title's year may have been kept from last year's report; " : ''}it should be ${year}.`,
    },
    ...(range ? { fix: fixTo(yearLike(written, year), range) } : {}),
  };
}

/** The quick fix that writes `written` (the year, in the numerals the title uses) over `range`. */
const fixTo = (written: string, range: Range) => ({ title: { zh: `改为${written}`, en: `Change to ${written}` }, edits: [{ range, newText: written }], safe: false });

// Section 5 reports how last year's problems were rectified (the 2021 format asks for it): a sentence that
// goes on to them as rectified (2022年度存在问题的整改情况, …均已整改到位, …已逐项完成整改) speaks of last year.
const RECTIFIED = /整改(?:情况|到位|完毕|完成|落实情况)|(?:完成|已经?)[^，,。；;]{0,6}整改/;
// So does a year that dates an event (2022年底完成, 2022年12月督查, 2022年政务公开第三方评估中).
const DATED_AFTER = /^\s*年度?\s*(?:底|末|初|上半年|下半年|\d{1,2}\s*月|[^，,。；;我本在将]{0,10}?(?:评估|督查|审计|考核|检查|巡视|巡察))/;
// Unless the sentence plans with it up to there (下一步，我局将于2022年底前完成; 2022年存在的问题将于年底前整改完毕):
// last year's plans pasted.
const PLANS = /将|拟|计划|力争|争取|下一?步/;
const SENTENCE_END = /[。；;！!？?]/;

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
    zh: '统计期限（…年1月1日至…年12月31日；写明“统计”的一句中也可只写到月：…年1月至12月）的年份须与标题的报告年度一致；写明是上一年的期限（上年度（2022年1月1日至2022年12月31日）、与2022年1月1日至2022年12月31日相比）不算。第五部分“存在的主要问题及改进情况”里出现上一年的年份，多半是沿用了上一年报告的文字；与上一年比较（较2022年、2022年以来、比上年（2022年））、引用上一年报告或文件（《…2022年…》）、报告上一年问题的整改情况（2022年度存在问题的整改情况）、写明日期或评估督查的（2022年底、2022年12月督查）不算，但写的是打算（下一步，我局将在2022年…）的仍算。报告年度一般按标题；但统计期限是另一年、正文说这一年的次数也比标题的年份多时（标题沿用了上一年报告的“2022年度”，统计期限和正文都是2023年），按统计期限和正文定报告年度，指出的是标题的年份。快速修复改为报告年度。',
    en: 'The statistical period (1 January to 31 December, or in a sentence about the statistics 1月至12月) must be the title\'s year; last year\'s period named as such (上年度（2022年1月1日至2022年12月31日）) passes. Last year\'s number inside section 5 usually means last year\'s text was pasted in; comparisons (较2022年, 2022年以来), last year\'s report or a document\'s title, last year\'s problems as rectified and dated events (2022年底, 2022年12月督查) pass, unless the sentence makes plans with the year. The report year is the title\'s, unless the period states another year and the prose names that year more often than the title\'s (a title kept from last year\'s report over a text that says 2023 throughout): then the title\'s year is the one reported. The quick fix writes the report year.',
  },
  check({ report, idx }) {
    const { year, titleYear } = report;
    if (year === null) return [];
    const titled = titleYear === year;
    return [...(titled || titleYear === null ? [] : [titleFinding(report, idx, year, titleYear)]), ...period(idx, year, titled), ...lastYearInProblems(report, idx, year)];
  },
};
