import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver/node';
import { check } from '../../server/src/core/service';
import { importDocument } from '../../server/src/import/index';
import { startTestClient, workspaceFile as file, type TestClient } from './lspClient';

// The request behind “导出 Word” (nianbao/export), answered by the built server (dist/server.js), which
// loads the exporter's bundle (dist/exporter.js) for it: the .docx, and the errors the client asks about.

const SEED = readFileSync('test/fixtures/seeds/000_d357ddc9fc064a6f.txt', 'utf8');
const ROW = '一、本年新收政府信息公开申请数量\t\t23\t';
const WRONG = SEED.replace(ROW, ROW.replace('23', '24'));
type Reply = { data: string; errors: number; notes: string[] } | { refused: string };

async function natural(reply: Reply): Promise<number | null> {
  assert.ok('data' in reply, JSON.stringify(reply));
  const imported = await importDocument('docx', Buffer.from(reply.data, 'base64'));
  assert.ok('text' in imported);
  return check(imported.text).report.tables.t3!.rows['1'].cells.natural.value;
}

describe('language server: nianbao/export', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });
  const ask = (params: object) => client.connection.sendRequest('nianbao/export', params) as Promise<Reply>;

  it('a report without errors: the Word file, no error to ask about', async () => {
    const reply = await ask(file('file:///ws/000.txt', SEED));
    assert.ok('data' in reply && reply.errors === 0 && reply.notes.length === 0, JSON.stringify({ ...reply, data: undefined }));
    assert.equal(await natural(reply), 23);
  });

  it('a report with errors: the Word file all the same, with their count for the client to ask about', async () => {
    const reply = await ask(file('file:///ws/wrong.txt', WRONG));
    const errors = check(WRONG).findings.filter((f) => f.severity === 'error').length;
    assert.ok(errors > 0);
    assert.ok('errors' in reply && reply.errors === errors);
    assert.equal(await natural(reply), 24);
  });

  it('an open document as the editor has it, not as the bytes on disk', async () => {
    const uri = 'file:///ws/open.txt';
    await client.open(uri, SEED);
    const reply = await ask(file(uri, WRONG));
    assert.ok('errors' in reply && reply.errors === 0);
    assert.equal(await natural(reply), 23);
  });

  it('an error the user chose to ignore in the document is not asked about, as the Problems panel does not show it', async () => {
    const uri = 'file:///ws/ignored.txt';
    await client.open(uri, WRONG);
    const errors = (await client.diagnostics(uri, 1)).filter((d) => d.severity === 1);
    assert.equal(errors.length, 1);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: errors[0].range, context: { diagnostics: errors } }) as CodeAction[];
    const [, key] = actions.find((a) => a.command?.command === 'nianbao.silence')!.command!.arguments as [string, string];
    const before = await ask(file(uri, WRONG));
    assert.ok('errors' in before && before.errors === 1);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('nianbao/silenced', { uri, keys: [key] });
    await next;
    const reply = await ask(file(uri, WRONG));
    assert.ok('errors' in reply && reply.errors === 0, JSON.stringify({ ...reply, data: undefined }));
  });

  it('a table not read whole is named; a text that is no report is refused with the reason', async () => {
    const md = readFileSync('test/fixtures/corpus/shanghai-govoffice_2025_pdf-to-markdown.md', 'utf8');
    const reply = await ask(file('file:///ws/shanghai.md', md));
    assert.ok('notes' in reply);
    assert.deepEqual(reply.notes, ['表二没有完全读懂，按原文导出，没有画成法定表格']);
    assert.deepEqual(await ask(file('file:///ws/notes.txt', '会议记录\n今天讨论了三件事。\n')), { refused: '不像政府信息公开工作年度报告（标题中没有“年度报告”，也找不到法定统计表）' });
  });
});
