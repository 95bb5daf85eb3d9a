import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { assertPinpointed } from '../core/seeds';
import { renderHtml } from '../layouts/html';
import { asText, bound, cellsOf, FIGURES, said, withCell } from './cells';

// Report pages in shapes sites' editors make of them, beyond test/import/structured.test.ts: every seed
// (2021 and 2019 figures) read back whole, and one wrong cell pinpointed.

describe('a section\'s heading typed as its table\'s first row, one cell across the table', () => {
  it('every seed: the six sections, every cell bound, the findings of the same report as text', () => {
    for (const { name, figures } of FIGURES) {
      const { text } = importHtml(renderHtml(figures, { seed: 1, page: { headingRow: true } }).html);
      assert.deepEqual(parseReport(text).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], name);
      assert.deepEqual(bound(text, figures).wrong, [], name);
      assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
    }
  });

  it('one wrong cell of table 3 or 4 is pinpointed (every fourth cell of each seed)', () => {
    let n = 0;
    FIGURES.forEach(({ figures }, i) => {
      for (const [j, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
        if (key === 't2' || j % 4 !== i % 4) continue;
        const wrong = String(Number(text) + 1);
        const draft = importHtml(renderHtml(withCell(figures, key, row, col, wrong), { seed: j, page: { headingRow: true } }).html).text;
        assertPinpointed(draft, { key, row, col }, text, wrong, `${figures.year} ${key} ${row} ${col}`);
        n++;
      }
    });
    assert.ok(n > 250, `${n} cells`);
  });
});
