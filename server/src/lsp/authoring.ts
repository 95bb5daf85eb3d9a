import {
  CompletionItemKind, MarkupKind, SymbolKind,
  type CompletionItem, type Connection, type DocumentSymbol, type FoldingRange, type Hover, type ServerCapabilities, type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { alignMarkdownTables, alignTabTables } from '../core/authoring/align';
import { completionsAt } from '../core/authoring/complete';
import { convertTables, LAYOUTS, type ConvertResult } from '../core/authoring/layout';
import { hoverAt } from '../core/authoring/hover';
import { foldingRanges, outline, type OutlineNode } from '../core/authoring/outline';
import type { LineIndex } from '../core/lineIndex';
import type { Report } from '../core/model';
import type { Locale } from '../core/service';
import { onRequest, runSafe } from './runner';

// Writing the report: completion, hover, outline, folding, formatting and the command that converts a
// table's layout (request nianbao/convertTable), each a thin wrapper over
// core/authoring. The server hands over the document's report, parsed once per version (or nothing
// for a text that is not a report).

export const AUTHORING_CAPABILITIES: ServerCapabilities = {
  completionProvider: {},
  hoverProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
};

/** The document's report, and the language of its findings, which completion and hover speak too. */
export interface Parsed { report: Report; idx: LineIndex; locale: Locale }


const COMPLETION_KINDS = { section: CompletionItemKind.Module, row: CompletionItemKind.Field, value: CompletionItemKind.Value } as const;

function symbol(n: OutlineNode): DocumentSymbol {
  return {
    name: n.name, detail: n.detail, kind: n.kind === 'section' ? SymbolKind.Namespace : SymbolKind.Struct,
    range: n.range, selectionRange: n.selectionRange, children: n.children.map(symbol),
  };
}

export function registerAuthoring(
  connection: Connection, documents: { get(uri: string): TextDocument | undefined },
  parsed: (document: TextDocument) => Parsed | undefined,
): void {
  /** Runs `answer` on the document's report, or answers `fallback` when there is none. */
  const withReport = <T>(what: string, uri: string, token: Parameters<typeof runSafe>[2], fallback: T, answer: (p: Parsed) => T) =>
    runSafe(connection, what, token, fallback, () => {
      const document = documents.get(uri);
      const p = document && parsed(document);
      return p ? answer(p) : fallback;
    });

  connection.onCompletion((params, token) => withReport('completion', params.textDocument.uri, token, [] as CompletionItem[], ({ report, idx, locale }) =>
    completionsAt(report, idx, params.position, locale).map((c): CompletionItem => ({
      label: c.label, detail: c.detail, kind: COMPLETION_KINDS[c.kind], sortText: c.sortText, preselect: c.preselect || undefined,
      filterText: c.newText, textEdit: { range: c.range, newText: c.newText },
    }))));

  connection.onHover((params, token) => withReport('hover', params.textDocument.uri, token, null as Hover | null, ({ report, locale }) => {
    const h = hoverAt(report, params.position, locale);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
  }));

  connection.onDocumentSymbol((params, token) =>
    withReport('documentSymbol', params.textDocument.uri, token, [] as DocumentSymbol[], ({ report, idx }) => outline(report, idx).map(symbol)));

  connection.onFoldingRanges((params, token) =>
    withReport('foldingRanges', params.textDocument.uri, token, [] as FoldingRange[], ({ report, idx }) => foldingRanges(report, idx)));

  // A tab-separated row has no pipe (align.ts): the two aligners never edit the same line.
  connection.onDocumentFormatting((params, token) =>
    withReport('formatting', params.textDocument.uri, token, [] as TextEdit[], ({ report, idx }) =>
      [...alignMarkdownTables(idx), ...alignTabTables(report, idx)]));
  connection.onDocumentRangeFormatting((params, token) =>
    withReport('rangeFormatting', params.textDocument.uri, token, [] as TextEdit[], ({ report, idx }) =>
      [...alignMarkdownTables(idx, params.range), ...alignTabTables(report, idx, params.range)]));

  const noTable: ConvertResult = { refused: 'no-table' };
  onRequest(connection, 'nianbao/convertTable', (params, token) =>
    withReport('convertTable', params.uri, token, noTable, ({ report, idx }) =>
      LAYOUTS.includes(params.to) ? convertTables(report, idx, params.range, params.to) : noTable));
}
