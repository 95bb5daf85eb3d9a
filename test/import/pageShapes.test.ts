import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { importDocument } from '../../server/src/import/index';
import { findingsInSource } from '../../server/src/import/inSource';
import { assertPinpointed, sliceAt } from '../core/seeds';
import { renderDocx } from '../layouts/docx';
import type { Figures } from '../layouts/figures';
import { ATTACHED, renderHtml, type Attached } from '../layouts/html';
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

  it('one wrong cell of table 3 or 4 is pinpointed (every eighth cell of each seed)', () => {
    let n = 0;
    FIGURES.forEach(({ figures }, i) => {
      for (const [j, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
        if (key === 't2' || j % 8 !== i % 8) continue;
        const wrong = String(Number(text) + 1);
        const draft = importHtml(renderHtml(withCell(figures, key, row, col, wrong), { seed: j, page: { headingRow: true } }).html).text;
        assertPinpointed(draft, { key, row, col }, text, wrong, `${figures.year} ${key} ${row} ${col}`);
        n++;
      }
    });
    assert.ok(n > 120, `${n} cells`);
  });
});

describe('a page that holds only a link to the report as an attached file', () => {
  // Where the finding stands in the page's HTML, for each place a page names the file (html.ts Attached).
  const SHOWN: Record<Attached, RegExp> = {
    named: /^某某镇\d{4}年政府信息公开工作年度报告\.pdf$/,
    href: /^href="\/module\/download\/downfile\.jsp\?classid=0&amp;filename=\d+\.docx"$/,
    script: /^某某镇\d{4}年政府信息公开工作年度报告\.pdf$/,
    onclick: /^onclick="downloadFile\('\/upload\/\d{4}\/(%[0-9A-F]{2})+\d{4}(%[0-9A-F]{2})+\.pdf'\)"$/,
    data: /^data-url="\/xxgk\/fj\/某某镇\d{4}年政府信息公开工作年度报告\.docx"$/,
    frame: /^src="\/pdfjs\/web\/viewer\.html\?file=\/xxgk\/P0\d+\.pdf"$/,
    none: /^某某镇\d{4}年政府信息公开工作年度报告$/,
  };

  it(`every seed, the file named in the link, its href, a script, an onclick handler, a data-url, a viewer's frame, or no file and only the title: one report-attached warning there, no missing section or table`, () => {
    for (const attached of ATTACHED) {
      for (const { name, figures } of FIGURES) {
        const { html } = renderHtml(figures, { seed: 1, page: { attached } });
        const { text, source } = importHtml(html);
        const found = findingsInSource(check(text).findings, text, source!).filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(found.map((f) => f.code), ['report-attached'], `${attached} ${name}`);
        const at = new LineIndex(html);
        const shown = html.slice(at.offset(found[0].range.start), at.offset(found[0].range.end));
        assert.match(shown, SHOWN[attached], `${attached} ${name}`);
        // The file's name (decoded), or that the page holds only the title.
        assert.match(found[0].message, attached === 'none' ? /只有标题/ : attached === 'frame' ? /附件“P0\d+\.pdf”/ : attached === 'href' ? /附件“\d+\.docx”/ : /附件“某某镇\d{4}年政府信息公开工作年度报告\.(pdf|docx)”/, `${attached} ${name}`);
      }
    }
  });

  it('a draft of nothing but the title (and a page\'s date and links): one report-attached warning on the title, not six sections and three tables missing', () => {
    for (const { name, figures } of FIGURES) {
      const title = `某某镇${figures.year}年政府信息公开工作年度报告`;
      for (const text of [`${title}\n`, `首页 | 政务公开 | 年度报告\n\n${title}\n\n发布时间：${figures.year + 1}-01-20　来源：某某镇人民政府\n【打印】【关闭】\n`]) {
        const found = check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(found.map((f) => `${f.code} ${sliceAt(text, f.range)}`), [`report-attached ${title}`], name);
      }
    }
  });

  it('a report that also names an attached file is checked as a report', () => {
    const { figures } = FIGURES[2];
    const text = `${asText(figures)}\n附件：某某镇${figures.year}年政府信息公开工作年度报告.pdf\n`;
    assert.deepEqual(check(text).findings.filter((f) => f.code === 'report-attached'), []);
    // And the page without its sections or tables, but without a file either, is still said to lack them.
    const bare = `某某镇${figures.year}年政府信息公开工作年度报告\n\n详见附件。\n`;
    assert.deepEqual(check(bare).findings.map((f) => f.code).filter((c) => c.endsWith('missing')), ['section-missing', 'table-missing', 'table-missing', 'table-missing']);
  });
});

describe('table 4 as two tables, 行政复议 and 行政诉讼, each with its own header', () => {
  const SHAPES = [
    ['a web page, one under the other', (f: Figures) => Promise.resolve(importHtml(renderHtml(f, { seed: 1, page: { t4Tables: 'stacked' } }).html).text)],
    ['a web page, side by side in a layout table, header cells as <th>', (f: Figures) => Promise.resolve(importHtml(renderHtml(f, { seed: 2, page: { t4Tables: 'side-by-side', th: true } }).html).text)],
    ['a Word file', async (f: Figures) => {
      const imported = await importDocument('docx', await renderDocx(f, 1, 'none', undefined, 'blocks'));
      assert.ok('text' in imported);
      return imported.text;
    }],
  ] as const;
  for (const [shape, read] of SHAPES) {
    it(`${shape}: every seed, every cell bound, the findings of the text; each of table 4's cells made wrong is pinpointed`, async () => {
      for (const { name, figures } of FIGURES) {
        const text = await read(figures);
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
      }
      // The Word file takes mammoth ~100 ms: its mutations on two seeds, the pages' on all.
      for (const { name, figures } of shape === 'a Word file' ? [FIGURES[3], FIGURES[7]] : FIGURES) {
        for (const { key, row, col, text } of cellsOf(figures)) {
          if (key !== 't4') continue;
          const wrong = String(Number(text) + 1);
          assertPinpointed(await read(withCell(figures, key, row, col, wrong)), { key, row, col }, text, wrong, `${name} ${row} ${col}`);
        }
      }
    });
  }
});
