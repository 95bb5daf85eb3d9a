import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionKind, CodeActionRequest, DocumentSymbolRequest, InlayHintRequest, TextDocumentEdit,
  type CodeAction, type Command, type Diagnostic, type Range, type TextEdit,
} from 'vscode-languageserver/node';
import { LineIndex } from '../../server/src/core/lineIndex';
import { EXPECTED } from '../core/expected';
import { figuresOf } from '../layouts/figures';
import { placeKey, renderHtml } from '../layouts/html';
import { renderHtmlInText } from '../layouts/htmlInText';
import { startTestClient, type TestClient } from './lspClient';

// A web page opened in the editor (languageId html): checked as the report it holds, its findings
// shown at the numbers in the HTML, and its quick fix an edit of the HTML.

const figures = figuresOf(EXPECTED['002']);
figures.cells.t3['1'] = { ...figures.cells.t3['1'], natural: '56' }; // the seed has 55
const { html, places } = renderHtml(figures, { split: false });
const idx = new LineIndex(html);
const place = places.get(placeKey('t3', '1', 'natural'))!;
const CELL = idx.range(place.start, place.end);

/** The edits of the quick fix offered for the diagnostics at `range`. */
async function quickFixEdits(client: TestClient, uri: string, range: Range, diagnostics: Diagnostic[]): Promise<TextEdit[]> {
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri }, range, context: { diagnostics },
  })) as (CodeAction | Command)[];
  const fix = actions.find((a): a is CodeAction => 'kind' in a && a.kind === CodeActionKind.QuickFix);
  const change = fix?.edit?.documentChanges?.[0];
  assert.ok(change && TextDocumentEdit.is(change), JSON.stringify(actions));
  return change.edits as TextEdit[];
}

describe('language server: a web page', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('reports the wrong cell at its number in the HTML, and fixes it there', async () => {
    const uri = 'file:///reports/002.html';
    await client.open(uri, html, 'html');
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['table3-balance']);
    assert.deepEqual(diagnostics[0].range, CELL);
    for (const r of diagnostics[0].relatedInformation ?? []) assert.ok(r.location.range.start.line > 10, 'related places are in the HTML too');
    assert.deepEqual(await quickFixEdits(client, uri, CELL, diagnostics), [{ range: CELL, newText: '55' }]);
  });

  it('shows nothing for a web page that is not a report', async () => {
    const uri = 'file:///site/index.html';
    await client.open(uri, '<!DOCTYPE html><html><body><h1>某某镇人民政府</h1><p>2024年12月31日 通知公告 3 条</p></body></html>', 'html');
    assert.deepEqual(await client.diagnostics(uri, 1), []);
  });
});

describe('language server: a Markdown draft with HTML tables (a PDF converted by MinerU)', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  const { text, places } = renderHtmlInText(figures, 'mineru');
  const at = places.get(placeKey('t3', '1', 'natural'))!;
  const cell = new LineIndex(text).range(at.start, at.end);
  const uri = 'file:///reports/002.md';

  it('reports the wrong cell at its number in the table\'s HTML, fixes it there and hints its value beside it', async () => {
    await client.open(uri, text, 'markdown');
    const diagnostics = await client.diagnostics(uri, 1);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['table3-balance', cell]]);
    assert.deepEqual(await quickFixEdits(client, uri, cell, diagnostics), [{ range: cell, newText: '55' }]);
    const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
    const hints = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: whole });
    assert.deepEqual(hints?.map((h) => [h.position, h.label]), [[cell.end, '应为 55']]);
  });

  it('gives no outline: the report\'s places are in the draft made of it, not in the text', async () => {
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
  });
});
