import * as path from 'node:path';
import { Uri, workspace, type ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { registerEditorCommands, ruleDocsCommand, sendSilenced } from './editorCommands';
import { registerExportWord } from './exportWord';
import { l10n } from './l10n';
import { registerPreview } from './preview';
import { request } from './requests';
import { registerStatus } from './status';
import {
  LanguageClient, State, TransportKind, type LanguageClientOptions, type Middleware, type ServerOptions,
} from 'vscode-languageclient/node';

// The extension starts the language server and registers the palette's commands; every check lives in the server's core.

let client: LanguageClient | undefined;

/**
 * What activate() returns (the extension's `exports`): the server's status of a document, so that a
 * caller (the real-VS-Code tests) can wait until the server has checked the version it sees.
 */
export interface NianbaoApi { status(uri: string): Promise<{ version?: number; report: boolean } | undefined> }

export async function activate(context: ExtensionContext): Promise<NianbaoApi> {
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
  const clientOptions: LanguageClientOptions = {
    documentSelector, outputChannelName: 'nianbao', middleware,
    // The server reads .nianbao.json at a workspace folder's root; it is told when one changes. It also
    // reads last year's report from disk for the checks across years: told when a report file changes.
    synchronize: { fileEvents: [workspace.createFileSystemWatcher('**/.nianbao.json'), workspace.createFileSystemWatcher('**/*.{txt,md,markdown,html,htm,docx,pdf,ofd}')] },
  };
  client = new LanguageClient('nianbao', l10n.t('Annual report check'), serverOptions, clientOptions);
  registerCommands(context, () => client, () => client?.outputChannel);
  registerEditorCommands(context, () => client);
  registerPreview(context, () => client);
  registerExportWord(context, () => client);
  // The server pulls the settings (and is told when they change): no restart, the language included.
  // It forgets the silenced findings when it restarts: they are sent again each time it runs.
  context.subscriptions.push(client.onDidChangeState((e) => { if (e.newState === State.Running && client) sendSilenced(context.workspaceState, client); }));
  await client.start();
  registerStatus(context, () => client);
  return { status: (uri) => (client ? request(client, 'nianbao/status', { uri }) : Promise.resolve(undefined)) };
}

const SETTINGS = ['validate', 'rules', 'inlayHints', 'language'] as const;

/**
 * The `nianbao` settings the user has set, without VS Code's defaults: the server puts them over
 * .nianbao.json, which in turn is over the defaults (server/src/core/settings.ts), so an office's
 * shared file counts unless the user chose otherwise. `rules` merge across user, workspace and folder.
 */
function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const configuration = workspace.getConfiguration('nianbao', scopeUri ? Uri.parse(scopeUri) : undefined);
  const out: Record<string, unknown> = {};
  for (const key of SETTINGS) {
    const i = configuration.inspect(key);
    if (!i) continue;
    if (key === 'rules') {
      const merged = Object.assign({}, i.globalValue, i.workspaceValue, i.workspaceFolderValue);
      if (Object.keys(merged).length) out[key] = merged;
    } else {
      const value = i.workspaceFolderValue ?? i.workspaceValue ?? i.globalValue;
      if (value !== undefined) out[key] = value;
    }
  }
  return out;
}

const middleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      if (!Array.isArray(answers)) return answers;
      return params.items.map((item, i) => (item.section === 'nianbao' ? explicitSettings(item.scopeUri) : answers[i]));
    },
  },
  // A rule's code links to its docs page; the server names the Markdown source (file://…/docs/rules/<code>.md),
  // which VS Code would open as source. VS Code opens diagnostic code links with command URIs allowed
  // (hover, Problems panel), so the link becomes the command that shows the page rendered.
  handleDiagnostics: (uri, diagnostics, next) => {
    for (const d of diagnostics) {
      const code = typeof d.code === 'object' && d.code.target.scheme === 'file' ? /\/docs\/rules\/([a-z0-9-]+)\.md$/.exec(d.code.target.path)?.[1] : undefined;
      if (code && typeof d.code === 'object') d.code = { value: d.code.value, target: ruleDocsCommand(code) };
    }
    next(uri, diagnostics);
  },
};

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
