import { isBlankCode, type LineIndex } from '../text';
import { isDigits } from './values';

// One pass over the text of a table, whatever its layout, into label, value and blank tokens.
// Tabs, pipes, runs of spaces and line breaks are evidence of where one cell ends and the next
// begins, never the structure itself: the aligner (tables.ts) decides which row and column a value
// belongs to from the labels around it. A blank token is made only where the text proves an empty
// cell (between two tabs, between two pipes, an empty grid cell, a line holding only a tab); in a
// space-aligned table or a PDF's text a blank cell leaves nothing but a wider gap, which the
// positions (`x`) show.

export const enum Kind { Label, Value, Blank }

export interface Token {
  kind: Kind;
  /** As written (a blank: ''). */
  text: string;
  /** Offsets in the text; start = end for a blank. */
  start: number;
  end: number;
  line: number;
  /** Display columns on a line without tabs or pipes (a Chinese character is two wide); -1 elsewhere. */
  x: number;
  xEnd: number;
  /** The offset of its start in its line (some converters align columns by characters, not by width). */
  c: number;
  /** The index of the cell it stands in when its line is cut by tabs or pipes, else -1. */
  cell: number;
}

const TAB = 9, PIPE = 0x7c;

/** Page markers a PDF leaves between lines: “- 4 -”, “— 5 —”, “第 4 页”, “第4页 共9页”, “4/9”. */
const PAGE_MARKER = /^[\s\u3000]*(?:[-—–－]{1,2}[\s\u3000]*\d{1,3}[\s\u3000]*[-—–－]{1,2}|第[\s\u3000]*\d{1,3}[\s\u3000]*页(?:[\s\u3000]*[，,/]?[\s\u3000]*共[\s\u3000]*\d{1,3}[\s\u3000]*页)?|\d{1,3}[\s\u3000]*\/[\s\u3000]*\d{1,3})[\s\u3000]*$/;
/** A Markdown rule row (|---|:--:|) or a grid table's border (+----+====+). */
const RULE = /^[\s|+:=-]*$/;
const isRule = (s: string) => RULE.test(s);
const isGridBorder = (s: string) => /^[\s\u3000]*\+[-=:+]*\+[\s\u3000]*$/.test(s);
export const isPageMarker = (s: string) => /^[\s\u3000]*[-—–－第\d]/.test(s) && s.trim().length <= 16 && PAGE_MARKER.test(s);
/** A cell that holds only a placeholder for a number. */
export const PLACEHOLDER = /^(?:[/\\\-—–－~～]+|无|空)$/;

const OPEN = '（(【〔[《', CLOSE = '）)】〕]》';
const OPEN_CODES = [...OPEN].map((c) => c.charCodeAt(0));
const isEmphasis = (c: number) => c === 0x2a || c === 0x5f;
const isDigit = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
const isSign = (c: number) => c === 0x2b || c === 0x2d || c === 0x2212 || c === 0xff0d || c === 0xff0b;
/** What may end a label's numbering (1. 2、) or separate a number's thousands and decimals. */
const isNumberingMark = (c: number) => c === 0x2e || c === 0x3001 || c === 0xff0e;
const isPoint = (c: number) => c === 0x2e || c === 0xff0e;
const isComma = (c: number) => c === 0x2c || c === 0xff0c;
/** Words that make the digits before them a date, a number of a document or a place, not a count. */
const NOT_COUNT_AFTER = '年月日号款章节页%％';
const NOT_COUNT_BEFORE = '第表';
const UNITS = ['万元', '元', '件', '条', '个', '项', '人', '次', '份'];

/**
 * The length of what separates words at i, else 0: blanks; zero-width characters (text copied
 * from web pages carries them); a Markdown line break (<br>) or an HTML entity for a space
 * (&nbsp;), which converters leave inside cells.
 */
function spaceAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (isBlankCode(c) || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) return 1;
  if (c !== 0x3c && c !== 0x26) return 0;
  const m = (c === 0x3c ? /^<br\s*\/?>/i : /^&(?:nbsp|ensp|emsp|#160|#xa0);/i).exec(s.slice(i, i + 7));
  return m ? m[0].length : 0;
}

/**
 * Past the bracketed text that opens at i (up to its closing bracket, within 60 characters, or the
 * end of the piece on a line that wraps inside it), or past the one character at i.
 */
function bracketEnd(s: string, i: number, to: number): number {
  const open = OPEN_CODES.indexOf(s.charCodeAt(i));
  if (open < 0) return i + 1;
  const close = s.slice(i + 1, Math.min(to, i + 61)).indexOf(CLOSE[open]);
  if (close >= 0) return i + 2 + close;
  return to - i <= 60 ? to : i + 1;
}

/** Text that can only be meant as a number: short, with a digit and no Chinese, or a Chinese numeral alone (“五”). */
function isValueLike(s: string): boolean {
  if (s.length <= 2 && /^[一二两三四五六七八九十零〇]+$/.test(s)) return true;
  return s.length <= 12 && /\d/.test(s) && !/[\u3400-\u9fff]/.test(s) && !/^\d+[.、．]$/.test(s);
}

/** Display width of a character: two for CJK and full-width forms. */
function width(c: number): number {
  return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
}

/**
 * The end of a count that starts at `i` in s (before `end`), or -1 when the text there is not one:
 * digits (full-width too), thousands separators, decimals, a sign, a unit. Digits that only number
 * the label after them (the “2” of “00000002.其他…”, text run together on a web page) are left out.
 */
function countEnd(s: string, i: number, end: number, chunkStart: number): number {
  let j = i;
  if (isSign(s.charCodeAt(j))) j++;
  const digits = j;
  while (j < end && isDigit(s.charCodeAt(j))) j++;
  if (j === digits) return -1;
  if (i > chunkStart && NOT_COUNT_BEFORE.includes(s[i - 1])) return -1;
  let plain = true;
  // Thousands: a comma and exactly three digits, as often as written (1,234,567).
  while (j + 3 < end && isComma(s.charCodeAt(j)) && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) &&
    isDigit(s.charCodeAt(j + 3)) && !(j + 4 < end && isDigit(s.charCodeAt(j + 4)))) { j += 4; plain = false; }
  if (j + 1 < end && isPoint(s.charCodeAt(j)) && isDigit(s.charCodeAt(j + 1))) {
    j++;
    while (j < end && isDigit(s.charCodeAt(j))) j++;
    plain = false;
  }
  if (j < end && NOT_COUNT_AFTER.includes(s[j])) return -1;
  if (plain && j < end && isNumberingMark(s.charCodeAt(j)) && !isDigit(s.charCodeAt(j + 1))) {
    // “1.属于国家秘密”: the last digit numbers the label; the digits before it (if any) are a count.
    return j - 1 > digits ? j - 1 : -1;
  }
  for (const u of UNITS) if (s.startsWith(u, j) && j + u.length <= end) return j + u.length;
  return j;
}

/** Cuts lines of a table into tokens. */
class Tokenizer {
  readonly tokens: Token[] = [];
  private line = 0;
  private lineStart = 0;
  /** Display column reached, and the offset it was reached at; whether this line's columns count. */
  private col = 0;
  private colAt = 0;
  private positions = false;

  constructor(private readonly text: string) {}

  /** A new line; `positions`: its columns tell cells apart (no tab or pipe does). */
  startLine(line: number, lineStart: number, positions = false) {
    this.line = line; this.lineStart = lineStart; this.col = 0; this.colAt = lineStart; this.positions = positions;
  }

  /** The display column of offset `at` on the current line (offsets are asked for in increasing order). */
  private x(at: number): number {
    const { text } = this;
    for (; this.colAt < at; this.colAt++) {
      const c = text.charCodeAt(this.colAt);
      this.col = c === TAB ? (this.col >> 3 << 3) + 8 : this.col + width(c);
    }
    return this.col;
  }

  private push(kind: Kind, start: number, end: number, cell: number) {
    const x = this.positions ? this.x(start) : -1, xEnd = this.positions ? this.x(end) : -1;
    this.tokens.push({ kind, text: kind === Kind.Blank ? '' : this.text.slice(start, end), start, end, line: this.line, x, xEnd, c: start - this.lineStart, cell });
  }

  blank(at: number, cell: number) { this.push(Kind.Blank, at, at, cell); }

  /** The words and numbers of text[from, to) (one cell, or a line without tabs or pipes). */
  piece(from: number, to: number, cell: number) {
    const s = this.text;
    let i = from;
    while (i < to) {
      // A run without blanks (a “chunk”); brackets hold their blanks: “（其中修订 16 件）” is one label.
      for (let n = spaceAt(s, i); i < to && n > 0; n = spaceAt(s, i)) i += n;
      if (i >= to) break;
      let j = i;
      while (j < to && spaceAt(s, j) === 0) j = OPEN_CODES.includes(s.charCodeAt(j)) ? bracketEnd(s, j, to) : j + 1;
      this.chunk(i, j, cell);
      i = j;
    }
  }

  /** A chunk: a placeholder, or labels and counts run together (“规章000行政规范性文件8855698”). */
  private chunk(from: number, to: number, cell: number) {
    const s = this.text;
    // Markdown emphasis around a cell's number (pandoc writes a bold total as **104**) is no part of it.
    while (to - from > 2 && isEmphasis(s.charCodeAt(from)) && s.charCodeAt(to - 1) === s.charCodeAt(from)) { from++; to--; }
    const whole = s.slice(from, to);
    // In a cell of its own, what stands where a number should is one value, even if it is no number (“5O”, “五”).
    if (isDigits(whole) || PLACEHOLDER.test(whole) || (cell >= 0 && isValueLike(whole))) {
      this.push(Kind.Value, from, to, cell);
      return;
    }
    if (/^:?-{3,}:?$/.test(whole)) return; // a Markdown rule cell
    let label = -1;
    for (let i = from; i < to;) {
      const c = s.charCodeAt(i);
      if (OPEN_CODES.includes(c)) {
        // A bracketed note is label text, its numbers too: “（其中修订 16 件）”, “（单位：万元）”.
        if (label < 0) label = i;
        i = bracketEnd(s, i, to);
        continue;
      }
      const end = isDigit(c) || (isSign(c) && i + 1 < to && isDigit(s.charCodeAt(i + 1))) ? countEnd(s, i, to, from) : -1;
      if (end < 0) {
        if (label < 0) label = i;
        // Skip a whole run of digits that is no count (a date, 第3项), so that it stays one label.
        if (isDigit(c)) { while (i < to && isDigit(s.charCodeAt(i))) i++; } else i++;
        continue;
      }
      if (label >= 0) { this.push(Kind.Label, label, i, cell); label = -1; }
      this.push(Kind.Value, i, end, cell);
      i = end;
    }
    if (label >= 0) this.push(Kind.Label, label, to, cell);
  }
}

/** Splits a line at a separator: the pieces' [from, to) offsets. */
function pieces(line: string, start: number, sep: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && line.charCodeAt(i) !== sep) continue;
    out.push([start + from, start + i]);
    from = i + 1;
  }
  return out;
}

/** Whether text[from, to) holds nothing but what separates words (blanks, &nbsp;, zero-width characters). */
const isEmpty = (text: string, from: number, to: number) => {
  for (let i = from, n; i < to; i += n) if ((n = spaceAt(text, i)) === 0) return false;
  return true;
};

/**
 * The tokens of text[from, to). Lines are cut at pipes if they have any, else at tabs, else at
 * blanks; a grid table's rows (between +----+ borders) are read cell by cell over their lines.
 */
export function tokenize(idx: LineIndex, from: number, to: number): Token[] {
  const { text } = idx;
  const t = new Tokenizer(text);
  const first = idx.position(from).line, last = idx.position(Math.max(from, to - 1)).line;
  /** A grid table's row (between two borders): per column, its pieces on each line. */
  let grid: GridPiece[][] | undefined;
  let outer: boolean | undefined;
  for (let l = first; l <= last; l++) {
    const lineStart = idx.lineStart(l);
    const start = Math.max(from, lineStart);
    const full = idx.lineText(l);
    const line = start === lineStart && to >= lineStart + full.length ? full : full.slice(start - lineStart, Math.min(to, lineStart + full.length) - lineStart);
    t.startLine(l, lineStart);
    if (line.length === 0 || isPageMarker(line)) continue;
    if (line.indexOf('---') >= 0 || line.indexOf('===') >= 0) {
      if (isGridBorder(line)) { if (grid) emitGrid(t, text, grid); grid = []; continue; }
      if (isRule(line)) continue;
    }
    const end = start + line.length;
    if (line.indexOf('|') >= 0) {
      const ps = pieces(line, start, PIPE);
      // The text before an opening pipe and after a closing one is outside the table; in a table
      // written without them, an empty first or last piece is an empty cell.
      outer ??= outerPipes(idx, first, last);
      const open = outer && isEmpty(text, ps[0][0], ps[0][1]), close = open && ps.length > 1 && isEmpty(text, ps[ps.length - 1][0], ps[ps.length - 1][1]);
      const cells = ps.slice(open ? 1 : 0, close ? -1 : undefined);
      if (grid) { cells.forEach(([a, b], k) => (grid![k] ??= []).push({ from: a, to: b, line: l, lineStart })); continue; }
      cells.forEach(([a, b], k) => { if (isEmpty(text, a, b)) t.blank(b, k); else t.piece(a, b, k); });
      continue;
    }
    if (grid) { emitGrid(t, text, grid); grid = undefined; t.startLine(l, lineStart); }
    if (isEmpty(text, start, end)) {
      // A line holding only its indentation is an empty cell of a one-cell-per-line table, unless
      // the cell's value follows on the next line, without indentation.
      const next = l + 1 < idx.lineCount ? idx.lineText(l + 1) : '';
      const continued = next.length > 0 && !isBlankCode(next.charCodeAt(0)) && (isDigits(next.trim()) || PLACEHOLDER.test(next.trim()));
      if (!continued) t.blank(end, 0);
      continue;
    }
    const tab = line.indexOf('\t');
    if (tab < 0) {
      t.startLine(l, lineStart, true);
      t.piece(start, end, -1);
      continue;
    }
    // Empty cells before the first text are indentation or the traces of merged cells: kept only
    // on a line with several cells (a row of a pasted Word table), where one may be a blank value.
    const keepLead = line.indexOf('\t', tab + 1) >= 0;
    let seen = false;
    for (let from = start, k = 0; from <= end; k++) {
      const i = line.indexOf('\t', from - start);
      const stop = i < 0 ? end : start + i;
      if (!isEmpty(text, from, stop)) { t.piece(from, stop, k); seen = true; }
      else if (seen || keepLead) t.blank(stop, k);
      from = stop + 1;
    }
  }
  if (grid) emitGrid(t, text, grid);
  return t.tokens;
}

/**
 * Whether the pipe rows of lines [first, last] are written with outer pipes (| a | b |) or without
 * (a | b, where a row that starts with an empty cell starts with a pipe): as most of them are.
 */
function outerPipes(idx: LineIndex, first: number, last: number): boolean {
  let withPipes = 0, without = 0;
  for (let l = first; l <= last; l++) {
    const line = idx.lineText(l).trim();
    if (line.indexOf('|') < 0 || isRule(line)) continue;
    if (line.charCodeAt(0) === PIPE && line.charCodeAt(line.length - 1) === PIPE) withPipes++;
    else without++;
  }
  return withPipes > without;
}

interface GridPiece { from: number; to: number; line: number; lineStart: number }

/** A grid table's row: each column's pieces read in turn; a column with no text at all is a blank cell. */
function emitGrid(t: Tokenizer, text: string, cols: GridPiece[][]) {
  cols.forEach((ps, k) => {
    const filled = ps.filter((p) => !isEmpty(text, p.from, p.to));
    for (const p of filled.length ? filled : ps.slice(0, 1)) {
      t.startLine(p.line, p.lineStart);
      if (filled.length) t.piece(p.from, p.to, k); else t.blank(p.to, k);
    }
  });
}
