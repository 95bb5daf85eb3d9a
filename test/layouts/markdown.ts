import type { Draw, Style } from './render';
import { starts, type WordRow, type WordTable } from './word';

// Pipe tables, as people and PDF or Word converters write them. A Markdown row has one cell per grid
// column, so a merged cell leaves the other columns it covers empty or, in some converters, repeats
// its text there (a group label on every row of its group). Some converters drop the outer pipes or
// the |---| row; some write every row as a table of its own, with just the cells that row has
// (shanghai-govoffice_2025: the label on a row, its numbers in the next table).

type Markdown = Extract<Style, { family: 'markdown' }>;

/** A long label broken where a person would press Shift+Enter: before its note in brackets, or after a comma. */
function withBr(text: string): string {
  if ([...text].length <= 16) return text;
  const bracket = text.indexOf('（', 3);
  if (bracket > 0) return `${text.slice(0, bracket)}<br>${text.slice(bracket)}`;
  const middle = text.length / 2;
  const marks = [...text.matchAll(/[，、]/g)].map((m) => m.index! + 1);
  const at = marks.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
  return at ? `${text.slice(0, at)}<br>${text.slice(at)}` : text;
}

/** The text shown in grid column `x` of row `r` when merges are repeated: the merged cell's, however far up it starts. */
function mergedText(table: WordTable, row: WordRow, x: number): string {
  for (let r = table.rows.indexOf(row); r >= 0; r--) {
    const at = starts(table.rows[r]).findIndex((s, i) => s <= x && x < s + table.rows[r].cells[i].span);
    const cell = table.rows[r].cells[at];
    if (!cell.below) return cell.text;
  }
  return '';
}

export const drawMarkdown: Draw<Markdown> = (rows, table, style) => {
  const text = (t: string) => style.br ? withBr(t) : t;
  const pipes = (cells: string[]) => style.outerPipes ? `| ${cells.join(' | ')} |` : cells.join(' | ');
  const rule = (n: number) => pipes(Array(n).fill('---'));
  const grid = (row: WordRow) => row.cells.flatMap((c, i) => {
    const x = starts(row)[i];
    const shown = (dx: number) => style.merges === 'repeat' ? mergedText(table, row, x + dx) : dx === 0 ? c.text : '';
    return Array.from({ length: c.span }, (_, dx) => text(shown(dx)));
  });
  if (style.perRow) {
    return rows.map((row) => {
      const cells = row.cells.flatMap((c, i) =>
        !c.below ? [text(c.text)] : style.merges === 'repeat' ? [text(mergedText(table, row, starts(row)[i]))] : []);
      return style.rule ? [pipes(cells), rule(cells.length)] : [pipes(cells)];
    });
  }
  return rows.map((row, i) => i === 0 && style.rule ? [pipes(grid(row)), rule(table.width)] : [pipes(grid(row))]);
};
