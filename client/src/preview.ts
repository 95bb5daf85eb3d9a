import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import {
  commands, languages, Range, TextEditorRevealType, Uri, ViewColumn, window, workspace,
  type Disposable, type ExtensionContext, type TextDocument, type TextEditor, type Webview, type WebviewOptions, type WebviewPanel,
} from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { Range as Span } from '../../server/src/core/lineIndex';
import type { PreviewReply } from '../../server/src/lsp/protocol';
import { l10n } from './l10n';
import { request } from './requests';
import { PREVIEW_VIEW_TYPE, restoredUri, type PreviewState } from './previewState';

// The table preview (command nianbao.previewTables): a webview beside the draft that draws tables 2,
// 3 and 4 as the statute does, each cell with its state. The server makes the model (request
// nianbao/preview, server/src/core/authoring/preview.ts); media/preview.js only draws it and says
// which cell was clicked. It follows the draft as it is typed and the report in the active editor,
// and comes back after VS Code reloads (the webview keeps the document's URI: previewState.ts).

const LANGUAGES = new Set(['nianbao', 'plaintext', 'markdown', 'html']);
/** As the server's debounce: one request per pause in typing. */
const DEBOUNCE_MS = 300;
/** Whether the active editor holds a report: the editor title's preview button shows then. */
const REPORT_CONTEXT = 'nianbao.report';

/** What the webview says: it is ready for a model (after it loads, again after it is shown anew), or a cell was clicked. */
type FromWebview = { type: 'ready' } | { type: 'reveal'; range: Span };

export function registerPreview(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  let panel: WebviewPanel | undefined;
  /** The document shown, and the editor column it was in: a click selects the cell there. */
  let shown: { uri: Uri; column: ViewColumn | undefined } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let asked = 0;

  const ours = (d: TextDocument | undefined): d is TextDocument => d !== undefined && LANGUAGES.has(d.languageId);
  const isShown = (uri: Uri) => shown?.uri.toString() === uri.toString();
  /** The editor the document is visible in, if any. */
  const visibleEditor = (uri: Uri) => window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());

  async function ask(uri: Uri): Promise<PreviewReply> {
    const c = client();
    if (!c?.isRunning()) return null;
    return request(c, 'nianbao/preview', { uri: uri.toString() }).catch(() => null);
  }

  /** Asks for the shown document's preview and hands it to the webview (a later request wins). */
  async function refresh(): Promise<void> {
    clearTimeout(timer);
    if (!panel || !shown) return;
    const n = ++asked;
    const reply = await ask(shown.uri);
    if (n !== asked || !panel) return;
    const uri: PreviewState['uri'] = shown.uri.toString();
    void panel.webview.postMessage(reply ? { type: 'preview', preview: reply, uri } : { type: 'none', text: l10n.t('This document is not an annual report.'), uri });
  }
  const later = () => { clearTimeout(timer); timer = setTimeout(() => void refresh(), DEBOUNCE_MS); };

  /** Shows the document's tables; `bringForward`: the panel too, when it is behind another tab. */
  function show(document: TextDocument, column: ViewColumn | undefined, bringForward: boolean): void {
    shown = { uri: document.uri, column };
    const title = l10n.t('Tables: {0}', path.basename(document.uri.path));
    if (!panel) {
      // Its page says when it is ready for the model.
      adopt(window.createWebviewPanel(PREVIEW_VIEW_TYPE, title, { viewColumn: ViewColumn.Beside, preserveFocus: true }, webviewOptions()));
      return;
    }
    panel.title = title;
    if (bringForward) panel.reveal(undefined, true);
    void refresh();
  }

  const media = Uri.joinPath(context.extensionUri, 'media');
  const webviewOptions = (): WebviewOptions => ({ enableScripts: true, localResourceRoots: [media] });

  /** Makes the panel (new, or restored after a reload) the preview: its page and its messages. */
  function adopt(p: WebviewPanel): void {
    panel = p;
    // A restored panel keeps the options it was saved with; the extension's folder may have moved since (an update).
    p.webview.options = webviewOptions();
    p.webview.html = page(p.webview, media);
    p.webview.onDidReceiveMessage((m: FromWebview) => (m.type === 'ready' ? refresh() : reveal(m.range)));
    p.onDidDispose(() => { panel = undefined; shown = undefined; clearTimeout(timer); });
  }

  /**
   * After a reload, the panel VS Code kept: it shows again the document its page saved, once the server
   * runs (it starts after the panel is revived); without that document it goes.
   */
  async function restore(restored: WebviewPanel, state: unknown): Promise<void> {
    const uri = restoredUri(state);
    const document = uri === undefined ? undefined : await workspace.openTextDocument(Uri.parse(uri)).then((d) => d, () => undefined);
    const c = client();
    if (c) await running(c);
    // (The command may have opened a preview meanwhile: there is one preview.)
    if (panel || !ours(document)) { restored.dispose(); return; }
    adopt(restored);
    show(document, visibleEditor(document.uri)?.viewColumn, false);
    // The page's state and the editors VS Code restores can be from different moments (a browser reload
    // keeps what was last written: once, the preview's older report beside the newer's tab): the
    // report in the active editor wins, as it does anyway.
    await follow(window.activeTextEditor);
  }

  /** Another report in the active editor: the preview follows it (a file that is no report leaves it as it is). */
  async function follow(editor: TextEditor | undefined): Promise<void> {
    if (!panel || !editor || !ours(editor.document)) return;
    if (isShown(editor.document.uri)) { shown!.column = editor.viewColumn; return; }
    if (await ask(editor.document.uri)) show(editor.document, editor.viewColumn, false);
  }

  /** Selects the cell's text in the editor the document was in (or opens it there). */
  async function reveal(span: Span): Promise<void> {
    if (!shown) return;
    const range = new Range(span.start.line, span.start.character, span.end.line, span.end.character);
    const column = visibleEditor(shown.uri)?.viewColumn ?? shown.column ?? ViewColumn.One;
    const editor = await window.showTextDocument(await workspace.openTextDocument(shown.uri), { viewColumn: column, selection: range });
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async function open(target?: Uri): Promise<void> {
    const editor = target ? visibleEditor(target) : window.activeTextEditor;
    const document = editor?.document ?? (target ? await workspace.openTextDocument(target) : undefined);
    if (!ours(document)) {
      void window.showInformationMessage(l10n.t('Open an annual report (text, Markdown or web page) first.'));
      return;
    }
    show(document, editor?.viewColumn, true);
  }

  /** The editor title's button: only over a report. */
  async function updateContext(): Promise<void> {
    const document = window.activeTextEditor?.document;
    const c = client();
    const report = ours(document) && c?.isRunning()
      ? (await request(c, 'nianbao/status', { uri: document.uri.toString() }).catch(() => undefined))?.report === true
      : false;
    void commands.executeCommand('setContext', REPORT_CONTEXT, report);
  }

  const subscriptions: Disposable[] = [
    commands.registerCommand('nianbao.previewTables', (uri?: Uri) => open(uri instanceof Uri ? uri : undefined)),
    window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, { deserializeWebviewPanel: restore }),
    window.onDidChangeActiveTextEditor((editor) => { void updateContext(); void follow(editor); }),
    // As it is typed, and when the server has checked it (after a save, with nianbao.validate “onSave”).
    workspace.onDidChangeTextDocument((e) => { if (panel && isShown(e.document.uri) && e.contentChanges.length) later(); }),
    languages.onDidChangeDiagnostics((e) => {
      if (panel && shown && e.uris.some(isShown)) later();
      const active = window.activeTextEditor?.document.uri;
      if (active && e.uris.some((u) => u.toString() === active.toString())) void updateContext();
    }),
    workspace.onDidChangeConfiguration((e) => { if (panel && e.affectsConfiguration('nianbao')) later(); }),
    { dispose: () => { clearTimeout(timer); panel?.dispose(); } },
  ];
  context.subscriptions.push(...subscriptions);
  void updateContext();
}

/** Resolves once the language server runs. */
function running(c: LanguageClient): Promise<void> {
  if (c.isRunning()) return Promise.resolve();
  return new Promise((resolve) => {
    const listening = c.onDidChangeState((e) => { if (e.newState === State.Running) { listening.dispose(); resolve(); } });
  });
}

/** The webview's page: its script and style from media/ only, nothing inline but what the nonce allows, nothing from the network. */
function page(webview: Webview, media: Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const file = (name: string) => webview.asWebviewUri(Uri.joinPath(media, name)).toString();
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${file('preview.css')}">
</head>
<body>
<main id="preview"></main>
<script nonce="${nonce}" src="${file('preview.js')}"></script>
</body>
</html>`;
}
