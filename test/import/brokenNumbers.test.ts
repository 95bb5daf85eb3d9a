import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { check } from '../../server/src/core/service';
import { importWord } from '../../server/src/import/docx';
import { importHtml } from '../../server/src/import/html';
import { findingsInSource } from '../../server/src/import/inSource';
import { LineIndex } from '../../server/src/core/lineIndex';
import { renderDocx } from '../layouts/docx';
import { renderHtml } from '../layouts/html';
import { asText, bound, FIGURES, said } from './cells';

// A number a line break cuts inside its cell: a web page's 1<br>2 or <p>1</p><p>2</p> (a cell too narrow for it,
// wrapped by the site's editor or the converter that made the page), the two <span>s Word split it over with a
// line break between them in the page's source (a space in the browser), a .docx's two runs with a w:br or two
// paragraphs. A cell of a table holds one number: 12, not 1 and 2 (which was row-cells “found 9 numbers”,
// or a part taken for the cell, which blamed the author: table3-outcome-total “填的是 2 … 应为 20”).

/** A number cell's text as renderHtml writes it without splits. */
const HTML_NUMBER = /(<td (?:colspan="\d+" )?valign="center"><p align="center"><span style="font-size:10.5pt">)([-+]?[\d.]+)(?=<\/span>)/g;
const cut = (n: string) => [n.slice(0, Math.ceil(n.length / 2)), n.slice(Math.ceil(n.length / 2))];

/**
 * Every number of two characters or more cut in two by `between`; by paragraphs only in the cells not merged
 * (a merged cell's paragraphs may be the numbers of the cells merged: they stay apart).
 */
const everyNumber = (between: string) => (html: string) => html.replace(HTML_NUMBER, (m, head: string, n: string) =>
  (n.length < 2 || (between.includes('<p') && head.includes('colspan')) ? m : `${head}${cut(n).join(between)}`));

const BREAKS: [string, string][] = [
  ['a line break in the source between two spans', '</span>\n<span lang="EN-US" style="font-size:10.5pt">'],
  ['CRLF and an indent between two spans', '</span>\r\n      <span lang="EN-US" style="font-size:10.5pt">'],
  ['<br>', '<br>'],
  ['<br /> between two spans', '</span><br /><span>'],
  ['a paragraph each', '</span></p>\n<p align="center"><span style="font-size:10.5pt">'],
  ['&nbsp; before a <br>', '&nbsp;<br>'],
];

describe('a number cut by a line break in its cell is one number', () => {
  for (const [what, between] of BREAKS) {
    it(`web page: every number cut in two by ${what}; every cell bound, the findings of the text`, () => {
      for (const { name, figures } of FIGURES) {
        const { text } = importHtml(everyNumber(between)(renderHtml(figures, { seed: 1, split: false }).html));
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
      }
    });
  }

  it('web page: every number cut by a character that shows as nothing (&shy;, a zero-width space, a word joiner, U+FEFF); every cell bound, the findings of the text', () => {
    for (const mark of ['&shy;', '&#8203;', '\u2060', '&#xFEFF;']) {
      for (const { name, figures } of FIGURES) {
        const { text } = importHtml(everyNumber(mark)(renderHtml(figures, { seed: 1, split: false }).html));
        assert.deepEqual(bound(text, figures).wrong, [], `${name}, ${mark}`);
        assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), `${name}, ${mark}`);
      }
    }
  });

  it('web page: a wrong number cut by a <br>: its finding is on its digits, and the quick fix writes the number in the first part and empties the second', () => {
    for (const { name, figures } of FIGURES) {
      const html = renderHtml(figures, { seed: 1, split: false }).html;
      // 一、本年新收 of 自然人, made ten more than it is: the row's total no longer adds up.
      const open = '<span style="font-size:10.5pt">';
      const at = html.indexOf(open, html.indexOf('一、本年新收政府信息公开申请数量')) + open.length;
      const value = /^\d+/.exec(html.slice(at))![0];
      const [a, b] = cut(String(Number(value) + 10));
      const page = `${html.slice(0, at)}${a}<br>${b}${html.slice(at + value.length)}`;
      const { text, source } = importHtml(page);
      const found = findingsInSource(check(text).findings, text, source!).filter((f) => f.code.startsWith('table3'));
      assert.equal(found.length, 1, `${name}: ${found.map((f) => f.code).join(', ')}`);
      const idx = new LineIndex(page);
      assert.deepEqual(found[0].range, idx.range(at, at + a.length + '<br>'.length + b.length), name);
      assert.deepEqual(found[0].fix?.edits.map((e) => e.newText), [value, ''], name);
      let after = page;
      for (const e of [...found[0].fix!.edits].reverse()) after = after.slice(0, idx.offset(e.range.start)) + e.newText + after.slice(idx.offset(e.range.end));
      const again = importHtml(after).text;
      assert.deepEqual(bound(again, figures).wrong, [], name);
    }
  });

  it('web page: two numbers in a cell merged across their two columns (Word keeps the text of the cells it merges as a paragraph each) are not joined', () => {
    for (const { name, figures } of FIGURES) {
      const html = renderHtml(figures, { seed: 1, split: false }).html;
      // 商业企业 and 科研机构 of 一、本年新收 merged into one cell across the two columns.
      const row = html.indexOf('一、本年新收政府信息公开申请数量');
      const cells = /<td valign="center"><p align="center"><span style="font-size:10.5pt">(\d+)<\/span><\/p><\/td><td valign="center"><p align="center"><span style="font-size:10.5pt">(\d+)<\/span><\/p><\/td>/y;
      const first = html.indexOf('<td valign="center"><p align="center">', html.indexOf('</td>', html.indexOf('<td valign="center"><p align="center">', row)));
      cells.lastIndex = first;
      const m = cells.exec(html);
      assert.ok(m, name);
      const page = `${html.slice(0, first)}<td colspan="2" valign="center"><p align="center">${m[1]}</p><p align="center">${m[2]}</p></td>${html.slice(first + m[0].length)}`;
      const { text } = importHtml(page);
      assert.ok(text.includes(`\t${m[1]} ${m[2]}\t`), name);
    }
  });

  it('web page: a blank typed between digits on one line (2 0) is not joined by the importer, nor are the paragraphs of a merged cell; its <br> is', () => {
    const { text } = importHtml('<table><tr><td>（一）予以公开</td><td>2 0</td><td>2&nbsp;0</td><td>1<br>2</td></tr><tr><td>行政事业性收费</td><td colspan="3">30.<br>62</td></tr><tr><td>政府集中采购</td><td colspan="2"><p>5</p><p>1</p></td><td>3</td></tr></table>');
    assert.equal(text, '（一）予以公开\t2 0\t2 0\t12\n行政事业性收费\t30.62\t\t\n政府集中采购\t5 1\t\t3\n');
  });

  it('.docx: every number of two characters or more cut into two runs with a line break (w:br), into two paragraphs, or by a soft hyphen (w:softHyphen)', async () => {
    let changed = 0;
    for (const [i, { name, figures }] of FIGURES.entries()) {
      for (const form of ['br', 'paragraphs', 'soft hyphen']) {
        const zip = await JSZip.loadAsync(await renderDocx(figures, i));
        const xml = (await zip.file('word/document.xml')!.async('string')).replace(
          /(<w:tc>(?:(?!<\/w:tc>|<w:p>).)*<w:p>(?:<w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>)?)((?:<w:r><w:t xml:space="preserve">[-\d.]+<\/w:t><\/w:r>)+)(<\/w:p>)/g,
          (m, head: string, runs: string, end: string) => {
            const n = [...runs.matchAll(/>([-\d.]+)</g)].map((x) => x[1]).join('');
            if (n.length < 2 || (form === 'paragraphs' && /<w:gridSpan|<w:vMerge/.test(head))) return m;
            const [a, b] = cut(n);
            const run = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
            if (form === 'soft hyphen') return `${head}<w:r><w:t xml:space="preserve">${a}</w:t><w:softHyphen/><w:t xml:space="preserve">${b}</w:t></w:r>${end}`;
            return form === 'br' ? `${head}${run(a)}<w:r><w:br/><w:t xml:space="preserve">${b}</w:t></w:r>${end}` : `${head}${run(a)}${end}<w:p>${run(b)}${end}`;
          });
        zip.file('word/document.xml', xml);
        const result = await importWord(await zip.generateAsync({ type: 'nodebuffer' }), 'docx');
        assert.ok('text' in result, name);
        if (/<w:br\/>|<\/w:p><w:p><w:r>|<w:softHyphen\/>/.test(xml)) changed++;
        assert.deepEqual(bound(result.text, figures).wrong, [], `${name}, ${form}`);
        assert.deepEqual(said(check(result.text).findings, result.text), said(check(asText(figures)).findings, asText(figures)), `${name}, ${form}`);
      }
    }
    assert.ok(changed >= 15, `${changed}`);
  });
});
