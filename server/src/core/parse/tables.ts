import type { FormatVersion, RowSpec, TableKey, TableSpec } from '../format/schema';
import { FORMATS, perTableSpec, tableSpec } from '../format/statute';
import type { Cell, CellKind, RowProblem, Table, TableRow } from '../model';
import { countBroken } from '../identities';
import type { LineIndex, Range } from '../text';
import { detectLayout, isTableLine, labelOf, layoutOf, lineKind, LineKind, tokenize, type Layout, type RawCell, type RawRow } from './cells';
import { normalizeLabel, plainCount, readCell, stripNumbering } from './values';

/** Lines [from, to) of the text that hold one table, and the layout they are written in. */
export interface Region { key: TableKey; from: number; to: number; layout: Layout }

const ANCHORS: Record<TableKey, string[]> = {
  t2: tableSpec('2021', 't2').anchors,
  t3: tableSpec('2021', 't3').anchors,
  t4: tableSpec('2021', 't4').anchors,
};

// The loops below that run for every line, row or cell are written out rather than as array
// callbacks: until V8 has optimized them (for the first few hundred reports of a batch) a
// callback costs a full call each.
function includesAny(text: string, words: string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}
const hasText = (cells: RawCell[]) => {
  for (const c of cells) if (c.text !== '') return true;
  return false;
};

/**
 * Finds each table by the first tab or pipe row that carries one of its anchors (第二十条第…,
 * 申请人情况…, 行政复议), in statutory order; a table runs until prose or the next table begins.
 */
export function findRegions(idx: LineIndex, sectionStarts: readonly number[] = []): Region[] {
  const regions: Region[] = [];
  let line = 0;
  for (const key of ['t2', 't3', 't4'] as TableKey[]) {
    let from = -1;
    for (let l = line; l < idx.lineCount && from < 0; l++) {
      const text = idx.lineText(l);
      if (lineKind(text) !== LineKind.None && includesAny(text, ANCHORS[key])) from = l;
    }
    if (from < 0) continue;
    // It ends at the latest where the next section begins. Its lines are counted by kind on the way, for its layout.
    let stop = idx.lineCount;
    for (const l of sectionStarts) if (l > from && l < stop) stop = l;
    const counts = [0, 0, 0, 0];
    counts[lineKind(idx.lineText(from))]++;
    let to = from + 1;
    for (; to < stop; to++) {
      const text = idx.lineText(to), kind = lineKind(text);
      if (!isTableLine(text, idx.lineText(to - 1), kind)) break;
      counts[kind]++;
    }
    regions.push({ key, from, to, layout: layoutOf(counts) });
    line = to;
  }
  // A table ends where the next one begins (its layout then recounted without the other's lines).
  for (let i = 0; i + 1 < regions.length; i++) {
    const r = regions[i], next = regions[i + 1].from;
    if (r.to > next) { r.to = next; r.layout = detectLayout(idx, r.from, r.to); }
  }
  return regions;
}

function regionText(idx: LineIndex, r: Region): string {
  return idx.text.slice(idx.lineStart(r.from), r.to < idx.lineCount ? idx.lineStart(r.to) : idx.text.length);
}

/** The format whose marker words (header words only one version prints) the label holds most of. */
function mostMarkers(label: string): { best: FormatVersion; bestCount: number } {
  let best: FormatVersion = '2021', bestCount = 0;
  for (const f of FORMATS) {
    let count = 0;
    for (const m of f.markers) if (label.includes(m)) count++;
    if (count > bestCount) { best = f.version; bestCount = count; }
  }
  return { best, bestCount };
}

/** The version a table is written in, from the header words only one version prints. */
function detectVersion(key: TableKey, text: string): FormatVersion {
  if (key === 't4') return '2021';
  // Markers are plain words; only a header broken over lines needs the normalized text.
  let label = text, found = mostMarkers(label);
  if (found.bestCount === 0) found = mostMarkers((label = normalizeLabel(text)));
  if (key === 't3' && found.bestCount === 0 && label.includes('其他处理')) return '2019';
  return found.best;
}

/** A normalized label names a row or column: it contains one of the keywords, or, for a
 * two-character keyword (总计, 其他, 规章), is that word after its numbering. */
const names = (label: string, keywords: string[]) =>
  keywords.some((k) => (k.length <= 2 ? stripNumbering(label) === k : label.includes(k)));

/**
 * `compute(spec, label)` remembered per table format and label text: labels and header words repeat
 * from report to report. (`compute` must not return undefined.)
 */
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

/** The rows a normalized label could name. */
const candidates = perLabel((spec, label) => spec.rows.filter((r) => names(label, r.match)));

/** The key of the column a normalized header word names, or null. */
const columnNamed = perLabel((spec, label) => spec.columns.find((c) => names(label, c.match))?.key ?? null);

/** The row a label cell names, if any (`groups`: the group labels seen so far in this table). */
function matchRow(spec: TableSpec, cell: RawCell, groups: Set<string>): RowSpec | undefined {
  const n = labelOf(cell);
  if (n === '' || n.length > 60) return undefined;
  for (const row of candidates(spec, n)) if (!row.group || groups.has(row.group)) return row;
  return undefined;
}

/** A parsed cell. Its range is built when asked for: most cells are never reported. */
class ParsedCell implements Cell {
  constructor(
    readonly value: number | null,
    readonly raw: string,
    readonly kind: CellKind,
    readonly unit: string | undefined,
    readonly nonstandard: boolean,
    private readonly line: number,
    private readonly character: number,
    private readonly endLine: number,
    private readonly endCharacter: number,
  ) {}

  get range(): Range {
    return { start: { line: this.line, character: this.character }, end: { line: this.endLine, character: this.endCharacter } };
  }
}

function toCell(idx: LineIndex, raw: RawCell): Cell {
  const { text, line, endLine } = raw;
  const character = raw.start - idx.lineStart(line), endCharacter = raw.end - idx.lineStart(endLine);
  // Most cells are plain counts: those without an intermediate reading.
  const count = plainCount(text);
  if (count !== undefined) return new ParsedCell(count, text, 'number', undefined, false, line, character, endLine, endCharacter);
  const r = readCell(text);
  return new ParsedCell(r.value, text, r.kind, r.unit, r.nonstandard, line, character, endLine, endCharacter);
}

/**
 * The ways to place the cells found after a row label onto the row's `n` columns, best first.
 * Empty cells at either end may be blank values or the traces of merged cells (at most one each
 * side). Readings whose cells stand under their column headers come first (`at` is the position
 * of found[0] in its row, `headers` the positions of the header words), then those that keep a
 * trailing trace, as Word writes them. `resolve` then lets the table's identities choose.
 */
function placements(found: RawCell[], n: number, at: number, headers: Map<string, number>, columns: string[]): RawCell[][] | RowProblem['kind'] {
  let first = 0, last = found.length - 1;
  while (first <= last && found[first].text === '') first++;
  while (last >= first && found[last].text === '') last--;
  if (first > last) return found.length >= n ? [found.slice(0, n)] : 'too-few';
  if (last - first + 1 > n) return 'too-many';
  if (last - first + 1 === n) return [found.slice(first, last + 1)];
  const blanks = n - (last - first + 1), lead = first, trail = found.length - 1 - last;
  const readings: { start: number; score: number }[] = [];
  for (let fromTrail = 0; fromTrail <= Math.min(blanks, trail); fromTrail++) {
    const fromLead = blanks - fromTrail;
    if (fromLead > lead || lead - fromLead > 1 || trail - fromTrail > 1) continue;
    const start = first - fromLead;
    let score = 0;
    for (let i = 0; i < n; i++) if (headers.get(columns[i]) === at + start + i) score++;
    readings.push({ start, score });
  }
  if (readings.length === 0) return 'too-few';
  readings.sort((a, b) => b.score - a.score); // stable: ties keep the trailing-trace order
  const out: RawCell[][] = [];
  for (const r of readings) out.push(found.slice(r.start, r.start + n));
  return out;
}

/** Where each column's header word stands in its row (tab and Markdown layouts keep the grid, mostly). */
function headerPositions(spec: TableSpec, rows: RawRow[]): Map<string, number> {
  const at = new Map<string, number>();
  for (const cells of rows) {
    for (let i = 0; i < cells.length; i++) {
      const n = labelOf(cells[i]);
      if (n === '') continue;
      const col = columnNamed(spec, n);
      if (col !== null && !at.has(col)) at.set(col, i);
    }
  }
  return at;
}

/** The cells keyed by column, read from `cells` in column order. */
function bindCells(idx: LineIndex, columns: string[], cells: RawCell[]): Record<string, Cell> {
  const bound: Record<string, Cell> = {};
  for (let i = 0; i < columns.length; i++) bound[columns[i]] = toCell(idx, cells[i]);
  return bound;
}

/** A bound row, and all the readings of its cells when blanks at its ends leave more than one. */
function bindRow(idx: LineIndex, spec: RowSpec, label: RawCell, found: RawCell[], at = 0, headers = new Map<string, number>()): { row: TableRow; readings: Record<string, Cell>[] | undefined; problem: RowProblem | undefined } {
  const row: TableRow = { key: spec.key, cells: {} };
  const n = spec.columns.length;
  if (found.length === 0) {
    // Only the label is written: every cell is blank, shown at the end of the label.
    const blanks: RawCell[] = [];
    for (let i = 0; i < n; i++) blanks.push({ text: '', start: label.end, end: label.end, line: label.endLine, endLine: label.endLine, label: undefined });
    row.cells = bindCells(idx, spec.columns, blanks);
    return { row, readings: undefined, problem: undefined };
  }
  const placed = placements(found, n, at, headers, spec.columns);
  if (typeof placed === 'string') {
    let values = 0;
    for (const c of found) if (c.text !== '') values++;
    const problem: RowProblem = {
      row: spec.key, kind: placed, expected: n, found: values,
      range: idx.range(label.start, found[found.length - 1].end),
    };
    return { row, readings: undefined, problem };
  }
  if (placed.length === 1) {
    row.cells = bindCells(idx, spec.columns, placed[0]);
    return { row, readings: undefined, problem: undefined };
  }
  const readings: Record<string, Cell>[] = [];
  for (const cells of placed) readings.push(bindCells(idx, spec.columns, cells));
  row.cells = readings[0];
  return { row, readings, problem: undefined };
}

/** For each row with several readings (blanks at its ends), keep the one that breaks the fewest identities (the first on a tie). */
function resolve(table: Table, readings: Map<string, Record<string, Cell>[]>) {
  for (const [key, options] of readings) {
    let best = options[0], fewest = Infinity;
    for (const cells of options) {
      table.rows[key].cells = cells;
      const n = countBroken(table);
      if (n < fewest) { fewest = n; best = cells; }
    }
    table.rows[key].cells = best;
  }
}

/** Cell-per-line drafts sometimes put a row's numbers after a blank line: join such rows to the one above. */
function joinOrphans(rows: RawRow[]): RawRow[] {
  const out: RawRow[] = [];
  for (const row of rows) {
    let orphan = true;
    for (const c of row) if (labelOf(c) !== '') { orphan = false; break; }
    if (orphan && out.length && hasText(row)) for (const c of row) out[out.length - 1].push(c);
    else out.push(row);
  }
  return out;
}

/** Binds the rows that carry a statutory label; whether there was any. */
function parseRows(idx: LineIndex, spec: TableSpec, rows: RawRow[], table: Table, layout: Layout): boolean {
  let any = false;
  const groups = new Set<string>();
  const readings = new Map<string, Record<string, Cell>[]>(); // only rows that can be read in several ways
  // Header words stand over their columns only where the layout keeps the grid.
  const headers = layout === 'cell-per-line' ? new Map<string, number>()
    : headerPositions(spec, rows.slice(0, Math.max(rows.findIndex((cells) => cells.some((c) => matchRow(spec, c, groups))), 0)));
  for (const cells of rows) {
    let matched: { spec: RowSpec; at: number } | undefined;
    for (let i = 0; i < cells.length; i++) {
      const row = matchRow(spec, cells[i], groups);
      if (!row) continue;
      if (row.isGroup) groups.add(row.key);
      matched = { spec: row, at: i };
    }
    if (!matched) continue;
    let rowSpec = matched.spec;
    const found = cells.slice(matched.at + 1);
    if (rowSpec.isGroup) {
      // A group label with numbers of its own is a data row (2019: （六）其他处理).
      if (!hasText(found)) continue;
      const leaf = tableSpec('2019', spec.key).rows.find((r) => r.key === rowSpec.key && !r.isGroup);
      if (!leaf) continue;
      rowSpec = leaf;
    }
    if (table.rows[rowSpec.key]) continue; // the first of two rows with one label wins
    const bound = bindRow(idx, rowSpec, cells[matched.at], found, matched.at + 1, headers);
    table.rows[rowSpec.key] = bound.row;
    if (bound.problem) table.problems.push(bound.problem);
    any = true;
    if (bound.readings) readings.set(rowSpec.key, bound.readings);
  }
  if (readings.size) resolve(table, readings);
  return any;
}

/** Table 4 has no row labels: its fifteen numbers follow the last header word. Whether it added its rows (there was a cell to start from). */
function parseTable4(idx: LineIndex, spec: TableSpec, rows: RawRow[], table: Table): boolean {
  const cells: RawCell[] = [];
  for (const row of rows) for (const c of row) cells.push(c);
  let lastLabel = -1;
  for (let i = 0; i < cells.length; i++) if (labelOf(cells[i]) !== '') lastLabel = i;
  const label = cells[lastLabel] ?? cells[0];
  if (!label) return false;
  const { row: bound, problem } = bindRow(idx, table4Row(spec), label, cells.slice(lastLabel + 1));
  if (problem) table.problems.push(problem);
  for (const r of spec.rows) table.rows[r.key] = { key: r.key, cells: {} };
  let i = 0;
  for (const r of spec.rows) for (const col of r.columns) {
    const cell = bound.cells[String(i++)];
    if (cell) table.rows[r.key].cells[col] = cell;
  }
  return true;
}

/** Table 4 read as one row of fifteen numbers, its cells keyed '0'…'14' in row order. */
const table4Row = perTableSpec((spec): RowSpec => {
  const count = spec.rows.reduce((n, r) => n + r.columns.length, 0);
  return { ...spec.rows[0], columns: Array.from({ length: count }, (_, i) => String(i)) };
});

/** The table in the region, or undefined when none of its statutory rows is there. */
export function parseTable(idx: LineIndex, region: Region): Table | undefined {
  const version = detectVersion(region.key, regionText(idx, region));
  const spec = tableSpec(version, region.key);
  const { layout } = region;
  let rows = tokenize(idx, region.from, region.to, layout);
  if (layout === 'cell-per-line') rows = joinOrphans(rows);
  const lastLine = Math.max(region.from, region.to - 1);
  const range: Range = { start: { line: region.from, character: 0 }, end: { line: lastLine, character: idx.lineText(lastLine).length } };
  const table: Table = { key: region.key, version, range, rows: {}, problems: [] };
  const found = region.key === 't4' ? parseTable4(idx, spec, rows, table) : parseRows(idx, spec, rows, table, layout);
  return found ? table : undefined;
}
