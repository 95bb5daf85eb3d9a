import { tableSpec } from '../../server/src/core/format/statute';
import type { Figures } from './figures';
import { LAYOUTS } from './render';

// A tab-separated table's rows in shapes no statutory table has, as pages and drafts give them now and then: the rows
// in reverse or sorted order, the total row first, the label column on the right (a page laid out so), a plus sign
// before every positive number. Each over a tab layout's text of the whole report (renderReport's), tables 2–4 alike;
// and table 3 transposed, its rows as columns (some web pages give it so): the rows' labels on one line, then a line
// for each kind of applicant.

export type RowShape = 'reverse' | 'sorted' | 'total-first' | 'label-right' | 'plus' | 'transposed';
export const ROW_SHAPES: RowShape[] = ['reverse', 'sorted', 'total-first', 'label-right', 'plus', 'transposed'];

const APPLICANTS: Record<string, string> = {
  natural: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other: '其他', total: '总计',
};

/** Table 3's tab lines transposed. */
function transposed(f: Figures): string[] {
  const rows = tableSpec(f.version, 't3').rows.filter((r) => !r.isGroup);
  return [
    ['申请人情况', ...rows.map((r) => r.label)].join('\t'),
    ...rows[0].columns.map((c) => [APPLICANTS[c], ...rows.map((r) => f.cells.t3[r.key][c])].join('\t')),
  ];
}

/** The text with table 3's tab lines (those after the heading 三、) in their place. */
function withTable3(text: string, lines: string[]): string {
  const all = text.split('\n');
  let i = all.findIndex((l) => l.startsWith('三、'));
  while (!all[i].includes('\t')) i++;
  let j = i;
  while (j < all.length && all[j].includes('\t')) j++;
  return [...all.slice(0, i), ...lines, ...all.slice(j)].join('\n');
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const isRow = (line: string) => line.includes('\t') && line.split('\t').some((c) => NUMBER.test(c.trim()));

/** Each run of tab lines: its header (the lines before its first row of numbers) kept, its rows given to `f`. */
function perTable(text: string, f: (rows: string[]) => string[]): string {
  const lines = text.split('\n'), out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!lines[i].includes('\t')) { out.push(lines[i++]); continue; }
    let j = i;
    while (j < lines.length && lines[j].includes('\t')) j++;
    const run = lines.slice(i, j);
    let h = 0;
    while (h < run.length && !isRow(run[h])) h++;
    out.push(...run.slice(0, h), ...f(run.slice(h)));
    i = j;
  }
  return out.join('\n');
}

/** A row's cells: its label cells (the leading cells that are no number, blanks of merges among them) moved after its numbers. */
function labelRight(line: string): string {
  const c = line.split('\t');
  let k = 0, e = c.length;
  while (k < c.length && !NUMBER.test(c[k].trim())) k++;
  while (e > k && !NUMBER.test(c[e - 1].trim())) e--;
  return k === 0 ? line : [...c.slice(k, e), ...c.slice(0, k)].join('\t');
}

export function reshapeRows(text: string, shape: RowShape, f: Figures): string {
  switch (shape) {
    case 'transposed': return withTable3(text, transposed(f));
    case 'reverse': return perTable(text, (rows) => [...rows].reverse());
    case 'sorted': return perTable(text, (rows) => [...rows].sort());
    case 'total-first': return perTable(text, (rows) => {
      const k = rows.findIndex((l) => l.includes('（七）总计'));
      if (k < 0) return rows;
      const rest = rows.filter((_, i) => i !== k), first = rest.findIndex((l) => l.includes('（一）'));
      return [...rest.slice(0, first), rows[k], ...rest.slice(first)];
    });
    case 'label-right': return perTable(text, (rows) => rows.map(labelRight));
    case 'plus': return text.replace(/\t([1-9]\d*(?:\.\d+)?)(?=\t|$)/gm, '\t+$1');
  }
}

/** The tab layouts the shapes are drawn over. */
export const ROW_LAYOUTS = LAYOUTS.filter((l) => l.family === 'tabs');
export const renderRows = (f: Figures, layout: typeof ROW_LAYOUTS[number], shape: RowShape) => reshapeRows(layout.render(f), shape, f);

/**
 * A row of table 3 in two parts: its first `k` numbers on its line, the rest on a line of their own under its label
 * again, right after it (`gap` 0) or `gap` rows later (a row cut where a page or a paste broke it).
 */
export function rowInHalves(text: string, label: string, k: number, gap = 0): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(label) && isRow(l));
  const c = lines[i].split('\t');
  let first = 0;
  while (!NUMBER.test(c[first].trim())) first++;
  lines[i] = c.slice(0, first + k).join('\t');
  lines.splice(i + 1 + gap, 0, [...c.slice(0, first), ...c.slice(first + k)].join('\t'));
  return lines.join('\n');
}
