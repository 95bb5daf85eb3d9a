import type { TableKey } from '../format/schema';
import { tablesOf, type Table } from '../model';
import { tableName, tableNameEn } from './names';
import { rowNamed } from './readerProblems';
import type { RawFinding, Rule } from './types';

function counts(table: Table): RawFinding[] {
  const out: RawFinding[] = [];
  const key: TableKey = table.key;
  // A table written a row a line that leaves columns out on several rows (自然人5件，总计5件: the zeros not written):
  // one finding for the table, each row's place related; the cells left out are blank, not 0.
  const unnamed = table.problems.filter((p) => p.kind === 'too-few' && p.cause === 'unnamed');
  if (unnamed.length > 1) {
    const cells = unnamed.reduce((n, p) => n + p.expected - p.found, 0);
    const first = rowNamed(table, unnamed[0]);
    out.push({
      code: 'row-cells', range: unnamed[0].range,
      message: {
        zh: `${tableName(key)}有 ${unnamed.length} 行没有写出全部列的数字（如${first.zh}没有写出“${unnamed[0].label}”），共 ${cells} 格；没有写出的不按 0 计，这些格暂不核对。没有的请填 0。`,
        en: `${tableNameEn(key)}: ${unnamed.length} rows leave columns out (${first.en}: “${unnamed[0].label}”), ${cells} cells in all; a figure not written is not read as 0, so those cells are not checked. Write 0 where there is nothing to count.`,
      },
      related: () => unnamed.map((p) => ({ range: p.range, message: { zh: `${rowNamed(table, p).zh}：没有写出“${p.label}”`, en: `${rowNamed(table, p).en}: no “${p.label}”` } })),
    });
  }
  for (const p of table.problems) {
    if (p.kind !== 'too-few' && p.kind !== 'too-many') continue;
    if (unnamed.length > 1 && p.cause === 'unnamed') continue;
    const row = rowNamed(table, p);
    if (p.cause === 'twice' && p.again) {
      const [a, b] = [p.range.start.line + 1, p.again.start.line + 1];
      out.push({
        code: 'row-cells', range: p.range,
        message: {
          zh: `${tableName(key)}${row.zh}出现两次（第 ${a} 行和第 ${b} 行），数字不同；无法确定以哪一行为准，这一行暂不核对。请删去多余的一行。`,
          en: `${tableNameEn(key)}, ${row.en} is written twice (lines ${a} and ${b}) with different numbers; which one stands cannot be told, so the row is not checked. Delete the extra one.`,
        },
        related: () => [{ range: p.again!, message: { zh: '这一行的另一处', en: 'the row written again' } }],
      });
      continue;
    }
    out.push({
      code: 'row-cells', range: p.range,
      message: p.cause === 'unnamed'
        ? { zh: `${tableName(key)}${row.zh}没有写出“${p.label}”的数字；这一格暂不核对。没有的请填 0。`, en: `${tableNameEn(key)}, ${row.en}: no figure is given for “${p.label}”; the cell is not checked. Write 0 where there is nothing to count.` }
        : p.kind === 'too-few' && p.found === 0
        ? { zh: `${tableName(key)}${row.zh}没有数字，应有 ${p.expected} 个；这一行暂不核对。没有的请填 0。`, en: `${tableNameEn(key)}, ${row.en}: no numbers for ${p.expected} columns; the row is not checked. Write 0 where there is nothing to count.` }
        : p.kind === 'too-few'
        ? { zh: `${tableName(key)}${row.zh}只读到 ${p.found} 个数，应有 ${p.expected} 个；无法确定缺的是哪一列，这一行暂不核对。没有的请填 0。`, en: `${tableNameEn(key)}, ${row.en}: found ${p.found} numbers for ${p.expected} columns; which one is missing cannot be told, so the row is not checked.` }
        : { zh: `${tableName(key)}${row.zh}读到 ${p.found} 个数，多于 ${p.expected} 列；无法确定哪个是多余的，这一行暂不核对。`, en: `${tableNameEn(key)}, ${row.en}: found ${p.found} numbers for ${p.expected} columns; which one is extra cannot be told, so the row is not checked.` },
    });
  }
  return out;
}

export const rowCells: Rule = {
  code: 'row-cells', severity: 'warning', statutoryOnly: true,
  title: { zh: '一行的数字个数与列数不符，无法确定各数所属的列', en: 'A row has more or fewer numbers than columns' },
  description: {
    zh: '一行读到的数字比表头的列多或少时，无法确定哪一格缺了或多了。检查不会猜测，也不会把数字挪到别的列；这一行不参与核对，请补齐或删去多余的数字。同一行写了两次、数字不同（粘贴了两遍）时，也不取其中任何一行，指出这两处。',
    en: 'When a row has more or fewer numbers than the table has columns, the checker cannot tell which one is missing or extra. It does not guess or shift numbers; the row is left out of the arithmetic. A row written twice with different numbers (pasted again) is named at both places, and neither is taken.',
    },
  check: ({ report }) => tablesOf(report).flatMap((table) => counts(table)),
};
