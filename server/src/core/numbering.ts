import { toHalfWidth } from './strings';

// Numerals and numberings as drafts write them: 二、 2. 三． 第二部分 at the start of a heading or a line, read
// by the section headings (parse/sections.ts) and by the prose reader, which must not join a
// numbered line to the sentence before it (prose/unwrap.ts); 〇 and 零 for a table's 0.

const HAN_DIGITS = '〇一二三四五六七八九';
const HAN_CODES = [...HAN_DIGITS].map((d) => d.charCodeAt(0));

/** The value of a Chinese numeral up to 99 (一, 十, 十二, 二十三), or NaN. */
function hanValue(s: string): number {
  const ten = s.indexOf('十');
  const digit = (d: string) => (d.length === 1 ? HAN_DIGITS.indexOf(d) : NaN);
  if (ten < 0) return s.length === 1 && digit(s) > 0 ? digit(s) : NaN;
  const tens = ten === 0 ? 1 : digit(s.slice(0, ten));
  const ones = ten === s.length - 1 ? 0 : digit(s.slice(ten + 1));
  return ten > 1 || tens < 1 || ones < 0 ? NaN : tens * 10 + ones;
}

// Characters are tested by code (line.charCodeAt(i), NaN past the end): indexing a string by a
// Chinese character would make a new one-character string each time.
/** A blank between words of a heading: space, ideographic space, no-break space (not a tab: it separates cells). */
export const isBlank = (c: number) => c === 0x20 || c === 0x3000 || c === 0xa0;
/** 一 … 九 or 十 (not 〇: no numbering starts with it). */
export const isHanNumeral = (c: number) => c === 0x5341 || HAN_CODES.indexOf(c) > 0;
/** An ASCII or full-width digit. */
export const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
/** Separators drafts put after a section numeral; only 、 is the statute's. */
const SEPARATOR_CODES = [...'、.．，,'].map((c) => c.charCodeAt(0));

export interface Numbering {
  /** The numeral as written. */
  numeral: string;
  value: number;
  /** 'han' for 一 二 三, 'arabic' for 1 2 3 (also full-width). */
  style: 'han' | 'arabic';
  /** The separator as written (“、”, “.”; “：” after 第二部分), or '' when only blanks follow the numeral (or 部分). */
  separator: string;
  /** Offsets in the line: the numbering's start (the numeral's, or 第's), and the end of the separator and the blanks after it. */
  start: number;
  end: number;
  /** A numbering of points inside a section — （二）, 二是, 第二， — not of the sections themselves. */
  point?: true;
}

/** Past the blanks from `j` (before `end`): where a numbering's text starts. */
function pastBlanks(line: string, j: number, end: number): number {
  while (j < end && isBlank(line.charCodeAt(j))) j++;
  return j;
}

/** 第, which opens 第二部分. */
export const DI = 0x7b2c;

/** The numeral at `at` — 一 … 九十九, or one or two digits — and where it ends. */
function readNumeral(line: string, at: number, end: number): { value: number; han: boolean; end: number } | undefined {
  let i = at;
  const han = isHanNumeral(line.charCodeAt(i));
  while (i < end && i - at < 3 && (han ? isHanNumeral(line.charCodeAt(i)) : isDigit(line.charCodeAt(i)))) i++;
  if (i === at || i - at > 2) return undefined;
  const numeral = line.slice(at, i);
  const value = han ? hanValue(numeral) : Number(toHalfWidth(numeral));
  return value > 0 ? { value, han, end: i } : undefined;
}

/**
 * Reads a top-level numbering (二、 2. 三．, or 第二部分 — a numbering of the drafter's own) at `at`;
 * （二） and (2) are not read.
 */
export function readNumbering(line: string, at: number, end = line.length): Numbering | undefined {
  const part = line.charCodeAt(at) === DI;
  const numeral = readNumeral(line, part ? at + 1 : at, end);
  if (!numeral) return undefined;
  if (part && !line.startsWith('部分', numeral.end)) return undefined;
  const i = part ? numeral.end + 2 : numeral.end;
  let j = pastBlanks(line, i, end);
  let separator = '';
  const c = line.charCodeAt(j);
  if (j < end && (SEPARATOR_CODES.includes(c) || (part && (c === 0xff1a || c === 0x3a)))) separator = line[j++];
  else if (j === i && !part) return undefined; // 一是, 2023年: a numeral that runs into the text is not a numbering
  // “2.5” or “1.2万” is a number, not a numbering.
  if ((separator === '.' || separator === '．') && isDigit(line.charCodeAt(j))) return undefined;
  j = pastBlanks(line, j, end);
  const written = line.slice(part ? at + 1 : at, numeral.end);
  return { numeral: written, value: numeral.value, style: numeral.han ? 'han' : 'arabic', separator, start: at, end: j };
}

/**
 * A numbering in brackets, （二） or (2), at `at`: a sub-topic's, which a drafter may also have given the
 * sections themselves (parse/sections.ts takes it only before a section's own title).
 */
export function readBracketNumbering(line: string, at: number, end = line.length): Numbering | undefined {
  const open = line.charCodeAt(at);
  if (open !== 0xff08 /* （ */ && open !== 0x28 /* ( */) return undefined;
  const numeral = readNumeral(line, at + 1, end);
  const close = numeral && line.charCodeAt(numeral.end);
  if (!numeral || (close !== 0xff09 /* ） */ && close !== 0x29 /* ) */)) return undefined;
  const j = pastBlanks(line, numeral.end + 1, end);
  return { numeral: line.slice(at + 1, numeral.end), value: numeral.value, style: numeral.han ? 'han' : 'arabic', separator: line[numeral.end], start: at, end: j, point: true };
}

/** 是 (一是), and what may follow 第二 as its separator: 、，,：:．. */
const SHI = 0x662f;
const ORDINAL_SEPARATORS = [...'、，,：:．.'].map((c) => c.charCodeAt(0));

/**
 * A numbering as points are counted in speech, 二是 or 第二， (第二、 第二：), at `at`: a point's inside a
 * section (“一是加强组织领导，…”), which a drafter may also have given the sections themselves
 * (parse/sections.ts takes it only alone on its line before a section's own title).
 */
export function readSpokenNumbering(line: string, at: number, end = line.length): Numbering | undefined {
  const ordinal = line.charCodeAt(at) === DI;
  if (!ordinal && !isHanNumeral(line.charCodeAt(at))) return undefined;
  const numeral = readNumeral(line, ordinal ? at + 1 : at, end);
  if (!numeral || !numeral.han) return undefined;
  const c = line.charCodeAt(numeral.end);
  if (ordinal ? !ORDINAL_SEPARATORS.includes(c) : c !== SHI) return undefined;
  const j = pastBlanks(line, numeral.end + 1, end);
  return { numeral: line.slice(ordinal ? at + 1 : at, numeral.end), value: numeral.value, style: 'han', separator: line[numeral.end], start: at, end: j, point: true };
}

/** Zero written as a Chinese numeral (〇, 零), alone: a table cell's 0 written the wrong way. */
export const isHanZero = (text: string) => text === '〇' || text === '零';
