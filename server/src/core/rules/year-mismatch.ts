import { lineSpan, type LineIndex, type Range } from '../lineIndex';
import { sectionBody, type Report } from '../model';
import { toHalfWidth } from '../strings';
import type { RawFinding, Rule } from './types';

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
    PERIOD.lastIndex = 0;
    for (let m; (m = PERIOD.exec(line));) {
      if (Number(m[1]) !== year) out.push(periodFinding(l, m[1], m.index, year));
      if (m[2] && Number(m[2]) !== year) out.push(periodFinding(l, m[2], m.index + m[0].lastIndexOf(m[2]), year));
    }
  }
  return out;
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

// A year that compares (较2020年, 与2020年相比, 2020年以来) or names last year's report is not pasted text.
const COMPARED_BEFORE = /(?:较|比|与|同|自|从|和|及|对比|相比|截至上)\s*$/;
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
      out.push(pastedYear(lineSpan(l, from + at, from + at + 4), last, year));
    }
  }
  return out;
}

const FULLWIDTH_DIGIT = /[０-９]/;

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
    zh: '统计期限（…年1月1日至…年12月31日）的年份须与标题的报告年度一致。第五部分“存在的主要问题及改进情况”里出现上一年的年份，多半是沿用了上一年报告的文字；与上一年比较（较2022年、2022年以来）、引用上一年报告的不算。快速修复改为报告年度。',
    en: 'The statistical period must be the title\'s year. Last year\'s number inside section 5 usually means last year\'s text was pasted in; comparisons (较2022年, 2022年以来) pass. The quick fix writes the report year.',
  },
  check({ report, idx }) {
    const year = report.year;
    return year === null ? [] : [...period(idx, year), ...lastYearInProblems(report, idx, year)];
  },
};
