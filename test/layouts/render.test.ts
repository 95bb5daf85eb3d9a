import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { SECTIONS, tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { EXPECTED } from '../core/expected';
import { sliceAt } from '../core/seeds';
import { figures2019, figuresOf, type Figures } from './figures';
import { LAYOUTS, renderReport, renderTable, type Layout, type Style } from './render';

// The renderers pinned down without any parser: every cell where it belongs, the report's sections,
// and the noise doing what it says. At the end, a baseline: today's parser reads back the layouts
// it already knows.

const KEYS: TableKey[] = ['t2', 't3', 't4'];
const FIGURES = Object.entries(EXPECTED).flatMap(([k, e]) => [
  { name: k, f: figuresOf(e) },
  { name: `${k} as a 2019-format report`, f: figures2019(e) },
]);

/** The statutory cells of a table in reading order: row by row in the statute's order, columns in order. */
const cellsOf = (f: Figures, key: TableKey) => tableSpec(f.version, key).rows.filter((r) => !r.isGroup)
  .flatMap((r) => r.columns.map((col) => ({ row: r.key, label: r.label, col, text: f.cells[key][r.key][col] })));

/** The same figures with every cell a different four-digit number, so a cell can be found in the text by its value. */
function tagged(f: Figures): Figures {
  let n = 1000;
  const cells = Object.fromEntries(KEYS.map((k) => [k, Object.fromEntries(Object.entries(f.cells[k])
    .map(([row, cols]) => [row, Object.fromEntries(Object.keys(cols).map((c) => [c, String(n++)]))]))]));
  return { ...f, cells: cells as Figures['cells'] };
}

const withCell = (f: Figures, key: TableKey, row: string, col: string, text: string): Figures =>
  ({ ...f, cells: { ...f.cells, [key]: { ...f.cells[key], [row]: { ...f.cells[key][row], [col]: text } } } });

/** Where the table's section starts: its cells come after the heading (the prose before has numbers too). */
const sectionOf = (key: TableKey) => SECTIONS.find((s) => s.number === tableSpec('2021', key).number)!;
const headingAt = (text: string, key: TableKey) => text.indexOf(`${sectionOf(key).numeral}、${sectionOf(key).title}`);

/** The text with a CSV's thousands separators inside quotes taken out ("1,010" → "1010": csv/quoted-thousands writes the tagged figures so). */
const ungrouped = (text: string) => text.replace(/(?<="\d{1,3}),(?=\d{3}")/g, '');

/**
 * Every cell's text, in order, after its row's label and before the next row's: the rows are found
 * one after the other by the start of their labels (which wrapping never splits), the cells by text.
 */
function assertInOrder(written: string, f: Figures, key: TableKey, where: string) {
  const text = ungrouped(written);
  let at = headingAt(text, key);
  assert.ok(at >= 0, `${where}: section heading of ${key}`);
  let row = '';
  for (const c of cellsOf(f, key)) {
    if (c.row !== row && key !== 't4') {
      // Table 4 prints its blocks as headers over one row of numbers: no row label to look for.
      const start = [...c.label].slice(0, 4).join('');
      const found = text.indexOf(start, at);
      assert.ok(found >= 0, `${where}: ${key} row ${c.row} label “${start}” after offset ${at}`);
      at = found + start.length;
    }
    row = c.row;
    const found = text.indexOf(c.text, at);
    assert.ok(found >= 0, `${where}: ${key} ${c.row} ${c.col} “${c.text}” after offset ${at}`);
    at = found + c.text.length;
  }
}

const same = (s: Style): Record<TableKey, Style> => ({ t2: s, t3: s, t4: s });
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
const MARKER = /^(- \d+ -|— \d+ —|第 \d+ 页)$/;
const noIndent = (l: Layout) => l.name.startsWith('cell-per-line/no-indent');

describe('test/layouts: the figures', () => {
  for (const { name, f } of FIGURES) {
    it(`${name}: every statutory cell of the ${f.version} format, every identity holding`, () => {
      for (const key of KEYS) {
        const spec = tableSpec(f.version, key);
        // (Sorted: an object lists keys like '1', '2', '4' before '3.1', whatever the order they were set in.)
        assert.deepEqual(Object.keys(f.cells[key]).sort(), spec.rows.filter((r) => !r.isGroup).map((r) => r.key).sort());
        for (const r of spec.rows.filter((r) => !r.isGroup)) assert.deepEqual(Object.keys(f.cells[key][r.key]), r.columns);
        const num = (row: string, col: string) => Number(f.cells[key][row][col]);
        for (const id of spec.identities) {
          const sum = (keys: string[], other: string) => keys.reduce((a, k) => a + (id.per === 'column' ? num(k, other) : num(other, k)), 0);
          const across = id.per === 'column' ? spec.columns.map((c) => c.key) : id.rows ?? Object.keys(f.cells[key]);
          for (const x of across) assert.equal(sum(id.sum, x), sum(id.equals, x), `${id.code} ${x}`);
        }
      }
      const counts = KEYS.map((k) => cellsOf(f, k).length);
      assert.deepEqual(counts, f.version === '2021' ? [10, 175, 15] : [22, 161, 15]);
    });
  }

  it('the 2019 tables: （六）其他处理 is the sum of the seed\'s three rows; 本年增/减 can be negative', () => {
    const e = EXPECTED['002'];
    const f = figures2019({ ...e, t3: { ...e.t3, '3.6.1': [1, 0, 0, 0, 0, 0, 1], '3.6.3': [2, 1, 0, 0, 0, 0, 3] } });
    assert.equal(f.year, 2020);
    assert.deepEqual(Object.values(f.cells.t3['3.6']), ['3', '1', '0', '0', '0', '0', '4']);
    for (const { f } of FIGURES.filter((x) => x.f.version === '2019')) {
      assert.ok(Object.values(f.cells.t2).some((r) => Number(r.change) < 0), 'a negative change');
    }
  });
});

describe('test/layouts: every cell in every layout', () => {
  const mixed = {
    name: 'mixed: tabs, Markdown, PDF text',
    render: (f: Figures) => renderReport(f, {
      t2: { family: 'tabs', merges: 'pad' },
      t3: { family: 'markdown', outerPipes: true, rule: true, perRow: false, merges: 'empty', br: false },
      t4: { family: 'pdf-text', groups: 'own-lines', repeatHeader: true, marker: 'dash' },
    }),
  };
  for (const layout of [...LAYOUTS, mixed]) {
    it(`${layout.name}: each cell after its row's label, in column order, for every seed`, () => {
      for (const { name, f } of FIGURES) {
        for (const g of [f, tagged(f)]) {
          const text = layout.render(g);
          for (const key of KEYS) assertInOrder(text, g, key, `${name} ${g === f ? '' : '(tagged)'}`);
          let at = -1;
          for (const s of SECTIONS) {
            const found = text.indexOf(`${s.numeral}、${s.title}`);
            assert.ok(found > at, `${name}: section ${s.numeral} after the one before`);
            at = found;
          }
          assert.match(text, new RegExp(`^某某镇\\s?${g.year}\\s?年政府信息公开工作年度报告`));
          assert.equal(layout.render(g), text, 'the same text every time');
        }
      }
    });
  }

  it('cells as a draft writes them: a unit, full-width digits, a slash, a blank — each where it belongs', () => {
    let f = tagged(figuresOf(EXPECTED['003']));
    f = withCell(f, 't2', 'fees', 'amount', '373.91万元');
    f = withCell(f, 't3', '3.1', 'natural', '１２');
    f = withCell(f, 't3', '3.2', 'legal', '/');
    f = withCell(f, 't3', '1', 'research', '');
    for (const layout of LAYOUTS) {
      const text = layout.render(f);
      for (const key of KEYS) assertInOrder(text, f, key, layout.name);
    }
  });

  it('flattened: the whole report on one line', () => {
    for (const layout of LAYOUTS.filter((l) => l.family === 'flattened')) {
      for (const { f } of FIGURES) assert.equal(lines(layout.render(f)).length, 1, layout.name);
    }
  });

  it('a table drawn alone is the table the report holds', () => {
    const f = figuresOf(EXPECTED['003']);
    for (const layout of LAYOUTS) {
      const report = layout.render(f, { blankLines: 'none' });
      for (const key of KEYS) assert.ok(report.includes(renderTable(f, key, layout.style, { blankLines: 'none' }).trimEnd()), `${layout.name} ${key}`);
    }
  });

  // What a blank cell leaves between its neighbours, blanks aside: twice the separator where the
  // layout shows a blank (\t\t, | |, an indent-only line), the usual separator where it does not.
  it('a blank cell: visible where the layout says so, nothing where it does not', () => {
    const f = tagged(figuresOf(EXPECTED['002']));
    const [before, blank, after] = ['commercial', 'research', 'nonprofit'].map((c) => f.cells.t3['3.2'][c]);
    const between = (text: string, a: string, b: string) => {
      const m = new RegExp(`${a}([^0-9]*?)${b}`).exec(text.slice(headingAt(text, 't3')));
      assert.ok(m, `${a} … ${b}`);
      return m[1];
    };
    const squeeze = (s: string) => s.replace(/ +/g, '');
    for (const layout of LAYOUTS) {
      const raw = between(ungrouped(layout.render(f)), before, blank), usual = squeeze(raw);
      const text = ungrouped(layout.render(withCell(f, 't3', '3.2', 'research', '')));
      assert.ok(!text.includes(blank), layout.name);
      const gap = squeeze(between(text, before, after));
      // Without indentation the empty line is there too, but a blank line between rows looks the same.
      assert.equal(gap, layout.provesBlanks || noIndent(layout) ? usual + usual : usual, `${layout.name}: ${JSON.stringify(gap)}`);
      assert.equal(raw !== '', layout.separated, `${layout.name}: separated`);
    }
  });
});

describe('test/layouts: noise', () => {
  const f = tagged(figuresOf(EXPECTED['000']));
  const plain = (l: Layout) => l.render(f);

  it('blankLines none: not one blank line (an empty cell without indent is an empty line, though)', () => {
    for (const layout of LAYOUTS.filter((l) => !noIndent(l))) {
      assert.ok(!lines(layout.render(f, { blankLines: 'none' })).includes(''), layout.name);
    }
  });

  it('blankLines between-rows: a blank line after every table row', () => {
    const text = renderReport(f, same({ family: 'tabs', merges: 'pad' }), { blankLines: 'between-rows' });
    const all = lines(text);
    const rows = all.flatMap((l, i) => l.includes('\t') ? [i] : []);
    assert.ok(rows.length > 40);
    for (const i of rows.slice(0, -1)) assert.equal(all[i + 1], '', `line ${i + 1}`);
    // Seeds 002–004: every cell its own line, a blank line between the rows.
    const cpl = lines(renderReport(f, same({ family: 'cell-per-line', indent: '\t', breakHeaders: true }), { blankLines: 'between-rows' }));
    const label = cpl.indexOf('\t二、上年结转政府信息公开申请数量');
    assert.deepEqual(cpl.slice(label - 1, label + 9), ['', '\t二、上年结转政府信息公开申请数量', ...Object.values(f.cells.t3['2']).map((v) => `\t${v}`), '']);
  });

  it('blankLines everywhere: one blank line after every line', () => {
    for (const layout of LAYOUTS.filter((l) => !noIndent(l))) {
      const all = lines(layout.render(f, { blankLines: 'everywhere' }));
      all.forEach((l, i) => assert.equal(l === '', i % 2 === 1, `${layout.name} line ${i + 1}`));
    }
  });

  it('indent: before every line that is not blank, and nothing else changes', () => {
    for (const layout of LAYOUTS) {
      const text = layout.render(f, { indent: '\u3000\u3000' });
      for (const l of lines(text)) assert.ok(l === '' || l.startsWith('\u3000\u3000'), `${layout.name}: ${l}`);
      assert.equal(text.replace(/^\u3000\u3000/gm, ''), plain(layout), layout.name);
    }
  });

  it('crlf: every line ends with \\r\\n, and nothing else changes', () => {
    for (const layout of LAYOUTS) {
      const text = layout.render(f, { crlf: true });
      assert.ok(!/[^\r]\n/.test(text), layout.name);
      assert.equal(text.replace(/\r\n/g, '\n'), plain(layout), layout.name);
    }
  });

  it('pageMarkerAfter: a page number after the n-th data row of table 3, the header again where the family repeats it', () => {
    const n = 7; // table 2 has six data rows in 2021: only table 3 breaks
    const t3 = cellsOf(f, 't3');
    const [last, next] = [t3[n * 7 - 1].text, t3[n * 7].text]; // table 3's rows have seven cells
    for (const layout of LAYOUTS) {
      const text = ungrouped(layout.render(f, { pageMarkerAfter: n }));
      if (layout.family === 'flattened') { assert.equal(text, plain(layout), 'a web page has no pages'); continue; }
      const markers = lines(text).flatMap((l, i) => MARKER.test(l) ? [i] : []);
      assert.equal(markers.length, 1, layout.name);
      const at = text.indexOf(`\n${lines(text)[markers[0]]}\n`);
      assert.ok(text.indexOf(last) < at && at < text.indexOf(next), `${layout.name}: between ${last} and ${next}`);
      const heads = lines(text).filter((l) => l.includes('申请人情况')).length;
      assert.equal(heads, layout.name === 'pdf-text' || layout.family === 'space-aligned' ? 2 : 1, `${layout.name}: header rows`);
      assertInOrder(text, f, 't3', layout.name);
    }
  });

  it('pageBreak: its lines for the page number, the header again or not, the break inside a row', () => {
    const t3 = cellsOf(f, 't3');
    const title = lines(plain(LAYOUTS[0]))[0];
    for (const layout of LAYOUTS.filter((l) => l.family !== 'flattened')) {
      const text = layout.render(f, { pageMarkerAfter: 9, pageBreak: { lines: ['- {n} -', '{title}'], repeatHeader: true } });
      const at = lines(text).indexOf('- 5 -');
      assert.ok(at > 0 && lines(text)[at + 1] === title, `${layout.name}: the footer, then the running header`);
      assert.equal(lines(text).filter((l) => l.includes('申请人情况')).length, 2, `${layout.name}: header rows again`);
      assertInOrder(text, f, 't3', layout.name);
      const without = layout.render(f, { pageMarkerAfter: 9, pageBreak: { lines: ['（续表）'], repeatHeader: false } });
      assert.equal(lines(without).filter((l) => l.includes('申请人情况')).length, 1, `${layout.name}: no header again`);
    }
    // Inside the 4th data row (（二）部分公开…): its label before the break, its numbers after it, under the header again.
    for (const name of ['pdf-text', 'cell-per-line/tab-indent/blank-lines']) {
      const text = LAYOUTS.find((l) => l.name === name)!.render(f, { pageMarkerAfter: 4, pageBreak: { lines: ['- {n} -'], repeatHeader: true, within: 'label' } });
      const brk = text.indexOf('\n- 5 -\n');
      assert.ok(text.indexOf('（二）部分公开') < brk && brk < text.lastIndexOf('申请人情况'), name);
      assert.ok(text.lastIndexOf('申请人情况') < text.indexOf(t3[3 * 7].text, brk), `${name}: the numbers after the header`);
      const group = LAYOUTS.find((l) => l.name === name)!.render(f, { pageMarkerAfter: 5, pageBreak: { lines: ['- {n} -'], within: 'group' } });
      assert.ok(group.indexOf('（三）不予公开') < group.indexOf('\n- 5 -\n') && group.indexOf('\n- 5 -\n') < group.indexOf('1.属于国家秘密'), `${name}: group label, break, row`);
    }
  });
});

describe('test/layouts: today\'s parser reads the layouts it already knows (baseline)', () => {
  const known = LAYOUTS.filter((l) => ['tabs', 'cell-per-line/tab-indent/blank-lines', 'markdown/outer-pipes'].includes(l.name));
  assert.equal(known.length, 3);
  for (const layout of known) {
    for (const { name, f } of FIGURES) {
      it(`${layout.name}, seed ${name}: every cell bound to its value, its range on its text`, () => {
        const text = layout.render(f);
        const report = parseReport(text);
        assert.equal(report.year, f.year);
        assert.equal(report.format, f.version);
        assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
        for (const key of KEYS) {
          for (const c of cellsOf(f, key)) {
            const cell = report.tables[key]?.rows[c.row]?.cells[c.col];
            assert.ok(cell, `${key} ${c.row} ${c.col} is missing`);
            assert.equal(cell.kind, 'number', `${key} ${c.row} ${c.col} reads “${cell.raw}”`);
            assert.equal(cell.value, Number(c.text), `${key} ${c.row} ${c.col}`);
            assert.equal(sliceAt(text, cell.range), c.text, `${key} ${c.row} ${c.col} range`);
          }
        }
      });
    }
  }
});
