import { readText, type Encoding } from './decode';
import { MIME_ARCHIVE, pageOfMht } from './mht';
import { documentKind, type DocumentKind } from './formats';
import { importIsolated, LIMITS, type Limits } from './isolated';
import { hasText, importerFailed, type Imported, type ImportResult, type Said } from './types';

// The one entry point that turns a non-text document's bytes into a draft the reader reads. Plain
// text (.txt, .md) is decoded by decode.ts and read as it is, but for the HTML tables it may hold;
// formats.ts says which is which.

export { documentKind, EXTENSIONS, MAX_BYTES, type DocumentKind } from './formats';

const NO_TEXT: Said = { zh: '网页中没有文字', en: 'the web page holds no text' };

/**
 * The web-page importer, loaded on first use (a bundle of their own, dist/structured.js, shared with
 * the worker that reads Word and OFD files).
 * require, not import(): bin/nianbao runs the CLI's bundle as a vm.Script, which has no loader for import().
 */
const structured = () => require('./structured') as typeof import('./structured');

/** A web page's text (a file's, or one the editor has open) as a draft, with where the draft is in the page. */
export const importPage = (html: string): Imported => structured().importHtml(html);

/**
 * A web page's bytes: decoded as any text file is (a page saved as GBK is read as GB18030), then imported;
 * a web archive's page (.mht) too, as a draft of its own (its places are not those of the file's bytes).
 */
async function importHtmlBytes(bytes: Uint8Array): Promise<ImportResult> {
  const archived = pageOfMht(bytes);
  if (archived !== undefined) {
    const { text } = importPage(archived);
    return hasText(text) ? { text } : { refused: NO_TEXT };
  }
  const decoded = readText(bytes);
  if (!('text' in decoded)) return { refused: decoded };
  const imported = importPage(decoded.text);
  return hasText(imported.text) ? { ...imported, encoding: decoded.encoding } : { refused: NO_TEXT };
}

/** `<table` opening a tag: a text that may hold an HTML table. */
const HTML_TABLE = /<table[\s>]/i;
/** A web page's source, saved or pasted as text. */
const HTML_PAGE = /^\s*<(?:!doctype\s+html|html[\s>])/i;

/**
 * A text draft as the reader reads it: as it is; a web page's source (saved as .txt) as a web page; and
 * when it holds HTML tables (a PDF converted to Markdown: MinerU writes every table so, pandoc those
 * with merged cells), those tables as rows of cells between tabs, with where the draft is in the text.
 */
export function importText(text: string): Imported {
  if (!HTML_TABLE.test(text)) return { text };
  return HTML_PAGE.test(text) ? importPage(text) : structured().importTablesInText(text);
}

/**
 * A word processor's file by what its bytes are, whatever its name says: sites serve web pages and web
 * archives (.mht) under a .doc name, which are read here; the rest on the worker, where docx.ts tells a .doc,
 * a .docx, an ODT and an RTF apart (an RTF is often named .doc, a .doc renamed .docx).
 */
async function importWordBytes(kind: 'doc' | 'docx' | 'odt' | 'rtf', bytes: Uint8Array, limits: Limits): Promise<ImportResult> {
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  if (HTML_PAGE.test(head) || MIME_ARCHIVE.test(head)) return importHtmlBytes(bytes);
  return importIsolated({ kind, bytes }, limits);
}

/**
 * The report in a Word, web-page, PDF or OFD document, as draft text; or why there is none. Never
 * throws. The importers are loaded when first needed: their parsers would double the command line's
 * start-up for the text files most runs read. PDF, OFD and Word files are read on a worker thread
 * within `limits` (isolated.ts); a web page here, since its draft is mapped back to its HTML.
 */
export async function importDocument(kind: Exclude<DocumentKind, 'text'>, bytes: Uint8Array, limits: Limits = LIMITS): Promise<ImportResult> {
  try {
    switch (kind) {
      case 'html': return await importHtmlBytes(bytes);
      case 'doc': case 'docx': case 'odt': case 'rtf': return await importWordBytes(kind, bytes, limits);
      case 'pdf': case 'ofd': return await importIsolated({ kind, bytes }, limits);
    }
  } catch (error) {
    // A bug of the importer, not a fault of the document: say so, and check the other files.
    return { refused: importerFailed(error) };
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
  const read = readText(bytes);
  return 'text' in read ? { ...importText(read.text), encoding: read.encoding } : { refused: read };
}
