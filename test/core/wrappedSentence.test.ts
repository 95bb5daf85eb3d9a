import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { check } from '../../server/src/core/service';
import { bound, CELL_SENTENCES as SENTENCES, FIGURES, withCell } from '../import/cells';
import { LAYOUTS } from '../layouts/render';
import { wrapLabelAt } from '../layouts/wrappedLabel';
import { assertPinpointed } from './seeds';

// A sentence after a row's label, in a PDF's text or a table retyped with spaces, broken over two lines at any character
// (test/layouts/wrappedLabel.ts): “（二）部分公开注：本表数据统计截至2023” / “年12月31日，共3件 0 0 …”. Before: the
// sentence's counts, or the piece of a number the break left (2023, 20 of 20 / 23年, 1 of 1 / 2件), were taken for the
// row's (row-cells “读到 8 个数”), or the row was unreadable (table-unreadable), and a 2019 remark with 2021 words wrapped
// before its count (不再处理 / 1件）) made table 3 a 2021 one (format-version, row-missing). Now every cell is read and the
// findings are those of the table without the sentence; one wrong cell of the row is pinpointed.

const LABEL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';
const SPACED = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');
const codes = (text: string) => check(text).findings.filter((f) => f.severity !== 'information').map((f) => f.code).sort();
const render = (layout: typeof SPACED[number], figures: typeof FIGURES[number]['figures'], sentence: string) =>
  layout.render(figures, { labels: { label: LABEL, as: `（二）部分公开${sentence}` } });

describe('a sentence after a row label broken over two lines where blanks part the cells', () => {
  for (const layout of SPACED) {
    it(`${layout.name}: every cell read, the findings of the table without the sentence, at every break`, () => {
      let n = 0;
      FIGURES.forEach(({ name, figures }, f) => {
        const want = codes(layout.render(figures));
        for (const sentence of SENTENCES) {
          const label = `（二）部分公开${sentence}`, plain = render(layout, figures, sentence);
          // Every other character, the seeds taking turns: every break over the seeds of a format.
          for (let cut = 1 + (f % 2); cut < label.length; cut += 2) {
            const text = wrapLabelAt(plain, label, cut, layout.family as 'pdf-text' | 'space-aligned'), at = `${name} ${label.slice(0, cut)} / ${label.slice(cut)}`;
            if (!text) continue;
            n++;
            assert.deepEqual(bound(text, figures).wrong, [], at);
            assert.deepEqual(codes(text), want, at);
          }
        }
      });
      assert.ok(n > 500, `${n} texts`);
    });
  }
  it('one wrong cell of the row is pinpointed, its fix restores it (every seed, a break inside a number)', () => {
    FIGURES.forEach(({ name, figures }, f) => {
      const layout = SPACED[f % SPACED.length], row = tableSpec(figures.version, 't3').rows.find((r) => r.label.startsWith('（二）部分公开'))!;
      const col = row.columns[f % (row.columns.length - 1)], value = figures.cells.t3[row.key][col], wrong = String(Number(value) + 1);
      for (const [sentence, cut] of [[SENTENCES[1], 19], [SENTENCES[3], 16], [SENTENCES[6], 18]] as const) {
        const label = `（二）部分公开${sentence}`;
        const text = wrapLabelAt(render(layout, withCell(figures, 't3', row.key, col, wrong), sentence), label, cut, layout.family as 'pdf-text' | 'space-aligned')!;
        assertPinpointed(text, { key: 't3', row: row.key, col }, value, wrong, `${layout.name} ${name} ${label.slice(0, cut)}`);
      }
    });
  });
});
