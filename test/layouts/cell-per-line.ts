import type { Draw, Style } from './render';
import { EMPTY_CELL_LINE } from './typeset';

// A Word document saved as text (seeds 002–004): every cell on its own line, a merged cell once,
// the lower part of a vertical merge as an empty cell (a tab-only line in the seeds). A header that
// wraps inside its narrow cell keeps its line break, the continuation without the indent:
// “\t商业\n企业”. The blank lines between rows are noise (Noise.blankLines), not drawn here.

type CellPerLine = Extract<Style, { family: 'cell-per-line' }>;

export const drawCellPerLine: Draw<CellPerLine> = (rows, _table, style) => rows.map((row) => row.cells.flatMap((c) => {
  const [first, ...more] = style.breakHeaders ? c.lines : [c.text];
  const line = style.indent + first;
  return [line === '' ? EMPTY_CELL_LINE : line, ...more];
}));
