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
  // A formula pasted as text (Excel's =SUM(C6:H6), a Word field's code): the number it computes is what belongs here.
  if (cell.kind === 'invalid' && /^(?:\{\s*)?[=＝]/.test(cell.raw)) {
    return {
      zh: `${where.zh}是公式“${cell.raw}”，不是数字：表中须填它算出的数。从 Excel 复制时请“选择性粘贴”为数值；Word 表格中的域请选中后按 F9 更新、再按 Ctrl+Shift+F9 转为文字。`,
      en: `${where.en} holds the formula “${cell.raw}”, not a number: the table needs the number it computes. Paste Excel cells as values; in Word, update fields (F9) and unlink them (Ctrl+Shift+F9).`,
    };
  }
  // The error value Excel shows for a formula it cannot compute (#REF!: it refers to a cell deleted).
  if (cell.kind === 'invalid' && /^#[A-Z/0!?]+/.test(cell.raw)) {
    return {
      zh: `${where.zh}是 Excel 的错误值“${cell.raw}”，不是数字：这一格的公式算不出结果（引用的格子被删除或有误）。请在 Excel 中改正后把数值粘贴过来。`,
      en: `${where.en} holds Excel's error value “${cell.raw}”, not a number: its formula cannot be computed (it refers to a deleted or wrong cell). Correct it in Excel and paste the values.`,
    };
  }
  // Digits with a blank between them typed in one cell (2 0): one number or two, the cell cannot say which.
  if (cell.kind === 'invalid' && /^[+\-−－]?\s*\d+(?:\s+\d+)*$/.test(cell.raw)) {
    return {
      zh: `${where.zh}的“${cell.raw}”中间有空格，不是一个数：一格只能填一个数，请删去空格或改正。`,
      en: `${where.en}: “${cell.raw}” has a blank between its digits and is not one number: a cell holds one number; remove the blank or correct it.`,
    };
  }
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
    zh: '件数只能是非负整数；只有表二的收费金额（万元）可以有小数，2019 年格式的“本年增/减”可以为负。粘贴成文字的公式（Excel 的 `=SUM(C6:H6)`、Word 域代码 `{ =SUM(LEFT) }`）和 Excel 的错误值（`#REF!`）不是数字：表中须填它算出的数。',
    en: 'Counts are non-negative whole numbers; only the fee amount (万元) in table 2 may have decimals, and only the 2019 “本年增/减” column may be negative. A formula pasted as text (Excel\'s `=SUM(C6:H6)`, a Word field code `{ =SUM(LEFT) }`) and Excel\'s error values (`#REF!`) are no number: the table needs the number it computes.',
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
