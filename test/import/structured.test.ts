import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { importDocument, importText } from '../../server/src/import/index';
import { findingsInSource } from '../../server/src/import/inSource';
import { EXPECTED } from '../core/expected';
import { renderDocx, withAutoNumberedHeadings, withFieldNumbers, type Frame } from '../layouts/docx';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { placeKey, renderHtml, renderMht, renderWordHtml, type PageStyle } from '../layouts/html';
import { renderHtmlInText } from '../layouts/htmlInText';
import type { TableSplit } from '../layouts/word';
import { asText, bound, cellsOf, FIGURES, said, withCell } from './cells';

// Every seed's figures published as a web page and drafted as a Word file (test/layouts/html.ts,
// docx.ts), imported: every cell bound with its value; in the page, every cell's range maps back to
// the number in its <td>; the findings are those of the same report pasted from Word as text.

/**
 * A rendered page (or a text with HTML tables) imported: every cell bound, its range mapped back to its
 * <td>'s number (or, in a text's Markdown table, to its own place); the findings those of the plain text.
 */
function assertPageRead({ html, places }: { html: string; places: Map<string, { start: number; end: number }> }, figures: Figures, what: string, read = importHtml): void {
  const { text, source } = read(html);
  assert.deepEqual(bound(text, figures).wrong, [], what);
  const report = parseReport(text);
  const idx = new LineIndex(text);
  for (const { key, row, col, text: value } of cellsOf(figures)) {
    const cell = report.tables[key]!.rows[row]!.cells[col]!;
    const mapped = source!.map.toSource(idx.offset(cell.range.start), idx.offset(cell.range.end));
    const place = places.get(placeKey(key, row, col));
    if (place) assert.deepEqual([mapped.start, mapped.end], [place.start, place.end], `${what} ${key} ${row} ${col}`);
    else assert.equal(html.slice(mapped.start, mapped.end), value, `${what} ${key} ${row} ${col}`);
  }
  const plain = asText(figures);
  assert.deepEqual(said(check(text).findings, text), said(check(plain).findings, plain), what);
}

describe('web pages', () => {
  for (const [page, render] of [['a website\'s page', (f: Figures) => renderHtml(f, { seed: 1 })], ['Word\'s “save as web page”', renderWordHtml]] as const) {
    for (const { name, figures } of FIGURES) {
    it(`${page}, ${name}: every cell bound, its range mapped to its <td>'s number; the findings of the text`, () => {
      assertPageRead(render(figures), figures, name);
    });
    }
  }
});

describe('Word files', () => {
  for (const { name, figures } of FIGURES) {
    it(`${name}: every cell bound; the findings of the text`, async () => {
      const imported = await importDocument('docx', await renderDocx(figures, 1));
      assert.ok('text' in imported, JSON.stringify(imported));
      assert.deepEqual(bound(imported.text, figures).wrong, []);
      const plain = asText(figures);
      assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain));
    });
  }
});

describe('one wrong cell in a web page', () => {
  it('is named at its number in the HTML, and its quick fix, made in the HTML (also when split over <span>s), restores it', () => {
    const figures = figuresOf(EXPECTED['002']);
    let n = 0, fixed = 0;
    // Every third cell of table 3 (each takes a page rendered, imported and checked).
    for (const [i, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
      if (key !== 't3' || i % 3 !== 0) continue;
      const wrong = String(Number(text) + 1);
      const { html, places } = renderHtml(withCell(figures, key, row, col, wrong), { seed: n++ });
      const { text: draft, source } = importHtml(html);
      const found = findingsInSource(check(draft).findings, draft, source!).filter((f) => f.code.startsWith('table3'));
      const where = `${key} ${row} ${col} ${text}→${wrong}`;
      assert.equal(found.length, 1, `${where}: ${found.map((f) => f.code).join(', ')}`);
      const place = places.get(placeKey(key, row, col))!;
      const htmlIdx = new LineIndex(html);
      assert.deepEqual(found[0].range, htmlIdx.range(place.start, place.end), where);
      // A number Word split over two <span>s is rewritten in its first piece, the other emptied.
      assert.equal(found[0].fix?.edits.length, html.slice(place.start, place.end) === wrong ? 1 : 2, where);
      let after = html;
      for (const e of [...found[0].fix!.edits].reverse()) after = after.slice(0, htmlIdx.offset(e.range.start)) + e.newText + after.slice(htmlIdx.offset(e.range.end));
      const again = importHtml(after).text;
      assert.deepEqual(said(check(again).findings, again), said(check(asText(figures)).findings, asText(figures)), where);
      fixed++;
    }
    assert.ok(fixed > 30, `${fixed} fixed`);
  });
});

describe('HTML tables in a Markdown draft (a PDF converted by MinerU or pandoc)', () => {
  const STYLES = [
    ['MinerU, every table on one line', (f: Figures) => renderHtmlInText(f, 'mineru')],
    ['pandoc, over many lines, <thead> and <br />', (f: Figures) => renderHtmlInText(f, 'pandoc')],
    ['MinerU, table 2 a pipe table', (f: Figures) => renderHtmlInText(f, 'mineru', { markdownT2: true })],
  ] as const;
  for (const [style, render] of STYLES) {
    it(`${style}: every seed, every cell bound, its range mapped to its number in the text; the findings of the text`, () => {
      for (const { name, figures } of FIGURES) {
        const { text, places } = render(figures);
        assertPageRead({ html: text, places }, figures, name, importText);
      }
    });
  }

  it('one wrong cell is named at its number in the draft, and its quick fix, made there, restores it', () => {
    const figures = figuresOf(EXPECTED['004']);
    let fixed = 0;
    // Table 3's cells (its identities single out a wrong cell; table 4's row total cannot tell which of its parts is wrong).
    for (const [i, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
      if (i % 3 !== 0 || key !== 't3') continue;
      const wrong = String(Number(text) + 2);
      const { text: draft, places } = renderHtmlInText(withCell(figures, key, row, col, wrong), i % 2 ? 'mineru' : 'pandoc');
      const imported = importText(draft);
      const found = findingsInSource(check(imported.text).findings, imported.text, imported.source!).filter((f) => f.fix);
      const where = `${key} ${row} ${col} ${text}→${wrong}`;
      const idx = new LineIndex(draft);
      const place = places.get(placeKey(key, row, col))!;
      assert.deepEqual(found.map((f) => f.range), [idx.range(place.start, place.end)], where);
      const [edit] = found[0].fix!.edits;
      const after = draft.slice(0, idx.offset(edit.range.start)) + edit.newText + draft.slice(idx.offset(edit.range.end));
      assert.equal(after, renderHtmlInText(figures, i % 2 ? 'mineru' : 'pandoc').text, where);
      fixed++;
    }
    assert.ok(fixed > 40, `${fixed} fixed`);
  });

  it('a text without HTML tables is read as it is; a web page saved as text is read as a web page', () => {
    const plain = asText(figuresOf(EXPECTED['001']));
    assert.deepEqual(importText(plain), { text: plain });
    const { html } = renderHtml(figuresOf(EXPECTED['001']), { seed: 2 });
    const [page, read] = [importHtml(html), importText(html)];
    assert.deepEqual([read.text, read.source?.text], [page.text, html]);
  });

  it('a half-typed table, a table in a table, one-column boxes and tags around it are read without a throw', () => {
    const figures = figuresOf(EXPECTED['002']);
    const { text } = renderHtmlInText(figures, 'pandoc');
    // Cut in the middle of table 3: the rows up to the cut are read; nothing throws.
    for (const at of [text.indexOf('<tbody>', text.indexOf('自然人')) + 200, text.length - 30]) {
      const imported = importText(text.slice(0, at));
      assert.equal(typeof check(imported.text).findings.length, 'number');
    }
    // A layout table around a data table: the data table is read.
    const wrapped = text.replace(/<table>/g, '<table class="layout"><tr><td><table>').replace(/<\/table>/g, '</table></td></tr></table>');
    assert.deepEqual(bound(importText(wrapped).text, figures).wrong, []);
    // A one-column box stays text, as it is.
    const box = '正文\n<table><tr><td>注：本表数据截至12月31日。</td></tr></table>\n';
    assert.deepEqual(importText(box), { text: box });
  });
});

describe('findings of a changed or blanked cell, as in the text', () => {
  // Every seventh cell of seed 003 (2021) and seed 002 (2019), made one more, then blanked: the
  // findings of the web page and of the Word file are those of the text, on the same cell's text.
  const cases = [figuresOf(EXPECTED['003']), figures2019(EXPECTED['002'])].flatMap((f) =>
    [...cellsOf(f)].filter((_, i) => i % 7 === 3).flatMap(({ key, row, col, text }) => [
      withCell(f, key, row, col, String(Number(text) + 1)), withCell(f, key, row, col, ''),
    ]));

  it(`${cases.length} web pages`, () => {
    cases.forEach((f, i) => {
      const { text, source } = importHtml(renderHtml(f, { seed: i }).html);
      const plain = asText(f);
      assert.deepEqual(said(check(text).findings, text), said(check(plain).findings, plain), `case ${i}`);
      assert.ok(source);
    });
  });

  // A Word file takes mammoth ~100 ms: every third case.
  const word = cases.filter((_, i) => i % 3 === 0);
  it(`${word.length} Word files`, async () => {
    for (const [i, f] of word.entries()) {
      const imported = await importDocument('docx', await renderDocx(f, i));
      assert.ok('text' in imported);
      const plain = asText(f);
      assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), `case ${i}`);
    }
  });

  it('a blank cell (&nbsp;) is named at its <td>, and a fix that fills it replaces the &nbsp;', () => {
    const f = withCell(figuresOf(EXPECTED['002']), 't3', '3.1', 'natural', '');
    for (const { html } of [renderHtml(f, { split: false }), renderWordHtml(f)]) {
      const { text, source } = importHtml(html);
      const [blank] = findingsInSource(check(text).findings, text, source!).filter((x) => x.code === 'cell-blank');
      assert.ok(blank);
      const idx = new LineIndex(html);
      assert.equal(html.slice(idx.offset(blank.range.start), idx.offset(blank.range.end)), '&nbsp;');
      assert.ok(blank.fix, 'the identities give the value');
      for (const e of blank.fix.edits) assert.equal(html.slice(idx.offset(e.range.start), idx.offset(e.range.end)), '&nbsp;');
      const fixed = importHtml(html.slice(0, idx.offset(blank.range.start)) + blank.fix.edits[0].newText + html.slice(idx.offset(blank.range.end))).text;
      assert.equal(parseReport(fixed).tables.t3!.rows['3.1']!.cells.natural!.value, 17);
    }
  });
});

describe('web pages as sites\' editors write their tables', () => {
  const PAGES: [string, PageStyle][] = [
    ['header cells as <th>', { th: true }],
    ['&nbsp; around every number', { pad: true }],
    ['a <tbody> every three rows', { tbodyEvery: 3 }],
    ['the table inside a layout table', { nested: true }],
    ['a zero-width space after every number', { zeroWidth: true }],
    ['a 序号 and a 备注 column with remarks', { columns: { serial: true, remarks: true, remarkEvery: 4 } }],
    ['all of these', { th: true, pad: true, tbodyEvery: 2, nested: true, zeroWidth: true, columns: { serial: true, remarks: true } }],
    ['row labels reworded (本年新收申请数量, （七）合计 …)', { labels: 'rows-reworded' }],
    ['a slip in each label (部份公开, 重新出据 …)', { labels: 'typos' }],
    ['labels in traditional characters', { labels: 'traditional' }],
  ];
  for (const [name, page] of PAGES) {
    it(`${name}: every seed, every cell bound, its range mapped to its <td>'s number; the findings of the text`, () => {
      for (const { name: seed, figures } of FIGURES) {
        assertPageRead(renderHtml(figures, { seed: 1, page }), figures, seed);
      }
    });
  }
});

describe('web archives (.mht: Word\'s “single file web page”), named .mht or .doc', () => {
  for (const encoding of ['quoted-printable', 'base64'] as const) {
    it(`${encoding}: every seed, every cell bound; the findings of the text`, async () => {
      for (const { name, figures } of FIGURES) {
        const mht = renderMht(renderWordHtml(figures).html, encoding);
        for (const kind of ['html', 'doc'] as const) {
          const imported = await importDocument(kind, mht);
          assert.ok('text' in imported, JSON.stringify(imported));
          assert.deepEqual(bound(imported.text, figures).wrong, [], `${name} ${kind}`);
          const plain = asText(figures);
          assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), `${name} ${kind}`);
        }
      }
    });
  }
});

describe('Word files whose headings Word numbers itself', () => {
  it('一、…六、 from the numbering part (chineseCounting, “%1、”): every seed, six sections numbered as the page shows them, every cell bound; the findings of the text', async () => {
    for (const { name, figures } of FIGURES) {
      const imported = await importDocument('docx', await withAutoNumberedHeadings(await renderDocx(figures, 1)));
      assert.ok('text' in imported, JSON.stringify(imported));
      assert.deepEqual(parseReport(imported.text).sections.map((s) => s.numeral), [...'一二三四五六'], name);
      assert.deepEqual(bound(imported.text, figures).wrong, [], name);
      const plain = asText(figures);
      assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), name);
    }
  });
});

describe('Word files with the numbers in fields', () => {
  it('every number a simple field\'s result (=SUM(LEFT), w:fldSimple): every seed, every cell bound; the findings of the text', async () => {
    for (const { name, figures } of FIGURES) {
      const docx = await withFieldNumbers(await renderDocx(figures, 1));
      const imported = await importDocument('docx', docx);
      assert.ok('text' in imported, JSON.stringify(imported));
      assert.deepEqual(bound(imported.text, figures).wrong, [], name);
      const plain = asText(figures);
      assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), name);
    }
  });
});

describe('Word files with their labels retyped', () => {
  for (const labels of ['rows-reworded', 'typos', 'traditional', 'headers-reworded'] as const) {
    it(`${labels}: every seed, every cell bound; the findings of the text`, async () => {
      for (const { name, figures } of FIGURES) {
        const imported = await importDocument('docx', await renderDocx(figures, 1, 'none', labels));
        assert.ok('text' in imported, JSON.stringify(imported));
        assert.deepEqual(bound(imported.text, figures).wrong, [], name);
        const plain = asText(figures);
        assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), name);
      }
    });
  }
});

describe('Word files with the tables framed', () => {
  const FRAMES: Record<Exclude<Frame, 'none'>, string> = {
    table: 'in the one cell of a layout table (nested)',
    textbox: 'in a text box (VML, as Word 2007 writes it)',
    'textbox-2010': 'in a text box as Word 2010 and later write it (DrawingML, and VML beside it)',
    'textbox-dml': 'in a text box in DrawingML alone (which mammoth drops)',
  };
  for (const [frame, where] of Object.entries(FRAMES) as [Frame, string][]) {
    it(`each table ${where}: every seed, every cell bound; the findings of the text`, async () => {
      for (const { name, figures } of FIGURES) {
        const imported = await importDocument('docx', await renderDocx(figures, 1, frame));
        assert.ok('text' in imported, JSON.stringify(imported));
        assert.deepEqual(bound(imported.text, figures).wrong, [], name);
        const plain = asText(figures);
        assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), name);
      }
    });
  }
});

describe('tables split where a page breaks: two tables, as drafters and converters leave them', () => {
  // At the 9th data row table 3 splits inside （三）不予公开 (its merged cell cut in two); at the 4th table 2
  // splits inside a block and table 3 before （三）. Table 4 has one row: never split.
  const SPLITS: [string, TableSplit][] = [
    ['（续表） between, the header rows again', { after: 9, header: true, between: '（续表）' }],
    ['nothing between (a page break), the continuation without a header', { after: 4, header: false }],
  ];
  for (const [name, split] of SPLITS) {
    it(`web pages, ${name}: every seed, every cell bound, its range mapped to its <td>'s number; the findings of the text`, () => {
      for (const { name: seed, figures } of FIGURES) {
        assertPageRead(renderHtml(figures, { seed: 1, page: { split } }), figures, seed);
        assertPageRead(renderHtml(figures, { seed: 2, page: { split, th: true } }), figures, `${seed}, <th>`);
      }
    });
  }
  const WORD: [string, TableSplit][] = [
    ...SPLITS,
    ['one table, its header rows marked to repeat on every page (tblHeader)', { after: Infinity, header: true }],
  ];
  for (const [name, split] of WORD) {
    it(`Word files, ${name}: every seed, every cell bound; the findings of the text`, async () => {
      for (const { name: seed, figures } of FIGURES) {
        const imported = await importDocument('docx', await renderDocx(figures, 1, 'none', undefined, split));
        assert.ok('text' in imported, JSON.stringify(imported));
        assert.deepEqual(bound(imported.text, figures).wrong, [], seed);
        const plain = asText(figures);
        assert.deepEqual(said(check(imported.text).findings, imported.text), said(check(plain).findings, plain), seed);
      }
    });
  }

  it('one wrong cell in either part of a split table in a web page is named at its <td>', () => {
    const figures = figures2019(EXPECTED['003']);
    let n = 0;
    for (const [i, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
      if (key !== 't3' || i % 5 !== 0) continue;
      const wrong = String(Number(text) + 1);
      const { html, places } = renderHtml(withCell(figures, key, row, col, wrong), { seed: n++, page: { split: SPLITS[0][1] } });
      const { text: draft, source } = importHtml(html);
      const found = findingsInSource(check(draft).findings, draft, source!).filter((f) => f.code.startsWith('table3'));
      const where = `${key} ${row} ${col} ${text}→${wrong}`;
      assert.equal(found.length, 1, `${where}: ${found.map((f) => f.code).join(', ')}`);
      const place = places.get(placeKey(key, row, col))!;
      assert.deepEqual(found[0].range, new LineIndex(html).range(place.start, place.end), where);
    }
    assert.ok(n > 20, `${n} cells`);
  });
});
