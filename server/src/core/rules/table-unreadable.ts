import type { TableKey } from '../format/schema';
import { TABLE_KEYS } from '../format/statute';
import type { LineIndex, Range } from '../lineIndex';
import { tablesOf, type Table, type TableProblem } from '../model';
import { tableName, tableNameEn } from './names';
import { quote, rowNamed, textOf } from './readerProblems';
import type { Msg, RawFinding, Related, Rule } from './types';

/** Where the reader lost track, in a few words. */
function lostTrack(idx: LineIndex, table: Table, p: TableProblem): Msg {
  const row = rowNamed(table, p);
  if (p.cause === 'unnamed') {
    return {
      zh: `第 ${p.range.start.line + 1} 行“${quote(p.label ?? '')}”中的“${quote(textOf(idx, p))}”没有写明是${p.row === undefined ? '哪一行、' : `${rowNamed(table, p).zh}的`}哪一列（或这一格已写过）`,
      en: `“${quote(textOf(idx, p))}” in line ${p.range.start.line + 1} (“${quote(p.label ?? '')}”) names no column of ${p.row === undefined ? 'any row' : rowNamed(table, p).en} (or a cell written already)`,
    };
  }
  if (p.cause === 'group') {
    return {
      zh: `第 ${p.range.start.line + 1} 行“${quote(p.label ?? '')}”中的“${quote(textOf(idx, p))}”是“法人或其他组织”五列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和，分不出各列各是多少`,
      en: `“${quote(textOf(idx, p))}” in line ${p.range.start.line + 1} (“${quote(p.label ?? '')}”) is the sum of the five columns under 法人或其他组织 (commercial, research, nonprofit, legal services, other): how much each holds cannot be told`,
    };
  }
  if (p.kind === 'stray' && p.label) {
    return {
      zh: `第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”前的“${quote(p.label, true)}”对不上${tableName(table.key)}中任何一行的名称`,
      en: `the label “${quote(p.label, true)}” before “${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} matches no row of ${tableNameEn(table.key)}`,
    };
  }
  if (p.kind === 'stray') {
    return { zh: `第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”不在任何一行的标签之后`, en: `“${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} follows no row label` };
  }
  if (p.cause === 'glyphs') {
    return {
      zh: `第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”是 PDF 字体的字形编号，不是数字（这份 PDF 的字体没有把字形对应到文字）`,
      en: `“${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} is a PDF font's glyph codes, not digits (the PDF's font maps its glyphs to no text)`,
    };
  }
  if (p.cause === 'sentences') {
    return {
      zh: `表格写成了句子，数字跟在列名之后（第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”等），读不出哪个数在哪一格`,
      en: `the table is written as sentences, each number after its column's name (“${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} …), so which cell each number is in cannot be told`,
    };
  }
  if (p.cause === 'transposed') {
    return {
      zh: `行列互换了：各行的名称写在同一行（第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”等），数字按列排列，暂时读不出哪个数在哪一格`,
      en: `rows and columns are swapped: the rows' labels stand on one line (“${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} …) and the numbers run in columns, which cannot be read yet`,
    };
  }
  if (p.cause === 'mirrored') {
    return {
      zh: `行名写在数字之后（第 ${p.range.start.line + 1} 行的“${quote(textOf(idx, p))}”等在这一行的数字右边），看不出哪些数字属于哪一行`,
      en: `the rows' labels stand after their numbers (“${quote(textOf(idx, p))}” on line ${p.range.start.line + 1} …, right of its numbers), so which numbers are whose cannot be told`,
    };
  }
  if (p.cause === 'header') {
    return {
      zh: `第 ${p.range.start.line + 1} 行起的表头与数字对不齐（“总计”等列名夹在“法人或其他组织”的各列之间，多半是合并单元格丢失），按表头和按法定列序都对不上，看不出哪个数在哪一列下`,
      en: `the header from line ${p.range.start.line + 1} does not line up with the numbers (总计 or another column among 法人或其他组织's, merged cells most likely lost), and neither its order nor the statute's fits the rows, so which column each number is under cannot be told`,
    };
  }
  if (p.cause === 'extra') {
    return {
      zh: `${row.zh}读到 ${p.found} 个数：表头中有法定表格没有的列（“合计”“小计”“占比”等），看不出哪个数在这一列、哪些在法定的 ${p.expected} 列`,
      en: `${row.en} has ${p.found} numbers: the header names a column the statutory table has not (合计 beside 总计, 小计, 占比), and which number is that column's and which are the ${p.expected} statutory columns' cannot be told`,
    };
  }
  if (p.cause === 'repeat') {
    // The row's last two numbers: its range ends with them.
    const [total, again] = (textOf(idx, p).match(/-?\d[\d,.]*/g) ?? []).slice(-2);
    return {
      zh: `${row.zh}读到 ${p.found} 个数：表头中“总计”旁的“合计”一列在其他各行都是这一行的总计再写一遍，这一行最后两个数（${total}、${again}）却不同，看不出哪个是总计`,
      en: `${row.en} has ${p.found} numbers: the 合计 column beside 总计 repeats the row's total in the other rows, but this row's last two numbers (${total}, ${again}) differ, so which is 总计 cannot be told`,
    };
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
  // Labels the reader could not match: the way out is the statute's wording, not another layout.
  const advice = lost.every((p) => p.cause === 'group')
    ? { zh: '请分别写出商业企业、科研机构、社会公益组织、法律服务机构、其他各列的数字（没有的写 0），或按法定表格填写', en: 'giving each of the five columns its own figure (0 where there is none), or writing the statutory table, lets it be read' }
    : lost.every((p) => p.cause === 'unnamed' || p.cause === 'group')
    ? { zh: '请在每个数字前写明它所在的列（如“本年制发3件”），或按法定表格填写', en: 'naming each number\'s column before it (本年制发3件), or writing the statutory table, lets it be read' }
    : lost.every((p) => p.label)
    ? { zh: '请按法定表格的写法填写这一行的名称', en: 'writing the row\'s label as the statutory table does lets it be read' }
    : lost.some((p) => p.cause === 'extra' || p.cause === 'repeat')
      ? { zh: '法定表格没有这一列，请删去它（说明可写在表下）', en: 'the statutory table has no such column: removing it (a note may go under the table) lets it be read' }
      : lost.some((p) => p.cause === 'header')
      ? { zh: '请核对表头各列的位置（合并单元格），使每个列名正对其下的数字', en: 'check the header\'s merged cells so that each column\'s name stands over its numbers' }
      : lost.some((p) => p.cause === 'transposed')
      ? { zh: '请按法定表格的行和列填写（不要行列互换）', en: 'writing the statutory table with its rows as rows and its columns as columns lets it be read' }
      : lost.some((p) => p.cause === 'mirrored')
      ? { zh: '请把行名放在每行的第一列（按法定表格填写）', en: 'putting each row\'s label in its first column, as the statutory table does, lets it be read' }
      : lost.some((p) => p.cause === 'sentences')
      ? { zh: '请按法定表格的格式填写表格', en: 'writing the table in the statutory table\'s form lets it be read' }
      : lost.some((p) => p.cause === 'glyphs')
      ? { zh: '请用其他工具从 PDF 提取文字，或对照 PDF 人工核对', en: 'extract the text with another tool, or check the numbers against the PDF by hand' }
      : { zh: '若表格是从网页或 PDF 复制的，请改用制表符分隔或 Markdown 表格', en: 'a table copied from a web page or PDF reads best as tab-separated rows or a Markdown table' };
  return [{
    code: 'table-unreadable', range: lost[0].range,
    message: {
      zh: `读不懂${t.zh}的排版：${shown.map((m) => m.zh).join('；')}${more.zh}。这些数字暂不核对（不一定是报告有错）；${advice.zh}。`,
      en: `${t.en}'s layout could not be read: ${shown.map((m) => m.en).join('; ')}${more.en}. These numbers are not checked (the report is not necessarily wrong); ${advice.en}.`,
    },
    related: (): Related[] => lost.map((p, i) => ({ range: p.range, message: items[i] })),
  }];
}

/** A table given as a picture: nothing of it can be read, and nothing of it is checked. */
function picture(key: TableKey, range: Range): RawFinding {
  return {
    code: 'table-unreadable', range,
    message: {
      zh: `${tableName(key)}是图片，读不出其中的数字：这张表暂不核对（不一定是报告有错）。请对照图片人工核对，或检查表格为文字的原稿（如 Word 文档）。`,
      en: `${tableNameEn(key)} is a picture: its numbers cannot be read and are not checked (the report is not necessarily wrong). Check them against the picture by hand, or check the original with the table as text (e.g. the Word file).`,
    },
  };
}

export const tableUnreadable: Rule = {
  code: 'table-unreadable', severity: 'warning', statutoryOnly: true,
  title: { zh: '读不懂统计表的排版', en: 'A table\'s layout could not be read' },
  description: {
    zh: '检查能读各种排版的统计表：制表符分隔、一格一行、Markdown 表格、空格对齐、PDF 和网页复制的文字。读不懂时（数字不在任何一行之下——例如标签改写得对不上法定表格中任何一行，或同样像两行——，或连在一起的数字按勾稽关系拆不开）只报告这一条，指出在哪里读不懂；这些数字不参与核对，也不会因此报告缺行、空白或算术错误。连在一起的数字拆不开，多半是其中有一个数字写错了。表以图片给出（网页或 Word 中的截图、嵌入的 Excel 表、扫描页）时，说明这张表是图片、未核对，而不报告缺表。',
    en: 'The checker reads tables in every layout: tab-separated, one cell per line, Markdown, space-aligned, text copied from PDFs and web pages. Where it cannot (numbers that follow no row label — a label reworded past matching any row of the statutory table, or as near two rows — run-together digits that cannot be split so that the row adds up) it says so, once per table, and where; those numbers are left out of the checks and never reported as missing rows, blanks or wrong totals. A table given as a picture (a screenshot on a web page or in Word, an embedded Excel sheet, a scanned page) is reported as a picture, not checked, instead of as missing.',
    },
  check: ({ report, idx }) => [
    ...tablesOf(report).flatMap((table) => unreadable(idx, table)),
    ...TABLE_KEYS.flatMap((key) => { const at = report.pictures[key]; return at ? [picture(key, at)] : []; }),
  ],
};
