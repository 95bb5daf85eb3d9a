import { evaluate, solve, type Evaluation } from '../identities';
import type { Cell, Table } from '../model';

// The values the identities determine for the cells that break them, as the editor shows them next
// to a cell (inlay hints: 应为 23, 按各项 32) and the table preview shows them in it.

export interface ExpectedValue {
  row: string;
  col: string;
  cell: Cell;
  value: number;
  /**
   * 'should': the one cell that explains every broken identity, and its value (应为 23);
   * 'parts': a broken total without such a cell, and what its parts add up to (按各项 32) —
   * a fact, not a verdict: which figure is wrong cannot be told.
   */
  kind: 'should' | 'parts';
}

export function expectedValues(table: Table, { broken, blame }: Evaluation = evaluate(table)): ExpectedValue[] {
  if (blame) return [{ row: blame.term.row, col: blame.term.col, cell: blame.term.cell, value: blame.value, kind: 'should' }];
  const asked = new Map<Cell, ExpectedValue | undefined>();
  for (const inst of broken) {
    const { row, col, cell } = inst.total;
    if (cell.inferred) continue;
    const value = solve(inst, row, col);
    const seen = asked.get(cell);
    // A total two broken identities disagree about is determined by neither.
    const disagree = asked.has(cell) && (seen === undefined || seen.value !== value);
    asked.set(cell, disagree || value === undefined ? undefined : { row, col, cell, value, kind: 'parts' });
  }
  return [...asked.values()].filter((e): e is ExpectedValue => e !== undefined && e.value >= 0);
}
