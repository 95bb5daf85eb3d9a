import type { IdentitySpec, RowSpec, TableSpec } from '../format/schema';
import { tableSpec } from '../format/statute';
import { instances, solve, type Instance } from '../identities';
import type { Position, Range } from '../lineIndex';
import type { Claim, Report, Table } from '../model';
import { quantityName, readQuantity } from '../prose/quantities';
import { cellName, num } from '../rules/names';
import { ruleByCode } from '../rules/index';
import type { Msg } from '../rules/types';
import { cellAt, claimAt, TABLE_WORDS } from './find';

// What the checker sees at a number: for a table cell, its table, row and column in the statute's
// words and every identity it takes part in, worked out with the table's values; for a prose figure,
// the table cells it was checked against. Markdown, in the report's locale.

export type Locale = 'zh' | 'en';
export interface HoverText { markdown: string; range: Range }

const OK = '✓';
const pick = (m: Msg, locale: Locale) => m[locale];

/** The row's label as the statute prints it, under its group (（三）不予公开 · 1.属于国家秘密) or 第二十条 block. */
function rowLabel(spec: TableSpec, row: RowSpec): string {
  const group = row.group ? spec.rows.find((r) => r.key === row.group && r.isGroup) : undefined;
  const prefix = row.block ?? group?.label;
  return prefix ? `${prefix} · ${row.label}` : row.label;
}

/** Whether the identity's equation along some row or column holds this cell. */
function involves(spec: TableSpec, id: IdentitySpec, row: string, col: string): boolean {
  const keys = [...id.sum, ...id.equals];
  if (id.per === 'column') return keys.includes(row);
  const rows = id.rows ?? spec.rows.filter((r) => !r.isGroup).map((r) => r.key);
  return keys.includes(col) && rows.includes(row);
}

/** One side of an equation: a single term by name (总计 58), several by their values (51 + 7 + 0), the hovered one in bold. */
function side(inst: Instance, sign: 1 | -1, table: Table, at: { row: string; col: string }): string {
  const spec = tableSpec(table.version, table.key);
  const terms = inst.terms.filter((t) => t.sign === sign);
  const value = (t: Instance['terms'][number]) => (t.row === at.row && t.col === at.col ? `**${num(t.value)}**` : num(t.value));
  if (terms.length === 1) {
    const t = terms[0];
    const name = inst.spec.per === 'column' ? spec.rows.find((r) => r.key === t.row)!.name : spec.columns.find((c) => c.key === t.col)!.header;
    return `${name} ${value(t)}`;
  }
  return terms.map(value).join(' + ');
}

function identityLine(inst: Instance, table: Table, row: string, col: string, locale: Locale, usable: boolean): string {
  const title = ruleByCode(inst.spec.code)?.title[locale] ?? inst.spec.code;
  // A cell without a number takes no part in the sum: say only what the others make it.
  if (!usable) return `- ${title}  \n  ${locale === 'en' ? 'the other cells make it' : '按其他各格应为'} ${num(solve(inst, row, col)!)}`;
  const equation = `${side(inst, 1, table, { row, col })} = ${side(inst, -1, table, { row, col })}`;
  const holds = Math.abs(inst.residual) < 1e-9;
  const should = solve(inst, row, col);
  const verdict = holds ? OK : `✗ ${locale === 'en' ? 'should be' : '应为'} ${should === undefined ? '?' : num(should)}`;
  return `- ${title}  \n  ${equation} ${verdict}`;
}

function cellHover(report: Report, p: Position, locale: Locale): HoverText | undefined {
  const at = cellAt(report, p);
  if (!at) return undefined;
  const { table, row, col, cell } = at;
  const spec = tableSpec(table.version, table.key);
  const rowSpec = spec.rows.find((r) => r.key === row)!, colSpec = spec.columns.find((c) => c.key === col)!;
  const en = locale === 'en';
  const lines = [
    `**${TABLE_WORDS[table.key][locale]}** ${spec.title}${en ? ` (${table.version} format)` : `（${table.version}年格式）`}`,
    '',
    en ? `Row: ${rowLabel(spec, rowSpec)}  \nColumn: ${colSpec.header}` : `行：${rowLabel(spec, rowSpec)}  \n列：${colSpec.header}`,
  ];
  if (cell.kind !== 'number') lines.push('', en ? `The cell holds no number (${cell.kind}): blank is not zero.` : `此格不是数字（${KIND_ZH[cell.kind]}）：空白不等于 0。`);
  if (cell.inferred) lines.push('', en ? 'Cut from digits run together: the identities chose where it ends.' : '由连在一起的数字拆出：按勾稽关系断开。');
  const ids = spec.identities.filter((id) => involves(spec, id, row, col));
  if (ids.length) {
    const insts = instances(table, { row, col }).filter((i) => i.terms.some((t) => t.row === row && t.col === col));
    lines.push('', en ? '**Identities**' : '**勾稽关系**', '');
    for (const id of ids) {
      const inst = insts.find((i) => i.spec === id);
      if (inst) lines.push(identityLine(inst, table, row, col, locale, cell.kind === 'number'));
      else lines.push(`- ${ruleByCode(id.code)?.title[locale] ?? id.code}  \n  ${en ? 'not checked: another cell in it is blank or not a number' : '未核对：其中有空白或不是数字的格'}`);
    }
  }
  return { markdown: lines.join('\n'), range: cell.range };
}

const KIND_ZH: Record<string, string> = { blank: '空白', placeholder: '占位符', invalid: '无法读作数字', ambiguous: '有几种拆法', number: '数字' };

function claimHover(report: Report, claim: Claim, locale: Locale): HoverText {
  const en = locale === 'en';
  const lines = [en ? `**Figure in the text**: “${claim.phrase}”` : `**正文数字**：“${claim.phrase}”`, ''];
  const readings = [claim.quantity, ...(claim.alternatives ?? [])];
  const read = readings.map((k) => readQuantity(report, k));
  if (read.every((q) => q === undefined)) {
    lines.push(en ? 'No table cell holds this figure, or a cell it needs is missing or blank: not checked.' : '统计表中没有对应的格，或所需的格缺失、空白：未核对。');
  } else {
    lines.push(en ? (readings.length > 1 ? 'Checked against (any reading that matches passes):' : 'Checked against:') : (readings.length > 1 ? '与下列数字核对（任一相符即可）：' : '与统计表核对：'), '');
    for (const q of read) {
      if (!q) continue;
      const cells = q.terms.map((t) => `${pick(cellName(q.table, t.row, t.col), locale)} ${num(t.value)}`);
      const verdict = Math.abs(q.value - claim.value) < 1e-6 ? OK : `✗ ${en ? 'the table has' : '表中为'} ${num(q.value)}`;
      const shown = cells.length <= 4 ? cells.join(en ? ' + ' : ' + ') : `${cells.slice(0, 3).join(' + ')} + …（${cells.length}${en ? ' cells' : ' 格'}）`;
      lines.push(`- ${TABLE_WORDS[q.table.key][locale]}${pick(quantityName(q), locale)} = ${num(q.value)} ${verdict}  \n  ${shown}`);
    }
  }
  return { markdown: lines.join('\n'), range: claim.range };
}

/** The hover at a position: a table cell's binding and identities, or a prose figure's table cells. */
export function hoverAt(report: Report, p: Position, locale: Locale): HoverText | undefined {
  const cell = cellHover(report, p, locale);
  if (cell) return cell;
  const claim = claimAt(report, p);
  return claim ? claimHover(report, claim, locale) : undefined;
}
