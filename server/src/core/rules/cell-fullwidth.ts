import type { Cell, Table } from '../model';
import { isHanZero } from '../numbering';
import { toHalfWidth } from '../strings';
import { DASH_SIGNS } from '../parse/values';
import { cellName } from './names';
import { oddCells } from './oddCells';
import type { RawFinding, Rule } from './types';

const DASH = new RegExp(`[${DASH_SIGNS}]`, 'g');

/** The finding on a cell written with full-width digits, Chinese numerals (〇, 十二) or a thousands separator. */
function fullwidthFinding(table: Table, cell: Cell, row: string, col: string): RawFinding {
  const { raw } = cell;
  const where = cellName(table, row, col);
  const zero = isHanZero(raw.trim()) || /^[零〇一二两三四五六七八九十百千]+$/.test(raw.trim());
  const dash = [...DASH_SIGNS].some((d) => raw.includes(d));
  const want = zero ? String(cell.value) : toHalfWidth(raw).replace(DASH, '-').replace(/(?<=\d)[, \u00a0\u2009\u202f](?=\d)/g, '');
  const what = zero ? { zh: '用了汉字', en: 'is written as a Chinese numeral' }
    : dash ? { zh: `用了${raw.includes('\u2014') ? '破折号' : '连字符或短横线'}作负号，不是减号“-”（多由复制粘贴或自动更正造成）`, en: 'has a hyphen or dash for its minus sign' }
    : /[０-９．－＋]/.test(raw)
      ? { zh: '用了全角数字', en: 'is written with full-width digits' }
      : { zh: '用了千位分隔符', en: 'has a thousands separator' };
  return {
    code: 'cell-fullwidth', range: cell.range,
    message: { zh: `${where.zh}的“${raw}”${what.zh}，应写作“${want}”。`, en: `${where.en}: “${raw}” ${what.en}; write “${want}”.` },
    fix: { title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ range: cell.range, newText: want }], safe: true }, // the same number, written plainly
  };
}

export const cellFullwidth: Rule = {
  code: 'cell-fullwidth', severity: 'information', statutoryOnly: true,
  title: { zh: '表格数字用了全角字符、汉字零或千位分隔符', en: 'Full-width digits, a Chinese zero or a thousands separator in a table cell' },
  description: {
    zh: '表格数字应使用半角阿拉伯数字，不加千位分隔符（“１２”“〇”“1,234”“1 234”应写作“12”“0”“1234”“1234”）；负号用减号“-”，不用连字符或破折号（“‑3”“–3”“—3”应写作“-3”）。检查仍按数字核对；快速修复改为半角阿拉伯数字。',
    en: 'Table numbers use ASCII digits without thousands separators (“１２”, “〇”, “1,234”, “1 234” are written 12, 0, 1234, 1234); a minus is “-”, not a hyphen or a dash (“‑3”, “–3”, “—3” are written -3). They are still read and checked; the quick fix normalises them.',
  },
  check: ({ report }) => oddCells(report).filter(({ cell }) => cell.nonstandard).map(({ table, row, col, cell }) => fullwidthFinding(table, cell, row, col)),
};
