import { isBlankChar, type LineIndex } from '../text';
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

function isEmptyLine(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isBlankChar(s[i])) return false;
  return true;
}
/** A line whose first non-blank character is a pipe. */
export function isMarkdownRow(s: string): boolean {
  let i = 0;
  while (i < s.length && isBlankChar(s[i])) i++;
  return s[i] === '|';
}
const isCellLine = (s: string) => s.startsWith('\t');
const isSeparatorCell = (s: string) => /^:?-{3,}:?$/.test(s);

function trimmed(text: string, from: number, to: number, line: number): RawCell {
  let s = from, e = to;
  while (s < e && isBlankChar(text[s])) s++;
  while (e > s && isBlankChar(text[e - 1])) e--;
  return { text: text.slice(s, e), start: s, end: e, line, endLine: line, label: undefined };
}

/** Splits text[from, to) of a line at every `sep`, trimming each piece, into `cells`. */
function split(text: string, from: number, to: number, sep: string, line: number, cells: RawCell[] = []): RawCell[] {
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === sep) { cells.push(trimmed(text, s, i, line)); s = i + 1; }
  }
  return cells;
}

/**
 * Whether a line belongs to a table that started above it: a tab or pipe row, a blank line,
 * or a short line that continues a cell (header words broken over lines, a value after an empty cell).
 */
export function isTableLine(line: string, previous: string | undefined): boolean {
  if (line.includes('\t') || isMarkdownRow(line) || isEmptyLine(line)) return true;
  if (line.length <= 24 && isValueLike(line)) return true;
  return previous !== undefined && isCellLine(previous) && line.trim().length <= 16;
}

export function detectLayout(idx: LineIndex, from: number, to: number): Layout {
  let markdown = 0, single = 0, multi = 0;
  for (let l = from; l < to; l++) {
    const line = idx.lineText(l);
    if (isMarkdownRow(line)) markdown++;
    else if (line.startsWith('\t') && line.indexOf('\t', 1) < 0) single++;
    else if (line.includes('\t')) multi++;
  }
  if (markdown > single + multi) return 'markdown';
  return single > multi ? 'cell-per-line' : 'tabs';
}

/** Cuts lines [from, to) into rows of cells according to the layout. */
export function tokenize(idx: LineIndex, from: number, to: number, layout: Layout): RawRow[] {
  const text = idx.text;
  const rows: RawRow[] = [];
  if (layout !== 'cell-per-line') {
    for (let l = from; l < to; l++) {
      const line = idx.lineText(l);
      if (isEmptyLine(line)) continue;
      const start = idx.lineStart(l), end = start + line.length;
      let cells: RawCell[];
      if (layout === 'markdown' && isMarkdownRow(line)) {
        cells = split(text, start, end, '|', l);
        if (cells.length && cells[0].text === '') cells.shift();          // the pipe that opens the row
        if (cells.length && cells[cells.length - 1].text === '') cells.pop(); // the pipe that closes it
      } else {
        cells = split(text, start, end, '\t', l);
      }
      if (cells.every((c) => c.text === '' || isSeparatorCell(c.text))) continue;
      rows.push(cells);
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
    const start = idx.lineStart(l), end = start + line.length;
    if (isEmptyLine(line)) {
      if (line.includes('\t')) { cell = trimmed(text, start, end, l); row.push(cell); } // an empty cell
      else endRow();
      continue;
    }
    if (isCellLine(line)) {
      split(text, start + 1, end, '\t', l, row);
      cell = row[row.length - 1];
    } else if (cell) {
      const more = trimmed(text, start, end, l);
      if (cell.text === '') { cell.text = more.text; cell.start = more.start; cell.line = l; }
      else cell.text += more.text;
      cell.end = more.end;
      cell.endLine = l;
    } else {
      cell = trimmed(text, start, end, l);
      row.push(cell);
    }
  }
  endRow();
  return rows;
}
