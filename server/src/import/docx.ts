import { importHtml } from './html';
import { OLE_SIGNATURE, startsWith, ZIP_SIGNATURE } from './formats';
import { BROKEN, importDoc, NO_TEXT, NOT_WORD } from './doc';
import { hasText, type ImportResult } from './types';

// A Word document (.docx) as draft text: mammoth turns it into HTML, keeping merged cells as
// colspan and rowspan (gridSpan and vMerge), and the web-page importer reads that. Positions are the
// draft's: a .docx has no text to point into. Word 97–2003 files (.doc, .wps) are doc.ts's.

/**
 * A Word file by what its bytes are, not by its name: a .docx is a zip; a .doc (and a .docx with a
 * password, and a .doc renamed .docx) an OLE compound file, which doc.ts reads or says why not.
 * Bytes that are neither: a damaged .docx, or (named .doc or .wps) another program's format.
 */
export async function importWord(bytes: Uint8Array, named: 'doc' | 'docx'): Promise<ImportResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, OLE_SIGNATURE)) return importDoc(buffer);
  if (!startsWith(buffer, ZIP_SIGNATURE)) return { refused: named === 'doc' ? NOT_WORD : BROKEN };
  // Loaded when a Word file is read: mammoth and its zip and XML readers take longer to load than
  // the whole checker, and most runs read only text.
  const { default: mammoth } = await import('mammoth');
  // Images are not read (mammoth would inline each as base64).
  const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer }, { convertImage: noImages, externalFileAccess: false })).value;
  } catch {
    // A zip that is cut short, or one without word/document.xml: mammoth says which, in English; the user needs only this.
    return { refused: BROKEN };
  }
  const { text } = importHtml(html);
  return hasText(text) ? { text } : { refused: NO_TEXT };
}
