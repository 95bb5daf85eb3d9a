import { tableSpec } from '../format/statute';
import { eachCell, type Cell, type Table } from '../model';
import { instances, solve } from '../identities';
import { cellName, num } from './names';
import type { Check, Fix, RawFinding } from './types';

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

function fixFor(table: Table, row: string, col: string, cell: Cell): Fix | undefined {
  const v = required(table, row, col);
  return v === undefined ? undefined : { title: { zh: `填入 ${num(v)}（由勾稽关系算出）`, en: `Fill in ${num(v)} (from the table's identities)` }, edits: [{ range: cell.range, newText: num(v) }] };
}

/** What is wrong with a cell that is not a plain count, if anything. */
function cellFinding(table: Table, row: string, col: string, cell: Cell): RawFinding | undefined {
  const where = cellName(table, row, col);
  const column = tableSpec(table.version, table.key).columns.find((c) => c.key === col)!;
  let message: { zh: string; en: string } | undefined;
  let code = 'cell-invalid';
  if (cell.kind === 'blank' || cell.kind === 'placeholder') {
    code = 'cell-blank';
    const what = cell.kind === 'blank' ? { zh: '是空白', en: 'is blank' } : { zh: `只填了“${cell.raw}”`, en: `holds only “${cell.raw}”` };
    message = { zh: `${where.zh}${what.zh}。空白不等于 0：没有请填 0。`, en: `${where.en} ${what.en}. Blank is not zero: write 0 for none.` };
  } else if (cell.kind === 'invalid') {
    message = { zh: `${where.zh}的“${cell.raw}”不是数字。`, en: `${where.en}: “${cell.raw}” is not a number.` };
  } else if (!column.signed && cell.value! < 0) {
    message = { zh: `${where.zh}是负数 ${num(cell.value!)}；件数不能为负。`, en: `${where.en} is negative (${num(cell.value!)}); counts cannot be negative.` };
  } else if (!column.decimals && !Number.isInteger(cell.value)) {
    message = { zh: `${where.zh}是小数 ${num(cell.value!)}；件数须为整数。`, en: `${where.en} is a fraction (${num(cell.value!)}); counts are whole numbers.` };
  }
  if (!message) return undefined;
  const finding: RawFinding = { code, message, range: cell.range };
  const fix = fixFor(table, row, col, cell);
  if (fix) finding.fix = fix;
  return finding;
}

export const cells: Check = {
  statutoryOnly: true,
  rules: [
    {
      code: 'cell-blank', severity: 'warning',
      title: { zh: '统计表中应填数字的格子为空或只有占位符', en: 'A table cell that needs a number is blank or a placeholder' },
      description: {
        zh: '空白、“/”、“-”、“—”、“无”都不等于 0：读者无法知道是没有还是漏填。没有的请填 0。能由勾稽关系算出的，快速修复会填入算出的数字。空白格不参与勾稽关系核对，也不会因此报算术错误。',
        en: 'Blank, “/”, “-”, “—” and “无” are not zero: a reader cannot tell none from not filled in. Write 0 for none. When the identities determine the value, the quick fix fills it in. Blank cells are left out of the arithmetic checks.',
      },
    },
    {
      code: 'cell-invalid', severity: 'error',
      title: { zh: '统计表中的数字无效：不是数字、负数或件数带小数', en: 'Invalid number in a table: not a number, negative, or a fraction in a count' },
      description: {
        zh: '件数只能是非负整数；只有表二的收费金额（万元）可以有小数，2019 年格式的“本年增/减”可以为负。',
        en: 'Counts are non-negative whole numbers; only the fee amount (万元) in table 2 may have decimals, and only the 2019 “本年增/减” column may be negative.',
      },
    },
  ],
  run({ report }) {
    const out: RawFinding[] = [];
    for (const table of Object.values(report.tables)) {
      if (!table) continue;
      eachCell(table, (cell, row, col) => {
        if (cell.kind === 'number' && Number.isInteger(cell.value) && cell.value! >= 0) return; // the common case
        if (cell.kind === 'ambiguous') return; // the reader says so itself (cell-ambiguous)
        const finding = cellFinding(table, row, col, cell);
        if (finding) out.push(finding);
      });
    }
    return out;
  },
};
