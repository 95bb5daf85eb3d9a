import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { alignMarkdownTables, displayWidth } from '../../server/src/core/authoring/align';
import { LineIndex } from '../../server/src/core/lineIndex';
import { eachCell, tablesOf } from '../../server/src/core/model';
import { applyEdits, check } from '../../server/src/core/service';

// Aligning Markdown tables (Format Document) on real and odd reports: the same cells, the same
// findings, and a second pass that finds nothing to do.

const format = (text: string) => applyEdits(text, alignMarkdownTables(new LineIndex(text)));
function cells(text: string): string[] {
  const out: string[] = [];
  for (const t of tablesOf(check(text).report)) eachCell(t, (cell, row, col) => out.push(`${t.key}.${row}.${col}=${cell.raw}`));
  return out;
}

const FILES = [
  'test/fixtures/corpus/shanghai-govoffice_2025_pdf-to-markdown.md',
  ...readdirSync('test/fixtures/odd').filter((f) => f.startsWith('markdown-')).map((f) => `test/fixtures/odd/${f}`),
];

describe('aligning Markdown tables', () => {
  for (const file of FILES) {
    it(`${file}: same cells and findings, and formatting twice changes nothing`, () => {
      const text = readFileSync(file, 'utf8');
      const once = format(text);
      assert.notEqual(once, text, 'something to align');
      assert.deepEqual(cells(once), cells(text));
      assert.deepEqual(check(once).findings.map((f) => f.code), check(text).findings.map((f) => f.code));
      assert.equal(format(once), once);
    });
  }

  it('counts a Chinese character two columns wide and keeps the rule row\'s colons', () => {
    assert.equal(displayWidth('总计 58'), 7);
    const text = '| 自然人 | 其他 |\n|:---|---:|\n| 5 | 12 |\n';
    assert.equal(format(text), '| 自然人 | 其他 |\n|:-------|-----:|\n| 5      | 12   |\n');
  });

  it('leaves a pipe after a backslash inside its cell, and lines that are not table rows alone', () => {
    const text = '正文 | 不是表格\n| a\\|b | c |\n|---|---|\n';
    assert.equal(format(text), '正文 | 不是表格\n| a\\|b | c |\n|------|---|\n');
  });
});
