import type { Preview, TableState } from '../core/authoring/preview';
import type { ConvertResult, Layout } from '../core/authoring/layout';
import type { TableKey } from '../core/format/schema';
import type { Range } from '../core/lineIndex';
import type { Severity } from '../core/service';
import type { Level } from '../core/settings';

// nianbao's own requests and notifications between the client and the server: by method, what each is
// sent and answers. Both sides name them through here (types only: nothing of this file is bundled),
// so that a reply changed on one side is a type error on the other.

export interface Requests {
  /** The language status item: what the checker read of the document (lsp/status.ts). */
  'nianbao/status': [{ uri: string }, Status];
  /** The palette's rule list, in the document's language, with the levels in force. */
  'nianbao/rules': [{ uri?: string }, { code: string; title: string; severity: Severity; level: Level }[]];
  /** “将 Word/PDF 年报转为草稿”: a Word, PDF or web-page report's draft text (lsp/workspaceFiles.ts). */
  'nianbao/import': [FileParams, ImportReply];
  /** “检查工作区全部年报”: one file checked, its findings published by the server. */
  'nianbao/checkFile': [FileParams, CheckFileReply];
  /** “导出 Word”: the report as a .docx (lsp/export.ts). */
  'nianbao/export': [FileParams, ExportReply];
  /** The table preview (lsp/preview.ts). */
  'nianbao/preview': [{ uri: string }, PreviewReply];
  /** “转换表格排版”: the tables the selection (or the cursor, an empty one) touches, into layout `to`. */
  'nianbao/convertTable': [{ uri: string; range: Range; to: Layout }, ConvertResult];
}

export interface Notifications {
  /** The findings the author silenced in a document (lsp/silence.ts; the client keeps them across restarts). */
  'nianbao/silenced': SilencedParams;
}

export type Method = keyof Requests;
export type ParamsOf<M extends Method> = Requests[M][0];
export type ReplyOf<M extends Method> = Requests[M][1];

/** A file's name (for its kind) and its bytes, base64. */
export interface FileParams { uri: string; name: string; data: string }

/** The draft text of a document, or why there is none (a sentence in the user's language). */
export type ImportReply = { text: string } | { refused: string };

/** What checking a file gave: how many findings were published for it, or why it was not checked. */
export type CheckFileReply = { findings: number; report: boolean } | { refused: string };

/** The .docx (base64), the errors the user is asked about first, and what to tell about tables kept as written. */
export type ExportReply = { data: string; errors: number; notes: string[] } | { refused: string };

/** The preview of the document version `version`; null for a document that is not a report. */
export type PreviewReply = (Preview & { version: number }) | null;

export interface SilencedParams { uri: string; keys: string[] }

export interface Status {
  /** The document version this describes; absent when the document is not open or not checked. */
  version?: number;
  report: boolean;
  year: number | null;
  format: string | null;
  tables: { key: TableKey; state: TableState }[];
  findings: Record<Severity, number>;
}
