import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { openCfb } from '../../server/src/import/cfb';
import { importHtml } from '../../server/src/import/html';
import { importDocument, importText } from '../../server/src/import/index';
import { findingsInSource } from '../../server/src/import/inSource';
import type { Imported, ImportResult } from '../../server/src/import/types';
import { EXPECTED } from '../core/expected';
import { SEEDS, sliceAt } from '../core/seeds';
import { renderDocx } from '../layouts/docx';
import { figuresOf } from '../layouts/figures';
import { renderHtml } from '../layouts/html';
import { random } from '../layouts/typeset';

// Documents that hold no report, or cannot be read: one clear reason each, never a crash or a hang,
// never a finding that blames the author for what the importer could not read.

const BROKEN = '不是有效的 Word 文件（可能已损坏或不完整）';
const refusal = (r: ImportResult) => ('refused' in r ? r.refused.zh : `imported: ${(r as Imported).text.slice(0, 80)}`);

describe('Word files that cannot be read', () => {
  it('a truncated .docx, random bytes, a zip that is not a Word file: not a valid Word file', async () => {
    const whole = await renderDocx(figuresOf(EXPECTED['001']));
    const next = random(5);
    const noise = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(next() * 256)));
    for (const bytes of [whole.subarray(0, whole.length >> 1), whole.subarray(0, 100), noise, Buffer.concat([Buffer.from('PK\x03\x04'), noise])]) {
      assert.equal(refusal(await importDocument('docx', bytes)), BROKEN);
    }
  });

  it('a password-protected .docx (a compound file holding EncryptedPackage, no WordDocument): encrypted', async () => {
    const r = await importDocument('docx', renamed(DOC(), 'WordDocument', 'EncryptedPackage'));
    assert.equal(refusal(r), ENCRYPTED);
    assert.match((r as { refused: { en: string } }).refused.en, /encrypted/);
  });
});

// A .doc, from test/fixtures/doc (a compound file: the WordDocument, 1Table and Data streams).
const DOC = () => readFileSync(join('test', 'fixtures', 'doc', '002.doc'));
const ENCRYPTED = 'Word 文件已加密（有密码），无法读取；请取消密码后再检查';
const NOT_WORD = '不是 Word 97–2003 格式的文件（可能是旧版 WPS 或其他软件的格式）；请在 WPS 或 Word 中另存为 .docx 后再检查';
/** A refusal that is the importer's own failure (an exception caught), not a reason about the file. */
const FAILED = /^读取时出错/;

/** Where a stream's directory entry is in the file: 128 bytes, starting with its name (UTF-16LE). */
function entryOf(file: Buffer, stream: string): number {
  const name = Buffer.from(`${stream}\0`, 'utf16le');
  for (let at = 512; at + 128 <= file.length; at += 128) if (file.subarray(at, at + name.length).equals(name)) return at;
  throw new Error(`no stream ${stream}`);
}

/** The file with a top-level stream renamed: its directory entry's name and the name's length. */
function renamed(file: Buffer, from: string, to: string): Buffer {
  const out = Buffer.from(file);
  const at = entryOf(out, from);
  out.fill(0, at, at + 64);
  Buffer.from(`${to}\0`, 'utf16le').copy(out, at);
  out.writeUInt16LE((to.length + 1) * 2, at + 64);
  return out;
}

/** Where byte `i` of the WordDocument stream, and of the piece table's first piece's offset, are in the file. */
function places(file: Buffer) {
  const cfb = openCfb(file);
  const word = cfb.stream('WordDocument')!;
  const w = Buffer.from(word.bytes);
  const lwAt = 0x22 + w.readUInt16LE(0x20) * 2 + 2;
  const blob = lwAt + w.readUInt16LE(lwAt - 2) * 4 + 2;
  const table = cfb.stream(w.readUInt16LE(0x0a) & 0x200 ? '1Table' : '0Table')!;
  const t = Buffer.from(table.bytes);
  let clx = w.readUInt32LE(blob + 33 * 8);
  while (t[clx] === 1) clx += 3 + t.readInt16LE(clx + 1);
  const pieces = (t.readUInt32LE(clx + 1) - 4) / 12;
  return { word: (i: number) => word.fileOffset(i), ccpText: word.fileOffset(lwAt + 12), firstPieceFc: table.fileOffset(clx + 5 + 4 * (pieces + 1) + 2) };
}

/** Imported within a second, and either refused with a reason or read: never the importer's own failure. */
async function fast(bytes: Uint8Array, kind: 'doc' | 'docx' = 'doc'): Promise<ImportResult> {
  const started = performance.now();
  const r = await importDocument(kind, bytes);
  assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
  assert.doesNotMatch(refusal(r), FAILED);
  return r;
}

describe('.doc files that cannot be read: one clear reason each, at once', () => {
  it('cut short anywhere: refused, or (cut in the last sector\'s padding) read whole', async () => {
    const whole = DOC();
    for (const at of [0, 8, 100, 511, 512, 1000, 4096, whole.length >> 2, whole.length >> 1, (whole.length * 3) >> 2, whole.length - 512, whole.length - 1]) {
      const r = await fast(whole.subarray(0, at));
      if ('text' in r) assert.equal(r.text, (await importDocument('doc', whole) as { text: string }).text, `cut at ${at}`);
      else assert.ok(r.refused.zh.length > 0);
    }
    assert.equal(refusal(await fast(whole.subarray(0, whole.length >> 1))), BROKEN);
  });

  it('random bytes after the compound file\'s signature, and random bytes changed in a real .doc: a reason, never a crash', async () => {
    const next = random(11);
    const whole = DOC();
    for (let k = 0; k < 20; k++) {
      const noise = Buffer.from(Array.from({ length: 512 * (1 + Math.floor(next() * 64)) }, () => Math.floor(next() * 256)));
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(noise);
      assert.equal(refusal(await fast(noise)), BROKEN);
    }
    for (let k = 0; k < 300; k++) {
      const hurt = Buffer.from(whole);
      for (let j = 0; j < 1 + k % 20; j++) hurt[Math.floor(next() * hurt.length)] = Math.floor(next() * 256);
      await fast(hurt);
    }
  });

  it('the FIB\'s fEncrypted flag: encrypted', async () => {
    const file = DOC();
    file[places(file).word(0x0b)] |= 0x01;
    assert.equal(refusal(await fast(file)), ENCRYPTED);
  });

  it('huge counts and sizes, a sector chain in a loop, a piece outside the stream: not a valid Word file', async () => {
    const hurt = (change: (f: Buffer) => void) => { const f = DOC(); change(f); return f; };
    const cases = {
      'FAT sectors 2^32 - 1': hurt((f) => f.writeUInt32LE(0xffffffff, 44)),
      'the directory past the end': hurt((f) => f.writeUInt32LE(0x7ffffff0, 48)),
      'sectors of 2^30 bytes': hurt((f) => f.writeUInt16LE(30, 30)),
      'WordDocument 4 GB long': hurt((f) => f.writeUInt32LE(0xfffffff0, entryOf(f, 'WordDocument') + 120)),
      'WordDocument\'s first sector chained to itself': hurt((f) => {
        const sector = (places(f).word(0) >> 9) - 1;
        assert.ok(sector >= 0 && sector < 128);
        f.writeUInt32LE(sector, (f.readUInt32LE(76) + 1) * 512 + 4 * sector);
      }),
      'a UTF-16 piece past the stream': hurt((f) => f.writeUInt32LE(0x3fffff00, places(f).firstPieceFc)),
      'an 8-bit piece past the stream': hurt((f) => f.writeUInt32LE(0x7fffff00, places(f).firstPieceFc)),
    };
    for (const [what, f] of Object.entries(cases)) assert.equal(refusal(await fast(f)), BROKEN, what);
    // A main text said to be 2^31 − 1 characters long: what the pieces hold is read, no more.
    const long = await fast(hurt((f) => f.writeInt32LE(0x7fffffff, places(f).ccpText)));
    assert.ok('text' in long && long.text.includes('一、总体情况'), refusal(long));
  });

  it('a compound file without a Word document (a spreadsheet), or a Word 95 file: said so', async () => {
    assert.equal(refusal(await fast(renamed(DOC(), 'WordDocument', 'Workbook'))), NOT_WORD);
    const word95 = DOC();
    word95.writeUInt16LE(0x65, places(word95).word(2));
    assert.equal(refusal(await fast(word95)), '是 Word 95 或更早版本的格式，无法读取；请在 Word 或 WPS 中另存为 .docx');
  });

  it('a .wps or .doc that is no compound file (an old WPS format), RTF (read as RTF), or a web page saved as .doc', async () => {
    assert.equal(refusal(await fast(Buffer.from('WPS\0 some old Kingsoft format'))), NOT_WORD);
    assert.deepEqual(await fast(Buffer.from('{\\rtf1\\ansi 一、总体情况}')), { text: '一、总体情况\n' });
    const page = await fast(Buffer.from('\ufeff<html><body><p>某某镇2024年政府信息公开工作年度报告</p></body></html>'));
    assert.ok('text' in page && page.text.startsWith('某某镇2024年'), refusal(page));
  });
});

describe('web pages that hold no report, or are hostile', () => {
  it('a page with no report: read, and no finding', () => {
    const { text } = importHtml('<html><head><title>首页</title></head><body><nav>首页 | 政务公开</nav><h1>某某镇人民政府</h1><p>2024年12月31日 通知公告</p><table><tr><td>1</td><td>2</td></tr></table></body></html>');
    assert.match(text, /某某镇人民政府/);
    const result = check(text);
    assert.equal(result.report.looksLikeReport, false);
    assert.deepEqual(result.findings, []);
  });

  it('a page with no text at all is refused', async () => {
    assert.equal(refusal(await importDocument('html', Buffer.from('<html><body><script>var a = 1;</script><img src=x></body></html>'))), '网页中没有文字');
  });

  it('10,000 nested divs and tables, unclosed tags, huge spans: read in seconds, not a hang', () => {
    const pages = [
      '<div>'.repeat(10_000) + '政府信息公开工作年度报告' + '</div>'.repeat(10_000),
      '<table><tr><td>'.repeat(10_000) + '自然人 5' + '</td></tr></table>'.repeat(10_000),
      // (parse5 itself takes seconds over 10,000 of these: its reconstruction of formatting elements)
      '<b><i><font><span><p>一、总体情况'.repeat(3_000),
      '<td rowspan=65534 colspan=1000>1<tr><td rowspan=0>2'.repeat(2_000),
      '<p>'.repeat(10_000) + '&nbsp;&amp;&#x5E74;&#24180;&unknown;&' + '<br>'.repeat(10_000),
      // A text node of 200,000 entities: as many pieces of text, none spread onto the stack.
      '<p>' + '&#24180;'.repeat(200_000) + '</p>',
    ];
    for (const page of pages) {
      const started = performance.now();
      const { text } = importHtml(page);
      check(text);
      assert.ok(performance.now() - started < 10_000, `${page.slice(0, 40)}: ${performance.now() - started} ms`);
    }
  });

  it('a text draft with hostile HTML tables: 30,000 on one line, 10,000 nested, unclosed: read in seconds, not a hang', () => {
    const texts = [
      '# 某某镇2023年政府信息公开工作年度报告\n' + '<table><tr><td>自然人</td><td>5</td></tr></table>'.repeat(30_000),
      '三、收到和处理政府信息公开申请情况\n' + '<table><tr><td>'.repeat(10_000) + '自然人 5' + '</td></tr></table>'.repeat(10_000),
      '<table><tr><td>一、本年新收政府信息公开申请数量<td>5<td rowspan=65534 colspan=1000>1<tr><td rowspan=0>2'.repeat(2_000),
    ];
    for (const text of texts) {
      const started = performance.now();
      const imported = importText(text);
      check(imported.text);
      assert.ok(performance.now() - started < 10_000, `${text.slice(0, 40)}: ${performance.now() - started} ms`);
    }
  });

  it('entities and line breaks: the text decoded, each character mapped to its source', () => {
    const page = '<p>A&amp;B&nbsp;年\r\n度&#24180;x</p>';
    const { text, source } = importHtml(page);
    assert.equal(text, 'A&B 年度年x\n');
    const at = (i: number) => source!.map.toSource(i, i + 1);
    assert.deepEqual(at(0), { start: 3, end: 4, exact: true }); // A
    assert.deepEqual(at(1), { start: 4, end: 9, exact: false }); // &amp;
    assert.deepEqual(at(2), { start: 9, end: 10, exact: true }); // B
    assert.deepEqual(at(6), { start: page.indexOf('&#24180;'), end: page.indexOf('x'), exact: false });
    assert.deepEqual(at(7), { start: page.indexOf('x'), end: page.indexOf('x') + 1, exact: true });
  });

  it('a web page saved as GBK (<meta charset=gbk>) reads as the same page in UTF-8', async () => {
    // Seed 002 as GBK (test/fixtures/encodings), a paragraph per line: the same bytes in ASCII tags.
    const gbk = readFileSync(join('test', 'fixtures', 'encodings', '002_5381253050f8893c.gbk.txt'));
    const utf8 = readFileSync(join('test', 'fixtures', 'seeds', '002_5381253050f8893c.txt'));
    const page = (bytes: Buffer, charset: string) => Buffer.concat([
      Buffer.from(`<html><head><meta charset="${charset}"></head><body>`),
      ...splitLines(bytes).map((line) => Buffer.concat([Buffer.from('<p>'), line, Buffer.from('</p>\n')])),
      Buffer.from('</body></html>'),
    ]);
    const fromGbk = await importDocument('html', page(gbk, 'gbk'));
    const fromUtf8 = await importDocument('html', page(utf8, 'utf-8'));
    assert.ok('text' in fromGbk && 'text' in fromUtf8, refusal(fromGbk));
    assert.equal(fromGbk.encoding, 'GB18030');
    assert.equal(fromGbk.text, fromUtf8.text);
    assert.match(fromGbk.text, /政府信息公开工作年度报告/);
  });
});

/** A GBK text's lines: 0x0A is never part of a GBK character. */
function splitLines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const end = bytes.indexOf(0x0a, at);
    out.push(bytes.subarray(at, end < 0 ? bytes.length : end));
    at = end < 0 ? bytes.length : end + 1;
  }
  return out;
}

describe('a page that names the report only in its <title>', () => {
  it('has that title as its first line, and the report its year', () => {
    const f = figuresOf(EXPECTED['003']);
    const { html } = renderHtml(f);
    const bare = html.replace(/<h1[^]*?<\/h1>/, '').replace(/<div class="crumb">[^]*?<\/div>/, '');
    assert.ok(!/<h1/.test(bare));
    const { text } = importHtml(bare);
    assert.equal(text.split('\n')[0], `某某镇${f.year}年政府信息公开工作年度报告_某某镇人民政府`);
    assert.equal(check(text).report.year, f.year);
  });
});

describe('a page whose article is boxed in a table of one cell', () => {
  it('reads the article\'s paragraphs as lines, its tables as tables (a cell with a whole article in it is layout)', () => {
    const f = figuresOf(EXPECTED['002']);
    const { html } = renderHtml(f);
    // Old sites: the article in one cell of a table, the statutory tables inside it.
    const boxed = html.replace('<div class="content">', '<table width="100%"><tr><td class="content">').replace('</div>\n</div>\n<div class="footer">', '</td></tr></table>\n</div>\n<div class="footer">');
    assert.notEqual(boxed, html);
    // …or with no table inside (the statistics published as images): still a line per paragraph.
    const noTables = boxed.replace(/<table border="1"[^]*?<\/table>\n/g, '');
    // …or beside a column of links.
    const sidebar = noTables.replace('<td class="content">', '<td class="side"><a href="/">首页</a><br><a href="/zwgk">政务公开</a></td><td class="content">');
    for (const page of [boxed, noTables, sidebar]) {
      const { text } = importHtml(page);
      assert.ok(text.split('\n').includes('一、总体情况'), text.slice(0, 300));
      assert.ok(text.split('\n').includes('六、其他需要报告的事项'));
    }
    assert.deepEqual(check(importHtml(boxed).text).findings.map((x) => x.code), []);
  });
});

describe('a draft published as it was typed, in a <pre>', () => {
  it('every seed: the draft is the seed\'s text, and each finding is on the same text in the HTML', () => {
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    for (const { name, text: seed } of SEEDS) {
      const html = `<html><head><title>年度报告</title></head><body><div class="nav">首页</div>\n<pre>\n${escape(seed)}</pre>\n<div class="footer">版权所有 2025</div></body></html>`;
      const { text, source } = importHtml(html);
      assert.equal(text, seed.endsWith('\n') ? seed : `${seed}\n`, name);
      const inSeed = check(seed).findings;
      const inHtml = findingsInSource(check(text).findings, text, source!);
      assert.deepEqual(inHtml.map((f) => `${f.code} ${sliceAt(html, f.range)}`), inSeed.map((f) => `${f.code} ${escape(sliceAt(seed, f.range))}`), name);
    }
  });
});
