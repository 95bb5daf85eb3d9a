import type { TableKey } from '../format/schema';
import { SECTIONS, tableSpec } from '../format/statute';
import type { Table } from '../model';

const TABLE_NAMES: Record<TableKey, string> = { t2: '表二', t3: '表三', t4: '表四' };
const TABLE_NAMES_EN: Record<TableKey, string> = { t2: 'Table 2', t3: 'Table 3', t4: 'Table 4' };

/** The statute's section `n` (1–6). */
export const sectionSpec = (n: number) => SECTIONS[n - 1];
/** “二、主动公开政府信息情况” */
export const sectionHeading = (n: number) => `${sectionSpec(n).numeral}、${sectionSpec(n).title}`;

export const tableName = (key: TableKey) => TABLE_NAMES[key];
export const tableNameEn = (key: TableKey) => TABLE_NAMES_EN[key];

export function rowName(table: Table, key: string): string {
  return tableSpec(table.version, table.key).rows.find((r) => r.key === key)?.name ?? key;
}

export function columnName(table: Table, key: string): string {
  return tableSpec(table.version, table.key).columns.find((c) => c.key === key)?.header ?? key;
}

/** “表三“本年新收申请”·“自然人”” — how a clerk finds a cell. */
export function cellName(table: Table, row: string, col: string): { zh: string; en: string } {
  const r = rowName(table, row), c = columnName(table, col);
  return { zh: `${tableName(table.key)}“${r}”行“${c}”列`, en: `${tableNameEn(table.key)}, row “${r}”, column “${c}”` };
}

/** Numbers as the report writes them: no exponent, no float noise. */
export const num = (v: number) => String(Math.round(v * 10000) / 10000);
