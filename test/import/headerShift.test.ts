import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { renderHtml } from '../layouts/html';
import { asText, bound, FIGURES, said, withCell } from './cells';

// A web page whose table 3 header lost its colspans but kept its rowspans (a site's editor, a copy and paste):
// the browser shows the header shifted too, 总计 over the third column, among 法人或其他组织's. Before: nianbao
// followed the shifted header (headerOrder) and blamed the author, table3-row-total on every row with a number.
// Now: the statute's order, where it fits every row; else table-unreadable naming the header. In the page, in
// its text pasted with tabs, and in that text as a pipe table; every seed, both formats.

/** The page with table 3's colspans dropped (its rowspans kept). */
function shifted(html: string): string {
  const at = html.indexOf('自然人'), from = html.lastIndexOf('<table', at), to = html.indexOf('</table>', at);
  return html.slice(0, from) + html.slice(from, to).replace(/ colspan="\d+"/g, '') + html.slice(to);
}

/** Table 3's lines of a tab text as a pipe table. */
function piped(text: string): string {
  const from = text.lastIndexOf('\n', text.indexOf('申请人情况')) + 1, to = text.indexOf('\n', text.indexOf('四、结转下年度'));
  return text.slice(0, from) + text.slice(from, to).split('\n').map((l) => `| ${l.split('\t').join(' | ')} |`).join('\n') + text.slice(to);
}

// (The page is read as its text with tabs, as the importer gives it; a browser's copy and paste gives the same.)
const LAYOUTS: { name: string; text: (html: string) => string }[] = [
  { name: 'the web page (its text with tabs, as pasted)', text: (html) => importHtml(html).text },
  { name: 'that text as a pipe table', text: (html) => piped(importHtml(html).text) },
];

describe('a table 3 header whose merges were lost, shifted against the numbers', () => {
  for (const layout of LAYOUTS) {
    it(`${layout.name}: every cell read in the statute's order, the same findings as the table drawn right`, () => {
      for (const { name, figures } of FIGURES) {
        const text = layout.text(shifted(renderHtml(figures, { seed: 1 }).html));
        assert.match(text, /\t自然人\t法人或其他组织\t总计|\| 自然人 \| 法人或其他组织 \| 总计/, name);
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
      }
    });

    it(`${layout.name}: with a wrong cell, neither order fits: table-unreadable naming the header, no arithmetic finding`, () => {
      for (const { name, figures } of FIGURES) {
        const wrong = withCell(figures, 't3', '1', 'natural', String(Number(figures.cells.t3['1'].natural) + 1));
        const text = layout.text(shifted(renderHtml(wrong, { seed: 1 }).html));
        const findings = check(text).findings;
        assert.ok(check(asText(wrong)).findings.some((f) => f.code.startsWith('table3-')), name);
        assert.deepEqual(findings.filter((f) => f.code.startsWith('table3-')).map((f) => f.message), [], name);
        const unreadable = findings.filter((f) => f.code === 'table-unreadable');
        assert.equal(unreadable.length, 1, name);
        assert.match(unreadable[0].message, /表三.*表头与数字对不齐/, name);
        assert.match(text.split('\n')[unreadable[0].range.start.line], /自然人|申请人情况/, name);
      }
    });
  }
});

// Tables 2 and 4 with their colspans dropped the same way (2021: 第二十条第（一）项 over its columns; 2019's columns;
// table 4's 行政复议 and the two 行政诉讼 groups of five): already read right, every cell, and a wrong cell of table 4
// is still the author's (table4-total, as in the table drawn right).
function shiftedTable(html: string, word: string): string {
  const at = html.indexOf(word), from = html.lastIndexOf('<table', at), to = html.indexOf('</table>', at);
  return html.slice(0, from) + html.slice(from, to).replace(/ colspan="\d+"/g, '') + html.slice(to);
}

describe('tables 2 and 4 whose headers lost their merges', () => {
  for (const [key, word] of [['t2', '信息内容'], ['t4', '行政复议']] as const) {
    it(`${key}: every cell read, the findings of the table drawn right`, () => {
      for (const { name, figures } of FIGURES) {
        for (const f of key === 't4' ? [figures, withCell(figures, 't4', 'review', 'upheld', String(Number(figures.cells.t4.review.upheld) + 1))] : [figures]) {
          const html = renderHtml(f, { seed: 1 }).html, page = shiftedTable(html, word);
          assert.notEqual(page, html, name);
          const text = importHtml(page).text;
          assert.deepEqual(bound(text, f).wrong, [], name);
          assert.deepEqual(said(check(text).findings, text), said(check(asText(f)).findings, asText(f)), name);
        }
      }
    });
  }
});
