import {
  CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind,
  type CodeAction, type CodeActionParams, type Connection, type Diagnostic, type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, RULES, type CheckResult, type Finding, type Locale } from '../core/service';
import { applyRuleLevels, readSettings, type Settings } from '../core/settings';
import { LineIndex, type Range } from '../core/lineIndex';
import { importPage, importText } from '../import/index';
import { findingsInSource } from '../import/inSource';
import { AUTHORING_CAPABILITIES, registerAuthoring } from './authoring';
import { asksForFixAll, codeActions, FIX_ALL_KIND } from './codeActions';
import { SETTINGS_FILE, SettingsSource } from './config';
import { toDiagnostic } from './diagnostics';
import { documentSource, noticeActions, wrongEncoding } from './encoding';
import { inlayHints } from './inlayHints';
import { documentPreview } from './preview';
import { guard, logError, onNotification, onRequest, runSafe } from './runner';
import { exportForEditor } from './export';
import { silenceActions, unsilenced } from './silence';
import { status } from './status';
import { checkFile, importForEditor } from './workspaceFiles';
import { yearSummary, type YearSummary } from '../core/years/summary';
import { placeInSource, summaryInSource, type MappedSource } from '../import/inSource';
import { LastYears } from './years';

// The language server: a thin face of the core. It checks each document version once, pushes the
// findings as diagnostics and answers code actions from the same cached findings.

const DEBOUNCE_MS = 300;
const MAX_DIAGNOSTICS = 1000;
/** Real reports stay far below this many characters; checking a larger text would only stall the server. */
const MAX_CHARS = 1_000_000;
/** Plain text, Markdown and web pages are shown findings only when they turn out to be a report. */
const MAYBE_REPORT = new Set(['plaintext', 'markdown', 'html']);

interface Validation {
  version: number;
  /** The findings' language: a change of nianbao.language checks the text again. */
  locale: Locale;
  /** Absent when the text was not checked (another language, too large, or the check threw). */
  result?: CheckResult;
  /** The findings shown for this version: none for a text file that is not a report. */
  findings: Finding[];
  /** What the checks across years read of it (a web page's places in its HTML); none when it names no body or year. */
  summary?: YearSummary;
  /** A web page, or a text with HTML tables: the draft made of it and its text with the map between them (the table preview places its cells by them). */
  page?: { draft: string; source: MappedSource };
}

/** What was last published for a document: the findings after the settings and the silenced ones. */
interface Shown { version: number; findings: Finding[]; settings: Settings; locale: Locale; result?: CheckResult; isReport: boolean; page?: Validation['page'] }

/** Where a range of a document's report is in the document: the same, but for the draft made of a web page or of a text's HTML tables. */
function inDocument(page: Validation['page']): ((r: Range) => Range) | undefined {
  if (!page) return undefined;
  const place = placeInSource(page.draft, page.source);
  return (r) => place(r).range;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const validations = new Map<string, Validation>();
  const timers = new Map<string, NodeJS.Timeout>();
  const shown = new Map<string, Shown>();
  /** Each document's latest search for last year's report, counted: an older one that settles late shows nothing. */
  const searching = new Map<string, number>();
  /** The version of each document whose edits were last passed on to the reports it is last year's of. */
  const told = new Map<string, number>();
  /** The keys of the findings silenced in each document (silence.ts), as the client last sent them. */
  const silenced = new Map<string, Set<string>>();
  let settings!: SettingsSource;
  /** The locale of the settings given at start-up: for files the editor has not opened. */
  let locale: Locale = 'zh';
  let display: Locale = 'zh';
  let versionedEdits = false;
  let refreshHints = false;
  let configurationChanges = false;
  let folderChanges = false;
  let folders: WorkspaceFolder[] = [];
  /** An open document as the checks across years read it: its current version's summary. */
  const openReport = (uri: string) => {
    const document = documents.get(uri);
    if (!document) return undefined;
    return { uri, summary: validation(document, shown.get(uri)?.locale ?? locale).summary, positioned: true };
  };
  const lastYears = new LastYears(() => folders, openReport, () => documents.all().map((d) => d.uri), (what, error) => logError(connection, what, error));

  connection.onInitialize((params): InitializeResult => {
    // nianbao.language: Chinese unless the user chose English, or “auto” and VS Code is in English.
    // initializationOptions may carry it (editors that do not answer workspace/configuration).
    const initial = readSettings(params.initializationOptions ?? undefined).settings;
    display = params.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
    locale = localeOf(initial.language);
    const { workspace } = params.capabilities;
    versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
    refreshHints = workspace?.inlayHint?.refreshSupport === true;
    configurationChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderChanges = workspace?.workspaceFolders === true;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    settings = new SettingsSource(connection, workspace?.configuration === true, folders, initial);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        inlayHintProvider: true,
        ...AUTHORING_CAPABILITIES,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(() => {
    // VS Code sends configuration changes only to servers that register for them.
    if (configurationChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'nianbao' });
    // A folder added or removed may bring or take a .nianbao.json.
    if (folderChanges) connection.workspace.onDidChangeWorkspaceFolders(guard(connection, 'workspaceFolders', (e) => {
      const removed = new Set(e.removed.map((f) => f.uri));
      reconfigure([...folders.filter((f) => !removed.has(f.uri)), ...e.added]);
    }));
  });

  const localeOf = (language: Settings['language'] | undefined): Locale =>
    language === 'en' ? 'en' : language === 'auto' ? display : 'zh';

  /** The validation of the document's current version; the core runs at most once per version and locale. */
  function validation(document: TextDocument, locale: Locale): Validation {
    const cached = validations.get(document.uri);
    if (cached?.version === document.version && cached.locale === locale) return cached;
    const v: Validation = { version: document.version, locale, findings: [] };
    try {
      const { languageId } = document;
      const text = document.getText();
      const ours = languageId === 'nianbao' || MAYBE_REPORT.has(languageId);
      const source = ours ? documentSource(document.uri, locale) : undefined;
      if (source) {
        v.findings = [source];
      } else if (ours && text.length > MAX_CHARS) {
        // Say so rather than stay silent, when the text looks like a report at all.
        if (languageId === 'nianbao' || text.slice(0, 5000).includes('政府信息公开')) v.findings = [tooLarge(text.length, locale)];
      } else if (ours) {
        // A web page (or a text's HTML tables) is checked as the draft made of it; its findings and fixes are moved back into its HTML.
        const imported = languageId === 'html' ? importPage(text) : importText(text);
        const draft = imported.text;
        v.result = check(draft, { locale, onError: (error, rules) => logError(connection, `check ${rules}`, error) });
        if (languageId === 'nianbao' || v.result.report.looksLikeReport) {
          v.findings = imported.source ? findingsInSource(v.result.findings, draft, imported.source) : v.result.findings;
          v.summary = summaryInSource(yearSummary(v.result.report, v.result.idx), draft, imported.source);
          if (imported.source) v.page = { draft, source: imported.source };
        }
        const encoding = wrongEncoding(text, locale);
        if (encoding) v.findings = [encoding, ...v.findings];
      }
    } catch (error) {
      // Cached anyway, so a text that breaks the parser is not parsed again until it changes.
      logError(connection, `checking ${document.uri}`, error);
    }
    validations.set(document.uri, v);
    return v;
  }

  function tooLarge(length: number, locale: Locale): Finding {
    const message = locale === 'en'
      ? `The document has ${length} characters, more than ${MAX_CHARS}; it was not checked, to keep the editor responsive.`
      : `文档有 ${length} 个字符，超过 ${MAX_CHARS}，为保持编辑器流畅未作检查。`;
    return { code: 'too-large', severity: 'information', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    connection.sendDiagnostics({ uri, version, diagnostics }).catch((error) => logError(connection, 'sendDiagnostics', error));
  }

  /**
   * `show`, once the document's settings are known (asked of the client); no debounced check fires meanwhile.
   * Last year's report is searched for (once; lsp/years.ts) meanwhile the findings of this one are shown.
   */
  async function validate(uri: string): Promise<void> {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    const s = await settings.forDocument(uri);
    const document = documents.get(uri);
    const summary = document && validation(document, localeOf(s.language)).summary;
    const search = summary && lastYears.search(uri, summary, s);
    show(uri, s);
    if (search && !search.settled) {
      const before = search.lastYear, generation = (searching.get(uri) ?? 0) + 1;
      searching.set(uri, generation);
      await search.done;
      // Shown again only if a report of last year turned up, and nothing newer was shown meanwhile.
      if (searching.get(uri) === generation && (search.lastYear !== undefined || before !== undefined)) show(uri, shown.get(uri)?.settings ?? s);
    }
    // The reports whose last year this one is: their findings across years follow its edits.
    const version = document?.version;
    if (version !== undefined && told.get(uri) !== version) {
      told.set(uri, version);
      for (const other of lastYears.dependents(uri)) if (documents.get(other)) void validateSafe(other);
    }
  }

  /** Checks the document's current version (once) with these settings and publishes what they and the silenced keys let through. */
  function show(uri: string, s: Settings): void {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    const document = documents.get(uri); // after a wait for the settings: the document may have changed or closed
    if (!document) return;
    const locale = localeOf(s.language);
    const { version, findings: own, result, summary, page } = validation(document, locale);
    const across = lastYears.findings(uri, summary, s, locale);
    const findings = across.length ? [...own, ...across] : own;
    const visible = visibleOf(document, findings, s);
    const isReport = document.languageId === 'nianbao' || result?.report.looksLikeReport === true;
    shown.set(uri, { version, findings: visible, settings: s, locale, result, isReport, page });
    publish(uri, visible.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(f, uri)), version);
    // Checked on save, the hints of the saved version replace those withdrawn while typing (below).
    if (s.validate === 'onSave' && refreshHints) connection.languages.inlayHint.refresh().catch((error) => logError(connection, 'inlayHint/refresh', error));
  }
  /** The findings the settings and the document's silenced keys let through. */
  const visibleOf = (document: TextDocument, findings: Finding[], s: Settings) =>
    unsilenced(document, applyRuleLevels(findings, s.rules), silenced.get(document.uri));

  const validateSafe = (uri: string) => validate(uri).catch((error) => logError(connection, 'validation', error));

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => void validateSafe(uri), DEBOUNCE_MS));
  }

  /** After a change of settings, settings file or silenced findings: check the open documents again. */
  function revalidateAll(): void {
    for (const d of documents.all()) void validateSafe(d.uri);
    if (refreshHints) connection.languages.inlayHint.refresh().catch((error) => logError(connection, 'inlayHint/refresh', error));
  }

  function reconfigure(newFolders?: WorkspaceFolder[]): void {
    if (newFolders) folders = newFolders;
    settings.clear(newFolders);
    lastYears.staleSearches();
    revalidateAll();
  }

  documents.onDidOpen(guard(connection, 'didOpen', (e) => void validateSafe(e.document.uri)));
  documents.onDidChangeContent(guard(connection, 'didChange', (e) => {
    // Opening a document fires this too, right after onDidOpen validated the same version.
    const { uri, version } = e.document;
    if (validations.get(uri)?.version === version) return;
    // nianbao.validate “onSave”: typing changes nothing until the document is saved.
    void settings.forDocument(uri).then((s) => { if (s.validate === 'onType') schedule(uri); }, (error) => logError(connection, 'settings', error));
  }));
  documents.onDidSave(guard(connection, 'didSave', (e) => void validateSafe(e.document.uri)));
  documents.onDidClose(guard(connection, 'didClose', (e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    validations.delete(e.document.uri);
    shown.delete(e.document.uri);
    told.delete(e.document.uri);
    searching.delete(e.document.uri);
    // Last year's report as it is on disk again, for the reports it is last year's of.
    const dependents = lastYears.dependents(e.document.uri);
    lastYears.closed(e.document.uri);
    for (const other of dependents) void validateSafe(other);
    settings.forget(e.document.uri);
    publish(e.document.uri, []);
  }));

  // The editor settings changed (the server pulls them again), a .nianbao.json changed (the client
  // watches them), or the client sends a document's silenced findings.
  connection.onDidChangeConfiguration(guard(connection, 'didChangeConfiguration', () => reconfigure()));
  // A report file created, changed or deleted on disk (the client watches them too): the checks across years read it again.
  connection.onDidChangeWatchedFiles(guard(connection, 'didChangeWatchedFiles', (e) => {
    if (e.changes.some((c) => c.uri.endsWith('/' + SETTINGS_FILE))) reconfigure();
    else if (lastYears.changed(e.changes)) for (const d of documents.all()) void validateSafe(d.uri);
  }));
  onNotification(connection, 'nianbao/silenced', (params) => {
    silenced.set(params.uri, new Set(params.keys));
    if (documents.get(params.uri)) void validateSafe(params.uri);
  });

  /** What is shown for the document's current version, if it has been checked. */
  function current(uri: string): { document: TextDocument; shown: Shown } | undefined {
    const document = documents.get(uri), s = shown.get(uri);
    if (!document || !s || s.version !== document.version) return undefined;
    return { document, shown: s };
  }

  connection.onCodeAction(async (params, token) => {
    // Quick fixes wait for the check: the diagnostics they are asked for were published for an older
    // version, and on this one their ranges may point elsewhere. Fix-all does not: VS Code asks for it
    // on save right after the last keystroke's didChange, inside the debounce, and an empty answer
    // was why "editor.codeActionsOnSave" did nothing. So this version is checked now (once: the
    // debounced validation is cancelled by it).
    const { uri } = params.textDocument;
    if (!current(uri) && asksForFixAll(params.context.only) && documents.get(uri)) {
      // With the settings of the version shown before, when there is one: no round trip to the client
      // while VS Code waits to save (settings changes re-check every document anyway).
      const last = shown.get(uri);
      if (last) guard(connection, 'validation', show)(uri, last.settings);
      else await validateSafe(uri);
    }
    return runSafe(connection, 'codeAction', token, [], () => codeActionsNow(params));
  });

  function codeActionsNow(params: CodeActionParams): CodeAction[] {
    const now = current(params.textDocument.uri);
    if (!now) return [];
    const { document, shown: { findings, locale } } = now;
    return [
      ...noticeActions(document.uri, params.context, locale),
      ...codeActions({ uri: document.uri, version: document.version, findings, locale, versionedEdits }, params.context),
      ...(!params.context.only || params.context.only.includes(CodeActionKind.QuickFix) ? silenceActions(document, params.context.diagnostics, locale) : []),
    ];
  }

  connection.languages.inlayHint.on((params, token) => runSafe(connection, 'inlayHint', token, [], () => {
    const { uri } = params.textDocument;
    const document = documents.get(uri), last = shown.get(uri);
    if (!document || !last || last.settings.inlayHints === 'off') return [];
    if (last.version === document.version) return last.result ? inlayHints(last.result.report, last.findings, params.range, last.locale, inDocument(last.page)) : [];
    // The editor asks right after a keystroke, before the debounced check: checking this version now
    // (once; the diagnostics reuse it) keeps the hints from flickering. Checked on save, there are
    // no hints for unsaved text: their places may have moved.
    if (last.settings.validate === 'onSave') return [];
    const { findings, result, page } = validation(document, last.locale);
    if (!result) return [];
    return inlayHints(result.report, visibleOf(document, findings, last.settings), params.range, last.locale, inDocument(page));
  }));

  // The client's language status item: what the checker read of the document.
  // It describes the last check, which is of an older version while a check on save waits for the save.
  onRequest(connection, 'nianbao/status', (params) => {
    const last = documents.get(params.uri) && shown.get(params.uri);
    return last ? status(last.version, last.result, last.findings, last.isReport) : status(undefined, undefined, [], false);
  });

  // The rule list of the palette's command, in the document's (or the start-up) language, with the levels in force.
  onRequest(connection, 'nianbao/rules', async (params) => {
    const s = params.uri ? await settings.forDocument(params.uri) : undefined;
    const l = s ? localeOf(s.language) : locale;
    return RULES.map((r) => ({ code: r.code, title: r.title[l], severity: r.severity, level: s?.rules[r.code] ?? r.severity }));
  });

  // The client's commands: convert a Word/PDF report to a draft; check every report of the workspace.
  // A file the editor has open is checked as it is there, not as it is on disk.
  onRequest(connection, 'nianbao/import', async (params) => importForEditor(params, localeOf((await settings.forDocument(params.uri)).language)));
  onRequest(connection, 'nianbao/checkFile', async (params) => {
    const s = await settings.forDocument(params.uri);
    const open = documents.get(params.uri);
    if (!open) return checkFile(connection, params, localeOf(s.language), s.rules);
    const { findings, result } = validation(open, localeOf(s.language));
    return { findings: applyRuleLevels(findings, s.rules).length, report: result?.report.looksLikeReport ?? false };
  });

  // The client's table preview (lsp/preview.ts): the document's current version, checked now if the
  // debounced check has not run yet (once: the diagnostics reuse it), with the findings shown for it.
  onRequest(connection, 'nianbao/preview', async (params) => {
    try {
      const s = shown.get(params.uri)?.settings ?? await settings.forDocument(params.uri);
      const document = documents.get(params.uri);
      if (!document) return null;
      const { result, findings, locale, page } = validation(document, localeOf(s.language));
      if (!result || !(document.languageId === 'nianbao' || result.report.looksLikeReport)) return null;
      return documentPreview(document.version, result, visibleOf(document, findings, s), locale, page);
    } catch (error) {
      logError(connection, 'nianbao/preview', error);
      return null;
    }
  });

  // The client's command “导出 Word” (lsp/export.ts): an open document as the editor has it, its errors
  // those the Problems panel shows (the settings applied and, in a text document, the ignored ones left out).
  onRequest(connection, 'nianbao/export', async (params) => {
    const s = await settings.forDocument(params.uri);
    const open = documents.get(params.uri);
    const shownOf = (findings: Finding[]) => (open && open.languageId !== 'html' ? visibleOf(open, findings, s) : applyRuleLevels(findings, s.rules));
    return exportForEditor(params, open?.getText(), localeOf(s.language), shownOf);
  });

  // Writing the report (lsp/authoring.ts): completion, hover, outline, folding, formatting — on the
  // report parsed for the current version, and only in a text that is a report (or a new .nianbao file).
  // Their words follow the document's nianbao.language as its findings do (not the language at start-up).
  registerAuthoring(connection, documents, (document) => {
    const documentLocale = shown.get(document.uri)?.locale ?? locale;
    const { result, page } = validation(document, documentLocale);
    // (Not in a web page, or a text with HTML tables: the report is in the draft made of it, whose positions are not the document's.)
    if (page || !result || !(document.languageId === 'nianbao' || result.report.looksLikeReport)) return undefined;
    return { report: result.report, idx: new LineIndex(document.getText()), locale: documentLocale };
  });

  connection.onShutdown(() => timers.forEach((t) => clearTimeout(t)));

  documents.listen(connection);
  connection.listen();
}
