import type { LineIndex } from '../lineIndex';
import { tablesOf, type Table } from '../model';
import { columnName, num, tableName, tableNameEn } from './names';
import { quote, rowNamed, textOf } from './readerProblems';
import type { RawFinding, Rule } from './types';

function ambiguous(idx: LineIndex, table: Table): RawFinding[] {
  const out: RawFinding[] = [];
  for (const p of table.problems) {
    if (p.kind !== 'ambiguous' || !p.readings || p.row === undefined) continue;
    const first = p.readings[0];
    const open = Object.keys(first).filter((col) => p.readings!.some((r) => r[col].value !== first[col].value));
    const shown = p.readings.slice(0, 4).map((r) => open.map((col) => `${columnName(table, col)} ${num(r[col].value!)}`).join('、'));
    const more = p.readings.length > 4 ? { zh: `等 ${p.readings.length} 种`, en: ` (${p.readings.length} in all)` } : { zh: '', en: '' };
    const row = rowNamed(table, p), digits = quote(textOf(idx, p));
    const adds = table.key === 't2' ? { zh: '', en: '' } : { zh: '（都符合勾稽关系）', en: ' (each adds up)' };
    // A number broken over a line end (a narrow PDF cell): which of the row's numbers the rest on the next line ends.
    if (p.cause === 'broken') {
      out.push({
        code: 'cell-ambiguous', range: p.range,
        message: {
          zh: `${tableName(table.key)}${row.zh}有一个数被换行断开（${digits}，其余的数字在下一行），可以读作：${shown.join('；或 ')}${more.zh}${adds.zh}。无法确定是哪一种，这几格暂不核对；请把断开的数写回一行。`,
          en: `${tableNameEn(table.key)}, ${row.en}: a number is broken over a line end (${digits}, its rest on the next line) and can be read as ${shown.join('; or ')}${more.en}${adds.en}. Which one cannot be told; the cells are not checked. Write the number on one line.`,
        },
      });
      continue;
    }
    out.push({
      code: 'cell-ambiguous', range: p.range,
      message: {
        zh: `${tableName(table.key)}${row.zh}的数字连在一起（${digits}），可以拆成：${shown.join('；或 ')}${more.zh}${table.key === 't2' ? '' : '（都符合勾稽关系）'}。无法确定是哪一种，这几格暂不核对；请在数字之间加上分隔。`,
        en: `${tableNameEn(table.key)}, ${row.en}: the digits run together (${digits}) can be split as ${shown.join('; or ')}${more.en}${table.key === 't2' ? '' : ' (each adds up)'}. Which one cannot be told; the cells are not checked. Separate the numbers.`,
      },
    });
  }
  return out;
}

export const cellAmbiguous: Rule = {
  code: 'cell-ambiguous', severity: 'information', statutoryOnly: true,
  title: { zh: '连在一起的数字有几种拆法', en: 'Run-together digits split more than one way' },
  description: {
    zh: '网页复制的文字常把一行的数字连在一起（“558000063”）。检查按表内的勾稽关系和正文中的数字拆分；有不止一种拆法都说得通时，列出各种拆法，这几格不参与核对。在数字之间加上分隔即可。',
    en: 'Text copied from a web page often runs a row\'s numbers together (“558000063”). They are split by the table\'s identities and the figures in the prose; when more than one split fits, the splits are listed and those cells are not checked.',
    },
  check: ({ report, idx }) => tablesOf(report).flatMap((table) => ambiguous(idx, table)),
};
