import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver/node';
import type { PreviewCell } from '../../server/src/core/authoring/preview';
import { LineIndex } from '../../server/src/core/lineIndex';
import { check } from '../../server/src/core/service';
import type { PreviewReply } from '../../server/src/lsp/protocol';
import { EXPECTED } from '../core/expected';
import { replaceAt, seed } from '../core/seeds';
import { figuresOf } from '../layouts/figures';
import { placeKey, renderHtml } from '../layouts/html';
import { startTestClient, type TestClient } from './lspClient';

// Request nianbao/preview: the tables of the document's current version as the preview draws them,
// with the findings shown and the ranges in the document (a web page's HTML for a web page).

const TEXT = seed('000').text;
const CELL = check(TEXT).report.tables.t3!.rows['1'].cells.natural.range;
const WRONG = replaceAt(TEXT, CELL, '24'); // the seed has 23

const ask = (c: TestClient, uri: string) => c.connection.sendRequest<PreviewReply>('nianbao/preview', { uri });
const cells = (p: PreviewReply): PreviewCell[] => p!.tables.flatMap((t) => t.rows.flat().filter((c) => c.kind === 'value'));

describe('language server: the table preview', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('zh-cn'); });
  after(async () => { await client?.stop(); });

  it('shows the wrong cell as wrong with its value, at its range; follows an edit before its diagnostics', async () => {
    const uri = 'file:///reports/preview.txt';
    await client.open(uri, WRONG);
    const first = await ask(client, uri);
    assert.equal(first?.version, 1);
    const wrong = cells(first).filter((c) => c.state === 'wrong');
    assert.deepEqual(wrong.map((c) => [c.row, c.col, c.text, c.expected, c.note, c.range]), [['1', 'natural', '24', 23, '应为 23', CELL]]);
    // Asked right after the keystroke, inside the server's debounce: the new version, checked now.
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: CELL, text: '23' }] });
    const second = await ask(client, uri);
    assert.equal(second?.version, 2);
    assert.deepEqual(cells(second).filter((c) => c.state === 'wrong'), []);
    assert.equal(cells(second).find((c) => c.row === '1' && c.col === 'natural')?.state, 'consistent');
  });

  it('places a web page\'s cells in its HTML', async () => {
    const figures = figuresOf(EXPECTED['002']);
    figures.cells.t3['1'] = { ...figures.cells.t3['1'], natural: '56' }; // the seed has 55
    const { html, places } = renderHtml(figures, { split: false });
    const place = places.get(placeKey('t3', '1', 'natural'))!;
    const uri = 'file:///reports/002.html';
    await client.open(uri, html, 'html');
    const wrong = cells(await ask(client, uri)).filter((c) => c.state === 'wrong');
    assert.deepEqual(wrong.map((c) => [c.text, c.expected, c.range]), [['56', 55, new LineIndex(html).range(place.start, place.end)]]);
  });

  it('answers null for a text that is not a report, and for a document not open', async () => {
    const uri = 'file:///notes/todo.txt';
    await client.open(uri, '明天上午开会，带上笔记本。\n');
    assert.equal(await ask(client, uri), null);
    assert.equal(await ask(client, 'file:///nowhere.txt'), null);
  });
});

describe('language server: the table preview in English', () => {
  let client: TestClient;
  before(async () => { client = await startTestClient('en', 'en'); });
  after(async () => { await client?.stop(); });

  it('speaks nianbao.language', async () => {
    const uri = 'file:///reports/preview-en.txt';
    await client.open(uri, WRONG);
    const p = await ask(client, uri);
    assert.equal(p?.locale, 'en');
    assert.equal(cells(p).find((c) => c.state === 'wrong')?.note, 'should be 23');
    assert.equal(p?.legend.find((l) => l.state === 'blank')?.label, 'blank');
  });
});
