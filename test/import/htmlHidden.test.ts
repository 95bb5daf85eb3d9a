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

describe('note marks in a web page are not read into the numbers they follow', () => {
  /** A number cell's whole number (its second span too, when split), and the cell's end. */
  const WHOLE = /(<td valign="center"><p align="center"><span style="font-size:10.5pt">[-+]?[\d.]+(?:<\/span><span lang="EN-US" style="font-size:10.5pt">[\d.]+)?)(<\/span><\/p><\/td>)/g;
  const everyTenth = (mark: (k: number) => string) => (html: string) => { let n = 0; return html.replace(WHOLE, (m, number: string, end: string) => (n++ % 10 === 0 ? `${number}${mark(n)}${end}` : m)); };

  it('a raised note mark after every tenth number (<sup>1</sup>, [2], ①, 注3): 5<sup>1</sup> is 5, not 51', () => {
    const marks = [(k: number) => `<sup>${k % 9 + 1}</sup>`, (k: number) => `<sup>[${k % 9 + 1}]</sup>`, () => '<sup>①</sup>', (k: number) => `<sup>注${k % 9 + 1}</sup>`];
    for (const mark of marks) assertAsText(everyTenth(mark));
  });

  it('Word\'s footnote and comment marks (links to #_ftn1, #_msocom_1), and its list of comments, as “save as web page” writes them', () => {
    const footnote = (k: number) => `<a style='mso-footnote-id:ftn${k}' href="#_ftn${k}" name="_ftnref${k}" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[${k}]</span><![endif]></span></span></a>`;
    const comment = (k: number) => `<a class=msocomanchor id="_anchor_${k}" onmouseover="msoCommentShow('_anchor_${k}','_com_${k}')" href="#_msocom_${k}" language=JavaScript name="_msoanchor_${k}">[A${k}]</a>`;
    const list = `<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]><div style='mso-element:comment'><![if !supportAnnotations]><div id="_com_1" class=msocomtxt language=JavaScript><span style='mso-comment-author:"审核人"'><![if !supportAnnotations]><a name="_msocom_1"></a><![endif]></span><p class=MsoCommentText>此处应为12件，全年共收到申请99件，请核实。</p></div><![endif]></div></div>`;
    assertAsText(everyTenth(footnote));
    assertAsText((html) => everyTenth(comment)(html).replace('</div>\n</div>\n<div class="footer">', `${list}\n</div>\n</div>\n<div class="footer">`));
  });
});
