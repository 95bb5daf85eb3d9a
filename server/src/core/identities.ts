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

/** A cell the identities use: its number among them, where it stands, and the identities it takes part in, with which sign. */
interface CellUse { slot: number; row: string; col: string; column: ColumnSpec; plans: { plan: number; sign: 1 | -1 }[] }
/** One cell of an identity, with its sign. */
interface Ref { use: CellUse; sign: 1 | -1; total: boolean }
/** An identity spelled out over one row or column: which cells, with which sign. */
interface Plan { spec: IdentitySpec; along: string; refs: Ref[] }
/**
 * `byRow`: the slots of `uses` grouped by row, so that each row is looked up once. `vals`, `res` and
 * `seen`: working arrays for one evaluation at a time (by slot, by plan, by slot), made once per format
 * (made for every evaluation, they make an in-process check ~3–4% slower; npm run bench).
 */
interface Plans { list: Plan[]; uses: CellUse[]; byRow: { row: string; slots: number[] }[]; vals: Float64Array; res: Float64Array; seen: Uint8Array }
const plansOf = (table: Table) => plansFor(tableSpec(table.version, table.key));

// Spelled out once per format: spelled out for each evaluation (the reader evaluates a table's identities
// for every way of cutting run-together digits), the 2,000-report CLI batch takes ~30% longer, an
// in-process check ~45–75% (npm run bench).
const plansFor = perTableSpec((spec): Plans => {
  const list: Plan[] = [];
  const byKey = new Map<string, CellUse>();
  for (const id of spec.identities) {
    const perColumn = id.per === 'column';
    const alongs = perColumn ? spec.columns.map((c) => c.key) : id.rows ?? spec.rows.filter((r) => !r.isGroup).map((r) => r.key);
    const totalSign = id.totalSide === 'sum' ? 1 : -1;
    const column = (key: string) => spec.columns.find((c) => c.key === key)!;
    for (const along of alongs) {
      const refs = [...id.sum.map((k) => [k, 1] as const), ...id.equals.map((k) => [k, -1] as const)].map(([k, sign]): Ref => {
        const row = perColumn ? k : along, col = perColumn ? along : k, key = `${row}|${col}`;
        if (!byKey.has(key)) byKey.set(key, { slot: byKey.size, row, col, column: column(col), plans: [] });
        return { use: byKey.get(key)!, sign, total: k === id.total && sign === totalSign };
      });
      list.push({ spec: id, along, refs });
    }
  }
  list.forEach((plan, i) => { for (const r of plan.refs) r.use.plans.push({ plan: i, sign: r.sign }); });
  const uses = [...byKey.values()];
  const byRow = new Map<string, number[]>();
  for (const u of uses) byRow.set(u.row, [...(byRow.get(u.row) ?? []), u.slot]);
  return {
    list, uses, byRow: [...byRow].map(([row, slots]) => ({ row, slots })),
    vals: new Float64Array(uses.length), res: new Float64Array(list.length), seen: new Uint8Array(uses.length),
  };
});

const cellAt = (table: Table, r: { row: string; col: string }) => table.rows[r.row]?.cells[r.col];

/** The number of each cell the identities use, by slot; NaN for one that is missing or not usable. Each is looked up once. */
function values(table: Table, { uses, byRow, vals: out }: Plans): Float64Array {
  out.fill(NaN);
  for (const { row, slots } of byRow) {
    const cells = table.rows[row]?.cells;
    if (!cells) continue;
    for (const slot of slots) {
      const use = uses[slot], cell = cells[use.col];
      if (usable(cell, use.column)) out[slot] = cell.value;
    }
  }
  return out;
}

/** Σsum − Σequals of every identity of the table; NaN for one with a cell that is missing or not usable. */
function residuals({ list, res: out }: Plans, vals: Float64Array): Float64Array {
  for (let i = 0; i < list.length; i++) {
    const refs = list[i].refs;
    let residual = 0;
    for (let j = 0; j < refs.length; j++) residual += refs[j].sign * vals[refs[j].use.slot]; // NaN stays NaN
    out[i] = residual;
  }
  return out;
}

const isBroken = (residual: number) => Math.abs(residual) > EPS; // false for NaN: not evaluable

/** How many identities are evaluable and do not hold. */
export function countBroken(table: Table): number {
  const plans = plansOf(table);
  let count = 0;
  for (const r of residuals(plans, values(table, plans))) if (isBroken(r)) count++;
  return count;
}

function instance(table: Table, plan: Plan, free?: { row: string; col: string }): Instance | undefined {
  const terms: Term[] = [];
  let residual = 0, total: Term | undefined;
  for (const r of plan.refs) {
    const { row, col, column } = r.use, cell = cellAt(table, r.use);
    let value: number;
    if (usable(cell, column)) value = cell.value;
    else if (cell && free?.row === row && free.col === col) value = 0;
    else return undefined;
    const term: Term = { row, col, cell, sign: r.sign, value };
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
  /**
   * Without a blame, for each broken identity (in the same order): the cells that may be wrong, those
   * whose every evaluable identity is broken (a wrong cell with one that holds would have broken it).
   * Cells cut from run-together digits are left out, as from the blame.
   */
  suspects?: Term[][];
}

/**
 * Evaluates the table's identities. Table 3's cross like a parity check: a cell is to blame when the
 * evaluable identities it takes part in are exactly the broken ones and all agree on its value.
 */
export function evaluate(table: Table): Evaluation {
  const plans = plansOf(table), { list } = plans;
  const vals = values(table, plans);
  const res = residuals(plans, vals);
  const broken: Instance[] = [], brokenPlans: number[] = [];
  for (let i = 0; i < res.length; i++) if (isBroken(res[i])) { broken.push(instance(table, list[i])!); brokenPlans.push(i); }
  if (broken.length === 0) return { broken };
  let blame: { use: CellUse; value: number } | undefined, candidates = 0;
  const seen = plans.seen.fill(0);
  for (let b = 0; b < res.length; b++) {
    if (!isBroken(res[b])) continue;
    for (const { use } of list[b].refs) {
      if (seen[use.slot]) continue;
      seen[use.slot] = 1;
      // A cell cut from run-together digits by these very identities cannot be the one to blame.
      if (cellAt(table, use)?.inferred) continue;
      const value = askedValue(use, res, broken.length, vals[use.slot]);
      if (value === undefined) continue;
      if ((!use.column.signed && value < 0) || (!use.column.decimals && !Number.isInteger(value))) continue;
      candidates++;
      blame = { use, value };
    }
  }
  if (candidates !== 1 || !blame) {
    const holds = (plan: number) => !Number.isNaN(res[plan]) && !isBroken(res[plan]);
    // instance() spells out the terms in the order of the plan's refs.
    const suspects = brokenPlans.map((b, k) => broken[k].terms.filter((t, j) => !t.cell.inferred && !list[b].refs[j].use.plans.some(({ plan }) => holds(plan))));
    return { broken, suspects };
  }
  const { use, value } = blame;
  return { broken, blame: { term: broken[0].terms.find((t) => t.row === use.row && t.col === use.col)!, value } };
}

/**
 * The value the identities a cell takes part in ask of it, when the evaluable ones are exactly the
 * `broken` broken identities and they agree; undefined otherwise.
 */
function askedValue(use: CellUse, res: Float64Array, broken: number, current: number): number | undefined {
  let count = 0, value = NaN;
  for (const { plan, sign } of use.plans) {
    const r = res[plan];
    if (Number.isNaN(r)) continue;
    if (!isBroken(r)) return undefined;
    const asked = current - r / sign;
    if (count++ === 0) value = asked;
    else if (Math.abs(asked - value) > EPS) return undefined;
  }
  return count === broken ? value : undefined;
}

/** The value a cell must take for an identity to hold, the other cells as they are. */
export function solve(inst: Instance, row: string, col: string): number | undefined {
  const t = inst.terms.find((x) => x.row === row && x.col === col);
  return t && t.value - inst.residual / t.sign;
}
