import { LOOSE_UNITS, NOUNS_AFTER_LOOSE_UNITS, UNITS, WORDS_AFTER_UNITS } from '../format/proseWords';
import type { NumberForm } from '../model';
import { isIdeograph } from '../strings';

// Numbers as prose writes them: 23, ２３, 1,234, 30.62, 二十三, 两, 一百零五 — each with what
// follows it (a unit, 年, %), so that a year or a percentage is never taken for a count.

export type UnitClass = 'count' | 'money' | 'other' | 'none';

export interface ProseNumber {
  /** Offsets of the number itself in the string read (the range a fix replaces). */
  start: number;
  end: number;
  value: number;
  form: NumberForm;
  unit: string;
  unitClass: UnitClass;
  /** Where the unit ends (or the number, without a unit). */
  after: number;
  /** 70余件, 十多件: not an exact figure. */
  approx: boolean;
  /** A year (2023年), a date (1月), a percentage, an ordinal (第3): never a count. */
  notCount: boolean;
  /** 2023年, 二〇二三年: the year, for telling this year's figures from last year's. */
  year?: number;
  /** 近3年, 三年来, 1-6月: a span of years or of months other than the year; what follows counts another period. */
  span?: boolean;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_TENS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_START = '一二两三四五六七八九十';

const isAscii = (c: number) => c >= 48 && c <= 57;
const isWide = (c: number) => c >= 0xff10 && c <= 0xff19;
const CN_CHARS = '零〇一二两三四五六七八九十百千万';
const CN_CODES = new Uint8Array(65536);
for (const ch of CN_CHARS) CN_CODES[ch.charCodeAt(0)] = 1;
const isCn = (c: number) => CN_CODES[c] === 1;

/**
 * The characters a number may begin with. 〇 and 零 begin one only alone, before a unit that ends its clause (申请〇件。,
 * 行政复议零件，): 〇 is otherwise inside a year (二〇二三年) and 零 a word's (零件 are parts, 零容忍); claims.ts takes 零件 only
 * right after its keyword.
 */
const ZEROS = '〇零';
export const NUMBER_STARTS = '0123456789０１２３４５６７８９' + CN_START + ZEROS;
/** What may follow a lone 〇件 / 零件 (the clause's end). */
const CLAUSE_ENDS = '，,。；;：:、）)！？!?\n\r';

/** 二十三 → 23, 一百零五 → 105, 十二 → 12, 两 → 2, 二三 → 23; undefined for nonsense such as 百百. */
export function chineseValue(s: string): number | undefined {
  if (!/[十百千万]/.test(s)) {
    let v = 0;
    for (const ch of s) { const d = CN_DIGITS[ch]; if (d === undefined) return undefined; v = v * 10 + d; }
    return v;
  }
  let total = 0, section = 0, digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGITS) { digit = CN_DIGITS[ch]; continue; }
    if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 10000; section = 0; digit = -1;
      continue;
    }
    const unit = CN_TENS[ch];
    if (unit === undefined) return undefined;
    if (digit < 0 && unit !== 10) return undefined; // 百 without a digit
    section += (digit < 0 ? 1 : digit) * unit; digit = -1;
  }
  return total + section + Math.max(digit, 0);
}

const UNIT_LIST: [string, UnitClass][] = ([
  ...UNITS.count.map((u) => [u, 'count']), ...UNITS.money.map((u) => [u, 'money']), ...UNITS.other.map((u) => [u, 'other']),
] as [string, UnitClass][]).sort((a, b) => b[0].length - a[0].length);

/** Units by first character, longest first. */
const UNITS_BY_FIRST = new Map<number, [string, UnitClass][]>();
for (const u of UNIT_LIST) {
  const c = u[0].charCodeAt(0);
  UNITS_BY_FIRST.set(c, [...(UNITS_BY_FIRST.get(c) ?? []), u]);
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
const skipBlanks = (s: string, i: number) => { while (i < s.length && isBlank(s.charCodeAt(i))) i++; return i; };
const isDigitLike = (c: number) => isAscii(c) || isWide(c) || c === 44 || c === 46 || c === 0xff0e;
const APPROX = (c: number) => c === 0x4f59 || c === 0x591a; // 余, 多
const NOT_COUNT = '年月日号%％‰倍';
/** What makes 一 after it a word, not a count (每一件, 同一个, 唯一, 统一, 逐一). */
const ONE_AFTER = '每同唯统逐';
const DI = 0x7b2c; // 第
// Characters are compared by code: indexing a string by a Chinese character makes a new string.
const isOrdinal = (s: string, start: number) =>
  s.charCodeAt(start - 1) === DI || (isBlank(s.charCodeAt(start - 1)) && s.charCodeAt(start - 2) === DI);

const isNumeral = (c: number) => isAscii(c) || isWide(c) || isCn(c);
const RANGE = new Set([...'-－—~～至到'].map((ch) => ch.charCodeAt(0)));
/** 3-5件, 五至六件: the number ends a range (1月至6月, 2021年至2023年: of months, of years). */
const rangeEnd = (s: string, start: number) => RANGE.has(s.charCodeAt(start - 1)) &&
  (isNumeral(s.charCodeAt(start - 2)) || s.charCodeAt(start - 2) === 0x6708 /* 月 */ || s.charCodeAt(start - 2) === 0x5e74 /* 年 */);
/**
 * 一两件, 三五件, 二三十件, 十一二件: two digits side by side name a range, not a number (二〇二三 with its 〇 is a year);
 * 数十件, 几十件: some tens.
 */
function roughChinese(s: string, start: number, end: number): boolean {
  const before = s.charCodeAt(start - 1);
  if (before === 0x6570 /* 数 */ || before === 0x51e0 /* 几 */) return true;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x96f6 /* 零 */ || c === 0x3007 /* 〇 */) return false;
    const d = CN_DIGITS[s[i]];
    digits = d !== undefined ? digits + 1 : 0;
    if (digits === 2) return true;
  }
  return false;
}
const GROUP_SEPARATORS = new Set([...'，, \u00a0'].map((ch) => ch.charCodeAt(0)));
/**
 * 092 in 1，092 or 1 092: three digits after a digit and a comma or a space are the end of a
 * number written with a separator the reader does not take (a full-width comma, a space), or a
 * leading zero: not a count of their own.
 */
function thousands(s: string, start: number, end: number): boolean {
  const c = s.charCodeAt(start);
  if ((c === 48 || c === 0xff10) && end - start > 1) return true;
  return end - start === 3 && GROUP_SEPARATORS.has(s.charCodeAt(start - 1)) && (isAscii(s.charCodeAt(start - 2)) || isWide(s.charCodeAt(start - 2)));
}

/**
 * Where the run of number characters starting at `i` ends, and the class of the unit after it: a
 * cheap look that lets the reader skip sentences without a count (most of them).
 */
export function unitAfter(s: string, i: number): { end: number; unit: UnitClass } {
  const cn = !isDigitLike(s.charCodeAt(i)); // else one of CN_START
  let j = i;
  while (j < s.length && (cn ? isCn(s.charCodeAt(j)) : isDigitLike(s.charCodeAt(j)))) j++;
  if (s.charCodeAt(i - 1) === DI) return { end: j, unit: 'none' };
  const k = skipBlanks(s, j);
  if (APPROX(s.charCodeAt(k))) return { end: j, unit: 'count' };
  return { end: j, unit: unitAt(s, k)?.[1] ?? 'none' };
}

/** The unit at `j`, if any. */
function unitAt(s: string, j: number): [string, UnitClass] | undefined {
  const list = UNITS_BY_FIRST.get(s.charCodeAt(j));
  if (list) for (const u of list) if (s.startsWith(u[0], j)) return u;
  return undefined;
}

/** Reads Arabic or full-width digits at `i`: 23, 2,488, 30.62, ２３. */
function readDigits(s: string, i: number, wide: boolean): { value: number; end: number } {
  const digit = wide ? isWide : isAscii;
  const zero = wide ? 0xff10 : 48;
  let int = 0, j = i;
  for (;;) {
    const c = s.charCodeAt(j);
    if (digit(c)) { int = int * 10 + (c - zero); j++; continue; }
    // 2,488: a thousands separator only before exactly three digits
    if (c === 44 && !wide && digit(s.charCodeAt(j + 1)) && digit(s.charCodeAt(j + 2)) && digit(s.charCodeAt(j + 3)) && !digit(s.charCodeAt(j + 4))) { j++; continue; }
    break;
  }
  if (s.charCodeAt(j) === (wide ? 0xff0e : 46) && digit(s.charCodeAt(j + 1))) {
    let k = j + 1, frac = '';
    while (digit(s.charCodeAt(k))) { frac += String.fromCharCode(s.charCodeAt(k) - zero + 48); k++; }
    return { value: Number(`${int}.${frac}`), end: k };
  }
  return { value: int, end: j };
}

/** 〇件。 零件， (at `k`, the unit): a unit of count, then the clause's end. */
function lonelyZero(s: string, k: number): boolean {
  const u = unitAt(s, k);
  return u !== undefined && u[1] === 'count' && (k + u[0].length === s.length || CLAUSE_ENDS.includes(s.charAt(k + u[0].length)));
}

/** Reads the number starting at `i` (a character of NUMBER_STARTS); undefined when it is not one (一是, 三大). */
export function readNumber(s: string, i: number): ProseNumber | undefined {
  const start = i;
  const c0 = s.charCodeAt(i);
  let value: number, form: NumberForm, end: number;
  if (isAscii(c0) || isWide(c0)) {
    form = isAscii(c0) ? 'arabic' : 'fullwidth';
    ({ value, end } = readDigits(s, i, form === 'fullwidth'));
  } else {
    end = i;
    while (end < s.length && isCn(s.charCodeAt(end))) end++;
    // Most Chinese numerals in prose are words (一是, 进一步): only one followed by a unit (or 年) is a number.
    const k = skipBlanks(s, end);
    if (!UNITS_BY_FIRST.has(s.charCodeAt(k)) && !APPROX(s.charCodeAt(k)) && s.charCodeAt(k) !== 0x5e74) return undefined;
    const v = chineseValue(s.slice(start, end));
    if (v === undefined) return undefined;
    if (ZEROS.includes(s.charAt(start)) && !(end - start === 1 && lonelyZero(s, k))) return undefined;
    value = v;
    form = 'chinese';
  }
  const ordinal = isOrdinal(s, start);
  let j = skipBlanks(s, end);
  const more = APPROX(s.charCodeAt(j));
  if (more) j = skipBlanks(s, j + 1);
  const approx = more || rangeEnd(s, start) || (form === 'chinese' && roughChinese(s, start, end));
  const found = unitAt(s, j);
  const unit = found?.[0] ?? '';
  let unitClass: UnitClass = found?.[1] ?? 'none';
  const afterUnit = s.charAt(j + unit.length);
  if (unit && afterUnit && WORDS_AFTER_UNITS.includes(afterUnit)) unitClass = 'other';
  else if (unit && LOOSE_UNITS.includes(unit)) {
    // 20 个村: a count of villages, not of applications.
    const k = skipBlanks(s, j + unit.length);
    if (k < s.length && isIdeograph(s.charCodeAt(k)) && (!NOUNS_AFTER_LOOSE_UNITS.some((n) => s.startsWith(n, k)) || s.startsWith('申请人', k))) unitClass = 'other';
  }
  const next = s.charCodeAt(j);
  // 6３件 (a digit typed in the other width): the tail of a number the reader does not take whole.
  const glued = isAscii(s.charCodeAt(start - 1)) || isWide(s.charCodeAt(start - 1));
  const notCount = ordinal || glued || (j < s.length && NOT_COUNT.includes(s[j])) || s.startsWith('个百分点', j) || thousands(s, start, end);
  if (!Number.isFinite(value)) return undefined;
  const years = next === 0x5e74 /* 年 */ && !ordinal;
  const year = years && end - start === 4 && value >= 1990 && value <= 2100 ? value : undefined;
  // 一年来 is this year; 两年, 近3年, 十年来 are more; 1-6月 is less.
  // (2021—2023年: several years, up to this one.)
  const span = (years && year === undefined && value >= 2 && value < 100) || (year !== undefined && rangeEnd(s, start)) ||
    (next === 0x6708 /* 月 */ && value < 12 && rangeEnd(s, start));
  if (form === 'chinese' && (unitClass === 'none' || notCount) && year === undefined && !span) return undefined;
  // 每一件, 同一个, 逐一, 一件一档, 一事一议: 一 in a set phrase, no count.
  if (form === 'chinese' && value === 1 && end - start === 1 && (ONE_AFTER.includes(s.charAt(start - 1)) || s.charCodeAt(j + unit.length) === 0x4e00)) return undefined;
  const n: ProseNumber = { start, end, value, form, unit, unitClass, after: unit ? j + unit.length : end, approx, notCount, year };
  if (span) n.span = true;
  return n;
}
