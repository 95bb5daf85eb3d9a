import { cellName } from './names';
import { oddCells } from './oddCells';
import { unusableCell } from './requiredValue';
import type { RawFinding, Rule } from './types';

export const cellBlank: Rule = {
  code: 'cell-blank', severity: 'warning', statutoryOnly: true,
  title: { zh: '统计表中应填数字的格子为空或只有占位符', en: 'A table cell that needs a number is blank or a placeholder' },
  description: {
    zh: '空白、“/”、“-”、“—”、“×”、“无”都不等于 0：读者无法知道是没有还是漏填。没有的请填 0。能由勾稽关系算出的，快速修复会填入算出的数字。空白格不参与勾稽关系核对，也不会因此报算术错误。',
    en: 'Blank, “/”, “-”, “—”, “×” and “无” are not zero: a reader cannot tell none from not filled in. Write 0 for none. When the identities determine the value, the quick fix fills it in. Blank cells are left out of the arithmetic checks.',
  },
  check({ report }) {
    const out: RawFinding[] = [];
    for (const odd of oddCells(report)) {
      const { table, row, col, cell } = odd;
      if (cell.kind !== 'blank' && cell.kind !== 'placeholder') continue;
      const where = cellName(table, row, col);
      const what = cell.kind === 'blank' ? { zh: '是空白', en: 'is blank' } : { zh: `只填了“${cell.raw}”`, en: `holds only “${cell.raw}”` };
      out.push(unusableCell('cell-blank', { zh: `${where.zh}${what.zh}。空白不等于 0：没有请填 0。`, en: `${where.en} ${what.en}. Blank is not zero: write 0 for none.` }, odd));
    }
    return out;
  },
};
