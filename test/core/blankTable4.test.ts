import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { importDocument } from '../../server/src/import/index';
import { bound, cellsOf, FIGURES, withCell } from '../import/cells';
import { renderDocx } from '../layouts/docx';
import type { Figures } from '../layouts/figures';
import { renderHtml, type PageStyle } from '../layouts/html';
import { LAYOUTS } from '../layouts/render';
import { tableFindings } from './seeds';

// Table 4 with every cell left empty, as small offices often hand it in (nobody applied for a
// review or sued): fifteen blank cells wherever the text proves them — a web page's cells of
// &nbsp;, a row of tabs, ||, an empty grid cell, tab-only lines, a CSV's "" — each said to be blank (blank is
// not zero), never “cannot read table 4”. Where nothing proves a cell (space-aligned, a PDF's text,
// a flattened page) the reader says the table has no numbers: it does not invent fifteen blanks.

/** The figures with every cell of a table (or of one row) empty. */
const emptied = (f: Figures, key: TableKey, row?: string): Figures => ({
  ...f,
  cells: { ...f.cells, [key]: Object.fromEntries(Object.entries(f.cells[key]).map(([r, cols]) => [r, r === row || !row ? Object.fromEntries(Object.keys(cols).map((c) => [c, ''])) : cols])) },
});

/** Table 4's cells read as blank, and the other tables' cells bound with their values. */
function assertBlankTable4(text: string, f: Figures, where: string): void {
  const t4 = parseReport(text).tables.t4!;
  const cells = Object.values(t4.rows).flatMap((r) => Object.values(r.cells));
  assert.equal(cells.length, 15, `${where}: ${t4.problems.map((p) => p.kind)}`);
  assert.ok(cells.every((c) => c.kind === 'blank'), where);
  assert.deepEqual(bound(text, f).wrong.filter((w) => !w.startsWith('t4')), [], where);
  const findings = check(text).findings.filter((x) => x.severity === 'error' || x.severity === 'warning');
  assert.deepEqual(findings.map((x) => x.code), Array(15).fill('cell-blank'), where);
  // Each on an empty cell of its own: in a line holding nothing but the separators of empty cells (and a 序号 column's 1).
  const lines = text.split('\n');
  for (const x of findings) assert.match(lines[x.range.start.line], /^[\s|+",]*(1[\s|+",]*)?$/, where);
  assert.equal(new Set(findings.map((x) => `${x.range.start.line}:${x.range.start.character}`)).size, 15, where);
}

const PAGES: [string, PageStyle][] = [['plain', {}], ['th', { th: true }], ['nested layout table', { nested: true }], ['heading rows', { headingRow: true }],
  ['table 4 as two tables, stacked', { t4Tables: 'stacked' }], ['table 4 as two tables, side by side', { t4Tables: 'side-by-side' }]];

describe('table 4 with every cell empty', () => {
  it(`every seed in every layout that proves blanks (${LAYOUTS.filter((l) => l.provesBlanks).length}): fifteen blank cells, fifteen cell-blank, nothing else`, () => {
    for (const l of LAYOUTS.filter((x) => x.provesBlanks)) {
      for (const { name, figures } of FIGURES) assertBlankTable4(l.render(emptied(figures, 't4')), figures, `${l.name}, ${name}`);
    }
  });

  it('every seed as a web page (cells of &nbsp;), in several page shapes', () => {
    for (const [shape, page] of PAGES) {
      FIGURES.forEach(({ name, figures }, i) => assertBlankTable4(importHtml(renderHtml(emptied(figures, 't4'), { seed: i, page }).html).text, figures, `${shape}, ${name}`));
    }
  });

  it('every seed as a Word file, one table 4 or one table per block', async () => {
    for (const split of [undefined, 'blocks'] as const) {
      for (const { name, figures } of FIGURES) {
        const imported = await importDocument('docx', await renderDocx(emptied(figures, 't4'), 1, 'none', undefined, split));
        assert.ok('text' in imported);
        assertBlankTable4(imported.text, figures, `${split ?? 'one table'}, ${name}`);
      }
    }
  });

  it('with a 序号 column (its “1” no cell of the table), in every layout that proves blanks and as a web page: fifteen blank cells', () => {
    for (const l of LAYOUTS.filter((x) => x.provesBlanks)) {
      for (const { name, figures } of FIGURES) assertBlankTable4(l.render(emptied(figures, 't4'), { columns: { serial: true } }), figures, `${l.name}, ${name}`);
    }
    for (const columns of [{ serial: true }, { remarks: true }, { serial: true, remarks: true }]) {
      FIGURES.forEach(({ name, figures }, i) => assertBlankTable4(importHtml(renderHtml(emptied(figures, 't4'), { seed: i, page: { columns } }).html).text, figures, `${JSON.stringify(columns)}, ${name}`));
    }
  });

  it('with a 序号 or 备注 column, one cell of table 4 left empty is that blank and the fourteen numbers, in every layout that proves blanks (one cell per line too: the trace of the 备注 header before the row is no cell)', () => {
    for (const columns of [{ serial: true }, { remarks: true }]) {
      for (const l of LAYOUTS.filter((x) => x.provesBlanks)) {
        for (const { name, figures } of FIGURES) {
          // Every position, the last (just before the 备注 cell) among them.
          for (const { row, col } of [...cellsOf(figures)].filter((c) => c.key === 't4')) {
            const f = withCell(figures, 't4', row, col, '');
            const t4 = parseReport(l.render(f, { columns })).tables.t4!;
            for (const r of Object.keys(f.cells.t4)) {
              for (const c of Object.keys(f.cells.t4[r])) {
                const cell = t4.rows[r].cells[c], want = f.cells.t4[r][c];
                assert.ok(want === '' ? cell?.kind === 'blank' : cell?.value === Number(want), `${JSON.stringify(columns)} ${l.name}, ${name}, ${row} ${col}: ${r} ${c} reads ${cell?.kind} ${cell?.value}, not “${want}”`);
              }
            }
          }
        }
      }
    }
  });

  it('where nothing proves a cell (space-aligned, a PDF\'s text, flattened, unindented lines): the table has no numbers (row-cells), no blank invented, no table missing', () => {
    for (const l of LAYOUTS.filter((x) => !x.provesBlanks)) {
      for (const { name, figures } of FIGURES) {
        const text = l.render(emptied(figures, 't4'));
        // (Run-together digits of table 2 may be ambiguous in a flattened page, as ever.)
        const findings = tableFindings(text).filter((f) => f.code !== 'cell-ambiguous');
        assert.deepEqual(findings.map((f) => f.code), ['row-cells'], `${l.name}, ${name}`);
        assert.match(findings[0].message, /^表四数据行没有数字，应有 15 个/, `${l.name}, ${name}`);
        assert.deepEqual(Object.values(parseReport(text).tables.t4!.rows).flatMap((r) => Object.keys(r.cells)), [], `${l.name}, ${name}`);
      }
    }
  });

  it('a row of table 2 or 3, or a block of table 4, left empty in every layout that proves blanks: each of its cells blank', () => {
    LAYOUTS.filter((x) => x.provesBlanks).forEach((l, i) => {
      const { name, figures } = FIGURES[i % FIGURES.length];
      for (const key of ['t2', 't3', 't4'] as const) {
        for (const [row, cols] of Object.entries(figures.cells[key])) {
          const text = l.render(emptied(figures, key, row));
          const where = `${l.name}, ${name}, ${key} ${row}`;
          const n = Object.keys(cols).length;
          assert.deepEqual(Object.values(parseReport(text).tables[key]!.rows[row].cells).map((c) => c.kind), Array(n).fill('blank'), where);
          assert.deepEqual(tableFindings(text).map((f) => f.code), Array(n).fill('cell-blank'), where);
        }
      }
    });
  });

  it('a row of table 2 or 3, or a block of table 4, left empty where nothing proves a cell: that row has no numbers (row-cells), never a row missing', () => {
    LAYOUTS.filter((x) => !x.provesBlanks).forEach((l, i) => {
      const { name, figures } = FIGURES[i % FIGURES.length];
      for (const key of ['t2', 't3', 't4'] as const) {
        for (const [row, cols] of Object.entries(figures.cells[key])) {
          const text = l.render(emptied(figures, key, row));
          const where = `${l.name}, ${name}, ${key} ${row}`;
          const codes = tableFindings(text).map((f) => f.code).filter((c) => c !== 'cell-ambiguous');
          // Table 4's fifteen numbers run together: without a block's five, the rest cannot be cut (and it says so).
          if (key === 't4' && !l.separated && codes[0] === 'table-unreadable') continue;
          // A space-aligned table 4: the header's columns place the ten numbers left, and so the five blanks.
          if (key === 't4' && codes[0] === 'cell-blank') { assert.deepEqual(codes, Array(Object.keys(cols).length).fill('cell-blank'), where); continue; }
          assert.deepEqual(codes, ['row-cells'], where);
          // The other rows are read (table 4's fifteen cells are one row); run-together digits the empty row's
          // identities would have decided stay ambiguous: said, not guessed.
          const unread = key === 't4' ? 't4 ' : `${key} ${row} `;
          assert.deepEqual(bound(text, figures).wrong.filter((w) => !w.startsWith(unread) && !w.includes('ambiguous null')), [], where);
        }
      }
    });
  });
});
