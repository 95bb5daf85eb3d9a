import { languages, LanguageStatusSeverity, window, workspace, type Disposable, type ExtensionContext, type LanguageStatusItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Status } from '../../server/src/lsp/protocol';
import { l10n } from './l10n';
import { request } from './requests';

// The language status item (the {} next to the language in the status bar): what the checker read of
// the report in the active editor — its year, the tables' format version, how each table was read,
// and the findings shown. The server answers nianbao/status (server/src/lsp/status.ts). A text file
// that is not a report gets no item at all.

const SELECTOR = ['nianbao', 'plaintext', 'markdown'].map((language) => ({ language }));

export function registerStatus(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  let item: LanguageStatusItem | undefined;
  let asked = 0;

  function text(s: Status): { text: string; detail: string; severity: LanguageStatusSeverity } {
    const table = { t2: l10n.t('Table 2'), t3: l10n.t('Table 3'), t4: l10n.t('Table 4') };
    const state = { read: l10n.t('read'), partly: l10n.t('partly read'), unreadable: l10n.t('could not be read'), picture: l10n.t('a picture, not checked'), missing: l10n.t('not found') };
    const { error, warning, information, hint } = s.findings;
    const detail = [
      s.format ? l10n.t('tables in the {0} format', s.format) : l10n.t('no statutory table found'),
      s.tables.map((t) => `${table[t.key]} ${state[t.state]}`).join(l10n.t(', ')),
      l10n.t('{0} error(s), {1} warning(s), {2} note(s)', error, warning, information + hint),
    ].filter(Boolean).join(' · ');
    const severity = error ? LanguageStatusSeverity.Error
      : warning || s.tables.some((t) => t.state !== 'read') ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
    return { text: s.year ? l10n.t('{0} annual report', s.year) : l10n.t('Annual report'), detail, severity };
  }

  async function update(): Promise<void> {
    const document = window.activeTextEditor?.document;
    const c = client();
    const ask = ++asked;
    const s = document && c?.isRunning() && SELECTOR.some((x) => x.language === document.languageId)
      ? await request(c, 'nianbao/status', { uri: document.uri.toString() }).catch(() => undefined)
      : undefined;
    if (ask !== asked) return; // a later update is under way
    if (!s?.report) {
      item?.dispose();
      item = undefined;
      return;
    }
    item ??= languages.createLanguageStatusItem('nianbao.status', SELECTOR);
    item.name = l10n.t('Annual report check');
    Object.assign(item, text(s));
    item.command = { command: 'workbench.actions.view.problems', title: l10n.t('Show problems') };
  }

  const later = () => void update();
  const subscriptions: Disposable[] = [
    window.onDidChangeActiveTextEditor(later),
    // New findings are published after each check: the status follows them.
    languages.onDidChangeDiagnostics((e) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) later();
    }),
    workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('nianbao')) later(); }),
    { dispose: () => item?.dispose() },
  ];
  context.subscriptions.push(...subscriptions);
  later();
}
