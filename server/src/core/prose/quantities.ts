import { QUANTITY_NAMES, ROW_ALIASES, TERM_NAMES } from '../format/proseWords';
import type { TableKey } from '../format/schema';
import { perTableSpec, tableSpec } from '../format/statute';
import type { Report, Table } from '../model';

// A quantity key (format/proseWords.ts) read off the report's tables: 't4.suit.total' is the sum of
// the two lawsuit totals, 't3.3.3.total' the sum of the eight 不予公开 rows.

export interface Term { row: string; col: string; value: number }

export interface Quantity {
  key: string;
  table: Table;
  value: number;
  /** The cells summed, in table order. */
  terms: Term[];
}

type Name = { zh: string; en: string };

const rowName = (table: Table, key: string) => tableSpec(table.version, table.key).rows.find((r) => r.key === key)?.name ?? key;
const columnName = (table: Table, key: string) => tableSpec(table.version, table.key).columns.find((c) => c.key === key)?.header ?? key;

// Group rows and their leaves, per table format: what a group key such as t3 “3.3” sums.
const leavesByGroup = perTableSpec((spec) => {
  const byGroup = new Map<string, string[]>();
  for (const r of spec.rows) if (r.group && !r.isGroup) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.key]);
  return byGroup;
});

const leaves = (table: Table, group: string) => leavesByGroup(tableSpec(table.version, table.key)).get(group) ?? [];

function expandRows(table: Table, key: string): string[] | undefined {
  const alias = ROW_ALIASES[`${table.key}.${key}`];
  if (alias) return alias.rows;
  if (table.rows[key]) return [key];
  const rows = leaves(table, key);
  return rows.length ? rows : undefined;
}

/**
 * A quantity key cut into its parts, once per key: 't4.suit.total' → t4, [suit], [total]
 * (one of three memos — with ALL_FIELDS in prose/claims.ts and normOf in parse/labels.ts — that together save ~1.1% of the instructions of npm run bench's 2,000-report batch, counted as docs/speed.md says).
 */
const parsedKeys = new Map<string, { table: TableKey; rows: string[]; cols: string[] } | undefined>();

function parseKey(key: string) {
  if (!parsedKeys.has(key)) {
    const dot = key.lastIndexOf('.');
    parsedKeys.set(key, dot < 4 ? undefined : { table: key.slice(0, 2) as TableKey, rows: key.slice(3, dot).split('+'), cols: key.slice(dot + 1).split('+') });
  }
  return parsedKeys.get(key);
}

function rowsName(table: Table, rows: string): string {
  return ROW_ALIASES[`${table.key}.${rows}`]?.zh ?? rows.split('+').map((r) => rowName(table, r).replace(/^（.）/, '')).join('与');
}

/**
 * The value of a quantity, or undefined when its table, a row or a cell is missing or not a number.
 * `valueOf` may give a cell another value than the one written (what the table's identities say it is).
 */
export function readQuantity(report: Report, key: string, valueOf?: (table: Table, row: string, col: string) => number | undefined): Quantity | undefined {
  const parsed = parseKey(key);
  const table = parsed && report.tables[parsed.table];
  if (!parsed || !table) return undefined;
  const terms: Term[] = [];
  for (const rowKey of parsed.rows) {
    const rows = expandRows(table, rowKey);
    if (!rows) return undefined;
    for (const row of rows) for (const col of parsed.cols) {
      const cell = table.rows[row]?.cells[col];
      if (!cell) return undefined;
      const value = valueOf?.(table, row, col) ?? cell.value;
      if (value === null) return undefined;
      terms.push({ row, col, value });
    }
  }
  return { key, table, value: terms.reduce((a, t) => a + t.value, 0), terms };
}

/** What a message calls the quantity: “行政诉讼总计”, or the row and column names of the statute. */
export function quantityName(q: Quantity): Name {
  const named = QUANTITY_NAMES[q.key];
  if (named) return named;
  const dot = q.key.lastIndexOf('.');
  const zh = `${rowsName(q.table, q.key.slice(3, dot))}${q.key.slice(dot + 1).split('+').map((c) => columnName(q.table, c)).join('与')}`;
  return { zh, en: `“${zh}”` };
}

/** What a message calls one term of a sum: “未经复议直接起诉”. */
export function termName(table: Table, row: string): Name {
  return TERM_NAMES[`${table.key}.${row}`] ?? { zh: rowName(table, row), en: rowName(table, row) };
}

