import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import JSZip from 'jszip';
import { tableSpec } from '../../server/src/core/format/statute';
import type { TableKey } from '../../server/src/core/format/schema';
import { check } from '../../server/src/core/service';
import { DAMAGED, ENCRYPTED, importOfd, NO_ENTRY, NO_PAGES, NO_TEXT, NOT_ZIP, OFD_BUDGET, partTooBig, tooBig, tooManyObjects, tooManyPages } from '../../server/src/import/ofd';
import { MAX_PAGES } from '../../server/src/import/layoutText';
import type { ImportResult } from '../../server/src/import/types';
import { assertPinpointed, sliceAt, tableFindings } from '../core/seeds';
import { EXPECTED } from '../core/expected';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';
import { startTestClient, workspaceFile as file, type TestClient } from '../lsp/lspClient';
import { contentXml, makeOfd, ofdParts, zipDeflated, type OfdOptions } from './miniofd';
import { typeset } from './minipdf';

// OFD files (server/src/import/ofd.ts): the seeds' figures typeset on pages as for the PDF tests
// (minipdf's typeset), written as OFD text objects in the ways OFD writers place text, read back
// cell by cell; a wrong cell pinpointed through the OFD; and the files that are no report's OFD,
// each refused with its reason, fast.

const KEYS: TableKey[] = ['t2', 't3', 't4'];
const WRITERS: [string, OfdOptions][] = [
  ['a text object a run (DeltaX)', { objects: 'run' }],
  ['a text object a character', { objects: 'char' }],
  ['a text object a line (DeltaX over the gaps), in a PageBlock', { objects: 'line', blocks: true }],
  ['a text object a line, a TextCode a run, scaled by a CTM, the header in a template, parts named from the root', { objects: 'codes', ctm: 4, template: true, absolute: true }],
];
const LAYOUTS_OF_PAGES = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');

function text(result: ImportResult): string {
  assert.ok('text' in result, `refused: ${'refused' in result ? result.refused.zh : ''}`);
  return result.text;
}

/** Every statutory cell of the figures, in the statute's order. */
function* cellsOf(f: Figures): Generator<{ key: TableKey; row: string; col: string; text: string }> {
  for (const key of KEYS) {
    for (const r of tableSpec(f.version, key).rows) {
      if (!r.isGroup) for (const col of r.columns) yield { key, row: r.key, col, text: f.cells[key][r.key][col] };
    }
  }
}

/** The cells the report read from `draft` does not bind to the figures' values, with a range on their digits. */
function misread(draft: string, f: Figures): string[] {
  const { report } = check(draft);
  const out: string[] = [];
  for (const { key, row, col, text: want } of cellsOf(f)) {
    const cell = report.tables[key]?.rows[row]?.cells[col];
    if (want === '' ? cell?.kind !== 'blank' : cell?.value !== Number(want) || Number(sliceAt(draft, cell.range)) !== Number(want)) out.push(`${key}.${row}.${col}: ${cell?.value} for ${want}`);
  }
  return out;
}

const withCell = (f: Figures, key: TableKey, row: string, col: string, value: string): Figures =>
  ({ ...f, cells: { ...f.cells, [key]: { ...f.cells[key], [row]: { ...f.cells[key][row], [col]: value } } } });

describe('ofd: the seeds typeset on pages, written as OFD, read back', () => {
  for (const [seed, expected] of Object.entries(EXPECTED)) {
    for (const figures of [figuresOf(expected), figures2019(expected)]) {
      for (const [writer, options] of WRITERS) {
        it(`seed ${seed} (${figures.version}), ${writer}: every cell bound with its value in every layout of pages; no table finding`, async () => {
          for (const layout of LAYOUTS_OF_PAGES) {
            const pages = typeset(layout.render(figures));
            assert.ok(pages.length >= 3);
            const draft = text(await importOfd(await makeOfd(pages, options)));
            assert.deepEqual(misread(draft, figures), [], layout.name);
            // Neither the running header nor a page number is left in the text.
            assert.doesNotMatch(draft, /某某镇政府信息公开工作年度报告|- \d+ -/, layout.name);
            assert.deepEqual(tableFindings(draft).map((f) => `${f.code} ${f.message}`), [], layout.name);
          }
        });
      }
    }
  }
});

describe('ofd: a watermark laid flat across the middle of every page (征求意见稿)', () => {
  for (const [writer, options] of WRITERS) {
    it(`${writer}: every seed, every cell bound; no table finding; the watermark not in the text`, async () => {
      for (const [i, [seed, expected]] of Object.entries(EXPECTED).entries()) {
        for (const figures of [figuresOf(expected), figures2019(expected)]) {
          const layout = LAYOUTS_OF_PAGES[i % LAYOUTS_OF_PAGES.length];
          const pages = typeset(layout.render(figures)).map((p) => ({ ...p, texts: [...p.texts, { x: 150, y: 421, size: 24, text: '征求意见稿' }] }));
          const draft = text(await importOfd(await makeOfd(pages, options)));
          const where = `seed ${seed} ${figures.version} ${layout.name}`;
          assert.deepEqual(misread(draft, figures), [], where);
          assert.deepEqual(tableFindings(draft).map((f) => `${f.code} ${f.message}`), [], where);
          assert.doesNotMatch(draft, /[征求意见稿]{2}/, where);
        }
      }
    });
  }
});

describe('ofd: one wrong cell, pinpointed through the OFD', () => {
  // Each seed in one layout of pages and one writer (a different one for each): cells of tables 3 and 4, one more.
  Object.values(EXPECTED).forEach((expected, i) => {
    const figures = i % 2 ? figures2019(expected) : figuresOf(expected);
    const layout = LAYOUTS_OF_PAGES[(3 * i) % LAYOUTS_OF_PAGES.length];
    const [writer, options] = WRITERS[i % WRITERS.length];
    it(`${figures.year} (${figures.version}), ${layout.name}, ${writer}: the cell is named, and its fix restores the value`, async () => {
      let n = 0;
      let k = 0;
      for (const { key, row, col, text: value } of cellsOf(figures)) {
        // Every fourth cell, a different quarter for each seed (the fifth seed takes the first again).
        if (key === 't2' || value === '' || k++ % 4 !== i % 4) continue;
        const wrong = String(Number(value) + 1);
        const draft = text(await importOfd(await makeOfd(typeset(layout.render(withCell(figures, key, row, col, wrong))), options)));
        assertPinpointed(draft, { key, row, col }, value, wrong, `${key} ${row} ${col} ${value}→${wrong}`);
        n++;
      }
      assert.ok(n >= 40, `${n} cells`);
    });
  });
});

describe('ofd: files that are no report’s OFD, refused with their reason, fast', () => {
  const report = typeset('某某镇2024年政府信息公开工作年度报告\n一、总体情况\n本年度……');
  /** A page's content part holding `objects` (XML) in its layer. */
  const page = (objects: string) => `<?xml version="1.0"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;
  const image = '<ofd:ImageObject ID="9" Boundary="20 20 170 250" CTM="170 0 0 250 0 0" ResourceID="5"/>';
  const timed = async (bytes: Promise<Buffer> | Buffer, budget = OFD_BUDGET) => {
    const data = await bytes;
    const started = Date.now();
    const result = await importOfd(data, budget);
    // Generous: each takes some milliseconds here (the zip bomb a second or two).
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    return result;
  };

  it('random bytes, a web page, a PDF named .ofd: not a ZIP', async () => {
    const bytes = Buffer.alloc(5000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    for (const b of [bytes, Buffer.from('<html><body>404 Not Found</body></html>'), Buffer.from('%PDF-1.7\n%%EOF\n'), Buffer.alloc(0)]) assert.deepEqual(await timed(b), { refused: NOT_ZIP });
  });

  it('a ZIP that is no OFD (a .docx renamed): no OFD.xml', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    assert.deepEqual(await timed(zip.generateAsync({ type: 'nodebuffer' })), { refused: NO_ENTRY });
  });

  it('cut short (an interrupted download), a missing or broken part: damaged', async () => {
    const whole = await makeOfd(report);
    for (const share of [0.2, 0.6, 0.95]) assert.deepEqual(await timed(whole.subarray(0, Math.floor(whole.length * share))), { refused: DAMAGED });
    assert.deepEqual(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': null } })), { refused: DAMAGED });
    assert.deepEqual(await timed(makeOfd(report, { parts: { 'Doc_0/Document.xml': '<ofd:Document><ofd:Pages><ofd:Page' } })), { refused: DAMAGED });
    assert.deepEqual(await timed(makeOfd(report, { parts: { 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>' } })), { refused: DAMAGED });
  });

  it('encrypted (GM/T 0099: Encryptions.xml beside OFD.xml): encrypted', async () => {
    assert.deepEqual(await timed(makeOfd(report, { parts: { 'Encryptions.xml': '<ofd:Encryptions xmlns:ofd="http://www.ofdspec.org/2016"><ofd:EncryptInfo ID="1"/></ofd:Encryptions>' } })), { refused: ENCRYPTED });
  });

  it('no pages; a book-length file, refused before its pages are read', async () => {
    assert.deepEqual(await timed(makeOfd([])), { refused: NO_PAGES });
    assert.deepEqual(await timed(makeOfd(Array.from({ length: MAX_PAGES + 1 }, () => report[0]))), { refused: tooManyPages(MAX_PAGES + 1) });
    assert.equal(tooManyPages(301).zh, 'OFD 有 301 页（超过 300 页），不像年度报告');
  });

  it('a scanned report (pages of images): no text; a scanned page among pages of text: read, and said', async () => {
    const scanned = { 'Doc_0/Pages/Page_0/Content.xml': page(image) };
    assert.deepEqual(await timed(makeOfd([{ texts: [] }], { parts: scanned })), { refused: NO_TEXT });
    const result = await timed(makeOfd([{ texts: [] }, ...report], { parts: scanned }));
    assert.match(text(result), /一、总体情况/);
    assert.deepEqual('notes' in result && result.notes?.map((n) => n.zh), ['第 1 页没有文字（可能是扫描的页面），未读取']);
  });

  it('a signed OFD (its signatures beside the document) is read as any other', async () => {
    const signed = await makeOfd(report, { parts: {
      'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>',
      'Doc_0/Signs/Signatures.xml': '<ofd:Signatures xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>',
      'Doc_0/Signs/Sign_0/SignedValue.dat': Buffer.from([0x30, 0x82, 0x01, 0x00]),
    } });
    assert.match(text(await timed(signed)), /一、总体情况/);
  });

  it('text written down the page (DeltaY, as table 3’s 三、本年度办理结果 is) reads a character a line', async () => {
    const down = '<ofd:TextObject ID="8" Boundary="30 100 6 40" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 0" DeltaY="g 3 7">本年度办</ofd:TextCode></ofd:TextObject>';
    const draft = text(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': contentXml(report[0].texts).replace('</ofd:Layer>', `${down}</ofd:Layer>`) } })));
    assert.match(draft, /^\s*本\n\s*年\n\s*度\n\s*办$/m);
  });

  it('a seal’s ring and a watermark (rotated text) are no part of the report', async () => {
    const rotated = '<ofd:TextObject ID="7" Boundary="100 100 40 40" Size="5" CTM="0.7 0.7 -0.7 0.7 0 0"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">某某镇人</ofd:TextCode></ofd:TextObject>';
    const draft = text(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': contentXml(report[0].texts).replace('</ofd:Layer>', `${rotated}</ofd:Layer>`) } })));
    assert.match(draft, /一、总体情况/);
    assert.doesNotMatch(draft, /某某镇人/);
  });

  it('a zip bomb (a part of 64 MB packed in under 100 KB): stopped at the budget of a part; parts too many: at the budget of the file', async () => {
    const bomb = zipDeflated({ ...ofdParts(report), 'Doc_0/Pages/Page_0/Content.xml': Buffer.alloc(64 * 1024 * 1024, 0x20) });
    assert.ok(bomb.length < 100 * 1024, `${bomb.length} bytes`);
    assert.deepEqual(await timed(bomb), { refused: partTooBig('Doc_0/Pages/Page_0/Content.xml', OFD_BUDGET.partMegabytes) });
    assert.equal(partTooBig('Doc_0/Pages/Page_0/Content.xml', 8).zh, 'OFD 中的 Doc_0/Pages/Page_0/Content.xml 解压后超过 8 MB，不像年度报告，已停止读取');
    // Each part under its budget, all of them over the file's; what is counted is what is unpacked, whatever the sizes the ZIP declares.
    const padded = (s: string) => s.replace('<ofd:Content>', `<ofd:Content>${' '.repeat(7 * 1024 * 1024)}`);
    const many = typeset(Array.from({ length: 15 }, (_, i) => `第${i}页`).join('\n\f\n'));
    assert.equal(many.length, 15);
    const parts = Object.fromEntries(Object.entries(ofdParts(many)).map(([path, content]) => [path, path.endsWith('Content.xml') ? padded(String(content)) : content]));
    assert.deepEqual(await timed(zipDeflated(parts)), { refused: tooBig(OFD_BUDGET.megabytes) });
    assert.deepEqual(await timed(makeOfd(report), { ...OFD_BUDGET, megabytes: 0.001 }), { refused: tooBig(0.001) });
    assert.ok('text' in await timed(makeOfd(report)));
  });

  it('a page of more text objects than a report has: refused, naming the page', async () => {
    const crowded = Array.from({ length: OFD_BUDGET.objectsPerPage + 1 }, (_, i) => `<ofd:TextObject ID="${i}" Boundary="${10 + (i % 50) * 3} ${20 + Math.floor(i / 50) % 250} 3 4" Size="3"><ofd:TextCode X="0" Y="3">${i % 10}</ofd:TextCode></ofd:TextObject>`).join('');
    const result = await timed(makeOfd([...report, { texts: [] }], { parts: { 'Doc_0/Pages/Page_1/Content.xml': page(crowded) } }));
    assert.deepEqual(result, { refused: tooManyObjects(2, OFD_BUDGET.objectsPerPage) });
    assert.equal(tooManyObjects(2, 50_000).zh, 'OFD 第 2 页有超过 50000 个文字对象，不像年度报告，已停止读取');
  });

  it('hostile parts read in bounded time: a repeat count of a billion, numbers that are none, blocks nested deep, entities that expand', async () => {
    const billion = '<ofd:TextObject ID="1" Boundary="20 30 100 6" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 1000000000 2.5">一、总体情况</ofd:TextCode></ofd:TextObject>';
    assert.match(text(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': page(billion) } }))), /一、总体情况/);
    const garbage = '<ofd:TextObject ID="2" Boundary="x y" Size="big" CTM="1 0 0 1 a b"><ofd:TextCode X="?" Y="" DeltaX="g g 1 z">12</ofd:TextCode></ofd:TextObject>';
    assert.match(text(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': page(billion + garbage) } }))), /一、总体情况/);
    const deep = '<ofd:PageBlock>'.repeat(50_000) + billion + '</ofd:PageBlock>'.repeat(50_000);
    assert.ok(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': page(deep) } })));
    const laughs = '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "一二三四五六七八九十"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
      + '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:TextObject ID="1" Boundary="20 30 100 6" Size="5"><ofd:TextCode X="0" Y="5">&h;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>';
    assert.ok(await timed(makeOfd(report, { parts: { 'Doc_0/Pages/Page_0/Content.xml': laughs } })));
  });
});

describe('ofd: the command line', () => {
  const figures = figuresOf(Object.values(EXPECTED)[1]);
  const pages = () => typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figures));

  it('nianbao parse reads an OFD (through dist/structured.js), which dist/cli.js does not carry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ofd-'));
    try {
      const path = join(dir, 'report.ofd');
      writeFileSync(path, await makeOfd(pages(), { objects: 'char' }));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'parse', path], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).tables.t3['3.7'].total.value, Number(figures.cells.t3['3.7'].total));
      // The command line's start-up for text files does not grow: the zip and XML readers are loaded with the importer.
      assert.doesNotMatch(readFileSync('dist/cli.js', 'utf8'), /loadAsync|OFD 文件/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nianbao check says why it cannot read an OFD, and checks the other files of the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ofd-'));
    try {
      writeFileSync(join(dir, 'encrypted.ofd'), await makeOfd(pages(), { parts: { 'Encryptions.xml': '<Encryptions/>' } }));
      writeFileSync(join(dir, 'report.ofd'), await makeOfd(pages()));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'check', dir], { encoding: 'utf8', timeout: 60_000 });
      assert.match(r.stderr, /encrypted\.ofd：OFD 文件已加密，无法读取；请提供未加密的文件/);
      assert.match(r.stderr, /检查了 1 个文件：.*；1 个文件未能检查/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ofd: the language server', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('converts an OFD report to a draft, and checks one nobody opened: the wrong cell found in it', async () => {
    const figures = figuresOf(Object.values(EXPECTED)[1]);
    const layout = LAYOUTS.find((l) => l.name === 'pdf-text')!;
    const ofd = await makeOfd(typeset(layout.render(figures)));
    const reply = await client.connection.sendRequest('nianbao/import', file('file:///ws/report.ofd', ofd)) as { text: string };
    assert.deepEqual(misread(reply.text, figures), []);
    const wrong = await makeOfd(typeset(layout.render(withCell(figures, 't3', '3.7', 'total', String(Number(figures.cells.t3['3.7'].total) + 1)))));
    await client.connection.sendRequest('nianbao/checkFile', file('file:///ws/wrong.ofd', wrong));
    const diagnostics = await client.diagnostics('file:///ws/wrong.ofd', undefined);
    assert.ok(diagnostics.some((d) => d.code === 'table3-balance' || d.code === 'table3-outcome-total'), JSON.stringify(diagnostics.map((d) => d.code)));
    const refused = await client.connection.sendRequest('nianbao/import', file('file:///ws/x.ofd', Buffer.from('PK\x03\x04 broken')));
    assert.deepEqual(refused, { refused: DAMAGED.zh });
  });
});
