import { tableSpec } from '../format/statute';
import { instances, solve } from '../identities';
import type { Table } from '../model';
import { num } from './names';
import type { OddCell } from './oddCells';
import type { Msg, RawFinding } from './types';

// What a cell that holds no usable number must be, by the table's identities: the quick fix of
// cell-blank and cell-invalid.

/**
 * What the identities say a cell that is not a usable number must be, when they say it and agree; and
 * how many say it. One identity alone (a block of table 4) cannot see a mistake in its other cells.
 */
export function required(table: Table, row: string, col: string): { value: number; by: number } | undefined {
  const values = instances(table, { row, col })
    .filter((i) => i.terms.some((t) => t.row === row && t.col === col))
    .map((i) => solve(i, row, col)!);
  if (values.length === 0 || values.some((v) => Math.abs(v - values[0]) > 1e-9)) return undefined;
  const spec = tableSpec(table.version, table.key).columns.find((c) => c.key === col)!;
  const v = values[0];
  return (spec.signed || v >= 0) && (spec.decimals || Number.isInteger(v)) ? { value: v, by: values.length } : undefined;
}

/** The finding on a cell that holds no usable number; its fix fills in what the identities say, when they say it. */
export function unusableCell(code: string, message: Msg, { table, row, col, cell }: OddCell): RawFinding {
  const finding: RawFinding = { code, message, range: cell.range };
  const r = required(table, row, col);
  if (r) {
    const v = num(r.value);
    // Certain when two identities or more agree on it: a mistake in another of their cells would set them apart.
    finding.fix = { title: { zh: `填入 ${v}（由勾稽关系算出）`, en: `Fill in ${v} (from the table's identities)` }, edits: [{ range: cell.range, newText: v }], safe: r.by >= 2 };
  }
  return finding;
}
