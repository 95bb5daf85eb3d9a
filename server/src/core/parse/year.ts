import type { LineIndex } from '../lineIndex';
import { toHalfWidth } from '../strings';
import { arabicYears } from './sections';

// The years a report's text states, besides its title: its statistical period, and the years its prose
// names. The title's year is the report's unless the text says otherwise by a majority (a title pasted
// from last year's report, 2022年度, over a text that says 2023 throughout); year-mismatch reads the
// same periods.

// “2023年1月1日至2023年12月31日”, also with blanks, 起, dashes, or the end year left out, and with the year, month
// and day in Chinese numerals (二〇二三年一月一日至十二月三十一日: the years are read as digits first, arabicYears).
const PERIOD = /((?:19|20)\d\d)\s*年\s*(?:1|一)\s*月\s*(?:1|一)\s*日\s*起?\s*(?:至|到|—+|-+|－+|~|～|–)\s*(?:((?:19|20)\d\d)\s*年\s*)?(?:12|十二)\s*月\s*(?:31|三十一)\s*日/g;
/** The period written to the month (统计期限为2022年1月至12月), taken only on a line that says it is the period of statistics. */
const PERIOD_MONTHS = /((?:19|20)\d\d)\s*年\s*(?:1|一)\s*月\s*起?\s*(?:至|到|—+|-+|－+|~|～|–)\s*(?:((?:19|20)\d\d)\s*年\s*)?(?:12|十二)\s*月(?!\s*\d)/g;

// A period that is last year's, not the report's: 上年度（2022年1月1日至2022年12月31日）, 较2022年1月1日至…,
// 与2022年1月1日至2022年12月31日相比.
const LAST_PERIOD_BEFORE = /(?:(?:上一?年度?|去年)(?:同期)?\s*[（(：:]?|较|比)\s*$/;
const COMPARED_PERIOD = /^\s*[）)]?\s*(?:相比|比较|相较)/;

function lastYearsPeriod(line: string, start: number, end: number): boolean {
  const before = line.slice(Math.max(0, start - 8), start);
  return LAST_PERIOD_BEFORE.test(before) || (/(?:与|同|和)\s*[（(]?\s*$/.test(before) && COMPARED_PERIOD.test(line.slice(end, end + 8)));
}

/** A year of a statistical period: its line, where it stands in the line, as written (2023, ２０２３, 二〇二三), its value. */
export interface PeriodYear { line: number; at: number; written: string; year: number }

/** The report's statistical periods (not last year's named as such): each a list of its years (the start's, and the end's when written). */
export function statedPeriods(idx: LineIndex): PeriodYear[][] {
  const out: PeriodYear[][] = [];
  const { text } = idx;
  // Only the few lines with a month (月) can hold the period.
  for (let at = text.indexOf('月'); at >= 0;) {
    const l = idx.position(at).line;
    at = l + 1 < idx.lineCount ? text.indexOf('月', idx.lineStart(l + 1)) : -1;
    const raw = idx.lineText(l);
    if (!(raw.includes('12') || raw.includes('１２') || raw.includes('十二'))) continue;
    const line = arabicYears(toHalfWidth(raw)); // same length: offsets stay valid
    for (const re of line.includes('统计') ? [PERIOD, PERIOD_MONTHS] : [PERIOD]) {
      re.lastIndex = 0;
      for (let m; (m = re.exec(line));) {
        if (lastYearsPeriod(line, m.index, m.index + m[0].length)) continue;
        const year = (at: number, digits: string) => ({ line: l, at, written: raw.slice(at, at + 4), year: Number(digits) });
        const years = [year(m.index, m[1])];
        if (m[2]) years.push(year(m.index + m[0].lastIndexOf(m[2]), m[2]));
        out.push(years);
      }
    }
  }
  return out;
}

// A year that compares (较2020年, 与2020年相比, 由2020年的3件增至, 2020年以来) or names last year's report is not pasted text.
export const COMPARED_BEFORE = /(?:较|比|与|同|自|从|由|和|及|对比|相比|截至上)\s*$/;
// Nor is a year listed after another (2021年、2022年连续两年), or spelling out 上年 (比上年（2022年）).
export const LISTED_BEFORE = /(?:(?:19|20)\d\d\s*年度?\s*[、和及至到—~-]|(?:上一?年度?|去年)\s*[（(])\s*$/;
export const COMPARED_AFTER = /^\s*年度?\s*(?:以来|起|相比|同比|同期|至|到|—|-|~|、|和|及|[^，。；,;]{0,14}?(?:报告|年报))/;
export const YEAR = /(?:19|20)\d\d(?=\s*年)/g;
/** A date (2023年5月, 2023年1月1日至…): a day or a period, not the year a sentence speaks of. */
const DATE_AFTER = /^\s*年\s*\d{1,2}\s*月/;

// What is read around a year: a sentence's or a title's length (a line can hold the whole report, years without end).
export const NEAR = 60;

/** Inside 《…》: a document's title (《国务院办公厅关于印发2022年政务公开工作要点的通知》). */
export function inTitleMarks(line: string, at: number): boolean {
  const before = line.slice(Math.max(0, at - NEAR), at);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

/**
 * How often the text after the title names each year as the one it speaks of (2023年，本机关… 2023年共收到…):
 * not in a date, a comparison, a list of years, or a document's title.
 */
export function yearsSpokenOf(idx: LineIndex, from: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (let l = from; l < idx.lineCount; l++) {
    const raw = idx.lineText(l);
    if (!raw.includes('年')) continue;
    const line = toHalfWidth(raw);
    YEAR.lastIndex = 0;
    for (let m; (m = YEAR.exec(line));) {
      const at = m.index, after = line.slice(at + 4, at + 24);
      if (DATE_AFTER.test(after) || COMPARED_AFTER.test(after) || COMPARED_BEFORE.test(line.slice(Math.max(0, at - 4), at))) continue;
      if (LISTED_BEFORE.test(line.slice(Math.max(0, at - 10), at)) || inTitleMarks(line, at)) continue;
      const year = Number(m[0]);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The report's year: the title's, unless the text outvotes it — another year is the one of more of the
 * statistical periods and the one the prose names more often (a title pasted from last year's report).
 * A period pasted from last year under the right title is outvoted by the prose, and stays the one to blame;
 * where the text does not say more (a tie), the title stands.
 */
export function reportYear(idx: LineIndex, titleYear: number | null, titleLine: number): number | null {
  if (titleYear === null) return null;
  const periods = new Map<number, number>();
  for (const years of statedPeriods(idx)) {
    for (const year of new Set(years.map((y) => y.year))) periods.set(year, (periods.get(year) ?? 0) + 1);
  }
  const rivals = [...periods.keys()].filter((y) => y !== titleYear && periods.get(y)! > (periods.get(titleYear) ?? 0));
  if (!rivals.length) return titleYear;
  const spoken = yearsSpokenOf(idx, titleLine + 1);
  let year = titleYear;
  for (const y of rivals) if ((spoken.get(y) ?? 0) > (spoken.get(year) ?? 0)) year = y;
  return year;
}
