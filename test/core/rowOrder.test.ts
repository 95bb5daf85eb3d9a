import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { bound, FIGURES, withCell } from '../import/cells';
import { tableSpec } from '../../server/src/core/format/statute';
import { renderRows, ROW_LAYOUTS, ROW_SHAPES, rowInHalves } from '../layouts/rowOrder';

// A table's rows in shapes no statutory table has (test/layouts/rowOrder.ts), every seed's figures in both formats, in
// every tab layout. What the reader cannot place it says it cannot read (table-unreadable): it never blames the author
// for a row missing (row-missing, an error, was said for rows in reverse order: their numbers were dropped unsaid) or
// for a row without numbers (row-cells “没有数字…没有的请填 0”, for labels written after their numbers, and for
// table 3 transposed, with row-missing errors too). A cell it
// does bind is bound right; the report's other findings are those of the table in its usual shape.

const findings = (text: string) => check(text).findings.filter((f) => f.severity !== 'information');
const codes = (text: string) => findings(text).map((f) => f.code).filter((c) => c !== 'table-unreadable').sort();

describe('a table whose rows are in a shape no statutory table has', () => {
  for (const shape of ROW_SHAPES) {
    it(`${shape}: what is not read is said to be unreadable, the rest as in the usual shape`, () => {
      for (const layout of ROW_LAYOUTS) {
        for (const { name, figures } of FIGURES) {
          const text = renderRows(figures, layout, shape), at = `${layout.name} ${name}`;
          const unreadable = new Set(findings(text).filter((f) => f.code === 'table-unreadable').map((f) => f.message.slice(0, 6)));
          const wrong = bound(text, figures).wrong.filter((w) => !unreadable.has(`读不懂${{ t2: '表二', t3: '表三', t4: '表四' }[w.slice(0, 2)]}的`));
          assert.deepEqual(wrong, [], at);
          assert.deepEqual(codes(text), codes(layout.render(figures)), at);
          // A plus sign before a number is read as the number.
          if (shape === 'plus') assert.deepEqual(bound(text, figures).wrong, [], at);
        }
      }
    });
  }
  it('label-right: tables 2 and 3 are said to have their labels after their numbers', () => {
    for (const { name, figures } of FIGURES) {
      const text = renderRows(figures, ROW_LAYOUTS[0], 'label-right');
      const said = findings(text).filter((f) => f.code === 'table-unreadable').map((f) => f.message);
      assert.equal(said.length, 2, name);
      for (const m of said) assert.match(m, /行名写在数字之后.*请把行名放在每行的第一列/, name);
    }
  });
  it('transposed: table 3 is said to have its rows and columns swapped', () => {
    for (const layout of ROW_LAYOUTS) {
      for (const { name, figures } of FIGURES) {
        const said = findings(renderRows(figures, layout, 'transposed')).filter((f) => f.code === 'table-unreadable').map((f) => f.message);
        assert.equal(said.length, 1, `${layout.name} ${name}`);
        assert.match(said[0], /^读不懂表三的排版：行列互换了/, `${layout.name} ${name}`);
      }
    }
  });
  it('reverse: the rows are not said to be missing', () => {
    for (const { name, figures } of FIGURES) {
      const text = renderRows(figures, ROW_LAYOUTS[0], 'reverse');
      assert.deepEqual(findings(text).filter((f) => f.code === 'row-missing' || f.code === 'row-cells').map((f) => f.message), [], name);
    }
  });
});

// A row of table 3 in two parts, its label written again over the rest of its numbers: was “出现两次……请删去多余的一行”
// (row-cells) and the row unread. Now one row where the parts are exactly its numbers and its total holds so.
describe('a row of table 3 in two parts, its label again before the second', () => {
  it('every cell read, the findings of the whole row, in every tab layout, every row, every cut', () => {
    for (const layout of ROW_LAYOUTS) {
      for (const { name, figures } of FIGURES) {
        const text = layout.render(figures), want = codes(text);
        const rows = tableSpec(figures.version, 't3').rows.filter((r) => !r.isGroup);
        for (const [r, row] of rows.entries()) {
          const label = row.label.replace(/（区分处理.*$/, '');
          // (Two rows later, but not past the table's last row, nor out of its group: 3.其他 after 四、 names no row.)
          for (const [k, gap] of r < rows.length - 4 ? [[1, 0], [3, 0], [6, 0], [4, 2]] : [[1, 0], [3, 0], [6, 0]]) {
            const cut = rowInHalves(text, label, k, gap), at = `${layout.name} ${name} ${row.key} ${k} ${gap}`;
            assert.notEqual(cut, text, at);
            assert.deepEqual(bound(cut, figures).wrong, [], at);
            assert.deepEqual(codes(cut), want, at);
          }
        }
      }
    }
  });
  it('parts that do not add up are still a row written twice', () => {
    for (const { name, figures } of FIGURES) {
      const f = withCell(figures, 't3', '1', 'natural', String(Number(figures.cells.t3['1'].natural) + 1));
      const cut = rowInHalves(ROW_LAYOUTS[0].render(f), '一、本年新收', 3);
      assert.ok(findings(cut).some((x) => x.code === 'row-cells' && x.message.includes('出现两次')), name);
    }
  });
  // After the table's last row, the second part was dropped without a word: the row short (row-cells “只读到 1 个数”,
  // or cell-blank on a cell whose number is there), table3-balance errors on the rows it feeds.
  it('the second part after the table\'s last row: every cell read, the findings of the whole row; parts that do not add up said twice', () => {
    for (const layout of ROW_LAYOUTS) {
      for (const { name, figures } of FIGURES) {
        const text = layout.render(figures), want = codes(text), lines = text.split('\n');
        const rows = tableSpec(figures.version, 't3').rows.filter((r) => !r.isGroup), label = (r: typeof rows[number]) => r.label.replace(/（区分处理.*$/, '');
        const last = lines.findIndex((l) => l.includes(label(rows[rows.length - 1])) && /\t\d/.test(l));
        for (const row of rows.slice(0, -1)) {
          const at = lines.findIndex((l) => l.includes(label(row)) && /\t\d/.test(l));
          for (const k of [1, 3, 6]) {
            const cut = rowInHalves(text, label(row), k, last - at), where = `${layout.name} ${name} ${row.key} ${k}`;
            assert.deepEqual(bound(cut, figures).wrong, [], where);
            assert.deepEqual(codes(cut), want, where);
          }
        }
        const wrong = withCell(figures, 't3', '1', 'natural', String(Number(figures.cells.t3['1'].natural) + 1));
        const cut = rowInHalves(layout.render(wrong), '一、本年新收', 3, last - lines.findIndex((l) => l.includes('一、本年新收') && /\t\d/.test(l)));
        assert.ok(findings(cut).some((x) => x.code === 'row-cells' && x.message.includes('出现两次')), `${layout.name} ${name}`);
      }
    }
  });
});
