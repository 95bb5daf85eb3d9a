import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlign, WidthType,
} from 'docx';
import { rowSpans, type WordTable } from '../core/authoring/wordTable';
import type { TableKey } from '../core/format/schema';
import type { Part } from './parts';

// The parts of a report as a Word file in the look of official documents (GB/T 9704): A4, margins
// 37/35/28/26 mm, the title in 方正小标宋简体 二号 centred, the text in 仿宋_GB2312 三号 with a
// two-character indent and a fixed 29 pt line (22 lines a page), section headings in 黑体, sub-headings
// in 楷体, page numbers “— 1 —” below. The tables are in 仿宋 五号, in a fixed layout whose columns add
// up to the text's width, their merged headers as Word merges them (gridSpan, vMerge). Only an export
// loads it (dist/exporter.js, see index.ts).

const mm = (x: number) => Math.round((x * 1440) / 25.4);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
/** The text's width in twips: a table fills it exactly. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

// A font the reader's computer lacks is replaced by the font table's alternative (w:altName):
// 仿宋_GB2312 by 仿宋, 方正小标宋简体 by 宋体 (see FONT_TABLE).
const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  heading: { name: '黑体', alt: 'SimHei' },
  subheading: { name: '楷体_GB2312', alt: '楷体' },
  page: { name: '宋体', alt: 'SimSun' },
};
type Font = keyof typeof FONTS;
/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt. */
const SIZE = { erhao: 44, sanhao: 32, sihao: 28, wuhao: 21 };
/** A fixed line of 29 pt: 22 lines on the 225 mm of text height, as GB/T 9704 has it. */
const LINE = { line: 580, lineRule: LineRuleType.EXACT };
/** Two characters of 三号 text. */
const INDENT = { firstLineChars: 200, firstLine: 640 };

const run = (text: string, font: Font, size: number) => new TextRun({
  text, size,
  // Digits and Latin letters as the Chinese text around them, as official documents set them.
  font: { ascii: FONTS[font].name, hAnsi: FONTS[font].name, eastAsia: FONTS[font].name, cs: FONTS[font].name },
});

const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${Object.values(FONTS).map((f) =>
  `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`).join('')}</w:fonts>`;

/** `last`: the title's last line, which a blank line separates from the text (spacing after). */
function paragraphOf(part: Exclude<Part, { kind: 'table' | 'grid' }>, last: boolean): Paragraph {
  switch (part.kind) {
    case 'title':
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: last ? { ...LINE, after: LINE.line } : LINE, children: [run(part.text, 'title', SIZE.erhao)] });
    case 'heading':
      return new Paragraph({ outlineLevel: 0, indent: INDENT, spacing: LINE, keepNext: true, children: [run(part.text, 'heading', SIZE.sanhao)] });
    case 'paragraph': {
      const chars = [...part.text];
      const children = [
        ...(part.lead ? [run(chars.slice(0, part.lead).join(''), 'subheading', SIZE.sanhao)] : []),
        ...(part.lead < chars.length ? [run(chars.slice(part.lead).join(''), 'body', SIZE.sanhao)] : []),
      ];
      // A sub-heading on a line of its own stays with the paragraph after it.
      return new Paragraph({ alignment: AlignmentType.BOTH, indent: INDENT, spacing: LINE, children, keepNext: part.lead === chars.length || undefined });
    }
  }
}

/**
 * Each table's grid columns, in shares of the text's width: table 2's labels twice a number's column;
 * table 3's three label columns (三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密) one, two and four
 * times; table 4's fifteen numbers alike. A number's column holds two characters of 五号 (结果 / 维持).
 */
const WEIGHTS: Record<TableKey, (width: number) => number[]> = {
  t2: (width) => [2, ...Array<number>(width - 1).fill(1)],
  t3: (width) => [1, 2, 4, ...Array<number>(width - 3).fill(1)],
  t4: (width) => Array<number>(width).fill(1),
};

/** Twips per grid column, adding up to the text's width exactly. */
function columnWidths(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * TEXT_WIDTH) / total));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Table text: 五号, single-spaced, no indent. */
const cellParagraph = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Paragraph({ alignment, spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: text ? [run(text, 'body', SIZE.wuhao)] : [] });

const CELL_MARGINS = { top: 20, bottom: 20, left: 57, right: 57 };

interface CellOut { text: string; span: number; rowSpan: number; align: 'center' | 'left' }

/** `header`: rows repeated at the top of each page the table runs over. */
function tableOf(cols: number[], rows: { cells: CellOut[]; header: boolean }[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: cols,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    rows: rows.map((row) => {
      let x = 0;
      return new TableRow({
        tableHeader: row.header || undefined,
        cantSplit: true,
        children: row.cells.map((c) => {
          const width = cols.slice(x, x + c.span).reduce((a, b) => a + b, 0);
          x += c.span;
          return new TableCell({
            width: { size: width, type: WidthType.DXA },
            columnSpan: c.span > 1 ? c.span : undefined,
            rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
            verticalAlign: VerticalAlign.CENTER,
            children: [cellParagraph(c.text, c.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT)],
          });
        }),
      });
    }),
  });
}

/** A statutory table: its headers and group labels centred, the labels of its rows to the left, the numbers centred. */
function statutoryTable(key: TableKey, table: WordTable): Table {
  const spans = rowSpans(table);
  return tableOf(columnWidths(WEIGHTS[key](table.width)), table.rows.map((row) => ({
    header: row.kind === 'head' && key === 't3',
    cells: row.cells.filter((c) => !c.below).map((c): CellOut => ({
      text: c.text, span: c.span, rowSpan: spans.get(c) ?? 1, align: c.kind === 'label' && row.kind === 'data' ? 'left' : 'center',
    })),
  })));
}

/** Rows as the author wrote them, in as many equal columns as the longest; no cell is added to a shorter row. */
function gridTable(rows: string[][]): Table {
  const width = Math.max(...rows.map((r) => r.length));
  return tableOf(columnWidths(Array<number>(width).fill(1)), rows.map((cells) => ({
    header: false, cells: cells.map((text): CellOut => ({ text, span: 1, rowSpan: 1, align: 'left' })),
  })));
}

const pageNumber = () => new Footer({
  children: [new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.sihao, font: { ascii: FONTS.page.name, hAnsi: FONTS.page.name, eastAsia: FONTS.page.name } })],
  })],
});

/** The parts as .docx bytes. */
export async function renderWord(parts: Part[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  parts.forEach((part, i) => {
    // Two tables one after the other would be one table in Word: an empty paragraph keeps them apart.
    if ((part.kind === 'table' || part.kind === 'grid') && children[children.length - 1] instanceof Table) children.push(new Paragraph({}));
    if (part.kind === 'table') children.push(statutoryTable(part.key, part.table));
    else if (part.kind === 'grid') children.push(gridTable(part.rows));
    else children.push(paragraphOf(part, parts[i + 1]?.kind !== 'title'));
  });
  const title = parts.filter((p) => p.kind === 'title').map((p) => p.text).join('');
  const doc = new Document({
    creator: 'nianbao', title,
    styles: { default: { document: { run: { size: SIZE.sanhao, font: { ascii: FONTS.body.name, hAnsi: FONTS.body.name, eastAsia: FONTS.body.name } } } } },
    sections: [{
      properties: { page: { size: PAGE, margin: { ...MARGIN, header: mm(15), footer: mm(18) } } },
      footers: { default: pageNumber() },
      children,
    }],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
