import { commands, Uri, window, workspace, type ExtensionContext, type Memento, type TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ConvertRefusal, Layout } from '../../server/src/core/authoring/layout';
import { l10n } from './l10n';
import { notify, request } from './requests';

// The palette's editing commands (issue 18): insert the template or a table (the contributed
// snippets, by name), convert a table's layout (the server draws it: nianbao/convertTable), fix all,
// the rule list with each rule's docs rendered, and silenced findings.

const OURS = new Set(['nianbao', 'plaintext', 'markdown']);
/** The key of workspaceState: the silenced findings' keys by document URI (server/src/lsp/silence.ts). */
const SILENCED = 'nianbao.silenced';
type Silenced = Record<string, string[]>;

interface Snippet { prefix: string | string[]; body: string | string[] }


/** The command URI that opens a rule's docs rendered; diagnostics link to it (extension.ts). */
export const ruleDocsCommand = (code: string) => Uri.parse(`command:nianbao.showRules?${encodeURIComponent(JSON.stringify([code]))}`);

/** Tells the server every document's silenced findings: at start and whenever it (re)starts. */
export function sendSilenced(state: Memento, client: LanguageClient): void {
  for (const [uri, keys] of Object.entries(state.get<Silenced>(SILENCED, {}))) void notify(client, 'nianbao/silenced', { uri, keys });
}

export function registerEditorCommands(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  const state = context.workspaceState;

  /** The snippet whose prefixes include `prefix` (snippets/nianbao.json is generated; its names may change, its prefixes stay). */
  async function snippet(prefix: string): Promise<{ name: string; body: string } | undefined> {
    const bytes = await workspace.fs.readFile(Uri.joinPath(context.extensionUri, 'snippets', 'nianbao.json'));
    const all = JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, Snippet>;
    const found = Object.entries(all).find(([, s]) => ([] as string[]).concat(s.prefix).includes(prefix));
    return found && { name: found[0], body: ([] as string[]).concat(found[1].body).join('\n') };
  }

  async function insert(editor: TextEditor, prefixes: string[]): Promise<void> {
    for (const prefix of prefixes) {
      const s = await snippet(prefix);
      if (!s) continue;
      const { languageId } = editor.document;
      // By name where the snippet is contributed for the document's language; its text elsewhere.
      await commands.executeCommand('editor.action.insertSnippet', OURS.has(languageId) ? { langId: languageId, name: s.name } : { snippet: s.body });
      return;
    }
    void window.showErrorMessage(l10n.t('The snippet {0} is missing from the extension.', prefixes[0]));
  }

  async function insertTemplate(): Promise<void> {
    let editor = window.activeTextEditor;
    // Into the open draft if there is one; otherwise into a new one.
    if (!editor || !OURS.has(editor.document.languageId)) {
      editor = await window.showTextDocument(await workspace.openTextDocument({ language: 'nianbao', content: '' }));
    }
    await insert(editor, ['nianbao-report']);
  }

  async function insertTable(which?: number): Promise<void> {
    const editor = window.activeTextEditor;
    if (!editor) return;
    const tables = [
      { n: 2, label: l10n.t('Table 2: information disclosed proactively') },
      { n: 3, label: l10n.t('Table 3: applications received and handled') },
      { n: 4, label: l10n.t('Table 4: administrative reconsideration and litigation') },
    ];
    const n = which ?? (await window.showQuickPick(tables, { placeHolder: l10n.t('Which table?') }))?.n;
    if (!n) return;
    // Markdown tables in Markdown documents; tab-separated ones (as Word pastes them) elsewhere.
    const md = editor.document.languageId === 'markdown' ? [`nianbao-table${n}-md`] : [];
    await insert(editor, [...md, `nianbao-table${n}`]);
  }

  /** Resolves whether the table was rewritten (or was already in that layout), for the tests. */
  async function convertTable(to?: Layout): Promise<boolean> {
    const editor = window.activeTextEditor;
    const c = client();
    if (!editor || !c) return false;
    const layouts: { to: Layout; label: string; detail: string }[] = [
      { to: 'cell-per-line', label: l10n.t('One cell per line'), detail: l10n.t('Every cell on a line of its own, as Word saves a table as text') },
      { to: 'tabs', label: l10n.t('Tab-separated'), detail: l10n.t('A row per line, its cells between tabs, as a Word table pasted') },
      { to: 'markdown', label: l10n.t('Markdown table'), detail: l10n.t('A pipe table, with a blank line before and after it') },
    ];
    const layout = to ?? (await window.showQuickPick(layouts, { placeHolder: l10n.t('Convert the table to which layout?') }))?.to;
    if (!layout) return false;
    const { document, selection } = editor;
    const version = document.version;
    const reply = await request(c, 'nianbao/convertTable', { uri: document.uri.toString(), range: c.code2ProtocolConverter.asRange(selection), to: layout });
    if ('refused' in reply) {
      const why: Record<ConvertRefusal, string> = {
        'no-table': l10n.t('Put the cursor in table 2, 3 or 4 of the report first.'),
        'unread': l10n.t('This table cannot be converted: some of its rows or cells could not be read. Complete it as the problems say first.'),
        'shared-line': l10n.t('This table cannot be converted: it shares a line with other text.'),
        'changed': l10n.t('This table was not converted: read back in that layout, its cells would not be the same.'),
      };
      void window.showWarningMessage(why[reply.refused] ?? reply.refused);
      return false;
    }
    // Typed into meanwhile: the edits are for a text that is gone.
    if (document.version !== version) return false;
    if (!reply.edits.length) {
      void window.showInformationMessage(l10n.t('The table is already in this layout.'));
      return true;
    }
    return editor.edit((b) => { for (const e of reply.edits) b.replace(c.protocol2CodeConverter.asRange(e.range), e.newText); });
  }

  async function showRules(code?: string): Promise<void> {
    if (typeof code !== 'string') {
      const c = client();
      if (!c) return;
      const uri = window.activeTextEditor?.document.uri.toString();
      const rules = await request(c, 'nianbao/rules', { uri });
      const level = (l: string) => ({ off: l10n.t('off'), error: l10n.t('error'), warning: l10n.t('warning'), information: l10n.t('information'), hint: l10n.t('hint') })[l] ?? l;
      const picked = await window.showQuickPick(rules.map((r) => ({ label: r.code, description: r.title, detail: level(r.level) })), {
        placeHolder: l10n.t('Choose a rule to read its documentation'), matchOnDescription: true,
      });
      if (!picked) return;
      code = picked.label;
    }
    if (!/^[a-z0-9-]+$/.test(code)) return;
    const docs = Uri.joinPath(context.extensionUri, 'docs', 'rules', `${code}.md`);
    try {
      await commands.executeCommand('markdown.showPreview', docs);
    } catch {
      // Without the built-in Markdown extension (disabled), the source is still readable.
      await window.showTextDocument(docs);
    }
  }

  async function silence(uri: string, key: string): Promise<void> {
    const all = state.get<Silenced>(SILENCED, {});
    const keys = [...new Set([...(all[uri] ?? []), key])];
    await state.update(SILENCED, { ...all, [uri]: keys });
    const c = client();
    if (c) await notify(c, 'nianbao/silenced', { uri, keys });
  }

  async function clearSilenced(): Promise<number> {
    const uri = window.activeTextEditor?.document.uri.toString();
    if (!uri) return 0;
    const all = { ...state.get<Silenced>(SILENCED, {}) };
    const count = all[uri]?.length ?? 0;
    delete all[uri];
    await state.update(SILENCED, all);
    const c = client();
    if (c) await notify(c, 'nianbao/silenced', { uri, keys: [] });
    void window.showInformationMessage(count
      ? l10n.t('{0} ignored problem(s) of this document are shown again.', count)
      : l10n.t('No problem of this document is ignored.'));
    return count;
  }

  context.subscriptions.push(
    commands.registerCommand('nianbao.insertTemplate', () => insertTemplate()),
    commands.registerCommand('nianbao.insertTable', (n?: number) => insertTable(n)),
    commands.registerCommand('nianbao.convertTable', (to?: Layout) => convertTable(to)),
    commands.registerCommand('nianbao.fixAll', () => commands.executeCommand('editor.action.codeAction', { kind: 'source.fixAll.nianbao', apply: 'first' })),
    commands.registerCommand('nianbao.showRules', (code?: string) => showRules(code)),
    commands.registerCommand('nianbao.silence', (uri: string, key: string) => silence(uri, key)),
    commands.registerCommand('nianbao.clearSilenced', () => clearSilenced()),
  );
}
