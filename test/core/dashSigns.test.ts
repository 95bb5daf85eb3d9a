import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { bound, cellsOf, FIGURES, withCell } from '../import/cells';
import { LAYOUTS } from '../layouts/render';
import { sliceAt } from './seeds';

// A negative number of the 2019 form's 本年增/减 typed with a dash that looks like a minus: Word's non-breaking hyphen
// (U+2011, Ctrl+Shift+-), a hyphen (U+2010), a figure dash, an en dash (AutoCorrect's of “ - ”), the small hyphen-minus.
// In a cell of its own it was cell-invalid (“‑3”不是数字); in a space-aligned table or a PDF's text the dash was a
// word and the number lost its place (the row's numbers shifted: table-unreadable, cell-blank). Now it is read as a
// minus, the number written the wrong way (cell-fullwidth, its fix the - sign); in a count column it is a negative
// count, cell-invalid as -3 is.

const DASHES = ['\u2010', '\u2011', '\u2012', '\u2013', '\ufe63'];
const signedCells = (f: (typeof FIGURES)[number]['figures']) =>
  [...cellsOf(f)].filter((c) => c.text.startsWith('-') && tableSpec(f.version, c.key).columns.find((k) => k.key === c.col)?.signed);
const NEGATIVE = FIGURES.filter(({ figures }) => signedCells(figures).length > 0);

describe('a minus typed as a dash look-alike', () => {
  it('some seed has a negative change (the generator has something to do)', () => assert.ok(NEGATIVE.length > 0));

  LAYOUTS.filter((l) => l.separated).forEach((layout, li) => {
    it(`${layout.name}: every seed with a negative 本年增/减, a dash for each (each dash in turn): each cell read as its number, cell-fullwidth whose fix writes -`, () => {
      NEGATIVE.forEach(({ name, figures }, si) => {
        const dash = DASHES[(li + si) % DASHES.length];
        {
          let f = figures;
          const cells = signedCells(figures);
          for (const c of cells) f = withCell(f, c.key, c.row, c.col, dash + c.text.slice(1));
          const text = layout.render(f), where = `${name} U+${dash.codePointAt(0)!.toString(16)}`;
          assert.deepEqual(bound(text, figures).wrong, [], where);
          const found = check(text).findings.filter((x) => x.severity !== 'information' || x.code === 'cell-fullwidth');
          const plain = check(layout.render(figures)).findings.filter((x) => x.severity !== 'information' || x.code === 'cell-fullwidth');
          const fullwidth = found.filter((x) => x.code === 'cell-fullwidth');
          assert.deepEqual(found.filter((x) => x.code !== 'cell-fullwidth').map((x) => x.code), plain.filter((x) => x.code !== 'cell-fullwidth').map((x) => x.code), where);
          assert.equal(fullwidth.length - plain.filter((x) => x.code === 'cell-fullwidth').length, cells.length, where);
          for (const x of fullwidth.filter((x) => sliceAt(text, x.range).startsWith(dash))) {
            assert.match(x.message, /负号/, where);
            assert.equal(x.fix?.edits[0].newText, `-${sliceAt(text, x.range).slice(1)}`, where);
          }
        }
      });
    });
  });

  // The em dash (—) touching the digits (thirteenth session): was a placeholder followed by a number — cell-invalid “—3” in a
  // cell of its own (9 of 9 cells unread in 18 layouts); in a PDF's text, space-aligned text and a cell a line without
  // indentation the row's numbers shifted (row-cells, table-unreadable, cell-blank on a cell the drafter filled). A clerk's
  // placeholder stands alone in its cell; a dash right before the digits is the number's sign. Now read as a minus
  // (cell-fullwidth, its fix -), in every layout, every seed; the dash alone in the cell before stays a placeholder.
  LAYOUTS.filter((l) => l.separated).forEach((layout) => {
    it(`${layout.name}: —3 is -3 (cell-fullwidth, fix -), a lone — before it a placeholder, as - and -3 would be`, () => {
      for (const { name, figures } of NEGATIVE) {
        const cells = signedCells(figures);
        let dashed = figures, plain = figures;
        for (const c of cells) {
          dashed = withCell(withCell(dashed, c.key, c.row, c.col, '\u2014' + c.text.slice(1)), c.key, c.row, 'prior_items', '\u2014');
          plain = withCell(withCell(plain, c.key, c.row, c.col, c.text), c.key, c.row, 'prior_items', '\u2014');
        }
        const text = layout.render(dashed), t2 = parseReport(text).tables.t2!, want = parseReport(layout.render(plain)).tables.t2!;
        for (const c of cells) {
          assert.deepEqual(['prior_items', 'change'].map((k) => [t2.rows[c.row]?.cells[k]?.kind, t2.rows[c.row]?.cells[k]?.value]),
            ['prior_items', 'change'].map((k) => [want.rows[c.row]?.cells[k]?.kind, want.rows[c.row]?.cells[k]?.value]), `${name} ${c.row}`);
          assert.equal(t2.rows[c.row].cells.change.value, Number(c.text), `${name} ${c.row}`);
        }
        const fixes = check(text).findings.filter((x) => x.code === 'cell-fullwidth' && sliceAt(text, x.range).startsWith('\u2014'));
        assert.deepEqual(fixes.map((x) => x.fix?.edits[0].newText).sort(), cells.map((c) => c.text).sort(), name);
      }
    });
  });

  it('in a count column, —3 is a negative count (cell-invalid as for -3)', () => {
    const text = LAYOUTS[0].render(withCell(FIGURES[0].figures, 't3', '1', 'natural', '\u20143'));
    const invalid = check(text).findings.filter((x) => x.code === 'cell-invalid');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0].message, /负数 -3/);
  });

  it('in a count column, ‑3 is a negative count (cell-invalid as for -3), never a number without its sign', () => {
    const { figures } = FIGURES[0];
    const tabs = LAYOUTS[0];
    const text = tabs.render(withCell(figures, 't3', '1', 'natural', '\u20113'));
    const invalid = check(text).findings.filter((x) => x.code === 'cell-invalid');
    assert.equal(invalid.length, 1);
    assert.match(invalid[0].message, /负数 -3/);
  });
});
