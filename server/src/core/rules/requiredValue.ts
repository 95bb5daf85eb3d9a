import { tableSpec } from '../format/statute';
import { instances, solve } from '../identities';
import type { Cell, Table } from '../model';
import { num } from './names';
import type { Fix } from './types';

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

/** Fills the cell with what the identities say it must be; undefined when they do not say. */
export function fillFromIdentities(table: Table, row: string, col: string, cell: Cell): Fix | undefined {
  const v = required(table, row, col);
  return v === undefined ? undefined : { title: { zh: `填入 ${num(v)}（由勾稽关系算出）`, en: `Fill in ${num(v)} (from the table's identities)` }, edits: [{ range: cell.range, newText: num(v) }] };
}
