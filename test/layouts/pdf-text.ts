import type { Draw, Style } from './render';
import { wrap } from './typeset';
import { starts, type WordCell, type WordRow } from './word';

// A PDF's text layer, as a text extractor gives it (huaian-city_2024_pdf-text-layer.txt): no cells,
// just the words in reading order. A row is its label and its numbers separated by single spaces; a
// label longer than its column is broken where the column ends (“（二）部分公开（区分处理的，只计这一情
// / 形，不计其他情形） 447 7 …”), the numbers after the last piece, or on a line of their own when the
// label took three lines or more. 三、本年度办理结果 stands in a one-character column: one character a
// line. Headers of narrow columns break over lines, the full lines with spaces between the
// characters as justified text (社 会 公 益 / 组织). A blank cell leaves nothing at all.

type PdfText = Extract<Style, { family: 'pdf-text' }>;

// Table 3's label columns in the PDF, in display columns: 三、 | （三）不予公开 | 1.属于国家秘密.
// A cell over two or three of them also has the room between them.
const T3_LABELS = [2, 8, 28];
const labelRoom = (x: number, span: number) => T3_LABELS.slice(x, x + span).reduce((a, b) => a + b) + 2 * (span - 1);

/** A header in a narrow column: its lines, all but the last spread out by spaces. */
function narrow(text: string, room: number): string[] {
  const lines = wrap(text, room);
  return lines.map((l, i) => i < lines.length - 1 ? [...l].join(' ') : l);
}

/** The cell of a row that covers grid column x. */
const cellAt = (row: WordRow, x: number): WordCell | undefined =>
  row.cells.find((c, i) => starts(row)[i] <= x && x < starts(row)[i] + c.span);

export const drawPdfText: Draw<PdfText> = (rows, table, style) => {
  const L = table.labelColumns;
  // A drafter's 序号 column (columns.ts) before the labels: its number before the row's label, its header a word of its own;
  // a 备注 column after the numbers: its remark after them, broken where its narrow column ends, the rest on lines of their own.
  const serial = rows.find((r) => r.kind === 'head')?.cells[0]?.text === '序号' ? 1 : 0;
  const room = (x: number, span: number) => labelRoom(Math.max(0, x - serial), span);
  const text = (c: WordCell) => c.kind === 'group' ? c.text.replace('条第', '条 第') : c.text; // 第二十条 第（一）项
  const shown = (row: WordRow) => row.cells.filter((c) => !c.below && c.text !== '');
  // Tables 3 and 4 are wide: their columns are narrow and their headers break. Table 2's are not.
  const wide = table.width - L > 4;

  // Interleaved: a group label's pieces at the start of the rows it is vertically centred on.
  const prefix = new Map<WordRow, string>();
  if (style.groups === 'interleaved' && L - serial > 1) {
    rows.forEach((row, i) => {
      const group = cellAt(row, 1 + serial);
      if (!group || group.kind !== 'group' || group.below) return;
      let n = 1;
      while (i + n < rows.length && cellAt(rows[i + n], 1 + serial)?.below) n++;
      const pieces = wrap(group.text, T3_LABELS[1]);
      const first = Math.max(0, Math.floor((n - pieces.length) / 2));
      pieces.forEach((p, k) => prefix.set(rows[Math.min(i + first + k, i + n - 1)], p));
    });
  }

  return rows.map((row) => {
    const cells = shown(row);
    if (!wide || (L - serial < 2 && row.kind === 'data')) return [cells.map(text).join(' ')];
    const lines: string[] = [];
    if (row.kind === 'head') {
      // Merged headers side by side share a line (行政复议 行政诉讼); every other header has its own lines.
      let side: string[] = [];
      const flush = () => { if (side.length) lines.push(side.join(' ')); side = []; };
      for (const c of cells) {
        const x = starts(row)[row.cells.indexOf(c)];
        if (x < serial) { flush(); lines.push(c.text); }
        else if (x < L) { flush(); lines.push(...wrap(c.text, room(x, c.span))); }
        else if (c.span > 1) side.push(c.text);
        else { flush(); lines.push(...narrow(c.text, table.key === 't3' ? ([...c.text].length > 4 ? 8 : 6) : (x + (style.seed ?? 0)) % 3 === 0 ? 6 : 4)); }
      }
      flush();
      return lines;
    }
    // A table-3 data row: group labels above (unless interleaved), the label's pieces, then the numbers.
    let label: string[] = [], number = '', remark: string[] = [];
    for (const c of cells.filter((c) => c.kind !== 'value')) {
      const x = starts(row)[row.cells.indexOf(c)];
      if (x < serial) { number = c.text; continue; }
      if (x >= L) { remark = wrap(c.text, 8); continue; }
      const pieces = wrap(c.text, room(x, c.span));
      if (c.kind === 'label') label = pieces;
      else if (x === serial || style.groups === 'own-lines') lines.push(...pieces);
    }
    const values = cells.filter((c) => c.kind === 'value').map((c) => c.text);
    const numbers = [...values, ...remark.slice(0, 1)].join(' ');
    if (prefix.has(row)) label[0] = `${prefix.get(row)} ${label[0]}`;
    if (number) label[0] = `${number} ${label[0]}`;
    if (numbers === '') return [...lines, ...label];
    return [...(label.length >= 3 ? [...lines, ...label, numbers] : [...lines, ...label.slice(0, -1), `${label[label.length - 1]} ${numbers}`]), ...remark.slice(1)];
  });
};
