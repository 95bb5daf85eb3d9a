import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

// The extension starts the language server and registers the palette's commands; every check lives in the server's core.

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Plain text, Markdown and web pages are sent too: the server shows findings only when they are a report.
  // Files on disk, new files and virtual workspaces (a repository opened remotely); not the old
  // versions that diff views show (git:), which would double every finding.
  const documentSelector = ['nianbao', 'plaintext', 'markdown', 'html']
    .flatMap((language) => ['file', 'untitled', 'vscode-vfs', 'vscode-remote'].map((scheme) => ({ language, scheme })));
  const language = () => workspace.getConfiguration('nianbao').get<string>('language', 'zh');
  const clientOptions: LanguageClientOptions = {
    documentSelector, outputChannelName: 'nianbao', initializationOptions: () => ({ language: language() }),
  };
  client = new LanguageClient('nianbao', '政府信息公开年报检查', serverOptions, clientOptions);
  registerCommands(context, () => client, () => client?.outputChannel);
  await client.start();
  // The server reads the language once, when it starts: restart it when the setting changes.
  context.subscriptions.push(workspace.onDidChangeConfiguration(async (e) => {
    if (e.affectsConfiguration('nianbao.language')) await client?.restart();
  }));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
