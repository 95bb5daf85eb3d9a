import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { renderHtml } from '../layouts/html';
import { asText, bound, FIGURES, said } from './cells';

// What a browser does not show is not the report: text hidden the ways Word's web pages and sites' editors
// hide it, inside and around the statutory tables. Every seed (2021 and 2019 figures), read back cell by cell.

/** A number cell's text as renderHtml writes it (the number, or its first part when split over two spans). */
const NUMBER = /(<td valign="center"><p align="center"><span style="font-size:10.5pt">)([-+]?[\d.]+)/g;

function assertAsText(transform: (html: string) => string) {
  for (const { name, figures } of FIGURES) {
    const { text } = importHtml(transform(renderHtml(figures, { seed: 1 }).html));
    assert.deepEqual(bound(text, figures).wrong, [], name);
    assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
  }
}

describe('hidden text in a web page\'s tables is not read', () => {
  it('a hidden digit before every number (display:none, visibility:hidden, Word\'s mso-hide:all in turn)', () => {
    const styles = ['display:none', 'visibility:hidden', 'mso-hide:all'];
    let n = 0;
    assertAsText((html) => html.replace(NUMBER, (_, head: string, number: string) => `${head}<span style="${styles[n++ % 3]}">9</span>${number}`));
  });

  it('a hidden cell before every number cell (<td style="display:none">), which takes no place in the grid', () => {
    assertAsText((html) => html.replace(NUMBER, (_, head: string, number: string) => `<td style="display:none">9</td>${head}${number}`));
  });

  it('an old （七）总计 row with other numbers, hidden by the editor (<tr style="display:none">, <tr hidden>)', () => {
    let n = 0;
    assertAsText((html) => html.replace(/<tr>(?=<td colspan="2" valign="center"><p>（七）总计)/, () => {
      const hide = n++ % 2 ? 'hidden' : 'style="DISPLAY: none"';
      return `<tr ${hide}><td colspan="2"><p>（七）总计</p></td>${'<td>1</td>'.repeat(7)}</tr>\n<tr>`;
    }));
  });
});
