import type { ColumnSpec, IdentitySpec } from './format/schema';
import { perTableSpec, tableSpec } from './format/statute';
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
function usable(cell: Cell | undefined, col: ColumnSpec): cell is Cell & { value: number } {
  if (!cell || cell.kind !== 'number' || cell.value === null) return false;
  if (!col.signed && cell.value < 0) return false;
  return col.decimals || Number.isInteger(cell.value);
}

/** One cell of an identity, with its sign. */
interface Ref { row: string; col: string; key: string; column: ColumnSpec; sign: 1 | -1; total: boolean }
/** An identity spelled out over one row or column: which cells, with which sign. */
interface Plan { spec: IdentitySpec; along: string; refs: Ref[] }
interface Plans {
  list: Plan[];
  /** For each cell (Ref.key), the identities it takes part in and with which sign. */
  byCell: Map<string, { plan: number; sign: 1 | -1 }[]>;
}
const plansOf = (table: Table) => plansFor(tableSpec(table.version, table.key));

const plansFor = perTableSpec((spec): Plans => {
  const list: Plan[] = [];
  for (const id of spec.identities) {
    const perColumn = id.per === 'column';
    const alongs = perColumn ? spec.columns.map((c) => c.key) : id.rows ?? spec.rows.filter((r) => !r.isGroup).map((r) => r.key);
    const totalSign = id.totalSide === 'sum' ? 1 : -1;
    const column = (key: string) => spec.columns.find((c) => c.key === key)!;
    for (const along of alongs) {
      const refs = [...id.sum.map((k) => [k, 1] as const), ...id.equals.map((k) => [k, -1] as const)].map(([k, sign]): Ref => {
        const row = perColumn ? k : along, col = perColumn ? along : k;
        return { row, col, key: `${row}|${col}`, column: column(col), sign, total: k === id.total && sign === totalSign };
      });
      list.push({ spec: id, along, refs });
    }
  }
  const byCell = new Map<string, { plan: number; sign: 1 | -1 }[]>();
  list.forEach((plan, i) => {
    for (const r of plan.refs) {
      byCell.set(r.key, [...(byCell.get(r.key) ?? []), { plan: i, sign: r.sign }]);
    }
  });
  return { list, byCell };
});

const cellAt = (table: Table, r: Ref) => table.rows[r.row]?.cells[r.col];

/** Σsum − Σequals of every identity of the table; NaN for one with a cell that is missing or not usable. */
function residuals(table: Table): Float64Array {
  const { list } = plansOf(table);
  const out = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    let residual = 0;
    for (const r of list[i].refs) {
      const cell = cellAt(table, r);
      if (!usable(cell, r.column)) { residual = NaN; break; }
      residual += r.sign * cell.value;
    }
    out[i] = residual;
  }
  return out;
}

const isBroken = (residual: number) => Math.abs(residual) > EPS; // false for NaN: not evaluable

/** How many identities are evaluable and do not hold. */
export function countBroken(table: Table): number {
  let count = 0;
  for (const r of residuals(table)) if (isBroken(r)) count++;
  return count;
}

function instance(table: Table, plan: Plan, free?: { row: string; col: string }): Instance | undefined {
  const terms: Term[] = [];
  let residual = 0, total: Term | undefined;
  for (const r of plan.refs) {
    const cell = cellAt(table, r);
    let value: number;
    if (usable(cell, r.column)) value = cell.value;
    else if (cell && free?.row === r.row && free.col === r.col) value = 0;
    else return undefined;
    const term: Term = { row: r.row, col: r.col, cell, sign: r.sign, value };
    if (r.total) total = term;
    terms.push(term);
    residual += r.sign * value;
  }
  return { spec: plan.spec, along: plan.along, terms, residual, total: total! };
}

/**
 * Every identity of the table whose cells are all present and usable (blank is not zero).
 * With `free`, identities in which that one cell is unusable are kept too, with it counted as 0,
 * so that `solve` can tell what it should be.
 */
export function instances(table: Table, free?: { row: string; col: string }): Instance[] {
  const out: Instance[] = [];
  for (const plan of plansOf(table).list) {
    const inst = instance(table, plan, free);
    if (inst) out.push(inst);
  }
  return out;
}

/** The identities that do not hold, in the format's order, and the one cell to blame when there is one. */
export interface Evaluation {
  broken: Instance[];
  /** The one cell whose change explains every broken identity, and the value that satisfies them all. */
  blame?: { term: Term; value: number };
}

/**
 * Evaluates the table's identities. Table 3's cross like a parity check: a cell is to blame when the
 * evaluable identities it takes part in are exactly the broken ones and all agree on its value.
 */
export function evaluate(table: Table): Evaluation {
  const { list, byCell } = plansOf(table);
  const res = residuals(table);
  const bad: number[] = [];
  res.forEach((r, i) => { if (isBroken(r)) bad.push(i); });
  const broken: Instance[] = [];
  for (const i of bad) broken.push(instance(table, list[i])!);
  if (bad.length === 0) return { broken };
  let blame: { ref: Ref; value: number } | undefined, candidates = 0;
  const seen = new Set<string>();
  for (const b of bad) for (const ref of list[b].refs) {
    if (seen.has(ref.key)) continue;
    seen.add(ref.key);
    const mine = byCell.get(ref.key)!.filter((p) => !Number.isNaN(res[p.plan]));
    if (mine.length !== bad.length || !mine.every((p) => isBroken(res[p.plan]))) continue;
    const current = cellAt(table, ref)!.value!;
    // The value each of its identities asks for; they must agree.
    const value = current - res[mine[0].plan] / mine[0].sign;
    if (mine.some((p) => Math.abs(current - res[p.plan] / p.sign - value) > EPS)) continue;
    if ((!ref.column.signed && value < 0) || (!ref.column.decimals && !Number.isInteger(value))) continue;
    candidates++;
    blame = { ref, value };
  }
  if (candidates !== 1 || !blame) return { broken };
  const { ref, value } = blame;
  return { broken, blame: { term: broken[0].terms.find((t) => t.row === ref.row && t.col === ref.col)!, value } };
}

/** The value a cell must take for an identity to hold, the other cells as they are. */
export function solve(inst: Instance, row: string, col: string): number | undefined {
  const t = inst.terms.find((x) => x.row === row && x.col === col);
  return t && t.value - inst.residual / t.sign;
}
