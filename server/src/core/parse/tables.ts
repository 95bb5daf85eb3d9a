import type { FormatVersion, RowSpec, TableKey, TableSpec } from '../format/schema';
import { FORMATS, perTableSpec, tableSpec } from '../format/statute';
import { countBroken } from '../identities';
import type { Cell, CellKind, Section, Table, TableProblem, TableRow } from '../model';
import type { Claim } from '../prose/claims';
import { toHalfWidth, type LineIndex, type Range } from '../text';
import { splitRuns } from './split';
import { Kind, tokenize, type Token } from './tokens';
import { normalizeLabel, PLACEHOLDER, plainCount, readCell, stripNumbering } from './values';

// The reader of the statistical tables, one design for every layout (spec: “Layouts the parser
// meets”). A table is found by its anchor words after its section's heading; its text is cut into
// tokens (tokens.ts); the aligner walks them against the statute: the numbers after a row's label,
// up to the next row's label, are that row's; which column each number is in comes from the
// number of them, the empty cells the text proves, the columns' horizontal positions, and — for
// digits run together — the table's identities (split.ts). What it cannot decide it says
// (Table.problems), never guesses.

/** The text of one table: offsets [from, to). */
export interface Region { key: TableKey; from: number; to: number }

const SECTION_OF: Record<TableKey, number> = { t2: 2, t3: 3, t4: 4 };
const KEYS: TableKey[] = ['t2', 't3', 't4'];

/** An anchor word, with blanks allowed between its characters (PDF text spaces them out). */
const spaced = (words: string[]) => new RegExp(words.map((w) => [...w].join('[\\s\\u3000]*')).join('|'), 'g');
const ANCHORS: Record<TableKey, RegExp> = {
  t2: spaced(tableSpec('2021', 't2').anchors),
  t3: spaced(tableSpec('2021', 't3').anchors),
  t4: spaced(tableSpec('2021', 't4').anchors),
};
/** Words of a table's headers and row labels (both versions), normalized. */
const HEADER_WORDS: Record<TableKey, string[]> = {
  t2: headerWords('t2'), t3: headerWords('t3'), t4: headerWords('t4'),
};
function headerWords(key: TableKey): string[] {
  const words = new Set<string>();
  for (const f of FORMATS) {
    const spec = tableSpec(f.version, key);
    for (const c of spec.columns) for (const m of c.match) if (m.length > 2) words.add(m);
    for (const r of spec.rows) for (const m of r.match) if (m.length > 2 && !spec.anchors.includes(m)) words.add(m);
  }
  return [...words];
}

/**
 * Where the anchor of a table is, from `from` on. An anchor in a sentence (“根据第二十条第（一）项规定，…”,
 * “从申请人情况看，…”) is not the table's: after a table's anchor, up to its first number or the end of
 * its line, there is no sentence punctuation outside brackets. With `header`, the anchor must also be
 * followed by some header word before its first number (行政复议 is a word of the prose too: “行政复议 351 件”).
 */
function findAnchor(text: string, key: TableKey, from: number, header: boolean): number {
  const re = ANCHORS[key];
  re.lastIndex = from;
  for (let m; (m = re.exec(text));) {
    const after = m.index + m[0].length;
    const digit = text.slice(after, after + 400).search(/[0-9０-９]/);
    const upTo = digit < 0 ? Math.min(text.length, after + 400) : after + digit;
    if (inSentence(text, m.index, upTo)) continue;
    if (!header || HEADER_WORDS[key].some((w) => normalizeLabel(text.slice(after, upTo)).includes(w))) return m.index;
  }
  return -1;
}

const OPENERS = '（(〔【[', CLOSERS = '）)〕】]';

/** Whether text[at, to), up to its line's end, has a sentence's punctuation (，。；) outside brackets — also a bracket opened just before `at`. */
function inSentence(text: string, at: number, to: number): boolean {
  const lineEnd = text.indexOf('\n', at);
  if (lineEnd >= 0 && lineEnd < to) to = lineEnd;
  // Inside a bracket that opened before the anchor (“（本列数据的勾稽关系为：第一项加第二项之和，…）”)?
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - 40) && text[i] !== '\n'; i--) {
    if (CLOSERS.includes(text[i])) break;
    if (OPENERS.includes(text[i])) { depth = 1; break; }
  }
  for (let i = at; i < to; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '，' || c === '。' || c === '；')) return true;
  }
  return false;
}

/**
 * The tables' places: each table begins at its first anchor after its section's heading (or, with
 * no heading, after the table before it) and ends where the next section or table begins.
 */
export function findRegions(idx: LineIndex, sections: Section[]): Region[] {
  const { text } = idx;
  const headings = sections.map((s) => idx.offset(s.headingRange.start));
  const starts: { key: TableKey; from: number }[] = [];
  let after = 0;
  for (const key of KEYS) {
    const section = sections.find((s) => s.number === SECTION_OF[key]);
    const heading = section ? idx.offset(section.headingRange.start) : -1;
    const at = findAnchor(text, key, Math.max(after, heading), key === 't4' || heading < 0);
    if (at < 0) continue;
    // The whole line of the anchor, unless it is a line of a flattened text or of the text before.
    const lineStart = idx.lineStart(idx.position(at).line);
    const from = lineStart >= Math.max(after, heading) && at - lineStart <= 200 ? lineStart : at;
    starts.push({ key, from });
    after = at + 1;
  }
  return starts.map(({ key, from }, i) => {
    let to = i + 1 < starts.length ? starts[i + 1].from : text.length;
    for (const h of headings) if (h > from && h < to) to = h;
    return { key, from, to };
  });
}

// ---- rows and columns named by labels ---------------------------------------------------------

/** The number of a table's marker words (words only one version prints) the text holds. */
function markersIn(key: TableKey, version: FormatVersion, text: string): number {
  let count = 0;
  for (const m of tableSpec(version, key).markers) if (text.includes(m)) count++;
  return count;
}

/**
 * The version a table is written in, from the words only one version prints; table 3's 2019
 * version prints none of the 2021 words, but has （六）其他处理 all the same.
 */
function detectVersion(key: TableKey, text: string): FormatVersion {
  if (key === 't4') return '2021';
  // Markers are plain words; only a header broken over lines needs the normalized text.
  for (let pass = 0, label = text; pass < 2; pass++, label = normalizeLabel(text)) {
    const v2021 = markersIn(key, '2021', label), v2019 = markersIn(key, '2019', label);
    if (v2021 || v2019) return v2019 > v2021 ? '2019' : '2021';
    if (key === 't3' && label.includes('其他处理')) return '2019';
  }
  return '2021';
}

/** A two-character keyword (总计, 其他, 规章) names a row or column only as the whole label, after its numbering. */
const isShort = (keyword: string) => keyword.length <= 2;
const names = (label: string, keywords: string[]) =>
  keywords.some((k) => (isShort(k) ? stripNumbering(label) === k : label.includes(k)));

// Label texts repeat from report to report: remember what each normalizes to.
const normalized = new Map<string, string>();
/** A label token's text normalized, remembered on the token (a run is named more than once). */
const normOf = (t: Token) => (t.norm ??= norm(t.text));
function norm(text: string): string {
  let n = normalized.get(text);
  if (n === undefined) {
    n = normalizeLabel(text);
    if (normalized.size > 20000) normalized.clear();
    normalized.set(text, n);
  }
  return n;
}

/** The key of the column a normalized header word names, or null; remembered per format and word. */
const columnNamed = perLabel((spec, label) => spec.columns.find((c) => names(label, c.match))?.key ?? null);

/** `compute(spec, label)` remembered per table format and label (it must not return undefined). */
function perLabel<T>(compute: (spec: TableSpec, label: string) => T): (spec: TableSpec, label: string) => T {
  const bySpec = perTableSpec(() => new Map<string, T>());
  return (spec, label) => {
    const cache = bySpec(spec);
    let value = cache.get(label);
    if (value === undefined) {
      value = compute(spec, label);
      if (cache.size > 5000) cache.clear();
      cache.set(label, value);
    }
    return value;
  };
}

interface Named { row: RowSpec; at: number }

/** The rows a joined run names by a long keyword anywhere, or by a two-character one at its end. */
const namedByRun = perLabel((spec, joined): Named[] => {
  const found: Named[] = [];
  for (const row of spec.rows) {
    let at = -1;
    for (const k of row.match) {
      const i = isShort(k) ? (joined.endsWith(k) ? joined.length - k.length : -1) : joined.indexOf(k);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ row, at });
  }
  return found;
});

/** The rows a single label names by a two-character keyword (“3.其他”, “（七）总计”). */
const namedByLabel = perLabel((spec, label) => spec.rows.filter((r) => r.match.some((k) => isShort(k) && stripNumbering(label) === k)));

/**
 * The rows a run of label tokens names, in the order they are named: a run may hold a label
 * wrapped over lines (重新出\n具已获取信息), a group label and its first row ((三)不予公开 1.属于国家秘密),
 * or header words before the first row. Long keywords are found anywhere in the joined run; a
 * two-character one only as a whole label or at the run's end (规章000 in flattened text).
 */
function namedIn(spec: TableSpec, labels: Token[]): readonly Named[] {
  // Remembered per run of label texts (kept apart by \u0001): runs repeat from report to report.
  let key = normOf(labels[0] ?? EMPTY);
  for (let i = 1; i < labels.length; i++) key += '\u0001' + normOf(labels[i]);
  return namedByTexts(spec, key);
}

const EMPTY = { text: '', norm: '' } as Token;

const namedByTexts = perLabel((spec, key): Named[] => {
  let joined = '';
  const found: Named[] = [];
  for (const text of key.split('\u0001')) {
    for (const row of namedByLabel(spec, text)) found.push({ row, at: joined.length });
    joined += text;
  }
  for (const n of namedByRun(spec, joined)) if (!found.some((f) => f.row === n.row && f.at <= n.at)) found.push(n);
  return found.length > 1 ? found.sort((a, b) => a.at - b.at) : found;
});

// ---- cells ---------------------------------------------------------------------------------

/** A parsed cell. Its range is built when asked for: most cells are never reported. */
class ParsedCell implements Cell {
  constructor(
    readonly value: number | null,
    readonly raw: string,
    readonly kind: CellKind,
    readonly unit: string | undefined,
    readonly nonstandard: boolean,
    readonly inferred: boolean,
    private readonly line: number,
    private readonly character: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}

  get range(): Range {
    return { start: { line: this.line, character: this.character }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

function toCell(idx: LineIndex, t: Token, inferred = false): Cell {
  const lineStart = idx.lineStart(t.line);
  const character = t.start - lineStart;
  // A number joined over a line end (rejoined: its text is shorter than its place) ends on the next line.
  let endLine = t.line, endCharacter = t.end - lineStart;
  if (t.end - t.start !== t.text.length) ({ line: endLine, character: endCharacter } = idx.position(t.end));
  // Most cells are plain counts: those without an intermediate reading.
  const count = plainCount(t.text);
  if (count !== undefined) return new ParsedCell(count, t.text, 'number', undefined, false, inferred, t.line, character, endLine, endCharacter);
  const r = readCell(t.text);
  return new ParsedCell(r.value, t.text, r.kind, r.unit, r.nonstandard, inferred, t.line, character, endLine, endCharacter);
}

/** A cell whose number is one of several the identities leave open. */
const ambiguousCell = (idx: LineIndex, t: Token): Cell =>
  new ParsedCell(null, t.text, 'ambiguous', undefined, false, true, t.line, t.start - idx.lineStart(t.line), t.line, t.end - idx.lineStart(t.line));

const blankAt = (at: number, line: number): Token => ({ kind: Kind.Blank, text: '', start: at, end: at, line, x: -1, xEnd: -1, c: -1, cell: -1, norm: undefined });

// ---- one row: which of its tokens fill which column ------------------------------------------

/** What the table's header tells of its columns: the cell each header word stands in, and where it stands. */
interface Columns {
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
}
const WIDTH = 0, CHARS = 1;
/** Where a token's centre stands on its line, in one of the two measures. */
const centreBy = (t: Token, metric: number) => (metric === WIDTH ? (t.x + t.xEnd) / 2 : t.c + (t.end - t.start) / 2);

/** The ways to read a row's tokens, each `slots.length` tokens (blanks included), or why there is none. */
type Reading =
  | { readings: Token[][]; inferred: boolean }
  | { problem: TableProblem['kind']; found: number; cause?: TableProblem['cause'] };

const isValue = (t: Token) => t.kind === Kind.Value;

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
  for (; i < line.length && col < x; i++) {
    const c = line.charCodeAt(i);
    col += metric === CHARS ? 1 : c === 9 ? 8 - (col % 8) : c >= 0x1100 ? 2 : 1;
  }
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
    if (isValue(t) && last && t.text === last.text && t.cell >= 0 && under(t) !== undefined && under(t) === under(last)) { dropped = true; continue; }
    if (isValue(t)) last = t;
    out.push(t);
  }
  return dropped ? out : undefined;
}

/** How a row's tokens fill its slots. */
function readSlots(idx: LineIndex, spec: TableSpec, tokens: Token[], slots: Slot[], columns: Columns): Reading {
  const n = slots.length;
  const values = tokens.filter(isValue);
  if (values.length === n) return { readings: [values], inferred: false };
  const keys = slots.map((s) => (spec.key === 't4' ? `${s.row}.${s.col}` : s.col));
  if (values.length > n) {
    const fewer = unmerged(tokens, keys, columns) ?? underHeaders(tokens, keys, columns);
    if (fewer) return readSlots(idx, spec, fewer, slots, columns);
    // A PDF's bare page number, or a number broken over a line end: the readings that fit the row.
    const test = rowTest(spec, slots);
    const readings = [withoutPageNumbers(tokens, n), rejoined(values, n)]
      .filter((r): r is Token[] => r !== undefined && test(r.map((t) => Number(t.text))));
    return readings.length ? { readings, inferred: true } : { problem: 'too-many', found: values.length };
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
  return { problem: 'too-few', found: values.length };
}

/**
 * A row's numbers picked by the cells their columns' headers stand in, when the others are only
 * placeholders (table 2 drawn as one table, “/” where a column does not apply to the row); or,
 * without such a grid, its numbers without the placeholders, if that leaves one per column.
 */
function underHeaders(tokens: Token[], keys: string[], columns: Columns): Token[] | undefined {
  const values = tokens.filter(isValue);
  const cells = keys.map((k) => columns.cells.get(k));
  if (cells.every((c) => c !== undefined) && values.every((v) => v.cell >= 0)) {
    const picked = cells.map((c) => values.find((v) => v.cell === c));
    if (picked.every((v) => v) && values.every((v) => picked.includes(v) || PLACEHOLDER.test(v.text))) return picked as Token[];
  }
  const numbers = values.filter((v) => !PLACEHOLDER.test(v.text));
  return numbers.length === keys.length && numbers.length < values.length ? numbers : undefined;
}

/** Without the page numbers a PDF prints as a bare number on a line of its own inside a table. */
function withoutPageNumbers(tokens: Token[], n: number): Token[] | undefined {
  const values = tokens.filter(isValue);
  const alone = (v: Token) => v.cell < 0 && /^\d{1,3}$/.test(v.text) && !tokens.some((t) => t !== v && t.line === v.line);
  const kept = values.filter((v) => !alone(v));
  return kept.length === n && kept.length < values.length ? kept : undefined;
}

/** A number broken over a line end by a narrow PDF cell (“行政许可 356”↵“2”): one number too many, a line's last and the next line's first joined. */
function rejoined(values: Token[], n: number): Token[] | undefined {
  if (values.length !== n + 1) return undefined;
  for (let i = 0; i + 1 < values.length; i++) {
    const a = values[i], b = values[i + 1];
    if (a.cell >= 0 || b.line !== a.line + 1 || !/^\d+$/.test(a.text) || !/^\d+$/.test(b.text) || values[i + 2]?.line === b.line) continue;
    return [...values.slice(0, i), { ...a, text: a.text + b.text, end: b.end }, ...values.slice(i + 2)];
  }
  return undefined;
}

// ---- the table -----------------------------------------------------------------------------

/** A stretch of the table: the labels of a run, and the numbers and blanks after them. */
interface Segment { labels: Token[]; tokens: Token[] }

/**
 * The data rows a run of labels names, in order; groups named are noted in `groups`. A row named by
 * a bare word (其他, 总计) counts only inside its group (after the group's label or another of its
 * rows), and not as a bare header word over no numbers (a header repeated after a page break).
 */
function rowsNamed(found: readonly Named[], labels: Token[], hasValues: boolean, groups: Set<string>, current: Draft | undefined): RowSpec[] {
  const named: RowSpec[] = [];
  for (const { row } of found) {
    if (row.isGroup) { groups.add(row.key); continue; }
    if (row.group && row.match.every(isShort)) {
      if (!groups.has(row.group) && !current?.spec.key.startsWith(row.group + '.')) continue;
      if (!hasValues && labels.some((l) => row.match.includes(normOf(l)))) continue;
    }
    if (named[named.length - 1] !== row) named.push(row);
  }
  return named;
}

/**
 * Runs of labels, each with the numbers and blanks after it. Blank cells before a label on its
 * line are the traces of merged label cells, not the row before's; numbers that open the line of
 * a label are its row's serial number (a 序号 column), nobody's.
 */
function segments(tokens: Token[]): Segment[] {
  const out: Segment[] = [];
  let seg: Segment = { labels: [], tokens: [] };
  for (const t of tokens) {
    if (t.kind !== Kind.Label) { seg.tokens.push(t); continue; }
    const before = seg.tokens, opens = seg.labels.length === 0 || seg.labels[seg.labels.length - 1].line !== t.line;
    for (let last = before[before.length - 1]; last && last.line === t.line && (opens || last.kind === Kind.Blank); last = before[before.length - 1]) before.pop();
    const trace = before;
    if (trace.length) { out.push(seg); seg = { labels: [], tokens: [] }; }
    seg.labels.push(t);
  }
  out.push(seg);
  return out;
}

/** A row as the aligner found it: its label, and the tokens after it up to the next row's label. */
interface Draft { spec: RowSpec; labels: Token[]; tokens: Token[]; reading?: Reading }

/** A label run that reads as prose (a sentence ending in 。) ends a table whose rows have begun. */
const isProse = (labels: Token[]) => labels.some((t) => t.text.includes('。') && t.text.length > 8);

/** The range from the first token to the last (of the first list, to the last of the second, if any). */
function spanOf(idx: LineIndex, tokens: Token[], more: Token[] = []): Range {
  return idx.range(tokens[0].start, (more.length ? more : tokens)[(more.length ? more : tokens).length - 1].end);
}

/** Where each column's header word stands: its cell, and its centre. Table 4's words repeat per block: keyed `block.column`, in the order of the blocks. */
function headerColumns(spec: TableSpec, labels: Token[]): Columns {
  const cells = new Map<string, number>(), spans = new Map<string, Set<number>>(), xLines = new Set<number>();
  const x: Columns['x'] = [new Map(), new Map()];
  const seen = new Map<string, number>();
  for (const t of labels) {
    const col = columnNamed(spec, normOf(t));
    if (col === null) continue;
    let key = col;
    if (spec.key === 't4') {
      const k = seen.get(col) ?? 0;
      seen.set(col, k + 1);
      if (k >= spec.rows.length) continue;
      key = `${spec.rows[k].key}.${col}`;
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
  return { cells, spans, x, xLines };
}

/** A row with all its numbers on one line and no tab or pipe: where a space-aligned table's columns stand. */
interface Aligned { line: number; columns: string[]; values: Token[] }

function alignedRows(drafts: Draft[]): Aligned[] {
  const rows: Aligned[] = [];
  for (const d of drafts) {
    const values = d.tokens.filter(isValue);
    if (values.length === d.spec.columns.length && values.every((v) => v.line === values[0].line && v.x >= 0)) rows.push({ line: values[0].line, columns: d.spec.columns, values });
  }
  return rows;
}

/**
 * The columns' centres near a line, from the nearest rows (up to four, within twelve lines) that
 * have all their numbers on one line: in a space-aligned table they line up (by width, or by
 * characters as pdftotext writes them; a page may shift them, hence near), and show where a row
 * with a blank cell has its gap. Empty where they do not line up (a PDF's text, single spaces).
 */
function alignedNear(rows: Aligned[], line: number): Pick<Columns, 'x' | 'xLines'> {
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

/** The rows a table of the format has that hold numbers, in order. */
const dataRows = perTableSpec((spec) => spec.rows.filter((r) => !r.isGroup));

/** A row's cells as slots, once per row of the format. */
const slotsByRow = new WeakMap<RowSpec, Slot[]>();
function slotsOf(row: RowSpec): Slot[] {
  let slots = slotsByRow.get(row);
  if (!slots) slotsByRow.set(row, (slots = row.columns.map((col) => ({ row: row.key, col }))));
  return slots;
}

/** How many numbers (not blanks, not labels) are among the tokens. */
function valuesIn(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === Kind.Value) n++;
  return n;
}

/** Tables 2 and 3: rows found by their labels. Returns where the last token read ends (-1: no row found). */
function readRows(idx: LineIndex, spec: TableSpec, tokens: Token[], table: Table): number {
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const pending = new Set<string>(); // rows whose label was seen without numbers after it
  const groups = new Set<string>();
  const strays: Token[][] = [];
  const rows = dataRows(spec), lastRow = rows[rows.length - 1];
  let current: Draft | undefined;
  let headerLabels: Token[] = [];
  let done = false; // the last row has its numbers: from here on, only rows not yet found are read
  let borrowed: RowSpec | undefined; // a row named by this run's labels together with the next run's
  const segs = segments(tokens);
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (current && isProse(seg.labels)) break;
    const hasValues = seg.tokens.some(isValue);
    const found = namedIn(spec, seg.labels);
    let named = rowsNamed(found, seg.labels, hasValues, groups, current).filter((r) => r !== borrowed);
    borrowed = undefined;
    // A label wrapped around its row's numbers (“5.要求行政机关确认或重新出”, the numbers, “具已获取信息”):
    // the row is named by this run and the next together.
    if (named.length === 0 && hasValues && i + 1 < segs.length) {
      const alone = namedIn(spec, segs[i + 1].labels).map((n) => n.row);
      const both = namedIn(spec, [...seg.labels, ...segs[i + 1].labels]).map((n) => n.row);
      borrowed = both.find((r) => !r.isGroup && !alone.includes(r) && !byKey.has(r.key));
      if (borrowed) named = [borrowed];
    }
    if (done && !named.some((r) => !byKey.has(r.key))) continue;
    if (named.length === 0) {
      if (!current) headerLabels = headerLabels.concat(seg.labels);
      if (!hasValues) continue;
      // Numbers after a group label (（三）不予公开 9 1 0 …): a subtotal drafts add, not the statute's.
      if (found.length && found[found.length - 1].row.isGroup) continue;
      if (!current) { strays.push(seg.tokens); continue; }
      const n = current.spec.columns.length, have = valuesIn(current.tokens);
      const last = current.tokens.filter(isValue).pop();
      // The rest of the row's numbers, after a label's wrapped tail or a page's header.
      if (have < n) current.tokens.push(...seg.tokens);
      // A remark beside the row (a 备注 column: “其中网上申请79件”).
      else if (last && seg.labels[0].line === last.line) continue;
      // Whole rows of numbers: rows whose labels a converter put elsewhere (see overflow).
      else if (n > 1 && valuesIn(seg.tokens) % n === 0) current.tokens.push(...seg.tokens);
      else strays.push(seg.tokens);
      continue;
    }
    for (const row of named.slice(0, -1)) if (!byKey.has(row.key)) pending.add(row.key);
    const row = named[named.length - 1];
    const seen = byKey.get(row.key);
    if (seen) {
      // A row found twice (repeated after a page break): the one with numbers; the other's are dropped.
      if (!seen.tokens.some(isValue) && hasValues) { seen.labels = seg.labels; seen.tokens = seg.tokens; current = seen; }
      else current = { spec: row, labels: seg.labels, tokens: [] };
      continue;
    }
    current = { spec: row, labels: seg.labels, tokens: seg.tokens };
    pending.delete(row.key);
    drafts.push(current);
    byKey.set(row.key, current);
    if (row === lastRow && valuesIn(current.tokens) >= row.columns.length) done = true;
  }
  if (drafts.length === 0) return -1;

  // A row with whole rows of numbers too many, where rows were seen by their labels alone (a
  // converter that pulled labels away from their numbers): the extra numbers are those rows'.
  for (const d of [...drafts]) {
    const extra = overflow(d);
    if (!extra) continue;
    let next = rows.indexOf(d.spec);
    for (const chunk of extra) {
      while (++next < rows.length && !pending.has(rows[next].key));
      if (next >= rows.length) { strays.push(chunk); continue; }
      const orphan: Draft = { spec: rows[next], labels: d.labels, tokens: chunk };
      pending.delete(orphan.spec.key);
      drafts.push(orphan);
      byKey.set(orphan.spec.key, orphan);
    }
  }

  const header = headerColumns(spec, headerLabels.length ? headerLabels : tokens.filter((t) => t.kind === Kind.Label));
  let aligned: Aligned[] | undefined;
  const choices: Choice[] = [];
  for (const d of drafts) {
    const slots = slotsOf(d.spec);
    // A row short of numbers on one line may have a blank shown as a gap: the rows near it tell where the columns are.
    let columns = header;
    if (valuesIn(d.tokens) < slots.length) {
      const line = d.tokens.find(isValue)?.line;
      aligned ??= alignedRows(drafts);
      const near = line !== undefined && aligned.length >= 2 ? alignedNear(aligned, line) : undefined;
      if (near && (near.x[WIDTH].size || near.x[CHARS].size)) columns = { ...header, ...near };
    }
    readInto(idx, spec, table, slots, d.tokens, columns, () => spanOf(idx, d.labels, d.tokens), choices);
  }
  for (const s of strays) table.problems.push({ kind: 'stray', row: undefined, range: spanOf(idx, s), found: s.filter(isValue).length, expected: 0 });
  // With numbers astray, a row short of numbers may have lost them to the reader, not the author.
  if (strays.length) for (const p of table.problems) if (p.kind === 'too-few') { p.kind = 'unreadable'; p.cause = 'short'; }
  choose(idx, spec, table, choices);
  let end = -1;
  for (const d of drafts) end = Math.max(end, (d.tokens[d.tokens.length - 1] ?? d.labels[d.labels.length - 1]).end);
  for (const s of strays) end = Math.max(end, s[s.length - 1].end);
  return end;
}

/**
 * The whole rows of numbers after a row's own, when they come on lines of their own: the numbers
 * of rows whose labels were pulled away from them. Undefined when there are none, or when the
 * extra numbers do not make whole rows (then the row has a number too many).
 */
function overflow(d: Draft): Token[][] | undefined {
  const n = d.spec.columns.length;
  if (n < 2 || valuesIn(d.tokens) <= n) return undefined;
  // Where each run of n numbers ends, in one pass: chunks[k] holds the tokens of the k-th run.
  const chunks: Token[][] = [[]];
  let count = 0;
  for (const t of d.tokens) {
    if (isValue(t) && count > 0 && count % n === 0) chunks.push([]);
    if (isValue(t)) count++;
    chunks[chunks.length - 1].push(t);
  }
  if (count % n !== 0) return undefined;
  const own = chunks[0], next = chunks[1].find(isValue)!, last = own.filter(isValue).pop()!;
  if (next.line === last.line) return undefined;
  // Blanks after the row's last number on its line are the row's; the chunks start at their first number.
  d.tokens = own;
  return chunks.slice(1).map((c) => c.slice(c.findIndex(isValue)));
}

/** A cell of the table to fill: its row and column. */
interface Slot { row: string; col: string }

/** A row (or table 4's one row of fifteen) that can be read in several ways. */
interface Choice { slots: Slot[]; readings: Token[][]; inferred: boolean }

/** Writes `tokens` into the slots' cells; each row's cells are kept in the statute's column order (eachCell reads them so). */
function fill(idx: LineIndex, spec: TableSpec, table: Table, slots: Slot[], tokens: Token[], inferred: boolean) {
  let row: TableRow | undefined;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (row?.key !== s.row) row = table.rows[s.row] ??= { key: s.row, cells: {} };
    row.cells[s.col] = toCell(idx, tokens[i], inferred && tokens[i].kind === Kind.Value);
  }
  if (spec.key !== 't4') return; // a row's own slots come in its columns' order; table 4's in its header's
  for (const key of new Set(slots.map((s) => s.row))) {
    const cells = table.rows[key].cells, sorted: Record<string, Cell> = {};
    for (const col of rowSpec(spec, key).columns) if (cells[col]) sorted[col] = cells[col];
    table.rows[key].cells = sorted;
  }
}

const rowSpec = (spec: TableSpec, key: string) => spec.rows.find((r) => r.key === key)!;

/** The cells a reading gives each row it fills, in the statute's column order. */
function cellsByRow(idx: LineIndex, spec: TableSpec, slots: Slot[], tokens: Token[], inferred: boolean): Record<string, Record<string, Cell>> {
  const scratch: Table = { key: spec.key, version: '2021', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, rows: {}, problems: [] };
  fill(idx, spec, scratch, slots, tokens, inferred);
  const out: Record<string, Record<string, Cell>> = {};
  for (const row in scratch.rows) out[row] = scratch.rows[row].cells;
  return out;
}

/** Combinations of readings tried at most: beyond, run-together rows stay ambiguous rather than be guessed. */
const MAX_COMBINATIONS = 4096;

/**
 * For the rows that can be read in several ways, the readings the table's identities allow. Every
 * combination is tried, and those that break the fewest identities are kept. A row whose blanks
 * and traces can be placed in several ways takes the first such reading (the one whose cells stand
 * under their headers). A row of run-together digits is cut only where the identities leave one
 * cut, with none of them broken: otherwise the cells on which its cuts disagree are marked
 * ambiguous, and the cuts are kept for the prose to decide (never a guess).
 */
function choose(idx: LineIndex, spec: TableSpec, table: Table, choices: Choice[]) {
  if (choices.length === 0) return;
  const options = choices.map((c) => c.readings.map((r) => cellsByRow(idx, spec, c.slots, r, c.inferred)));
  const set = (i: number, r: number) => { for (const row in options[i][r]) table.rows[row].cells = options[i][r][row]; };
  const kept = choices.map(() => new Set<number>());
  let combos = 1;
  for (const o of options) combos = Math.min(combos * o.length, MAX_COMBINATIONS + 1);
  let fewest = Infinity;
  const searched = spec.identities.length > 0 && combos <= MAX_COMBINATIONS;
  if (searched) {
    const pick = new Array<number>(choices.length).fill(0);
    choices.forEach((_, i) => set(i, 0));
    for (let c = 0; c < combos; c++) {
      // The next combination, as an odometer turns: only the choices that change are set again.
      for (let i = 0; c > 0 && i < choices.length; i++) {
        pick[i] = (pick[i] + 1) % options[i].length;
        set(i, pick[i]);
        if (pick[i] !== 0) break;
      }
      const broken = countBroken(table);
      if (broken < fewest) { fewest = broken; kept.forEach((k) => k.clear()); }
      if (broken === fewest) pick.forEach((p, i) => kept[i].add(p));
    }
  }
  choices.forEach((choice, i) => {
    let left = [...kept[i]].sort((a, b) => a - b);
    if (choice.inferred && (!searched || fewest > 0)) left = options[i].map((_, r) => r);
    else if (!searched) left = [0];
    set(i, left[0]);
    if (left.length < 2 || !choice.inferred) return;
    for (const row in options[i][0]) {
      const readings = left.map((r) => options[i][r][row]);
      if (readings.some((cells) => !sameValues(cells, readings[0]))) setAmbiguous(idx, table, row, readings);
    }
  });
}

const sameValues = (a: Record<string, Cell>, b: Record<string, Cell>) => {
  for (const col in a) if (a[col].value !== b[col]?.value) return false;
  return true;
};

/** Marks the cells on which a row's readings disagree as ambiguous, and records the readings. */
export function setAmbiguous(idx: LineIndex, table: Table, row: string, readings: Record<string, Cell>[]) {
  const cells: Record<string, Cell> = {};
  for (const col in readings[0]) {
    const first = readings[0][col];
    const same = readings.every((r) => r[col].value === first.value && r[col].range.start.character === first.range.start.character);
    cells[col] = same ? first : ambiguousAt(idx, readings, col);
  }
  table.rows[row].cells = cells;
  const all = Object.values(readings[0]);
  table.problems.push({ kind: 'ambiguous', row, range: { start: all[0].range.start, end: all[all.length - 1].range.end }, found: readings.length, expected: 1, readings });
}

/** An ambiguous cell spans the digits any reading gives it. */
function ambiguousAt(idx: LineIndex, readings: Record<string, Cell>[], col: string): Cell {
  const { start: { line }, start, end } = readings[0][col].range;
  let from = start.character, to = end.character;
  for (const r of readings) { from = Math.min(from, r[col].range.start.character); to = Math.max(to, r[col].range.end.character); }
  const lineStart = idx.lineStart(line);
  return ambiguousCell(idx, { kind: Kind.Value, text: idx.text.slice(lineStart + from, lineStart + to), start: lineStart + from, end: lineStart + to, line, x: -1, xEnd: -1, c: -1, cell: -1, norm: undefined });
}

/** Reads a row's tokens into its slots: bound, recorded as a choice, or recorded as a problem. */
function readInto(idx: LineIndex, spec: TableSpec, table: Table, slots: Slot[], tokens: Token[], columns: Columns, range: () => Range, choices: Choice[]) {
  const reading = readSlots(idx, spec, tokens, slots, columns);
  if ('problem' in reading) {
    for (const s of slots) table.rows[s.row] ??= { key: s.row, cells: {} };
    table.problems.push({ kind: reading.problem, row: slots[0].row, range: range(), found: reading.found, expected: slots.length, ...(reading.cause ? { cause: reading.cause } : {}) });
    return;
  }
  fill(idx, spec, table, slots, reading.readings[0], reading.inferred);
  if (reading.readings.length > 1) choices.push({ slots, ...reading });
}

// ---- table 4 -------------------------------------------------------------------------------

/** Table 4's fifteen cells in the order its header gives them (the statute's, unless the header clearly says another). */
function table4Slots(spec: TableSpec, labels: Token[]): Slot[] {
  let joined = '';
  for (const t of labels) joined += normOf(t);
  return slotsByHeader(spec, joined);
}

const slotsByHeader = perLabel((spec, joined): Slot[] => {
  const statutory = spec.rows.flatMap((r) => r.columns.map((col) => ({ row: r.key, col })));
  const order: string[] = [];
  for (let i = 0; i < joined.length;) {
    const c = spec.columns.find((col) => col.match.some((m) => joined.startsWith(m, i)));
    if (!c) { i++; continue; }
    order.push(c.key);
    i += c.match.find((m) => joined.startsWith(m, i))!.length;
  }
  if (order.length !== statutory.length) return statutory;
  const per = spec.columns.length;
  const slots = order.map((col, i) => ({ row: spec.rows[Math.floor(i / per)].key, col }));
  // Each block must name each of its columns once.
  for (let b = 0; b < spec.rows.length; b++) if (new Set(order.slice(b * per, b * per + per)).size !== per) return statutory;
  return slots;
});

/**
 * Table 4 has one row of fifteen numbers under a two-level header; some drafts write one row per
 * block (each after its block's label), or turn it round, one row per result (结果维持 3 1 0). Header
 * words between the numbers (a PDF's text that lost the table's shape) leave the reader lost.
 */
function readTable4(idx: LineIndex, spec: TableSpec, tokens: Token[], table: Table): number {
  for (const r of spec.rows) table.rows[r.key] = { key: r.key, cells: {} };
  const choices: Choice[] = [];
  let end = -1;
  const segs = segments(tokens);
  const labels = tokens.filter((t) => t.kind === Kind.Label);
  const count = (s: Segment) => s.tokens.filter(isValue).length;
  const blockOf = (s: Segment) => namedIn(spec, s.labels).at(-1)?.row;
  const columnOf = (s: Segment) => (s.labels.length ? columnNamed(spec, normOf(s.labels[s.labels.length - 1])) : null);
  const perBlock = segs.filter((s) => count(s) === spec.columns.length && blockOf(s));
  const perColumn = segs.filter((s) => count(s) === spec.rows.length && columnOf(s) !== null);
  const read = (s: Segment, slots: Slot[], columns: Columns) => {
    readInto(idx, spec, table, slots, s.tokens, columns, () => spanOf(idx, s.labels, s.tokens), choices);
    end = Math.max(end, s.tokens[s.tokens.length - 1].end);
  };
  if (new Set(perBlock.map((s) => blockOf(s)!.key)).size >= 2) {
    const columns = headerColumns(spec, labels);
    const done = new Set<string>();
    for (const s of perBlock) {
      const row = blockOf(s)!;
      if (done.has(row.key)) continue;
      done.add(row.key);
      read(s, row.columns.map((col) => ({ row: row.key, col })), columns);
    }
  } else if (new Set(perColumn.map(columnOf)).size >= 4) {
    // Turned round: the blocks in the order the header names them.
    const first = segs.indexOf(perColumn[0]);
    const named = namedIn(spec, segs.slice(0, first + 1).flatMap((s) => s.labels)).map((n) => n.row);
    const blocks = named.length === spec.rows.length ? named : spec.rows;
    const done = new Set<string>();
    for (const s of perColumn) {
      const col = columnOf(s)!;
      if (done.has(col)) continue;
      done.add(col);
      read(s, blocks.map((b) => ({ row: b.key, col })), { cells: new Map(), spans: new Map(), x: [new Map(), new Map()], xLines: new Set() });
    }
  } else {
    // One row: the numbers after the header, up to the end of their line once there are fifteen.
    const first = tokens.findIndex(isValue);
    if (first < 0) return -1;
    const header = tokens.slice(0, first).filter((t) => t.kind === Kind.Label);
    const slots = table4Slots(spec, header);
    const data: Token[] = [];
    let values = 0, lost = false;
    for (let i = first; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === Kind.Label) {
        if (isProse([t])) break;
        // A header word among the numbers: which number stands under which word is lost.
        if (values < slots.length && (columnNamed(spec, normOf(t)) !== null || namedIn(spec, [t]).length)) lost = true;
        continue;
      }
      if (values >= slots.length && t.line !== data[data.length - 1].line) break;
      if (t.kind === Kind.Value) values++;
      data.push(t);
    }
    // The blank cells between the header and the first number may be blank values (or traces).
    for (let i = first - 1; i >= 0 && tokens[i].kind === Kind.Blank; i--) data.unshift(tokens[i]);
    end = data[data.length - 1].end;
    if (lost) {
      table.problems.push({ kind: 'unreadable', row: spec.rows[0].key, range: spanOf(idx, data), found: values, expected: slots.length, cause: 'mixed' });
      return end;
    }
    readInto(idx, spec, table, slots, data, headerColumns(spec, header), () => spanOf(idx, data), choices);
  }
  choose(idx, spec, table, choices);
  return end;
}

/**
 * Rows whose run-together digits fit the identities in several ways, narrowed by the figures the
 * prose states for their cells (Pingtan's 行政规范性文件8855698 is 88 / 55 / 698 because the text says
 * 现行有效…698件 and 制发…88件): when one reading is left, the row is bound to it.
 */
export function decideByClaims(idx: LineIndex, table: Table, claims: Claim[]) {
  for (const p of [...table.problems]) {
    if (p.kind !== 'ambiguous' || !p.row || !p.readings) continue;
    const stated = claims.filter((c) => !c.unclear && c.form !== 'zero' && c.form !== 'all' && c.quantity.startsWith(`${table.key}.${p.row}.`));
    const fits = p.readings.filter((cells) => stated.every((c) => {
      const cell = cells[c.quantity.slice(table.key.length + p.row!.length + 2)];
      return !cell || cell.value === c.value;
    }));
    if (fits.length === 0 || fits.length === p.readings.length) continue;
    table.problems.splice(table.problems.indexOf(p), 1);
    if (fits.length === 1) table.rows[p.row].cells = fits[0];
    else setAmbiguous(idx, table, p.row, fits);
  }
}

/**
 * The table in the region. When none of its rows can be read, the table is there all the same,
 * with that said (a problem without a row): the reader failed, not the author.
 */
export function parseTable(idx: LineIndex, region: Region): Table {
  const version = detectVersion(region.key, idx.text.slice(region.from, region.to));
  const spec = tableSpec(version, region.key);
  const tokens = tokenize(idx, region.from, region.to);
  const table: Table = { key: region.key, version, range: idx.range(region.from, region.to), rows: {}, problems: [] };
  const end = tokens.length === 0 ? -1 : region.key === 't4' ? readTable4(idx, spec, tokens, table) : readRows(idx, spec, tokens, table);
  if (end < 0) {
    const line = idx.position(region.from).line;
    table.range = idx.range(region.from, Math.min(idx.lineStart(line) + idx.lineText(line).length, region.to));
    table.problems.push({ kind: 'unreadable', row: undefined, range: table.range, found: 0, expected: 0 });
    return table;
  }
  // From the table's start to the last token read: a table stops at its last row, not at the next heading.
  table.range = idx.range(region.from, end);
  return table;
}

/** Whether any of a table's cells was read. */
export function hasCells(table: Table): boolean {
  for (const row in table.rows) for (const _ in table.rows[row].cells) return true;
  return false;
}


