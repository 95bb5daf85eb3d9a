import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runInNewContext } from 'node:vm';
import { PREVIEW_VIEW_TYPE, restoredUri } from '../../client/src/previewState';
import { preview } from '../../server/src/core/authoring/preview';
import { check } from '../../server/src/core/service';
import { seed } from '../core/seeds';

// The table preview comes back after VS Code reloads: the extension is activated for its panel, the
// webview (media/preview.js, run here on a small stand-in for the DOM) keeps the URI of the document
// it shows as its state, and the serializer reads that state back. The real-VS-Code test
// (scripts/e2e/run.mjs "table preview") reloads the page and sees the tables again.

/** Just enough of the DOM for media/preview.js to draw into. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  children: (FakeElement | string)[] = [];
  dataset: Record<string, string> = {};
  constructor(readonly tag: string) {}
  setAttribute(k: string, v: string) { this.attributes.set(k, v); }
  append(...c: (FakeElement | string)[]) { this.children.push(...c); }
  replaceChildren(...c: (FakeElement | string)[]) { this.children = c; }
  addEventListener() { /* clicks are not tried here */ }
  /** Every element below, in order, with this tag. */
  all(tag: string): FakeElement[] {
    return this.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.tag === tag ? [c] : []), ...c.all(tag)]));
  }
}

/** Loads the webview's script as VS Code does, with the state it kept (none at first). */
function loadWebview(state: unknown) {
  const root = new FakeElement('main');
  const posted: unknown[] = [];
  const listeners: ((e: { data: unknown }) => void)[] = [];
  const kept = { state };
  // Messages and state cross as JSON, as VS Code passes them.
  const api = { postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))), getState: () => kept.state, setState: (s: unknown) => { kept.state = JSON.parse(JSON.stringify(s)); } };
  runInNewContext(readFileSync('media/preview.js', 'utf8'), {
    acquireVsCodeApi: () => api,
    document: { getElementById: () => root, createElement: (tag: string) => new FakeElement(tag), documentElement: {} },
    window: { addEventListener: (_: string, f: (e: { data: unknown }) => void) => listeners.push(f) },
    Element: FakeElement,
  });
  return { root, posted, kept, send: (data: unknown) => listeners.forEach((f) => f({ data })) };
}

describe('the table preview after a reload', () => {
  it('package.json activates the extension for a preview panel VS Code restores', () => {
    const { activationEvents } = JSON.parse(readFileSync('package.json', 'utf8')) as { activationEvents: string[] };
    assert.ok(activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`), activationEvents.join(', '));
  });

  it('the webview keeps the URI of the report it shows; what it keeps names that report to the serializer', () => {
    const uri = 'file:///work/%E5%B9%B4%E6%8A%A5.txt', other = 'file:///work/other.md';
    const webview = loadWebview(undefined);
    assert.deepEqual(webview.posted, [{ type: 'ready' }]);
    assert.equal(restoredUri(webview.kept.state), undefined, 'nothing shown, nothing to restore');
    const { report, findings } = check(seed('000_').text);
    const model = { version: 1, ...preview(report, findings, { locale: 'zh' }) };
    webview.send({ type: 'preview', preview: model, uri });
    const valueCells = model.tables.flatMap((t) => t.rows.flat()).filter((c) => c.kind === 'value');
    assert.ok(valueCells.length > 175 + 15);
    assert.equal(webview.root.all('td').filter((td) => td.attributes.get('class')?.startsWith('value ')).length, valueCells.length, 'the tables drawn');
    assert.equal(restoredUri(webview.kept.state), uri);
    // The active editor moved to a document that is not a report: the preview says so, and keeps that one.
    webview.send({ type: 'none', text: '这不是年度报告。', uri: other });
    assert.equal(restoredUri(webview.kept.state), other);
    // After the reload, the page starts again with what it kept, and asks for the model.
    const reloaded = loadWebview(webview.kept.state);
    assert.deepEqual(reloaded.posted, [{ type: 'ready' }]);
    assert.equal(restoredUri(reloaded.kept.state), other);
  });

  it('a state that names no document restores nothing', () => {
    for (const state of [undefined, null, {}, { uri: '' }, { uri: 3 }, 'file:///a.txt', []]) assert.equal(restoredUri(state), undefined, JSON.stringify(state));
  });
});
