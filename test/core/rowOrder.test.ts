import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { bound, FIGURES } from '../import/cells';
import { renderRows, ROW_LAYOUTS, ROW_SHAPES } from '../layouts/rowOrder';

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
