import { type LineIndex } from '../lineIndex';
import { isHanZero } from '../numbering';
import { isIdeograph, isPageMarker, runningHeader } from '../strings';
import { isDigits, normalizeLabel, normalizeTableLabel, stripNumbering, PLACEHOLDER, readCell, UNITS } from './values';

// One pass over the text of a table, whatever its layout, into label, value and blank tokens.
// Tabs, pipes, runs of spaces, line breaks (and, in a table converted to text with them, commas or
// semicolons) are evidence of where one cell ends and the next begins, never the structure itself: the aligner (tables.ts, columns.ts) decides which row and column a value
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
  /** A label's text as matched against the statute's words, once asked for (labels.ts). */
  norm?: string;
  /** A label that is a sentence in a cell (withSentences): its words name a row only before its first clause mark. */
  sentence?: true;
}

const TAB = 9, PIPE = 0x7c;
/** A pipe, the full-width one a Chinese input method types for it (｜), or a box-drawing rule (│ ┃: a table drawn in text). */
const isPipe = (c: number) => c === PIPE || c === 0xff5c || c === 0x2502 || c === 0x2503;
/** An ASCII pipe: what tools that turn a web page into text write between cells (pipeCellLines). */
const lineHasPipe = (s: string) => s.indexOf('|') >= 0;
const hasPipe = (s: string) => s.indexOf('|') >= 0 || s.indexOf('｜') >= 0 || s.indexOf('│') >= 0 || s.indexOf('┃') >= 0;
/** A box-drawing character (─ ├ ┼ ┤ …): a drawn table's rules. */
const isBox = (c: number) => c >= 0x2500 && c <= 0x257f;

/**
 * A Markdown rule row (|---|:--:|) or a grid table's border (+----+====+); without a pipe or a
 * plus, at least three dashes: a line holding one or two is a placeholder cell (“-”, “--”).
 */
const RULE = /^[\s|｜+:=\-\u2500-\u257f]*$/;
const isRule = (s: string) => RULE.test(s) && (hasPipe(s) || s.includes('+') || /[-=\u2500-\u257f]{3}/.test(s));
const isGridBorder = (s: string) => /^[\s\u3000]*\+[-=:+]*\+[\s\u3000]*$/.test(s);
/** The characters a page marker's text starts with, but for the digit of “4/9” (a bare number is a cell). */
const PAGE_START = new Uint8Array(65536);
for (const c of [0x2d, 0x2014, 0x2013, 0xff0d, 0x7b2c]) PAGE_START[c] = 1;

const PLACEHOLDER_START = '/\\-—–－~～:';
/** A cell that is a plain count; text with something the scan must see (a blank, a digit, a bracket, markup). */
const COUNT = /^\d{1,15}$/, MAY_SPLIT = /[\s\d０-９（(【〔[《<&*_\u200b-\u200d\u2060\ufeff\u3000\u00a0]/;

/** A formula in a cell: Excel's (=SUM(C6:H6), =C6+D6) or a Word field's code shown ({ =SUM(LEFT) }); or the error value Excel shows for one (#REF!). */
export const FORMULA = /^\s*(?:(?:\{\s*)?[=＝][A-Za-z$(\d][^\u3400-\u9fff\t]*|#(?:REF!|VALUE!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!)\s*)$/;

const OPEN = '（(【〔[《', CLOSE = '）)】〕]》';
const OPEN_CODES = [...OPEN].map((c) => c.charCodeAt(0)), CLOSE_CODES = [...CLOSE].map((c) => c.charCodeAt(0));

// What each character may be, read at one array look-up per character (the tokenizer's inner loops):
// SPACE a blank or zero-width character; MAYBE the start of a <br> or an &nbsp;; OPEN a bracket;
// DIGIT an ASCII or full-width digit; SIGN a sign that may start a number.
const SPACE = 1, MAYBE = 2, OPENS = 4, DIGIT = 8, SIGN = 16;
const CLASS = new Uint8Array(65536);
for (const c of [0x20, 0x09, 0x3000, 0xa0, 0x0d, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) CLASS[c] |= SPACE;
CLASS[0x3c] |= MAYBE; CLASS[0x26] |= MAYBE;
for (const c of OPEN_CODES) CLASS[c] |= OPENS;
for (let c = 0x30; c <= 0x39; c++) CLASS[c] |= DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] |= DIGIT;
// (The dashes a minus is typed as: a hyphen, Word's non-breaking hyphen, a figure, en or em dash, the small hyphen-minus; values.ts DASH_SIGNS.)
for (const c of [0x2b, 0x2d, 0x2212, 0xff0d, 0xff0b, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xfe63]) CLASS[c] |= SIGN;
const isEmphasis = (c: number) => c === 0x2a || c === 0x5f;
const isDigit = (c: number) => (CLASS[c] & DIGIT) !== 0;
const isSign = (c: number) => (CLASS[c] & SIGN) !== 0;
/** What may end a label's numbering (1. 2、) or separate a number's thousands and decimals. */
const isNumberingMark = (c: number) => c === 0x2e || c === 0x3001 || c === 0xff0e;
const isPoint = (c: number) => c === 0x2e || c === 0xff0e;
const isComma = (c: number) => c === 0x2c || c === 0xff0c;
/** Words that make the digits before them a date, a number of a document or a place, not a count. */
const NOT_COUNT_AFTER = '年月日号款章节页%％';
const NOT_COUNT_BEFORE = '第表';

/**
 * The length of what separates words at i, else 0: blanks; zero-width characters (text copied
 * from web pages carries them); a Markdown line break (<br>) or an HTML entity for a space
 * (&nbsp;), which converters leave inside cells.
 */
function spaceAt(s: string, i: number): number {
  const k = CLASS[s.charCodeAt(i)];
  if (k & SPACE) return 1;
  if (!(k & MAYBE)) return 0;
  const c = s.charCodeAt(i);
  const m = (c === 0x3c ? /^<br\s*\/?>/i : /^&(?:nbsp|ensp|emsp|#160|#xa0);/i).exec(s.slice(i, i + 7));
  return m ? m[0].length : 0;
}

/**
 * Past the bracketed text that opens at i (up to its closing bracket, within 60 characters, or the
 * end of the piece on a line that wraps inside it, but for the row's numbers there), or past the one
 * character at i.
 */
function bracketEnd(s: string, i: number, to: number): number {
  const open = OPEN_CODES.indexOf(s.charCodeAt(i));
  if (open < 0) return i + 1;
  const close = s.slice(i + 1, Math.min(to, i + 61)).indexOf(CLOSE[open]);
  if (close >= 0) return i + 2 + close;
  return to - i <= 60 ? beforeCounts(s, i + 1, to) : i + 1;
}

/**
 * Where the numbers that end text[from, to) begin (its end, if none): two or more counts apart by
 * blanks, or one after a wider gap. A label wrapped inside its note, its numbers on its first line
 * (规章（设区的市、自治州人民政府应提供相关     0     0     0 / 数据）), keeps its numbers; one number a
 * single blank away is the note's own (（其中修订 16 / 件）).
 */
function beforeCounts(s: string, from: number, to: number): number {
  let at = to, counts = 0, gap = 0;
  for (let j = to; j > from;) {
    let k = j;
    while (k > from && CLASS[s.charCodeAt(k - 1)] & DIGIT) k--;
    if (k === j) break;
    let b = k;
    while (b > from && CLASS[s.charCodeAt(b - 1)] & SPACE) b--;
    if (b === k) break; // digits that end a word
    counts++; gap = k - b; at = b; j = b;
  }
  return counts >= 2 || (counts === 1 && gap >= 2) ? at : to;
}

/** A number's decimal part alone (.62). */
const DECIMALS = /^\.\d+$/;
/** One or two Chinese numerals: a count written in words (“五”), or the numbering of a label (“一 本年新收…”). */
const HAN_NUMERAL = /^[一二两三四五六七八九十零〇]{1,2}$/;
/**
 * Text that can only be meant as a number: short, with a digit and no Chinese; a Chinese numeral
 * alone (“五”); or the letters typed for 0 and 1 (“O”, “l”).
 */
function isValueLike(s: string): boolean {
  if (HAN_NUMERAL.test(s)) return true;
  if (/^[OoIlＯｏＩｌ]{1,3}$/.test(s)) return true;
  return s.length <= 12 && /\d/.test(s) && !/[\u3400-\u9fff]/.test(s) && !/^\d+[.、．]$/.test(s);
}

/** A label's numbering spread by blanks: 4 . / 4、/ （ 四 ）/ 四 、, and the blank after it. */
const SPREAD_NUMBERING = /(?:[（(][ \u3000\u00a0]?[一二三四五六七八九十\d]{1,2}[ \u3000\u00a0]?[）)]|[\d一二三四五六七八九十]{1,2}[ \u3000\u00a0]?[.、．])[ \u3000\u00a0]/y;
/** What a spread label's characters may be besides Chinese ones: quotes, brackets, a slash (“ 三 安 全 一 稳 定 ”, 增 / 减). */
const SPREAD_MARKS = '“”"（）()/／';

/**
 * The end of a label spread one character a single blank apart that starts at i (before `to`), its numbering
 * too, else -1: three Chinese characters or more (one after a numbering), a 无 among them a word's (无 法 提 供,
 * 4 . 无 正 当 理 由), never a placeholder; a 无 that ends a run without numbering is left out (其 他 无: the 无
 * may be a cell's), and so is an opening mark. Digits end it.
 */
function spreadEnd(s: string, i: number, to: number): number {
  SPREAD_NUMBERING.lastIndex = i;
  const numbered = SPREAD_NUMBERING.test(s) && SPREAD_NUMBERING.lastIndex < to;
  let j = numbered ? SPREAD_NUMBERING.lastIndex : i;
  const ends: number[] = [];
  for (; j < to; j += 2) {
    const c = s.charCodeAt(j);
    if (!isIdeograph(c) && !SPREAD_MARKS.includes(s[j])) break;
    ends.push(j + 1);
    // One blank, then more text: the run goes on.
    if (!(j + 2 < to && CLASS[s.charCodeAt(j + 1)] & SPACE && !(CLASS[s.charCodeAt(j + 2)] & SPACE)) || ends.length > 60) break;
  }
  while (ends.length && ((!numbered && s[ends[ends.length - 1] - 1] === '无') || '“"/／（('.includes(s[ends[ends.length - 1] - 1]))) ends.pop();
  let han = 0;
  for (const e of ends) if (isIdeograph(s.charCodeAt(e - 1))) han++;
  // After a numbering spread too (（ 四 ） 无↵法提供, its line wrapped), one character is the label's.
  return han >= (numbered ? 1 : 3) ? ends[ends.length - 1] : -1;
}

/** Display width of a character: two for CJK and full-width forms. */
function width(c: number): number {
  return c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) ? 2 : 1;
}

/** The display column after character `c` written at column `col`: a tab goes to the next multiple of eight. */
export const nextColumn = (col: number, c: number) => (c === TAB ? (col >> 3 << 3) + 8 : col + width(c));

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

/**
 * What may stand between a row's cells instead of a tab: the commas and semicolons Word's and WPS's
 * 表格转换成文本 (convert table to text) offer, and a clerk types (规章，0，0，0).
 */
const DELIMITERS = [0x2c, 0xff0c, 0x3b, 0xff1b];
const DELIMITER_TEXTS = DELIMITERS.map((c) => String.fromCharCode(c));
/** +1 for an opening bracket, −1 for a closing one. */
const BRACKET = new Int8Array(65536);
for (const c of OPEN_CODES) BRACKET[c] = 1;
for (const c of CLOSE_CODES) BRACKET[c] = -1;
/** A line that may be cut: it has a tab, a pipe or a delimiter (most lines of a table without tabs have none: one look each). */
const MAY_CUT = /[\t|｜│┃,，;；]/;

/**
 * Where `line` is cut by the delimiter `sep` from `from` on: its next one outside brackets (a label's
 * note holds commas: （区分处理的，只计这一情形，不计其他情形）), or -1. A tab is never inside a cell.
 */
function nextDelimiter(line: string, from: number, sep: number): number {
  if (sep === TAB) return line.indexOf('\t', from);
  for (let i = from, depth = 0, quoted = false; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A CSV field in double quotes holds its commas ("3,562").
    if (c === QUOTE) quoted = !quoted;
    if (c === sep && depth === 0 && !quoted) return i;
    depth = Math.max(0, depth + BRACKET[c]);
  }
  return -1;
}

const QUOTE = 0x22;
/** The inside of a CSV field in double quotes in text[from, to) (blanks around it aside), or [from, to). */
function unquoted(text: string, from: number, to: number): [number, number] {
  let a = from, b = to;
  while (a < b && CLASS[text.charCodeAt(a)] & SPACE) a++;
  while (b > a && CLASS[text.charCodeAt(b - 1)] & SPACE) b--;
  return b - a >= 2 && text.charCodeAt(a) === QUOTE && text.charCodeAt(b - 1) === QUOTE ? [a + 1, b - 1] : [from, to];
}

/** Whether a line has two delimiters or more outside brackets. */
const isDelimited = (line: string, sep: number) => { const at = nextDelimiter(line, 0, sep); return at >= 0 && nextDelimiter(line, at + 1, sep) >= 0; };

/**
 * Whether a line is a row of cells between `sep`s: three or more, at least half of them empty, a
 * placeholder or a number (规章，0，0，0; 第二十条第（一）项，，，), each perhaps in a CSV field's double quotes
 * ("规章","0","0","0"; "" is empty). A sentence's commas, and a comma between thousands (1,234; "1,234"), cut no line so.
 */
export function isDelimitedRow(line: string, sep: number): boolean {
  if (line.length > MAX_ROW) return false;
  let pieces = 1, plain = 0, first = -1;
  for (let i = 0, depth = 0, quoted = false; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : sep;
    if (c === QUOTE) { quoted = !quoted; continue; }
    if (c === sep && depth === 0 && (!quoted || i === line.length)) {
      // The piece's first character that is not blank (nor a quote): none, a digit, or a placeholder's.
      if (first < 0 || (CLASS[first] & DIGIT) || PLACEHOLDER_START.includes(String.fromCharCode(first))) plain++;
      if (i < line.length) pieces++;
      first = -1;
      continue;
    }
    if (first < 0 && !(CLASS[c] & SPACE)) first = c;
    depth = Math.max(0, depth + BRACKET[c]);
  }
  return pieces >= 3 && plain * 2 >= pieces;
}

/** Longer than any row of a statutory table (a web page's text on one line is thousands of characters): no row. */
const MAX_ROW = 1000;

/**
 * The character the rows of lines [first, last] are cut at: a tab, or — where no line has a pipe, nor a
 * tab with a number — the delimiter that makes rows of most lines, if it makes two or more.
 */
function separatorOf(idx: LineIndex, first: number, last: number): number {
  const rows = DELIMITERS.map(() => 0);
  for (let l = first; l <= last; l++) {
    const line = idx.lineText(l);
    if (!MAY_CUT.test(line)) continue;
    if (hasPipe(line)) return TAB;
    // Tabs in a line of words alone (a header pasted from Word above rows typed with commas) decide nothing.
    if (line.indexOf('\t') >= 0) { if (/[0-9０-９]/.test(line)) return TAB; continue; }
    for (let k = 0; k < DELIMITERS.length; k++) if (line.indexOf(DELIMITER_TEXTS[k]) >= 0 && isDelimitedRow(line, DELIMITERS[k])) rows[k]++;
  }
  const most = Math.max(...rows);
  return most >= 2 ? DELIMITERS[rows.indexOf(most)] : TAB;
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
  /** In a table converted to text with commas, the number of fields most of its rows have (0: none). */
  fields = 0;

  constructor(private readonly text: string) {}

  /** A new line; `positions`: its columns tell cells apart (no tab or pipe does). */
  startLine(line: number, lineStart: number, positions = false) {
    this.line = line; this.lineStart = lineStart; this.col = 0; this.colAt = lineStart; this.positions = positions;
  }

  /** The display column of offset `at` on the current line (offsets are asked for in increasing order). */
  private x(at: number): number {
    const { text } = this;
    for (; this.colAt < at; this.colAt++) this.col = nextColumn(this.col, text.charCodeAt(this.colAt));
    return this.col;
  }

  private push(kind: Kind, start: number, end: number, cell: number) {
    const x = this.positions ? this.x(start) : -1, xEnd = this.positions ? this.x(end) : -1;
    this.tokens.push({ kind, text: kind === Kind.Blank ? '' : this.text.slice(start, end), start, end, line: this.line, x, xEnd, c: start - this.lineStart, cell, norm: undefined });
  }

  blank(at: number, cell: number) { this.push(Kind.Blank, at, at, cell); }

  /** The tokens of a line that holds text (`line` = text[start, end); `lead`: where its text starts). */
  cut(line: string, start: number, end: number, lead: number, outer: boolean, tabs: number, sep: number) {
    const text = this.text;
    if (hasPipe(line)) {
      cellsOf(text, line, start, outer).forEach(([a, b], k) => { if (isEmpty(text, a, b)) this.blank(b, k); else this.piece(a, b, k); });
      return;
    }
    if (tabs === 0) {
      this.startLine(this.line, this.lineStart, true); // its columns tell its cells apart
      this.piece(start + lead, end, -1);
      return;
    }
    if (tabs === 1 && line.charCodeAt(0) === sep) {
      this.piece(start + lead, end, 1); // one cell, indented: a one-cell-per-line table's line
      return;
    }
    // Empty cells before the first text are indentation or the traces of merged cells: kept only
    // on a line with several cells (a row of a pasted Word table), where one may be a blank value.
    const keepLead = tabs > 1;
    let seen = false;
    const join = this.fields > 0 && (sep === 0x2c || sep === 0xff0c) ? thousandsAt(line, sep, this.fields) : -1;
    for (let from = start, k = 0; from <= end; k++) {
      let i = nextDelimiter(line, from - start, sep);
      if (k === join) i = nextDelimiter(line, i + 1, sep); // 3,562: one cell
      const stop = i < 0 ? end : start + i;
      const [a, b] = sep !== TAB ? unquoted(text, from, stop) : [from, stop];
      if (!isEmpty(text, a, b)) { this.piece(a, b, k); seen = true; }
      else if (seen || keepLead) this.blank(stop, k);
      from = stop + 1;
    }
  }

  /** A line's tokens as read before on the same text, placed at this line. */
  replay(tokens: Token[], lineStart: number) {
    for (const r of tokens) {
      this.tokens.push({ kind: r.kind, text: r.text, start: lineStart + r.start, end: lineStart + r.end, line: this.line, x: r.x, xEnd: r.xEnd, c: r.c, cell: r.cell, norm: r.norm });
    }
  }

  /** The words and numbers of text[from, to) (one cell, or a line without tabs or pipes). */
  piece(from: number, to: number, cell: number) {
    const s = this.text;
    if (cell >= 0) {
      // Most cells of a tab or pipe row are a count, or words alone: decided without a scan.
      const text = s.slice(from, to);
      if (COUNT.test(text)) { this.push(Kind.Value, from, to, cell); return; }
      // One number with a blank inside, a cell of its own: its thousands grouped (3 562), its unit apart (86 件).
      const inner = text.trim();
      if (/\s/.test(inner) && readCell(inner).kind === 'number') { const at = from + text.indexOf(inner); this.push(Kind.Value, at, at + inner.length, cell); return; }
      // A spreadsheet's formula pasted as text (=SUM(C6:H6)) or its error value (#REF!), or a Word field's code ({ =SUM(LEFT) }): a cell
      // where a number should be, holding none (cell-invalid says so), never words that name a row.
      const formula = FORMULA.exec(text);
      if (formula) { const at = from + text.search(/\S/); this.push(Kind.Value, at, at + text.trim().length, cell); return; }
      if (!MAY_SPLIT.test(text) && !PLACEHOLDER_START.includes(text[0]) && text.length > 2) { this.push(Kind.Label, from, to, cell); return; }
    }
    let i = from;
    while (i < to) {
      // A run without blanks (a “chunk”); brackets hold their blanks: “（其中修订 16 件）” is one label.
      for (let n = spaceAt(s, i); i < to && n > 0; n = spaceAt(s, i)) i += n;
      if (i >= to) break;
      // A label spread one character a blank (4 . 无 正 当 理 由: text copied from a PDF or WPS's distributed alignment): one label.
      if (CLASS[s.charCodeAt(i + 1)] & SPACE) {
        const end = spreadEnd(s, i, to);
        if (end > 0) { this.push(Kind.Label, i, end, cell); i = end; continue; }
      }
      let j = i, digits = 0;
      for (let k = CLASS[s.charCodeAt(j)]; j < to; k = CLASS[s.charCodeAt(j)]) {
        if (k === 0) { j++; continue; }
        if ((k & (SPACE | MAYBE)) && spaceAt(s, j)) break;
        if (k & DIGIT) digits++;
        j = k & OPENS ? bracketEnd(s, j, to) : j + 1;
      }
      let next = j;
      for (let n = spaceAt(s, next); next < to && n > 0; n = spaceAt(s, next)) next += n;
      // A unit a blank after a number (86 件 12 件, a PDF's text): the number's, as 86件 would be.
      const last = this.tokens[this.tokens.length - 1];
      if (digits === 0 && last?.kind === Kind.Value && last.line === this.line && last.cell === cell && UNITS.includes(s.slice(i, j)) && isEmpty(s, last.end, i) && /\d$/.test(last.text)) {
        last.end = j; last.text = s.slice(last.start, j);
        if (this.positions) last.xEnd = this.x(j);
      } else this.chunk(i, j, cell, digits, next < to);
      i = next;
    }
  }

  /**
   * A chunk: a placeholder, or labels and counts run together (“规章000行政规范性文件8855698”).
   * `digits`: how many digits it holds outside brackets (most chunks are words without any, or a count);
   * `more`: its cell has more text after it.
   */
  private chunk(from: number, to: number, cell: number, digits: number, more: boolean) {
    const s = this.text;
    // Markdown emphasis around a cell's number (pandoc writes a bold total as **104**) is no part of it.
    while (to - from > 2 && isEmphasis(s.charCodeAt(from)) && s.charCodeAt(to - 1) === s.charCodeAt(from)) { from++; to--; }
    if (digits === to - from) { this.push(Kind.Value, from, to, cell); return; }
    const whole = s.slice(from, to);
    if (digits === 0 && whole.length > 2 && !PLACEHOLDER_START.includes(whole[0])) {
      this.push(Kind.Label, from, to, cell); // words: the common case, without the expressions below
      return;
    }
    // In a cell of its own, what stands where a number should is one value, even if it is no number (“5O”, “五”);
    // a Chinese numeral before words in its cell numbers them (“一 本年新收…”). 〇 or 零 alone between blanks is
    // a zero written in Chinese in any layout (a PDF's text, a space-aligned table): no label is that word alone.
    // A number's decimals alone (.62: a narrow cell broke 30.62 before its point, columns.ts's rejoined joins them) are a value, not a mark and a count.
    if (isDigits(whole) || PLACEHOLDER.test(whole) || isHanZero(whole) || (cell >= 0 && isValueLike(whole) && !(more && HAN_NUMERAL.test(whole))) || (whole.charCodeAt(0) === 0x2e && DECIMALS.test(whole))) {
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
        // Skip a whole run of digits that is no count (a date, 第3项, 表3-2), so that it stays one label.
        if (isDigit(c)) { while (i < to && (isDigit(s.charCodeAt(i)) || (isSign(s.charCodeAt(i)) && i + 1 < to && isDigit(s.charCodeAt(i + 1))))) i++; } else i++;
        continue;
      }
      if (label >= 0) { this.push(Kind.Label, label, i, cell); label = -1; }
      this.push(Kind.Value, i, end, cell);
      i = end;
    }
    if (label >= 0) this.push(Kind.Label, label, to, cell);
  }
}

/** The fields of a line cut at `sep` (outside brackets and quotes). */
function fieldsOf(line: string, sep: number): string[] {
  const out: string[] = [];
  for (let from = 0; ;) {
    const i = nextDelimiter(line, from, sep);
    out.push(line.slice(from, i < 0 ? line.length : i).trim());
    if (i < 0) return out;
    from = i + 1;
  }
}

/**
 * A row of a table converted to text with commas that has one field more than its rows have, where one
 * number's thousands were cut off at a comma (行政许可,3,562,,): the index of the field that, with the next,
 * is that number; -1 where there is not exactly one such place.
 */
function thousandsAt(line: string, sep: number, fields: number): number {
  const fs = fieldsOf(line, sep);
  if (fs.length !== fields + 1) return -1;
  let at = -1;
  for (let k = 0; k + 1 < fs.length; k++) {
    if (!/^[1-9]\d{0,2}$/.test(fs[k]) || !/^\d{3}$/.test(fs[k + 1])) continue;
    if (at >= 0) return -1;
    at = k;
  }
  return at;
}

/** The number of fields most delimited rows of lines [first, last] have. */
function commonFields(idx: LineIndex, first: number, last: number, sep: number): number {
  const counts = new Map<number, number>();
  for (let l = first; l <= last; l++) {
    const line = idx.lineText(l);
    if (line.length > MAX_ROW || !isDelimitedRow(line, sep)) continue;
    const n = fieldsOf(line, sep).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best = 0, most = 0;
  for (const [n, c] of counts) if (c > most) { best = n; most = c; }
  return best;
}

/** Splits a line at its pipes: the pieces' [from, to) offsets. */
function pieces(line: string, start: number): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && !isPipe(line.charCodeAt(i))) continue;
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
 * A line's tokens, cut once and remembered by the line's text (table lines repeat from report to
 * report), with offsets from the line's start; a pipe row's, for a table with outer pipes and without.
 * Without it the 2,000-report CLI batch takes ~8% longer, an in-process check ~20–25% (npm run bench).
 */
interface LineTokens { plain: Token[] | undefined; outer: Token[] | undefined; pipes: boolean }
const LINES = new Map<string, LineTokens>();

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
  let cellLines: CellLines | undefined;
  // Cells are cut at tabs, or at the commas or semicolons of a table converted to text with them.
  const sep = separatorOf(idx, first, last);
  if (sep === 0x2c || sep === 0xff0c) t.fields = commonFields(idx, first, last, sep);
  for (let l = first; l <= last; l++) {
    const lineStart = idx.lineStart(l);
    const start = Math.max(from, lineStart);
    const full = idx.lineText(l);
    const line = start === lineStart && to >= lineStart + full.length ? full : full.slice(start - lineStart, Math.min(to, lineStart + full.length) - lineStart);
    t.startLine(l, lineStart);
    if (line.length === 0) {
      // A web page's table as some tools write it, a cell on each line and a pipe on the line after: an empty line between two such pipes is an empty cell.
      if ((cellLines ??= pipeCellLines(idx, first, last)) === 'between' && l > first && l < last && idx.lineText(l - 1).trim() === '|' && idx.lineText(l + 1).trim() === '|') t.blank(lineStart, 0);
      continue;
    }
    // … or each cell's text with a pipe after it on its line: read as the text alone; a pipe alone is an empty
    // cell, two or more the row's end.
    if (lineHasPipe(line) && (cellLines ??= pipeCellLines(idx, first, last)) !== 'none' && start === lineStart) {
      const bar = line.lastIndexOf('|'), trimmed = line.trim();
      if (/^\|+$/.test(trimmed)) { if (trimmed === '|' && cellLines === 'trailing') t.blank(lineStart + bar + 1, 0); continue; }
      if (line.indexOf('|') === bar && isEmpty(text, start + bar + 1, start + line.length)) {
        const lead = line.search(/\S/);
        t.cut(line.slice(0, bar), start, start + bar, lead, false, 0, sep);
        continue;
      }
    }
    const whole = !grid && start === lineStart && line === full;
    const known = whole && sep === TAB ? LINES.get(line) : undefined;
    if (known) {
      if (known.pipes) outer ??= outerPipes(idx, first, last);
      const tokens = known.pipes && outer ? known.outer : known.plain;
      if (tokens) { t.replay(tokens, lineStart); continue; }
    }
    // One pass over the line tells what it may be: where its text starts; pipes, tabs, rule characters.
    let lead = -1, pipes = false, tabs = 0, rules = false, slash = false;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (isPipe(c)) pipes = true;
      else if (c === sep) tabs++;
      else if (c === 0x2d || c === 0x3d || isBox(c)) rules = true;
      else if (c === 0x2f) slash = true;
      if (lead < 0 && !(CLASS[c] & SPACE)) lead = i;
    }
    if (lead >= 0 && (PAGE_START[line.charCodeAt(lead)] || (slash && CLASS[line.charCodeAt(lead)] & DIGIT)) && isPageMarker(line)) continue;
    // A running header with the page's number: its words, without the number (never a cell's).
    const header = runningHeader(line);
    if (header) { t.startLine(l, lineStart, true); t.piece(start + header[0], start + header[1], -1); continue; }
    if (rules) {
      if (isGridBorder(line)) { if (grid) emitGrid(t, text, grid); grid = []; continue; }
      if (isRule(line)) continue;
    }
    const end = start + line.length;
    if (pipes) outer ??= outerPipes(idx, first, last);
    if (grid && !pipes) { emitGrid(t, text, grid); grid = undefined; t.startLine(l, lineStart); }
    // A row of delimited cells is cut at two or more delimiters outside brackets; other lines are read as lines without tabs.
    if (sep !== TAB && tabs > 0 && !isDelimited(line, sep)) tabs = 0;
    if (whole && sep === TAB && lead >= 0 && !isEmpty(text, start + lead, end)) {
      // A whole line with text, read as it always is, and remembered.
      const before = t.tokens.length, withOuter = pipes && outer === true;
      t.cut(line, start, end, lead, withOuter, tabs, sep);
      if (LINES.size > 20000) LINES.clear();
      const entry = known ?? { plain: undefined, outer: undefined, pipes };
      // Remembered with each label's text as the statute's words are matched against (labels.ts), kept on this line's tokens too.
      const tokens = t.tokens.slice(before).map((tok) => {
        if (tok.kind === Kind.Label) tok.norm = normalizeTableLabel(tok.text);
        return { ...tok, start: tok.start - lineStart, end: tok.end - lineStart };
      });
      if (withOuter) entry.outer = tokens; else entry.plain = tokens;
      LINES.set(line, entry);
      continue;
    }
    if (pipes) {
      const cells = cellsOf(text, line, start, outer!);
      if (grid) { cells.forEach(([a, b], k) => (grid![k] ??= []).push({ from: a, to: b, line: l, lineStart })); continue; }
      t.cut(line, start, end, lead, outer!, tabs, sep);
      continue;
    }
    if (lead < 0 || isEmpty(text, start + lead, end)) {
      // A line of tabs alone is a row of empty cells (a pasted Word row left blank, table 4's one row).
      if (tabs > 1) { t.cut(line, start, end, lead, false, tabs, sep); continue; }
      // A line holding only its indentation is an empty cell of a one-cell-per-line table, unless
      // the cell's value follows on the next line, without indentation.
      const next = l + 1 < idx.lineCount ? idx.lineText(l + 1) : '';
      if (next.length === 0 || CLASS[next.charCodeAt(0)] & SPACE || !(isDigits(next.trim()) || PLACEHOLDER.test(next.trim()))) t.blank(end, 0);
      continue;
    }
    t.cut(line, start, end, lead, false, tabs, sep);
  }
  if (grid) emitGrid(t, text, grid);
  return t.tokens;
}

/** How a web page's table is written a cell on each line, by tools that turn HTML into text: each cell's text with a pipe after it ('trailing'), or a pipe on a line of its own after each cell ('between'). */
type CellLines = 'trailing' | 'between' | 'none';

/** Whether lines [first, last] hold a table a cell on each line with pipes so (ten such lines or more, most of those with a pipe). */
function pipeCellLines(idx: LineIndex, first: number, last: number): CellLines {
  let trailing = 0, alone = 0, other = 0;
  for (let l = first; l <= last; l++) {
    const line = idx.lineText(l).trim();
    if (!hasPipe(line)) continue;
    if (line === '|') alone++;
    else if (line.indexOf('|') === line.length - 1) trailing++;
    else if (!/^\|+$/.test(line)) other++;
  }
  if (trailing >= 10 && trailing > 2 * other) return 'trailing';
  return alone >= 10 && trailing + other < alone / 4 ? 'between' : 'none';
}

/**
 * A pipe row's cells: the text before an opening pipe and after a closing one is outside the
 * table; in a table written without them (`outer` false), an empty first or last piece is a cell.
 */
function cellsOf(text: string, line: string, start: number, outer: boolean): [number, number][] {
  const ps = pieces(line, start);
  const open = outer && isEmpty(text, ps[0][0], ps[0][1]), close = open && ps.length > 1 && isEmpty(text, ps[ps.length - 1][0], ps[ps.length - 1][1]);
  return ps.slice(open ? 1 : 0, close ? -1 : undefined);
}

/**
 * Whether the pipe rows of lines [first, last] are written with outer pipes (| a | b |) or without
 * (a | b, where a row that starts with an empty cell starts with a pipe): as most of them are.
 */
function outerPipes(idx: LineIndex, first: number, last: number): boolean {
  let withPipes = 0, without = 0;
  for (let l = first; l <= last; l++) {
    const line = idx.lineText(l).trim();
    if (!hasPipe(line) || isRule(line)) continue;
    if (isPipe(line.charCodeAt(0)) && isPipe(line.charCodeAt(line.length - 1))) withPipes++;
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

/** A label that opens with its numbering: （二） 1. 一、. */
const NUMBERED = /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])/;

/** A mark that ends a clause (，。；：), outside brackets: words that go on as a sentence. */
const CLAUSE_MARKS = new Set([0xff0c, 0x3002, 0xff1b, 0xff1a, 0x2c, 0x3b, 0x3a]);

/** What a sentence's words name a row by: those before its first clause mark, normalized. */
export function sentenceNorm(text: string): string {
  const mark = clauseMark(text), remark = remarkAt(mark < 0 ? text : text.slice(0, mark));
  return normalizeTableLabel(remark >= 0 ? text.slice(0, remark) : mark < 0 ? text : text.slice(0, mark));
}

/**
 * Where the words of a remark that counts a part or a sum begin in `words`, else -1: 其中, 含, 包括 anywhere; 合计, 共计,
 * 累计, 小计, 共 after other words than a numbering (（一）至（六）项合计; 合计 alone is a row's name). No row of the statute
 * has them.
 */
function remarkAt(words: string): number {
  for (const m of words.matchAll(/其中|含|包括|合计|共计|累计|小计|共/g)) {
    if (m[0].length > 1 && m[0] !== '其中' && m[0] !== '包括' || m[0] === '共') {
      if (stripNumbering(normalizeLabel(words.slice(0, m.index))).length === 0) continue;
    }
    return m.index;
  }
  return -1;
}

/** Where the first clause mark outside brackets is in `s`, else -1. */
function clauseMark(s: string): number {
  for (let i = 0; i < s.length; i = bracketEnd(s, i, s.length)) if (CLAUSE_MARKS.has(s.charCodeAt(i))) return i;
  return -1;
}

/**
 * The tokens with each sentence in a cell as one label (a remark cell, a note typed as a row across the table, a label
 * with a sentence after it: 注：本表数据统计截至2023年12月31日，共3件; 其中：网上申请12件，信函申请3件): its counts are the
 * sentence's, never a row's. A sentence: a cell's text (a line's, where no tab or pipe cuts it), words and counts run
 * together, that opens with words and goes on with words after a count with its unit (12件，信函…, 1件为重复申请), or ends
 * with one after a clause mark (…，共3件). Its words name what the words before its first clause mark name (“（二）部分公开，
 * 其中…”: the row; “注：…”: nothing). A table written as sentences (自然人86件，商业企业12件…) is told before (tables.ts).
 */
export function withSentences(tokens: Token[]): Token[] {
  tokens = wrappedSentences(tokens);
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length;) {
    let j = i + 1;
    const first = tokens[i];
    // A cell's tokens (a line's, run together, where no tab or pipe cuts it: a space-aligned row's numbers stand apart).
    while (j < tokens.length && tokens[j].line === first.line && tokens[j].cell === first.cell && (first.cell >= 0 || tokens[j].start === tokens[j - 1].end) && tokens[j].kind !== Kind.Blank) j++;
    // Where no tab or pipe cuts the line: the whole line, its start before a gap and the row's numbers (a space-aligned
    // row's numbered label: not the end of one wrapped over two lines), or its end after them and a gap (its remark).
    const starts = i === 0 || tokens[i - 1].line !== first.line, ends = j === tokens.length || tokens[j].line !== first.line;
    const whole = first.cell >= 0 || (starts && ends)
      || (starts && !ends && tokens[j].kind === Kind.Value && tokens[j - 1].end < tokens[j].start && NUMBERED.test(first.text))
      || (ends && tokens[i - 1].kind === Kind.Value && tokens[i - 1].end < first.start);
    if (whole && j - i >= 2 && first.kind === Kind.Label && isSentence(tokens, i, j) && !(first.cell >= 0 && tokens[j]?.line === first.line && tokens[j].cell === first.cell)) {
      out ??= tokens.slice(0, i);
      const last = tokens[j - 1], text = tokens.slice(i, j).map((t) => t.text).join('');
      out.push({ ...first, text, end: last.end, xEnd: last.xEnd, norm: sentenceNorm(text), sentence: true });
    } else if (out) for (let k = i; k < j; k++) out.push(tokens[k]);
    i = j;
  }
  return out ?? tokens;
}

/**
 * The tokens with a label's sentence broken over two lines where blanks alone part the cells (a PDF's text, a table
 * retyped with spaces): “（二）部分公开其中：网上申请12件，信函” / “申请3件，当面申请5件。 0 0 …”, or the row's numbers
 * on the first line and the rest under it. The first line's words (from the line's start to its end, or to a gap before
 * the row's numbers alone) and the second's (from its start, not a numbered label, to its end or a gap before numbers;
 * to its end where the numbers went on the first) run together over the break: where they read as a sentence, each piece
 * is a sentence (the first naming what the whole names, the second nothing) — where the first is no sentence alone or the
 * second has a count, not two whole lines (a cell a line: a remark, then a row's label); where the break cuts a number (截至20 /
 * 23年…, 申请1 / 2件…) that is no count of its own, the first piece is words. A count alone on the second line is the
 * sentence's only where it has a unit and the numbers after it have none (…，共 / 3件 0 0 0).
 */
function wrappedSentences(tokens: Token[]): Token[] {
  let out: Token[] | undefined;
  const runEnd = (i: number) => {
    let j = i + 1;
    while (j < tokens.length && tokens[j].line === tokens[i].line && tokens[j].start === tokens[j - 1].end) j++;
    return j;
  };
  for (let i = 0; i < tokens.length;) {
    const a = tokens[i], j = runEnd(i);
    let next = j;
    while (next < tokens.length && tokens[next].line === a.line) next++;
    let pieces: Token[] | undefined;
    const b = tokens[next];
    if (a.cell < 0 && a.kind === Kind.Label && (i === 0 || tokens[i - 1].line !== a.line) && b && b.line === a.line + 1 && b.cell < 0 && !NUMBERED.test(b.text)) {
      const m = runEnd(next);
      // (Only where a number is in the two runs: the first's last token, or one in the second; most wrapped labels have none.)
      let counted = tokens[j - 1].kind === Kind.Value;
      for (let k = next; k < m && !counted; k++) counted = tokens[k].kind === Kind.Value;
      if (!counted) { if (out) for (let k = i; k < next; k++) out.push(tokens[k]); i = next; continue; }
      let lineEnd = m;
      while (lineEnd < tokens.length && tokens[lineEnd].line === b.line) lineEnd++;
      const numbersAfter = (from: number, to: number) => from < to && tokens.slice(from, to).every((t) => t.kind !== Kind.Label);
      if (j === next ? lineEnd === m || numbersAfter(m, lineEnd) : numbersAfter(j, next) && lineEnd === m) {
        const last = tokens[j - 1], alone = m - next === 1 && b.kind === Kind.Value;
        // A number the break cuts, read as written on one line: 申请1 / 2件 is a count of 12件, 合计3 / 件 of 3件, 截至20 / 23年 none.
        const cut = j - i > 1 && last.kind === Kind.Value && isDigits(last.text) ? countEnd(last.text + b.text, 0, last.text.length + b.text.length, 0) : last.text.length;
        const run = cut === last.text.length ? [...tokens.slice(i, j), ...tokens.slice(next, m)] : [...tokens.slice(i, j - 1),
          ...(cut < 0 ? [{ ...b, kind: Kind.Label, text: last.text + b.text }] : [{ ...b, kind: Kind.Value, text: (last.text + b.text).slice(0, cut) }, { ...b, kind: Kind.Label, text: b.text.slice(cut - last.text.length) }]),
          ...tokens.slice(next + 1, m)].filter((t) => t.text !== '');
        const text = run.map((t) => t.text).join('');
        const unitOnly = !alone || (/\D$/.test(b.text) && (j < next || m < lineEnd) && tokens.slice(m, lineEnd).every((t) => t.kind !== Kind.Value || /\d$/.test(t.text)));
        // Two lines each whole (a cell a line: a remark, then the next row's label) are no sentence broken.
        const needed = cut !== last.text.length || tokens.slice(next, m).some((t) => t.kind === Kind.Value) || !(j - i > 1 && isSentence(tokens, i, j));
        const join = (from: number, to: number, norm: string, sentence: boolean): Token => {
          const t: Token = { ...tokens[from], kind: Kind.Label, text: tokens.slice(from, to).map((t) => t.text).join(''), end: tokens[to - 1].end, xEnd: tokens[to - 1].xEnd, norm };
          if (sentence) t.sentence = true;
          return t;
        };
        if (unitOnly && needed && isSentence(run, 0, run.length)) {
          pieces = [join(i, j, sentenceNorm(text), true), ...tokens.slice(j, next), join(next, m, '', true), ...tokens.slice(m, lineEnd)];
        } else if (cut !== last.text.length) {
          const words = tokens.slice(i, j).map((t) => t.text).join('');
          pieces = [join(i, j, normalizeTableLabel(words), false), ...tokens.slice(j, lineEnd)];
        }
        if (pieces) {
          out ??= tokens.slice(0, i);
          out.push(...pieces);
          i = lineEnd;
          continue;
        }
      }
    }
    if (out) for (let k = i; k < next; k++) out.push(tokens[k]);
    i = next;
  }
  return out ?? tokens;
}

/** Whether tokens [i, j), words and counts run together, read as a sentence (withSentences). */
function isSentence(tokens: Token[], i: number, j: number): boolean {
  let marked = false;
  for (let k = i; k < j; k++) {
    const t = tokens[k];
    if (t.kind === Kind.Label) { marked ||= clauseMark(t.text) >= 0; continue; }
    if (!/\d\D+$/.test(t.text) || tokens[k - 1]?.kind !== Kind.Label || k === i) continue; // a count with its unit, after words
    if (k + 1 < j || marked) return true;
  }
  // A remark without a clause mark that ends in a count with its unit: （一）至（六）项合计3件, 其中依申请公开2件.
  const last = tokens[j - 1];
  return last.kind === Kind.Value && /\d\D+$/.test(last.text) && remarkAt(tokens.slice(i, j - 1).map((t) => t.text).join('')) >= 0;
}

/**
 * The first label written after its row's numbers, in a table whose label column stands on the right (0  0  0  规章:
 * a page laid out so, a table mirrored), else undefined: two lines at least have their numbers, then words, and no line
 * has a number after words (a 备注 after a row's label and numbers, a 序号 before them). Not read yet: the reader says so.
 */
export function labelsLast(tokens: Token[]): Token | undefined {
  let after: Token | undefined, n = 0;
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && tokens[j].line === tokens[i].line) j++;
    let value = -1, label = false;
    for (let k = i; k < j; k++) {
      if (tokens[k].kind === Kind.Label) label = true;
      else if (tokens[k].kind === Kind.Value) { if (label) return undefined; value = k; } // words, then numbers (after a 序号 too)
    }
    if (value >= 0) {
      let last = j - 1;
      while (tokens[last].kind === Kind.Blank) last--;
      if (tokens[last].kind === Kind.Label) { after ??= tokens[last]; n++; }
    }
    i = j;
  }
  return n >= 2 ? after : undefined;
}
