import type { TableKey } from '../format/schema';
import type { Table, TableProblem } from '../model';
import type { LineIndex } from '../lineIndex';
import { columnName, num, rowName, tableName, tableNameEn } from './names';
import type { Check, Msg, RawFinding, Related } from './types';

// What the table reader could not read (Table.problems). These findings say that the reader lost
// track, and where; they never blame the author for it, and the cells involved are left out of the
// arithmetic instead of being turned into blank cells, missing rows or wrong totals.

const textOf = (idx: LineIndex, p: TableProblem) => idx.text.slice(idx.offset(p.range.start), idx.offset(p.range.end));
/** A quote of at most 24 characters. */
const quote = (s: string) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > 24 ? `${t.slice(0, 23)}…` : t; };
const rowNamed = (table: Table, p: TableProblem): Msg =>
  p.row === undefined ? { zh: '', en: '' } : table.key === 't4' ? { zh: '数据行', en: 'the data row' } : { zh: `“${rowName(table, p.row)}”一行`, en: `row “${rowName(table, p.row)}”` };

/** Where the reader lost track, in a few words. */
function lostTrack(idx: LineIndex, table: Table, p: TableProblem): Msg {
  const row = rowNamed(table, p);
  if (p.kind === 'stray') {
    return { zh: `第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”不在任何一行的标签之后`, en: `“${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} follows no row label` };
  }
  if (p.row === undefined) return { zh: '读不出其中任何一行', en: 'none of its rows could be read' };
  if (p.cause === 'short') return { zh: `${row.zh}只读到 ${p.found} 个数，应有 ${p.expected} 个`, en: `${row.en} has ${p.found} numbers for ${p.expected} columns` };
  if (p.cause === 'mixed') return { zh: `${row.zh}的数字夹在表头文字之间，看不出哪个数在哪一列下`, en: `${row.en}: its numbers stand among the header's words, so which column each is under cannot be told` };
  const digits = quote(textOf(idx, p).replace(/^\D+/, ''));
  return p.cause === 'long'
    ? { zh: `${row.zh}的数字连在一起（${digits}），太长，无法拆分`, en: `${row.en}: the digits run together (${digits}) are too long to split` }
    : { zh: `${row.zh}的数字连在一起（${digits}），按表内的勾稽关系拆不成 ${p.expected} 个数`, en: `${row.en}: the digits run together (${digits}) cannot be split into ${p.expected} numbers that add up` };
}

function unreadable(idx: LineIndex, table: Table): RawFinding[] {
  const lost = table.problems.filter((p) => p.kind === 'unreadable' || p.kind === 'stray')
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (lost.length === 0) return [];
  const t = { zh: tableName(table.key), en: tableNameEn(table.key) };
  const items = lost.map((p) => lostTrack(idx, table, p));
  const shown = items.slice(0, 3);
  const more = items.length > 3 ? { zh: `等 ${items.length} 处`, en: ` and ${items.length - 3} more` } : { zh: '', en: '' };
  return [{
    code: 'table-unreadable', range: lost[0].range,
    message: {
      zh: `读不懂${t.zh}的排版：${shown.map((m) => m.zh).join('；')}${more.zh}。这些数字暂不核对（不一定是报告有错）；若表格是从网页或 PDF 复制的，请改用制表符分隔或 Markdown 表格。`,
      en: `${t.en}'s layout could not be read: ${shown.map((m) => m.en).join('; ')}${more.en}. These numbers are not checked (the report is not necessarily wrong); a table copied from a web page or PDF reads best as tab-separated rows or a Markdown table.`,
    },
    related: (): Related[] => lost.map((p, i) => ({ range: p.range, message: items[i] })),
  }];
}

function ambiguous(idx: LineIndex, table: Table): RawFinding[] {
  const out: RawFinding[] = [];
  for (const p of table.problems) {
    if (p.kind !== 'ambiguous' || !p.readings || p.row === undefined) continue;
    const first = p.readings[0];
    const open = Object.keys(first).filter((col) => p.readings!.some((r) => r[col].value !== first[col].value));
    const shown = p.readings.slice(0, 4).map((r) => open.map((col) => `${columnName(table, col)} ${num(r[col].value!)}`).join('、'));
    const more = p.readings.length > 4 ? { zh: `等 ${p.readings.length} 种`, en: ` (${p.readings.length} in all)` } : { zh: '', en: '' };
    const row = rowNamed(table, p), digits = quote(textOf(idx, p));
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

function counts(table: Table): RawFinding[] {
  const out: RawFinding[] = [];
  const key: TableKey = table.key;
  for (const p of table.problems) {
    if (p.kind !== 'too-few' && p.kind !== 'too-many') continue;
    const row = rowNamed(table, p);
    out.push({
      code: 'row-cells', range: p.range,
      message: p.kind === 'too-few'
        ? { zh: `${tableName(key)}${row.zh}只读到 ${p.found} 个数，应有 ${p.expected} 个；无法确定缺的是哪一列，这一行暂不核对。没有的请填 0。`, en: `${tableNameEn(key)}, ${row.en}: found ${p.found} numbers for ${p.expected} columns; which one is missing cannot be told, so the row is not checked.` }
        : { zh: `${tableName(key)}${row.zh}读到 ${p.found} 个数，多于 ${p.expected} 列；无法确定哪个是多余的，这一行暂不核对。`, en: `${tableNameEn(key)}, ${row.en}: found ${p.found} numbers for ${p.expected} columns; which one is extra cannot be told, so the row is not checked.` },
    });
  }
  return out;
}

export const reader: Check = {
  statutoryOnly: true,
  rules: [
    {
      code: 'table-unreadable', severity: 'warning',
      title: { zh: '读不懂统计表的排版', en: 'A table\'s layout could not be read' },
      description: {
        zh: '检查能读各种排版的统计表：制表符分隔、一格一行、Markdown 表格、空格对齐、PDF 和网页复制的文字。读不懂时（数字不在任何一行之下，或连在一起的数字按勾稽关系拆不开）只报告这一条，指出在哪里读不懂；这些数字不参与核对，也不会因此报告缺行、空白或算术错误。连在一起的数字拆不开，多半是其中有一个数字写错了。',
        en: 'The checker reads tables in every layout: tab-separated, one cell per line, Markdown, space-aligned, text copied from PDFs and web pages. Where it cannot (numbers that follow no row label, run-together digits that cannot be split so that the row adds up) it says so, once per table, and where; those numbers are left out of the checks and never reported as missing rows, blanks or wrong totals.',
      },
    },
    {
      code: 'cell-ambiguous', severity: 'information',
      title: { zh: '连在一起的数字有几种拆法', en: 'Run-together digits split more than one way' },
      description: {
        zh: '网页复制的文字常把一行的数字连在一起（“558000063”）。检查按表内的勾稽关系和正文中的数字拆分；有不止一种拆法都说得通时，列出各种拆法，这几格不参与核对。在数字之间加上分隔即可。',
        en: 'Text copied from a web page often runs a row\'s numbers together (“558000063”). They are split by the table\'s identities and the figures in the prose; when more than one split fits, the splits are listed and those cells are not checked.',
      },
    },
    {
      code: 'row-cells', severity: 'warning',
      title: { zh: '一行的数字个数与列数不符，无法确定各数所属的列', en: 'A row has more or fewer numbers than columns' },
      description: {
        zh: '一行读到的数字比表头的列多或少时，无法确定哪一格缺了或多了。检查不会猜测，也不会把数字挪到别的列；这一行不参与核对，请补齐或删去多余的数字。',
        en: 'When a row has more or fewer numbers than the table has columns, the checker cannot tell which one is missing or extra. It does not guess or shift numbers; the row is left out of the arithmetic.',
      },
    },
  ],
  run({ report, idx }) {
    const out: RawFinding[] = [];
    for (const table of Object.values(report.tables)) if (table) out.push(...unreadable(idx, table), ...ambiguous(idx, table), ...counts(table));
    return out;
  },
};
