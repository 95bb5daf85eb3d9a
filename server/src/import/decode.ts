import { isUtf8, transcode } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { Encoding, Said } from './types';

// Bytes to text: the encodings a report's text arrives in, each read strictly, never guessed.

export type { Encoding };

// UTF-8 to a string through ICU's transcoding to UTF-16 and a plain copy, faster on Chinese text than
// toString('utf8'): with toString the 2,000-report CLI batch takes ~3–4% longer (npm run bench).
// (A Node built without ICU has no transcode: it decodes the plain way.)
const decodeUtf8: (bytes: Buffer) => string = typeof transcode === 'function'
  ? (bytes) => transcode(bytes, 'utf8', 'ucs2').toString('ucs2')
  : (bytes) => bytes.toString('utf8');

// Characters no report's text holds: C0 controls other than tab, LF, vertical tab (Word's manual line
// break, Shift+Enter, in text copied out of Word), FF and CR; DEL; C1 controls.
const CONTROL = /[\0-\x08\x0e-\x1f\x7f-\x9f]/;

let gb18030: TextDecoder | null | undefined;
/** A strict GB18030 (and so GBK) decoder, or null in a Node built without full ICU. */
function gbDecoder(): TextDecoder | null {
  if (gb18030 === undefined) {
    try { gb18030 = new TextDecoder('gb18030', { fatal: true }); } catch { gb18030 = null; }
  }
  return gb18030;
}

export const EMPTY: Said = { zh: '空文件，不是年度报告', en: 'empty file, not an annual report' };
const BINARY_HINT = { zh: '含有二进制或控制字符，不像文本文件', en: 'contains binary data or control characters, not a text file' };
const SAVE_AS_UTF8 = { zh: '请另存为 UTF-8 后再检查', en: 'save it as UTF-8 and check it again' };

function unknownEncoding(why: Said): Said {
  return { zh: `无法识别编码（${why.zh}），${SAVE_AS_UTF8.zh}`, en: `unknown encoding (${why.en}); ${SAVE_AS_UTF8.en}` };
}

/** Zero bytes in every other place: UTF-16 text (its ASCII characters), written without the mark that says so. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) even++; if (bytes[i + 1] === 0) odd++; }
  // (A Chinese character's byte may be zero too, but seldom.)
  const [most, fewest] = even > odd ? [even, odd] : [odd, even];
  return n >= 16 && most >= n / 32 && fewest * 8 <= most;
}

/**
 * The text of the bytes, in the one encoding they are valid in, or why not: UTF-8 (with or without
 * a BOM), UTF-16 with a BOM, else GB18030 (a superset of GBK, which Chinese Windows writes).
 * Never a guess: every decoder here is strict, so bytes that do not fit are refused, not garbled.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: Encoding } | Said {
  // The common case first, and fast: isUtf8 is vectorized; a GBK or UTF-16 file is never valid UTF-8.
  if (isUtf8(bytes)) {
    const text = decodeUtf8(bytes);
    // A leading BOM is dropped, so positions match what editors show.
    return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), encoding: 'UTF-8 BOM' } : { text, encoding: 'UTF-8' };
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'UTF-16LE' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'UTF-16BE' : undefined;
  if (utf16) {
    try {
      // TextDecoder drops the BOM.
      return { text: new TextDecoder(utf16.toLowerCase(), { fatal: true }).decode(bytes), encoding: `${utf16} BOM` };
    } catch {
      return unknownEncoding({ zh: `以 ${utf16} 的字节顺序标记开头，内容却不是有效的 ${utf16}`, en: `starts with a ${utf16} byte order mark, but is not valid ${utf16}` });
    }
  }
  if (looksLikeUtf16(bytes)) return unknownEncoding({ zh: '像是没有字节顺序标记的 UTF-16', en: 'looks like UTF-16 without a byte order mark' });
  // Zero bytes are in no text of a legacy encoding: a binary file (a .docx or .pdf renamed, say).
  if (bytes.includes(0)) return BINARY_HINT;
  const gb = gbDecoder();
  if (!gb) return unknownEncoding({ zh: '不是 UTF-8；本机的 Node.js 不支持 GBK/GB18030 解码', en: 'not UTF-8, and this Node.js cannot decode GBK/GB18030' });
  let text: string;
  try {
    text = gb.decode(bytes);
  } catch {
    return unknownEncoding({ zh: '不是 UTF-8、UTF-16 或 GBK/GB18030', en: 'not UTF-8, UTF-16 or GBK/GB18030' });
  }
  // GB18030 has a BOM too (84 31 95 33), which its decoder keeps.
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'GB18030' };
}

/** A text file's bytes as a report's text, or why they are not one: decoded strictly, then refused when plainly no report. */
export function readText(bytes: Uint8Array): { text: string; encoding: Encoding } | Said {
  const decoded = decodeText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return 'text' in decoded ? refuseText(decoded.text) ?? decoded : decoded;
}

/** Why the text is not a report's, when it plainly is not: empty, or binary. */
function refuseText(text: string): Said | undefined {
  if (text.length === 0) return EMPTY; // a BOM alone
  if (!/\S/.test(text)) return { zh: '空文件（只有空白字符），不是年度报告', en: 'empty file (only white space), not an annual report' };
  // A regular expression over the text: faster than a search of the bytes (one memchr per byte value),
  // about 5 µs a report.
  const at = text.search(CONTROL);
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  // The character itself: printed, like every control character, as an escape (\u0000).
  const char = text[at];
  return { zh: `${BINARY_HINT.zh}（第 ${line} 行第 ${column} 列有 ${char}）`, en: `${BINARY_HINT.en} (${char} at line ${line}, column ${column})` };
}


const CODE_PAGES: Record<number, string> = { 936: 'gb18030', 54936: 'gb18030', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 65001: 'utf-8' };
const legacy = new Map<number, TextDecoder>();
/**
 * Bytes in a Windows code page (an RTF's \ansicpg936, a font's \fcharset134), never throwing: a byte that
 * is no character is U+FFFD. GBK (936) is read as GB18030, its superset; a page this Node cannot decode, as Windows-1252.
 */
export function decodeCodePage(bytes: Uint8Array, page: number): string {
  let decoder = legacy.get(page);
  if (!decoder) {
    try { decoder = new TextDecoder(CODE_PAGES[page] ?? `windows-${page}`); } catch { decoder = new TextDecoder('windows-1252'); }
    legacy.set(page, decoder);
  }
  return decoder.decode(bytes);
}
