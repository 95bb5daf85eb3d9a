import { commands, env, ProgressLocation, Uri, ViewColumn, window, workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

// The palette's commands. The client only reads files and shows results; the server converts and
// checks them with the same code as the command line (server/src/lsp/workspaceFiles.ts).

/** The report files a workspace is searched for (as the CLI searches a folder). */
const REPORT_FILES = '**/*.{txt,md,markdown,html,htm,docx,pdf}';
const NOT_REPORTS = '**/{node_modules,.git,.vscode,dist,out}/**';
/** Word, web-page and PDF reports, for the file picker of “convert”. */
const DOCUMENTS = ['docx', 'pdf', 'html', 'htm'];
/** As the CLI's limit for Word and PDF files: no report comes near it. */
const MAX_BYTES = 50 * 1024 * 1024;

type Locale = 'zh' | 'en';
type ImportReply = { text: string } | { refused: string };
type CheckFileReply = { findings: number; report: boolean } | { refused: string };
interface Tally { files: number; reports: number; findings: number; refused: number }

export function registerCommands(context: ExtensionContext, client: () => LanguageClient | undefined, output: () => OutputChannel | undefined): void {
  const locale = (): Locale => {
    const chosen = workspace.getConfiguration('nianbao').get<string>('language', 'zh');
    return chosen === 'en' || (chosen === 'auto' && env.language.startsWith('en')) ? 'en' : 'zh';
  };
  const say = (zh: string, en: string) => (locale() === 'en' ? en : zh);
  const name = (uri: Uri) => workspace.asRelativePath(uri, false);

  /** The file's bytes as the server's requests take them, or why not. */
  async function read(uri: Uri): Promise<{ uri: string; name: string; data: string } | string> {
    try {
      const { size } = await workspace.fs.stat(uri);
      if (size > MAX_BYTES) return say(`文件过大（${(size / 1048576).toFixed(1)} MB），不像年度报告`, `file too large (${(size / 1048576).toFixed(1)} MB), not an annual report`);
      const bytes = await workspace.fs.readFile(uri);
      return { uri: uri.toString(), name: uri.path, data: Buffer.from(bytes).toString('base64') };
    } catch (error) {
      return say(`无法读取：${error instanceof Error ? error.message : String(error)}`, `cannot read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async function convert(target?: Uri): Promise<void> {
    const active = window.activeTextEditor?.document.uri;
    const uri = target ?? (active && DOCUMENTS.some((e) => active.path.toLowerCase().endsWith(`.${e}`)) ? active : undefined)
      ?? (await window.showOpenDialog({ canSelectMany: false, filters: { [say('Word、PDF 或网页年报', 'Word, PDF or web-page reports')]: DOCUMENTS } }))?.[0];
    const c = client();
    if (!uri || !c) return;
    const file = await read(uri);
    const reply: ImportReply = typeof file === 'string' ? { refused: file }
      : await window.withProgress({ location: ProgressLocation.Notification, title: say(`正在转换 ${name(uri)}…`, `Converting ${name(uri)}…`) },
        () => c.sendRequest<ImportReply>('nianbao/import', file));
    if ('refused' in reply) {
      void window.showErrorMessage(say(`无法转换 ${name(uri)}：${reply.refused}`, `Cannot convert ${name(uri)}: ${reply.refused}`));
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
      void window.showInformationMessage(say('请先打开一个文件夹或工作区。', 'Open a folder or workspace first.'));
      return undefined;
    }
    return window.withProgress({ location: ProgressLocation.Notification, title: say('检查工作区全部年报', 'Checking every report in the workspace'), cancellable: true }, async (progress, token) => {
      const files = await workspace.findFiles(REPORT_FILES, NOT_REPORTS, undefined, token);
      let reports = 0, findings = 0, done = 0;
      const refused: string[] = [];
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ increment: 100 / files.length, message: `${++done}/${files.length} ${name(uri)}` });
        const file = await read(uri);
        const reply: CheckFileReply = typeof file === 'string' ? { refused: file } : await c.sendRequest<CheckFileReply>('nianbao/checkFile', file, token);
        if ('refused' in reply) {
          // A text file that is not a report (empty, binary) is no news; a Word or PDF file that cannot be read is.
          if (!/\.(txt|md|markdown)$/i.test(uri.path)) refused.push(`${name(uri)}：${reply.refused}`);
        } else if (reply.report) {
          reports++;
          findings += reply.findings;
        }
      }
      if (refused.length) output()?.appendLine(refused.join('\n'));
      const cancelled = token.isCancellationRequested ? say('（已取消）', ' (cancelled)') : '';
      const summary = say(
        `检查了 ${done} 个文件${cancelled}，其中 ${reports} 份年报，共 ${findings} 个问题${refused.length ? `；${refused.length} 个文件无法读取（见输出面板）` : ''}。`,
        `Checked ${done} file(s)${cancelled}: ${reports} report(s), ${findings} problem(s)${refused.length ? `; ${refused.length} file(s) could not be read (see the Output panel)` : ''}.`);
      const problems = say('打开问题面板', 'Open Problems');
      void window.showInformationMessage(summary, problems).then((chosen) => (chosen === problems ? commands.executeCommand('workbench.actions.view.problems') : undefined));
      return { files: done, reports, findings, refused: refused.length };
    });
  }

  context.subscriptions.push(
    commands.registerCommand('nianbao.convertToDraft', (uri?: Uri) => convert(uri)),
    commands.registerCommand('nianbao.checkWorkspace', () => checkWorkspace()),
  );
}
