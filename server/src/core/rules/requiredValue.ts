import { tableSpec } from '../format/statute';
import { instances, solve } from '../identities';
import type { Table } from '../model';
import { num } from './names';
import type { OddCell } from './oddCells';
import type { Msg, RawFinding } from './types';

// What a cell that holds no usable number must be, by the table's identities: the quick fix of
// cell-blank and cell-invalid.

/** What the identities say a cell that is not a usable number must be, when they say it and agree. */
function required(table: Table, row: string, col: string): number | undefined {
  const values = instances(table, { row, col })
    .filter((i) => i.terms.some((t) => t.row === row && t.col === col))
    .map((i) => solve(i, row, col)!);
  if (values.length === 0 || values.some((v) => Math.abs(v - values[0]) > 1e-9)) return undefined;
  const spec = tableSpec(table.version, table.key).columns.find((c) => c.key === col)!;
  const v = values[0];
  return (spec.signed || v >= 0) && (spec.decimals || Number.isInteger(v)) ? v : undefined;
}

/** The finding on a cell that holds no usable number; its fix fills in what the identities say, when they say it. */
export function unusableCell(code: string, message: Msg, { table, row, col, cell }: OddCell): RawFinding {
  const finding: RawFinding = { code, message, range: cell.range };
  const v = required(table, row, col);
  if (v !== undefined) finding.fix = { title: { zh: `填入 ${num(v)}（由勾稽关系算出）`, en: `Fill in ${num(v)} (from the table's identities)` }, edits: [{ range: cell.range, newText: num(v) }] };
  return finding;
}
