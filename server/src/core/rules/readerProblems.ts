import type { LineIndex } from '../lineIndex';
import type { Table, TableProblem } from '../model';
import { rowName } from './names';
import type { Msg } from './types';

// How the findings on what the table reader could not read (Table.problems: table-unreadable,
// cell-ambiguous, row-cells) quote the text and name the row. These findings say that the reader
// lost track, and where; they never blame the author for it, and the cells involved are left out
// of the arithmetic instead of being turned into blank cells, missing rows or wrong totals.

/** The text a problem covers. */
export const textOf = (idx: LineIndex, p: TableProblem) => idx.text.slice(idx.offset(p.range.start), idx.offset(p.range.end));
/** A quote of at most 24 characters: its start, or (`end`) its end. */
export const quote = (s: string, end = false) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= 24 ? t : end ? `…${t.slice(-23)}` : `${t.slice(0, 23)}…`;
};
/** ““本年新收申请”一行”; table 4's one data row; nothing for numbers outside any row. */
export const rowNamed = (table: Table, p: TableProblem): Msg =>
  p.row === undefined ? { zh: '', en: '' } : table.key === 't4' ? { zh: '数据行', en: 'the data row' } : { zh: `“${rowName(table, p.row)}”一行`, en: `row “${rowName(table, p.row)}”` };
