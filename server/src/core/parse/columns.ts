import type { TableSpec } from '../format/schema';
import type { TableProblem } from '../model';
import { type LineIndex } from '../lineIndex';
import { toHalfWidth } from '../strings';
import { splitRuns } from './split';
import { columnNamed, normOf } from './labels';
import { Kind, nextColumn, type Token } from './tokens';
import { isSmallCount, PLACEHOLDER } from './values';

// One row: which of its tokens fill which of its cells. The count of its numbers, the blank cells
// the text proves, the cells and horizontal positions of the header's words, and — for digits run
// together — the row's identities decide; what they leave open is returned as several readings.

const blankAt = (at: number, line: number): Token => ({ kind: Kind.Blank, text: '', start: at, end: at, line, x: -1, xEnd: -1, c: -1, cell: -1, norm: undefined });

/** A cell of the table to fill: its row and column. */
export interface Slot { row: string; col: string }

/** What the table's header tells of its columns: the cell each header word stands in, and where it stands. */
export interface Columns {
  /** Column key → the index of the cell its header word stands in (tab and pipe rows keep the grid). */
  cells: Map<string, number>;
  /** Column key → every cell its header word stands in (a merged header repeated by a converter). */
  spans: Map<string, Set<number>>;
  /**
   * Column key (table 4: `block.column`) → the centre of the column, measured two ways (WIDTH: in
   * display columns, a Chinese character two wide; CHARS: in characters, as pdftotext aligns them).
   */
  x: [Map<string, number>, Map<string, number>];
  /** The lines those centres were read from: a row on one of them (flattened text) cannot be placed by them. */
  xLines: Set<number>;
  /** The cells of header words that name a column a drafter adds, no statute's (小计, 占比): tables 2 and 3. */
  extra?: Set<number>;
  /** Those words' centres (WIDTH), where the text aligns them (space-aligned, a PDF's text); and how many such words the header has. */
  extraX?: number[];
  added?: number;
  /**
   * Table 3's 合计 beside 总计 where nothing places it (one cell a line, a PDF's text, cells that do not line up), shown by
   * the table's rows to repeat the row's total right after it (tables.ts repeatsTotal): a row's last number, where it
   * equals the one before, is that column's.
   */
  repeat?: boolean;
  /** Where the header names 合计 beside 总计: whether it is a word of the header's top row (`sumOnTop`). */
  sumOnTop?: boolean;
}
export const WIDTH = 0, CHARS = 1;
/** Where a token's centre stands on its line, in one of the two measures. */
const centreBy = (t: Token, metric: number) => (metric === WIDTH ? (t.x + t.xEnd) / 2 : t.c + (t.end - t.start) / 2);

/** The ways to read a row's tokens, each `slots.length` tokens (blanks included), or why there is none. */
export type Reading =
  /** `unique`: the readings stand only if the identities leave exactly one (else the row is short: tables.ts choose). */
  | { readings: Token[][]; inferred: boolean; unique?: boolean; cause?: 'broken' }
  | { problem: TableProblem['kind']; found: number; cause?: TableProblem['cause'] };

export const isValue = (t: Token) => t.kind === Kind.Value;

/**
 * The ways to place a row's tokens on its columns when it has fewer numbers than columns and the
 * text shows blank cells: the blanks between its numbers are cells; those before or after them may
 * be blank values or the traces of merged cells. Each reading is a window of `n` tokens holding
 * every number; those whose cells stand under their column headers come first, then the earliest.
 * The table's identities then choose among them (`choose`).
 */
function placements(tokens: Token[], slots: string[], columns: Columns): Token[][] {
  const n = slots.length;
  let first = 0, last = tokens.length - 1;
  while (first <= last && !isValue(tokens[first])) first++;
  while (last >= first && !isValue(tokens[last])) last--;
  if (first > last) return tokens.length >= n ? [tokens.slice(0, n)] : [];
  if (last - first + 1 > n) return [];
  const readings: { start: number; score: number }[] = [];
  for (let start = Math.max(0, last - n + 1); start <= first && start + n <= tokens.length; start++) {
    let score = 0;
    for (let i = 0; i < n; i++) if (columns.cells.get(slots[i]) === tokens[start + i].cell) score++;
    readings.push({ start, score });
  }
  readings.sort((a, b) => b.score - a.score); // stable: ties keep the earliest first
  return readings.map((r) => tokens.slice(r.start, r.start + n));
}

/**
 * A row's numbers placed by their horizontal positions (a space-aligned table, where a blank cell
 * is only a wider gap): each number under the column it stands nearest to, in order, each column
 * at most once, within half the distance between two columns. The columns' centres must stand
 * apart in their order (a PDF's header, one word per line, gives none). Undefined when the
 * positions do not say it clearly.
 */
function byPosition(idx: LineIndex, values: Token[], slots: string[], columns: Columns): Token[] | undefined {
  const line = values[0].line;
  if (values.some((v) => v.line !== line || v.x < 0) || columns.xLines.has(line)) return undefined;
  for (const metric of [WIDTH, CHARS]) {
    const xs = slots.map((s) => columns.x[metric].get(s));
    let gap = Infinity;
    for (let i = 1; i < xs.length; i++) gap = Math.min(gap, (xs[i] ?? NaN) - (xs[i - 1] ?? NaN));
    if (xs.some((x) => x === undefined) || !(gap >= 2)) continue;
    const out: (Token | undefined)[] = new Array(slots.length).fill(undefined);
    let last = -1;
    for (const v of values) {
      // Under the nearest column, clearly nearer it than the next (by a quarter of the columns' distance), after the number before.
      const at = centreBy(v, metric);
      const by = xs.map((x, i) => ({ i, d: Math.abs(at - x!) })).sort((a, b) => a.d - b.d);
      const best = by[0].i;
      if (best <= last || by[0].d > gap || (by.length > 1 && by[1].d - by[0].d < gap / 4)) { last = -2; break; }
      out[best] = v;
      last = best;
    }
    if (last < -1) continue;
    const lineStart = idx.lineStart(line);
    return out.map((t, i) => t ?? blankAt(lineStart + offsetAt(idx.lineText(line), xs[i]!, metric, values, lineStart), line));
  }
  return undefined;
}

/** The offset in a line nearest column `x` (in the measure given) that falls in a gap between the row's numbers. */
function offsetAt(line: string, x: number, metric: number, values: Token[], lineStart: number): number {
  let col = 0, i = 0;
  // Measured as the tokenizer measures a token's place (Token.x, Token.c).
  for (; i < line.length && col < x; i++) col = metric === CHARS ? col + 1 : nextColumn(col, line.charCodeAt(i));
  for (const v of values) if (lineStart + i > v.start && lineStart + i < v.end) return v.end - lineStart;
  return i;
}

/**
 * The row's identities as a test of its values (in slot order): what a cut of run-together digits
 * must satisfy. Table 2's rows have none, so every cut fits and the prose must decide.
 */
function rowTest(spec: TableSpec, slots: Slot[]): ((values: number[]) => boolean) & { checks: number } {
  const checks: { plus: number[]; minus: number[] }[] = [];
  for (const id of spec.identities) {
    if (id.per !== 'row') continue;
    const rows = new Set(slots.map((s) => s.row));
    for (const row of rows) {
      if (id.rows && !id.rows.includes(row)) continue;
      const at = (col: string) => slots.findIndex((s) => s.row === row && s.col === col);
      const plus = id.sum.map(at), minus = id.equals.map(at);
      if (plus.every((i) => i >= 0) && minus.every((i) => i >= 0)) checks.push({ plus, minus });
    }
  }
  const test = (values: number[]) => {
    for (const { plus, minus } of checks) {
      let r = 0;
      for (const i of plus) r += values[i];
      for (const i of minus) r -= values[i];
      if (r !== 0) return false;
    }
    return true;
  };
  return Object.assign(test, { checks: checks.length });
}

/** A number as run-together digits: its sign, its digits, and a decimal tail (“-11”, “5179.6”). */
function runOf(text: string): { sign: string; digits: string; tail: string } | undefined {
  // Full-width digits cut the same way (one character each: the offsets hold).
  const m = /^([+\-−－]?)(\d+)((?:\.\d+)?)$/.exec(toHalfWidth(text));
  return m ? { sign: m[1], digits: m[2], tail: m[3] } : undefined;
}

/**
 * Digits run together: the row's numbers stand outside any cell separators, and one of them is
 * all the row has, touches the one before it (“41-11”), or cannot be one number (“0000000”).
 */
function runTogether(values: Token[]): boolean {
  if (values.some((v) => v.cell >= 0 || !runOf(v.text))) return false;
  return values.length === 1 ? values[0].text.length > 1
    : values.some((v, i) => (i > 0 && values[i - 1].end === v.start) || (v.text.length > 1 && v.text.charCodeAt(0) === 48));
}

/** The ways to cut a row's run-together numbers into its slots so that the row adds up: each a token per slot. */
function cuts(spec: TableSpec, values: Token[], slots: Slot[]): { readings: Token[][]; gaveUp: boolean } {
  const runs = values.map((v) => runOf(v.text)!);
  const test = rowTest(spec, slots);
  const columns = slots.map((s) => spec.columns.find((c) => c.key === s.col)!);
  // A run's sign goes to its first number, its decimals to its last.
  const signed = runs.map((r) => r.sign !== '' && r.sign !== '+');
  const numbers: number[] = [];
  const { found, gaveUp } = splitRuns(runs.map((r) => r.digits), slots.length, (values, parts) => {
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i], r = runs[p.run];
      let v = values[i];
      if (p.to === r.digits.length && r.tail) v = Number(r.digits.slice(p.from, p.to) + r.tail);
      if (p.from === 0 && signed[p.run]) v = -v;
      if ((v < 0 && !columns[i].signed) || (!Number.isInteger(v) && !columns[i].decimals)) return false;
      numbers[i] = v;
    }
    return test(numbers);
  });
  const readings = found.map((parts) => parts.map((p): Token => {
    const v = values[p.run], r = runs[p.run];
    const start = v.start + (p.from === 0 ? 0 : r.sign.length + p.from);
    const end = p.to === r.digits.length ? v.end : v.start + r.sign.length + p.to;
    return { ...v, text: idxText(v, start, end), start, end };
  }));
  return { readings, gaveUp };
}

/** The text of a token between two of its offsets. */
const idxText = (t: Token, start: number, end: number) => t.text.slice(start - t.start, end - t.start);

/**
 * A row's tokens without the copies a converter made of a merged cell (“| 行政许可 | 1 | 1 | 1 |”
 * under a header repeated as often): a number equal to the one before it under the same column's
 * header. Undefined when there is none.
 */
function unmerged(tokens: Token[], keys: string[], columns: Columns): Token[] | undefined {
  const under = (t: Token) => keys.find((k) => columns.spans.get(k)?.has(t.cell));
  let last: Token | undefined, dropped = false;
  const out: Token[] = [];
  for (const t of tokens) {
    // (A copy stands in a cell of its own: one cell per line, where every line is cell 1, makes none.)
    if (isValue(t) && last && t.text === last.text && t.cell >= 0 && t.cell !== last.cell && under(t) !== undefined && under(t) === under(last)) { dropped = true; continue; }
    if (isValue(t)) last = t;
    out.push(t);
  }
  return dropped ? out : undefined;
}

/** Digits, a sign before them, or a sign alone (or those already joined: 1 2): the parts of a number a blank may have come between. */
const DIGITS_OR_SIGN = /^[+\-−－]?(?:\s*\d+)*$/;
/**
 * A row's tokens with the numbers that share a cell (a tab's, a pipe's, a web page's) joined into one
 * value, when that leaves no fewer cells than columns (a converter's copies of a merged cell are dropped
 * after): `2 0` typed in one cell is one value as written (cell-invalid names it, the identities' value its
 * fix), never 2 with the 0 taken for the next column or a blank cell. Undefined where no cell holds two, or
 * where the joined row has too few cells (a converter that merged two columns' numbers into one: they stay apart).
 */
function oneCellEach(idx: LineIndex, tokens: Token[], n: number): Token[] | undefined {
  // (Most rows have no two numbers in one cell: found without building anything.)
  let shared = false;
  for (let i = 1; i < tokens.length && !shared; i++) shared = tokens[i].cell >= 0 && tokens[i].cell === tokens[i - 1].cell && isValue(tokens[i]) && isValue(tokens[i - 1]);
  if (!shared) return undefined;
  const out: Token[] = [];
  let joined = false, count = 0;
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (isValue(t) && last && isValue(last) && t.cell >= 0 && t.cell === last.cell && t.line === last.line &&
      DIGITS_OR_SIGN.test(last.text) && DIGITS_OR_SIGN.test(t.text) && /^\s+$/.test(idx.text.slice(last.end, t.start))) {
      out[out.length - 1] = { ...last, text: idx.text.slice(last.start, t.end), end: t.end, xEnd: t.xEnd };
      joined = true;
      continue;
    }
    if (isValue(t)) count++;
    out.push(t);
  }
  if (!joined) return undefined;
  // The blank cells the text proves between its numbers are cells too (a blank cell before the 2 0 a blank apart).
  let first = 0, last = out.length - 1;
  while (!isValue(out[first])) first++;
  while (!isValue(out[last])) last--;
  for (let i = first + 1; i < last; i++) if (out[i].kind === Kind.Blank) count++;
  return count >= n ? out : undefined;
}

/** Table 4's `block.column` key, made once for each (a key made anew is a new string to hash at every look-up). */
const BLOCK_KEYS = new Map<string, Map<string, string>>();
function blockKey(row: string, col: string): string {
  let byCol = BLOCK_KEYS.get(row);
  if (!byCol) BLOCK_KEYS.set(row, (byCol = new Map()));
  let key = byCol.get(col);
  if (key === undefined) byCol.set(col, (key = `${row}.${col}`));
  return key;
}

/** How a row's tokens fill its slots. */
export function readSlots(idx: LineIndex, spec: TableSpec, tokens: Token[], slots: Slot[], columns: Columns): Reading {
  const n = slots.length;
  const values = tokens.filter(isValue);
  // A cell holds one number: those a blank apart in one cell are one value, if the row then has a cell for each column.
  const joined = oneCellEach(idx, tokens, n);
  if (joined) return readSlots(idx, spec, joined, slots, columns);
  if (values.length === n) return { readings: [values], inferred: false };
  const keys = slots.map((s) => (spec.key === 't4' ? blockKey(s.row, s.col) : s.col));
  if (values.length > n) {
    const fewer = unmerged(tokens, keys, columns) ?? underHeaders(tokens, keys, columns) ?? withoutExtra(tokens, keys, columns) ?? withoutRepeat(tokens, values, n, columns);
    if (fewer) return readSlots(idx, spec, fewer, slots, columns);
    // The 合计 that repeats each row's total, here not the number before it: which is 总计 the text cannot tell.
    if (columns.repeat && values.length === n + 1) return { problem: 'unreadable', found: values.length, cause: 'repeat' };
    // A PDF's bare page number, a number broken over a line end, or a serial number before table 4's
    // one row (a 序号 column): the readings that fit the row.
    const test = rowTest(spec, slots);
    // A blank typed inside a number (2 0) where no cells part them: one value as written (cell-invalid names it).
    const spaced = spacedJoined(idx, values, n);
    const inCells = spaced.filter((r) => r.every((t) => idx.lineText(t.line).trim() === t.text));
    if (inCells.length === 1) return { readings: inCells, inferred: true };
    const serial = spec.key === 't4' && values.length === n + 1 && values[0].text === '1';
    const broken = rejoined(values, n);
    const readings = [withoutPageNumbers(tokens, n), ...broken, serial ? values.slice(1) : undefined]
      // (A number's decimals alone, .62, are a broken number's part, never a cell's number.)
      .filter((r): r is Token[] => r !== undefined && !r.some((t) => t.text.startsWith('.')) && test(r.map((t) => Number(t.text))));
    // Thousands parted by a blank where blanks part the cells too (3 562 in a PDF's text): only where the row's
    // identities hold with the groups joined (table 2's rows have none), and only in one way, else the row is too long.
    if (readings.length === 0 && test.checks > 0) {
      const grouped = thousandsJoined(values, n).filter((r) => test(r.map((t) => Number(t.text))));
      if (grouped.length === 1) return { readings: grouped, inferred: true };
      const fits = spaced.filter((r) => test(r.map((t) => Number(t.text.replace(' ', '')))));
      // (More than one: the table's identities choose, else the cells they disagree on are ambiguous.)
      if (grouped.length === 0 && fits.length) return { readings: fits, inferred: true };
    }
    if (readings.length) return broken.some((r) => readings.includes(r)) ? { readings, inferred: true, cause: 'broken' } : { readings, inferred: true };
    // A column the header names and the statute has not, which the reader cannot place among the numbers: said, not blamed.
    const added = columns.added ?? 0;
    return { problem: added && values.length === n + added ? 'unreadable' : 'too-many', found: values.length, ...(added ? { cause: 'extra' as const } : {}) };
  }
  if (values.length < tokens.length) {
    const placed = placements(tokens, keys, columns);
    if (placed.length) return { readings: placed, inferred: false };
  }
  if (values.length > 0) {
    const placed = byPosition(idx, values, keys, columns);
    if (placed) return { readings: [placed], inferred: false };
  }
  // Numbers outside any cell separators, too few for the columns: digits may have run together —
  // where the text shows it, or where the row's identities can tell a cut that fits (table 2 has none).
  const together = values.length > 0 && runTogether(values);
  if (values.length > 0 && values.every((v) => v.cell < 0 && runOf(v.text)) && (together || rowTest(spec, slots).checks > 0)) {
    const cut = cuts(spec, values, slots);
    if (cut.readings.length) return { readings: cut.readings, inferred: true };
    if (together) return { problem: 'unreadable', found: values.length, cause: cut.gaveUp ? 'long' : 'split' };
  }
  // One number short, one a line: where an editor trimmed a blank cell's line (its indentation alone) to an empty line.
  if (values.length === n - 1 && values.length === tokens.length && spec.identities.length) {
    const placed = trimmedBlanks(idx, values);
    if (placed.length) return { readings: placed, inferred: true, unique: true };
  }
  return { problem: 'too-few', found: values.length };
}

/**
 * The places a blank cell may stand in a row of one number a line that is one number short: an empty line
 * among its numbers, or just before the first or after the last (a cell-per-line table's blank cell, a line
 * of its indentation alone, trimmed by an editor). Each reading puts the blank on that empty line; the
 * identities keep one, or none (tables.ts).
 */
function trimmedBlanks(idx: LineIndex, values: Token[]): Token[][] {
  const empty = (l: number) => l >= 0 && l < idx.lineCount && idx.lineText(l).trim() === '';
  for (let i = 1; i < values.length; i++) if (values[i].line <= values[i - 1].line) return [];
  const out: Token[][] = [];
  for (let k = 0; k <= values.length; k++) {
    // The gap before values[k] (after the last, for k = values.length): its first empty line.
    const from = k === 0 ? values[0].line - 1 : values[k - 1].line + 1;
    const to = k === 0 ? from : k === values.length ? from : values[k].line - 1;
    let at = -1;
    for (let l = from; l <= to && at < 0; l++) if (empty(l)) at = l;
    if (k > 0 && k < values.length) for (let l = from; l <= to; l++) if (!empty(l)) at = -1;
    if (at >= 0) out.push([...values.slice(0, k), blankAt(idx.lineStart(at), at), ...values.slice(k)]);
  }
  return out;
}

/**
 * A row's numbers picked by the cells their columns' headers stand in, when the others are only
 * placeholders (table 2 drawn as one table, “/” where a column does not apply to the row), or zeros
 * each under a column of the header (0 where a column does not apply: every number of the row stands
 * under a header's column, so the row and the header line up); or, without such a grid, its numbers
 * without the placeholders, if that leaves one per column.
 */
function underHeaders(tokens: Token[], keys: string[], columns: Columns): Token[] | undefined {
  const values = tokens.filter(isValue);
  const cells = keys.map((k) => columns.cells.get(k));
  if (cells.every((c) => c !== undefined) && values.every((v) => v.cell >= 0)) {
    // (A cell that holds two numbers gives none: neither is the cell's value alone.)
    const picked = cells.map((c) => { const inCell = values.filter((v) => v.cell === c); return inCell.length === 1 ? inCell[0] : undefined; });
    if (picked.every((v) => v) && values.every((v) => picked.includes(v) || PLACEHOLDER.test(v.text))) return picked as Token[];
    const named = new Set(columns.cells.values());
    if (picked.every((v) => v) && values.every((v) => picked.includes(v) || (v.text === '0' && named.has(v.cell)))) return picked as Token[];
  }
  const numbers = values.filter((v) => !PLACEHOLDER.test(v.text));
  return numbers.length === keys.length && numbers.length < values.length ? numbers : undefined;
}

/**
 * Header words of columns a drafter adds between or after the statute's: a subtotal (法人或其他组织 小计), a share
 * (占比 46.2%); and 合计 beside 总计 (the row's total again, in a column of its own), where it is not 总计's other name.
 */
const ADDED_COLUMNS = ['小计', '占比', '比例', '百分比'];

/**
 * A row's numbers without those under the columns a drafter added (小计, 占比, 合计 beside 总计), when the row has a
 * number in each column the header names, in order: the n-th of them is the n-th column's, whatever cells the row's
 * labels take (rows under a group label stand one cell further right). The order is the header words' cells (tab and
 * pipe rows) or, where the text aligns its columns, their centres, each column's apart from the others'. Undefined where
 * not so.
 */
function withoutExtra(tokens: Token[], keys: string[], columns: Columns): Token[] | undefined {
  if (!columns.added) return undefined;
  const values = tokens.filter(isValue);
  const byCell = values.every((v) => v.cell >= 0);
  const extra = byCell ? [...columns.extra ?? []] : columns.extraX ?? [];
  if (!extra.length || values.length !== keys.length + extra.length) return undefined;
  const at = keys.map((k) => byCell ? columns.cells.get(k) : columns.x[WIDTH].get(k));
  const known = at.filter((c): c is number => c !== undefined);
  // A column whose header word the reader could not place (商业 企业 over two cells) stands among the others: the added
  // columns are then placed only if they stand after all the others (合计 after 总计).
  // (合计 among the five kinds, their subtotal, stands before 总计 whatever its cell: sumOnTop.)
  if (known.length < at.length && (columns.sumOnTop === false || !extra.every((e) => known.every((c) => c < e)))) return undefined;
  const order = [...known.length < at.length ? at.map((_, i) => i - at.length) : at as number[], ...extra].sort((a, b) => a - b);
  if (order.some((c, i) => i > 0 && c === order[i - 1])) return undefined;
  // Aligned text: the statute's columns in the statute's order (a header the reader cannot place is no order).
  if (!byCell && at.some((c, i) => i > 0 && (c === undefined || c <= at[i - 1]!))) return undefined;
  const added = new Set(values.filter((_, i) => extra.includes(order[i])));
  return tokens.filter((t) => !added.has(t));
}

/** A row without its last number where that repeats the one before (the 合计 column of `Columns.repeat`); undefined where they differ (which is 总计 the text cannot tell). */
function withoutRepeat(tokens: Token[], values: Token[], n: number, columns: Columns): Token[] | undefined {
  if (!columns.repeat || values.length !== n + 1 || values[n].text !== values[n - 1].text) return undefined;
  return tokens.filter((t) => t !== values[n]);
}

/** A count of one to three digits on a line of its own, outside any cell: perhaps a page's number. */
const isLoneNumber = (tokens: Token[], v: Token) =>
  isValue(v) && v.cell < 0 && isSmallCount(v.text) && !tokens.some((t) => t !== v && t.line === v.line);

/**
 * Without the page numbers a PDF prints as a bare number on a line of its own inside a table. When
 * the row's cells are numbers alone on their lines too (one cell per line, indented), most of them
 * stand at one indentation: a page number stands elsewhere.
 */
function withoutPageNumbers(tokens: Token[], n: number): Token[] | undefined {
  const values = tokens.filter(isValue);
  const alone = values.filter((v) => isLoneNumber(tokens, v));
  const indents = new Map<number, number>();
  for (const v of alone) indents.set(v.c, (indents.get(v.c) ?? 0) + 1);
  const cells = alone.length > 1 ? [...indents].find(([, k]) => 2 * k > alone.length)?.[0] : undefined;
  const kept = values.filter((v) => !alone.includes(v) || v.c === cells);
  return kept.length === n && kept.length < values.length ? kept : undefined;
}

/**
 * The readings of a row `values.length - n` numbers too long that join as many pairs of numbers a single blank apart
 * on a line without cells, the first of one to three digits (no leading 0), the second of three: a thousands group.
 */
function thousandsJoined(values: Token[], n: number): Token[][] {
  const k = values.length - n, pairs: number[] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i], b = values[i + 1];
    if (a.cell < 0 && b.cell < 0 && b.line === a.line && b.start === a.end + 1 && /^[1-9]\d{0,2}$/.test(a.text) && /^\d{3}$/.test(b.text)) pairs.push(i);
  }
  if (pairs.length < k || pairs.length > 12) return [];
  const out: Token[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) {
      const r: Token[] = [];
      for (let i = 0; i < values.length; i++) {
        if (chosen.includes(i)) { r.push({ ...values[i], text: values[i].text + values[i + 1].text, end: values[i + 1].end }); i++; }
        else r.push(values[i]);
      }
      out.push(r);
      return;
    }
    for (let p = from; p < pairs.length; p++) if (!chosen.length || pairs[p] > chosen[chosen.length - 1] + 1) pick(p + 1, [...chosen, pairs[p]]);
  };
  pick(0, []);
  return out;
}

/**
 * The readings of a row one number too long that join two numbers a single space apart on a line, outside any cell, the
 * first without a leading 0 (2 0, 4 57: a blank typed inside a cell's number, in space-aligned text, a PDF's, a cell a
 * line without indentation) into one token as written: readCell makes it invalid, cell-invalid says “中间有空格” with
 * the identities' value as its fix. A reading is taken where it is the only one with the pair alone on its line and
 * every other number alone on its own, nothing else there (a cell a line); else those the row's identities hold in
 * (the table's choose).
 */
function spacedJoined(idx: LineIndex, values: Token[], n: number): Token[][] {
  if (values.length !== n + 1) return [];
  const out: Token[][] = [];
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i], b = values[i + 1];
    if (a.cell >= 0 || b.cell >= 0 || b.line !== a.line || b.start !== a.end + 1 || idx.text[a.end] !== ' ' || !/^[1-9]\d*$/.test(a.text) || !/^\d+$/.test(b.text)) continue;
    out.push([...values.slice(0, i), { ...a, text: idx.text.slice(a.start, b.end), end: b.end, xEnd: b.xEnd }, ...values.slice(i + 2)]);
  }
  return out;
}

/**
 * A number broken over a line end by a narrow PDF cell (“行政许可 356”↵“2”, “… 86 12 0 1 2 3 10”↵“4”, “… 86 1”↵“2 0 1 …”
 * no: the rest alone on its line): one number too many, the next line's only number the rest of one of the line's
 * numbers — of any column: each joining is a reading, the row's identities (if any) keep those that hold, and more than
 * one left is said to be ambiguous. A number joined in the middle of its line keeps its own place (the rest's is apart).
 */
function rejoined(values: Token[], n: number): Token[][] {
  if (values.length !== n + 1) return [];
  for (let i = 0; i + 1 < values.length; i++) {
    const b = values[i + 1];
    if (values[i].cell >= 0 || b.line !== values[i].line + 1 || !/^(?:\d+(?:\.\d+)?|\.\d+)$/.test(b.text) || values[i + 2]?.line === b.line) continue;
    const out: Token[][] = [];
    for (let k = i; k >= 0 && values[k].line === values[i].line; k--) {
      const a = values[k];
      // Digits and digits, a whole number and the rest with its decimals (3 / 0.62; 30 / .62, cut at its point), decimals and more of them (30.6 / 2).
      if (/^\d+$/.test(a.text) || (/^\d+\.\d+$/.test(a.text) && /^\d+$/.test(b.text))) out.push([...values.slice(0, k), { ...a, text: a.text + b.text, end: k === i ? b.end : a.end }, ...values.slice(k + 1, i + 1), ...values.slice(i + 2)]);
    }
    return out;
  }
  return [];
}

/** Whether a header names both 总计 and 合计 (tables 2 and 3): two columns, 合计 a drafter's, not 总计's other name. */
export const sumBesideTotal = (spec: TableSpec, labels: Token[]) =>
  spec.key !== 't4' && labels.some((t) => normOf(t) === '合计') && labels.some((t) => normOf(t) === '总计');

/** The header words of table 3's top row (a 合计 column beside them stands after them), before the five under 法人或其他组织. */
const T3_TOP = ['申请人情况', '自然人', '法人或其他组织', '总计'];

/**
 * Whether a header's 合计 (beside 总计) is a word of its top row: after a word of that row, before the five kinds under
 * 法人或其他组织 (a 合计 after them is their subtotal; one before 申请人情况, a column before 自然人).
 */
export function sumOnTop(spec: TableSpec, words: Token[]): boolean {
  const at = words.findIndex((t) => normOf(t) === '合计'), top = words.findIndex((t) => T3_TOP.includes(normOf(t)));
  const kind = words.findIndex((t) => { const key = columnNamed(spec, normOf(t)); return key !== null && spec.columns.some((c) => c.key === key && c.under !== undefined); });
  return top >= 0 && at > top && (kind < 0 || at < kind);
}

/** Where each column's header word stands: its cell, and its centre. Table 4's words repeat per block: keyed `block.column`, in the order of the blocks. */
export function headerColumns(spec: TableSpec, labels: Token[]): Columns {
  const cells = new Map<string, number>(), spans = new Map<string, Set<number>>(), xLines = new Set<number>(), extra = new Set<number>();
  const x: Columns['x'] = [new Map(), new Map()];
  const seen = new Map<string, number>(), extraX: number[] = [];
  let added = 0;
  const both = sumBesideTotal(spec, labels);
  for (const t of labels) {
    const norm = normOf(t);
    const col = both && norm === '合计' ? null : columnNamed(spec, norm);
    if (col === null) {
      if (spec.key !== 't4' && (ADDED_COLUMNS.includes(norm) || (both && norm === '合计'))) {
        if (t.cell >= 0) extra.add(t.cell);
        if (t.x >= 0) extraX.push(centreBy(t, WIDTH));
        added++;
      }
      continue;
    }
    let key = col;
    if (spec.key === 't4') {
      const k = seen.get(col) ?? 0;
      seen.set(col, k + 1);
      if (k >= spec.rows.length) continue;
      key = blockKey(spec.rows[k].key, col);
    }
    if (t.cell >= 0) {
      if (!cells.has(key)) cells.set(key, t.cell);
      if (!spans.has(key)) spans.set(key, new Set());
      spans.get(key)!.add(t.cell);
    }
    if (!x[WIDTH].has(key) && t.x >= 0) {
      x[WIDTH].set(key, centreBy(t, WIDTH));
      x[CHARS].set(key, centreBy(t, CHARS));
      xLines.add(t.line);
    }
  }
  return { cells, spans, x, xLines, extra, extraX, added, ...(both ? { sumOnTop: sumOnTop(spec, labels) } : {}) };
}

/** A row with all its numbers on one line and no tab or pipe: where a space-aligned table's columns stand. */
export interface Aligned { line: number; columns: string[]; values: Token[] }

/**
 * The columns' centres near a line, from the nearest rows (up to four, within twelve lines) that
 * have all their numbers on one line: in a space-aligned table they line up (by width, or by
 * characters as pdftotext writes them; a page may shift them, hence near), and show where a row
 * with a blank cell has its gap. Empty where they do not line up (a PDF's text, single spaces).
 */
export function alignedNear(rows: Aligned[], line: number): Pick<Columns, 'x' | 'xLines'> {
  const near = rows.filter((r) => r.line !== line && Math.abs(r.line - line) <= 12)
    .sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line)).slice(0, 4);
  const x: Columns['x'] = [new Map(), new Map()];
  for (const metric of [WIDTH, CHARS]) {
    const byCol = new Map<string, number[]>();
    for (const { columns, values } of near) columns.forEach((c, i) => { const xs = byCol.get(c) ?? []; xs.push(centreBy(values[i], metric)); byCol.set(c, xs); });
    const out = new Map<string, number>();
    for (const [col, xs] of byCol) out.set(col, xs.sort((a, b) => a - b)[xs.length >> 1]);
    // The columns line up when each number stands nearer its own column's middle than any other's.
    const apart = [...byCol].every(([col, xs]) => xs.length >= 2 && xs.every((v) => {
      const own = Math.abs(v - out.get(col)!);
      for (const [other, mid] of out) if (other !== col && Math.abs(v - mid) <= own) return false;
      return true;
    }));
    x[metric] = apart ? out : new Map();
  }
  return { x, xLines: new Set(near.map((r) => r.line)) };
}
