import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Cell, Report } from '../../server/src/core/model';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check } from '../../server/src/core/service';

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
/** The codes of the table rules and of the reader's own problems. */
export const READER = new Set([...TABLE_CODES, 'table-unreadable', 'cell-ambiguous']);
export const tableFindings = (text: string) => check(text).findings.filter((f) => READER.has(f.code));

/**
 * A draft with one cell of table 3 or 4 written `wrong` instead of `value`: one arithmetic finding. In table
 * 3, whose identities cross, on the wrong number, and its fix restores the value; in table 4, whose block
 * only says it disagrees, on the block's total, and its fix (by convention) makes the block add up.
 */
export function assertPinpointed(draft: string, { key, row, col }: { key: 't3' | 't4'; row: string; col: string }, value: string, wrong: string, where: string): void {
  const found = tableFindings(draft);
  assert.equal(found.length, 1, `${where}: ${found.map((f) => `${f.code} ${f.message}`).join('\n')}`);
  assert.ok(ARITHMETIC.has(found[0].code), where);
  const fixed = applyEdits(draft, found[0].fix!.edits);
  if (key === 't3') {
    assert.equal(sliceAt(draft, found[0].range), wrong, where);
    assert.equal(parseReport(fixed).tables.t3?.rows[row]?.cells[col]?.value, Number(value), where);
  } else {
    assert.equal(found[0].code, 'table4-total', where);
    assert.deepEqual(tableFindings(fixed), [], where);
  }
}
