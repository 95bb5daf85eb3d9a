import type { TableKey } from '../format/schema';
import type { Position, Range } from '../lineIndex';
import { eachCell, tablesOf, type Cell, type Claim, type Report, type Table } from '../model';

// What stands at a position of the text: a table cell or a figure of the prose. Hover and completion ask.

/** The range holds the position, its end included (a cursor just after a number is on it). */
export const touches = (r: Range, p: Position) =>
  (r.start.line < p.line || (r.start.line === p.line && r.start.character <= p.character)) &&
  (r.end.line > p.line || (r.end.line === p.line && r.end.character >= p.character));

export interface CellAt { table: Table; row: string; col: string; cell: Cell }

/** The table cell at the position: a number or other text under it, or a blank cell's empty range right at it. */
export function cellAt(report: Report, p: Position): CellAt | undefined {
  for (const table of tablesOf(report)) {
    if (p.line < table.range.start.line || p.line > table.range.end.line) continue;
    let found: CellAt | undefined;
    eachCell(table, (cell, row, col) => { if (!found && touches(cell.range, p)) found = { table, row, col, cell }; });
    if (found) return found;
  }
  return undefined;
}

/** The prose figure at the position. */
export const claimAt = (report: Report, p: Position): Claim | undefined => report.claims.find((c) => touches(c.range, p));

/** The statutory tables by their Chinese names, as the clerk says them. */
export const TABLE_WORDS: Record<TableKey, { zh: string; en: string }> = {
  t2: { zh: '表二', en: 'Table 2' }, t3: { zh: '表三', en: 'Table 3' }, t4: { zh: '表四', en: 'Table 4' },
};
