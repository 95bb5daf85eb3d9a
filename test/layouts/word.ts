import type { TableKey } from '../../server/src/core/format/schema';
import { wordTable as draw, type WordRow, type WordTable } from '../../server/src/core/authoring/wordTable';
import type { Figures } from './figures';

// The statutory Word table with its merged cells lives in the server (core/authoring/wordTable.ts),
// which the command that converts a table between layouts draws from; the test renderers draw the
// figures of a test from it.

export { rowSpans, starts, type WordCell, type WordRow, type WordTable } from '../../server/src/core/authoring/wordTable';

export const wordTable = (f: Figures, key: TableKey) => draw(f.version, key, (row, col) => f.cells[key][row][col]);

/**
 * A table split in two where a page breaks, as a drafter leaves it (a table cut and 续表 typed) or a
 * converter writes each page's part: after its `after`-th data row, the rows after under the header
 * rows again (`header`, Word's “repeat header rows”) or not, and `between` the two parts a paragraph
 * (`（续表）`, or '' for one that holds only a page break).
 */
export interface TableSplit { after: number; header: boolean; between?: string }

/**
 * The two parts of a split table, or the table whole if it has no more rows than `after`. A cell
 * merged down across the break is cut: its lower part an empty cell at the top of the second part.
 */
export function splitTable(table: WordTable, { after, header }: TableSplit): WordTable[] {
  const data = table.rows.flatMap((r, i) => r.kind === 'data' ? [i] : []);
  if (after < 1 || after >= data.length) return [table];
  const cut = data[after - 1] + 1;
  const [first, ...rest] = table.rows.slice(cut);
  const opened: WordRow = { ...first, cells: first.cells.map((c) => c.below ? { ...c, below: false } : c) };
  const head = header ? table.rows.filter((r, i) => r.kind === 'head' && i < data[0]) : [];
  return [{ ...table, rows: table.rows.slice(0, cut) }, { ...table, rows: [...head, opened, ...rest] }];
}

/**
 * Table 4 as a drafter sometimes draws it: a table per top header, 行政复议's five columns and
 * 行政诉讼's ten, each with its own header rows and its part of the one row of numbers. Other tables whole.
 */
export function blockTables(table: WordTable): WordTable[] {
  if (table.key !== 't4') return [table];
  const cut = table.rows[0].cells[0].span;
  const part = (from: number, to: number): WordTable => ({
    ...table, width: to - from,
    rows: table.rows.map((row) => {
      let at = 0;
      return { ...row, cells: row.cells.filter((c) => { const start = at; at += c.span; return start >= from && start < to; }) };
    }),
  });
  return [part(0, cut), part(cut, table.width)];
}
