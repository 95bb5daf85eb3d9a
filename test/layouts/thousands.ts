import type { Figures } from './figures';

// Table 3's counts in the thousands, written with a blank between the thousands (23 207), as Word's and WPS's number
// formats and some typists write them: in a PDF's text or a space-aligned table, where blanks part the cells too.

/** The figures with every count of table 3 times 1009 (the row and column sums still hold; most counts pass 1000). */
export const thousandfold = (f: Figures): Figures => ({
  ...f,
  cells: { ...f.cells, t3: Object.fromEntries(Object.entries(f.cells.t3).map(([row, cells]) =>
    [row, Object.fromEntries(Object.entries(cells).map(([col, v]) => [col, String(Number(v) * 1009)]))])) },
});

/** A report's text with each number of four digits or more in its table 3 (from section 三 to section 四) grouped by blanks. */
export function spacedThousands(text: string): string {
  const from = text.indexOf('三、收到'), to = text.indexOf('四、政府信息公开行政复议', from);
  const grouped = text.slice(from, to).replace(/(?<![\d.])\d{4,}(?![\d.])/g, (d) => d.replace(/\B(?=(\d{3})+$)/g, ' '));
  return text.slice(0, from) + grouped + text.slice(to);
}
