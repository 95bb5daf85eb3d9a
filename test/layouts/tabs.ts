import type { Draw, Style } from './render';
import { random } from './typeset';
import { starts, type WordCell, type WordRow } from './word';

// A Word table pasted as text (seeds 000, 001): one line per row, cells separated by tabs. What a
// merged cell leaves varies with the document: a tab for every grid column it covers
// (第二十条第（一）项\t\t\t, 行政复议\t\t\t\t\t行政诉讼…), one tab fewer and one more at the end of the row
// (seed 001: “一、本年新收…\t\t23\t…\t23\t” but “\t\t2. 其他法律…\t0…”: the values of a row with a
// merged label start a column earlier), or no padding at all (seed 000: 行政处罚\t457). The lower
// parts of a vertical merge come out as empty cells or, in a messier paste, not at all (seed 000:
// “5. 属于三类内部事务信息\t\t0…”). A blank statutory cell is always an empty field.

type Tabs = Extract<Style, { family: 'tabs' }>;
type Merges = 'pad' | 'word' | 'collapse' | 'end';
interface Field { text: string; filler: boolean }

/** The cell's fields: its text (a header's lines joined with a space, 结果 维持) and the padding its merge leaves. */
const fields = (c: WordCell, pad: boolean): Field[] =>
  [{ text: c.lines.join(' '), filler: c.below }, ...Array.from({ length: pad ? c.span - 1 : 0 }, () => ({ text: '', filler: true }))];

function line(row: WordRow, labelColumns: number, merges: Merges, dropBelow: boolean): string {
  const xs = starts(row);
  const parts = row.cells.map((c) => fields(c, merges !== 'collapse'));
  if (merges === 'word') {
    const merged = row.cells.findIndex((c, i) => xs[i] < labelColumns && c.span > 1);
    if (merged >= 0) { parts[merged].pop(); parts.push([{ text: '', filler: true }]); }
  }
  let cells = parts.flat();
  if (dropBelow) while (cells.length > 1 && cells[0].filler) cells.shift();
  // 'end': every empty cell a merge leaves moved behind the row's own cells.
  if (merges === 'end') cells = [...cells.filter((c) => !c.filler), ...cells.filter((c) => c.filler)];
  return cells.map((c) => c.text).join('\t');
}

export const drawTabs: Draw<Tabs> = (rows, table, style) => {
  const next = random(style.seed ?? 0);
  return rows.map((row) => {
    if (style.merges !== 'ragged') return [line(row, table.labelColumns, style.merges, false)];
    // Seed 000: rows pasted each their own way, leading empty cells lost, now and then a blank line.
    const r = next();
    const merges: Merges = r < 0.6 ? 'word' : r < 0.7 ? 'pad' : r < 0.85 ? 'end' : 'collapse';
    const drop = row.kind === 'data' && next() < 0.2;
    const text = line(row, table.labelColumns, merges, drop);
    return next() < 0.06 ? ['', text] : [text];
  });
};
