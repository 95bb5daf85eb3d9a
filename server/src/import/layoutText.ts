import { nextColumn } from '../core/parse/tokens';
import { isPageMarker } from '../core/strings';
import { NOTE_MARK, PICTURE_LINE } from './types';

// Positioned text (a PDF's text layer, an OFD's text objects) as draft text the reader reads like
// `pdftotext -layout` output: the words of one baseline on one line, each at a column proportional
// to where it stands on the page (a Chinese character two columns), so that a table's numbers line
// up under their headers and a blank cell is a wider gap. Page headers, footers and page numbers
// are dropped; pages follow each other with nothing between them. A picture that could be a table
// (a screenshot pasted in, a scanned page) is a line of its own, PICTURE_LINE, at its place.

/** No annual report has this many pages: a longer PDF or OFD is refused before its pages are read. */
export const MAX_PAGES = 300;

/** A run of text in page coordinates (points), y growing downwards, at its baseline. */
export interface Run { text: string; x: number; y: number; width: number; size: number }

/**
 * One line of a page: its baseline, the size of its text and its runs, left to right; or a picture
 * (`picture`, no runs) standing in the text's flow, at its top.
 */
export interface Line { y: number; size: number; runs: Run[]; picture?: true }

/** A rectangle on a page, in page coordinates (points, y growing downwards): where a picture is painted. */
export interface Box { x: number; y: number; width: number; height: number }

// Two runs are on one line when their baselines are closer than this share of the text's size: the
// numbers of a table row sit a little lower than its label (another font), and beside a label of two
// lines they are centred between them, nearer the second (huaian 2024: 5.3 pt below the first line at 7.5 pt);
// the lines of a paragraph or a table are at least a whole size apart.
const SAME_LINE = 0.75;
// A gap narrower than this share of the size is inside a word: pdf.js splits runs where the font or
// the spacing changes, not where the words do, and OFD writers often place each character alone.
export const WORD_GAP = 0.15;

/**
 * Whether `run` is a note's mark set after `before` (a footnote's ¹ after a cell's 5), no part of the text: two
 * fifths to four fifths its size, its baseline a fifth of a size higher or more, no wider gap than a third of a size.
 */
const raisedMark = (run: Run, before: Run) => run.size <= before.size * 0.8 && run.size >= before.size * 0.4 && before.y - run.y >= before.size * 0.2
  && run.x - (before.x + before.width) < before.size * 0.3 && NOTE_MARK.test(run.text);

// A label set with distributed alignment (分散对齐: Word's and WPS's way to fill a table's label cell) has its
// characters spread evenly across the cell, gaps wider than a word's: 予　　以　　公　　开. pdf.js gives each
// character as a piece of its own when the gap is over some half a character, and the draft would show four cells of
// a character each. Such a chain of characters, the gaps between them equal, is one word.
/** Gaps between a spread label's characters are at most this many sizes (a short label in a wide cell), and equal to this share of a size. */
const SPREAD_GAP = 4;
const SAME_GAP = 0.15;
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;
/** What stands for nothing in a cell (无, 空, 是, 否…): two cells of it side by side are no word. */
const ALONE = /^[无空是否有—\-－/／×]$/;

/**
 * Whether `chain` (runs of one character each, left to right, the gaps between them alike) is a label spread
 * across its cell: two different Chinese characters or more (not a row's placeholders, 无 无).
 */
function isSpread(chain: Run[]): boolean {
  const ideographs = chain.map((r) => r.text).filter((c) => IDEOGRAPH.test(c));
  return new Set(ideographs).size >= 2 && !(chain.length === 2 && chain.some((r) => ALONE.test(r.text)));
}

/**
 * A line's runs with each label spread by distributed alignment as one run: a chain of characters, each a run,
 * the gaps between them alike (and none over SPREAD_GAP); digits only before its first Chinese character (2.重复申请:
 * a number after it is the row's next cell's).
 */
function withSpreadLabels(runs: Run[]): Run[] {
  const out: Run[] = [];
  let chain: Run[] = [];
  const flush = () => {
    if (chain.length >= 2 && isSpread(chain)) {
      const [a, z] = [chain[0], chain[chain.length - 1]];
      out.push({ text: chain.map((r) => r.text).join(''), x: a.x, y: a.y, width: z.x + z.width - a.x, size: a.size });
    } else out.push(...chain);
    chain = [];
  };
  const gap = (p: Run, q: Run) => q.x - (p.x + p.width);
  for (const spaced of runs) {
    // (Gaps of half a character or so pdf.js gives as a space in one piece: 4 . 无 正 当.)
    const chars = spaced.text.split(' ');
    const run = chars.length >= 2 && chars.every((c) => [...c].length === 1) && isSpread(chars.map((text) => ({ ...spaced, text })))
      && !/[\d０-９]/.test(spaced.text.slice(spaced.text.search(IDEOGRAPH))) ? { ...spaced, text: chars.join('') } : spaced;
    const one = [...run.text].length === 1;
    const [first, last] = [chain[0], chain[chain.length - 1]];
    const joins = one && last && Math.abs(run.size - last.size) <= last.size * 0.1 && gap(last, run) <= SPREAD_GAP * last.size
      && (chain.length < 2 || Math.abs(gap(last, run) - gap(first, chain[1])) <= SAME_GAP * last.size)
      && !(/[\d０-９]/.test(run.text) && chain.some((r) => IDEOGRAPH.test(r.text)));
    if (!joins) flush();
    if (one) chain.push(run); else out.push(run);
  }
  flush();
  return out;
}

/** A page's runs as lines, top to bottom: grouped by baseline, each line left to right. */
export function linesOf(runs: Run[]): Line[] {
  runs.sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: Line[] = [];
  for (const run of runs) {
    const line = lines[lines.length - 1];
    if (line && run.y - line.y <= SAME_LINE * Math.min(run.size, line.size)) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  for (const line of lines) {
    line.runs.sort((p, q) => p.x - q.x);
    // The line's size is its longest run's: the size its columns are counted in.
    line.size = line.runs.reduce((m, r) => (r.text.length > m.text.length ? r : m)).size;
    // Text drawn twice a hair apart (bold faked by some Chinese word processors) is kept once.
    line.runs = line.runs.filter((r, i, all) => i === 0 || !(r.text === all[i - 1].text && r.x - all[i - 1].x < r.size * 0.2));
  }
  return lines;
}

// A picture is a table's only when it is as big as one: a third of the page wide and three lines of
// 小四 (12 pt) tall. A seal (4 cm across, under a third of an A4 page's width), a logo, a QR code or a
// rule is smaller.
const PICTURE_WIDTH = 1 / 3;
const PICTURE_HEIGHT = 36;
// Pictures painted this close (points) are one: a scan in strips or tiles.
const TOUCHING = 2;

/** The smallest box holding both. */
const union = (p: Box, q: Box): Box => {
  const x = Math.min(p.x, q.x), y = Math.min(p.y, q.y);
  return { x, y, width: Math.max(p.x + p.width, q.x + q.width) - x, height: Math.max(p.y + p.height, q.y + q.height) - y };
};
const touch = (p: Box, q: Box) =>
  p.x <= q.x + q.width + TOUCHING && q.x <= p.x + p.width + TOUCHING && p.y <= q.y + q.height + TOUCHING && q.y <= p.y + p.height + TOUCHING;

/**
 * A page's lines with a picture line for each of `pictures` (as painted, in page coordinates) that
 * could be a table. What is outside the page is cut off; a picture with lines of the page's text over
 * it is a background (a scan under its recognised text, a watermark), not a picture in the flow; of the
 * others, one touching the picture painted before it is one with it (a scan in strips or tiles); one
 * too small for a table is no table's.
 */
export function withPictures(lines: Line[], pictures: Box[], page: { width: number; height: number }): Line[] {
  const under = (box: Box) => lines.filter((l) => l.y > box.y + l.size && l.y < box.y + box.height
    && l.runs.some((r) => r.x < box.x + box.width && r.x + r.width > box.x)).length >= 2;
  const joined: Box[] = [];
  for (const box of pictures) {
    const x = Math.max(0, box.x), y = Math.max(0, box.y);
    const onPage = { x, y, width: Math.min(page.width, box.x + box.width) - x, height: Math.min(page.height, box.y + box.height) - y };
    if (onPage.width <= 0 || onPage.height <= 0 || under(onPage)) continue;
    const last = joined[joined.length - 1];
    if (last && touch(last, onPage)) joined[joined.length - 1] = union(last, onPage);
    else joined.push(onPage);
  }
  const shown = joined.filter((b) => b.width >= page.width * PICTURE_WIDTH && b.height >= PICTURE_HEIGHT);
  if (shown.length === 0) return lines;
  return [...lines, ...shown.map((b): Line => ({ y: b.y, size: 0, runs: [], picture: true }))].sort((p, q) => p.y - q.y);
}

/** The display columns of a text (a Chinese character two), as the reader counts them. */
export function columns(text: string, from = 0): number {
  let col = from;
  for (let i = 0; i < text.length; i++) col = nextColumn(col, text.charCodeAt(i));
  return col;
}

/** A line as text: each run at the column of its place on the page, at least one space after a visible gap. */
function render(line: Line, left: number, unit: number): string {
  let out = '', col = 0, end = -Infinity;
  for (const run of line.runs) {
    if (out === '' || run.x - end > run.size * WORD_GAP) {
      const at = Math.round((run.x - left) / unit);
      const pad = out === '' ? Math.max(0, at) : Math.max(1, at - col);
      out += ' '.repeat(pad);
      col += pad;
    }
    out += run.text;
    col = columns(run.text, col);
    end = Math.max(end, run.x + run.width);
  }
  return out;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

// Page headers and footers stand in this share of the page at its top and bottom.
const MARGIN = 0.08;

/** Same text but for its numbers (a page number, a date): how a running header or footer repeats. */
const shape = (line: Line) => line.runs.map((r) => r.text).join('').replace(/\d+/g, '#').replace(/\s+/g, '');

/**
 * The pages without a watermark laid flat (征求意见稿, 内部资料: Word's and WPS's horizontal watermark, printed
 * in the middle of every page): words or Chinese characters, no digits, bigger than the text, in the same place on most pages (as
 * many as a running header must be on), which no report's own text is (a table's header printed again on
 * the next pages is not bigger). It would land inside a table's row or a sentence. (A slanted watermark is
 * left out with any text not set left to right.) Then without notes' marks (raisedMark).
 */
function withoutMarks(pages: Line[][]): Line[][] {
  const key = (r: Run) => `${Math.round(r.x / 4)} ${Math.round(r.y / 4)} ${r.text}`;
  // The size most of the text is set in (by characters).
  const chars = new Map<number, number>();
  for (const r of pages.flat().flatMap((l) => l.runs)) chars.set(r.size, (chars.get(r.size) ?? 0) + r.text.length);
  const body = [...chars].reduce((m, e) => (e[1] > m[1] ? e : m), [0, 0])[0];
  const onPages = new Map<string, number>();
  for (const lines of pages) {
    // (A character of its own when OFD writers place each alone.)
    const candidates = lines.flatMap((l) => l.runs.filter((r) => r.size >= body * 1.25 && (r.text.length >= 2 || CJK.test(r.text)) && !/[\d０-９]/.test(r.text)).map(key));
    for (const k of new Set(candidates)) onPages.set(k, (onPages.get(k) ?? 0) + 1);
  }
  const least = Math.max(3, pages.length * 0.6);
  const marks = new Set([...onPages].filter(([, n]) => n >= least).map(([k]) => k));
  return pages.map((lines) => lines.flatMap((line) => {
    if (line.picture) return [line];
    const runs = line.runs.filter((r) => marks.size === 0 || !marks.has(key(r))).filter((r, i, all) => i === 0 || !raisedMark(r, all[i - 1]));
    if (runs.length === line.runs.length) return [line];
    return runs.length ? [{ ...line, runs, size: runs.reduce((m, r) => (r.text.length > m.text.length ? r : m)).size }] : [];
  }));
}

/**
 * The pages' lines as one text (`heights`: each page's, in the units of its lines), without what is printed in the margins of every page (a running
 * header, a footer) and page numbers (“- 3 -”, “第 3 页”): they would land inside tables and sentences.
 */
export function draft(printed: Line[][], heights: number[]): string {
  // (Labels spread across their cells joined once the watermarks, which OFD writers may place a character each, are gone.)
  const pages = withoutMarks(printed).map((lines) => lines.map((line) => (line.picture ? line : { ...line, runs: withSpreadLabels(line.runs) })));
  const inMargin = (line: Line, p: number) => line.y < heights[p] * MARGIN || line.y > heights[p] * (1 - MARGIN);
  // How many pages have a line of this shape in their margins, and where.
  const seen = new Map<string, number[]>();
  pages.forEach((lines, p) => {
    for (const line of lines) if (!line.picture && inMargin(line, p)) { const k = shape(line); seen.set(k, [...(seen.get(k) ?? []), line.y]); }
  });
  const repeated = (line: Line) => {
    const ys = seen.get(shape(line)) ?? [];
    return pages.length >= 3 && ys.filter((y) => Math.abs(y - line.y) < 3).length >= Math.max(3, pages.length * 0.6);
  };
  const left = Math.min(...pages.flat().flatMap((l) => l.runs.map((r) => r.x)));
  const out: string[] = [];
  // A column is half the size of a line's text (a Chinese character is two columns wide); but a line
  // of numbers only (a table's row, often in a bigger font than its headers) keeps the columns of the
  // line above it, so that its numbers stand under their headers.
  let unit = 0;
  pages.forEach((lines, p) => {
    for (const line of lines) {
      if (line.picture) { out.push(PICTURE_LINE); continue; }
      if (inMargin(line, p) && (isPageMarker(line.runs.map((r) => r.text).join(' ')) || repeated(line))) continue;
      if (unit === 0 || line.runs.some((r) => CJK.test(r.text))) unit = line.size / 2;
      out.push(render(line, left, unit).trimEnd());
    }
  });
  return out.length ? out.join('\n') + '\n' : '';
}
