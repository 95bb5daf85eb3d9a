import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  ConfigurationRequest, createProtocolConnection, DidOpenTextDocumentNotification, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
  ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

// A minimal LSP client for the tests: it starts the bundled server as a child process over stdio,
// as an editor would, and remembers the latest diagnostics published for each document.

const WAIT_MS = 5000;

export interface TestClient {
  connection: ProtocolConnection;
  /** Opens a document (version 1), as an editor does. */
  open(uri: string, text: string, languageId?: string): Promise<void>;
  /** The diagnostics the server publishes for this version of the document, or (undefined) for a file not open (waits for them). */
  diagnostics(uri: string, version: number | undefined): Promise<Diagnostic[]>;
  /** The next diagnostics published for the document, whatever the version (after a change of settings). */
  nextDiagnostics(uri: string): Promise<Diagnostic[]>;
  isAlive(): boolean;
  stop(): Promise<void>;
}

/** What an editor with settings has: it answers workspace/configuration and may have workspace folders. */
export interface TestClientOptions {
  /** The `nianbao` section for a document (read at each request, so a test can change it). */
  configuration?: (scopeUri: string | undefined) => unknown;
  workspaceFolders?: { uri: string; name: string }[];
}

/** A file as the client sends it in `nianbao/checkFile` and `nianbao/import` (its bytes in base64). */
export const workspaceFile = (uri: string, content: Buffer | string) =>
  ({ uri, name: new URL(uri).pathname, data: Buffer.from(content).toString('base64') });

/** A client with VS Code's display `locale` and the extension's `nianbao.language` setting. */
export async function startTestClient(locale = 'zh-cn', language?: string, options: TestClientOptions = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters = new Set<() => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    latest.set(params.uri, params);
    waiters.forEach((w) => w());
  });
  const { configuration, workspaceFolders } = options;
  if (configuration) connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'nianbao' ? configuration(i.scopeUri) : null)));
  connection.listen();

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, locale, initializationOptions: language ? { language } : undefined,
    workspaceFolders: workspaceFolders ?? null,
    capabilities: { workspace: { workspaceEdit: { documentChanges: true }, configuration: configuration !== undefined, workspaceFolders: workspaceFolders !== undefined } },
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    open: (uri, text, languageId = 'plaintext') =>
      connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } }),
    diagnostics(uri, version) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const p = latest.get(uri);
          if (!p || p.version !== version) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(p.diagnostics);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no diagnostics for ${uri} version ${version} within ${WAIT_MS} ms`));
        }, WAIT_MS);
        waiters.add(check);
        check();
      });
    },
    nextDiagnostics(uri) {
      const before = latest.get(uri);
      return new Promise((resolve, reject) => {
        const check = () => {
          const p = latest.get(uri);
          if (!p || p === before) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(p.diagnostics);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no new diagnostics for ${uri} within ${WAIT_MS} ms`));
        }, WAIT_MS);
        waiters.add(check);
      });
    },
    isAlive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      // A polite shutdown first; the kill is what guarantees the test run does not hang.
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 1000).unref())]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // The server is already gone.
      }
      connection.dispose();
      child.kill();
    },
  };
}
