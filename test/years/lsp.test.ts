import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification, FileChangeType,
  type CodeAction, type Diagnostic,
} from 'vscode-languageserver/node';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';
import { startTestClient, type TestClient } from '../lsp/lspClient';
import { asDocx, changed, lastYearOf, THIS_YEAR } from './pairs';

// The language server finds last year's report in the workspace folder (on disk, or open in the
// editor) and shows the findings across years on this year's document, with related information in
// last year's file; they follow changes of either file: on disk (a watched-file notification) or in
// the editor.

/** Last year's report with 结转下年度 · 商业企业 2 where this year's 上年结转 has 0. */
const BROKEN = changed(lastYearOf(), '四、结转下年度继续办理', '0', '2');
const at = (text: string, r: Range) => { const idx = new LineIndex(text); return text.slice(idx.offset(r.start), idx.offset(r.end)); };
const carryover = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'carryover-mismatch');

describe('the language server across years', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lsp-years-'));
  const thisYear = pathToFileURL(join(dir, '2024年报告.txt')).href;
  const lastYearFile = join(dir, '上年', '2023年报告.txt');
  const lastYear = pathToFileURL(lastYearFile).href;
  let rules: Record<string, string> = {};
  let client: TestClient;

  /** The diagnostics of the document once they satisfy `ok`, published after the call (at most ten publications). */
  async function until(uri: string, ok: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (let i = 0; i < 10; i++) {
      const ds = await client.nextDiagnostics(uri);
      if (ok(ds)) return ds;
    }
    throw new Error('the diagnostics never came');
  }

  before(async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, '上年'));
    writeFileSync(lastYearFile, BROKEN);
    client = await startTestClient('zh-cn', undefined, { configuration: () => ({ rules }), workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'reports' }] });
  });
  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows carryover-mismatch on this year’s cell, related to last year’s file on disk, with its value as a fix', async () => {
    const shown = until(thisYear, (ds) => carryover(ds).length > 0);
    await client.open(thisYear, THIS_YEAR);
    const [d, ...rest] = carryover(await shown);
    assert.deepEqual(rest, []);
    assert.equal(at(THIS_YEAR, d.range), '0');
    assert.match(String(d.message), /“商业企业”列为 0，上年（2023年）报告“结转下年度继续办理”为 2/);
    const [related] = d.relatedInformation!;
    assert.equal(related.location.uri, lastYear);
    assert.equal(at(BROKEN, related.location.range), '2');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: thisYear }, range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
    const fix = actions.find((a) => a.title.endsWith('改为上年结转下年度的 2'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.match(JSON.stringify(fix.edit), /"newText":"2"/);
    const all = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: thisYear }, range: d.range, context: { diagnostics: [], only: ['source.fixAll.nianbao'] } }) as CodeAction[];
    assert.equal(all.length, 1, 'seed 002 has safe fixes (section numerals)');
    assert.doesNotMatch(JSON.stringify(all[0].edit), new RegExp(`"line":${d.range.start.line},`), 'fix-all does not take last year’s value');
  });

  it('the finding goes when last year’s file is corrected on disk (a watched-file notification)', async () => {
    writeFileSync(lastYearFile, lastYearOf());
    const gone = until(thisYear, (ds) => carryover(ds).length === 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lastYear, type: FileChangeType.Changed }] });
    await gone;
  });

  it('last year’s report open in the editor counts as it is there, and its edits reach this year’s', async () => {
    const back = until(thisYear, (ds) => carryover(ds).length === 1);
    await client.open(lastYear, BROKEN);
    await back;
    const gone = until(thisYear, (ds) => carryover(ds).length === 0);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: lastYear, version: 2 }, contentChanges: [{ text: lastYearOf() }] });
    await gone;
    const again = until(thisYear, (ds) => carryover(ds).length === 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: lastYear, version: 3 }, contentChanges: [{ text: BROKEN }] });
    await again;
    // Closed, it is read from disk again, where it is consistent.
    const closed = until(thisYear, (ds) => carryover(ds).length === 0);
    await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: lastYear } });
    await closed;
  });

  it('follows this year’s edits and the rule levels of the settings', async () => {
    writeFileSync(lastYearFile, BROKEN);
    const back = until(thisYear, (ds) => carryover(ds).length === 1);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: lastYear, type: FileChangeType.Changed }] });
    await back;
    const fixed = until(thisYear, (ds) => carryover(ds).length === 0);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: thisYear, version: 2 }, contentChanges: [{ text: changed(THIS_YEAR, '二、上年结转', '0', '2') }] });
    await fixed;
    const wrong = until(thisYear, (ds) => carryover(ds).length === 1);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: thisYear, version: 3 }, contentChanges: [{ text: THIS_YEAR }] });
    await wrong;
    rules = { 'carryover-mismatch': 'off' };
    const off = until(thisYear, (ds) => carryover(ds).length === 0);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await off;
  });

  it('a section pasted from last year’s Word file: one finding on its heading, related to each paragraph here and to the Word file’s start', async () => {
    const docxFile = join(dir, '上年', '2023年报告.docx'), docx = pathToFileURL(docxFile).href;
    writeFileSync(docxFile, await asDocx(lastYearOf(undefined, { copyFive: true })));
    unlinkSync(lastYearFile);
    const copied = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'copied-text');
    const shown = until(thisYear, (ds) => copied(ds).length > 0);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [
      { uri: lastYear, type: FileChangeType.Deleted }, { uri: docx, type: FileChangeType.Created },
    ] });
    const [d, ...rest] = copied(await shown);
    assert.deepEqual(rest, []);
    assert.equal(at(THIS_YEAR, d.range), '五、存在的主要问题及改进情况');
    const related = d.relatedInformation!;
    assert.deepEqual(related.map((r) => r.location.uri), [thisYear, docx, thisYear, docx]);
    assert.deepEqual([related[0], related[2]].map((r) => at(THIS_YEAR, r.location.range).slice(0, 8)), ['（一）存在的问题', '（二）改进的措施'], 'this year’s places stay where they are');
    assert.deepEqual(related[1].location.range.start, { line: 0, character: 0 });
    assert.match(related[1].message, /^上年报告中的这一段（转为草稿后第 \d+ 行）$/);
  });
});
