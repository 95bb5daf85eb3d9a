import { isBlankCode, type LineIndex } from '../text';
import { isDigits, isValueLike, normalizeLabel } from './values';

/** A cell as cut from the text: trimmed text and its offsets (start = end for an empty cell). */
export interface RawCell {
  text: string;
  start: number;
  end: number;
  /** The lines of `start` and `end` (a cell continued on the next line ends there). */
  line: number;
  endLine: number;
  /** Cached by `labelOf`. */
  label: string | undefined;
}

// Label texts repeat from report to report: remember what each reads as.
const labels = new Map<string, string>();

/** The cell's normalized label text, or '' when it is empty or can only be a value. */
export function labelOf(cell: RawCell): string {
  if (cell.label !== undefined) return cell.label;
  if (cell.text === '' || isDigits(cell.text)) return (cell.label = ''); // most cells: a count or blank, without the lookup
  let label = labels.get(cell.text);
  if (label === undefined) {
    label = isValueLike(cell.text) ? '' : normalizeLabel(cell.text);
    if (labels.size > 20000) labels.clear();
    labels.set(cell.text, label);
  }
  return (cell.label = label);
}

export type RawRow = RawCell[];

/** The three ways a Word table reaches plain text (spec: “Layouts the parser meets”). */
export type Layout = 'tabs' | 'cell-per-line' | 'markdown';

// Characters are tested by code: indexing a string by a Chinese character makes a new string.
function isEmptyLine(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isBlankCode(s.charCodeAt(i))) return false;
  return true;
}
/** A line whose first non-blank character is a pipe. */
export function isMarkdownRow(s: string): boolean {
  let i = 0;
  while (i < s.length && isBlankCode(s.charCodeAt(i))) i++;
  return i < s.length && s.charCodeAt(i) === 0x7c;
}
const isCellLine = (s: string) => s.startsWith('\t');
// |---|, |:--:|: tested by the first character before the expression (most cells are numbers).
const isSeparatorCell = (s: string) => (s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x3a) && /^:?-{3,}:?$/.test(s);
/** A row of nothing but blanks and Markdown's |---| rules. */
function isSeparatorRow(cells: RawCell[]): boolean {
  for (const c of cells) if (c.text !== '' && !isSeparatorCell(c.text)) return false;
  return true;
}

/** line[from, to) trimmed, as a cell; `start` is the line's offset in the text, `l` its number. */
function trimmed(line: string, start: number, from: number, to: number, l: number): RawCell {
  let s = from, e = to;
  while (s < e && isBlankCode(line.charCodeAt(s))) s++;
  while (e > s && isBlankCode(line.charCodeAt(e - 1))) e--;
  return { text: line.slice(s, e), start: start + s, end: start + e, line: l, endLine: l, label: undefined };
}

/** Splits a line from `from` on at every `sep`, trimming each piece, into `cells`. */
function split(line: string, start: number, from: number, sep: string, l: number, cells: RawCell[] = []): RawCell[] {
  for (let s = from; ;) {
    const i = line.indexOf(sep, s);
    cells.push(trimmed(line, start, s, i < 0 ? line.length : i, l));
    if (i < 0) return cells;
    s = i + 1;
  }
}

/** The layout a line is written in: a Markdown row, one cell (a lone leading tab), tab-separated cells, or none (prose, blank). */
export const enum LineKind { Markdown, Single, Multi, None }

export function lineKind(line: string): LineKind {
  if (isMarkdownRow(line)) return LineKind.Markdown;
  const tab = line.indexOf('\t');
  if (tab < 0) return LineKind.None;
  return tab === 0 && line.indexOf('\t', 1) < 0 ? LineKind.Single : LineKind.Multi;
}

/**
 * Whether a line belongs to a table that started above it: a tab or pipe row, a blank line,
 * or a short line that continues a cell (header words broken over lines, a value after an empty cell).
 */
export function isTableLine(line: string, previous: string | undefined, kind = lineKind(line)): boolean {
  if (kind !== LineKind.None || isEmptyLine(line)) return true;
  if (line.length <= 24 && isValueLike(line)) return true;
  return previous !== undefined && isCellLine(previous) && line.trim().length <= 16;
}

/** Lines counted by kind (indexed by LineKind) → the layout most of them are written in. */
export function layoutOf(counts: readonly number[]): Layout {
  const [markdown, single, multi] = counts;
  if (markdown > single + multi) return 'markdown';
  return single > multi ? 'cell-per-line' : 'tabs';
}

export function detectLayout(idx: LineIndex, from: number, to: number): Layout {
  const counts = [0, 0, 0, 0];
  for (let l = from; l < to; l++) counts[lineKind(idx.lineText(l))]++;
  return layoutOf(counts);
}

/** Cuts lines [from, to) into rows of cells according to the layout. */
export function tokenize(idx: LineIndex, from: number, to: number, layout: Layout): RawRow[] {
  const rows: RawRow[] = [];
  if (layout !== 'cell-per-line') {
    for (let l = from; l < to; l++) {
      const line = idx.lineText(l);
      if (isEmptyLine(line)) continue;
      const start = idx.lineStart(l);
      let cells: RawCell[];
      if (layout === 'markdown' && isMarkdownRow(line)) {
        cells = split(line, start, 0, '|', l);
        if (cells.length && cells[0].text === '') cells.shift();          // the pipe that opens the row
        if (cells.length && cells[cells.length - 1].text === '') cells.pop(); // the pipe that closes it
      } else {
        cells = split(line, start, 0, '\t', l);
      }
      if (!isSeparatorRow(cells)) rows.push(cells);
    }
    return rows;
  }
  // One cell per line: a tab starts a cell, a following line without a tab continues it,
  // a blank line ends the row.
  let row: RawRow = [];
  let cell: RawCell | undefined;
  const endRow = () => { if (row.length) rows.push(row); row = []; cell = undefined; };
  for (let l = from; l < to; l++) {
    const line = idx.lineText(l);
    const start = idx.lineStart(l);
    if (isEmptyLine(line)) {
      if (line.includes('\t')) { cell = trimmed(line, start, 0, line.length, l); row.push(cell); } // an empty cell
      else endRow();
      continue;
    }
    if (isCellLine(line)) {
      split(line, start, 1, '\t', l, row);
      cell = row[row.length - 1];
    } else if (cell) {
      const more = trimmed(line, start, 0, line.length, l);
      if (cell.text === '') { cell.text = more.text; cell.start = more.start; cell.line = l; }
      else cell.text += more.text;
      cell.end = more.end;
      cell.endLine = l;
    } else {
      cell = trimmed(line, start, 0, line.length, l);
      row.push(cell);
    }
  }
  endRow();
  return rows;
}
