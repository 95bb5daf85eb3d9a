import { tableSpec } from '../format/statute';
import type { Cell, Table } from '../model';
import { cellName, num } from './names';
import { oddCells } from './oddCells';
import { unusableCell } from './requiredValue';
import type { Msg, RawFinding, Rule } from './types';

/** What is wrong with a cell that holds text or a number no count can be, if anything. */
function invalid(table: Table, row: string, col: string, cell: Cell): Msg | undefined {
  const where = cellName(table, row, col);
  const column = tableSpec(table.version, table.key).columns.find((c) => c.key === col)!;
  if (cell.kind === 'invalid') return { zh: `${where.zh}的“${cell.raw}”不是数字。`, en: `${where.en}: “${cell.raw}” is not a number.` };
  if (cell.kind !== 'number') return undefined;
  if (!column.signed && cell.value! < 0) {
    return { zh: `${where.zh}是负数 ${num(cell.value!)}；件数不能为负。`, en: `${where.en} is negative (${num(cell.value!)}); counts cannot be negative.` };
  }
  if (!column.decimals && !Number.isInteger(cell.value)) {
    return { zh: `${where.zh}是小数 ${num(cell.value!)}；件数须为整数。`, en: `${where.en} is a fraction (${num(cell.value!)}); counts are whole numbers.` };
  }
  return undefined;
}

export const cellInvalid: Rule = {
  code: 'cell-invalid', severity: 'error', statutoryOnly: true,
  title: { zh: '统计表中的数字无效：不是数字、负数或件数带小数', en: 'Invalid number in a table: not a number, negative, or a fraction in a count' },
  description: {
    zh: '件数只能是非负整数；只有表二的收费金额（万元）可以有小数，2019 年格式的“本年增/减”可以为负。',
    en: 'Counts are non-negative whole numbers; only the fee amount (万元) in table 2 may have decimals, and only the 2019 “本年增/减” column may be negative.',
  },
  check({ report }) {
    const out: RawFinding[] = [];
    for (const odd of oddCells(report)) {
      const message = invalid(odd.table, odd.row, odd.col, odd.cell);
      if (message) out.push(unusableCell('cell-invalid', message, odd));
    }
    return out;
  },
};
