import { isDigit, isHanNumeral, readNumbering } from '../numbering';
import { type LineIndex } from '../lineIndex';
import { isBlankCode as isBlank, isIdeograph, isPageMarker } from '../strings';

// A PDF's text layer (and Markdown converted from a PDF) wraps every line at the page's width: a
// sentence runs on over line breaks, even inside a word (答\n复) or between a number and its unit
// (351\n件), and page numbers (- 2 -, — 2 —) stand between its lines. Such a soft break must not end
// a sentence; a paragraph's or a heading's break still must. Which is which the document itself
// tells: a soft break follows a line about as wide as the document's full lines that does not end a
// sentence, and comes before a line that does not open a heading or a numbered item. A document
// whose lines are not wrapped at one width (a draft with one paragraph per line) has none.

/** The prose as the claims are read from it, and the way back to the document's offsets. */
export interface Unwrapped {
  /** The document with its soft breaks, and the page numbers among them, cut out; the document itself when it has none. */
  text: string;
  /** The document offset of an offset in `text`: a range's start goes past a cut there, its end stays before it. */
  original(at: number, isEnd: boolean): number;
  /** The offset in `text` of a document offset (one inside a cut: the cut's place). */
  local(at: number): number;
}

// What a line's last characters are, by code (one array read each): END, 。！？；： and their ASCII
// forms — a line that ends with one ends its sentence or clause on purpose; TRAILING, blanks and the
// closing quotes and brackets looked through for the sentence end before them (……。”).
const END = 1, TRAILING = 2;
const LAST = new Uint8Array(65536);
for (const c of '。！？；：!?;:') LAST[c.charCodeAt(0)] = END;
for (const c of ' \t\r\u3000\u00a0”’）」』】)"\'') LAST[c.charCodeAt(0)] = TRAILING;

/**
 * Display width, up to the trailing blanks: a Chinese character (or a full-width form, “, —) counts
 * two, ASCII one. -1 for a line with a tab or a |, a table's row.
 */
export function displayWidth(line: string): number {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  let width = 0;
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x09 || c === 0x7c) return -1;
    width += c >= 0x2e80 || (c >= 0x2010 && c <= 0x206f) ? 2 : 1;
  }
  return width;
}

/** Whether the line's last character, closing quotes and brackets aside (……。”), ends a sentence or a clause. */
function endsSentence(line: string): boolean {
  let end = line.length;
  while (end > 0 && LAST[line.charCodeAt(end - 1)] === TRAILING) end--;
  return end > 0 && LAST[line.charCodeAt(end - 1)] === END;
}

// Only lines at least this wide count as a page's full lines (20 Chinese characters): shorter ones
// are headings, table labels and cells, whose widths cluster too.
const MIN_FULL = 40, MAX_FULL = 240;
/** How far short of the full width a full line may fall: a paragraph's first line is indented by two characters, and digits are narrow. */
const SHORT_BY = 6;
/** How far beyond it: a line of many digits and Latin letters measures a little wider. */
const LONG_BY = 10;

// Scratch space, reused (one document is read at a time): how many lines have each width, each
// line's width (-1 for a line that cannot end in a soft break), and whether a loose break may follow
// it (endsOpen). New arrays for each document make an in-process check ~4–7% slower (npm run bench).
const counts = new Uint32Array(MAX_FULL + 3);
let widths = new Int32Array(1024);
let goes = new Uint8Array(1024);

/**
 * The width at which the document's lines are wrapped, or 0 when they are not: the width most of the
 * wide lines that end mid-sentence have (within two), if there are enough of them. Leaves those
 * lines' widths in `widths` and, when `loose`, which lines go on in `goes`: each line is measured once.
 */
function wrapWidth(idx: LineIndex, loose: boolean): number {
  counts.fill(0);
  if (widths.length < idx.lineCount) { widths = new Int32Array(idx.lineCount); goes = new Uint8Array(idx.lineCount); }
  let lines = 0;
  for (let l = 0; l < idx.lineCount; l++) {
    const line = idx.lineText(l);
    widths[l] = -1;
    goes[l] = 0;
    // (A line that ends a sentence neither is full nor goes on: see endsOpen.)
    if (line.length < MIN_LOOSE / 2 || endsSentence(line)) continue;
    const fits = line.length >= MIN_FULL / 2 && line.length <= MAX_FULL, open = loose && endsOpen(line);
    if (!fits && !open) continue;
    const width = displayWidth(line);
    if (open && width >= MIN_LOOSE) goes[l] = 1;
    if (!fits || width < MIN_FULL || width > MAX_FULL) continue;
    widths[l] = width;
    counts[width]++;
    lines++;
  }
  if (lines < 6) return 0;
  let best = 0, at = 0;
  for (let w = MIN_FULL + 2; w <= MAX_FULL; w++) {
    const n = counts[w - 2] + counts[w - 1] + counts[w] + counts[w + 1] + counts[w + 2];
    if (n > best) { best = n; at = w; }
  }
  // A third of those lines, and at least six, share a width: the page's.
  return best >= 6 && best * 3 >= lines ? at : 0;
}

/** A line that opens a numbered item (二、 1. （一）), a Markdown block or a table row; or a blank line. */
function opensBlock(line: string): boolean {
  let i = 0;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  if (i === line.length) return true;
  const c = line.charCodeAt(i);
  if (c === 0x23 /* # */ || c === 0x7c /* | */ || c === 0x3e /* > */ || c === 0x2a /* * */) return true;
  if ((c === 0x2d /* - */ || c === 0x2b /* + */) && isBlank(line.charCodeAt(i + 1))) return true;
  if (c === 0xff08 /* （ */ || c === 0x28 /* ( */) {
    let j = i + 1;
    while (j < i + 4 && (isHanNumeral(line.charCodeAt(j)) || isDigit(line.charCodeAt(j)))) j++;
    const close = line.charCodeAt(j);
    return j > i + 1 && (close === 0xff09 || close === 0x29);
  }
  if (!isHanNumeral(c) && !isDigit(c) && c !== 0x7b2c /* 第 */) return false;
  const numbering = readNumbering(line, i);
  return numbering !== undefined && numbering.separator !== '';
}

const AS_IS = (text: string): Unwrapped => ({ text, original: (at) => at, local: (at) => at });

/** A Chinese character or a digit (ASCII or full-width): what a word or a number is made of. */
const isWordChar = (c: number) => isIdeograph(c) || isDigit(c);

/** The last character of a line that is not a blank, as a code (NaN for a blank line). */
function lastCode(line: string): number {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  return line.charCodeAt(end - 1);
}

/** The first character of a line that is not a blank, as a code. */
function firstCode(line: string): number {
  let i = 0;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return line.charCodeAt(i);
}

/** A decimal point, ASCII or full-width (３７３．\n９１万元). */
const isPoint = (c: number) => c === 0x2e || c === 0xff0e;
/** A comma or an enumeration comma: a line that ends with one goes on. */
const isComma = (c: number) => c === 0xff0c || c === 0x2c || c === 0x3001;
/** The narrowest line a loose break may follow (10 Chinese characters): a shorter one is a heading or a label. */
const MIN_LOOSE = 20;

/**
 * Whether the line ends with a Chinese character, a digit or a comma (so never a sentence's end). Such
 * a line goes on: a break inside a word, a number or a clause may follow it (受\n理, 6\n3 件, 第一季\n度,
 * 38件，\n其中), whatever its width from ten characters up, if it is no table's (a tab or a |; wrapWidth
 * measures it). For reading figures only (`loose`): a qualifier cut off its figure (上一年度办\n结申请38件)
 * would blame the author.
 */
function endsOpen(line: string): boolean {
  const last = lastCode(line);
  return isWordChar(last) || isComma(last) || (isPoint(last) && isDigit(line.charCodeAt(line.trimEnd().length - 2)));
}

/** A line that goes on the one before it: it begins with a Chinese character, a digit, a bracket or a quotation mark (or ．62 after a digit), and it is no table's. */
function goesOnFrom(line: string, next: string): boolean {
  const first = firstCode(next), last = lastCode(line);
  // ３０\n．６２万元: a decimal point goes on a number.
  const point = isPoint(first) && isDigit(last);
  // A bracket or a quotation mark opens words of the sentence (…９件\n（维持１件）); a numbered item (（二）) opens a block.
  const opens = first === 0xff08 || first === 0x28 || first === 0x201c;
  return (isWordChar(first) || point || opens) && displayWidth(next) >= 0;
}

/**
 * 总数2⏎⏎第 3 页⏎⏎488条, 行政⏎⏎第 3 页⏎⏎复议: a number or a word cut by a page break, its page number between blank lines
 * (a PDF's text). The line after the page number goes on this one when this one ends with a Chinese character or a digit and
 * that one begins with one (上一年度⏎⏎第 3 页⏎⏎办结申请38件: the qualifier stays with its figure); else the line after `l`.
 */
function pageBetween(idx: LineIndex, l: number): number {
  // (Most lines are followed by one of text: a look at its first character, without cutting it out.)
  const c = idx.text.charCodeAt(idx.lineStart(l + 1));
  if ((c !== 10 && c !== 13 && !isBlank(c)) || !isWordChar(lastCode(idx.lineText(l)))) return l + 1;
  let next = l + 1, marks = 0;
  for (; next < idx.lineCount && next - l <= 5; next++) {
    const line = idx.lineText(next);
    if (isPageMarker(line)) marks++;
    else if (line.trim() !== '') break;
  }
  return marks === 1 && next < idx.lineCount && isWordChar(firstCode(idx.lineText(next))) ? next : l + 1;
}

/**
 * The document read with its soft line breaks (and the page numbers among them) cut out. A break
 * before or after a section heading (`headings`: their lines) is never soft. `loose`: breaks inside
 * a word, a number or a clause are cut too, in lines of any width (endsOpen).
 */
export function unwrap(idx: LineIndex, headings: readonly number[] = [], loose = false): Unwrapped {
  const full = wrapWidth(idx, loose);
  if (!full && !loose) return AS_IS(idx.text);
  // Cuts, in document order: where each starts and ends in the document, and where it falls in the result.
  const starts: number[] = [], ends: number[] = [], at: number[] = [];
  const pieces: string[] = [];
  let length = 0, from = 0;
  for (let l = 0; l + 1 < idx.lineCount; l++) {
    const width = widths[l];
    const wide = full > 0 && width >= full - SHORT_BY && width <= full + LONG_BY;
    if ((!wide && !goes[l]) || headings.includes(l)) continue;
    let next = l + 1;
    while (next < idx.lineCount && isPageMarker(idx.lineText(next))) next++;
    if (next === l + 1 && loose) next = pageBetween(idx, l);
    if (next >= idx.lineCount || opensBlock(idx.lineText(next)) || headings.includes(next)) continue;
    if (!wide && !goesOnFrom(idx.lineText(l), idx.lineText(next))) continue;
    const start = idx.lineStart(l) + idx.lineText(l).length, end = idx.lineStart(next);
    pieces.push(idx.text.slice(from, start));
    length += start - from;
    starts.push(start); ends.push(end); at.push(length);
    from = end;
    l = next - 1;
  }
  if (!starts.length) return AS_IS(idx.text);
  pieces.push(idx.text.slice(from));
  // Joined, not added piece by piece: a flat string, which the reader's scan reads at one step a character.
  const text = pieces.join('');
  return {
    text,
    original(offset, isEnd) {
      // The last cut at or before the offset (strictly before, for an end): the offset lies past it.
      let lo = 0, hi = at.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (isEnd ? at[mid] < offset : at[mid] <= offset) lo = mid + 1; else hi = mid; }
      return lo === 0 ? offset : ends[lo - 1] + (offset - at[lo - 1]);
    },
    local(offset) {
      // The last cut that starts at or before the offset.
      let lo = 0, hi = starts.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= offset) lo = mid + 1; else hi = mid; }
      if (lo === 0) return offset;
      const k = lo - 1;
      return offset < ends[k] ? at[k] : at[k] + (offset - ends[k]);
    },
  };
}
