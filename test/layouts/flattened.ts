import type { Style } from './render';
import { random } from './typeset';
import type { WordCell, WordTable } from './word';

// The text of a published web page (pingtan_2022_flattened-web-text.txt): the table's cells in
// reading order on one line. A row's numbers run together (一、本年新收政府信息公开申请数量 713000074),
// the next row's label follows the last digit directly (…00000002.其他法律行政法规禁止公开), headers
// are spaced, and whether a space stands between a label and its numbers or between two labels
// varies from row to row. Table 4's fifteen numbers are spaced in 平潭's page, run together in others.
// A blank cell leaves nothing.

type Flattened = Extract<Style, { family: 'flattened' }>;

export function drawFlattened(table: WordTable, style: Flattened): string {
  const next = random(style.seed ?? 0);
  const cells: WordCell[] = table.rows.flatMap((r) => r.cells.filter((c) => !c.below && c.text !== ''));
  let out = '';
  cells.forEach((c, i) => {
    const before = cells[i - 1];
    const sep = !before ? ''
      : c.kind === 'value' && before.kind === 'value' ? (table.key === 't4' && style.t4 === 'spaced' ? ' ' : '')
        : before.kind === 'value' ? '' // the next row's label right after the digits
          : c.kind === 'head' && before.kind === 'head' ? (next() < 0.8 ? ' ' : '')
            : c.kind === 'value' ? (next() < 0.5 ? ' ' : '')
              : (next() < 0.7 ? ' ' : '');
    out += sep + c.lines.join(' ');
  });
  return out;
}
