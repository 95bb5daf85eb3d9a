import { Document, type FileChild, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, Textbox, TextRun, WidthType } from 'docx';
import type { Figures } from './figures';
import { rowspans } from './html';
import { reportParts } from './render';
import { relabel, type LabelFamily } from './labels';
import { random } from './typeset';
import { blockTables, splitTable, wordTable, type TableSplit, type WordCell, type WordTable } from './word';

// A report as the Word file it is drafted in: headings, prose paragraphs, and the statutory tables
// with the template's merged cells (gridSpan and vMerge, through the docx package's columnSpan and
// rowSpan). Word splits text into runs wherever its formatting or editing history changes: a number
// is sometimes two runs here.

function cellOf(c: WordCell, rowSpan: number, next: () => number): TableCell {
  let children: Paragraph[];
  if (c.kind === 'value') {
    const cut = c.text.length > 1 && next() < 0.4 ? 1 + Math.floor(next() * (c.text.length - 1)) : c.text.length;
    const runs = [c.text.slice(0, cut), c.text.slice(cut)].filter(Boolean).map((t) => new TextRun(t));
    children = [new Paragraph({ children: runs })];
  } else {
    // A header's lines are its paragraphs (结果 / 维持).
    children = c.lines.map((line) => new Paragraph(line));
  }
  return new TableCell({ children, columnSpan: c.span > 1 ? c.span : undefined, rowSpan: rowSpan > 1 ? rowSpan : undefined });
}

/** The table; `repeatHeader`: its leading header rows marked to repeat on every page (tblHeader). */
function tableOf(table: WordTable, next: () => number, repeatHeader = false): Table {
  const spans = rowspans(table);
  const data = table.rows.findIndex((r) => r.kind === 'data');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map((row, i) => new TableRow({
      tableHeader: repeatHeader && row.kind === 'head' && i < data ? true : undefined,
      children: row.cells.filter((c) => !c.below).map((c) => cellOf(c, spans.get(c) ?? 1, next)),
    })),
  });
}

/**
 * Where a drafter put each statutory table: in the body, in the one cell of a layout table (a
 * nested table), or in a text box.
 */
export type Frame = 'none' | 'table' | 'textbox';

function framed(table: Table, frame: Frame): FileChild {
  if (frame === 'table') return new Table({ rows: [new TableRow({ children: [new TableCell({ children: [table, new Paragraph('')] })] })] });
  if (frame === 'textbox') return new Textbox({ style: { width: '450pt', height: '400pt' }, children: [table] });
  return table;
}

/**
 * A table as the drafter left it where a page breaks (TableSplit): in two, with a paragraph between
 * them (Word joins two tables that touch); the header rows of both marked to repeat when `header`.
 */
function tablesOf(table: WordTable, next: () => number, frame: Frame, split: TableSplit | 'blocks' | undefined): FileChild[] {
  if (split === 'blocks') return blockTables(table).flatMap((part, i) => [...(i > 0 ? [new Paragraph('')] : []), framed(tableOf(part, next), frame)]);
  const parts = (split ? splitTable(table, split) : [table]).map((part) => framed(tableOf(part, next, split?.header), frame));
  if (parts.length === 1) return parts;
  return [parts[0], split!.between ? new Paragraph(split!.between) : new Paragraph({ children: [new PageBreak()] }), parts[1]];
}

/**
 * The report as .docx bytes; `labels`: its tables' labels as a clerk retyped them (labels.ts);
 * `split`: each table that has more rows split where a page breaks, or ('blocks') table 4 drawn as a
 * table for 行政复议 and one for 行政诉讼 (word.ts blockTables).
 */
export async function renderDocx(f: Figures, seed = 0, frame: Frame = 'none', labels?: LabelFamily, split?: TableSplit | 'blocks'): Promise<Buffer> {
  const next = random(seed);
  const children = reportParts(f).flatMap((p) => p.kind === 'table' ? tablesOf(relabel(wordTable(f, p.key), labels), next, frame, split)
    : p.kind === 'title' ? new Paragraph({ text: p.text, heading: HeadingLevel.TITLE })
      : p.kind === 'heading' ? new Paragraph({ text: p.text, heading: HeadingLevel.HEADING_2 })
        : new Paragraph(p.text));
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
