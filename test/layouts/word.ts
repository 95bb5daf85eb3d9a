import type { TableKey } from '../../server/src/core/format/schema';
import { wordTable as draw } from '../../server/src/core/authoring/wordTable';
import type { Figures } from './figures';

// The statutory Word table with its merged cells lives in the server (core/authoring/wordTable.ts),
// which the command that converts a table between layouts draws from; the test renderers draw the
// figures of a test from it.

export { starts, type WordCell, type WordRow, type WordTable } from '../../server/src/core/authoring/wordTable';

export const wordTable = (f: Figures, key: TableKey) => draw(f.version, key, (row, col) => f.cells[key][row][col]);
