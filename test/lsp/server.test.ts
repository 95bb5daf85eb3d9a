import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionKind, CodeActionRequest, CodeActionTriggerKind, DiagnosticSeverity, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  TextDocumentEdit,
  type CodeAction, type Command, type Diagnostic, type MarkupContent, type Range, type TextEdit,
} from 'vscode-languageserver/node';
import { startTestClient, type TestClient } from './lspClient';

// The language server over a real LSP connection: seed 000 with one wrong figure. Its table 3 says
// 一、本年新收政府信息公开申请数量 has 23 applications from natural persons; we write 24 there.
// The seed has one real mistake of its own: its text says 行政诉讼 2 件 while table 4 has none.
// The cases run in order and share the documents' version numbers.

const SEED = readFileSync('test/fixtures/seeds/000_d357ddc9fc064a6f.txt', 'utf8');
const ROW = '一、本年新收政府信息公开申请数量\t\t23\t';
assert.ok(SEED.includes(ROW), 'the seed still has the row this test edits');
const TEXT = SEED.replace(ROW, ROW.replace('23', '24'));
const URI = 'file:///reports/000.txt';

/** Where the injected 24 stands. */
const CELL: Range = (() => {
  const line = TEXT.split('\n').findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  const character = TEXT.split('\n')[line].indexOf('\t24\t') + 1;
  return { start: { line, character }, end: { line, character: character + 2 } };
})();

const change = (c: TestClient, uri: string, version: number, contentChanges: ({ text: string } | { range: Range; text: string })[]) =>
  c.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });

const codeActions = async (c: TestClient, diagnostics: Diagnostic[], only?: string[]) =>
  ((await c.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: URI }, range: CELL, context: { diagnostics, only },
  })) ?? []) as (CodeAction | Command)[];

const messageText = (m: string | MarkupContent) => (typeof m === 'string' ? m : m.value);

/** The edits of a code action's versioned workspace edit (the test client asks for documentChanges). */
function editsOf(action: CodeAction | Command | undefined): TextEdit[] {
  const change = (action as CodeAction | undefined)?.edit?.documentChanges?.[0];
  assert.ok(change && TextDocumentEdit.is(change), 'a versioned text document edit');
  assert.equal(change.textDocument.uri, URI);
  return change.edits.filter((e): e is TextEdit => 'newText' in e);
}

describe('language server over stdio', () => {
  let client: TestClient;
  let diagnostic: Diagnostic;

  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('reports the wrong cell once, on its range, in Chinese', async () => {
    await client.open(URI, TEXT);
    const diagnostics = await client.diagnostics(URI, 1);
    diagnostic = diagnostics.find((d) => d.code === 'table3-balance')!;
    assert.ok(diagnostic, JSON.stringify(diagnostics, null, 1));
    assert.deepEqual(diagnostic.range, CELL);
    assert.equal(diagnostic.source, 'nianbao');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.match(messageText(diagnostic.message), /23/);
    assert.match(messageText(diagnostic.message), /[\u4e00-\u9fff]/);
    assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/table3-balance\.md$/);
    assert.ok(diagnostic.relatedInformation?.length);
    for (const r of diagnostic.relatedInformation) assert.equal(r.location.uri, URI);
    assert.deepEqual(diagnostics.map((d) => d.code), ['prose-mismatch', 'table3-balance'], 'besides the seed\'s own mistake, nothing else');
  });

  it('offers a preferred quick fix that writes 23 into the cell', async () => {
    const actions = await codeActions(client, [diagnostic]);
    const fix = actions.find((a) => 'kind' in a && a.kind === CodeActionKind.QuickFix) as CodeAction | undefined;
    assert.ok(fix, JSON.stringify(actions));
    assert.match(fix.title, /^修正：/);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(editsOf(fix), [{ range: CELL, newText: '23' }]);
  });

  it('offers source.fixAll.nianbao only when asked for it', async () => {
    const actions = await codeActions(client, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => 'kind' in a && a.kind), ['source.fixAll.nianbao']);
    const edits = editsOf(actions[0]);
    // The seed's own 行政诉讼 2 件 (table 4 says 0) is prose: the author fixes it, not fix-all.
    assert.deepEqual(edits, [{ range: CELL, newText: '23' }]);
  });

  it('gives no fix for a version it has not checked yet', async () => {
    const end = { line: TEXT.split('\n').length - 1, character: TEXT.split('\n').at(-1)!.length };
    await change(client, URI, 2, [{ range: { start: end, end }, text: '\n' }]);
    assert.deepEqual(await codeActions(client, [diagnostic]), [], 'version 2 is still waiting for its validation');
    assert.ok((await client.diagnostics(URI, 2)).some((d) => d.code === 'table3-balance'));
    assert.equal((await codeActions(client, [diagnostic])).filter((a) => 'edit' in a).length, 1);
  });

  it('drops the diagnostic once the fix is applied', async () => {
    const [edit] = editsOf((await codeActions(client, [diagnostic]))[0]);
    await change(client, URI, 3, [{ range: edit.range, text: edit.newText }]);
    assert.deepEqual((await client.diagnostics(URI, 3)).map((d) => d.code), ['prose-mismatch']);
  });

  it('publishes an empty list for a text file that is not a report', async () => {
    const notes = 'untitled:notes';
    await client.open(notes, '会议纪要\n\n一、总体情况\n\n本年收到 23 件，答复 24 件。\n');
    assert.deepEqual(await client.diagnostics(notes, 1), []);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: notes } });
  });

  it('survives binary garbage, a 2 MB text and a half-typed report', async () => {
    const garbage = Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 131 + 7) % 256)).toString('latin1') + '\u0000\ud800\uffff';
    const inputs = [garbage, '年'.repeat(2 * 1024 * 1024), TEXT.slice(0, TEXT.indexOf(ROW) + 20)];
    for (const [i, text] of inputs.entries()) {
      await change(client, URI, 4 + i, [{ text }]);
      assert.ok(Array.isArray(await client.diagnostics(URI, 4 + i)));
    }
    assert.ok(Array.isArray(await codeActions(client, [diagnostic])), 'still answers requests');
    assert.ok(client.isAlive());
  });

  it('says so, instead of checking, when a report is too large to check while typing', async () => {
    await change(client, URI, 20, [{ text: '某镇2023年政府信息公开工作年度报告\n' + '年'.repeat(1_100_000) }]);
    const diagnostics = await client.diagnostics(URI, 20);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['too-large', 3]]);
    assert.match(messageText(diagnostics[0].message), /超过 1000000/);
  });
});

describe('fix on save', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  // What VS Code 1.100 sends for "editor.codeActionsOnSave": {"source.fixAll.nianbao": "explicit"}
  // (saveParticipants.ts → getCodeActions): the whole document as the range, `only` the setting's key,
  // the trigger Automatic, and the diagnostics it shows, which are still those of the last published
  // version. It sends it right after the didChange of the last keystroke, inside the server's debounce.
  it('answers the request VS Code sends on save, right after a change, with versioned edits for that change', async () => {
    const uri = 'file:///reports/save.txt';
    await client.open(uri, SEED);
    const shown = await client.diagnostics(uri, 1);
    await change(client, uri, 2, [{ text: TEXT }]);
    const lines = TEXT.split('\n');
    const actions = ((await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines.at(-1)!.length } },
      context: { diagnostics: shown, only: ['source.fixAll.nianbao'], triggerKind: CodeActionTriggerKind.Automatic },
    })) ?? []) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.nianbao'], 'one fix-all action, though version 2 was not validated yet');
    const change2 = actions[0].edit?.documentChanges?.[0];
    assert.ok(change2 && TextDocumentEdit.is(change2));
    assert.deepEqual(change2.textDocument, { uri, version: 2 }, 'edits for the version being saved');
    assert.deepEqual(change2.edits, [{ range: CELL, newText: '23' }]);
    // The debounced validation of version 2 still publishes, from the same check.
    assert.ok((await client.diagnostics(uri, 2)).some((d) => d.code === 'table3-balance'));
  });
});

describe('language server with an English client', () => {
  let client: TestClient;

  it('speaks Chinese by default, whatever the display language', async () => {
    const zh = await startTestClient('en-US');
    try {
      await zh.open(URI, TEXT, 'nianbao');
      const diagnostic = (await zh.diagnostics(URI, 1)).find((d) => d.code === 'table3-balance');
      assert.match(messageText(diagnostic!.message), /勾稽关系/);
    } finally {
      await zh.stop();
    }
  });

  before(async () => { client = await startTestClient('en-US', 'auto'); });
  after(async () => { await client?.stop(); });

  it('with nianbao.language “auto”, reports in English and titles the fix in English', async () => {
    await client.open(URI, TEXT, 'nianbao');
    const diagnostic = (await client.diagnostics(URI, 1)).find((d) => d.code === 'table3-balance');
    assert.ok(diagnostic);
    assert.match(messageText(diagnostic.message), /23/);
    assert.doesNotMatch(messageText(diagnostic.message), /勾稽关系/);
    const [fix] = await codeActions(client, [diagnostic]);
    assert.match(fix.title, /^Fix: /);
  });
});
