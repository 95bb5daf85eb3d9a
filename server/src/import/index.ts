import { decodeText, refuseText, type Encoding } from './decode';
import { importPdf } from './pdf';
import type { ImportResult, Said } from './types';

// The document formats nianbao reads, by file extension, and the one entry point that turns a
// non-text document's bytes into a draft the reader reads. Plain text (.txt, .md) is decoded by
// decode.ts and read as it is.

export type DocumentKind = 'text' | 'html' | 'docx' | 'pdf';

const BY_EXTENSION: Record<string, DocumentKind> = {
  '.txt': 'text', '.md': 'text', '.markdown': 'text',
  '.html': 'html', '.htm': 'html',
  '.docx': 'docx',
  '.pdf': 'pdf',
};

/** The extensions a folder is searched for, for messages: “.txt、.md、.html…”. */
export const EXTENSIONS = Object.keys(BY_EXTENSION);

/** The kind of document a file name says it is (by its extension, in any case), or undefined. */
export function documentKind(name: string): DocumentKind | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[name.slice(dot).toLowerCase()];
}

/** No report comes near these sizes; a bigger file is something else and is not read whole. */
export const MAX_BYTES: Record<DocumentKind, number> = {
  text: 10 * 1024 * 1024, html: 10 * 1024 * 1024, docx: 50 * 1024 * 1024, pdf: 50 * 1024 * 1024,
};

const NOT_YET: Said = { zh: '暂不支持此格式', en: 'this format is not supported yet' };

/** The report in a Word, web-page or PDF document, as draft text; or why there is none. Never throws. */
export async function importDocument(kind: Exclude<DocumentKind, 'text'>, bytes: Uint8Array): Promise<ImportResult> {
  switch (kind) {
    case 'html': return { refused: NOT_YET };
    case 'docx': return { refused: NOT_YET };
    case 'pdf': return importPdf(bytes);
  }
}

/**
 * Any report file's bytes as report text, by the kind its name says: text decoded (strictly, see
 * decode.ts), other documents through their importer. The language server's way in; the CLI reads
 * text files itself, synchronously, and comes here for the rest.
 */
export async function importFile(name: string, bytes: Uint8Array): Promise<ImportResult & { encoding?: Encoding }> {
  const kind = documentKind(name) ?? 'text';
  if (kind !== 'text') return importDocument(kind, bytes);
  const decoded = decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('text' in decoded)) return { refused: decoded };
  const refused = refuseText(decoded.text);
  return refused ? { refused } : decoded;
}
