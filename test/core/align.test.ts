import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { alignMarkdownTables, alignTabTables, displayWidth } from '../../server/src/core/authoring/align';
import { LineIndex } from '../../server/src/core/lineIndex';
import { eachCell, tablesOf } from '../../server/src/core/model';
import { nextColumn } from '../../server/src/core/parse/tokens';
import { applyEdits, check } from '../../server/src/core/service';
import { figures2019, figuresOf } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';
import { template } from '../lsp/snippetText';
import { EXPECTED } from './expected';
import { reading } from './readBack';
import { SEEDS } from './seeds';

// Aligning Markdown and tab-separated tables (Format Document) on real and odd reports: the same
// cells, the same findings, and a second pass that finds nothing to do.

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

describe('aligning tab-separated tables', () => {
  const format = (text: string) => applyEdits(text, alignTabTables(check(text).report, new LineIndex(text)));
  /** The display column each cell of a line starts at, with tab stops every `size` columns. */
  const starts = (line: string, size: number) => {
    const out = [0];
    let col = 0;
    for (const ch of line) {
      col = ch === '\t' ? (Math.floor(col / size) + 1) * size : nextColumn(col, ch.codePointAt(0)!);
      if (ch === '\t') out.push(col);
    }
    return out;
  };

  for (const { name, text } of [...SEEDS, { name: 'the template', text: template() }]) {
    it(`${name}: same cells, same findings on each cell; formatting twice changes nothing`, () => {
      const once = format(text);
      assert.deepEqual(reading(once), reading(text));
      assert.equal(format(once), once);
      // Only blanks change: the text without spaces is the same, tabs included.
      assert.equal(once.replace(/ /g, ''), text.replace(/ /g, ''));
    });
  }

  // Word pastes of every kind the test renderers draw (merges padded, collapsed, ragged), in both formats.
  const seed = EXPECTED[Object.keys(EXPECTED)[0]];
  for (const layout of LAYOUTS.filter((l) => l.family === 'tabs')) {
    for (const figures of [figuresOf(seed), figures2019(seed)]) {
      it(`${layout.name} (${figures.version} format): same cells and findings; formatting twice changes nothing`, () => {
        const text = layout.render(figures);
        const once = format(text);
        assert.notEqual(once, text);
        assert.deepEqual(reading(once), reading(text));
        assert.equal(format(once), once);
      });
    }
  }

  it('formats the seeds pasted from Word tables (000, 001)', () => {
    for (const { text } of SEEDS.slice(0, 2)) assert.notEqual(format(text), text);
  });

  it('lines the columns up at the same tab stops, whatever the tab size; a blank cell stays blank', () => {
    const text = template();
    const once = format(text);
    assert.notEqual(once, text);
    const t2 = check(once).report.tables.t2!;
    const rows = once.split('\n').slice(t2.range.start.line, t2.range.end.line + 1).filter((l) => l.includes('\t'));
    for (const size of [4, 8]) {
      const byColumn = rows.map((l) => starts(l, size));
      for (let i = 1; i < 4; i++) assert.equal(new Set(byColumn.filter((s) => s.length > i).map((s) => s[i])).size, 1, `column ${i}, tab size ${size}`);
    }
    const blank = text.replace('规章\t0\t0\t0', '规章\t\t0\t0');
    const cell = check(format(blank)).report.tables.t2!.rows.regulations.cells.issued;
    assert.equal(cell.kind, 'blank');
    assert.deepEqual(reading(format(blank)), reading(blank));
  });

  it('leaves a table alone that the reader cannot read whole (a row half typed), and formats the others', () => {
    const text = template().replace(/一、本年新收政府信息公开申请数量[\t0]*/, '一、本年新收政府信息公开申请数量\t\t\t0\t0');
    const { t3 } = check(text).report.tables;
    assert.ok(t3!.problems.length > 0);
    const edits = alignTabTables(check(text).report, new LineIndex(text));
    assert.ok(edits.length > 0);
    for (const e of edits) assert.ok(e.range.start.line < t3!.range.start.line || e.range.start.line > t3!.range.end.line);
  });
});
