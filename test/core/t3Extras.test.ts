import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { bound, cellsOf, FIGURES, withCell } from '../import/cells';
import { legalAndOtherApart, type T3Extra } from '../layouts/extras';
import type { Figures } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';
import { ARITHMETIC, assertPinpointed, sliceAt, tableFindings } from './seeds';

// Table 3 as drafters change it (test/layouts/extras.ts), every seed's figures in both formats, in every layout whose cells
// are separated (the sixth attack on the table reader):
// - a 合计 column after 总计, the row's total again: was row-cells “读到 8 个数，多于 7 列” (or table3-row-total errors) in
//   15 of 22 layouts (25873 of 43780 cells read, 2557 row-cells). Then read where the header places it (its cell, or its
//   centre in aligned text); where nothing places it (one cell a line, a PDF's text, a grid table, cells that do not line
//   up), table-unreadable saying the header has a column the statute has not (30732 read). Now (thirteenth session) read
//   there too where the rows show the column repeating each row's total right after it (43780 read): see the describe
//   “a 合计 column nothing places” below for a wrong cell and for the 合计 columns that are not that (first, a subtotal).
// - the value columns in another order under a header that says so (总计 first, the five of 法人或其他组织 reversed): was
//   read in the statute's order, 110 cells wrong and table3-row-total errors, in every layout but pipe tables and aligned
//   text. Now read in the header words' order, where the rows' totals hold no worse in it than in the statute's. Only
//   其他 before 法律服务机构 (their figures made to differ, legalAndOtherApart): was read in the statute's order in the
//   same layouts, 60 cells wrong and nothing said (no total tells); now by the header.
// - a row of a part under 本年新收 (其中：网上申请) and under 予以公开 (（其中网上申请）): was table-unreadable although every
//   cell was read. Now no row of the statute's, said nothing of.
// - the header 法人或其他组织-商业企业 on one row: read, but in a PDF's text the hyphen a narrow column left on a line of
//   its own was a number astray (table-unreadable). Now no cell.
// - a unit column (单位 | 件), a row 单位：件 across the table, the columns numbered 1 … 7 under the header without 栏次:
//   read already; kept so.
// Consistent: every cell bound, no finding the same report in the statute's shape has not. One cell wrong: named, its fix
// restoring the value.

const SEPARATED = LAYOUTS.filter((l) => l.separated);
const findings = (text: string) => check(text).findings.filter((f) => f.severity !== 'information');
const said = (text: string) => findings(text).map((f) => `${f.code} ${f.message}`).sort();

/** The layouts that place the 合计 column: the header's words in cells lined up with the numbers, or aligned over them. */
const PLACED = ['tabs', 'tabs/padded-merges', 'tabs/ragged', 'csv/quoted', 'csv/quoted-thousands', 'markdown/outer-pipes', 'markdown/no-outer-pipes',
  'markdown/no-rule-row', 'markdown/repeated-merges', 'space-aligned/right', 'space-aligned/left'];

const CASES: { extra: T3Extra; read: (layout: string) => boolean; figures?: (f: Figures) => Figures }[] = [
  { extra: 'sum-column', read: () => true },
  { extra: 'sum-formula', read: () => true },
  { extra: 'permuted', read: () => true },
  { extra: 'swapped', read: () => true, figures: legalAndOtherApart },
  { extra: 'online-row', read: () => true },
  { extra: 'header-joined', read: () => true },
  { extra: 'unit-column', read: () => true },
  { extra: 'unit-row', read: () => true },
  { extra: 'numbers-row', read: () => true },
];

CASES.forEach(({ extra, read, figures: apart = (f) => f }, e) => {
  describe(`table 3 with ${extra}`, () => {
    for (const layout of SEPARATED) {
      it(`${layout.name}: ${read(layout.name) ? 'every cell read, no finding of its own' : 'said unreadable for its added column, nothing blamed'}`, () => {
        for (const { name, figures: f } of FIGURES) {
          const figures = apart(f), text = layout.render(figures, { t3: extra }), at = `${layout.name} ${name}`;
          if (read(layout.name)) {
            assert.deepEqual(bound(text, figures).wrong, [], at);
            assert.deepEqual(said(text), said(layout.render(figures)), at);
          } else {
            // Rows the identities read in one way only are read (all zeros); no cell bound to another's value.
            const own = findings(text).filter((f) => !said(layout.render(figures)).includes(`${f.code} ${f.message}`));
            assert.deepEqual(bound(text, figures).wrong.filter((w) => !/: missing,/.test(w)), [], at);
            if (own.length === 0) assert.deepEqual(bound(text, figures).wrong, [], at);
            else {
              assert.deepEqual(own.map((f) => f.code), ['table-unreadable'], at);
              assert.match(own[0].message, /^读不懂表三的排版：.*表头中有法定表格没有的列/, at);
            }
          }
        }
      });
    }
    // A third of the layouts that read it (another third for the next shape), each with one seed: every cell of table 3, one more.
    // (The 合计 column where nothing places it: below.)
    SEPARATED.filter((l, i) => read(l.name) && i % 3 === e % 3 && !(extra.startsWith('sum-') && !PLACED.includes(l.name))).forEach((layout, i) => {
      const { name } = FIGURES[(i * 3) % FIGURES.length], figures = apart(FIGURES[(i * 3) % FIGURES.length].figures);
      it(`${layout.name}, ${name}: one wrong cell named, its fix restoring the value`, () => {
        for (const { key, row, col, text } of cellsOf(figures)) {
          if (key !== 't3') continue;
          const wrong = String(Number(text) + 1);
          assertPinpointed(layout.render(withCell(figures, key, row, col, wrong), { t3: extra }), { key, row, col }, text, wrong, `${row} ${col}`);
        }
      });
    });
  });
});

// A 合计 column after 总计 where nothing places it among the numbers (one cell a line, a PDF's text, a grid table, cells
// that do not line up): the rows show it — every row's last number repeats the one before and the row adds up without
// it — so each row is read without its last number. One cell wrong, 合计 typed as the total again (sum-column): named
// with its fix, 总计 too. 合计 a formula adding up the parts (sum-formula): a wrong cell leaves its row's last two
// numbers apart, and which is 总计 the text cannot tell: that row alone is said unreadable, naming both, nothing blamed.
// A 合计 that is not the total again after 总计 — first, before 自然人 (its word before 申请人情况), or the five kinds'
// subtotal under 法人或其他组织 — is not read so: no cell bound to another's value, and no finding the statutory shape has
// not but table-unreadable. (The subtotal was taken for 合计 after 总计 where a header word's cell is unplaced — 商业 企业
// in one cell — and 总计 dropped: table3-row-total errors in tabs/collapsed-merges, tabs/ragged and grid, 46 cells wrong.)
describe('a 合计 column nothing places', () => {
  for (const layout of SEPARATED.filter((l) => !PLACED.includes(l.name))) {
    it(`${layout.name}: one wrong cell named with its fix; with a formula's 合计, its row said unreadable`, () => {
      FIGURES.forEach(({ name, figures }, s) => {
        // Every fifth cell of table 3 in each of the ten figures, each layout another fifth, for time.
        const base = said(layout.render(figures));
        let k = SEPARATED.indexOf(layout) + s;
        for (const { key, row, col, text } of cellsOf(figures)) {
          if (key !== 't3' || k++ % 5 !== 0) continue;
          const wrong = String(Number(text) + 1), changed = withCell(figures, key, row, col, wrong), at = `${name} ${row} ${col}`;
          const typed = layout.render(changed, { t3: 'sum-column' });
          if (col !== 'total') assertPinpointed(typed, { key, row, col }, text, wrong, at);
          else {
            // 总计 and 合计 both wrong: 总计 named, its fix the right total (合计 is left to the drafter, and said then).
            const found = tableFindings(typed);
            assert.equal(found.length, 1, at);
            assert.ok(ARITHMETIC.has(found[0].code), at);
            assert.equal(sliceAt(typed, found[0].range), wrong, at);
            assert.deepEqual(found[0].fix!.edits.map((e) => [sliceAt(typed, e.range), e.newText]), [[wrong, text]], at);
          }
          const draft = layout.render(changed, { t3: 'sum-formula' });
          const own = findings(draft).filter((f) => !base.includes(`${f.code} ${f.message}`));
          assert.deepEqual(own.map((f) => f.code), ['table-unreadable'], at);
          const t = Number(figures.cells.t3[row].total), [last, again] = col === 'total' ? [t + 1, t] : [t, t + 1];
          assert.match(own[0].message, new RegExp(`最后两个数（${last}、${again}）却不同，看不出哪个是总计`), at);
          assert.deepEqual(bound(draft, changed).wrong.filter((w) => !w.startsWith(`t3 ${row} `)), [], at);
        }
      });
    });
  }
  for (const extra of ['sum-first', 'sum-subtotal'] as const) {
    it(`${extra}: not read as the total again, in any layout`, () => {
      for (const layout of SEPARATED) {
        for (const { name, figures } of FIGURES) {
          const text = layout.render(figures, { t3: extra }), at = `${layout.name} ${name}`;
          assert.deepEqual(bound(text, figures).wrong.filter((w) => !/: missing,/.test(w)), [], at);
          const own = findings(text).filter((f) => !said(layout.render(figures)).includes(`${f.code} ${f.message}`));
          assert.ok(own.every((f) => f.code === 'table-unreadable'), `${at}: ${own.map((f) => f.code)}`);
        }
      }
    });
  }
});
