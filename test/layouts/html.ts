import type { TableKey } from '../../server/src/core/format/schema';
import { withColumns, type ExtraColumns } from './columns';
import { relabel, type LabelFamily, type Renamed } from './labels';
import type { Figures } from './figures';
import { reportParts } from './render';
import { random } from './typeset';
import { rowSpans as rowspans } from '../../server/src/core/authoring/wordTable';
import { blockTables, splitTable, wordTable, type TableSplit, type WordTable } from './word';

// A report as a government website publishes it: the statutory tables as HTML tables with the
// template's merges as rowspan and colspan, inside the site's page (navigation, a breadcrumb that
// names the report too, the title above the article, a footer with its own numbers, scripts). The
// way Word writes a web page shows too: numbers split over <span>s, &nbsp; in empty cells,
// a header's lines broken by <br>.

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Where each statutory cell's text is in the HTML: table key, row, column → [start, end). */
export type CellPlaces = Map<string, { start: number; end: number }>;
export const placeKey = (key: string, row: string, col: string) => `${key} ${row} ${col}`;

export { rowspans };

class Html {
  text = '';
  places: CellPlaces = new Map();
  add(s: string) { this.text += s; }
}

/**
 * How a site's editor or converter writes its tables: header cells as <th>; &nbsp; around every
 * number; a <tbody> closed and opened again every few rows; the table inside a layout table's cell;
 * a zero-width space after every number; a 序号 and a 备注 column (columns.ts); labels as a clerk retyped them (labels.ts);
 * each table that has more rows as two <table>s, split where the printed page breaks (word.ts); the heading
 * of each section with a table typed as the table's first row, one cell across it (`headingRow`). Or no
 * report at all on the page, only a link to it as an attached file (`attached`): the file's name the
 * link's text, or only in its href (a download script's query); only in a script that writes the link
 * (`script`), in an onclick handler (URL-encoded, `onclick`), in a data-url a script reads (`data`), in
 * a PDF viewer's <iframe src> (`frame`); or nothing but the title (`none`). Table 4 as two tables, 行政复议 and
 * 行政诉讼 (word.ts blockTables), one under the other or side by side in a layout table (`t4Tables`).
 */
/** Where a page that holds only a link to the report's file names that file (PageStyle.attached). */
export type Attached = 'named' | 'href' | 'script' | 'onclick' | 'data' | 'frame' | 'none';
export const ATTACHED: Attached[] = ['named', 'href', 'script', 'onclick', 'data', 'frame', 'none'];

export interface PageStyle {
  t4Tables?: 'stacked' | 'side-by-side'; th?: boolean; pad?: boolean; tbodyEvery?: number; nested?: boolean; zeroWidth?: boolean;
  columns?: ExtraColumns; labels?: LabelFamily | Renamed; split?: TableSplit; headingRow?: boolean; attached?: Attached;
  /** Tables the site published as a picture: the HTML that stands where the table would (an <img>, in a paragraph or not). */
  pictures?: Partial<Record<TableKey, string>>;
}

function drawTable(out: Html, table: WordTable, next: () => number, split: boolean, page: PageStyle = {}, heading?: string): void {
  const spans = rowspans(table);
  if (page.nested) out.add('<table class="layout"><tr><td class="main">\n');
  out.add('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n<tbody>\n');
  if (heading) out.add(`<tr><td colspan="${table.width}"><p align="center"><strong>${escape(heading)}</strong></p></td></tr>\n`);
  table.rows.forEach((row, r) => {
    if (page.tbodyEvery && r > 0 && r % page.tbodyEvery === 0) out.add('</tbody><tbody>\n');
    out.add('<tr>');
    for (const c of row.cells) {
      if (c.below) continue;
      const rowspan = spans.get(c) ?? 1;
      const tag = page.th && c.kind === 'head' ? 'th' : 'td';
      out.add(`<${tag}${c.span > 1 ? ` colspan="${c.span}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''} valign="center">`);
      if (c.kind === 'value') {
        out.add('<p align="center"><span style="font-size:10.5pt">');
        if (page.pad) out.add('&nbsp;');
        if (c.text === '') out.add('&nbsp;');
        else {
          // Word splits a number over spans now and then (20 | 23); the digits stay in the td, in order.
          const cut = split && c.text.length > 1 && next() < 0.4 ? 1 + Math.floor(next() * (c.text.length - 1)) : c.text.length;
          const start = out.text.length;
          out.add(escape(c.text.slice(0, cut)));
          if (cut < c.text.length) out.add(`</span><span lang="EN-US" style="font-size:10.5pt">${escape(c.text.slice(cut))}`);
          out.places.set(placeKey(table.key, c.at!.row, c.at!.col), { start, end: out.text.length });
          if (page.zeroWidth) out.add('\u200b');
        }
        if (page.pad) out.add('&nbsp;');
        out.add('</span></p>');
      } else {
        out.add(`<p>${c.lines.map(escape).join('<br>')}</p>`);
      }
      out.add(`</${tag}>`);
    }
    out.add('</tr>\n');
  });
  out.add('</tbody>\n</table>\n');
  if (page.nested) out.add('</td></tr></table>\n');
}

/** The whole page, and where each statutory cell's number is in it; `split`: some numbers over two <span>s. */
export function renderHtml(f: Figures, { seed = 0, split = true, page = {} as PageStyle } = {}): { html: string; places: CellPlaces } {
  const next = random(seed);
  const out = new Html();
  const parts = reportParts(f);
  const title = parts.find((p) => p.kind === 'title')!;
  out.add(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escape(title.kind === 'table' ? '' : title.text)}_某某镇人民政府</title>
<style>.content p { text-indent: 2em; } td { border: 1px solid #000; }</style>
<script>var _hmt = _hmt || []; document.write("<p>统计 2024 年 12 月</p>");</script>
</head>
<body>
<div class="header"><img src="logo.png" alt="某某镇人民政府"><nav><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/gzcy">互动交流</a></nav></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年度报告</div>
<div class="article">
<h1 class="title">${escape(title.kind === 'table' ? '' : title.text)}</h1>
<div class="info">发布时间：${f.year + 1}-01-20&nbsp;&nbsp;来源：某某镇人民政府&nbsp;&nbsp;浏览次数：1024</div>
<div class="content">
`);
  const name = escape(title.kind === 'table' ? '' : title.text);
  if (page.attached === 'named') out.add(`<p>现将本镇${f.year}年政府信息公开工作年度报告予以公布，详见附件。</p>\n<p>附件：<a href="/xxgk/P0${f.year + 1}0120.pdf">${name}.pdf</a></p>\n`);
  if (page.attached === 'href') out.add(`<p>附件：<a href="/module/download/downfile.jsp?classid=0&amp;filename=${f.year + 1}0120123.docx">${name}</a></p>\n`);
  if (page.attached === 'script') out.add(`<p>附件：<script>var fjurl = "./P0${f.year + 1}0120.pdf"; var fjname = "${name}.pdf";\nif (fjurl != "") document.write('<a href="' + fjurl + '">' + fjname + '</a>');</script></p>\n`);
  if (page.attached === 'onclick') out.add(`<p><a href="javascript:void(0);" onclick="downloadFile('/upload/${f.year + 1}/${encodeURIComponent(`${name}.pdf`)}')">附件下载</a></p>\n`);
  if (page.attached === 'data') out.add(`<div class="attachment" data-id="${f.year}0120" data-url="/xxgk/fj/${name}.docx"></div>\n`);
  if (page.attached === 'frame') out.add(`<iframe src="/pdfjs/web/viewer.html?file=/xxgk/P0${f.year + 1}0120.pdf" width="100%" height="800"></iframe>\n`);
  // The heading over each table, when it is written as the table's first row.
  let heading: string | undefined;
  for (const [i, p] of (page.attached ? [] : parts).entries()) {
    if (p.kind === 'title') continue;
    if (p.kind === 'table' && page.pictures?.[p.key] !== undefined) { out.add(`${page.pictures[p.key]}\n`); continue; }
    if (p.kind === 'table') {
      const table = withColumns(relabel(wordTable(f, p.key), page.labels), page.columns ?? {});
      if (page.t4Tables && p.key === 't4') {
        const side = page.t4Tables === 'side-by-side';
        if (side) out.add('<table class="layout"><tr>');
        blockTables(table).forEach((part, i) => {
          if (side) out.add('<td>');
          else if (i > 0) out.add('<p>&nbsp;</p>\n');
          drawTable(out, part, next, split, page, i === 0 ? heading : undefined);
          if (side) out.add('</td>');
        });
        if (side) out.add('</tr></table>\n');
        continue;
      }
      (page.split ? splitTable(table, page.split) : [table]).forEach((part, i) => {
        if (i > 0 && page.split?.between) out.add(`<p>${escape(page.split.between)}</p>\n`);
        drawTable(out, part, next, split, page, i === 0 ? heading : undefined);
      });
      continue;
    }
    if (p.kind === 'heading' && page.headingRow) {
      const own = parts.slice(i + 1).find((q) => q.kind !== 'prose');
      heading = own?.kind === 'table' ? p.text : undefined;
      if (heading) continue;
    }
    const strong = p.kind === 'heading';
    out.add(`<p style="text-indent:2em">${strong ? '<strong>' : ''}${escape(p.text)}${strong ? '</strong>' : ''}</p>\n`);
  }
  out.add(`</div>
</div>
<div class="footer"><p>主办：某某镇人民政府&nbsp; 联系电话：0591-12345678</p><p>闽ICP备05012345号-1 &nbsp;政府网站标识码：3501000012 &copy; ${f.year + 1}</p></div>
<script src="/js/common.js"></script>
</body>
</html>
`);
  return { html: out.text, places: out.places };
}

/**
 * Word's “save as web page (filtered)”: CRLF, attributes unquoted, each cell's paragraph on lines of
 * its own, empty cells as <o:p>&nbsp;</o:p>, long Chinese lines broken between characters, conditional
 * comments, and the row of empty cells Word adds under a table whose columns do not line up.
 */
export function renderWordHtml(f: Figures): { html: string; places: CellPlaces } {
  const out = new Html();
  const CJK = /[\u4e00-\u9fff，。、；：（）《》“”]/;
  /** Chinese text broken into source lines of at most 40 characters, between two Chinese characters. */
  const wrapped = (text: string) => {
    let s = '', run = 0;
    for (let i = 0; i < text.length; i++) {
      s += text[i];
      if (++run >= 40 && CJK.test(text[i]) && CJK.test(text[i + 1] ?? '')) { s += '\r\n'; run = 0; }
    }
    return s;
  };
  const para = (text: string, style: string) => out.add(`<p class=MsoNormal style='${style}'><span\r\nstyle='font-family:仿宋_GB2312'>${wrapped(escape(text))}</span></p>\r\n\r\n`);
  out.add(`<html xmlns:v="urn:schemas-microsoft-com:vml"\r\nxmlns:o="urn:schemas-microsoft-com:office:office">\r\n\r\n<head>\r\n<meta http-equiv=Content-Type content="text/html; charset=utf-8">\r\n<meta name=Generator content="Microsoft Word 15 (filtered)">\r\n<style>\r\n<!--\r\n p.MsoNormal {margin:0cm; text-align:justify; font-size:10.5pt;}\r\n-->\r\n</style>\r\n<!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026"/></xml><![endif]-->\r\n</head>\r\n\r\n<body lang=ZH-CN style='text-justify-trim:punctuation'>\r\n\r\n<div class=WordSection1 style='layout-grid:15.6pt'>\r\n\r\n`);
  for (const p of reportParts(f)) {
    if (p.kind === 'title') { para(p.text, 'text-align:center'); continue; }
    if (p.kind !== 'table') { para(p.text, 'text-indent:32.0pt'); continue; }
    const table = wordTable(f, p.key);
    const spans = rowspans(table);
    out.add(`<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\r\n style='border-collapse:collapse;border:none'>\r\n`);
    for (const row of table.rows) {
      out.add(` <tr style='height:20.0pt'>\r\n`);
      for (const c of row.cells) {
        if (c.below) continue;
        const rowspan = spans.get(c) ?? 1;
        out.add(`  <td width=57${c.span > 1 ? ` colspan=${c.span}` : ''}${rowspan > 1 ? ` rowspan=${rowspan}` : ''} valign=top style='width:42.5pt;border:solid windowtext 1.0pt;\r\n  padding:0cm 5.4pt 0cm 5.4pt;height:20.0pt'>\r\n  <p class=MsoNormal align=center style='text-align:center'><span\r\n  lang=EN-US>`);
        if (c.kind === 'value' && c.text !== '') {
          const start = out.text.length;
          out.add(escape(c.text));
          out.places.set(placeKey(table.key, c.at!.row, c.at!.col), { start, end: out.text.length });
          out.add('<o:p></o:p>');
        } else if (c.kind === 'value') {
          out.add('<o:p>&nbsp;</o:p>');
        } else {
          out.add(c.lines.map(escape).join('</span></p>\r\n  <p class=MsoNormal align=center style=\'text-align:center\'><span\r\n  lang=EN-US>'));
        }
        out.add(`</span></p>\r\n  </td>\r\n`);
      }
      out.add(` </tr>\r\n`);
    }
    out.add(` <![if !supportMisalignedColumns]>\r\n <tr height=0>\r\n${Array.from({ length: table.width }, () => '  <td width=57 style=\'border:none\'></td>\r\n').join('')} </tr>\r\n <![endif]>\r\n</table>\r\n\r\n`);
  }
  out.add('</div>\r\n\r\n</body>\r\n\r\n</html>\r\n');
  return { html: out.text, places: out.places };
}

/**
 * A web page as a MIME web archive (.mht) holds it, as Word's “single file web page” saves it (and office
 * systems attach it under a .doc name): a multipart message whose HTML part is quoted-printable or base64.
 */
export function renderMht(html: string, encoding: 'quoted-printable' | 'base64'): Buffer {
  const bytes = Buffer.from(html, 'utf8');
  let body: string;
  if (encoding === 'base64') body = bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
  else {
    // Bytes outside printable ASCII (and =) as =XX, lines broken with a soft break (=) within 76 characters.
    const coded = [...bytes].map((b) => (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : b === 10 ? '\r\n' : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    const lines: string[] = [];
    let line = '';
    for (const c of coded) {
      if (c === '\r\n') { lines.push(line); line = ''; continue; }
      if (line.length + c.length > 75) { lines.push(line + '='); line = ''; }
      line += c;
    }
    body = [...lines, line].join('\r\n');
  }
  const boundary = '----=_NextPart_01DA0000.12345678';
  return Buffer.from([
    'MIME-Version: 1.0', `Content-Type: multipart/related; boundary="${boundary}"`, '',
    '此文档为“单个文件网页”，也称为“Web 档案”文件。', '',
    `--${boundary}`, 'Content-Location: file:///C:/report.htm', `Content-Transfer-Encoding: ${encoding}`, 'Content-Type: text/html; charset="utf-8"', '',
    body, '', `--${boundary}--`, '',
  ].join('\r\n'), 'utf8');
}
