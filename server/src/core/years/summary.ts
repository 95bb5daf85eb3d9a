import type { FormatVersion } from '../format/statute';
import { LineIndex, type Range } from '../lineIndex';
import { sectionBody, tableSpans, type Cell, type Report } from '../model';
import { parseReport } from '../parse/report';
import { bodyOfTitle } from './body';

// What the checks across years need of one report, small and plain (the language server keeps one per
// report of a workspace folder): who wrote it, for which year, the cells compared with last year's, and
// the paragraphs of 一 and 五 in a form that ignores figures, punctuation and blanks. Its ranges are
// where the findings are shown: a web page's are moved into its HTML (import/inSource.ts).

/**
 * A cell read as a number as written: blank, placeholder, ambiguous and inferred cells are not here.
 * `fixed: false` where its text cannot be replaced in place (a number split over a web page's elements).
 */
export interface YearCell { value: number; range: Range; fixed?: false }

/** A paragraph of 一 or 五: where it is, and its letters only (no digits, punctuation or blanks). */
export interface Paragraph { section: 1 | 5; range: Range; letters: string }

/** Who wrote a report (its title's name, e.g. 北京市大兴区西红门镇人民政府) and for which year: what reports are paired by. */
export interface Dated { body: string; year: number }

export interface YearSummary extends Dated {
  /** The version of table 2 (the stock of normative documents is only in the 2021 format). */
  t2Version: FormatVersion | null;
  /** Table 3 row 二、上年结转 and row 四、结转下年度继续办理, by column. */
  carriedIn: Record<string, YearCell>;
  carriedOver: Record<string, YearCell>;
  /** Table 2 (2021 format), rows regulations and normative, columns issued, repealed, in_force: keyed `row.col`. */
  stock: Record<string, YearCell>;
  paragraphs: Paragraph[];
  /** The letters in each of 一 and 五, all paragraphs counted: what the share of copied text is a share of. */
  sectionLetters: { 1: number; 5: number };
  /** The heading lines of 一 and 五, where they are: a finding on a whole section stands there. */
  headings: { 1?: Range; 5?: Range };
}

/** The two reports a check across years compares, each with the file it is in (a path or a URI). */
export interface YearPair {
  current: YearSummary & { file: string };
  previous: YearSummary & { file: string };
  /** The share of a section copied from last year above which copied-text is a warning (0–1). */
  copiedWarning: number;
}

/** Bounds on the work a huge or strange text can cause: paragraphs per section, letters kept of one, letters per section. */
const MAX_PARAGRAPHS = 200, MAX_LETTERS = 4000, MAX_SECTION_LETTERS = 40_000;

const usable = (c: Cell | undefined): c is Cell => c !== undefined && c.kind === 'number' && c.value !== null && !c.inferred;

function cells(row: Record<string, Cell> | undefined, prefix = ''): Record<string, YearCell> {
  const out: Record<string, YearCell> = {};
  for (const [col, c] of Object.entries(row ?? {})) if (usable(c)) out[prefix + col] = { value: c.value!, range: c.range };
  return out;
}

// Only Chinese characters and Latin letters are kept: digits, 〇, punctuation and blanks are dropped, so
// that a paragraph pasted from last year with its figures and year changed reads the same. (Not /\p{L}/u:
// that replace made the summary the larger part of its cost in a batch.)
const NOT_LETTERS = /[^\u3400-\u4dbf\u4e00-\u9fffA-Za-z]+/g;
const lettersOf = (s: string) => s.replace(NOT_LETTERS, '');

/**
 * A sentence of the statement every report opens with (本报告…编制, its period of statistics, where to ask):
 * the same each year by nature, and some reports write it inside 一; it is no text to copy.
 */
const STATEMENT = /统计期限|所列数据|如对本报告|电子版|要求编制|规定编制|编制而成/;

/** A line that ends a paragraph: its last character ends a sentence (。！？；), closing quotes aside. */
const ENDS_PARAGRAPH = /[。！？；!?;][”’」』）)\s]*$/;

function paragraphsOf(idx: LineIndex, report: Report, number: 1 | 5, out: Paragraph[]): number {
  const section = report.sections.find((s) => s.number === number);
  if (!section) return 0;
  const tables = tableSpans(idx, report);
  let total = 0, kept = 0;
  let start: Range['start'] | undefined, end: Range['end'] | undefined, letters = '';
  const close = () => {
    if (start && end && letters.length) {
      total += letters.length;
      if (kept++ < MAX_PARAGRAPHS && total <= MAX_SECTION_LETTERS) out.push({ section: number, range: { start, end }, letters: letters.slice(0, MAX_LETTERS) });
    }
    start = end = undefined;
    letters = '';
  };
  for (const { line, from, text } of sectionBody(idx, section)) {
    const at = idx.lineStart(line) + from;
    if (tables.some(([s, e]) => s <= at && at <= e)) { close(); continue; }
    const trimmed = text.trim();
    if (!trimmed) { close(); continue; }
    const lead = text.length - text.trimStart().length;
    start ??= { line, character: from + lead };
    end = { line, character: from + lead + trimmed.length };
    if (letters.length < MAX_LETTERS) letters += lettersOf(trimmed.split('。').filter((s) => !STATEMENT.test(s)).join('。'));
    if (ENDS_PARAGRAPH.test(trimmed)) close();
  }
  close();
  return total;
}

/**
 * The report's body and year, or undefined when it names either not. Cheap (the title's lines only):
 * a batch asks it of every report, and reads the whole summary only of those it pairs.
 */
export function datedOf(report: Report, idx: LineIndex): Dated | undefined {
  if (!report.looksLikeReport || report.year === null) return undefined;
  const body = bodyOfTitle(idx);
  return body ? { body, year: report.year } : undefined;
}

/** The summary of a report for the checks across years, or undefined when it names no body or no year. */
export function yearSummary(report: Report, idx: LineIndex): YearSummary | undefined {
  const dated = datedOf(report, idx);
  if (!dated) return undefined;
  const { body } = dated;
  const { t2, t3 } = report.tables;
  const stock = t2?.version === '2021' ? { ...cells(t2.rows.regulations?.cells, 'regulations.'), ...cells(t2.rows.normative?.cells, 'normative.') } : {};
  const paragraphs: Paragraph[] = [];
  const one = paragraphsOf(idx, report, 1, paragraphs), five = paragraphsOf(idx, report, 5, paragraphs);
  const headingOf = (n: 1 | 5) => report.sections.find((s) => s.number === n)?.headingRange;
  return {
    body, year: dated.year, t2Version: t2?.version ?? null,
    carriedIn: cells(t3?.rows['2']?.cells), carriedOver: cells(t3?.rows['4']?.cells), stock,
    paragraphs, sectionLetters: { 1: one, 5: five }, headings: { 1: headingOf(1), 5: headingOf(5) },
  };
}

/** The summary of a report's text (read for its summary only: a file paired with another one). */
export function summaryOfText(text: string): YearSummary | undefined {
  const idx = new LineIndex(text);
  return yearSummary(parseReport(text, idx), idx);
}

/** The summary with every range moved by `place` (into a web page's HTML); `exact` when the text there is the very same. */
export function movedSummary(s: YearSummary, place: (r: Range) => { range: Range; exact: boolean }): YearSummary {
  const moveCells = (c: Record<string, YearCell>) => Object.fromEntries(Object.entries(c).map(([k, v]): [string, YearCell] => {
    const { range, exact } = place(v.range);
    return [k, exact ? { value: v.value, range } : { value: v.value, range, fixed: false }];
  }));
  return {
    ...s, carriedIn: moveCells(s.carriedIn), carriedOver: moveCells(s.carriedOver), stock: moveCells(s.stock),
    paragraphs: s.paragraphs.map((p) => ({ ...p, range: place(p.range).range })),
    headings: { 1: s.headings[1] && place(s.headings[1]).range, 5: s.headings[5] && place(s.headings[5]).range },
  };
}
