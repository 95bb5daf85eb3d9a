// What every importer returns: the report as draft text the reader reads like any other layout,
// and, for a source that is itself text (HTML), where each part of that draft came from.

/** How a file's bytes were read as text (decode.ts; printed by --verbose). */
export type Encoding = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE BOM' | 'UTF-16BE BOM' | 'GB18030';

/** A sentence for the user, in both languages of the CLI and the extension. */
export interface Said { zh: string; en: string }
export const said = (zh: string, en: string): Said => ({ zh, en });

/**
 * A picture in the report's flow (a table given as a screenshot, an embedded Excel sheet, a scanned page):
 * a line of its own in the draft, a Markdown image, which the core reads as a picture (core/parse/pictures.ts).
 */
export const PICTURE_LINE = '![图片]()';
/** Whether a draft holds any text but its pictures: a document of pictures alone is refused as one without text. */
export const hasText = (draft: string) => /\S/.test(draft.replaceAll(PICTURE_LINE, ''));

/** Text as HTML's text: what the web-page importer reads back as these characters (RTF and ODT are read through HTML; a fix in a page is written so). */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A note's mark, set raised and small after a word or a number (a footnote's ¹, [2], ①, 注3): a reader
 * sees it apart, and after a cell's number it is no digit of it (5¹ is 5, not 51).
 */
export const NOTE_MARK = /^\s*(?:\[\d{1,3}\]|[(（]\d{1,3}[)）]|\d{1,3}|[\u2460-\u2473\u2776-\u277f*※]|注\d{0,2})\s*$/;

/** An importer's own fault, not the document's: said so, and the other files checked all the same. */
export function importerFailed(error: unknown): Said {
  const why = error instanceof Error ? error.message : String(error);
  return said(`读取时出错（请报告此问题）：${why}`, `the importer failed (please report this): ${why}`);
}

/** Why an importer stopped reading a document: thrown inside it, and returned as its refusal. */
export class Stopped extends Error {
  constructor(readonly why: Said) { super(why.en); }
}

/** Offsets into the draft text back to offsets into the source file's text. */
export interface SourceMap {
  /**
   * The source range of the draft's [start, end). `exact` when the source holds the very characters
   * of the draft there, so that an edit of the draft can be made in the source instead.
   */
  toSource(start: number, end: number): { start: number; end: number; exact: boolean };
  /**
   * When every character of the draft's [start, end) is the source's own but they lie in pieces (a number
   * Word split over two <span>s), those pieces in order: an edit of the range is the new text in the first
   * piece and the others emptied. Undefined otherwise.
   */
  pieces?(start: number, end: number): { start: number; end: number }[] | undefined;
}

/** A report read from a document that is not plain text. */
export interface Imported {
  /** The report as a draft: a paragraph per line, a table row per line with its cells between tabs. */
  text: string;
  /** For a source that is itself text (HTML): that text, and where each part of `text` is in it. */
  source?: { text: string; map: SourceMap };
  /** How a document that is text underneath (a web page) was decoded. */
  encoding?: Encoding;
  /** What the importer could not read but the rest was read all the same (a page without text, say). */
  notes?: Said[];
}

/** Why a document gave no report text: a truncated .docx, a PDF without a text layer… */
export interface Refused { refused: Said }

export type ImportResult = Imported | Refused;
