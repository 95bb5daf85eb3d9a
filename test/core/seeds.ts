import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, Report } from '../../server/src/core/model';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';

export const SEED_DIR = join(process.cwd(), 'test/fixtures/seeds');
export const SEEDS = readdirSync(SEED_DIR).filter((f) => f.endsWith('.txt')).sort()
  .map((name) => ({ name, text: readFileSync(join(SEED_DIR, name), 'utf8') }));

export const seed = (prefix: string) => SEEDS.find((s) => s.name.startsWith(prefix))!;

/** Every cell of a table in the parsed model, with its row and column keys. */
export function cellsOf(report: Report, table: 't2' | 't3' | 't4'): { row: string; col: string; cell: Cell }[] {
  const t = report.tables[table];
  if (!t) return [];
  return Object.values(t.rows).flatMap((r) => Object.entries(r.cells).map(([col, cell]) => ({ row: r.key, col, cell })));
}

/** The text with `range` replaced. */
export function replaceAt(text: string, range: Range, newText: string): string {
  const idx = new LineIndex(text);
  return text.slice(0, idx.offset(range.start)) + newText + text.slice(idx.offset(range.end));
}

export function sliceAt(text: string, range: Range): string {
  const idx = new LineIndex(text);
  return text.slice(idx.offset(range.start), idx.offset(range.end));
}

export const TABLE_CODES = new Set(['table3-balance', 'table3-row-total', 'table3-outcome-total', 'table4-total', 'cell-invalid', 'cell-blank', 'table-missing', 'row-missing', 'row-cells']);
export const ARITHMETIC = new Set(['table3-balance', 'table3-row-total', 'table3-outcome-total', 'table4-total']);
