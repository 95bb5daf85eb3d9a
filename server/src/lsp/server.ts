import {
  CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type Diagnostic, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, type CheckResult, type Finding, type Locale } from '../core/service';
import { LineIndex } from '../core/lineIndex';
import { importHtml } from '../import/html';
import { findingsInSource } from '../import/inSource';
import { AUTHORING_CAPABILITIES, registerAuthoring } from './authoring';
import { asksForFixAll, codeActions, FIX_ALL_KIND } from './codeActions';
import { toDiagnostic } from './diagnostics';
import { reopenWithEncoding, wrongEncoding } from './encoding';
import { guard, logError, runSafe } from './runner';
import { checkFile, importForEditor, type FileParams } from './workspaceFiles';

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
  /** Absent when the text was not checked (another language, too large, or the check threw). */
  result?: CheckResult;
  /** The findings shown for this version: none for a text file that is not a report. */
  findings: Finding[];
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const validations = new Map<string, Validation>();
  const timers = new Map<string, NodeJS.Timeout>();
  let locale: Locale = 'zh';
  let versionedEdits = false;

  connection.onInitialize((params): InitializeResult => {
    // The nianbao.language setting: Chinese unless the user chose English, or “auto” and VS Code is in English.
    const language = (params.initializationOptions as { language?: string } | undefined)?.language;
    const display = params.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
    locale = language === 'en' ? 'en' : language === 'auto' ? display : 'zh';
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...AUTHORING_CAPABILITIES,
      },
    };
  });

  /** The validation of the document's current version; the core runs at most once per version. */
  function validation(document: TextDocument): Validation {
    const cached = validations.get(document.uri);
    if (cached?.version === document.version) return cached;
    const v: Validation = { version: document.version, findings: [] };
    try {
      const { languageId } = document;
      const text = document.getText();
      const ours = languageId === 'nianbao' || MAYBE_REPORT.has(languageId);
      if (ours && text.length > MAX_CHARS) {
        // Say so rather than stay silent, when the text looks like a report at all.
        if (languageId === 'nianbao' || text.slice(0, 5000).includes('政府信息公开')) v.findings = [tooLarge(text.length)];
      } else if (ours) {
        // A web page is checked as the draft made of it; its findings and fixes are moved back into its HTML.
        const imported = languageId === 'html' ? importHtml(text) : undefined;
        const draft = imported?.text ?? text;
        v.result = check(draft, { locale, onError: (error, rules) => logError(connection, `check ${rules}`, error) });
        if (languageId === 'nianbao' || v.result.report.looksLikeReport) {
          v.findings = imported?.source ? findingsInSource(v.result.findings, draft, imported.source) : v.result.findings;
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

  function tooLarge(length: number): Finding {
    const message = locale === 'en'
      ? `The document has ${length} characters, more than ${MAX_CHARS}; it was not checked, to keep the editor responsive.`
      : `文档有 ${length} 个字符，超过 ${MAX_CHARS}，为保持编辑器流畅未作检查。`;
    return { code: 'too-large', severity: 'information', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    connection.sendDiagnostics({ uri, version, diagnostics }).catch((error) => logError(connection, 'sendDiagnostics', error));
  }

  function validate(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const { version, findings } = validation(document);
    publish(uri, findings.slice(0, MAX_DIAGNOSTICS).map((f) => toDiagnostic(f, uri)), version);
  }

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(guard(connection, 'validation', () => validate(uri)), DEBOUNCE_MS));
  }

  documents.onDidOpen(guard(connection, 'didOpen', (e) => validate(e.document.uri)));
  documents.onDidChangeContent(guard(connection, 'didChange', (e) => {
    // Opening a document fires this too, right after onDidOpen validated the same version.
    if (validations.get(e.document.uri)?.version !== e.document.version) schedule(e.document.uri);
  }));
  documents.onDidClose(guard(connection, 'didClose', (e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    validations.delete(e.document.uri);
    publish(e.document.uri, []);
  }));

  connection.onCodeAction((params, token) => runSafe(connection, 'codeAction', token, [], () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    let current = validations.get(document.uri);
    if (current?.version !== document.version) {
      // Quick fixes wait for the check: the diagnostics they are asked for were published for an older
      // version, and on this one their ranges may point elsewhere. Fix-all does not: VS Code asks for it
      // on save right after the last keystroke's didChange, inside the debounce, and an empty answer
      // was why "editor.codeActionsOnSave" did nothing. So this version is checked now (once: the
      // debounced validation then finds it cached).
      if (!asksForFixAll(params.context.only)) return [];
      current = validation(document);
    }
    return [
      ...reopenWithEncoding(params.context, locale),
      ...codeActions({ uri: document.uri, version: document.version, findings: current.findings, locale, versionedEdits }, params.context),
    ];
  }));

  // The client's commands: convert a Word/PDF report to a draft; check every report of the workspace.
  // A file the editor has open is checked as it is there, not as it is on disk.
  connection.onRequest('nianbao/import', (params: FileParams) => importForEditor(params, locale));
  connection.onRequest('nianbao/checkFile', async (params: FileParams) => {
    const open = documents.get(params.uri);
    if (!open) return checkFile(connection, params, locale);
    const { findings, result } = validation(open);
    return { findings: findings.length, report: result?.report.looksLikeReport ?? false };
  });

  // Writing the report (lsp/authoring.ts): completion, hover, outline, folding, formatting — on the
  // report parsed for the current version, and only in a text that is a report (or a new .nianbao file).
  registerAuthoring(connection, documents, (document) => {
    const { result } = validation(document);
    if (!result || !(document.languageId === 'nianbao' || result.report.looksLikeReport)) return undefined;
    return { report: result.report, idx: new LineIndex(document.getText()) };
  }, () => locale);

  connection.onShutdown(() => timers.forEach((t) => clearTimeout(t)));

  documents.listen(connection);
  connection.listen();
}
