import type { WordCell, WordRow, WordTable } from './word';

// Columns a drafter adds to the statutory table: a 序号 column before the labels (1, 2, 3 … down
// the rows that hold numbers) and a 备注 column after the numbers, mostly empty. Their header is
// merged down over the header rows; a row that spans the table (表二's 第二十条第（一）项) spans them too.

export interface ExtraColumns {
  /** A 序号 column first. */
  serial?: boolean;
  /** A 备注 column last; every `remarkEvery`-th data row has a remark (“其中网上申请 3 件”), the others are empty. */
  remarks?: boolean;
  remarkEvery?: number;
  /** The remark of the n-th data row, when not “其中网上申请 n 件” (a whole sentence with numbers of its own). */
  remark?: (n: number) => string;
  /** A note typed as a row across the table after its `after`-th data row (注：本表数据统计截至…，共3件). */
  note?: { after: number; text: string };
}

const text = (kind: WordCell['kind'], t: string): WordCell => ({ kind, text: t, lines: [t], span: 1, below: false });
const below = (): WordCell => ({ kind: 'head', text: '', lines: [''], span: 1, below: true });

/** The table with the columns added. */
export function withColumns(table: WordTable, extra: ExtraColumns): WordTable {
  if (extra.note) table = withNote(table, extra.note);
  if (!extra.serial && !extra.remarks) return table;
  let serial = 0, data = 0, headSeen = false;
  const rows = table.rows.map((row): WordRow => {
    if (row.kind === 'block') return { ...row, cells: row.cells.map((c, i) => i === 0 ? { ...c, span: c.span + (extra.serial ? 1 : 0) + (extra.remarks ? 1 : 0) } : c) };
    let first: WordCell, last: WordCell;
    if (row.kind === 'head') {
      // Table 2's 信息内容 rows open each block: a header of their own. Elsewhere the header merges down.
      const opens = !headSeen || table.key === 't2';
      headSeen = true;
      [first, last] = opens ? [text('head', '序号'), text('head', '备注')] : [below(), below()];
    } else {
      const remark = extra.remarkEvery && ++data % extra.remarkEvery === 0 ? extra.remark?.(data) ?? `其中网上申请${data}件` : '';
      [first, last] = [text('label', String(++serial)), text('label', remark)];
    }
    return { ...row, cells: [...(extra.serial ? [first] : []), ...row.cells, ...(extra.remarks ? [last] : [])] };
  });
  const added = (extra.serial ? 1 : 0) + (extra.remarks ? 1 : 0);
  return { ...table, width: table.width + added, labelColumns: table.labelColumns + (extra.serial ? 1 : 0), rows };
}

/** The table with a note row across it after its `after`-th data row (where no label cell is merged down past it). */
function withNote(table: WordTable, { after, text: note }: { after: number; text: string }): WordTable {
  const data = table.rows.flatMap((r, i) => r.kind === 'data' ? [i] : []);
  if (after < 1 || after >= data.length) return table;
  const at = data[after - 1] + 1;
  const row: WordRow = { kind: 'block', cells: [{ ...text('label', note), span: table.width }] };
  return { ...table, rows: [...table.rows.slice(0, at), row, ...table.rows.slice(at)] };
}
