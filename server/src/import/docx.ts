import { importHtml } from './html';
import type { ImportResult, Said } from './types';

// A Word document (.docx) as draft text: mammoth turns it into HTML, keeping merged cells as
// colspan and rowspan (gridSpan and vMerge), and the web-page importer reads that. Positions are the
// draft's: a .docx has no text to point into.

const ENCRYPTED: Said = { zh: 'Word 文件已加密（有密码），无法读取；请取消密码后再检查', en: 'the Word file is encrypted (password-protected) and cannot be read; remove the password and check it again' };
const OLD_DOC: Said = { zh: '是旧版 .doc 格式，请在 Word 中另存为 .docx', en: 'an old .doc file; save it as .docx in Word' };
const BROKEN: Said = { zh: '不是有效的 Word 文件（可能已损坏或不完整）', en: 'not a valid Word file (it may be damaged or incomplete)' };
const NO_TEXT: Said = { zh: 'Word 文件中没有文字', en: 'the Word file holds no text' };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** A stream's name as an OLE compound file's directory stores it: UTF-16LE. */
const streamName = (name: string) => Buffer.from(name, 'utf16le');

/**
 * Word encrypts a .docx into an OLE compound file (streams EncryptionInfo and EncryptedPackage); the
 * old .doc format is one too (stream WordDocument). The directory's names tell them apart, without
 * reading the container.
 */
function refuseOle(bytes: Buffer): Said {
  if (bytes.includes(streamName('EncryptedPackage'))) return ENCRYPTED;
  if (bytes.includes(streamName('WordDocument'))) return OLD_DOC;
  return BROKEN;
}

export async function importDocx(bytes: Uint8Array): Promise<ImportResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(buffer, OLE)) return { refused: refuseOle(buffer) };
  if (!startsWith(buffer, ZIP)) return { refused: BROKEN };
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
  return /\S/.test(text) ? { text } : { refused: NO_TEXT };
}
