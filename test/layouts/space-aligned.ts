import type { Draw, Style } from './render';
import { padEnd, width, wrap } from './typeset';
import { starts, type WordRow, type WordTable } from './word';

// A table retyped in a plain editor or printed to text: columns separated by runs of spaces and
// aligned by display width (a Chinese character is two columns), each header above its column, a
// merged header centred over the columns it covers. Group labels (三、本年度办理结果, （三）不予公开,
// 第二十条第（一）项) and table 3's long note stand on lines of their own, row labels are indented
// under their group, a label too long for the label column wrapped under it. A blank cell is
// nothing but a wider gap.

type SpaceAligned = Extract<Style, { family: 'space-aligned' }>;

/** Where each grid column starts, for the rows of one block (table 2's 第二十条 blocks each align on their own). */
function columns(block: WordRow[], table: WordTable, labelWidth: number, gap: number): number[] {
  const L = table.labelColumns;
  const w = Array(table.width).fill(1);
  const cells = block.flatMap((row) => row.cells.map((c, i) => ({ c, x: starts(row)[i] }))).filter(({ x }) => x >= L);
  for (const { c, x } of cells) if (c.span === 1) w[x] = Math.max(w[x], width(c.text));
  // A merged cell wider than its columns widens the last of them.
  for (const { c, x } of cells.filter(({ c }) => c.span > 1).sort((a, b) => a.c.span - b.c.span)) {
    const have = w.slice(x, x + c.span).reduce((a, b) => a + b) + gap * (c.span - 1);
    w[x + c.span - 1] += Math.max(0, width(c.text) - have);
  }
  const at = Array(table.width + 1).fill(0);
  at[L] = labelWidth + gap;
  for (let x = L; x < table.width; x++) at[x + 1] = at[x] + w[x] + gap;
  return at;
}

/** The last index whose item passes (Array.prototype.findLastIndex is newer than this project's ES2022). */
function lastIndex<T>(items: T[], test: (item: T, i: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i], i)) return i;
  return -1;
}

export const drawSpaceAligned: Draw<SpaceAligned> = (rows, table, style) => {
  const gap = style.align === 'right' ? 2 : 4;
  const L = table.labelColumns;
  const indent = (x: number) => ' '.repeat(2 * x);
  // A row's own label is its last label-area cell; group labels and table 3's note go above it.
  const inline = (row: WordRow) => lastIndex(row.cells, (c, i) => starts(row)[i] < L && c.kind === 'label');
  const labelWidth = Math.min(style.wrapLabelsAt ?? Infinity, Math.max(0, ...table.rows.map((row) => {
    const i = inline(row);
    return i < 0 ? 0 : width(indent(starts(row)[i]) + row.cells[i].text);
  })));
  const blockOf = (row: WordRow) => {
    const i = table.rows.indexOf(row);
    const from = lastIndex(table.rows, (r, j) => j <= i && r.kind === 'block');
    const to = table.rows.findIndex((r, j) => j > i && r.kind === 'block');
    return table.rows.slice(Math.max(0, from), to < 0 ? undefined : to);
  };
  return rows.map((row) => {
    const xs = starts(row);
    const at = columns(blockOf(row), table, labelWidth, gap);
    const above: string[] = [], after: string[] = [];
    let line = '';
    const put = (x: number, text: string) => { line = (width(line) < x || line === '' ? padEnd(line, x) : line + ' ') + text; };
    row.cells.forEach((c, i) => {
      if (c.below || c.text === '') return;
      if (xs[i] < L) {
        if (i !== inline(row)) { above.push(indent(xs[i]) + c.text); return; }
        // A label too long for its column goes on under the row's numbers.
        const [first, ...more] = wrap(c.text, labelWidth - xs[i] * 2);
        put(0, indent(xs[i]) + first);
        after.push(...more.map((m) => indent(xs[i]) + m));
        return;
      }
      // Numbers right-aligned (or left), headers centred (or left) over the columns they cover.
      const from = at[xs[i]], free = Math.max(0, at[xs[i] + c.span] - gap - from - width(c.text));
      put(from + (style.align === 'left' ? 0 : c.kind === 'value' ? free : Math.floor(free / 2)), c.text);
    });
    return line === '' ? above : [...above, line.trimEnd(), ...after];
  });
};
