import { tableSpec } from '../format/statute';
import { LineIndex, type Position, type Range } from '../lineIndex';
import { eachCell, headingLines, tablesOf, type Report, type Table } from '../model';
import { parseReport } from '../parse/report';
import { applyEdits } from '../service';
import { alignMarkdownTables, alignTabRows, type LineEdit } from './align';
import { wordTable, type WordTable } from './wordTable';

// The command “convert table layout”: a table the reader read is written again, whole, in one of the
// three layouts an author edits — one cell per line (a Word document saved as text), tab-separated
// (a Word table pasted), a Markdown pipe table. It is drawn from the statutory table (wordTable.ts)
// with the author's cell texts as written, so row labels and headers come out in the statute's words;
// nothing but the table's own lines changes. Where a layout cannot be trusted to come back with the
// same cells (a table the reader could not read whole, a table sharing a line with prose), it says so
// and changes nothing; and every conversion is read back before it is offered.

export type Layout = 'cell-per-line' | 'tabs' | 'markdown';
export const LAYOUTS: Layout[] = ['cell-per-line', 'tabs', 'markdown'];

/** Why a table was not converted: no table there; read with problems or rows missing; on a line with other text; read back differently. */
export type ConvertRefusal = 'no-table' | 'unread' | 'shared-line' | 'changed';
export type ConvertResult = { edits: LineEdit[] } | { refused: ConvertRefusal };

/**
 * The table's lines in a layout. A merged cell: once per line in cell-per-line (its lower part an
 * empty cell, a tab-only line, as Word saves it); followed by an empty cell for every other grid
 * column it covers in the other two, so that each row has as many cells as the grid.
 */
export function drawTable(table: WordTable, to: Layout): string[] {
  if (to === 'cell-per-line') {
    // A tab before every cell, so that an empty cell is a line the reader takes for one; a blank line between rows.
    return table.rows.flatMap((row, i) => [...(i > 0 ? [''] : []), ...row.cells.map((c) => `\t${c.text}`)]);
  }
  const grid = table.rows.map((row) => row.cells.flatMap((c) => [c.text, ...Array<string>(c.span - 1).fill('')]));
  if (to === 'tabs') return alignTabRows(grid.map((cells) => cells.join('\t')));
  const pipes = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const lines = [pipes(grid[0]), pipes(Array<string>(table.width).fill('---')), ...grid.slice(1).map(pipes)];
  const idx = new LineIndex(lines.join('\n'));
  return applyEdits(idx.text, alignMarkdownTables(idx)).split('\n');
}

/** The statutory table with the parsed table's cell texts, or undefined when a row or a cell was not read. */
export function statutory(table: Table): WordTable | undefined {
  if (table.problems.length) return undefined;
  for (const r of tableSpec(table.version, table.key).rows) {
    if (!r.isGroup && r.columns.some((c) => !table.rows[r.key]?.cells[c])) return undefined;
  }
  return wordTable(table.version, table.key, (row, col) => table.rows[row].cells[col].raw);
}

/** Every cell of every table, and the section headings: what a conversion must leave as it was. */
function reading(report: Report): string {
  const out: string[] = report.sections.map((s) => `${s.number} ${s.title}`);
  for (const t of tablesOf(report)) eachCell(t, (c, row, col) => out.push(`${t.key}.${row}.${col}=${c.kind}:${c.raw}`));
  return out.join('\n');
}

/**
 * Edits that write every table the lines of `at` touch (a cursor: the table it is in) in layout `to`.
 * Converting a table that is already in that layout as this command writes it changes nothing.
 */
export function convertTables(report: Report, idx: LineIndex, at: Range | Position, to: Layout): ConvertResult {
  const from = 'start' in at ? at.start.line : at.line, until = 'end' in at ? at.end.line : at.line;
  const tables = tablesOf(report).filter((t) => t.range.start.line <= until && t.range.end.line >= from);
  if (!tables.length) return { refused: 'no-table' };
  const eol = idx.text.includes('\r\n') ? '\r\n' : '\n';
  const headings = new Set(headingLines(report.sections));
  const blank = (l: number) => l >= 0 && l < idx.lineCount && idx.lineText(l).trim() === '';
  const edits: LineEdit[] = [];
  for (const t of tables) {
    const drawn = statutory(t);
    if (!drawn) return { refused: 'unread' };
    // The table's own lines: from its first line after a section heading (table 4's anchor 行政复议 is
    // in its section's heading too) to the line of its last cell.
    let first = t.range.start.line;
    const { end } = t.range;
    if (idx.lineText(first).slice(0, t.range.start.character).trim() !== '') return { refused: 'shared-line' };
    while (first < end.line && (headings.has(first) || blank(first))) first++;
    // (After the last cell: blanks, pipes, a CSV field's closing quote and the empty fields after it.)
    if (idx.lineText(end.line).slice(end.character).replace(/[\s|",]/g, '') !== '') return { refused: 'shared-line' };
    let lines = drawTable(drawn, to);
    // A pipe table is one only with a blank line before and after it.
    if (to === 'markdown') lines = [...(first > 0 && !blank(first - 1) ? [''] : []), ...lines, ...(end.line + 1 < idx.lineCount && !blank(end.line + 1) ? [''] : [])];
    const range = { start: { line: first, character: 0 }, end: { line: end.line, character: idx.lineText(end.line).length } };
    const newText = lines.join(eol);
    if (newText !== idx.text.slice(idx.offset(range.start), idx.offset(range.end))) edits.push({ range, newText });
  }
  if (!edits.length) return { edits };
  // Read back: the same cells, as written, and the same sections, or no conversion at all.
  const converted = applyEdits(idx.text, edits);
  if (reading(parseReport(converted)) !== reading(report)) return { refused: 'changed' };
  return { edits };
}
