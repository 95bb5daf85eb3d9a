import { eachCell, tablesOf, type Cell, type Report, type Table } from '../model';
import { perReport } from './perReport';

// The cells of a report that are not a plain count written plainly — blank, a placeholder, text, a
// negative number or a fraction, a number with a unit or in full-width digits: a handful per report,
// found in one pass for the four rules on cells (cell-blank, cell-invalid, cell-unit, cell-fullwidth).

export interface OddCell { table: Table; row: string; col: string; cell: Cell }

export const oddCells = perReport((report: Report): OddCell[] => {
  const out: OddCell[] = [];
  for (const table of tablesOf(report)) {
    eachCell(table, (cell, row, col) => {
      const plain = cell.kind === 'number' && Number.isInteger(cell.value) && cell.value! >= 0 && !cell.unit && !cell.nonstandard;
      if (!plain) out.push({ table, row, col, cell });
    });
  }
  return out;
});
