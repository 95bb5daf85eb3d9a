import type { Draw, Style } from './render';
import { padEnd, width, wrap } from './typeset';
import { starts, type WordCell, type WordRow } from './word';

// Pandoc's grid tables: +---+ borders, | rows, a merged cell spanning its columns (no | inside it,
// no + on the border where no cell edge is), and text wrapped inside its cell when the column is
// narrower than the text — a long label over two or more lines, 本年制发件数 as 本年制发 / 件数.
// The lower parts of vertical merges are drawn as empty cells, as converters without row spans do.

type Grid = Extract<Style, { family: 'grid' }>;

// How wide a column may grow for its texts before they wrap (display columns).
const CAP: Record<WordCell['kind'], number> = { label: 20, group: 20, head: 8, value: Infinity };

export const drawGrid: Draw<Grid> = (rows, table) => {
  // Widths from the whole table, so the pages of a table split by a page break line up.
  const w = Array(table.width).fill(1);
  for (const row of table.rows) {
    row.cells.forEach((c, i) => { if (c.span === 1) w[starts(row)[i]] = Math.max(w[starts(row)[i]], Math.min(width(c.text), CAP[c.kind])); });
  }
  const inner = (x: number, span: number) => w.slice(x, x + span).reduce((a, b) => a + b) + 3 * (span - 1);
  const border = (ch: string, ...around: (WordRow | undefined)[]) => {
    const edges = new Set(around.flatMap((r) => r ? starts(r) : []));
    return '+' + w.map((wx, x) => ch.repeat(wx + 2) + (x + 1 === table.width || edges.has(x + 1) ? '+' : ch)).join('');
  };
  const leadingHead = rows.findIndex((r) => r.kind !== 'head');
  return rows.map((row, i) => {
    const xs = starts(row);
    const texts = row.cells.map((c, j) => wrap(c.text, inner(xs[j], c.span)));
    const height = Math.max(...texts.map((t) => t.length));
    const lines = Array.from({ length: height }, (_, k) =>
      `| ${row.cells.map((c, j) => padEnd(texts[j][k] ?? '', inner(xs[j], c.span))).join(' | ')} |`);
    // The header rows at the top end with pandoc's === border.
    const under = border(i === leadingHead - 1 ? '=' : '-', row, rows[i + 1]);
    return i === 0 ? [border('-', row), ...lines, under] : [...lines, under];
  });
};
