import type { TableKey } from '../format/schema';
import { tableSpec, type FormatVersion } from '../format/statute';

// Every layout family starts from the same thing: the table as the statutory Word template draws it,
// with its merged cells. Each family then loses that structure in its own way (a Word paste drops
// the merges' tabs, a PDF text layer drops the cells altogether), so the merges are modelled here
// once, the way the template has them, and the families decide what becomes of them. The command
// that converts a table between layouts (layout.ts) draws from it too; the test renderers
// (test/layouts/) draw every family real reports come in from the same model.

export type CellKind =
  | 'label'  // a row label: 规章, 一、本年新收…, 1.属于国家秘密
  | 'group'  // a label over several rows: 三、本年度办理结果, （三）不予公开, 第二十条第（一）项
  | 'head'   // a column header: 自然人, 本年制发件数, 行政复议
  | 'value'; // a statutory cell

export interface WordCell {
  kind: CellKind;
  /** The text as typed; '' in the lower part of a vertical merge. */
  text: string;
  /** The text's lines inside its Word cell: a four-character header in a narrow column wraps (商业 / 企业). */
  lines: string[];
  /** Grid columns the cell spans. */
  span: number;
  /** The lower part of a vertically merged cell: Word exports it as an empty cell, or not at all. */
  below: boolean;
  /** For a value: the statutory cell it holds. */
  at?: { row: string; col: string };
}

export interface WordRow {
  /** 'block': table 2's 第二十条第（…）项 rows, which open a block of rows with their own headers. */
  kind: 'head' | 'block' | 'data';
  cells: WordCell[];
}

export interface WordTable {
  key: TableKey;
  /** Grid columns. */
  width: number;
  /** The leading grid columns that hold labels (table 3: three, table 2: one, table 4: none). */
  labelColumns: number;
  rows: WordRow[];
}

// Texts the template prints that the statute data does not hold (it keeps only what a parser needs).
export const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS = '申请人情况';
const ORGANISATIONS = '法人或其他组织';
const CONTENT = '信息内容';

const cell = (kind: CellKind, text: string, span = 1, extra: Partial<WordCell> = {}): WordCell =>
  ({ kind, text, lines: [text], span, below: false, ...extra });
const below = (kind: CellKind, span = 1): WordCell => ({ kind, text: '', lines: [''], span, below: true });
/** A header in a narrow value column: four characters wrap two and two, as the seeds show (结果 / 维持). */
const head = (text: string, span = 1) =>
  cell('head', text, span, { lines: span === 1 && [...text].length === 4 ? [text.slice(0, 2), text.slice(2)] : [text] });

/** What a table is drawn from: its format version, and the text of each statutory cell. */
interface Source { version: FormatVersion; text: (row: string, col: string) => string }

/** The statutory table `key` of `version`, each statutory cell holding `text(row, col)`. */
export function wordTable(version: FormatVersion, key: TableKey, text: (row: string, col: string) => string): WordTable {
  const f: Source = { version, text };
  return key === 't2' ? table2(f) : key === 't3' ? table3(f) : table4(f);
}

const value = (f: Source, _key: TableKey, row: string, col: string, span = 1) =>
  cell('value', f.text(row, col), span, { at: { row, col } });

/** Table 2: blocks of 第二十条, each a title row, a 信息内容 header row and its rows; 1 + 3 grid columns. */
function table2(f: Source): WordTable {
  const spec = tableSpec(f.version, 't2');
  const width = 1 + Math.max(...spec.rows.map((r) => r.columns.length));
  // The last cell of a row spans what its block leaves free (行政许可 has one column of three).
  const spread = <T>(items: T[], make: (item: T, span: number) => WordCell) =>
    items.map((item, i) => make(item, i === items.length - 1 ? width - items.length : 1));
  const rows: WordRow[] = [];
  let block = '';
  for (const r of spec.rows) {
    if (r.block !== block) {
      block = r.block!;
      const headers = r.columns.map((c) => spec.columns.find((x) => x.key === c)!.header);
      rows.push({ kind: 'block', cells: [cell('group', block, width)] });
      rows.push({ kind: 'head', cells: [cell('label', CONTENT), ...spread(headers, (h, span) => head(h, span))] });
    }
    rows.push({ kind: 'data', cells: [cell('label', r.label), ...spread(r.columns, (c, span) => value(f, 't2', r.key, c, span))] });
  }
  return { key: 't2', width, labelColumns: 1, rows };
}

/**
 * Table 3: three label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) and seven value
 * columns under a three-row header. Rows 一、二、四 span the three label columns; （一）（二）（七）
 * span the last two; 三、 and each group label are merged down over their rows.
 */
function table3(f: Source): WordTable {
  const spec = tableSpec(f.version, 't3');
  const [natural, ...rest] = spec.columns;
  const total = rest.pop()!;
  const rows: WordRow[] = [
    { kind: 'head', cells: [cell('head', T3_NOTE, 3), cell('head', APPLICANTS, spec.columns.length)] },
    { kind: 'head', cells: [below('head', 3), head(natural.header), head(ORGANISATIONS, rest.length), head(total.header)] },
    { kind: 'head', cells: [below('head', 3), below('head'), ...rest.map((c) => head(c.header)), below('head')] },
  ];
  // The group labels still to be written: each goes in the first row of its group, then merges down.
  let top: string | undefined, group: string | undefined;
  const opening = (text: string | undefined) => text === undefined ? below('group') : cell('group', text);
  for (const r of spec.rows) {
    const depth = r.key.split('.').length;
    if (r.isGroup) {
      if (depth === 1) top = r.label; else group = r.label;
      continue;
    }
    const labels = depth === 1 ? [cell('label', r.label, 3)]
      : depth === 2 ? [opening(top), cell('label', r.label, 2)]
        : [opening(top), opening(group), cell('label', r.label)];
    top = group = undefined;
    rows.push({ kind: 'data', cells: [...labels, ...r.columns.map((c) => value(f, 't3', r.key, c))] });
  }
  return { key: 't3', width: 3 + spec.columns.length, labelColumns: 3, rows };
}

/**
 * Table 4: 行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉, over five result headers each,
 * and one row of fifteen numbers. The statute names the blocks 行政诉讼·未经复议直接起诉: the part
 * before the dot is the top header.
 */
function table4(f: Source): WordTable {
  const spec = tableSpec(f.version, 't4');
  const n = spec.columns.length;
  const blocks = spec.rows.map((r) => ({ row: r, names: r.label.split('·') }));
  const tops: WordCell[] = [];
  for (const b of blocks) {
    const last = tops[tops.length - 1];
    if (last && last.text === b.names[0]) last.span += n;
    else tops.push(head(b.names[0], n));
  }
  // A block without a second name has its result headers in the second row, merged down into the third.
  const second = blocks.flatMap((b) => b.names.length > 1 ? [head(b.names[1], n)] : spec.columns.map((c) => head(c.header)));
  const third = blocks.flatMap((b) => b.names.length > 1 ? spec.columns.map((c) => head(c.header)) : spec.columns.map(() => below('head')));
  const values = blocks.flatMap((b) => b.row.columns.map((c) => value(f, 't4', b.row.key, c)));
  return {
    key: 't4', width: n * blocks.length, labelColumns: 0,
    rows: [{ kind: 'head', cells: tops }, { kind: 'head', cells: second }, { kind: 'head', cells: third }, { kind: 'data', cells: values }],
  };
}

/** The grid column each cell of a row starts at. */
export function starts(row: WordRow): number[] {
  let x = 0;
  return row.cells.map((c) => (x += c.span) - c.span);
}

/** How many rows each cell merges down over: itself and the `below` cells under it. */
export function rowSpans(table: WordTable): Map<WordCell, number> {
  const out = new Map<WordCell, number>();
  const top = new Map<number, WordCell>(); // grid column → the cell above that still merges down
  for (const row of table.rows) {
    const xs = starts(row);
    row.cells.forEach((c, i) => {
      if (!c.below) { top.set(xs[i], c); return; }
      const over = top.get(xs[i]);
      if (over) out.set(over, (out.get(over) ?? 1) + 1);
    });
  }
  return out;
}
