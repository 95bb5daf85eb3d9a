import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { SECTION_OF, SECTIONS } from '../../server/src/core/format/statute';
import { check, type Finding } from '../../server/src/core/service';
import JSZip from 'jszip';
import { importHtml } from '../../server/src/import/html';
import { importWord } from '../../server/src/import/docx';
import { findingsInSource } from '../../server/src/import/inSource';
import { importOfd } from '../../server/src/import/ofd';
import { importPdf, paintsImages, paintsInlineImages } from '../../server/src/import/pdf';
import { PICTURE_LINE, type ImportResult } from '../../server/src/import/types';
import { sliceAt } from '../core/seeds';
import type { Figures } from '../layouts/figures';
import { renderDocx } from '../layouts/docx';
import { renderHtml } from '../layouts/html';
import { LAYOUTS, renderReport, type Layout, type Style } from '../layouts/render';
import { cellsOf, FIGURES, KEYS } from './cells';
import { makeOfd, type OfdOptions } from './miniofd';
import { makePdf, pictureLine, SCAN, typeset, type PdfImage, type PdfPage } from './minipdf';

// Pictures in PDF and OFD reports (layoutText.ts withPictures): a statutory table pasted as a screenshot,
// or a scanned page, is a picture line (PICTURE_LINE) at its place in the draft, and the core says the
// table is unreadable rather than missing. A seal, a logo or a rule is no table's picture, nor is a
// picture with the page's text over it (a scan under its recognised text). Every seed's figures, 2021 and
// 2019 formats, typeset as PDFs and OFDs with table 3, or all three tables, as pictures of a table's size.

/** A screenshot of each table as it is pasted into a report (points: the width of the text, a row some 17 pt). */
const SIZE: Record<TableKey, [number, number]> = { t2: [470, 250], t3: [470, 430], t4: [470, 110] };
/** The ways writers paint a picture (minipdf's PdfImage.as), taken in turn by the cases. */
const PAINTED: PdfImage['as'][] = ['image', 'form', 'strips', 'inline', 'mask'];
const PAGE_LAYOUTS = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');
const PDF_TEXT = PAGE_LAYOUTS.find((l) => l.name === 'pdf-text')!;
const OFD_WRITERS: OfdOptions[] = [{ objects: 'run' }, { objects: 'char' }, { objects: 'line', blocks: true }, { objects: 'codes', ctm: 4, template: true }];

function text(result: ImportResult): string {
  assert.ok('text' in result, `refused: ${'refused' in result ? result.refused.zh : ''}`);
  return result.text;
}

/** The report in `layout`, the tables `pictured` each a picture of its size. */
function report(f: Figures, layout: Layout, pictured: TableKey[], as: PdfImage['as']): string {
  const styles = Object.fromEntries(KEYS.map((k) => [k, pictured.includes(k) ? { family: 'picture', line: pictureLine(...SIZE[k], as) } : layout.style]));
  return renderReport(f, styles as Record<TableKey, Style>);
}

/**
 * Pages as a printed report has them besides its text: the authority's logo at the top of the first page
 * with a rule under the title, and its seal (4 cm) over the last lines.
 */
function decorated(pages: PdfPage[], seal: PdfImage['as']): PdfPage[] {
  const last = pages[pages.length - 1].texts.at(-1)!;
  return pages.map((p, i) => ({ ...p, images: [
    ...(i === 0 ? [{ x: 60, y: 20, width: 48, height: 48 }, { x: 60, y: 76, width: 470, height: 2 }] : []),
    ...(p.images ?? []),
    ...(i === pages.length - 1 ? [{ x: 380, y: last.y - 70, width: 113, height: 113, as: seal }] : []),
  ] }));
}

/** The cells of the tables not pictured that `draft` does not bind to the figures' values, with a range on their digits. */
function misread(draft: string, f: Figures, pictured: TableKey[]): string[] {
  const { report } = check(draft);
  const out: string[] = [];
  for (const { key, row, col, text: want } of cellsOf(f)) {
    if (pictured.includes(key)) continue;
    const cell = report.tables[key]?.rows[row]?.cells[col];
    if (want === '' ? cell?.kind !== 'blank' : cell?.value !== Number(want) || Number(sliceAt(draft, cell.range)) !== Number(want)) out.push(`${key}.${row}.${col}: ${cell?.value} for ${want}`);
  }
  return out;
}

/** The lines of the draft that are pictures, each by the section it stands in (the number of the heading above it). */
function picturesBySection(draft: string): number[] {
  let section = 0;
  const out: number[] = [];
  for (const line of draft.split('\n')) {
    const heading = SECTIONS.find((s) => line.trim() === `${s.numeral}、${s.title}`);
    if (heading) section = heading.number;
    if (line === PICTURE_LINE) out.push(section);
  }
  return out;
}

const said = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.message}`);

/**
 * What a report with the tables `pictured` as pictures must read as: a picture line for each, in its
 * table's section, and none for the logo, the rule or the seal; every cell of the other tables bound;
 * table-unreadable on each picture line, no table-missing, and no finding the report without
 * pictures (`plain`, read the same way) does not get.
 */
function assertPictured(draft: string, plain: string, f: Figures, pictured: TableKey[], where: string): void {
  assert.deepEqual(picturesBySection(draft), pictured.map((k) => SECTION_OF[k]), where);
  assert.deepEqual(picturesBySection(plain), [], where);
  assert.deepEqual(misread(draft, f, pictured), [], where);
  const { findings } = check(draft);
  const unreadable = findings.filter((x) => x.code === 'table-unreadable');
  assert.equal(unreadable.length, pictured.length, `${where}: ${said(findings).join('\n')}`);
  for (const x of unreadable) assert.equal(sliceAt(draft, x.range), PICTURE_LINE, where);
  assert.deepEqual(findings.filter((x) => x.code === 'table-missing'), [], where);
  const known = new Set(said(check(plain).findings));
  assert.deepEqual(said(findings.filter((x) => x.code !== 'table-unreadable')).filter((s) => !known.has(s)), [], where);
}

const CASES: { pictured: TableKey[]; layouts: Layout[] }[] = [
  { pictured: ['t3'], layouts: PAGE_LAYOUTS },
  { pictured: ['t2', 't3', 't4'], layouts: [PDF_TEXT] },
];

describe('pictures in a PDF: a table pasted as a screenshot is a picture line at its place; a seal, a logo, a rule are not', () => {
  let n = 0;
  for (const { pictured, layouts } of CASES) {
    for (const layout of layouts) {
      it(`${pictured.join('+')} as pictures, ${layout.name}: every seed, 2021 and 2019 figures`, async () => {
        for (const { name, figures } of FIGURES) {
          const as = PAINTED[n % PAINTED.length], seal = n++ % 2 ? 'mask' : 'image';
          const where = `${name}, painted as ${as}, the seal as ${seal}`;
          const draft = text(await importPdf(makePdf(decorated(typeset(report(figures, layout, pictured, as)), seal))));
          const plain = text(await importPdf(makePdf(decorated(typeset(layout.render(figures)), seal))));
          assertPictured(draft, plain, figures, pictured, where);
        }
      });
    }
  }

  it('a scanned page (an image, no text) where table 3 stands: a picture line in section 三, and said', async () => {
    for (const { name, figures } of FIGURES) {
      // Table 3 on a page of its own, which is scanned.
      const pages = typeset(report(figures, PDF_TEXT, ['t3'], 'image').replace(/^\0picture.*$/m, '\f\n$&\n\f'))
        .map((p) => (p.images?.length ? { texts: [], images: [SCAN] } : p));
      const scanned = pages.findIndex((p) => p.texts.length === 0) + 1;
      const result = await importPdf(makePdf(pages));
      assert.deepEqual('notes' in result && result.notes?.map((x) => x.zh), [`第 ${scanned} 页没有文字层（可能是扫描的页面），未读取`], name);
      assertPictured(text(result), text(await importPdf(makePdf(typeset(PDF_TEXT.render(figures))))), figures, ['t3'], name);
    }
  });

  it('a picture with text over it (a scan under its recognised text, a watermark) is none: only table 3’s picture is', async () => {
    for (const { name, figures } of FIGURES) {
      const pages = typeset(report(figures, PDF_TEXT, ['t3'], 'image')).map((p) => ({ ...p, images: [{ x: 0, y: 0, width: 595, height: 842 }, ...p.images!] }));
      const draft = text(await importPdf(makePdf(pages)));
      assert.deepEqual(picturesBySection(draft), [3], name);
      assert.deepEqual(misread(draft, figures, ['t3']), [], name);
    }
  });

  it('pictures are looked for only where a table is not text: a chart in 一、总体情况 is a picture line then, and only then', async () => {
    const chart = (text: string) => text.replace(/^(一、总体情况\n)/m, `$1${pictureLine(400, 200)}\n`);
    for (const { name, figures } of FIGURES) {
      const tables = text(await importPdf(makePdf(typeset(chart(PDF_TEXT.render(figures))))));
      assert.deepEqual(picturesBySection(tables), [], name);
      assert.deepEqual(misread(tables, figures, []), [], name);
      const t3 = text(await importPdf(makePdf(typeset(chart(report(figures, PDF_TEXT, ['t3'], 'image'))))));
      assert.deepEqual(picturesBySection(t3), [1, 3], name);
    }
  });

  it('whether a PDF has an image at all is seen in its bytes, encrypted or not: the Huaian report has none', () => {
    const pages = typeset('某某镇2024年政府信息公开工作年度报告\n一、总体情况');
    assert.equal(paintsImages(readFileSync(join(process.cwd(), 'test/fixtures/corpus/huaian-city_2024.pdf'))), false);
    assert.equal(paintsImages(makePdf(pages)), false);
    for (const options of [{}, { encrypt: { user: '', owner: 'owner' } }]) assert.equal(paintsImages(makePdf(decorated(pages, 'mask'), options)), true);
  });

  it('a table 3 pasted as an inline image (BI…ID…EI), the file without an image object: a picture line, deflated or not, encrypted or not', async () => {
    const forms: { deflate?: boolean; encrypt?: { user: string; owner: string } }[] = [{}, { deflate: true }, { deflate: true, encrypt: { user: '', owner: 'owner' } }];
    let n = 0;
    for (const layout of PAGE_LAYOUTS) {
      for (const { name, figures } of FIGURES) {
        const options = forms[n++ % forms.length];
        const where = `${name}, ${layout.name}, ${JSON.stringify(options)}`;
        const bytes = makePdf(typeset(report(figures, layout, ['t3'], 'inline')), options);
        assert.equal(paintsImages(bytes), false, where);
        assert.equal(paintsInlineImages(bytes), true, where);
        assertPictured(text(await importPdf(bytes)), text(await importPdf(makePdf(typeset(layout.render(figures)), options))), figures, ['t3'], where);
      }
    }
  });

  it('whether a PDF paints an inline image is seen in its contents, as written or inflated', () => {
    const pages = typeset('某某镇2024年政府信息公开工作年度报告\n一、总体情况');
    for (const deflate of [false, true]) {
      assert.equal(paintsInlineImages(makePdf(pages, { deflate })), false);
      assert.equal(paintsInlineImages(makePdf([{ ...pages[0], images: [{ x: 60, y: 200, width: 470, height: 300, as: 'inline' }] }], { deflate })), true);
    }
    assert.equal(paintsInlineImages(readFileSync(join(process.cwd(), 'test/fixtures/corpus/huaian-city_2024.pdf'))), false);
  });

  it('a picture as wide as a table but two lines tall, or as tall but a quarter of the page wide, is none', async () => {
    const figures = FIGURES[0].figures;
    for (const [width, height] of [[470, 30], [140, 430]]) {
      const style = PDF_TEXT.style;
      const draft = text(await importPdf(makePdf(typeset(renderReport(figures, { t2: style, t3: { family: 'picture', line: pictureLine(width, height) }, t4: style })))));
      assert.deepEqual(picturesBySection(draft), [], `${width} × ${height}`);
      assert.ok(check(draft).findings.some((f) => f.code === 'table-missing'), `${width} × ${height}`);
    }
  });
});

describe('pictures: the command line', () => {
  it('nianbao check on a PDF and an OFD with table 3 as a screenshot: table-unreadable on the picture line, not table-missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pictures-'));
    try {
      const pages = decorated(typeset(report(FIGURES[0].figures, PDF_TEXT, ['t3'], 'image')), 'mask');
      writeFileSync(join(dir, 'report.pdf'), makePdf(pages));
      writeFileSync(join(dir, 'report.ofd'), await makeOfd(pages));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'check', dir], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      for (const file of ['report.pdf', 'report.ofd']) assert.match(r.stdout, new RegExp(`${file.replace('.', '\\.')}:\\d+:1 warning table-unreadable 表三是图片`));
      assert.doesNotMatch(r.stdout, /table-missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('pictures in an OFD: ImageObjects of a table’s size are picture lines at their place', () => {
  let n = 0;
  for (const { pictured } of CASES) {
    it(`${pictured.join('+')} as pictures, pdf-text, the OFD writers in turn: every seed, 2021 and 2019 figures`, async () => {
      for (const { name, figures } of FIGURES) {
        const writer = OFD_WRITERS[n % OFD_WRITERS.length], as = n++ % 2 ? 'strips' : 'image';
        const where = `${name}, ${JSON.stringify(writer)}, painted as ${as}`;
        const draft = text(await importOfd(await makeOfd(decorated(typeset(report(figures, PDF_TEXT, pictured, as)), 'image'), writer)));
        const plain = text(await importOfd(await makeOfd(decorated(typeset(PDF_TEXT.render(figures)), 'image'), writer)));
        assertPictured(draft, plain, figures, pictured, where);
      }
    });
  }

  it('a scanned page (an ImageObject, no text) where table 3 stands: a picture line in section 三', async () => {
    for (const { name, figures } of FIGURES) {
      const pages = typeset(report(figures, PDF_TEXT, ['t3'], 'image').replace(/^\0picture.*$/m, '\f\n$&\n\f'))
        .map((p) => (p.images?.length ? { texts: [], images: [SCAN] } : p));
      assertPictured(text(await importOfd(await makeOfd(pages))), text(await importOfd(await makeOfd(typeset(PDF_TEXT.render(figures))))), figures, ['t3'], name);
    }
  });
});

describe('pictures in a table that lays them out (a web page, a .docx): the picture is the table’s, not lost with the table', () => {
  /** Table 3's screenshot in a table of its own: beside its caption, or under its title row. */
  const FRAMED: Record<string, string> = {
    'beside its caption': '<table border="1" width="100%"><tr><td width="15%">表三</td><td><img src="/u/cms/www/202401/t3.png" width="600" height="400"></td></tr></table>',
    'under its title row': '<table border="1"><tr><td colspan="2">收到和处理政府信息公开申请情况（单位：件）</td></tr><tr><td>见右图</td><td><p align="center"><img src="/u/cms/www/202401/t3.jpg" style="width:620px"></p></td></tr></table>',
  };
  for (const [what, framed] of Object.entries(FRAMED)) {
    it(`web page, the screenshot ${what}: table-unreadable on the <img>, no table-missing; tables 2 and 4 bound`, () => {
      for (const { name, figures } of FIGURES) {
        const { html } = renderHtml(figures, { page: { pictures: { t3: framed } } });
        const page = importHtml(html);
        const findings = findingsInSource(check(page.text).findings, page.text, page.source!);
        const unreadable = findings.filter((f) => f.code === 'table-unreadable');
        assert.equal(unreadable.length, 1, `${name}: ${said(findings).join('\n')}`);
        assert.match(sliceAt(html, unreadable[0].range), /^<img src="\/u\/cms\/www\/202401\/t3\./, name);
        assert.deepEqual(findings.filter((f) => f.code === 'table-missing'), [], name);
        assert.deepEqual(misread(page.text, figures, ['t3']), [], name);
      }
    });
  }

  it('.docx, table 3 a picture in a table beside its caption: a picture line in section 三, table-unreadable, no table-missing', async () => {
    for (const { name, figures } of FIGURES) {
      const zip = await JSZip.loadAsync(await renderDocx(figures, 1, 'none', undefined, undefined, { tables: ['t3'], form: 'inline' }));
      const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:p><w:r><w:drawing>(?:(?!<\/w:p>).)*<\/w:p>/, (p) =>
        `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1200"/><w:gridCol w:w="7800"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>表三</w:t></w:r></w:p></w:tc><w:tc>${p}</w:tc></w:tr></w:tbl><w:p/>`);
      assert.match(xml, /<w:tc><w:p><w:r><w:drawing>/, name);
      zip.file('word/document.xml', xml);
      const draft = text(await importWord(await zip.generateAsync({ type: 'nodebuffer' }), 'docx'));
      assert.deepEqual(picturesBySection(draft), [3], name);
      const { findings } = check(draft);
      assert.equal(findings.filter((f) => f.code === 'table-unreadable').length, 1, `${name}: ${said(findings).join('\n')}`);
      assert.deepEqual(findings.filter((f) => f.code === 'table-missing'), [], name);
      assert.deepEqual(misread(draft, figures, ['t3']), [], name);
    }
  });
});
