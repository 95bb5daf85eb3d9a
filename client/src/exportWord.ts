import { commands, DiagnosticSeverity, languages, ProgressLocation, Uri, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXTENSIONS } from '../../server/src/import/formats';
import { l10n } from './l10n';
import { request } from './requests';

// The command “导出 Word”: the report as the Word file that gets submitted. The server makes the
// file (request nianbao/export, server/src/lsp/export.ts); the client asks first when the report has
// errors, lets the user choose where it goes and writes it through workspace.fs (virtual workspaces too).


/** Every file nianbao reads a report from. */
const REPORTS = EXTENSIONS.map((e) => e.slice(1));

/** The Word file beside the report, with its name; “（导出）” when the report is itself that .docx. */
function beside(uri: Uri): Uri | undefined {
  if (uri.scheme === 'untitled') {
    const folder = workspace.workspaceFolders?.[0]?.uri;
    return folder && Uri.joinPath(folder, `${uri.path.replace(/^.*\//, '')}.docx`);
  }
  const docx = uri.with({ path: `${uri.path.replace(/\.[^./]*$/, '')}.docx` });
  return docx.toString() === uri.toString() ? uri.with({ path: `${l10n.t('{0} (exported)', uri.path.replace(/\.docx$/i, ''))}.docx` }) : docx;
}

export function registerExportWord(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  const name = (uri: Uri) => workspace.asRelativePath(uri, false);

  /**
   * `source`: the report (the explorer's file, else the active editor's, else one the user picks);
   * `target`: where the Word file goes, without asking (the tests pass it). Resolves to where it was written.
   */
  async function exportWord(source?: Uri, target?: Uri): Promise<Uri | undefined> {
    const uri = source ?? window.activeTextEditor?.document.uri
      ?? (await window.showOpenDialog({ canSelectMany: false, filters: { [l10n.t('Annual report')]: REPORTS } }))?.[0];
    const c = client();
    if (!uri || !c) return undefined;
    // An open document is exported as the editor has it (the server has its text); a file from its bytes.
    const open = workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    let data = '';
    try {
      if (!open) data = Buffer.from(await workspace.fs.readFile(uri)).toString('base64');
    } catch (error) {
      void window.showErrorMessage(l10n.t('Cannot export {0}: {1}', name(uri), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    const anyway = async (errors: number) => {
      const yes = l10n.t('Export anyway');
      return yes === await window.showWarningMessage(l10n.t('{0} has {1} error(s). Export it to Word all the same?', name(uri), errors),
        { modal: true, detail: l10n.t('The errors are in the Problems panel. A report with errors should be corrected before it is submitted.') }, yes);
    };
    // The questions first, the seconds of making the file after them: an open report's errors are those
    // the Problems panel shows (ignored ones left out); a file not open (or a check not yet shown) once it is read.
    const shown = open ? languages.getDiagnostics(uri).filter((d) => d.source === 'nianbao' && d.severity === DiagnosticSeverity.Error).length : 0;
    if (shown > 0 && !(await anyway(shown))) return undefined;
    const to = target ?? await window.showSaveDialog({ defaultUri: beside(uri), filters: { Word: ['docx'] }, saveLabel: l10n.t('Export') });
    if (!to) return undefined;
    if (to.toString() === uri.toString()) {
      void window.showErrorMessage(l10n.t('The Word file would replace the report itself: choose another name.'));
      return undefined;
    }
    const reply = await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Exporting {0} to Word…', name(uri)) },
      () => request(c, 'nianbao/export', { uri: uri.toString(), name: uri.path, data }));
    if ('refused' in reply) {
      void window.showErrorMessage(l10n.t('Cannot export {0}: {1}', name(uri), reply.refused));
      return undefined;
    }
    if (shown === 0 && reply.errors > 0 && !(await anyway(reply.errors))) return undefined;
    try {
      await workspace.fs.writeFile(to, Buffer.from(reply.data, 'base64'));
    } catch (error) {
      void window.showErrorMessage(l10n.t('Cannot write {0}: {1}', name(to), error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    const reveal = l10n.t('Reveal');
    void window.showInformationMessage([l10n.t('Exported {0}.', name(to)), ...reply.notes].join(' '), reveal)
      .then((chosen) => (chosen === reveal ? commands.executeCommand(to.scheme === 'file' ? 'revealFileInOS' : 'revealInExplorer', to) : undefined));
    return to;
  }

  // The explorer passes the file and the selection (an array), an editor's menu the document's URI.
  context.subscriptions.push(commands.registerCommand('nianbao.exportWord', (source?: unknown, target?: unknown) =>
    exportWord(source instanceof Uri ? source : undefined, target instanceof Uri ? target : undefined)));
}
