import { tableSpec } from '../format/statute';
import type { LineIndex } from '../lineIndex';
import type { Cell, Table } from '../model';
import { toHalfWidth } from '../strings';
import { cellName } from './names';
import { oddCells } from './oddCells';
import type { RawFinding, Rule } from './types';

/** A decimal string divided by 10,000 without float noise: “3000” → “0.3”. */
function tenThousandths(number: string): string {
  const [int, frac = ''] = number.split('.');
  const padded = int.padStart(5, '0');
  const digits = (padded.slice(-4) + frac).replace(/0+$/, '');
  return padded.slice(0, -4).replace(/^0+(?=\d)/, '') + (digits ? '.' + digits : '');
}

/** The finding on a cell written with a unit (“373.91万元”, “3000元” in a column of 万元). */
function unitFinding(table: Table, idx: LineIndex, cell: Cell, row: string, col: string): RawFinding {
  const { raw, unit } = cell as Cell & { unit: string };
  const where = cellName(table, row, col);
  const number = raw.slice(0, raw.length - unit.length).trimEnd();
  const end = idx.offset(cell.range.end);
  const header = tableSpec(table.version, table.key).columns.find((c) => c.key === col)?.header ?? '';
  const inTenThousands = header.includes('万元') && unit === '元';
  const want = inTenThousands ? tenThousandths(toHalfWidth(number).replace(/,/g, '').replace(/^\+/, '')) : number;
  return {
    code: 'cell-unit', range: idx.range(end - unit.length, end),
    message: inTenThousands
      ? { zh: `${where.zh}写的是“${raw}”，而本列以万元为单位：应填 ${want}。`, en: `${where.en} holds “${raw}” but the column is in 万元 (ten thousand yuan): write ${want}.` }
      : { zh: `${where.zh}的“${raw}”带了单位“${unit}”：表内只填数字，应为“${want}”。`, en: `${where.en}: “${raw}” carries the unit “${unit}”; table cells hold the number only (“${want}”).` },
    fix: { title: inTenThousands ? { zh: `改为 ${want}（万元）`, en: `Change to ${want} (万元)` } : { zh: `去掉单位，改为“${want}”`, en: `Remove the unit: “${want}”` }, edits: [{ range: cell.range, newText: want }], safe: !inTenThousands }, // 元 → 万元 changes the figure itself: the author confirms it
  };
}

export const cellUnit: Rule = {
  code: 'cell-unit', severity: 'warning', statutoryOnly: true,
  title: { zh: '表格内写了单位', en: 'A unit inside a table cell' },
  description: {
    zh: '表格的格子里只填数字，单位由表头注明（如“本年收费金额（单位：万元）”）。“373.91万元”虽然能读出数字，但不合表样；以“元”填在万元列里则数字差了一万倍。快速修复去掉单位（元换算为万元）。',
    en: 'Cells hold numbers only; the header gives the unit. The quick fix removes the unit (and converts 元 to 万元 in a 万元 column).',
  },
  check: ({ report, idx }) => oddCells(report).filter(({ cell }) => cell.unit).map(({ table, row, col, cell }) => unitFinding(table, idx, cell, row, col)),
};
