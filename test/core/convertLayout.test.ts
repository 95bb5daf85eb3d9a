import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertTables, LAYOUTS, type Layout } from '../../server/src/core/authoring/layout';
import type { TableKey } from '../../server/src/core/format/schema';
import { LineIndex } from '../../server/src/core/lineIndex';
import { applyEdits, check } from '../../server/src/core/service';
import { figures2019, figuresOf } from '../layouts/figures';
import { LAYOUTS as RENDERED } from '../layouts/render';
import { template } from '../lsp/snippetText';
import { EXPECTED } from './expected';
import { reading } from './readBack';
import { SEEDS } from './seeds';

// The command “convert table layout”: every table of every seed written in each layout and back is
// read with the same cells and the same findings on each cell; converting twice changes nothing.

const KEYS: TableKey[] = ['t2', 't3', 't4'];

/** The text with table `key` converted (the cursor on its last line), or why it was not. */
function convert(text: string, key: TableKey, to: Layout): string {
  const { report } = check(text);
  const result = convertTables(report, new LineIndex(text), report.tables[key]!.range.end, to);
  if ('refused' in result) throw new Error(`refused: ${result.refused}`);
  return applyEdits(text, result.edits);
}

const seed = EXPECTED[Object.keys(EXPECTED)[0]];
const REPORTS = [
  ...SEEDS,
  { name: 'the template', text: template() },
  { name: 'a 2019-format report in Markdown', text: RENDERED.find((l) => l.name === 'markdown/outer-pipes')!.render(figures2019(seed)) },
  { name: 'a report with CRLF line breaks', text: RENDERED.find((l) => l.name === 'tabs/ragged')!.render(figuresOf(seed), { crlf: true }) },
];

describe('converting a table between layouts', () => {
  for (const { name, text } of REPORTS) {
    it(`${name}: every table in every layout and back reads the same; twice changes nothing`, () => {
      const before = reading(text);
      for (const key of KEYS) {
        for (const to of LAYOUTS) {
          const once = convert(text, key, to);
          assert.deepEqual(reading(once), before, `${key} to ${to}`);
          assert.equal(convert(once, key, to), once, `${key} to ${to} twice`);
          if (text.includes('\r\n')) assert.doesNotMatch(once, /[^\r]\n/, 'the line breaks it had');
          for (const back of LAYOUTS) assert.deepEqual(reading(convert(once, key, back)), before, `${key} to ${to}, then ${back}`);
        }
      }
    });
  }

  // Any layout the reader reads converts, but a web page's text that holds every table on one line with the prose.
  for (const layout of RENDERED) {
    it(`from ${layout.name}: ${layout.family === 'flattened' ? 'refused (the table shares its line with prose)' : 'every table, to every layout, reads the same'}`, () => {
      const text = layout.render(figuresOf(seed));
      for (const key of KEYS) {
        for (const to of LAYOUTS) {
          if (layout.family === 'flattened') {
            const { report } = check(text);
            assert.deepEqual(convertTables(report, new LineIndex(text), report.tables[key]!.range.end, to), { refused: 'shared-line' });
          } else assert.deepEqual(reading(convert(text, key, to)), reading(text), `${key} to ${to}`);
        }
      }
    });
  }

  it('writes each layout as the command promises', () => {
    const text = SEEDS[0].text;
    const lines = (to: Layout) => convert(text, 't4', to).split('\n');
    const md = lines('markdown');
    const header = md.findIndex((l) => l.startsWith('| 行政复议'));
    assert.match(md[header + 1], /^\|-+\|/);
    assert.equal(md[header - 1], '', 'a blank line before a pipe table');
    assert.ok(lines('tabs').some((l) => /^2 *\t0 *\t0/.test(l)));
    const cells = lines('cell-per-line');
    assert.ok(cells.includes('\t行政复议') && cells.includes('\t复议后起诉'));
    assert.ok(md.includes('四、政府信息公开行政复议、行政诉讼情况'), 'the section heading, where table 4 is found, stays');
  });

  it('converts every table a selection touches, and says why where it does not', () => {
    const text = template();
    const { report } = check(text);
    const idx = new LineIndex(text);
    const both = convertTables(report, idx, { start: report.tables.t2!.range.start, end: report.tables.t3!.range.start }, 'markdown');
    assert.ok('edits' in both && both.edits.length === 2);
    assert.deepEqual(convertTables(report, idx, { line: 0, character: 0 }, 'tabs'), { refused: 'no-table' });
    const halfTyped = text.replace(/一、本年新收政府信息公开申请数量[\t0]*/, '一、本年新收政府信息公开申请数量\t\t\t0\t0');
    const r = check(halfTyped).report;
    assert.deepEqual(convertTables(r, new LineIndex(halfTyped), r.tables.t3!.range.end, 'markdown'), { refused: 'unread' });
  });
});
