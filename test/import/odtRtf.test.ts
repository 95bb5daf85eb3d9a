import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import type { TableKey } from '../../server/src/core/format/schema';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { documentKind, importDocument } from '../../server/src/import/index';
import { DAMAGED, ENCRYPTED, importOdt, NO_CONTENT, NOT_ODT, notText } from '../../server/src/import/odt';
import { cutShort, importRtf, NO_TEXT as RTF_NO_TEXT, NOT_RTF, rtfHtml } from '../../server/src/import/rtf';
import { PICTURE_LINE, type ImportResult } from '../../server/src/import/types';
import { assertPinpointed, sliceAt, tableFindings } from '../core/seeds';
import { EXPECTED } from '../core/expected';
import { figuresOf, type Figures } from '../layouts/figures';
import { renderOdt, type OdtStyle } from '../layouts/odt';
import { renderRtf, rtfText, type RtfStyle } from '../layouts/rtf';
import { rowspans } from '../layouts/html';
import { wordTable } from '../layouts/word';
import { startTestClient, workspaceFile as file, type TestClient } from '../lsp/lspClient';
import { asText, bound, cellsOf, FIGURES, said, withCell } from './cells';
import { thousandfold } from '../layouts/thousands';

// OpenDocument text (.odt, .fodt) and RTF (server/src/import/odt.ts, rtf.ts): every seed's figures, 2021 and
// 2019, written as LibreOffice, WPS, Yozo Office and Word write these formats (test/layouts/odt.ts, rtf.ts),
// with the statute's merged header cells, read back: every cell bound with its value, the findings those of
// the same report as text; one wrong cell pinpointed; tables given as pictures said to be pictures; and
// files that are broken or hostile refused with their reason, or read, fast.

const ODT_STYLES: [string, OdtStyle][] = [
  ['as LibreOffice writes it', {}],
  ['flat XML (.fodt), other prefixes, header numbers in a list', { flat: true, prefixes: true, list: true }],
  ['equal cells repeated (number-columns-repeated), tables in text boxes', { repeated: true, textBox: true }],
  ['the section headings numbered by the outline style (一、 from styles.xml)', { outlineNumbers: true }],
  ['the same, flat', { outlineNumbers: true, flat: true }],
  ['the section headings ordinary paragraphs numbered as a list (一、 from a list style; each heading a list continuing the last)', { listNumbers: 1 }],
  ['the same at the list\'s second level (each in an item holding only the deeper list), flat, other prefixes', { listNumbers: 2, flat: true, prefixes: true }],
];
const RTF_STYLES: [string, RtfStyle][] = [
  ['GBK bytes, merges across as wide cells (Word)', { chinese: 'gbk', across: 'wide', defsAfter: true }],
  ['\\uN?, merges across as \\clmgf/\\clmrg (WPS), labels in lists (\\listtext)', { chinese: 'u', across: 'clmgf', lists: true }],
  ['\\uN with GBK stand-ins (\\uc2), wide cells, definitions before the cells only, a footnote holding a table on each table 4 number', { chinese: 'u-gbk', across: 'wide', notes: true }],
  ['each table nested in a layout table\'s cell (\\itap2, \\nestcell, \\nestrow)', { chinese: 'gbk', across: 'wide', nested: true }],
];

const textOf = (r: ImportResult): string => {
  assert.ok('text' in r, 'refused' in r ? r.refused.zh : '');
  return r.text;
};
const refusal = (r: ImportResult) => ('refused' in r ? r.refused.zh : `read: ${r.text.slice(0, 60)}`);
const odtDraft = async (f: Figures, style: OdtStyle = {}) => textOf(await importOdt(await renderOdt(f, style)));
const rtfDraft = (f: Figures, style: RtfStyle) => textOf(importRtf(renderRtf(f, style)));

/** Every seed in every style: every cell bound, the findings of the text; the cells bound over all, for the tally. */
function assertEverySeed(draft: string, figures: Figures, where: string, tally: { bound: number; total: number }) {
  const b = bound(draft, figures);
  tally.bound += b.bound;
  tally.total += b.total;
  assert.deepEqual(b.wrong, [], where);
  const plain = asText(figures);
  assert.deepEqual(said(check(draft).findings, draft), said(check(plain).findings, plain), where);
  assert.deepEqual(tableFindings(draft), [], where);
}

describe('ODT: every seed, 2021 and 2019 figures, read back', () => {
  for (const [style, options] of ODT_STYLES) {
    it(`${style}: every cell bound with its value (200/200, 198/198); the findings of the text, no table finding`, async () => {
      const tally = { bound: 0, total: 0 };
      for (const { name, figures } of FIGURES) {
        const draft = await odtDraft(figures, options);
        assertEverySeed(draft, figures, `${name} ${style}`, tally);
        assert.deepEqual(parseReport(draft).sections.map((s) => s.numeral), [...'一二三四五六'], name);
      }
      assert.equal(tally.bound, tally.total);
      assert.ok(tally.total >= 1990, `${tally.bound}/${tally.total}`);
    });
  }

  it('hidden text (a style that inherits text:display="none" from styles.xml) and comments are not read: a hidden 9 after each table 3 number, a comment on each table 2 one', async () => {
    for (const { name, figures } of FIGURES.filter((_, i) => i % 3 === 0)) {
      for (const flat of [false, true]) assertEverySeed(await odtDraft(figures, { hidden: true, flat }), figures, name, { bound: 0, total: 0 });
    }
  });
});

describe('ODT: a number typed over two paragraphs in its cell (12 ⏎ 3)', () => {
  it('in a cell not merged: one number (as in a .docx, a .doc, a web page); every seed, both formats, numbers a thousandfold', async () => {
    let n = 0;
    for (const { name, figures: plain } of FIGURES) {
      const figures = thousandfold(plain), zip = await JSZip.loadAsync(await renderOdt(figures));
      const content = (await zip.file('content.xml')!.async('string')).replace(/(<table:table-cell office:value-type="string">)<text:p text:style-name="P1">(\d+)<\/text:p>/g,
        (m, head: string, d: string) => (d.length < 2 ? m : (n++, `${head}<text:p text:style-name="P1">${d.slice(0, 1)}</text:p><text:p text:style-name="P1">${d.slice(1)}</text:p>`)));
      zip.file('content.xml', content);
      assertEverySeed(textOf(await importOdt(await zip.generateAsync({ type: 'nodebuffer' }))), figures, name, { bound: 0, total: 0 });
    }
    assert.ok(n > 50, `${n}`);
  });
});

describe('ODT: the numbers a list style gives ordinary paragraphs', () => {
  it('counted per list style: a list starts again unless it continues (text:continue-numbering, text:continue-list); an item\'s own start; a number the file wrote, a bullet, a list header: none added', async () => {
    const ns = ['office', 'text', 'style'].map((p) => `xmlns:${p}="urn:oasis:names:tc:opendocument:xmlns:${p}:1.0"`).join(' ');
    const styles = '<office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、"/>'
      + '<text:list-level-style-number text:level="2" style:num-prefix="（" style:num-format="一, 二, 三, ..." style:num-suffix="）"/></text:list-style>'
      + '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style></office:automatic-styles>';
    const item = (t: string, inner = '') => `<text:list-item><text:p>${t}</text:p>${inner}</text:list-item>`;
    const body = `<text:list text:style-name="L1">${item('甲', `<text:list>${item('子')}${item('丑')}</text:list>`)}${item('乙', `<text:list>${item('寅')}</text:list>`)}</text:list><text:p>正文</text:p>`
      + `<text:list text:style-name="L1">${item('丙')}</text:list><text:list text:style-name="L1" text:continue-numbering="true">${item('丁')}</text:list>`
      + `<text:list text:style-name="L1" text:continue-list="x">${'<text:list-item text:start-value="5"><text:p>戊</text:p></text:list-item>'}${'<text:list-item><text:p><text:number>九、</text:number>己</text:p></text:list-item>'}`
      + `<text:list-header><text:p>说明</text:p></text:list-header></text:list><text:list text:style-name="B1">${item('要点')}</text:list>`;
    const read = textOf(await importOdt(Buffer.from(`<office:document ${ns}>${styles}<office:body><office:text>${body}</office:text></office:body></office:document>`)));
    assert.equal(read, ['一、甲', '（一）子', '（二）丑', '二、乙', '（一）寅', '正文', '一、丙', '二、丁', '五、戊', '九、己', '说明', '要点', ''].join('\n'));
  });
});

describe('RTF: every seed, 2021 and 2019 figures, read back', () => {
  for (const [style, options] of RTF_STYLES) {
    it(`${style}: every cell bound with its value; the findings of the text, no table finding`, () => {
      const tally = { bound: 0, total: 0 };
      for (const { name, figures } of FIGURES) {
        const draft = rtfDraft(figures, options);
        assertEverySeed(draft, figures, `${name} ${style}`, tally);
        // The notes' text after the report's, as a .docx's (mammoth's list of notes): none of it in a cell.
        if (options.notes) assert.match(draft, /无其他需要报告的事项。\n(?:9\t9\n注：单位为件\n)+\s*$/, name);
      }
      assert.equal(tally.bound, tally.total);
      assert.ok(tally.total >= 1990, `${tally.bound}/${tally.total}`);
    });
  }

  it('a footnote and an endnote (\\ftnalt) after every table 3 number: every cell bound, the findings of the text, the notes read after the report as a .docx\'s are', () => {
    // Before, the notes were skipped (a .docx's are read after the report: docxMarks.test.ts).
    for (const [i, { name, figures }] of FIGURES.entries()) {
      const chinese = RTF_STYLES[i % 2][1].chinese, note = (what: string, end: boolean) => `{\\super\\chftn}{\\footnote${end ? '\\ftnalt' : ''}\\pard\\plain {\\super\\chftn} ${rtfText(what, chinese)}\\par}`;
      let n = 0;
      const rtf = renderRtf(figures, RTF_STYLES[i % 2][1]).toString('latin1')
        .replace(/(\\insrsid\d+ [\d.]+)\}\\cell/g, (_, number: string) => `${number}${note(n++ % 2 ? '数据由各村（社区）汇总。' : '含上年结转。', n % 2 === 0)}}\\cell`);
      assert.ok(n > 50, `${n}`);
      const draft = textOf(importRtf(Buffer.from(rtf, 'latin1')));
      assertEverySeed(draft, figures, name, { bound: 0, total: 0 });
      assert.match(draft, /无其他需要报告的事项。\n(?:(?:含上年结转。|数据由各村（社区）汇总。)\n){50,}$/, name);
    }
  });

  it('the tables\' merged cells come out as the template has them: each cell\'s columns and rows, row by row', () => {
    for (const { name, figures } of FIGURES.filter((_, i) => i % 4 === 0)) {
      const want = (['t2', 't3', 't4'] as const).map((key) => {
        const table = wordTable(figures, key), spans = rowspans(table);
        return table.rows.map((row) => row.cells.filter((c) => !c.below).map((c) => `${c.span}×${spans.get(c) ?? 1}`).join(' '));
      });
      for (const [style, options] of RTF_STYLES.filter(([, o]) => !o.nested)) {
        // The report's tables: not the notes' (a small table in each of one style's footnotes), in the list of notes after it.
        const tables = [...rtfHtml(renderRtf(figures, options)).html.split('<ol>')[0].matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) => [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
          .map(([, tr]) => [...tr.matchAll(/<td(?: colspan="(\d+)")?(?: rowspan="(\d+)")?>/g)].map(([, c, r]) => `${c ?? 1}×${r ?? 1}`).join(' ')));
        assert.deepEqual(tables, want, `${name} ${style}`);
      }
    }
  });

  it('hidden text (\\v) is not read', () => {
    for (const { name, figures } of FIGURES.filter((_, i) => i % 3 === 1)) {
      assertEverySeed(rtfDraft(figures, { chinese: 'gbk', across: 'wide', hidden: true }), figures, name, { bound: 0, total: 0 });
    }
  });

  it('GBK pairs, \\uN? and \\uN with two stand-ins give the same text; a font\'s \\fcharset134 when the document\'s code page is another', () => {
    const line = '某某镇2024年政府信息公开工作年度报告（一）、总体情况';
    const html = (body: string, page = 936) => rtfHtml(Buffer.from(`{\\rtf1\\ansi\\ansicpg${page}{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}{\\f1\\fnil\\fcharset134 SimSun;}}\\pard ${body}\\par}`, 'latin1')).html;
    for (const chinese of ['gbk', 'u', 'u-gbk'] as const) assert.equal(html(rtfText(line, chinese)), `<p>${line}</p>`, chinese);
    assert.equal(html(`{\\f1 ${rtfText(line, 'gbk')}}`, 1252), `<p>${line}</p>`);
    // In a Western document, the associated font of double-byte text (\dbch\af1); a second byte written as it is (@, \\).
    assert.equal(html(`\\f0\\loch\\af1\\hich\\af1\\dbch\\af1 A${rtfText(line, 'gbk')}B`, 1252), `<p>A${line}B</p>`);
    assert.equal(html("\\f0\\dbch\\af1 \\'81@\\'81\\\\", 1252), '<p>丂乗</p>');
    // \ucN counts a control word and a \'xx as one stand-in each; a group's end ends the stand-ins.
    assert.equal(html('\\uc1\\u25253\\\'b1 x{\\u21578?}y'), '<p>报 x告y</p>');
    // A character beyond the Basic Multilingual Plane as two \u (a surrogate pair).
    assert.equal(html('\\uc1\\u-10176?\\u-9216?'), '<p>\u{20000}</p>');
    // A \' without two hex digits is no byte (not 0x1f from \'2z).
    assert.equal(html("A\\'2zB"), '<p>AB</p>');
  });
});

describe('one wrong cell, pinpointed through an ODT and an RTF', () => {
  // Each seed, 2021 figures then 2019 ones, every fifth cell of tables 3 and 4 made one more.
  Object.keys(EXPECTED).forEach((_, i) => {
    const figures = FIGURES[i % 2 ? i + Object.keys(EXPECTED).length : i].figures;
    it(`${figures.year} (${figures.version}): the cell is named, and its fix restores the value`, async () => {
      let n = 0, k = 0;
      for (const { key, row, col, text: value } of cellsOf(figures)) {
        if (key === 't2' || value === '' || k++ % 5 !== i % 5) continue;
        const wrong = String(Number(value) + 1);
        const changed = withCell(figures, key, row, col, wrong);
        const where = `${key} ${row} ${col} ${value}→${wrong}`;
        assertPinpointed(await odtDraft(changed, ODT_STYLES[n % 3][1]), { key: key as 't3' | 't4', row, col }, value, wrong, `ODT ${where}`);
        assertPinpointed(rtfDraft(changed, RTF_STYLES[n % RTF_STYLES.length][1]), { key: key as 't3' | 't4', row, col }, value, wrong, `RTF ${where}`);
        n++;
      }
      assert.ok(n >= 30, `${n} cells`);
    });
  });
});

describe('tables given as pictures in an ODT or an RTF', () => {
  const figures = figuresOf(EXPECTED['002']);
  for (const tables of [['t3'], ['t2', 't3', 't4']] as TableKey[][]) {
    it(`${tables.join(', ')}: each said to be a picture at its picture line; the logo is no table; the other cells bound`, async () => {
      const rtf = rtfDraft(figures, { chinese: 'gbk', across: 'wide', pictures: tables });
      assert.equal(rtfDraft(figures, { chinese: 'u', across: 'wide', pictures: tables, bin: true }), rtf, 'the picture\'s data as \\binN bytes: the same draft');
      for (const [format, draft] of [['ODT', await odtDraft(figures, { pictures: tables })], ['RTF', rtf]] as const) {
        const unreadable = check(draft).findings.filter((f) => f.code === 'table-unreadable');
        assert.equal(unreadable.length, tables.length, `${format}: ${unreadable.map((f) => f.message).join('\n')}`);
        for (const f of unreadable) assert.equal(sliceAt(draft, f.range), PICTURE_LINE, format);
        const missing = [...cellsOf(figures)].filter((c) => tables.includes(c.key)).map((c) => `${c.key} ${c.row} ${c.col}: missing, not ${c.text}`);
        assert.deepEqual(bound(draft, figures).wrong, missing, format);
        assert.deepEqual(check(draft).findings.filter((f) => /^(row-|table-missing|cell-)/.test(f.code)).map((f) => f.code), [], format);
      }
    });
  }
});

describe('ODT and RTF files that are broken or hostile: a clear reason, or what they hold, fast', () => {
  const figures = figuresOf(EXPECTED['001']);

  it('ODT: cut short, not a zip, a zip without content.xml, a spreadsheet, encrypted, content that is no XML', async () => {
    const whole = await renderOdt(figures);
    for (const at of [100, whole.length >> 1, whole.length - 10]) assert.equal(refusal(await importOdt(whole.subarray(0, at))), DAMAGED.zh, `cut at ${at}`);
    assert.equal(refusal(await importOdt(Buffer.from('random bytes, no zip'))), NOT_ODT.zh);
    const edited = async (change: (zip: JSZip) => void) => { const zip = await JSZip.loadAsync(whole); change(zip); return zip.generateAsync({ type: 'nodebuffer' }); };
    assert.equal(refusal(await importOdt(await edited((z) => z.remove('content.xml')))), NO_CONTENT.zh);
    assert.equal(refusal(await importOdt(await edited((z) => z.file('content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>')))),
      notText('电子表格（.ods）').zh);
    assert.equal(refusal(await importOdt(await edited((z) => z.file('META-INF/manifest.xml', '<manifest:manifest><manifest:file-entry><manifest:encryption-data/></manifest:file-entry></manifest:manifest>')))), ENCRYPTED.zh);
    assert.equal(refusal(await importOdt(await edited((z) => z.file('content.xml', '\x00\x01 binary <<<')))), DAMAGED.zh);
  });

  it('ODT: a row repeated a billion times and elements nested deep are read within their budgets', async () => {
    const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
    const doc = (body: string) => Buffer.from(`<office:document ${ns}><office:body><office:text><text:p>某某镇2024年政府信息公开工作年度报告</text:p>${body}</office:text></office:body></office:document>`);
    const started = Date.now();
    const repeated = await importOdt(doc('<table:table><table:table-row table:number-rows-repeated="1000000000"><table:table-cell table:number-columns-repeated="1000000000"><text:p>1</text:p></table:table-cell></table:table-row></table:table>'));
    assert.ok('text' in repeated);
    const deep = await importOdt(doc(`${'<text:span>'.repeat(5000)}深${'</text:span>'.repeat(5000)}`));
    assert.deepEqual(deep, { text: '某某镇2024年政府信息公开工作年度报告\n' });
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
  });

  it('RTF: not RTF; no text; 100,000 unclosed {; cut short in a table; \\bin past the end; a parameter of 30 digits', () => {
    assert.equal(refusal(importRtf(Buffer.from('PK\x03\x04 not rtf'))), NOT_RTF.zh);
    assert.equal(refusal(importRtf(Buffer.from('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\info{\\title x}}}'))), RTF_NO_TEXT.zh);
    let started = Date.now();
    assert.equal(refusal(importRtf(Buffer.from(`{\\rtf1 ${'{'.repeat(100_000)}`))), RTF_NO_TEXT.zh);
    const opened = importRtf(Buffer.from(`{\\rtf1\\ansi\\ansicpg936 ${'{\\b '.repeat(100_000)}\\'b1\\'a8\\'b8\\'e6\\par`));
    assert.deepEqual(opened, { text: '报告\n', notes: [cutShort(100_001)] });
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    const whole = renderRtf(figures, { chinese: 'gbk', across: 'wide' }).toString('latin1');
    const cut = whole.slice(0, whole.indexOf('\\cell', whole.indexOf('\\trowd', whole.indexOf('\\trowd', whole.indexOf('\\trowd') + 1) + 1)));
    const read = importRtf(Buffer.from(cut, 'latin1'));
    assert.ok('text' in read && read.notes?.[0].zh === cutShort(1).zh && /总体情况/.test(read.text), refusal(read));
    started = Date.now();
    assert.ok('text' in importRtf(Buffer.from('{\\rtf1 某某镇年度报告\\par\\bin99999999999 {}}}', 'utf8')));
    assert.equal(typeof refusal(importRtf(Buffer.from(`{\\rtf1 \\u${'9'.repeat(30)} x\\cellx${'9'.repeat(30)}\\uc${'9'.repeat(30)} y\\par}`))), 'string');
    assert.ok(Date.now() - started < 1000);
  });

  it('RTF: a 5 MB file (a report and a picture\'s hex, and 5 MB of unbroken letters) is read in linear time', () => {
    const report = renderRtf(figures, { chinese: 'gbk', across: 'wide' }).toString('latin1');
    const big = report.replace('\\sectd', `\\sectd {\\*\\shppict{\\pict\\pngblip ${'0123456789abcdef'.repeat(5 * 65536)}}}`);
    assert.ok(big.length > 5_000_000);
    let started = Date.now();
    const draft = textOf(importRtf(Buffer.from(big, 'latin1')));
    assert.deepEqual(bound(draft, figures).wrong, []);
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
    started = Date.now();
    assert.equal(refusal(importRtf(Buffer.from(`{\\rtf1 \\${'a'.repeat(5_000_000)}}`))), RTF_NO_TEXT.zh);
    assert.equal(refusal(importRtf(Buffer.from(`{\\rtf1 ${'\\cellx1'.repeat(700_000)}}`))), RTF_NO_TEXT.zh);
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  });

  it('through the worker, by name and by what the bytes are: .odt, .fodt, .rtf; an RTF or an ODT named .doc; a .docx named .rtf', async () => {
    assert.deepEqual(['a.odt', 'a.FODT', 'a.rtf'].map(documentKind), ['odt', 'odt', 'rtf']);
    const odt = await renderOdt(figures), rtf = renderRtf(figures, { chinese: 'gbk', across: 'wide' });
    for (const [kind, bytes] of [['odt', odt], ['odt', await renderOdt(figures, { flat: true })], ['rtf', rtf], ['doc', rtf], ['doc', odt], ['docx', odt]] as const) {
      assert.deepEqual(bound(textOf(await importDocument(kind, bytes)), figures).wrong, [], kind);
    }
    assert.equal(refusal(await importDocument('rtf', Buffer.from('just some text'))), NOT_RTF.zh);
    assert.equal(refusal(await importDocument('odt', Buffer.from('PK\x03\x04 broken'))), DAMAGED.zh);
  });
});

describe('ODT and RTF: the command line', () => {
  it('nianbao check finds .odt, .fodt and .rtf in a folder and checks them: the wrong cell found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-odt-'));
    try {
      const figures = figuresOf(EXPECTED['003']);
      const wrong = withCell(figures, 't3', '3.7', 'total', String(Number(figures.cells.t3['3.7'].total) + 1));
      writeFileSync(join(dir, 'report.odt'), await renderOdt(figures));
      writeFileSync(join(dir, 'report.fodt'), await renderOdt(figures, { flat: true }));
      writeFileSync(join(dir, 'wrong.rtf'), renderRtf(wrong, { chinese: 'u-gbk', across: 'clmgf' }));
      writeFileSync(join(dir, 'broken.odt'), Buffer.from('PK\x03\x04 broken'));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'check', dir], { encoding: 'utf8', timeout: 60_000 });
      assert.match(r.stdout, /wrong\.rtf:\d+:\d+ \w+ table3-/);
      assert.doesNotMatch(r.stdout, /report\.f?odt:\d+:\d+ \w+ (table|row|cell)/);
      assert.match(r.stderr, /broken\.odt：ODT 文件已损坏或不完整，无法读取/);
      assert.match(r.stderr, /检查了 3 个文件/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ODT and RTF: the language server', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('converts an ODT and an RTF report to a draft: every cell bound; a broken one refused with its reason', async () => {
    const figures = figuresOf(EXPECTED['004']);
    for (const [uri, bytes] of [['file:///ws/report.odt', await renderOdt(figures)], ['file:///ws/report.rtf', renderRtf(figures, { chinese: 'u-gbk', across: 'wide' })]] as const) {
      const reply = await client.connection.sendRequest('nianbao/import', file(uri, bytes)) as { text: string };
      assert.deepEqual(bound(reply.text, figures).wrong, [], uri);
    }
    assert.deepEqual(await client.connection.sendRequest('nianbao/import', file('file:///ws/x.rtf', Buffer.from('not rtf'))), { refused: NOT_RTF.zh });
  });
});
