import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { tableState } from '../../server/src/core/authoring/preview';
import { tableSpec } from '../../server/src/core/format/statute';
import { isPictureLine } from '../../server/src/core/parse/pictures';
import { parseReport } from '../../server/src/core/parse/report';
import { check, type Finding } from '../../server/src/core/service';
import { importHtml } from '../../server/src/import/html';
import { findingsInSource } from '../../server/src/import/inSource';
import { PICTURE_LINE } from '../../server/src/import/types';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { renderHtml } from '../layouts/html';
import { renderReport, type Style } from '../layouts/render';
import { EXPECTED } from './expected';
import { sliceAt } from './seeds';

// A statutory table given as a picture (a screenshot on a web page or in Word, an embedded Excel sheet,
// a scanned page, a converter's `![](images/…)` for a table it could not read) is a table the reader
// cannot read: table-unreadable on the picture, never table-missing, and nothing else changes but
// that the pictured table's numbers are not checked.

const KEYS: TableKey[] = ['t2', 't3', 't4'];
const FIGURES: { name: string; figures: Figures }[] = Object.keys(EXPECTED).flatMap((k) => [
  { name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) },
  { name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) },
]);
const PICTURES: Record<string, string> = {
  'a converter\'s Markdown image': '![](images/5f3c1a9e0b.jpg)',
  'an HTML image in a paragraph': '<p align="center"><img src="/u/cms/www/202401/t3.png" width="640" height="420" /></p>',
  'the importers\' picture line': PICTURE_LINE,
  // Its words above it find the table, but no cell of it: a picture still.
  'a picture under the table\'s note': '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n![](images/t.jpg)',
};
const PICTURED: TableKey[][] = [['t2'], ['t3'], ['t4'], ['t2', 't3', 't4']];
const TEXT_LAYOUTS: Record<string, Style> = {
  tabs: { family: 'tabs', merges: 'pad' },
  markdown: { family: 'markdown', outerPipes: true, rule: true, perRow: false, merges: 'empty', br: false },
};

/** The report's findings without their places: the pictured version's lines are fewer. */
const said = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.message}`);

/** Whether every statutory cell of the table is read with the figures' value. */
function allBound(text: string, f: Figures, key: TableKey): boolean {
  const table = parseReport(text).tables[key];
  return tableSpec(f.version, key).rows.filter((r) => !r.isGroup).every((r) =>
    r.columns.every((col) => table?.rows[r.key]?.cells[col]?.value === Number(f.cells[key][r.key][col])));
}

describe('pictures: a table given as a picture is unreadable, not missing', () => {
  it('knows a picture line', () => {
    for (const line of Object.values(PICTURES)) assert.ok(isPictureLine(line.split('\n').at(-1)!), line);
    assert.ok(isPictureLine('  ![表三 收到和处理政府信息公开申请情况](images/3.jpg)  '));
    assert.ok(isPictureLine('<center><IMG SRC="t.gif"></center>'));
    assert.ok(isPictureLine('![](media/image3.png){width="5.768in" height="3.4in"}')); // pandoc from a .docx
    for (const line of ['见下图：', '![](a.jpg) 如图所示', '表三见附件<img src="a.png">后', '图片', '![链接](a.jpg']) assert.ok(!isPictureLine(line), line);
  });

  for (const [layout, style] of Object.entries(TEXT_LAYOUTS)) {
    for (const [form, line] of Object.entries(PICTURES)) {
      it(`${layout} drafts, each table or all three as ${form}: every seed, 2021 and 2019 figures`, () => {
        for (const { name, figures } of FIGURES) {
          const asText = check(renderReport(figures, { t2: style, t3: style, t4: style })).findings;
          for (const pictured of PICTURED) {
            const styles = Object.fromEntries(KEYS.map((k) => [k, pictured.includes(k) ? { family: 'picture', line } : style])) as Record<TableKey, Style>;
            const text = renderReport(figures, styles);
            const where = `${name}, ${pictured.join('+')} as a picture`;
            const { findings } = check(text);
            const unreadable = findings.filter((f) => f.code === 'table-unreadable');
            assert.equal(unreadable.length, pictured.length, `${where}: ${said(findings).join('\n')}`);
            for (const f of unreadable) assert.equal(sliceAt(text, f.range), line.split('\n').at(-1), where);
            assert.deepEqual(findings.filter((f) => f.code === 'table-missing'), [], where);
            // What the status bar and the table preview say of it.
            const report = parseReport(text);
            for (const key of pictured) assert.equal(tableState(report, key), 'picture', where);
            // The other tables are read as ever; nothing is found that the report as text does not get.
            for (const key of KEYS.filter((k) => !pictured.includes(k))) assert.ok(allBound(text, figures, key), `${where}: ${key}`);
            const known = new Set(said(asText));
            assert.deepEqual(said(findings.filter((f) => f.code !== 'table-unreadable')).filter((s) => !known.has(s)), [], where);
          }
        }
      });
    }
  }

  it('a picture elsewhere, or beside the table as text, changes nothing', () => {
    const style: Style = { family: 'tabs', merges: 'pad' };
    for (const { name, figures } of FIGURES) {
      const withTables = renderReport(figures, { t2: style, t3: style, t4: style });
      // A photo of the office in 一、总体情况, and table 3 left out altogether: missing, as before.
      const photo = (text: string) => text.replace(/^(一、总体情况\n.*\n)/m, `$1${PICTURES['a converter\'s Markdown image']}\n`);
      const without = renderReport(figures, { t2: style, t3: { family: 'picture', line: '' }, t4: style });
      const codes = check(photo(without)).findings.map((f) => f.code);
      assert.ok(codes.includes('table-missing') && !codes.includes('table-unreadable'), `${name}: ${codes}`);
      // A picture beside table 3 (a chart of the applications): table 3 is read, no finding says otherwise.
      const chart = withTables.replace('本年度收到和处理政府信息公开申请情况如下：\n', `$&${PICTURES['an HTML image in a paragraph']}\n`);
      assert.deepEqual(said(check(chart).findings), said(check(withTables).findings), name);
      assert.ok(allBound(chart, figures, 't3'), name);
    }
  });

  it('web pages: an <img> where a table stands is the picture, on the <img> in the page; an icon is not', () => {
    for (const { name, figures } of FIGURES) {
      const img = '<p style="text-align:center"><img src="/u/cms/www/202401/31101010abcd.jpg" style="width:600px;height:412px" border="0"></p>';
      // A screenshot the site scales to the column (width="100%"), inside a link to the full-size picture.
      const scaled = '<p><a href="/u/cms/www/202401/t4.jpg" target="_blank"><img src="/u/cms/www/202401/t4_s.jpg" width="100%"></a></p>';
      const { html } = renderHtml(figures, { page: { pictures: { t3: img, t4: scaled } } });
      const page = importHtml(html);
      const findings = findingsInSource(check(page.text).findings, page.text, page.source!);
      const unreadable = findings.filter((f) => f.code === 'table-unreadable');
      assert.equal(unreadable.length, 2, `${name}: ${said(findings).join('\n')}`);
      assert.match(sliceAt(html, unreadable[0].range), /^<img src="\/u\/cms\/www\/202401\/31101010abcd\.jpg"/, name);
      assert.match(sliceAt(html, unreadable[1].range), /^<img src="\/u\/cms\/www\/202401\/t4_s\.jpg"/, name);
      assert.ok(allBound(page.text, figures, 't2'), name);
      assert.ok(!findings.some((f) => f.code === 'table-missing'), name);
      // A print icon in its place is no table: table 3 is missing.
      const icon = importHtml(renderHtml(figures, { page: { pictures: { t3: '<p><img src="/images/print.gif" width="16" height="16">打印本页</p>' } } }).html);
      const codes = check(icon.text).findings.map((f) => f.code);
      assert.ok(codes.includes('table-missing') && !codes.includes('table-unreadable'), `${name}: ${codes}`);
    }
  });

  // Before: table-missing (an error) for each — <object>, <embed>, <svg> and <input> were skipped with their contents,
  // and a background is no element's text.
  const FORMS: Record<string, [string, string]> = {
    '<object> of an image, a fallback text inside': ['<object data="/u/cms/www/202401/t3.png" type="image/png" width="640" height="420">表三（图片）</object>', '<object data="/u/cms/www/202401/t3.png"'],
    '<embed> of an image': ['<p><embed src="/u/cms/www/202401/t3.jpg" width="640" height="420"></p>', '<embed src="/u/cms/www/202401/t3.jpg"'],
    'an SVG drawing an <image>': ['<svg width="640" height="420" viewBox="0 0 640 420"><image href="/u/cms/www/202401/t3.png" width="640" height="420"/></svg>', '<svg width="640"'],
    '<input type="image">': ['<p><input type="image" src="/u/cms/www/202401/t3.png" width="640" height="420"></p>', '<input type="image"'],
    'a CSS background in an empty box': ['<div class="pic" style="width:640px;height:420px;background-image:url(/u/cms/www/202401/t3.png);background-size:contain"></div>', '<div class="pic"'],
    'a CSS background shorthand, no size given': ['<p style="background: url(\'/u/cms/www/202401/t3.png\') no-repeat center; min-height: 400px">&nbsp;</p>', '<p style="background: url('],
  };
  for (const [form, [html3, at]] of Object.entries(FORMS)) {
    it(`web pages: table 3 as ${form} where it stands is the picture, on the element in the page; every seed`, () => {
      for (const { name, figures } of FIGURES) {
        const { html } = renderHtml(figures, { page: { pictures: { t3: html3 } } });
        const page = importHtml(html);
        const findings = findingsInSource(check(page.text).findings, page.text, page.source!);
        const unreadable = findings.filter((f) => f.code === 'table-unreadable');
        assert.equal(unreadable.length, 1, `${name}: ${said(findings).join('\n')}`);
        assert.ok(sliceAt(html, unreadable[0].range).startsWith(at), `${name}: ${sliceAt(html, unreadable[0].range)}`);
        assert.ok(allBound(page.text, figures, 't2') && allBound(page.text, figures, 't4'), name);
        assert.ok(!findings.some((f) => f.code === 'table-missing'), name);
      }
    });
  }
  it('web pages: such a picture the size of an icon, a repeated background (a rule), a background behind text, a hidden one are none', () => {
    const [{ figures }] = FIGURES;
    for (const none of [
      '<p><object data="/images/print.png" type="image/png" width="16" height="16"></object>打印本页</p>',
      '<p><svg width="24" height="24"><image href="/images/share.png" width="24" height="24"/></svg></p>',
      '<div style="height:2px;background:url(/images/line.gif) repeat-x"></div>',
      '<div style="background-image:url(/images/bg.png)">本表无数据。</div>',
      '<object data="/u/cms/www/202401/t3.swf" type="application/x-shockwave-flash" width="640" height="420"></object>',
      // Hidden as a browser hides anything (a lightbox's full-size copy): display:none, visibility:hidden.
      '<p><img src="/u/cms/www/202401/t3.png" width="640" height="420" style="display:none"></p>',
      '<p><embed src="/u/cms/www/202401/t3.jpg" width="640" height="420" style="visibility:hidden"></p>',
      '<div style="display:none;width:640px;height:420px;background-image:url(/u/cms/www/202401/t3.png)"></div>',
    ]) {
      const codes = check(importHtml(renderHtml(figures, { page: { pictures: { t3: none } } }).html).text).findings.map((f) => f.code);
      assert.ok(codes.includes('table-missing') && !codes.includes('table-unreadable'), `${none}: ${codes}`);
    }
  });
});
