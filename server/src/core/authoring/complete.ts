import type { IdentitySpec, RowSpec } from '../format/schema';
import { SECTIONS, tableSpec } from '../format/statute';
import { instances, solve } from '../identities';
import type { LineIndex, Position, Range } from '../lineIndex';
import { tablesOf, type Report, type Table } from '../model';
import { num } from '../rules/names';
import { ruleByCode } from '../rules/index';
import { cellAt } from './find';
import type { Locale } from './hover';

// What to offer where the author types: a section heading at the start of a line, a row label at the
// start of a line inside a table, and in a total cell the value the identities determine. What is
// still missing comes first, the next one after what the author has written above it preselected.

export interface Completion {
  kind: 'section' | 'row' | 'value';
  label: string;
  detail?: string;
  /** Replaces what the author has typed of it. */
  range: Range;
  newText: string;
  /** Orders the list: the next missing one first, then the other missing ones, then the rest. */
  sortText: string;
  preselect?: boolean;
}

/** The text before the cursor is the start of a line: blanks, then perhaps a few words (no longer than a row label), no digits or tabs among them. */
const LINE_START = /^[ \u3000]*([^\s\d]{0,40})$/;

/** Missing items first, the next missing one after `after` (an index into `items`) before them. */
function ranked<T>(items: T[], present: (t: T) => boolean, after: number): { item: T; sortText: string; preselect: boolean }[] {
  const missing = items.map((_, i) => i).filter((i) => !present(items[i]));
  const next = missing.find((i) => i > after) ?? missing[0];
  return items.map((item, i) => {
    const rank = i === next ? 0 : !present(item) ? 1 : 2;
    return { item, sortText: `${rank}${String(i).padStart(2, '0')}`, preselect: i === next };
  });
}

function totalValues(table: Table, row: string, col: string, range: Range, locale: Locale): Completion[] {
  const spec = tableSpec(table.version, table.key);
  const own = (i: { spec: IdentitySpec }) => (i.spec.per === 'row' ? i.spec.total === col : i.spec.total === row);
  // A total cell: the one each identity's fix sets (总计, （七）总计, 结转下年度), not just any cell the identities reach.
  const isTotal = spec.identities.some((id) => own({ spec: id }));
  if (!isTotal) return [];
  const out = new Map<string, Completion>();
  // The identity that defines this total first (总计 = 自然人 + …; （七）总计 = Σ outcomes; 结转下年度 by the balance), then the others.
  const insts = instances(table, { row, col });
  for (const inst of [...insts.filter(own), ...insts.filter((i) => !own(i))]) {
    if (!inst.terms.some((t) => t.row === row && t.col === col)) continue;
    const v = solve(inst, row, col);
    const column = spec.columns.find((c) => c.key === col)!;
    if (v === undefined || (!column.signed && v < 0) || (!column.decimals && !Number.isInteger(v))) continue;
    const label = num(v);
    if (out.has(label)) continue;
    out.set(label, {
      kind: 'value', label, detail: ruleByCode(inst.spec.code)?.title[locale], range, newText: label,
      sortText: `0${out.size}`, preselect: out.size === 0,
    });
  }
  return [...out.values()];
}

/** The index in `rows` of the last row with a cell above the line, or -1. */
function lastRowAbove(table: Table, rows: RowSpec[], line: number): number {
  let last = -1;
  rows.forEach((r, i) => {
    const cells = Object.values(table.rows[r.key]?.cells ?? {});
    if (cells.some((c) => c.range.start.line < line)) last = i;
  });
  return last;
}

export function completionsAt(report: Report, idx: LineIndex, p: Position, locale: Locale): Completion[] {
  const at = cellAt(report, p);
  if (at) return totalValues(at.table, at.row, at.col, at.cell.range, locale);

  const before = idx.lineText(p.line).slice(0, p.character);
  const typed = LINE_START.exec(before);
  if (!typed) return [];
  const range: Range = { start: { line: p.line, character: p.character - typed[1].length }, end: p };

  // Inside a table, or on the line after it while rows are missing: its row labels. (Table 4 has none:
  // its blocks are headers over one row of numbers.) After a complete table, the next heading is meant.
  const table = tablesOf(report).find((t) => t.key !== 't4' && p.line >= t.range.start.line && p.line <= t.range.end.line + 1);
  if (table) {
    const rows = tableSpec(table.version, table.key).rows.filter((r) => !r.isGroup);
    const written = (r: RowSpec) => Object.keys(table.rows[r.key]?.cells ?? {}).length > 0;
    if (p.line <= table.range.end.line || !rows.every(written)) {
      return ranked(rows, written, lastRowAbove(table, rows, p.line)).map(({ item, sortText, preselect }) => ({
        kind: 'row', label: item.label, detail: item.block ?? item.name, range, newText: item.label, sortText, preselect,
      }));
    }
  }

  const present = new Set(report.sections.map((s) => s.number));
  const current = report.sections.filter((s) => s.headingRange.start.line < p.line).pop();
  return ranked(SECTIONS, (s) => present.has(s.number), current ? current.number - 1 : -1)
    .map(({ item, sortText, preselect }) => {
      const heading = `${item.numeral}、${item.title}`;
      return { kind: 'section', label: heading, range, newText: heading, sortText, preselect };
    });
}
