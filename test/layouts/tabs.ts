import type { Draw, Style } from './render';
import { random } from './text';
import type { WordCell, WordRow } from './word';

// A Word table pasted as text (seeds 000, 001): one line per row, cells separated by tabs. What
// Word writes for a merged cell varies: a tab for every grid column it covers (第二十条第（一）项\t\t\t),
// one cell only (行政处罚\t457), or the padding at the end of the row (（一）予以公开\t5…5\t); the
// lower parts of a vertical merge come out as empty cells, or — in a messier paste — not at all
// (seed 000: “5. 属于三类内部事务信息\t\t0…”). A blank statutory cell is always an empty field.

type Tabs = Extract<Style, { family: 'tabs' }>;
type Merges = 'pad' | 'collapse' | 'end';

/** The cell's fields: its text (a header's lines joined with a space, 结果 维持) and what its merge leaves. */
function fields(c: WordCell, merges: Merges): { text: string; filler: boolean }[] {
  const own = { text: c.lines.join(' '), filler: c.below };
  const padding = merges === 'collapse' ? 0 : c.span - 1;
  return [own, ...Array.from({ length: padding }, () => ({ text: '', filler: true }))];
}

function line(row: WordRow, merges: Merges, dropBelow: boolean): string {
  let cells = row.cells.flatMap((c) => fields(c, merges));
  if (dropBelow) while (cells.length > 1 && cells[0].filler) cells.shift();
  // 'end': Word moved the merges' empty cells behind the row's own cells.
  if (merges === 'end') cells = [...cells.filter((c) => !c.filler), ...cells.filter((c) => c.filler)];
  return cells.map((c) => c.text).join('\t');
}

export const drawTabs: Draw<Tabs> = (rows, _table, style) => {
  const next = random(style.seed ?? 0);
  return rows.map((row) => {
    if (style.merges !== 'ragged') return [line(row, style.merges, false)];
    // Seed 000: rows pasted each their own way, leading empty cells lost, now and then a blank line.
    const r = next();
    const merges: Merges = r < 0.7 ? 'pad' : r < 0.85 ? 'end' : 'collapse';
    const drop = row.kind === 'data' && next() < 0.2;
    return next() < 0.06 ? ['', line(row, merges, drop)] : [line(row, merges, drop)];
  });
};
