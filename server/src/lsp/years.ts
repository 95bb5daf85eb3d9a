import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FileEvent, WorkspaceFolder } from 'vscode-languageserver';
import { checkAcrossYears, type Finding, type Locale } from '../core/service';
import type { Settings } from '../core/settings';
import { pairByBody } from '../core/years/pairing';
import { summaryOfText, type YearSummary } from '../core/years/summary';
import { documentKind, importFile, MAX_BYTES } from '../import/index';
import { summaryInSource } from '../import/inSource';
import { atFileStart } from './workspaceFiles';

// Last year's report for an open one, in its workspace folder (on disk: virtual workspaces have none
// the server can read), for the checks across years. The folder's report files are listed once and
// each is read (through the importers) once, when first needed; both are kept until the client says a
// file changed (workspace/didChangeWatchedFiles). An open document counts as the editor has it. The
// search for a document's last year is kept too, until a file or the settings change: a keystroke
// never scans the folder.

/** A report: where it is, what the checks across years read of it, and whether its places are the file's own (not a Word or PDF file's draft). */
export interface Known { uri: string; summary: YearSummary | undefined; positioned: boolean }

/** Folders that hold no reports; as the client's search for “check every report” skips them. */
const SKIP = new Set(['node_modules', '.git', '.vscode', 'dist', 'out']);
/** Bounds on a folder's listing: a huge tree is not a folder of reports. */
const MAX_FILES = 2000, MAX_DEPTH = 8;
const YEARS_IN_NAME = /(?:19|20)\d\d/g;

interface Search { key: string; done: Promise<void>; settled: boolean; stale: boolean; lastYear: string | undefined }

export class LastYears {
  private readonly listings = new Map<string, Promise<string[]>>();
  private readonly files = new Map<string, Promise<Known>>();
  private readonly searches = new Map<string, Search>();
  /** The disk reports of the last search, by URI (an open document's is asked of the editor each time). */
  private readonly found = new Map<string, Known>();

  constructor(
    private readonly folders: () => WorkspaceFolder[],
    /** An open document's report as the editor has it; undefined when it is not open. */
    private readonly open: (uri: string) => Known | undefined,
    private readonly openUris: () => string[],
    private readonly onError: (what: string, error: unknown) => void,
  ) {}

  /**
   * The search for the document's last year: kept while its body, year and the settings' choice stay
   * the same and no file changed. `settled` false: the one before it (if any) is what `findings` shows meanwhile.
   */
  search(uri: string, summary: YearSummary, settings: Settings): Search {
    const choice = settings.acrossYears?.previous;
    const key = `${summary.body}\u0000${summary.year}\u0000${JSON.stringify(choice ?? null)}`;
    const known = this.searches.get(uri);
    if (known && known.key === key && !known.stale) return known;
    const s: Search = { key, settled: false, stale: false, lastYear: known?.key === key ? known.lastYear : undefined, done: Promise.resolve() };
    s.done = this.find(uri, summary, choice).then((lastYear) => {
      if (lastYear && lastYear.uri !== uri && !this.open(lastYear.uri)) this.found.set(lastYear.uri, lastYear);
      s.lastYear = lastYear?.uri;
    }, (error) => this.onError('last year’s report', error)).finally(() => { s.settled = true; });
    this.searches.set(uri, s);
    return s;
  }

  /** The findings across years of the document with this summary, by the last search for it (none while there was none). */
  findings(uri: string, summary: YearSummary | undefined, settings: Settings, locale: Locale): Finding[] {
    const lastYearUri = this.searches.get(uri)?.lastYear;
    const last = lastYearUri === undefined ? undefined : this.open(lastYearUri) ?? this.found.get(lastYearUri);
    if (!summary || !last?.summary) return [];
    const pair = { current: { ...summary, file: uri }, previous: { ...last.summary, file: last.uri }, copiedWarning: settings.acrossYears?.copiedTextWarning ?? 0.5 };
    const findings = checkAcrossYears(pair, { locale, onError: (error, rule) => this.onError(`check ${rule}`, error) });
    // (Only last year's places are in its draft; this year's, with no file, are in this document.)
    return last.positioned ? findings : findings.map((f) => ({ ...f, related: f.related?.map((r) => (r.file === undefined ? r : atFileStart(r, locale))) }));
  }

  /** The open documents whose last year is this one. */
  dependents(uri: string): string[] {
    return [...this.searches].filter(([other, s]) => other !== uri && s.lastYear === uri).map(([other]) => other);
  }

  /** A document closed: its search goes; the others search again (it may have been last year's as the editor had it). */
  closed(uri: string): void {
    this.searches.delete(uri);
    this.staleSearches();
  }

  /** Files created, changed or deleted: forget what was read of them, and search again. Whether any was a report file. */
  changed(events: FileEvent[]): boolean {
    let any = false;
    for (const e of events) {
      if (!documentKind(e.uri)) continue;
      any = true;
      this.files.delete(e.uri);
      this.found.delete(e.uri);
      // A file created or deleted changes the listing of its folder; a change of its text does not.
      if (e.type !== 2) this.listings.clear();
    }
    if (any) this.staleSearches();
    return any;
  }

  /** The settings or the folders changed: search again (the files read are still good). */
  staleSearches(): void {
    for (const s of this.searches.values()) s.stale = true;
  }

  private async find(uri: string, summary: YearSummary, choice: Record<string, string | null> | undefined): Promise<Known | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const folder = this.folders().map((f) => f.uri).find((f) => f.startsWith('file:') && (uri + '/').startsWith(f.endsWith('/') ? f : f + '/'));
    const root = folder ? fileURLToPath(folder) : path.dirname(file);
    // .nianbao.json (at the folder's root) names it: relative paths, null for none.
    const named = choice && Object.entries(choice).find(([report]) => path.resolve(root, report) === file);
    if (named) return named[1] === null ? undefined : this.report(pathToFileURL(path.resolve(root, named[1])).href);
    const lastYear = String(summary.year - 1);
    const uris = new Set([...(await this.listing(root)), ...this.openUris().filter((u) => u.startsWith(pathToFileURL(root).href + '/'))]);
    uris.delete(uri);
    const candidates: Known[] = [];
    for (const candidate of uris) {
      // A file whose name has years, none of them last year, is not read (“2022年报.docx” when 2023 is sought).
      const years = path.basename(decodeURIComponent(candidate)).match(YEARS_IN_NAME);
      if (years && !years.includes(lastYear)) continue;
      const known = await this.report(candidate);
      if (known.summary?.year === summary.year - 1) candidates.push(known);
    }
    const self = { uri, summary, positioned: true };
    const reports = [self, ...candidates].map((k) => ({ k, body: k.summary!.body, year: k.summary!.year }));
    return pairByBody(reports).find(([now]) => now.k === self)?.[1].k;
  }

  /** A report as the editor has it, else as it is on disk (read once). */
  private report(uri: string): Promise<Known> {
    const open = this.open(uri);
    if (open) return Promise.resolve(open);
    let known = this.files.get(uri);
    if (!known) this.files.set(uri, known = readReport(uri));
    return known;
  }

  private listing(root: string): Promise<string[]> {
    let listed = this.listings.get(root);
    if (!listed) this.listings.set(root, listed = listReports(root).catch((error) => { this.onError(`listing ${root}`, error); return []; }));
    return listed;
  }
}

async function listReports(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // a folder that cannot be read holds no report for us
    }
    for (const e of entries) {
      if (out.length >= MAX_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH && !SKIP.has(e.name) && !e.name.startsWith('.')) await walk(full, depth + 1);
      else if (e.isFile() && documentKind(e.name)) out.push(pathToFileURL(full).href);
    }
  };
  await walk(root, 0);
  return out;
}

/** A report file on disk through the importers (as “check every report” reads it); a file that is no report has no summary. */
async function readReport(uri: string): Promise<Known> {
  const kind = documentKind(uri) ?? 'text';
  const none: Known = { uri, summary: undefined, positioned: false };
  let bytes: Buffer;
  try {
    bytes = await readFile(fileURLToPath(uri));
  } catch {
    return none;
  }
  if (bytes.length > MAX_BYTES[kind]) return none;
  const imported = await importFile(uri, bytes);
  if ('refused' in imported) return none;
  const summary = summaryInSource(summaryOfText(imported.text), imported.text, 'source' in imported ? imported.source : undefined);
  return { uri, summary, positioned: kind === 'text' || kind === 'html' };
}
