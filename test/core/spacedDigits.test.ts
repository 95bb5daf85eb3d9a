import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { renderHtml } from '../layouts/html';
import { cellsOf, FIGURES, withCell } from '../import/cells';
import { LAYOUTS } from '../layouts/render';
import { ARITHMETIC, sliceAt } from './seeds';

// A blank typed between the digits of a number in a cell with real boundaries (a tab's, a pipe's, a web
// page's): “2 0”. A cell holds one number; the reader read 2 and 0 as two, and either said the row too
// long (row-cells) or, where the header picked the first number of the cell and let the 0 go (a Markdown
// table with its label cells empty), reported an arithmetic finding of its own misreading
// (table3-outcome-total “填的是 2 …应为 20”). Now the cell's text is one value: cell-invalid names it as
// written, its fix is what the identities say (20), and no arithmetic finding is made on it.

const CELLED = LAYOUTS.filter((l) => ['tabs', 'csv', 'markdown', 'grid'].includes(l.family) || l.name.startsWith('cell-per-line/tab-indent'));
/** A number of two digits or more with a blank after its first (2 0, 4 57), or its second where that would group thousands (10 92, not 1 092). */
const spaced = (n: string) => { const at = n.length === 4 ? 2 : 1; return `${n.slice(0, at)} ${n.slice(at)}`; };

/** The table cells of `text`'s findings: one cell-invalid on `written`, its fix (if any) the number, nothing else. */
function assertNamed(text: string, written: string, value: string, where: string) {
  const found = check(text).findings.filter((f) => ARITHMETIC.has(f.code) || ['cell-invalid', 'row-cells', 'cell-blank'].includes(f.code));
  assert.deepEqual(found.map((f) => `${f.code} ${sliceAt(text, f.range)}`), [`cell-invalid ${written}`], where);
  assert.match(found[0].message, /中间有空格/, where);
  const fix = found[0].fix?.edits[0].newText;
  assert.ok(fix === undefined || fix === value, `${where}: fix ${fix}`);
}

describe('a blank between the digits of a number in its cell', () => {
  for (const layout of CELLED) {
    it(`${layout.name}: every seed, a cell in every seventh: cell-invalid on it as written, no arithmetic finding`, () => {
      for (const { name, figures } of FIGURES) {
        let i = 0;
        for (const c of cellsOf(figures)) {
          if (!/^\d{2,}$/.test(c.text) || i++ % 7 !== 0) continue;
          assertNamed(layout.render(withCell(figures, c.key, c.row, c.col, spaced(c.text))), spaced(c.text), c.text, `${name} ${c.key} ${c.row} ${c.col}`);
        }
      }
    });
  }

  it('web page: every seed, a cell in every fifth with a space or an &nbsp; in it: cell-invalid on it, no arithmetic finding', () => {
    for (const blank of [' ', '&nbsp;']) {
      for (const { name, figures } of FIGURES) {
        let i = 0;
        for (const c of cellsOf(figures)) {
          if (!/^\d{2,}$/.test(c.text) || i++ % 5 !== 0) continue;
          const f = withCell(figures, c.key, c.row, c.col, spaced(c.text).replace(' ', '\u0000'));
          const { text } = importHtml(renderHtml(f, { seed: 1, split: false }).html.replace('\u0000', blank));
          assertNamed(text, spaced(c.text), c.text, `${name} ${c.key} ${c.row} ${c.col} ${JSON.stringify(blank)}`);
        }
      }
    }
  });

  it('Markdown: “2 0” in 予以公开 of 总计 (its label cells empty) is no table3-outcome-total “填的是 2”', () => {
    const { figures } = FIGURES.find((x) => x.name === 'seed 002')!;
    const text = CELLED.find((l) => l.name === 'markdown/outer-pipes')!.render(withCell(figures, 't3', '3.1', 'total', '2 0'));
    const found = check(text).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('cell'));
    assert.deepEqual(found.map((f) => `${f.code} ${sliceAt(text, f.range)} ${f.fix?.edits[0].newText}`), ['cell-invalid 2 0 20']);
  });
});

describe('three parts in one cell', () => {
  it('tabs: “1 0 4” in 总计 of 本年新收 is one value as written', () => {
    const { figures } = FIGURES.find((x) => x.name === 'seed 002')!;
    const total = figures.cells.t3['1'].total;
    const text = CELLED[0].render(withCell(figures, 't3', '1', 'total', [...total.padStart(3, '0')].join(' ')));
    const found = check(text).findings.filter((f) => ARITHMETIC.has(f.code) || f.code.startsWith('cell') || f.code === 'row-cells');
    assert.deepEqual(found.map((f) => `${f.code} ${sliceAt(text, f.range)} ${f.fix?.edits[0].newText}`), [`cell-invalid ${[...total.padStart(3, '0')].join(' ')} ${total}`]);
  });
});

describe('a blank between digits in a row with a blank cell', () => {
  // Split, the row's numbers were as many as its columns with the blank cell left out: 1 and 7 went to 自然人 and
  // 商业企业, and the table's identities blamed the author for three sums (table3-row-total, table3-outcome-total).
  for (const layout of CELLED.filter((l) => l.provesBlanks)) {
    it(`${layout.name}: every seed, each row of table 3 with a number of two digits: that number spaced, another cell blank: cell-invalid and cell-blank, no arithmetic finding`, () => {
      for (const { name, figures } of FIGURES) {
        for (const [row, cells] of Object.entries(figures.cells.t3)) {
          const cols = Object.keys(cells), spacedCol = cols.find((c) => /^\d{2,}$/.test(cells[c]));
          const blankCol = cols.find((c) => c !== spacedCol && c !== 'total');
          if (!spacedCol || !blankCol) continue;
          const f = withCell(withCell(figures, 't3', row, spacedCol, spaced(cells[spacedCol])), 't3', row, blankCol, '');
          const text = layout.render(f), where = `${name} ${row} ${spacedCol}, ${blankCol} blank`;
          const found = check(text).findings.filter((x) => ARITHMETIC.has(x.code) || ['cell-invalid', 'row-cells', 'cell-blank'].includes(x.code));
          assert.deepEqual(found.map((x) => x.code).sort(), ['cell-blank', 'cell-invalid'], where);
          assert.equal(sliceAt(text, found.find((x) => x.code === 'cell-invalid')!.range), spaced(cells[spacedCol]), where);
        }
      }
    });
  }
});

// The same where no cell boundary parts the numbers (thirteenth session): space-aligned text, a PDF's text (single
// spaces between cells), a cell a line without indentation. Was row-cells “读到 8 个数” on every such row of table 3
// (and, a cell a line, arithmetic errors blaming the author: “1 8” read as 10 and 8, a 1 joined to the 0 on the next
// line as a number broken by a narrow cell). Now a row one number too long whose two numbers a single space apart on
// one line are alone on it, every other number alone on its own (a cell a line), or whose identities hold with them
// joined, reads them as one cell as written: cell-invalid “中间有空格”, its fix the identities' value; where two joinings
// fit the row, the table's identities choose. Table 2 has no identities: in a cell a line (or a one-number row) the
// cell as written, else the row too long (row-cells), never an arithmetic finding.
describe('a blank between the digits of a number where no cell boundary shows', () => {
  const UNCELLED = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text' || /^cell-per-line\/(no|space)-indent/.test(l.name));
  for (const layout of UNCELLED) {
    it(`${layout.name}: every seed, every second number of two digits or more spaced: cell-invalid on it with its fix (table 2: it or row-cells)`, () => {
      for (const { name, figures } of FIGURES) {
        let i = 0;
        for (const c of cellsOf(figures)) {
          if (!/^\d{2,}$/.test(c.text) || i++ % 2 !== 0) continue;
          const text = layout.render(withCell(figures, c.key, c.row, c.col, spaced(c.text))), where = `${name} ${c.key} ${c.row} ${c.col}`;
          const found = check(text).findings.filter((f) => ARITHMETIC.has(f.code) || ['cell-invalid', 'row-cells', 'cell-blank', 'cell-ambiguous', 'table-unreadable'].includes(f.code));
          const said = found.map((f) => `${f.code} ${sliceAt(text, f.range)}`);
          if (c.key === 't2' && said.length === 1 && said[0].startsWith('row-cells')) continue;
          assert.deepEqual(said, [`cell-invalid ${spaced(c.text)}`], where);
          if (c.key !== 't2') assert.equal(found[0].fix?.edits[0].newText, c.text, where);
        }
      }
    });
  }
});
