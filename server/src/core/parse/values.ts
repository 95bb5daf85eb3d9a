import { SIMPLIFIED } from '../format/traditional';
import { toHalfWidth } from '../strings';
import { isHanZero } from '../numbering';
import type { CellKind } from '../model';

export interface CellReading { kind: CellKind; value: number | null; unit: string | undefined; nonstandard: boolean }

/** A cell that holds only a placeholder for a number: “/”, “—”, “无”, “×” (a form's “does not apply”). */
export const PLACEHOLDER = /^(?:[/\\\-—–－~～]+|[×✕╳]|无|空)$/;
/** A space that groups a number's thousands in a cell of its own (3 562; Word's no-break and thin spaces). */
const GROUP_SPACE = '[ \\u00a0\\u2009\\u202f]';
/** The units a table's number may be written with (万元 before 元: the longer first). */
export const UNITS = ['万元', '元', '件', '条', '个', '项', '人', '次', '份'];
/**
 * The characters a minus sign is typed as besides - and −: a hyphen (U+2010), Word's non-breaking hyphen (U+2011,
 * Ctrl+Shift+-), a figure dash, an en dash (Word's AutoCorrect of “ - ”), the small hyphen-minus, and an em dash
 * touching the digits (—3: a placeholder's dash stands alone in its cell, — or — 3 a blank apart; the tokenizer takes
 * a sign only right before a digit). Read as a minus, the number written the wrong way (cell-fullwidth).
 */
export const DASH_SIGNS = '\u2010\u2011\u2012\u2013\u2014\ufe63';
const NUMBER = new RegExp(`^([+\\-−${DASH_SIGNS}]?)(\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:${GROUP_SPACE}\\d{3})+|\\d+)(?:\\.(\\d+))?\\s*(${UNITS.join('|')})?$`);

/** A number with a footnote mark after it: 104*, 104※. */
const FOOTNOTE = /^(.*\d)\s*[*※]+$/;

/** Whether s is a run of ASCII digits. */
export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return s.length > 0;
}

/** Whether s is one to three ASCII digits (a serial or a page's number), read without a regular expression. */
export const isSmallCount = (s: string) => s.length <= 3 && isDigits(s);

const reading = (kind: CellKind, value: number | null, unit?: string, nonstandard = false): CellReading => ({ kind, value, unit, nonstandard });

/** The value of a plain count (up to 15 ASCII digits), or undefined: most cells, read without a regular expression. */
export function plainCount(raw: string): number | undefined {
  if (raw.length === 0 || raw.length > 15) return undefined;
  // Added up digit by digit (exact below 2^53): Number(raw) parses a string it has not seen in C++.
  let value = 0;
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    value = value * 10 + d;
  }
  return value;
}

/** Reads a cell's text. Blank and placeholders are kept apart from zero. */
export function readCell(raw: string): CellReading {
  const count = plainCount(raw);
  if (count !== undefined) return reading('number', count);
  const text = toHalfWidth(raw).trim();
  if (text === '') return reading('blank', null);
  if (PLACEHOLDER.test(text)) return reading('placeholder', null);
  // Zero written as a Chinese numeral: a number, written the wrong way (cell-fullwidth).
  if (isHanZero(text)) return reading('number', 0, undefined, true);
  const m = NUMBER.exec(text);
  if (!m) {
    // A footnote mark after the number (104*, explained by a 注：* under the table) is no part of it.
    const marked = FOOTNOTE.exec(text);
    return marked ? readCell(marked[1]) : reading('invalid', null);
  }
  const value = Number((m[1] && m[1] !== '+' ? '-' : '') + m[2].replace(/\D/g, '') + (m[3] ? '.' + m[3] : ''));
  return reading('number', value, m[4], text !== raw.trim() || !isDigits(m[2]) || DASH_SIGNS.includes(m[1] || '+'));
}

// Blanks and the punctuation of ASCII, general punctuation (“” —), CJK (、。「」) and full-width forms.
const PUNCTUATION = /[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uffef]/g;

const TRADITIONAL = new RegExp(`[${[...SIMPLIFIED.keys()].join('')}]`, 'g');

/** Text for matching: half-width, without blanks, punctuation or brackets. */
export function normalizeText(raw: string): string {
  return toHalfWidth(raw).replace(PUNCTUATION, '');
}

/**
 * A table's label text for matching against the statute's words: normalized, in simplified
 * characters. (Prose and headings are not looked at for traditional ones: on every line of a
 * report that look costs an in-process check ~2.5%, npm run bench.)
 */
export function normalizeLabel(raw: string): string {
  return normalizeText(raw).replace(TRADITIONAL, (c) => SIMPLIFIED.get(c)!);
}

/**
 * A table's label as matched against the statute's words (normalizeLabel); a label of two characters
 * with a note in brackets (规章（设区的市、自治州人民政府应提供相关数据）, a province's form) is that label: a
 * two-character keyword names its row only standing alone, and the note would hide it.
 */
export function normalizeTableLabel(raw: string): string {
  // The first bracket that opens no numbering (the （件） of （七）总计（件）).
  const note = raw.search(/[（(](?![一二三四五六七八九十\d]+[)）])/);
  if (note > 0) {
    const before = normalizeLabel(raw.slice(0, note)), bare = stripNumbering(before).length;
    if (bare > 0 && bare <= 2) return before;
  }
  return normalizeLabel(raw);
}

/** Drops a leading numbering such as 一、 （七） 3. from normalized label text. */
export function stripNumbering(normalized: string): string {
  return normalized.replace(/^[一二三四五六七八九十\d]+/, '');
}
