import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import { mergeSettings, readSettings, type Settings } from '../core/settings';
import { logError } from './runner';

// Where the server gets its settings: the editor's `nianbao` section (pulled per document, so folder
// settings apply) over the `.nianbao.json` at the root of the document's workspace folder. Both are
// read once and cached until the editor says the configuration or the file changed.

export const SETTINGS_FILE = '.nianbao.json';

export class SettingsSource {
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private readonly files = new Map<string, Promise<Partial<Settings>>>();

  constructor(
    private readonly connection: Connection,
    /** Whether the client answers workspace/configuration; otherwise only the file and `initial` count. */
    private readonly pull: boolean,
    private folders: WorkspaceFolder[],
    /** What the client said at start-up (initializationOptions): below the file, above the defaults. */
    private readonly initial: Partial<Settings>,
  ) {}

  /** Forget everything read: the editor's configuration or a settings file changed. */
  clear(folders?: WorkspaceFolder[]): void {
    this.perDocument.clear();
    this.files.clear();
    if (folders) this.folders = folders;
  }

  forDocument(uri: string): Promise<Settings> {
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.read(uri);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** Forget a closed document's settings. */
  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private async read(uri: string): Promise<Settings> {
    const folder = this.folders.find((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/'));
    const file = folder ? await this.file(folder.uri) : {};
    let editor: Partial<Settings> = {};
    if (this.pull) {
      try {
        const [raw] = await this.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'nianbao' }]);
        editor = this.valid(raw, 'editor settings nianbao.*');
      } catch (error) {
        logError(this.connection, 'workspace/configuration', error);
      }
    }
    return mergeSettings(this.initial, file, editor);
  }

  /** The folder's .nianbao.json; only folders on disk have one the server can read (not virtual workspaces). */
  private file(folderUri: string): Promise<Partial<Settings>> {
    let settings = this.files.get(folderUri);
    if (!settings) {
      settings = (async () => {
        if (!folderUri.startsWith('file:')) return {};
        const where = path.join(fileURLToPath(folderUri), SETTINGS_FILE);
        let text: string;
        try {
          text = await readFile(where, 'utf8');
        } catch {
          return {}; // no settings file: the usual case
        }
        try {
          return this.valid(JSON.parse(text.replace(/^\uFEFF/, '')), where);
        } catch (error) {
          this.connection.console.warn(`nianbao: ${where} ignored: ${error instanceof Error ? error.message : String(error)}`);
          return {};
        }
      })();
      this.files.set(folderUri, settings);
    }
    return settings;
  }

  /** The valid keys; what is not valid is ignored, with one log line (never an error shown to the user). */
  private valid(raw: unknown, where: string): Partial<Settings> {
    const { settings, problems } = readSettings(raw);
    if (problems.length) this.connection.console.warn(`nianbao: ${where}: ignored ${problems.join('; ')}`);
    return settings;
  }
}
