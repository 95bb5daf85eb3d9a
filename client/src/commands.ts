import { commands, ProgressLocation, TabInputText, Uri, ViewColumn, window, workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { documentKind, EXTENSIONS, KIND_NAMES, MAX_BYTES as MAX_BYTES_OF } from '../../server/src/import/formats';
import type { CheckFileReply, FileParams, ImportReply } from '../../server/src/lsp/protocol';
import { l10n } from './l10n';
import { request } from './requests';

// The palette's commands. The client only reads files and shows results; the server converts and
// checks them with the same code as the command line (server/src/lsp/workspaceFiles.ts).

/** The report files a workspace is searched for (as the CLI searches a folder), and watched for. */
export const REPORT_FILES = `**/*.{${EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
const NOT_REPORTS = '**/{node_modules,.git,.vscode,dist,out}/**';
/** Word, web-page, PDF and OFD reports, for the file picker of “convert”. */
const DOCUMENTS = EXTENSIONS.filter((e) => documentKind(e) !== 'text').map((e) => e.slice(1));
/** The largest file the server reads (a Word or PDF file; it checks each kind's own limit). */
const MAX_BYTES = Math.max(...Object.values(MAX_BYTES_OF));

interface Tally { files: number; reports: number; findings: number; refused: number }

export function registerCommands(context: ExtensionContext, client: () => LanguageClient | undefined, output: () => OutputChannel | undefined): void {
  const name = (uri: Uri) => workspace.asRelativePath(uri, false);

  /** The file's bytes as the server's requests take them, or why not. */
  async function read(uri: Uri): Promise<FileParams | string> {
    try {
      const { size } = await workspace.fs.stat(uri);
      if (size > MAX_BYTES) return l10n.t('file too large ({0} MB), not an annual report', (size / 1048576).toFixed(1));
      const bytes = await workspace.fs.readFile(uri);
      return { uri: uri.toString(), name: uri.path, data: Buffer.from(bytes).toString('base64') };
    } catch (error) {
      return l10n.t('cannot read: {0}', error instanceof Error ? error.message : String(error));
    }
  }

  async function convert(target?: Uri): Promise<void> {
    const active = window.activeTextEditor?.document.uri;
    const uri = target ?? (active && DOCUMENTS.some((e) => active.path.toLowerCase().endsWith(`.${e}`)) ? active : undefined)
      ?? (await window.showOpenDialog({ canSelectMany: false, filters: { [l10n.t('Word, PDF, OFD or web-page reports')]: DOCUMENTS } }))?.[0];
    const c = client();
    if (!uri || !c) return;
    const file = await read(uri);
    const reply: ImportReply = typeof file === 'string' ? { refused: file }
      : await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Converting {0}…', name(uri)) },
        () => request(c, 'nianbao/import', file));
    if ('refused' in reply) {
      void window.showErrorMessage(l10n.t('Cannot convert {0}: {1}', name(uri), reply.refused));
      return;
    }
    // An untitled draft: the user chooses where to save it; the original is not touched.
    const draft = await workspace.openTextDocument({ language: 'nianbao', content: reply.text });
    await window.showTextDocument(draft, { viewColumn: ViewColumn.Beside });
  }

  /** Resolves when the files are checked (with the counts, for the tests), not when the message is closed. */
  async function checkWorkspace(): Promise<Tally | undefined> {
    const c = client();
    if (!c) return undefined;
    if (!workspace.workspaceFolders?.length) {
      void window.showInformationMessage(l10n.t('Open a folder or workspace first.'));
      return undefined;
    }
    return window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Checking every report in the workspace'), cancellable: true }, async (progress, token) => {
      const files = await workspace.findFiles(REPORT_FILES, NOT_REPORTS, undefined, token);
      let reports = 0, findings = 0, done = 0;
      const refused: string[] = [];
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ increment: 100 / files.length, message: `${++done}/${files.length} ${name(uri)}` });
        const file = await read(uri);
        const reply: CheckFileReply = typeof file === 'string' ? { refused: file } : await request(c, 'nianbao/checkFile', file, token);
        if ('refused' in reply) {
          // A text file that is not a report (empty, binary) is no news; a Word or PDF file that cannot be read is.
          if (!/\.(txt|md|markdown)$/i.test(uri.path)) refused.push(l10n.t('{0}: {1}', name(uri), reply.refused));
        } else if (reply.report) {
          reports++;
          findings += reply.findings;
        }
      }
      if (refused.length) output()?.appendLine(refused.join('\n'));
      const summary = (token.isCancellationRequested
        ? l10n.t('Checked {0} file(s) (cancelled): {1} report(s), {2} problem(s).', done, reports, findings)
        : l10n.t('Checked {0} file(s): {1} report(s), {2} problem(s).', done, reports, findings))
        + (refused.length ? ' ' + l10n.t('{0} file(s) could not be read (see the Output panel).', refused.length) : '');
      const problems = l10n.t('Open Problems');
      void window.showInformationMessage(summary, problems).then((chosen) => (chosen === problems ? commands.executeCommand('workbench.actions.view.problems') : undefined));
      return { files: done, reports, findings, refused: refused.length };
    });
  }

  // A Word, PDF or OFD report opened in an editor tab: VS Code shows it as binary (or its source code),
  // and nothing says how to check it. Said once per file and session, with the command that does.
  const offered = new Set<string>();
  function offerDraft(): void {
    const input = window.tabGroups.activeTabGroup.activeTab?.input;
    const uri = input instanceof TabInputText ? input.uri : undefined;
    const kind = uri && KIND_NAMES[documentKind(uri.path) ?? 'text'];
    if (!uri || !kind || offered.has(uri.toString())) return;
    offered.add(uri.toString());
    const draft = l10n.t('Convert to a draft');
    void window.showInformationMessage(l10n.t('{0} is a {1} file: it cannot be checked in the editor as it is. Convert it to a draft to check it and preview its tables.', name(uri), kind), draft)
      .then((chosen) => (chosen === draft ? convert(uri) : undefined));
  }
  offerDraft();

  context.subscriptions.push(
    window.tabGroups.onDidChangeTabs(offerDraft),
    // A URI from the explorer's menu, or as a string from the server's quick fix on a PDF opened as text.
    commands.registerCommand('nianbao.convertToDraft', (uri?: Uri | string) => convert(typeof uri === 'string' ? Uri.parse(uri) : uri)),
    commands.registerCommand('nianbao.checkWorkspace', () => checkWorkspace()),
  );
}
