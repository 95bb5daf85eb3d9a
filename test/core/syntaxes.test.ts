import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { bound, cellsOf, FIGURES, withCell } from '../import/cells';
import { renderReport } from '../layouts/render';
import type { SyntaxKind } from '../layouts/syntaxes';
import { assertPinpointed } from './seeds';

// Text-table syntaxes beside Markdown's and pandoc's grid (test/layouts/syntaxes.ts), all three tables in each, every seed's
// figures in both formats: org-mode (|---+---| under the header), reStructuredText simple tables (==== rules, columns
// aligned by spaces), pandoc's multiline tables (dashed rules, labels wrapped, a blank line between rows) and Excel's or
// WPS's clipboard (tabs, a cell holding a line break quoted: "商业\n企业", a long label over two lines in its quotes).
// Read already when this round tried them (sixth attack on the table reader); kept so: every cell bound, no table
// finding; one wrong cell of table 3 or 4 named, its fix restoring the value.

const READ: SyntaxKind[] = ['org', 'rst', 'multiline', 'excel'];
const render = (kind: SyntaxKind, f: (typeof FIGURES)[number]['figures']) => {
  const s = { family: 'syntax' as const, kind };
  return renderReport(f, { t2: s, t3: s, t4: s });
};

describe('other text-table syntaxes', () => {
  READ.forEach((kind, i) => {
    it(`${kind}: every cell bound, no finding`, () => {
      for (const { name, figures } of FIGURES) {
        const text = render(kind, figures);
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.deepEqual(check(text).findings.filter((f) => f.severity !== 'information').map((f) => `${f.code} ${f.message}`), [], name);
      }
    });
    const { name, figures } = FIGURES[(i * 3 + 2) % FIGURES.length];
    it(`${kind}, ${name}: one wrong cell named, its fix restoring the value`, () => {
      for (const { key, row, col, text } of cellsOf(figures)) {
        if (key === 't2') continue;
        const wrong = String(Number(text) + 1);
        assertPinpointed(render(kind, withCell(figures, key, row, col, wrong)), { key, row, col }, text, wrong, `${kind} ${key} ${row} ${col}`);
      }
    });
  });
});
