import type { ColumnSpec, IdentitySpec } from './format/schema';
import { tableSpec } from './format/statute';
import type { Cell, Table } from './model';

// The identities of tables 3 and 4 (format data: IdentitySpec) evaluated over a table. Each is a
// linear equation Σsum = Σequals over cells; one that involves a blank, a placeholder, an invalid
// number or a missing row is not evaluated at all (blank is not zero).

export const EPS = 1e-9;

export interface Term { row: string; col: string; cell: Cell; sign: 1 | -1; value: number }
export interface Instance {
  spec: IdentitySpec;
  /** The row (per-row) or column (per-column) the equation runs along. */
  along: string;
  terms: Term[];
  /** Σsum − Σequals; 0 when the identity holds. */
  residual: number;
  /** The cell a fix sets when no single cell is to blame. */
  total: Term;
}

/** A cell that can take part in arithmetic: a number that its column allows. */
export function usable(cell: Cell | undefined, col: ColumnSpec): cell is Cell & { value: number } {
  if (!cell || cell.kind !== 'number' || cell.value === null) return false;
  if (!col.signed && cell.value < 0) return false;
  return col.decimals || Number.isInteger(cell.value);
}

/** An identity spelled out over one row or column: which cells, with which sign. */
interface Plan { spec: IdentitySpec; along: string; refs: { row: string; col: string; column: ColumnSpec; sign: 1 | -1; total: boolean }[] }
const plans = new WeakMap<object, Plan[]>();

function plansOf(table: Table): Plan[] {
  const spec = tableSpec(table.version, table.key);
  let out = plans.get(spec);
  if (out) return out;
  out = [];
  for (const id of spec.identities) {
    const perColumn = id.per === 'column';
    const alongs = perColumn ? spec.columns.map((c) => c.key) : id.rows ?? spec.rows.filter((r) => !r.isGroup).map((r) => r.key);
    const totalSign = id.totalSide === 'sum' ? 1 : -1;
    const column = (key: string) => spec.columns.find((c) => c.key === key)!;
    for (const along of alongs) {
      const refs = [...id.sum.map((k) => [k, 1] as const), ...id.equals.map((k) => [k, -1] as const)].map(([k, sign]) =>
        ({ row: perColumn ? k : along, col: perColumn ? along : k, column: column(perColumn ? along : k), sign, total: k === id.total && sign === totalSign }));
      out.push({ spec: id, along, refs });
    }
  }
  plans.set(spec, out);
  return out;
}

/**
 * Every identity of the table whose cells are all present and usable (blank is not zero).
 * With `free`, identities in which that one cell is unusable are kept too, with it counted as 0,
 * so that `solve` can tell what it should be.
 */
export function instances(table: Table, free?: { row: string; col: string }): Instance[] {
  const out: Instance[] = [];
  next: for (const plan of plansOf(table)) {
    const terms: Term[] = [];
    let residual = 0, total: Term | undefined;
    for (const { row, col, column, sign, total: isTotal } of plan.refs) {
      const cell = table.rows[row]?.cells[col];
      let value: number;
      if (usable(cell, column)) value = cell.value;
      else if (cell && free?.row === row && free.col === col) value = 0;
      else continue next;
      const term: Term = { row, col, cell, sign, value };
      if (isTotal) total = term;
      terms.push(term);
      residual += sign * value;
    }
    out.push({ spec: plan.spec, along: plan.along, terms, residual, total: total! });
  }
  return out;
}

export const broken = (i: Instance) => Math.abs(i.residual) > EPS;

/** How many identities are evaluable and do not hold; the common case (none) without building instances. */
export function countBroken(table: Table): number {
  let count = 0;
  next: for (const plan of plansOf(table)) {
    let residual = 0;
    for (const { row, col, column, sign } of plan.refs) {
      const cell = table.rows[row]?.cells[col];
      if (!usable(cell, column)) continue next;
      residual += sign * cell.value;
    }
    if (Math.abs(residual) > EPS) count++;
  }
  return count;
}

/** The value a cell must take for an identity to hold, the other cells as they are. */
export function solve(inst: Instance, row: string, col: string): number | undefined {
  const t = inst.terms.find((x) => x.row === row && x.col === col);
  return t && t.value - inst.residual / t.sign;
}

