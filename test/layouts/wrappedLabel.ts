import { padEnd, width } from './typeset';

// A row's label broken over two lines at any character, as a PDF's text layer or a table retyped with spaces gives a
// label longer than its column (a label with a sentence after it: “（二）部分公开注：本表数据统计截至2023” / “年12月31日…”).
// In a PDF's text the row's numbers follow the label's last piece; in a space-aligned table they stay on the first line,
// in their columns, the rest of the label under it.

const NUMBERS = /^(\s*)(.*?)((?:\s+-?[\d.]+)*)\s*$/;

/** The text with `label`'s row (found by the label's start) written with its label cut at `cut`; undefined where the first piece does not fit before the numbers. */
export function wrapLabelAt(text: string, label: string, cut: number, family: 'pdf-text' | 'space-aligned'): string | undefined {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(label.slice(0, 8)));
  if (i < 0) return undefined;
  let words = '', numbers = '', x = 0, j = i;
  for (; j < lines.length && words.length < label.length; j++) {
    const [, indent, w, n] = NUMBERS.exec(lines[j])!;
    words += w;
    if (n) { numbers = n.trimStart(); x = width(indent + w) + n.length - n.trimStart().length; }
  }
  if (words !== label || numbers === '') return undefined;
  const indent = /^\s*/.exec(lines[i])![0];
  let row: string[];
  if (family === 'pdf-text') row = [label.slice(0, cut), `${label.slice(cut)} ${numbers}`];
  else {
    const first = indent + label.slice(0, cut);
    if (width(first) + 2 > x) return undefined;
    row = [padEnd(first, x) + numbers, indent + label.slice(cut)];
  }
  return [...lines.slice(0, i), ...row, ...lines.slice(j)].join('\n');
}
