import type { RowSpec, TableSpec } from '../format/schema';
import { perTableSpec, tableSpec } from '../format/statute';
import { countBroken } from '../identities';
import type { Cell, CellKind, Claim, Table, TableRow } from '../model';
import type { LineIndex, Range } from '../lineIndex';
import { alignedNear, CHARS, headerColumns, isValue, readSlots, sumBesideTotal, WIDTH, type Aligned, type Columns, type Reading, type Slot } from './columns';
import { columnNamed, isShort, namedIn, normOf, perLabel, perRun, type Named } from './labels';
import { readNamedLines, readT3Lines } from './lines';
import { detectVersion, type Region } from './regions';
import { Kind, labelsLast, sentenceNorm, tokenize, withSentences, type Token } from './tokens';
import { isSmallCount, plainCount, readCell } from './values';
import { chineseValue } from '../prose/numbers';

// The reader of the statistical tables, one design for every layout (spec: “Layouts the parser
// meets”). A table is found by its anchor words after its section's heading (regions.ts); its text
// is cut into tokens (tokens.ts); the aligner walks them against the statute: the numbers after a
// row's label, up to the next row's label, are that row's (labels.ts names the rows); which column
// each number is in comes from the number of them, the empty cells the text proves, the columns'
// horizontal positions, and — for digits run together — the table's identities (columns.ts,
// split.ts). What it cannot decide it says (Table.problems), never guesses.

// ---- cells ---------------------------------------------------------------------------------

/** A count in Chinese numerals alone (十二, 二十三, 〇). */
const HAN_COUNT = /^[零〇一二两三四五六七八九十百千]+$/;

/**
 * A parsed cell. Its range is built when asked for: most cells are never reported. (Plain objects
 * with the range built at once make an in-process check of the 2,000 reports ~6% slower; npm run bench.)
 */
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

/**
 * `sign` −1: a count written without its sign and said to be a decrease by words (本年减少3项): its value negated, its
 * text as written. `han`: a count in Chinese numerals is a number written the wrong way (a sentence's 自然人十二件),
 * not an invalid cell (as 五 in a table's cell is).
 */
function toCell(idx: LineIndex, t: Token, inferred = false, sign = 1, han = false): Cell {
  const lineStart = idx.lineStart(t.line);
  const character = t.start - lineStart;
  // A number joined over a line end (rejoined: its text is shorter than its place) ends on the next line.
  let endLine = t.line, endCharacter = t.end - lineStart;
  if (t.end - t.start !== t.text.length) ({ line: endLine, character: endCharacter } = idx.position(t.end));
  // Most cells are plain counts: those without an intermediate reading.
  const count = plainCount(t.text);
  if (count !== undefined) return new ParsedCell(sign < 0 && count ? -count : count, t.text, 'number', undefined, false, inferred, t.line, character, endLine, endCharacter);
  const cn = han && HAN_COUNT.test(t.text) ? chineseValue(t.text) : undefined;
  const r = cn !== undefined ? { value: cn, kind: 'number' as const, unit: undefined, nonstandard: true } : readCell(t.text);
  const value = sign < 0 && r.value ? -r.value : r.value;
  return new ParsedCell(value, t.text, r.kind, r.unit, r.nonstandard, inferred, t.line, character, endLine, endCharacter);
}

/** A cell whose number is one of several the identities leave open. */
const ambiguousCell = (idx: LineIndex, t: Token): Cell =>
  new ParsedCell(null, t.text, 'ambiguous', undefined, false, true, t.line, t.start - idx.lineStart(t.line), t.line, t.end - idx.lineStart(t.line));

// ---- the table -----------------------------------------------------------------------------

/** A stretch of the table: the labels of a run, and the numbers and blanks after them. */
interface Segment { labels: Token[]; tokens: Token[] }

/** The labels' normalized texts run together. */
function joinedNorm(labels: Token[]): string {
  let joined = '';
  for (const l of labels) joined += normOf(l);
  return joined;
}

/** Whether a run of labels is a header's: run together, it names two or more columns by their long names (自然人, 商业企业). */
const isHeaderRun = perRun((spec, texts) => {
  const joined = texts.join('');
  return spec.columns.filter((c) => c.match.some((m) => !isShort(m) && joined.includes(m))).length >= 2;
});

/**
 * The data rows a run of labels names, in order; groups named are noted in `groups`. A row named by
 * a bare word (其他, 总计) counts only inside its group (after the group's label or another of its
 * rows), and not as a bare header word: over no numbers, or among the header's other words (a
 * header repeated after a page break, before the numbers of a row whose label the page cut off).
 */
function rowsNamed(spec: TableSpec, found: readonly Named[], labels: Token[], hasValues: boolean, groups: Set<string>, current: Draft | undefined): RowSpec[] {
  const named: RowSpec[] = [];
  for (const { row } of found) {
    if (row.isGroup) { groups.add(row.key); continue; }
    if (row.group && row.match.every(isShort)) {
      if (!groups.has(row.group) && !current?.spec.key.startsWith(row.group + '.')) continue;
      if (labels.some((l) => row.match.includes(normOf(l))) && (!hasValues || isHeaderRun(spec, labels))) continue;
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
    // (A label on a line before the last label's opens nothing: a grid table's row is read a column at a time, its 备注
    // cell's words after the numbers of its first line, its label's tail on the next.)
    const before = seg.tokens, opens = seg.labels.length === 0 || seg.labels[seg.labels.length - 1].line < t.line;
    for (let last = before[before.length - 1]; last && last.line === t.line && (opens || last.kind === Kind.Blank); last = before[before.length - 1]) before.pop();
    const trace = before;
    if (trace.length) { out.push(seg); seg = { labels: [], tokens: [] }; }
    seg.labels.push(t);
  }
  out.push(seg);
  return out;
}

/**
 * A row's serial number when a 序号 column is written one cell per line: it stands alone on its line
 * after the numbers of the row before (or the header) and before the labels that open its row
 * (empty cells after it are the traces of merged label cells, 三、本年度办理结果 merged down). The
 * index of such a number in the segment, or -1.
 */
function serialAt(spec: TableSpec, seg: Segment, next: Segment | undefined): number {
  if (!next) return -1;
  let at = seg.tokens.length - 1;
  while (at >= 0 && seg.tokens[at].kind === Kind.Blank) at--;
  const serial = seg.tokens[at];
  if (serial?.kind !== Kind.Value || seg.tokens[at - 1]?.line === serial.line || !isSmallCount(serial.text)) return -1;
  if (seg.labels[seg.labels.length - 1]?.line === serial.line || next.labels[0].line === serial.line) return -1;
  return namedIn(spec, next.labels).length ? at : -1;
}

/** Whether the table's rows are numbered one cell per line: three serials or more, counting up by one. */
function numbered(spec: TableSpec, segs: Segment[]): boolean {
  let last = -1, count = 0;
  for (let i = 0; i < segs.length; i++) {
    const at = serialAt(spec, segs[i], segs[i + 1]);
    if (at < 0) continue;
    const n = Number(segs[i].tokens[at].text);
    if (last >= 0 && n !== last + 1) return false;
    last = n;
    count++;
  }
  return count >= 3;
}

/** Words with a number written into them (“其中网上申请3件”), fewer digits than a row of `n` cells has numbers (a row's run together has as many or more). */
function isRemark(seg: Segment, n: number): boolean {
  const label = seg.labels[seg.labels.length - 1], value = seg.tokens[0];
  let digits = 0;
  for (const t of seg.tokens) if (t.kind === Kind.Value) digits += t.text.replace(/\D/g, '').length;
  return digits < n && value?.kind === Kind.Value && label.end === value.start;
}

/**
 * Whether a run is a row of a part of `row` (其中：网上申请 under 本年新收, （其中网上申请） under 予以公开): words opening
 * with 其中 (after a group's label a converter repeats), then a number for each of the row's columns, none more than the
 * row's own in that column.
 */
function partOf(row: Draft, seg: Segment): boolean {
  if (!seg.labels.some((l) => /^[（(]?其中/.test(l.text))) return false;
  const whole = row.tokens.filter(isValue).map((t) => plainCount(t.text)), part = seg.tokens.filter(isValue).map((t) => plainCount(t.text));
  return part.length === row.spec.columns.length && whole.length === part.length && part.every((v, k) => v !== undefined && whole[k] !== undefined && v <= whole[k]!);
}

/**
 * Whether a run is a remark beside a row: in one cell after all of the row's numbers, on their line, the
 * rest of the line in that cell too (the rows of a web page's text run on one line, each in cells of its own).
 */
function besideRow(row: Draft, seg: Segment, next: Segment | undefined): boolean {
  const values = row.tokens.filter(isValue), last = values[values.length - 1], cell = seg.labels[0].cell;
  if (last === undefined || values.length < row.spec.columns.length || last.cell < 0 || cell <= last.cell) return false;
  const inCell = (t: Token) => t.line === last.line && t.cell === cell;
  return seg.labels.every(inCell) && seg.tokens.every(inCell) && (next === undefined || next.labels[0].line !== last.line || next.labels[0].cell === cell);
}

/**
 * Whether a run's numbers count up 1, 2, 3 … (three or more): before a table's first row, the numbers a form
 * gives its columns under the header (栏次), not a row.
 */
function countsUp(tokens: Token[]): boolean {
  const values = tokens.filter(isValue);
  return values.length >= 3 && values.every((v, i) => v.text === String(i + 1));
}

/**
 * Whether a run before a table's first row is header words with a dash after them on their line, the only “number”:
 * the hyphen of a header joined from two (法人或其他组织-商业企业) where a narrow column broke it, no cell.
 */
function joiner(seg: Segment): boolean {
  const values = seg.tokens.filter(isValue), last = seg.labels[seg.labels.length - 1];
  return values.length === 1 && seg.tokens.length === 1 && /^[-－‐–—]$/.test(values[0].text) && last !== undefined && last.line === values[0].line;
}

/** A header inside a table: where it starts, and the columns it names, in the statute's order. */
interface Part { at: number; cols: string[] }

/** The columns a run of header words names, in the statute's order. */
function columnsIn(spec: TableSpec, labels: Token[]): string[] {
  const named = new Set(labels.map((l) => columnNamed(spec, normOf(l))));
  return spec.columns.filter((c) => named.has(c.key)).map((c) => c.key);
}

/**
 * A row found again with the rest of its numbers, joined in the statute's order of the columns; else undefined.
 * A table given in two parts by columns (自然人 in one, 法人或其他组织 and 总计 in the other, either first): the second
 * after its own header, which names as many columns as it gives the row numbers, the first's header (where it is
 * read) as many as the first gives, and the two all the row's columns, each once.
 */
function joined(row: RowSpec, seen: Draft, seg: Segment, part: Part): Token[] | undefined {
  const first = seen.tokens.find(isValue), have = valuesIn(seen.tokens);
  if (!first || part.at < first.start || part.cols.length !== valuesIn(seg.tokens)) return undefined;
  // The first part's columns: its header's; where the table's region began under it, those the second part's header leaves.
  const mine = seen.cols?.length === have ? seen.cols : row.columns.filter((c) => !part.cols.includes(c));
  if (mine.length !== have) return undefined;
  const all = new Set([...mine, ...part.cols]);
  if (all.size !== row.columns.length || mine.length + part.cols.length !== all.size || !row.columns.every((c) => all.has(c))) return undefined;
  return row.columns.indexOf(mine[0]) < row.columns.indexOf(part.cols[0]) ? [...seen.tokens, ...seg.tokens] : [...seg.tokens, ...seen.tokens];
}

/** A label that opens with a numbering (四、 （三） 3. 1、): a row's or group's first line. */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))/;

/**
 * How many labels a run opens with that are the tail of the label before it: those on its lines before
 * the first line opening with a numbering, when its first line does not; 0 when there is no such line.
 */
function tailOf(labels: Token[]): number {
  if (labels.length < 2 || NUMBERED.test(labels[0].text)) return 0;
  for (let k = 1; k < labels.length; k++) if (labels[k].line !== labels[k - 1].line && NUMBERED.test(labels[k].text)) return k;
  return 0;
}

/** Numbers that belong to no row found, and the words before them, if any: a label that names no row of the statute. */
interface Stray { tokens: Token[]; label?: string }

/** A segment's numbers as stray, with the words before them up to the last that name a row, group or column (a header word). */
function strayOf(spec: TableSpec, seg: Segment): Stray {
  let from = seg.labels.length;
  while (from > 0 && !namedIn(spec, [seg.labels[from - 1]]).length && columnNamed(spec, normOf(seg.labels[from - 1])) === null) from--;
  return { tokens: seg.tokens, label: seg.labels.slice(from).map((t) => t.text).join('') || undefined };
}

/**
 * A row as the aligner found it: its label, and the tokens after it up to the next row's label. `again`: the row
 * written a second time with other numbers (pasted twice), where it is; `cols`: the columns the header in force
 * where it was found names (a table given in two parts by columns).
 */
interface Draft { spec: RowSpec; labels: Token[]; tokens: Token[]; reading?: Reading; again?: Range; cols?: string[] }

/** Whether two runs hold the same numbers, written alike. */
const sameNumbers = (a: Token[], b: Token[]) => {
  const x = a.filter(isValue), y = b.filter(isValue);
  return x.length === y.length && x.every((t, i) => t.text === y[i].text);
};

/** A label run that reads as prose (a sentence ending in 。) ends a table whose rows have begun. */
const isProse = (labels: Token[]) => labels.some((t) => t.text.length > 8 && t.text.includes('。'));

/**
 * A sentence among a table's rows as a label (a remark, a note, a label with a sentence after it): it names what its
 * words before the first clause mark name, and of those the first row only (（二）部分公开，上年结转的2件…: 部分公开).
 */
function asSentence(spec: TableSpec, t: Token): Token {
  const s: Token = t.sentence ? { ...t } : { ...t, norm: sentenceNorm(t.text), sentence: true };
  const rows = namedIn(spec, [s]).filter((n) => !n.row.isGroup).sort((a, b) => a.at - b.at);
  const second = rows.find((n) => n.row !== rows[0].row);
  if (second) s.norm = normOf(s).slice(0, second.at);
  return s;
}

/** Whether the i-th segment's words but prose, or a segment's after it, name a row not found yet (not by a bare word alone), with as many numbers as it has columns. */
function rowFollows(spec: TableSpec, segs: Segment[], i: number, found: Map<string, Draft>): boolean {
  for (let j = i; j < segs.length; j++) {
    const s = segs[j], labels = s.labels.filter((l) => !isProse([l]));
    for (const { row } of namedIn(spec, labels)) {
      if (!row.isGroup && !found.has(row.key) && !row.match.every(isShort) && valuesIn(s.tokens) >= row.columns.length) return true;
    }
  }
  return false;
}

/** The range from the first token to the last (of the first list, to the last of the second, if any). */
function spanOf(idx: LineIndex, tokens: Token[], more: Token[] = []): Range {
  return idx.range(tokens[0].start, (more.length ? more : tokens)[(more.length ? more : tokens).length - 1].end);
}

function alignedRows(drafts: Draft[]): Aligned[] {
  const rows: Aligned[] = [];
  for (const d of drafts) {
    const values = d.tokens.filter(isValue);
    if (values.length === d.spec.columns.length && values.every((v) => v.line === values[0].line && v.x >= 0)) rows.push({ line: values[0].line, columns: d.spec.columns, values });
  }
  return rows;
}


/** The rows a table of the format has that hold numbers, in order. */
const dataRows = perTableSpec((spec) => spec.rows.filter((r) => !r.isGroup));

/** A row's cells as slots, once per row of the format (made for each table, an in-process check takes ~3% longer; npm run bench). */
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
  const pending = new Map<string, Draft>(); // rows whose label was seen without numbers after it (with the labels of its run)
  const groups = new Set<string>();
  const strays: Stray[] = [], late: Stray[] = [];
  const wordsBefore = new Map<Token, string | undefined>(); // rows of numbers given to the row before, and the words that named no row before them
  const rows = dataRows(spec), lastRow = rows[rows.length - 1];
  let current: Draft | undefined;
  const headerLabels: Token[] = [];
  let done = -1; // the run at which the last row had its numbers: from there on, only rows not yet found are read
  let borrowed: RowSpec | undefined; // a row named by this run's labels together with the next run's
  let tail = 0; // how many of the next run's labels that are: the row's (the next run is named without them)
  let part: Part | undefined; // the last header seen inside the table
  let tableCols: string[] | undefined; // the columns the table's header names
  const segs = segments(tokens.map((t) => t.sentence ? asSentence(spec, t) : t));
  const serials = numbered(spec, segs);
  for (let i = 0; i < segs.length; i++) {
    let seg = segs[i];
    if (current && isProse(seg.labels)) {
      // Prose ends the table, unless a row not found yet follows with its numbers: a sentence among the rows (a note
      // typed as a row across the table, a remark cell), whose words are no row's label.
      if (!rowFollows(spec, segs, i, byKey)) break;
      seg = { labels: seg.labels.map((l) => isProse([l]) ? asSentence(spec, l) : l), tokens: seg.tokens };
    }
    let hasValues = seg.tokens.some(isValue);
    const labels = tail ? seg.labels.slice(tail) : seg.labels;
    const found = namedIn(spec, labels);
    let named = rowsNamed(spec, found, labels, hasValues, groups, current);
    if (borrowed) named = named.filter((r) => r !== borrowed);
    // A serial is one number too many: the only one after header words, or one more than the row's columns.
    const serial = serials ? serialAt(spec, seg, segs[i + 1]) : -1;
    if (serial >= 0 && valuesIn(seg.tokens) === (named.length ? named[named.length - 1].columns.length : 0) + 1) {
      seg.tokens.splice(serial, 1);
      hasValues = seg.tokens.some(isValue);
    }
    borrowed = undefined;
    tail = 0;
    // A label wrapped around its row's numbers (“5.要求行政机关确认或重新出”, the numbers, “具已获取信息”):
    // the row is named by this run and the next together, by a word that spans them (not a bare 其他
    // that ends a header repeated after a page break, before the numbers of a row the page cut).
    if (named.length === 0 && hasValues && i + 1 < segs.length) {
      // By the same rules as any run (总计 in the header words before it names no row). Where the next run's
      // lines go on to one opening with a numbering, the lines before it are this label's tail (its numbers
      // on its first line, a narrow PDF column: “2.其他法律行政法 0 0 …” / “规禁止公开” / “3.危及…”).
      const next = segs[i + 1].labels, wrapped = tailOf(next);
      const alone = namedIn(spec, wrapped ? next.slice(wrapped) : next).map((n) => n.row);
      const both = rowsNamed(spec, namedIn(spec, [...labels, ...(wrapped ? next.slice(0, wrapped) : next)]), [], true, new Set(groups), current);
      // (A bare 其他 or 总计 only from a proven tail: 3.其 / 他, not from a header's last word.)
      borrowed = both.find((r) => (wrapped > 0 || !r.match.every(isShort)) && !alone.includes(r) && !byKey.has(r.key));
      if (borrowed) { named = [borrowed]; tail = wrapped; }
    }
    if (done >= 0 && !named.some((r) => !byKey.has(r.key))) {
      // A whole row of numbers after the last row, under words that name no row not yet found: nothing, unless rows are
      // missing at the end (rows in another order: the words of 3.其他 name it only after （六）其他处理).
      if (named.length === 0 && valuesIn(seg.tokens) === lastRow.columns.length) late.push(strayOf(spec, seg));
      // A row short of numbers, its label again after the last row with more (a row cut where a page broke it): its
      // second part where the two add up, as inside the table; else the row written twice (said, neither part read).
      const seen = named.length ? byKey.get(named[named.length - 1].key) : undefined;
      if (seen && hasValues && valuesIn(seen.tokens) < seen.spec.columns.length) {
        if (halvesJoin(spec, seen.spec, seen.tokens, seg.tokens)) seen.tokens = [...seen.tokens, ...seg.tokens];
        else if (!sameNumbers(seen.tokens, seg.tokens)) seen.again ??= spanOf(idx, seg.labels, seg.tokens);
      } else if (seen?.spec === lastRow && i === done + 1 && valuesIn(seg.tokens) === lastRow.columns.length && !sameNumbers(seen.tokens, seg.tokens)) {
        // The last row again right under it, all its numbers other ones (a row pasted twice): said, as inside the table.
        seen.again ??= spanOf(idx, seg.labels, seg.tokens);
      }
      continue;
    }
    // A remark that names a row (a 备注 cell: “上年结转6件均已办结”, “其中予以公开3件”) is no row: words in a cell
    // of their own after a whole row's numbers, the last on its line (a tab or pipe row stands on a line of its own).
    if (named.length && current && besideRow(current, seg, segs[i + 1])) continue;
    if (named.length === 0) {
      if (!current) for (const l of seg.labels) headerLabels.push(l);
      // A header inside the table: the columns a second part of it holds (a table 3 given as two tables, 自然人 | 法人或其他组织).
      else if (!hasValues) part = { at: seg.labels[0].start, cols: columnsIn(spec, seg.labels) };
      if (!hasValues) continue;
      // Numbers after a group label (（三）不予公开 9 1 0 …): a subtotal drafts add, not the statute's —
      // unless words the reader cannot name stand between them (（四）无法提供 1.不掌卧…: a row it cannot read).
      const group = found[found.length - 1]?.row;
      if (group?.isGroup && group.match.some((k) => normOf(seg.labels[seg.labels.length - 1]).endsWith(k))) continue;
      if (!current) { if (!countsUp(seg.tokens) && !joiner(seg)) strays.push(strayOf(spec, seg)); continue; }
      const n = current.spec.columns.length, have = valuesIn(current.tokens);
      const last = current.tokens.filter(isValue).pop();
      // On the line of the row's numbers, words the reader cannot name are a row of their own it cannot
      // read (the rows of a web page's text run on one line): never more of this row's numbers.
      const sameLine = last !== undefined && seg.labels[0].line === last.line;
      // The rest of the row's numbers, after a label's wrapped tail or a page's header.
      if (have < n && !sameLine) current.tokens.push(...seg.tokens);
      else if (have < n) strays.push(strayOf(spec, seg));
      // A remark beside the row (a 备注 column: “其中网上申请79件”): in a cell of its own at the end of the
      // row's line, or on a line of its own after it, words with a number run into them, fewer digits
      // than a row has numbers. (In text without cells, words after a row's numbers may be the next row's label.)
      else if (last && ((sameLine && seg.labels[0].cell >= 0 && segs[i + 1]?.labels[0].line !== last.line) || isRemark(seg, n))) continue;
      // A row of the part of the row above (其中：网上申请, a line a drafter adds under 本年新收): no row of the statute's.
      else if (!sameLine && partOf(current, seg)) continue;
      // Whole rows of numbers: rows whose labels a converter put elsewhere (see overflow).
      else if (n > 1 && valuesIn(seg.tokens) % n === 0) {
        current.tokens.push(...seg.tokens);
        wordsBefore.set(seg.tokens.find(isValue)!, strayOf(spec, seg).label);
      }
      else strays.push(strayOf(spec, seg));
      continue;
    }
    const row = named[named.length - 1];
    for (let k = 0; k + 1 < named.length; k++) if (!byKey.has(named[k].key)) pending.set(named[k].key, { spec: named[k], labels: seg.labels, tokens: [] });
    const seen = byKey.get(row.key);
    // Header words on the lines before the row's label (a header run into the first row under it).
    const before = seg.labels.filter((l) => l.line < seg.labels[seg.labels.length - 1].line), cols = columnsIn(spec, before);
    if (cols.length) part = { at: before[0].start, cols };
    // The row again in a second part of the table that holds the columns the first part has not, after its own header.
    const both = seen && part && hasValues ? joined(row, seen, seg, part) : undefined;
    if (seen && both) { seen.tokens = both; seen.cols = undefined; current = seen; continue; }
    if (seen) {
      // A row found twice (repeated after a page break): the one with numbers; the other's are dropped.
      if (!seen.tokens.some(isValue) && hasValues) { seen.labels = seg.labels; seen.tokens = seg.tokens; current = seen; }
      else if (hasValues && halvesJoin(spec, row, seen.tokens, seg.tokens)) { seen.tokens = [...seen.tokens, ...seg.tokens]; current = seen; }
      else {
        // Twice with other numbers (a row pasted again): neither is taken for the row, and that is said.
        if (hasValues && !sameNumbers(seen.tokens, seg.tokens)) seen.again ??= spanOf(idx, seg.labels, seg.tokens);
        current = { spec: row, labels: seg.labels, tokens: [] };
      }
      continue;
    }
    current = { spec: row, labels: seg.labels, tokens: seg.tokens, cols: part?.cols ?? (tableCols ??= columnsIn(spec, headerLabels)) };
    pending.delete(row.key);
    drafts.push(current);
    byKey.set(row.key, current);
    if (row === lastRow && valuesIn(current.tokens) >= row.columns.length) done = i;
  }
  if (drafts.length === 0) return -1;

  // A row with whole rows of numbers too many, where rows were seen by their labels alone (a
  // converter that pulled labels away from their numbers): the extra numbers are those rows'.
  for (const d of [...drafts]) {
    const extra = overflow(d);
    if (!extra) continue;
    let next = rows.indexOf(d.spec);
    // More rows of numbers than rows left to name after it, and rows named before it without numbers:
    // labels and numbers came apart some other way (all the labels, then all the numbers, row by row or
    // column by column: a PDF's text), and the row's first numbers are no more its own than the rest.
    const after = rows.slice(next + 1).filter((r) => pending.has(r.key)).length;
    if (extra.length > after && pending.size > after) {
      strays.push({ tokens: d.tokens }, ...extra.map((chunk) => ({ tokens: chunk, label: wordsBefore.get(chunk[0]) })));
      drafts.splice(drafts.indexOf(d), 1);
      byKey.delete(d.spec.key);
      continue;
    }
    for (const chunk of extra) {
      while (++next < rows.length && !pending.has(rows[next].key));
      if (next >= rows.length) { strays.push({ tokens: chunk, label: wordsBefore.get(chunk[0]) }); continue; }
      const orphan: Draft = { spec: rows[next], labels: d.labels, tokens: chunk };
      pending.delete(orphan.spec.key);
      drafts.push(orphan);
      byKey.set(orphan.spec.key, orphan);
    }
  }
  // Rows missing, and rows of numbers after the last row whose words named none: they may be those rows (in another
  // order), which the reader cannot tell. Said as numbers astray (table-unreadable), not rows missing.
  if (late.length && rows.some((r) => !byKey.has(r.key) && !pending.has(r.key))) strays.push(...late);
  // A row whose label stands without a number, with no number astray in the table: a row left blank
  // (where the text shows no empty cells: space-aligned, a PDF's text), not a row missing.
  if (strays.length === 0) drafts.push(...pending.values());

  let header = headerColumns(spec, headerLabels.length ? headerLabels : tokens.filter((t) => t.kind === Kind.Label));
  let aligned: Aligned[] | undefined;
  let tabRows: TabRows | undefined;
  const choices: Choice[] = [];
  const order = headerOrder(spec, tokens, drafts);
  if (!order && repeatsTotal(spec, header, drafts)) header = { ...header, repeat: true };
  if (order === 'misaligned') {
    // Its words' cells, from the first to the last: the header the reader cannot follow, said so (never a total blamed on the author).
    const words = tokens.slice(0, tokens.findIndex(isValue)).filter((t) => t.kind === Kind.Label && t.cell >= 0 && columnNamed(spec, normOf(t)) !== null);
    table.problems.push({ kind: 'unreadable', row: undefined, range: spanOf(idx, words), found: 0, expected: 0, cause: 'header' });
    let end = -1;
    for (const d of drafts) end = Math.max(end, (d.tokens[d.tokens.length - 1] ?? d.labels[d.labels.length - 1]).end);
    return end;
  }
  for (const d of drafts) {
    const slots = order ? inOrder(slotsOf(d.spec), order) : slotsOf(d.spec);
    if (d.again) {
      table.rows[d.spec.key] ??= { key: d.spec.key, cells: {} };
      table.problems.push({ kind: 'too-many', row: d.spec.key, range: spanOf(idx, d.labels, d.tokens), found: 2 * slots.length, expected: slots.length, cause: 'twice', again: d.again });
      continue;
    }
    if (valuesIn(d.tokens) < slots.length) {
      const trimmed = withTrimmedTail(idx, d, (tabRows ??= tabRowsOf(idx, drafts, tokens)));
      if (trimmed) { readInto(idx, spec, table, slots, trimmed, header, () => spanOf(idx, d.labels, d.tokens), choices); continue; }
    }
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
  for (const s of strays) table.problems.push({ kind: 'stray', row: undefined, range: spanOf(idx, s.tokens), found: valuesIn(s.tokens), expected: 0, ...(s.label ? { label: s.label } : {}) });
  // With numbers astray, a row short of numbers may have lost them to the reader, not the author.
  if (strays.length) for (const p of table.problems) if (p.kind === 'too-few') { p.kind = 'unreadable'; p.cause = 'short'; }
  choose(idx, spec, table, choices);
  let end = -1;
  for (const d of drafts) end = Math.max(end, (d.tokens[d.tokens.length - 1] ?? d.labels[d.labels.length - 1]).end);
  for (const s of strays) end = Math.max(end, s.tokens[s.tokens.length - 1].end);
  return end;
}

/**
 * The order a tab or pipe table's header gives its columns, where it is not the statute's (总计 first,
 * 其他 before 法律服务机构): column key → its header cell, when each column's header word has a cell of its
 * own and those are the very cells a row with all its numbers has them in (a merged header's rows
 * converted with fewer tabs put their words in cells that do not line up: no order is read from them).
 * 'misaligned': a header whose order no table has and the numbers do not prove either (below).
 */
function headerOrder(spec: TableSpec, tokens: Token[], drafts: Draft[]): Map<string, number> | 'misaligned' | undefined {
  // The header's words: the labels before the first number (a header over several lines is several runs).
  const first = tokens.findIndex(isValue);
  const header = headerColumns(spec, tokens.slice(0, first < 0 ? 0 : first).filter((t) => t.kind === Kind.Label && t.cell >= 0));
  const cols = spec.columns.map((c) => c.key), cells = cols.map((k) => header.cells.get(k) ?? -1);
  const broken = (keys: string[]) => drafts.filter((d) => d.spec.columns.length === cols.length && rowBreaks(spec, d, keys)).length;
  // No cells to go by (one cell a line, aligned text) or cells that do not line up: the order the header's words give
  // (table 3's, under its merged header), where the rows' totals hold in it no worse than in the statute's (总计 first:
  // the header says so and the numbers agree; 其他 before 法律服务机构: no total tells, the header does).
  const byWords = () => {
    const said = spec.columns.some((c) => c.under !== undefined) ? wordOrder(spec, tokens.slice(0, first < 0 ? 0 : first)) : undefined;
    if (!said) return undefined;
    const fewer = broken(said.order) - broken(cols);
    return fewer < 0 || fewer === 0 && said.told ? new Map(said.order.map((k, i) => [k, i])) : undefined;
  };
  if (cells.some((c) => c < 0)) return byWords();
  if (cells.every((c, i) => i === 0 || c > cells[i - 1])) return undefined;
  const full = drafts.find((d) => d.spec.columns.length === cols.length && valuesIn(d.tokens) === cols.length);
  const got = full?.tokens.filter(isValue).map((t) => t.cell);
  if (!got || [...cells].sort((a, b) => a - b).some((c, i) => c !== got[i])) return byWords();
  const order = new Map(cols.map((k, i) => [k, cells[i]]));
  // A header that lost its merges (colspan dropped, rowspan kept: a site's editor, a copy and paste) is shifted
  // against the numbers, as a browser shows it too: 总计 among the 法人或其他组织 columns. Where the row totals
  // break in its order and hold, every row, in the statute's, the header is only malformed: the statute's order.
  const ranked = [...cols].sort((a, b) => order.get(a)! - order.get(b)!);
  const statute = broken(cols) === 0;
  if (standsTogether(spec, ranked)) return statute && broken(ranked) > 0 ? undefined : order;
  // A header whose order no table has (a merged cell's columns apart): the statute's, where it fits; else it cannot say which number is whose.
  return statute ? undefined : 'misaligned';
}

/**
 * The columns in the order a header's words name them, read as a merged header reads (自然人 | 法人或其他组织 | 总计
 * on one row, the five under 法人或其他组织 on the next): the columns not under a merged cell, and the merged cell
 * (where its word stands, else where its first column's does) in the order of their words, each merged cell's
 * columns in theirs. Undefined where a column is not named, or where that is the statute's order. `told`: the words
 * tell where 总计 stands. It spans the header's rows and stands on the first, beside 申请人情况, before the other
 * columns' words on the lines below, wherever it is; only a line holding it and another column's word tells their
 * order. An order that moves 总计 without such a line is taken only where the row totals hold better in it.
 */
function wordOrder(spec: TableSpec, words: Token[]): { order: string[]; told: boolean } | undefined {
  const at = new Map<string, number>();
  const both = sumBesideTotal(spec, words);
  const named = (norm: string) => both && norm === '合计' ? null : columnNamed(spec, norm) ?? (spec.columns.some((c) => c.under === norm) ? norm : null);
  words.forEach((t, i) => {
    if (t.kind !== Kind.Label) return;
    // A header's word over two lines of its cell (科研 / 机构) is two words.
    const next = words[i + 1]?.kind === Kind.Label ? normOf(words[i + 1]) : '';
    const key = named(normOf(t)) ?? (next ? named(normOf(t) + next) : null);
    if (key !== null && !at.has(key)) at.set(key, i);
  });
  const cols = spec.columns.map((c) => c.key);
  if (cols.some((k) => !at.has(k))) return undefined;
  const groupAt = new Map<string, number>();
  for (const c of spec.columns) if (c.under !== undefined) groupAt.set(c.under, Math.min(groupAt.get(c.under) ?? Infinity, at.get(c.under) ?? at.get(c.key)!));
  const place = (k: string) => { const under = spec.columns.find((c) => c.key === k)!.under; return under === undefined ? at.get(k)! : groupAt.get(under)!; };
  const order = [...cols].sort((a, b) => place(a) - place(b) || at.get(a)! - at.get(b)!);
  if (order.every((k, i) => k === cols[i])) return undefined;
  const total = spec.identities.find((i) => i.per === 'row')?.total;
  const told = cols.every((a, i) => cols.slice(i + 1).every((b) =>
    order.indexOf(a) < order.indexOf(b) || a !== total && b !== total || words[place(a)].line === words[place(b)].line));
  return { order, told };
}

/** Whether the columns under a merged header cell (法人或其他组织) stand side by side in the order `keys`. */
function standsTogether(spec: TableSpec, keys: string[]): boolean {
  const under = new Map(spec.columns.map((c) => [c.key, c.under]));
  const seen = new Set<string>();
  return keys.every((k, i) => {
    const group = under.get(k);
    if (group === undefined || under.get(keys[i - 1]) === group) return true;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

/**
 * Whether a row with all its numbers, plain counts, read in the order `keys`, breaks the table's identity
 * within a row (总计 = the others added up); false where the row cannot say (numbers missing, not counts).
 */
function rowBreaks(spec: TableSpec, d: Draft, keys: string[]): boolean {
  const id = spec.identities.find((i) => i.per === 'row');
  const values = d.tokens.filter(isValue).map((t) => plainCount(t.text));
  if (!id || values.length !== keys.length || values.some((v) => v === undefined)) return false;
  let sum = 0, total = 0;
  keys.forEach((k, i) => { if (id.sum.includes(k)) total += values[i]!; else if (id.equals.includes(k)) sum += values[i]!; });
  return sum !== total;
}

/**
 * Whether the one column a header adds is 合计 beside 总计, a word of its top row (columns.ts sumOnTop: not a column
 * before 自然人, not the five kinds' subtotal), that repeats each row's total right after it: every row with a number
 * too many has its last two numbers the same and adds up without the last, but one at most (a typo: where its last two
 * differ, which is 总计 the text cannot tell, and that row alone is said unreadable), and one row at least. For text
 * where nothing places the column (one cell a line, a PDF's text, cells that do not line up): the numbers show it.
 */
function repeatsTotal(spec: TableSpec, header: Columns, drafts: Draft[]): boolean {
  if (spec.key !== 't3' || header.added !== 1 || !header.sumOnTop) return false;
  const cols = spec.columns.map((c) => c.key), n = cols.length;
  let shown = 0, odd = 0;
  for (const d of drafts) {
    const values = d.tokens.filter(isValue);
    if (values.length <= n) continue;
    if (values.length === n + 1 && values[n].text === values[n - 1].text && !rowBreaks(spec, { ...d, tokens: d.tokens.filter((t) => t !== values[n]) }, cols)) shown++;
    else odd++;
  }
  return shown > 0 && odd <= 1;
}

/**
 * Whether a row written twice, each time short of numbers, is one row in two parts (its first numbers, then the
 * rest under its label again: a row cut where a page or a paste broke it): together they are exactly the row's
 * numbers, all counts, and the row's identity (总计 = the others added up) holds with them so, the first part first.
 */
function halvesJoin(spec: TableSpec, row: RowSpec, first: Token[], second: Token[]): boolean {
  const n = row.columns.length, a = valuesIn(first), b = valuesIn(second);
  if (a === 0 || b === 0 || a + b !== n) return false;
  const id = spec.identities.find((i) => i.per === 'row' && (!i.rows || i.rows.includes(row.key)));
  if (!id || !row.columns.every((c) => id.sum.includes(c) || id.equals.includes(c))) return false;
  const values = [...first, ...second].filter(isValue).map((t) => plainCount(t.text));
  if (values.some((v) => v === undefined)) return false;
  let sum = 0, total = 0;
  row.columns.forEach((c, i) => { if (id.sum.includes(c)) total += values[i]!; else sum += values[i]!; });
  return sum === total;
}

/** Slot lists put in a header's order (fill keeps their cells in the statute's order all the same). */
const REORDERED = new WeakSet<Slot[]>();
function inOrder(slots: Slot[], order: Map<string, number>): Slot[] {
  const out = [...slots].sort((a, b) => order.get(a.col)! - order.get(b.col)!);
  REORDERED.add(out);
  return out;
}

/** A draft's row on one tab-cut line, with its label on that line: the cell of its last label, and its tokens' cells; else undefined. */
function tabRow(idx: LineIndex, d: Draft): { label: number; tokens: Token[] } | undefined {
  const line = d.tokens.find(isValue)?.line;
  if (line === undefined || d.tokens.some((t) => t.line !== line || t.cell < 0)) return undefined;
  const text = idx.lineText(line);
  if (text.indexOf('\t') < 0 || /[|｜]/.test(text)) return undefined;
  let label = -1;
  for (const l of d.labels) if (l.line === line) label = Math.max(label, l.cell);
  return label >= 0 ? { label, tokens: d.tokens } : undefined;
}

/**
 * What a table pasted with tabs shows of its rows' cells. `firsts`: the cell each row's first number
 * stands in, by the cell of the row's label (rows with a merged label cell, 一、本年新收… over two
 * columns, have one empty cell more before their numbers than rows under a group label), read from
 * the rows with all their numbers; -1 where such rows disagree. `trimmed`: no line of the table ends
 * with a blank, so trailing tabs may have been trimmed (where one does, they were not).
 */
interface TabRows { firsts: Map<number, number>; trimmed: boolean }
function tabRowsOf(idx: LineIndex, drafts: Draft[], tokens: Token[]): TabRows {
  const firsts = new Map<number, number>();
  for (const d of drafts) {
    const row = valuesIn(d.tokens) === d.spec.columns.length ? tabRow(idx, d) : undefined;
    if (!row) continue;
    const first = row.tokens.find(isValue)!.cell, known = firsts.get(row.label);
    firsts.set(row.label, known === undefined || known === first ? first : -1);
  }
  let trimmed = true;
  for (let l = tokens[0].line; trimmed && l <= tokens[tokens.length - 1].line; l++) {
    const line = idx.lineText(l);
    if (/[\t \u3000]$/.test(line)) trimmed = false;
  }
  return { firsts, trimmed };
}

/**
 * A tab row whose last cells are blank and whose trailing tabs an editor trimmed (VS Code's
 * files.trimTrailingWhitespace, an OA system's text box): the line ends before the row's last column,
 * so aligned from the right its numbers would shift one column left. Where the full rows with their
 * label in the same cell prove which cell the first column is, the row's cells are read from there:
 * the empty cells before it are traces of merged cells, and the columns past the line's end are the
 * blank ones trimmed. Undefined where the row is not such a one.
 */
function withTrimmedTail(idx: LineIndex, d: Draft, { firsts, trimmed }: TabRows): Token[] | undefined {
  const row = tabRow(idx, d);
  if (!row) return undefined;
  const n = d.spec.columns.length, first = firsts.get(row.label) ?? -1;
  if (first < 0) {
    // Unproven, in a text that may have been trimmed: a row that ends at a number and can fill its columns
    // only with the empty cells before its numbers may be either; without those cells it is a row short
    // of numbers, never one shifted.
    const lead = row.tokens.findIndex(isValue);
    return trimmed && lead > 0 && row.tokens.length - lead < n && isValue(row.tokens[row.tokens.length - 1]) ? row.tokens.slice(lead) : undefined;
  }
  const last = first + n - 1;
  const byCell = new Map<number, Token>();
  for (const t of row.tokens) {
    if (byCell.has(t.cell) || (t.cell < first && t.kind !== Kind.Blank)) return undefined; // two tokens in a cell, or a number before the first column
    byCell.set(t.cell, t);
  }
  const end = row.tokens[row.tokens.length - 1];
  if (end.cell >= last || !isValue(end)) return undefined; // not trimmed (a trimmed line ends with text): the other readings place it
  if (last - end.cell > valuesIn(row.tokens)) return undefined; // more cells to come than numbers written: a row half typed, short of numbers
  const out: Token[] = [];
  for (let c = first; c <= last; c++) {
    const t = byCell.get(c);
    if (c <= end.cell && !t) return undefined;
    out.push(t ?? { kind: Kind.Blank, text: '', start: end.end, end: end.end, line: end.line, x: -1, xEnd: -1, c: -1, cell: c, norm: undefined });
  }
  return out;
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


/** A row (or table 4's one row of fifteen) that can be read in several ways. */
interface Choice { slots: Slot[]; readings: Token[][]; inferred: boolean; unique?: boolean; cause?: 'broken'; range?: () => Range }

/** Writes `tokens` into the slots' cells; each row's cells are kept in the statute's column order (eachCell reads them so). */
function fill(idx: LineIndex, spec: TableSpec, table: Table, slots: Slot[], tokens: Token[], inferred: boolean) {
  let row: TableRow | undefined;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    if (row?.key !== s.row) row = table.rows[s.row] ??= { key: s.row, cells: {} };
    row.cells[s.col] = toCell(idx, tokens[i], inferred && tokens[i].kind === Kind.Value);
  }
  if (spec.key !== 't4' && !REORDERED.has(slots)) return; // a row's own slots come in its columns' order; table 4's in its header's
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
    // A blank placed only where the identities, all holding, leave one place for it; else the row is short, as written.
    if (choice.unique && (!searched || fewest > 0 || left.length !== 1)) {
      for (const s of choice.slots) table.rows[s.row].cells = {};
      const n = choice.slots.length;
      table.problems.push({ kind: 'too-few', row: choice.slots[0].row, range: choice.range!(), found: n - 1, expected: n });
      return;
    }
    if (choice.inferred && (!searched || fewest > 0)) left = options[i].map((_, r) => r);
    else if (!searched) left = [0];
    set(i, left[0]);
    if (left.length < 2 || !choice.inferred) return;
    for (const row in options[i][0]) {
      const readings = left.map((r) => options[i][r][row]);
      if (readings.some((cells) => !sameValues(cells, readings[0]))) setAmbiguous(idx, table, row, readings, choice.cause);
    }
  });
}

const sameValues = (a: Record<string, Cell>, b: Record<string, Cell>) => {
  for (const col in a) if (a[col].value !== b[col]?.value) return false;
  return true;
};

/** Marks the cells on which a row's readings disagree as ambiguous, and records the readings. */
function setAmbiguous(idx: LineIndex, table: Table, row: string, readings: Record<string, Cell>[], cause?: 'broken') {
  const cells: Record<string, Cell> = {};
  for (const col in readings[0]) {
    const first = readings[0][col];
    const same = readings.every((r) => r[col].value === first.value && r[col].range.start.character === first.range.start.character);
    cells[col] = same ? first : ambiguousAt(idx, readings, col);
  }
  table.rows[row].cells = cells;
  const all = Object.values(readings[0]);
  table.problems.push({ kind: 'ambiguous', row, range: { start: all[0].range.start, end: all[all.length - 1].range.end }, found: readings.length, expected: 1, readings, ...(cause ? { cause } : {}) });
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
  if (reading.readings.length > 1 || reading.unique) choices.push({ slots, ...reading, range });
}

// ---- table 4 -------------------------------------------------------------------------------

/** Table 4's fifteen cells in the order its header gives them (the statute's, unless the header clearly says another). */
const table4Slots = perRun((spec, texts): Slot[] => {
  const joined = texts.join('');
  return blockSlots(spec, blocksNamed(spec, joined) ?? spec.rows, joined);
});

/** Table 4's three blocks in the order a joined header names them (复议后起诉 before 未经复议直接起诉), when it names each; else undefined. */
function blocksNamed(spec: TableSpec, joined: string): RowSpec[] | undefined {
  const at = new Map<RowSpec, number>();
  for (const row of spec.rows) {
    let first = -1;
    for (const m of row.match) { const i = joined.indexOf(m); if (i >= 0 && (first < 0 || i < first)) first = i; }
    if (first < 0) return undefined;
    at.set(row, first);
  }
  return [...spec.rows].sort((a, b) => at.get(a)! - at.get(b)!);
}

/** The cells of `blocks`, in the order the joined header names their columns (the statute's, unless it clearly says another). */
function blockSlots(spec: TableSpec, blocks: readonly RowSpec[], joined: string): Slot[] {
  const statutory = blocks.flatMap(slotsOf);
  const order = columnsNamed(spec, joined);
  if (order.length !== statutory.length) return statutory;
  const per = spec.columns.length;
  const slots = order.map((col, i) => ({ row: blocks[Math.floor(i / per)].key, col }));
  // Each block must name each of its columns once.
  for (let b = 0; b < blocks.length; b++) if (new Set(order.slice(b * per, b * per + per)).size !== per) return statutory;
  return slots;
}

/** The columns a joined header names, in its order. */
function columnsNamed(spec: TableSpec, joined: string): string[] {
  const order: string[] = [];
  for (let i = 0; i < joined.length;) {
    const c = spec.columns.find((col) => col.match.some((m) => joined.startsWith(m, i)));
    if (!c) { i++; continue; }
    order.push(c.key);
    i += c.match.find((m) => joined.startsWith(m, i))!.length;
  }
  return order;
}

/** A group of table 4's cells, under the header that names its blocks. */
interface Group { slots: Slot[]; header: Token[]; tokens: Token[] }

/**
 * Table 4 written as two or three tables, each under a header of its own (行政复议 | 行政诉讼, a Word
 * table per block): the numbers come in groups, each after the header words that name its blocks.
 * Each group's cells, when every block is named by one group only and each group has five numbers
 * (or blanks) per block it names; else undefined, and the numbers among header words stay unread.
 * A table 4 without a number is read so too, one table or several (its rows' empty cells, blankRow).
 */
function groupsOf(spec: TableSpec, segs: Segment[]): Group[] | undefined {
  const groups: Group[] = [];
  const seen = new Set<string>();
  const blank = segs.every((s) => valuesIn(s.tokens) === 0);
  let header: Token[] = [];
  for (const s of segs) {
    if (isProse(s.labels)) break;
    for (const l of s.labels) header.push(l);
    // Blanks on a line without numbers are the traces of header cells merged down, not cells.
    const lines = new Set(s.tokens.filter(isValue).map((t) => t.line));
    let cells = blank ? blankRow(spec, s) : s.tokens.filter((t) => t.kind === Kind.Value || (t.kind === Kind.Blank && lines.has(t.line)));
    if (cells.length === 0) continue;
    const blocks = namedIn(spec, header).map((n) => n.row).filter((r, i, all) => !r.isGroup && all.indexOf(r) === i);
    if (blank) cells = withoutAdded(cells, blocks.length * spec.columns.length, header);
    if (blocks.length === 0 || blocks.some((b) => seen.has(b.key)) || cells.length !== blocks.length * spec.columns.length) return undefined;
    for (const b of blocks) seen.add(b.key);
    groups.push({ slots: blockSlots(spec, blocks, joinedNorm(header)), header, tokens: cells });
    header = [];
    if (seen.size === spec.rows.length) return groups;
  }
  return undefined;
}

/**
 * A row of table 4 left empty, after its header: the empty cells the text proves (a web page's
 * cells of &nbsp;, a row of tabs, ||, an empty grid cell, a line holding only its indentation)
 * after a column's header word (总计), on lines of their own — of several such rows of tabs or
 * pipes the last (the others are the traces of header cells merged down). None after a block's
 * name (the corner a merged header leaves) or in a space-aligned table or a PDF's text (no blanks).
 */
function blankRow(spec: TableSpec, s: Segment): Token[] {
  const last = s.labels[s.labels.length - 1];
  if (!last || columnNamed(spec, normOf(last)) === null) return [];
  const cells = s.tokens.filter((t) => t.line !== last.line);
  const line = cells[cells.length - 1]?.line;
  const several = cells.some((t, i) => t.line === cells[i - 1]?.line);
  return several ? cells.filter((t) => t.line === line) : cells;
}

/** Whether a header holds `word` as one of its words (序号, 备注: columns a drafter adds). */
const names = (header: Token[], word: string) => header.some((t) => normOf(t) === word);

/**
 * A row's cells without those of the columns a drafter adds, when the header names them and the row
 * has a cell more for each: a 序号 column's “1” first (the empty cells before it are traces of the
 * header's, not the row's) or its empty cell; a 备注 column's empty cell last.
 */
function withoutAdded(cells: Token[], n: number, header: Token[]): Token[] {
  let from = 0, to = cells.length;
  if (names(header, '序号')) {
    const serial = cells.findIndex(isValue);
    if (serial >= 0 && cells[serial].text === '1' && to - serial - 1 >= n) from = serial + 1;
    else if (to > n && cells[0].kind === Kind.Blank) from = 1;
  }
  if (to - from > n && names(header, '备注') && cells[to - 1].kind === Kind.Blank) {
    to--;
    // And a blank first, one too many: the trace the 备注 header's merged cell leaves at the end of the
    // header's last row, when each cell has a line of its own (the row's own first blank is the next).
    if (to - from === n + 1 && cells[from].kind === Kind.Blank) from++;
  }
  return to - from === n ? cells.slice(from, to) : cells;
}

/**
 * Table 4's row without a grand total a drafter adds after its fifteen cells (a 合计 column): when the header
 * has one 合计 besides the blocks' three 总计, and the last number is the blocks' totals added up; else the
 * row as it is (合计 may be the blocks' own total column, reworded).
 */
function withoutGrandTotal(data: Token[], slots: Slot[], header: Token[]): Token[] {
  const values = data.filter(isValue), last = values[values.length - 1];
  const count = (word: string) => header.filter((t) => normOf(t) === word).length;
  if (values.length !== slots.length + 1 || count('合计') !== 1 || count('总计') !== 3) return data;
  let sum = 0;
  slots.forEach((s, i) => { if (s.col === 'total') sum += Number(values[i].text); });
  return Number(last.text) === sum ? data.filter((t) => t !== last) : data;
}

/** Whether tokens[i] is a “1” alone on its line. */
const isLoneOne = (tokens: Token[], i: number) =>
  tokens[i].text === '1' && tokens[i - 1]?.line !== tokens[i].line && tokens[i + 1]?.line !== tokens[i].line;

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
  const blockOf = (s: Segment) => namedIn(spec, s.labels).at(-1)?.row;
  const columnOf = (s: Segment) => (s.labels.length ? columnNamed(spec, normOf(s.labels[s.labels.length - 1])) : null);
  const perBlock = segs.filter((s) => valuesIn(s.tokens) === spec.columns.length && blockOf(s));
  const perColumn = segs.filter((s) => valuesIn(s.tokens) === spec.rows.length && columnOf(s) !== null);
  const read = (s: Segment, slots: Slot[], columns: Columns) => {
    readInto(idx, spec, table, slots, s.tokens, columns, () => spanOf(idx, s.labels, s.tokens), choices);
    end = Math.max(end, s.tokens[s.tokens.length - 1].end);
  };
  /** Each group of table 4 written as several tables, under its own header. */
  const readGroups = (groups: Group[]) => { for (const g of groups) read({ labels: g.header, tokens: g.tokens }, g.slots, headerColumns(spec, g.header)); };
  if (new Set(perBlock.map((s) => blockOf(s)!.key)).size >= 2) {
    const columns = headerColumns(spec, labels);
    const done = new Set<string>();
    for (const s of perBlock) {
      const row = blockOf(s)!;
      if (done.has(row.key)) continue;
      done.add(row.key);
      read(s, slotsOf(row), columns);
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
    if (first < 0) {
      // Not a number: the empty cells the text proves, fifteen, are the row (or rows): blank cells, not zeros.
      const groups = groupsOf(spec, segs);
      if (groups) { readGroups(groups); return end; }
      // A header that names all fifteen columns and not a number under it (a PDF's text of an empty table 4,
      // which shows no blanks): the table is empty, not unreadable.
      if (columnsNamed(spec, labels.map(normOf).join('')).length !== spec.rows.length * spec.columns.length) return -1;
      table.problems.push({ kind: 'too-few', row: spec.rows[0].key, range: idx.range(labels[0].start, labels[0].end), found: 0, expected: spec.rows.length * spec.columns.length });
      return tokens[tokens.length - 1].end;
    }
    const header = tokens.slice(0, first).filter((t) => t.kind === Kind.Label);
    const slots = table4Slots(spec, header);
    let data: Token[] = [];
    let values = 0, lost = false;
    // A 序号 column's “1” before the row: a number more to read.
    const serial = tokens[first].text === '1' && names(header, '序号') ? 1 : 0;
    for (let i = first; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === Kind.Label) {
        if (isProse([t])) break;
        // A header word among the numbers: which number stands under which word is lost.
        if (values < slots.length && (columnNamed(spec, normOf(t)) !== null || namedIn(spec, [t]).length)) lost = true;
        continue;
      }
      // One number more on the next line, after a first “1” on a line of its own: perhaps a serial
      // (a 序号 column, one cell per line); read on, and the identities decide (columns.ts). If they
      // do not, “a number too many” is the honest answer: fifteen from the “1” would shift every cell.
      if (values >= slots.length + serial && t.line !== data[data.length - 1].line && !(values === slots.length && t.kind === Kind.Value && isLoneOne(tokens, first))) break;
      if (t.kind === Kind.Value) values++;
      data.push(t);
    }
    // The blank cells between the header and the first number may be blank values (or traces); not those on the header's line.
    const headerLine = header[header.length - 1]?.line;
    for (let i = first - 1; i >= 0 && tokens[i].kind === Kind.Blank && tokens[i].line !== headerLine; i--) data.unshift(tokens[i]);
    end = data[data.length - 1].end;
    // Blanks among the numbers: a 序号 column's “1” or a 备注 column's empty cell is one cell too many.
    if (values < data.length) data = withoutAdded(data, slots.length, header);
    if (values === slots.length + 1) data = withoutGrandTotal(data, slots, header);
    const groups = lost ? groupsOf(spec, segs) : undefined;
    if (groups) {
      readGroups(groups);
    } else if (lost) {
      table.problems.push({ kind: 'unreadable', row: spec.rows[0].key, range: spanOf(idx, data), found: values, expected: slots.length, cause: 'mixed' });
      return end;
    } else {
      readInto(idx, spec, table, slots, data, headerColumns(spec, header), () => spanOf(idx, data), choices);
    }
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
 * A table transposed (its rows as columns, as some web pages give table 3): a line without numbers whose labels name
 * four rows of the table or more, each in a label of its own, with a line of numbers after it. Its first such label,
 * else undefined. Not read yet: the reader says so.
 */
function transposedAt(spec: TableSpec, tokens: Token[]): Token | undefined {
  for (let i = 0; i < tokens.length;) {
    let j = i, values = false;
    for (; j < tokens.length && tokens[j].line === tokens[i].line; j++) values ||= tokens[j].kind === Kind.Value;
    if (!values && j - i >= 4 && tokens[j]?.kind !== undefined && tokens.slice(j).some((t) => t.kind === Kind.Value && t.line === tokens[j].line)) {
      const rows = new Set<string>();
      let first: Token | undefined;
      for (let k = i; k < j; k++) {
        const t = tokens[k];
        if (t.kind !== Kind.Label) continue;
        const named = namedIn(spec, [t]).filter((n) => !n.row.isGroup);
        if (named.length === 1 && !rows.has(named[0].row.key)) { rows.add(named[0].row.key); first ??= t; }
      }
      if (rows.size >= 4) return first;
    }
    i = j;
  }
  return undefined;
}

/** Whether a label ends with a column's name (…：自然人, ，商业企业, ，总计). */
const endsWithColumn = perLabel((spec, label) => spec.columns.some((c) => c.match.some((m) => label.endsWith(m))));

/**
 * A table written as sentences, each number right after its column's name (一、本年新收…：自然人86件，商业企业12件，…):
 * its rows' numbers stand in no column by their places. The first such number, when seven or more of the
 * table's numbers are so, and half of them at least; else undefined.
 */
function inSentences(spec: TableSpec, tokens: Token[]): Token | undefined {
  let named = 0, values = 0, first: Token | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i], before = tokens[i - 1];
    if (t.kind !== Kind.Value) continue;
    values++;
    if (before.kind === Kind.Label && before.end === t.start && endsWithColumn(spec, normOf(before))) { named++; first ??= t; }
  }
  return named >= 7 && named * 2 >= values ? first : undefined;
}

/** A cell of glyph codes alone, as pdfminer writes characters it cannot map: (cid:18)(cid:19), (cid:18)(cid:19)(cid:22).(cid:23). */
const GLYPH_CODES = /^(?:\(cid:\d+\)[.,]?)+$/;

/**
 * The table in the region. When none of its rows can be read, the table is there all the same,
 * with that said (a problem without a row): the reader failed, not the author. Undefined only for a
 * region found by a line naming table 2's row and columns (no anchor) that does not read so.
 */
export function parseTable(idx: LineIndex, region: Region): Table | undefined {
  const body = idx.text.slice(region.from, region.to);
  const version = detectVersion(region.key, body);
  const spec = tableSpec(version, region.key);
  const tokens = tokenize(idx, region.from, region.to);
  const table: Table = { key: region.key, version, range: idx.range(region.from, region.to), rows: {}, problems: [] };
  // A table written a row a line, naming its columns (规章：本年制发0件，本年废止0件，现行有效0件。 行政复议：结果维持1件，…
  // （一）予以公开：自然人5件，商业企业0件，…，总计5件。).
  const lines = (region.key === 't3' ? readT3Lines : readNamedLines)(idx, spec, tokens, table, (t: Token, sign?: number) => toCell(idx, t, false, sign, true));
  if (lines >= 0) { table.range = idx.range(region.from, lines); return table; }
  // Found by such a line alone, and not so read: no table.
  if (region.lines) return undefined;
  // A PDF's text whose font maps its digits to no character (pdfminer writes each glyph's code, (cid:18)):
  // where a cell holds glyph codes alone, no number of the table can be read.
  const glyphs = body.includes('(cid:') ? tokens.find((t) => GLYPH_CODES.test(t.text)) : undefined;
  const sentence = glyphs ? undefined : inSentences(spec, tokens);
  // Its labels on the right, after each row's numbers, or its rows as columns: not read (the numbers are no row's yet).
  const mirrored = glyphs || sentence ? undefined : labelsLast(tokens);
  const transposed = glyphs || sentence || mirrored ? undefined : transposedAt(spec, tokens);
  const read = glyphs || sentence || mirrored || transposed ? [] : withSentences(tokens);
  const end = read.length === 0 ? -1 : region.key === 't4' ? readTable4(idx, spec, read, table) : readRows(idx, spec, read, table);
  if (end < 0) {
    const line = idx.position(region.from).line;
    table.range = idx.range(region.from, Math.min(idx.lineStart(line) + idx.lineText(line).length, region.to));
    const at = glyphs ?? sentence ?? mirrored ?? transposed;
    table.problems.push(at
      ? { kind: 'unreadable', row: undefined, range: idx.range(at.start, at.end), found: 0, expected: 0, cause: glyphs ? 'glyphs' : sentence ? 'sentences' : mirrored ? 'mirrored' : 'transposed' }
      : { kind: 'unreadable', row: undefined, range: table.range, found: 0, expected: 0 });
    return table;
  }
  // From the table's start to the last token read: a table stops at its last row, not at the next heading.
  table.range = idx.range(region.from, end);
  return table;
}

/** Whether any of a table's cells was read. */
export function hasCells(table: Table): boolean {
  // By the format's rows (the keys rows are filed under), not a for-in over the rows: it collects every key first.
  for (const row of tableSpec(table.version, table.key).rows) {
    const cells = table.rows[row.key]?.cells;
    if (cells) for (const _ in cells) return true;
  }
  return false;
}

