import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver/node';
import { openCfb } from '../../server/src/import/cfb';
import { NO_TEXT } from '../../server/src/import/pdf';
import { makePdf } from '../import/minipdf';
import { startTestClient, workspaceFile as file, type TestClient } from './lspClient';

// The requests behind the palette's commands: a file the editor has not opened, sent as bytes.

const SEED = readFileSync('test/fixtures/seeds/000_d357ddc9fc064a6f.txt');
const ROW = '一、本年新收政府信息公开申请数量\t\t23\t';
const WRONG = Buffer.from(SEED.toString('utf8').replace(ROW, ROW.replace('23', '24')));
const GBK = readFileSync('test/fixtures/encodings/002_5381253050f8893c.gbk.txt');


describe('language server: files that are not open', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('checks a report sent as bytes and publishes its findings, without a version', async () => {
    const uri = 'file:///ws/000.txt';
    const reply = await client.connection.sendRequest('nianbao/checkFile', file(uri, WRONG));
    const diagnostics = await client.diagnostics(uri, undefined);
    assert.deepEqual(reply, { findings: diagnostics.length, report: true });
    assert.ok(diagnostics.some((d) => d.code === 'table3-balance'), JSON.stringify(diagnostics.map((d) => d.code)));
  });

  it('reads a GBK file like a UTF-8 one', async () => {
    const uri = 'file:///ws/gbk.txt';
    const reply = await client.connection.sendRequest('nianbao/checkFile', file(uri, GBK)) as { report: boolean };
    assert.equal(reply.report, true);
  });

  it('publishes nothing for a text file that is not a report, and refuses a binary one with the reason', async () => {
    const uri = 'file:///ws/notes.md';
    assert.deepEqual(await client.connection.sendRequest('nianbao/checkFile', file(uri, Buffer.from('会议纪要\n'))), { findings: 0, report: false });
    assert.deepEqual(await client.diagnostics(uri, undefined), []);
    const binary = await client.connection.sendRequest('nianbao/checkFile', file('file:///ws/x.txt', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2])));
    assert.match((binary as { refused: string }).refused, /二进制/);
  });

  it('answers for an open document with what the editor shows, not the bytes on disk', async () => {
    const uri = 'file:///ws/open.txt';
    await client.open(uri, SEED.toString('utf8'));
    const shown = await client.diagnostics(uri, 1);
    const reply = await client.connection.sendRequest('nianbao/checkFile', file(uri, WRONG));
    assert.deepEqual(reply, { findings: shown.length, report: true });
  });

  it('converts a PDF report to a draft, and checks one nobody opened (the Huaian PDF: its gold supports no finding)', async () => {
    const pdf = readFileSync('test/fixtures/corpus/huaian-city_2024.pdf');
    const reply = await client.connection.sendRequest('nianbao/import', file('file:///ws/huaian.pdf', pdf)) as { text: string };
    assert.match(reply.text, /政府信息公开工作年度报告/);
    const checked = await client.connection.sendRequest('nianbao/checkFile', file('file:///ws/huaian.pdf', pdf));
    assert.deepEqual(checked, { findings: 0, report: true });
    const scanned = await client.connection.sendRequest('nianbao/import', file('file:///ws/x.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')));
    assert.ok('refused' in (scanned as object), JSON.stringify(scanned));
  });

  it('keeps answering while it reads a PDF that pdf.js parses for seconds without a pause (3 million drawing operators, no text)', async () => {
    const drawing = makePdf([{ texts: [], operators: '0 0 m 1 1 l S\n'.repeat(1_000_000) }], { deflate: true });
    const started = Date.now();
    const importing = client.connection.sendRequest('nianbao/import', file('file:///ws/drawing.pdf', drawing));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const asked = Date.now();
    assert.deepEqual(await client.connection.sendRequest('nianbao/checkFile', file('file:///ws/meanwhile.txt', WRONG)), { findings: 2, report: true });
    const answered = Date.now() - asked;
    assert.deepEqual(await importing, { refused: NO_TEXT.zh });
    const took = Date.now() - started;
    // (On the server's own thread the check would wait for the whole PDF.)
    assert.ok(answered < 1000 && answered * 2 < took, `answered in ${answered} ms; the PDF read in ${took} ms`);
  });

  it('converts a Word 97–2003 report (.doc, and a .wps in its format) to a draft, and checks one nobody opened', async () => {
    const doc = readFileSync('test/fixtures/doc/002.doc');
    for (const name of ['file:///ws/002.doc', 'file:///ws/002.wps']) {
      const reply = await client.connection.sendRequest('nianbao/import', file(name, doc)) as { text: string };
      assert.match(reply.text, /^某某镇2024年政府信息公开工作年度报告\n/);
      assert.match(reply.text, /\n一、本年新收政府信息公开申请数量\t\t\t55\t8\t0\t0\t0\t0\t63\n/);
    }
    assert.deepEqual(await client.connection.sendRequest('nianbao/checkFile', file('file:///ws/002.doc', doc)), { findings: 0, report: true });
    const encrypted = Buffer.from(doc);
    encrypted[openCfb(doc).stream('WordDocument')!.fileOffset(0x0b)] |= 0x01; // the FIB's fEncrypted
    assert.deepEqual(await client.connection.sendRequest('nianbao/import', file('file:///ws/locked.doc', encrypted)), { refused: 'Word 文件已加密（有密码），无法读取；请取消密码后再检查' });
  });

  it('imports a text report as its text, and names why an empty one cannot be', async () => {
    assert.deepEqual(await client.connection.sendRequest('nianbao/import', file('file:///ws/a.txt', SEED)), { text: SEED.toString('utf8') });
    assert.deepEqual(await client.connection.sendRequest('nianbao/import', file('file:///ws/b.txt', Buffer.alloc(0))), { refused: '空文件，不是年度报告' });
  });
});

describe('language server: files that are not open, with rule levels set', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn', undefined, { configuration: () => ({ rules: { 'table3-balance': 'off', 'prose-mismatch': 'information' } }) }); });
  after(async () => { await client?.stop(); });

  it('publishes what the settings let through, as for an open document', async () => {
    const uri = 'file:///ws/levels.txt';
    const reply = await client.connection.sendRequest('nianbao/checkFile', file(uri, WRONG));
    const diagnostics = await client.diagnostics(uri, undefined);
    assert.deepEqual(reply, { findings: diagnostics.length, report: true });
    assert.ok(!diagnostics.some((d) => d.code === 'table3-balance'), 'the rule turned off is not published');
    const prose = diagnostics.filter((d) => d.code === 'prose-mismatch');
    assert.ok(prose.length > 0 && prose.every((d) => d.severity === 3), JSON.stringify(prose.map((d) => d.severity)));
  });
});

describe('language server: a GBK report opened as UTF-8', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('is told so, with the command that reopens it in another encoding; ordinary text with a stray � is not', async () => {
    const uri = 'file:///ws/gbk-as-utf8.txt';
    const text = GBK.toString('utf8');
    await client.open(uri, text);
    const [notice, ...rest] = await client.diagnostics(uri, 1);
    assert.equal(notice.code, 'wrong-encoding');
    assert.match(String(notice.message), /无法识别的字符.*GBK/);
    assert.deepEqual(rest, [], 'nothing else: the garbled text is not read as a report');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: notice.range, context: { diagnostics: [notice] } }) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.command?.command), ['workbench.action.editor.changeEncoding']);

    const stray = 'file:///ws/stray.txt';
    await client.open(stray, SEED.toString('utf8').replace('政府', '\ufffd政府'));
    assert.ok(!(await client.diagnostics(stray, 1)).some((d) => d.code === 'wrong-encoding'));
  });
});

describe('language server: a PDF opened in the editor as text', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('is told to convert it to a draft, not to reopen it as GBK, with the command that converts it', async () => {
    // As VS Code shows the published Huaian PDF: its bytes decoded as UTF-8, binary streams and all.
    const uri = 'file:///ws/%E5%B9%B4%E6%8A%A5/huaian-city_2024.PDF';
    await client.open(uri, readFileSync('test/fixtures/corpus/huaian-city_2024.pdf').toString('utf8'));
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['document-source']);
    assert.match(String(diagnostics[0].message), /^这是 PDF 文件.*转为草稿/);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.command?.command, a.command?.arguments]), [['转为草稿', 'nianbao.convertToDraft', [uri]]]);

    // A text report is not one: its name says .txt.
    const report = 'file:///ws/report.txt';
    await client.open(report, SEED.toString('utf8'));
    assert.ok(!(await client.diagnostics(report, 1)).some((d) => d.code === 'document-source'));
  });
});
