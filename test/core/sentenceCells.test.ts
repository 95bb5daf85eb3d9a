import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { bound, CELL_SENTENCES as SENTENCES, FIGURES } from '../import/cells';
import type { ExtraColumns } from '../layouts/columns';
import { renderHtml } from '../layouts/html';
import type { Renamed } from '../layouts/labels';
import { LAYOUTS, type Noise } from '../layouts/render';

// A whole sentence in a table's cell, with numbers of its own: a 备注 cell, a note typed as a row across the table, a
// label with a sentence after it. Over every seed's figures (both formats), in the layouts whose cells are cut (tabs,
// CSV, pipes, a cell per line) and in a web page. Every cell is read, the sentence's numbers are no row's, and the
// report gets the findings it gets without the sentence. Before: the table stopped at a sentence ending in 。 (every row
// after it row-missing), a sentence's counts were taken for the row's (row-cells, table-unreadable), and a remark with
// 不再处理 in a 2019 table 3 made it a 2021 one (format-version, row-missing).


const PLACES: { name: string; noise: (s: string) => Noise }[] = [
  { name: 'in a 备注 cell, every fourth row', noise: (s) => ({ columns: { remarks: true, remarkEvery: 4, remark: () => s } }) },
  { name: 'as a note row across the table after its second row', noise: (s) => ({ columns: { note: { after: 2, text: s } } }) },
  { name: 'as a note row across the table after its ninth row', noise: (s) => ({ columns: { note: { after: 9, text: s } } }) },
  { name: 'after a row label, in its cell', noise: (s) => ({ labels: { label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', as: `（二）部分公开${s}` } }) },
];

const codes = (text: string) => check(text).findings.filter((f) => f.severity !== 'information').map((f) => f.code).sort();

const CUT = LAYOUTS.filter((l) => ['tabs', 'csv', 'markdown', 'cell-per-line'].includes(l.family));
// Where blanks alone part the cells: a remark after a row's numbers, a sentence after its label, each before a gap.
const SPACED = LAYOUTS.filter((l) => ['space-aligned', 'pdf-text'].includes(l.family));
const WEB = { name: 'web page', render: (f: Parameters<typeof renderHtml>[0], noise: Noise = {}) =>
  importHtml(renderHtml(f, { seed: 1, page: { columns: noise.columns as ExtraColumns, labels: noise.labels as Renamed } }).html).text };

for (const place of PLACES) {
  describe(`a sentence with numbers in a table ${place.name}`, () => {
    // The PDF renderer draws no 备注 column.
    for (const layout of [...CUT, WEB, ...SPACED.filter((l) => l.family !== 'pdf-text' || !place.name.includes('备注'))]) {
      it(`${layout.name}: every cell read, the findings without the sentence`, () => {
        // (In a PDF's text or a space-aligned table the label's sentence is wrapped over two lines: wrappedSentence.test.ts.)
        for (const sentence of SENTENCES) {
          for (const { name, figures } of FIGURES) {
            const text = layout.render(figures, place.noise(sentence));
            assert.ok(text.replace(/<br>/g, '').includes(sentence.slice(0, 6)), `${name} ${sentence}`);
            assert.deepEqual(bound(text, figures).wrong, [], `${name} ${sentence}`);
            assert.deepEqual(codes(text), codes(layout.render(figures)), `${name} ${sentence}`);
          }
        }
      });
    }
  });
}

describe('a 2019 table 3 whose （六）其他处理 has a remark with 2021 words (不再处理) after it', () => {
  it('is read as the 2019 table it is, in every layout whose cells are cut', () => {
    const as: Renamed = { label: '（六）其他处理', as: '（六）其他处理（含申请人撤回申请2件，经沟通后不再处理1件）' };
    for (const layout of [...CUT, WEB]) {
      for (const { name, figures } of FIGURES.filter((f) => f.figures.version === '2019')) {
        const text = layout.render(figures, { labels: as });
        assert.deepEqual(bound(text, figures).wrong, [], `${layout.name} ${name}`);
        assert.deepEqual(codes(text), codes(layout.render(figures)), `${layout.name} ${name}`);
      }
    }
  });
});
