import type { Figures } from './figures';
import type { WordCell, WordRow, WordTable } from './word';

// What a drafter adds to table 3 that the statute has not, or how a drafter reorders its header: a column after
// 总计 (合计, the row's total again: typed, or its parts added up by a formula), a unit column between the labels and the numbers (单位 | 件), a sub-row under
// 本年新收 and 予以公开 (其中：网上申请, the part of each column applied for online), a row across the table saying the unit
// (单位：件), a row of column numbers under the header without the word 栏次 (1 2 … 7), the two header rows of
// 法人或其他组织 typed as one (法人或其他组织-商业企业), the value columns in another order under a header that says
// so. Table 3 only (tables 2 and 4 as drawn); every family draws the result as it draws the statutory table.

// Two more 合计 columns that are not the row's total again after 总计, which a reader must not take for it: 合计 first,
// before 自然人 (the row's total, a column of the top row merged down, its word before 申请人情况), and 合计 under
// 法人或其他组织 after the five kinds (their subtotal, before 总计).
export type T3Extra = 'sum-column' | 'unit-column' | 'online-row' | 'unit-row' | 'numbers-row' | 'header-joined' | 'permuted' | 'swapped' | 'sum-formula' | 'sum-first' | 'sum-subtotal';
export const T3_EXTRAS: T3Extra[] = ['sum-column', 'unit-column', 'online-row', 'unit-row', 'numbers-row', 'header-joined', 'permuted', 'swapped', 'sum-formula', 'sum-first', 'sum-subtotal'];

const cell = (kind: WordCell['kind'], text: string, span = 1): WordCell => ({ kind, text, lines: [text], span, below: false });
const below = (): WordCell => ({ kind: 'head', text: '', lines: [''], span: 1, below: true });

/** The row with `make(row)` inserted as its cell at grid column `x` (before the cell starting there). */
function insertAt(row: WordRow, x: number, made: WordCell): WordRow {
  let at = 0, i = 0;
  while (i < row.cells.length && at < x) at += row.cells[i++].span;
  return { ...row, cells: [...row.cells.slice(0, i), made, ...row.cells.slice(i)] };
}

/** A column added at grid column `x`: its header merged down over the header rows, `value(row)` in each data row. */
function column(t: WordTable, x: number, header: string, value: (row: WordRow) => WordCell): WordTable {
  let first = true;
  const rows = t.rows.map((row) => {
    if (row.kind === 'block') return { ...row, cells: row.cells.map((c, i) => i === 0 ? { ...c, span: c.span + 1 } : c) };
    if (row.kind === 'head') {
      const c = first ? cell('head', header) : below();
      first = false;
      return insertAt(row, x, c);
    }
    return insertAt(row, x, value(row));
  });
  return { ...t, width: t.width + 1, rows };
}

/** The number under column `col` (0-based among the values) of a data row, as text. */
const valueOf = (row: WordRow, col: number) => row.cells.filter((c) => c.kind === 'value')[col];

/** A part of the row: each column's count halved (rounded down), the total their sum, under `label` across the label columns. */
function part(row: WordRow, label: string, labelColumns: number): WordRow {
  const values = row.cells.filter((c) => c.kind === 'value').map((c) => Math.floor(Number(c.text) / 2));
  values[values.length - 1] = values.slice(0, -1).reduce((a, b) => a + b, 0);
  return { kind: 'data', cells: [cell('label', label, labelColumns), ...values.map((v) => cell('value', String(v)))] };
}

/**
 * The value columns in another order: 总计 first, then 自然人, then the five kinds of 法人或其他组织 in reverse; or
 * (`swap`) only 其他 before 法律服务机构, which no row's total can tell from the statute's order.
 */
function permuted(t: WordTable, swap = false): WordTable {
  const L = t.labelColumns;
  const order = (cells: WordCell[]) => swap ? [...cells.slice(0, 4), cells[5], cells[4], cells[6]] : [cells[6], cells[0], ...cells.slice(1, 6).reverse()];
  const rows = t.rows.map((row, r) => {
    const lead = row.cells.filter((_, i) => i < row.cells.length && sum(row.cells.slice(0, i)) < L);
    const rest = row.cells.slice(lead.length);
    if (row.kind === 'data') return { ...row, cells: [...lead, ...order(rest)] };
    // Header rows: 申请人情况 across; 自然人 | 法人或其他组织 (5) | 总计; the five names under their group.
    if (r === 1) return swap ? row : { ...row, cells: [...lead, rest[2], rest[0], rest[1]] };
    if (r === 2) return { ...row, cells: [...lead, ...order(rest)] };
    return row;
  });
  return { ...t, rows };
}
const sum = (cells: WordCell[]) => cells.reduce((a, c) => a + c.span, 0);

/** 合计 under 法人或其他组织 after its five kinds: their subtotal, a column before 总计. */
function subtotal(t: WordTable): WordTable {
  const x = t.labelColumns + 6;
  let h = 0;
  const rows = t.rows.map((row) => {
    if (row.kind === 'block') return { ...row, cells: row.cells.map((c, i) => i === 0 ? { ...c, span: c.span + 1 } : c) };
    if (row.kind === 'head') {
      const k = h++;
      // 申请人情况 and 法人或其他组织 one column wider; 合计 after the five names.
      if (k === 0 || k === 1) return { ...row, cells: row.cells.map((c, i) => i === row.cells.length - (k === 0 ? 1 : 2) ? { ...c, span: c.span + 1 } : c) };
      return insertAt(row, x, cell('head', '合计'));
    }
    const five = row.cells.filter((c) => c.kind === 'value').slice(1, 6).reduce((a, c) => a + Number(c.text), 0);
    return insertAt(row, x, cell('value', String(five)));
  });
  return { ...t, width: t.width + 1, rows };
}

/** Table 3 with `extra`; other tables as they are. */
export function withExtra(t: WordTable, extra: T3Extra | undefined): WordTable {
  if (!extra || t.key !== 't3') return t;
  const data = t.rows.filter((r) => r.kind === 'data');
  switch (extra) {
    case 'sum-column': return column(t, t.width, '合计', (row) => cell('value', valueOf(row, 6).text));
    // The row's total again as a spreadsheet's formula gives it: its parts added up (总计 when that is right).
    case 'sum-formula': return column(t, t.width, '合计', (row) => cell('value', String([0, 1, 2, 3, 4, 5].reduce((a, i) => a + Number(valueOf(row, i).text), 0))));
    case 'unit-column': return column(t, t.labelColumns, '单位', () => cell('value', '件'));
    case 'online-row': {
      // Under 本年新收 (across the label columns) and under （一）予以公开 (in its label cell, the group's merged down beside it).
      const rows = [...t.rows], first = rows.indexOf(data[0]), disclosed = rows.indexOf(data[2]);
      const under = part(data[2], '（其中网上申请）', 2);
      rows.splice(disclosed + 1, 0, { ...under, cells: [{ ...below(), kind: 'group' }, ...under.cells] });
      rows.splice(first + 1, 0, part(data[0], '其中：网上申请', 3));
      return { ...t, rows };
    }
    case 'unit-row': return { ...t, rows: [{ kind: 'block', cells: [cell('label', '单位：件', t.width)] }, ...t.rows] };
    case 'numbers-row': {
      const at = t.rows.indexOf(data[0]);
      const row: WordRow = { kind: 'head', cells: [cell('head', '', t.labelColumns), ...Array.from({ length: t.width - t.labelColumns }, (_, i) => cell('head', String(i + 1)))] };
      return { ...t, rows: [...t.rows.slice(0, at), row, ...t.rows.slice(at)] };
    }
    case 'header-joined': {
      // The second and third header rows as one: 自然人 | 法人或其他组织-商业企业 | … | 总计.
      const [note, second, third] = t.rows;
      const names = third.cells.filter((c) => !c.below);
      const joined: WordRow = { kind: 'head', cells: [second.cells[0], second.cells[1], ...names.map((c) => cell('head', `法人或其他组织-${c.text}`)), second.cells[3]] };
      return { ...t, rows: [note, joined, ...t.rows.slice(3)] };
    }
    case 'permuted': return permuted(t);
    case 'swapped': return permuted(t, true);
    case 'sum-first': return column(t, t.labelColumns, '合计', (row) => cell('value', valueOf(row, 6).text));
    case 'sum-subtotal': return subtotal(t);
  }
}

/**
 * The figures with table 3's 法律服务机构 and 其他 apart (1 and 2 more in 本年新收, 予以公开 and （七）总计, their totals
 * too, so every identity still holds): the seeds' are mostly 0 in both, and a reading that swaps them would go unseen.
 */
export function legalAndOtherApart(f: Figures): Figures {
  const t3 = { ...f.cells.t3 };
  for (const row of ['1', '3.1', '3.7']) {
    const r = { ...t3[row] };
    r.legal = String(Number(r.legal) + 1);
    r.other = String(Number(r.other) + 2);
    r.total = String(Number(r.total) + 3);
    t3[row] = r;
  }
  return { ...f, cells: { ...f.cells, t3 } };
}
