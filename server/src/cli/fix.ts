import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, accessSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyEdits, fixAllEdits, type Finding, type TextEdit } from '../core/service';
import { decodeText, type Encoding } from '../import/decode';
import type { Said } from '../import/types';
import { ownText, readSource, systemError } from './files';

// --fix: a file's fixes, chosen as the editor's “fix all” (source.fixAll) chooses them (fixAllEdits:
// every fix, skipping any that overlaps one before it), written back in the file's own encoding and
// line breaks, atomically: a temporary file in the same folder, then renamed over the original, so that
// a reader never sees half a report and a failure leaves the original as it was.

/** The fixed text and how many edits made it, or undefined when there is nothing to fix. */
export function fixedText(text: string, findings: Finding[]): { text: string; edits: number } | undefined {
  let edits: TextEdit[] = fixAllEdits(findings);
  if (edits.length === 0) return undefined;
  // A fix that inserts a line (a missing section heading) writes \n; a CRLF file keeps CRLF.
  if (text.includes('\r\n')) edits = edits.map((e) => (e.newText.includes('\n') ? { ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') } : e));
  return { text: applyEdits(text, edits), edits: edits.length };
}

let gbTable: Map<string, Buffer> | undefined;

/**
 * GB18030 bytes of a character, from the decoder itself (Node has no GB18030 encoder): every two-byte
 * sequence and every four-byte sequence of the BMP is decoded once, and the table
 * is read backwards. Built only when a GB18030 file is fixed; characters beyond the BMP are computed.
 */
function gbBytes(ch: string): Buffer | undefined {
  if (!gbTable) {
    gbTable = new Map();
    const decoder = new TextDecoder('gb18030');
    // One sequence at a time: an unmapped one must not shift the rest.
    const add = (bytes: number[]) => {
      const c = decoder.decode(Uint8Array.from(bytes));
      if (c.length === 1 && c !== '\ufffd' && !gbTable!.has(c)) gbTable!.set(c, Buffer.from(bytes));
    };
    for (let b1 = 0x81; b1 <= 0xfe; b1++) for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) add([b1, b2]);
    // Four-byte sequences of the BMP: 0x81308130 to 0x8431A439, the 39,420 first.
    for (let n = 0; n <= 39419; n++) add([0x81 + Math.floor(n / 12600), 0x30 + Math.floor(n / 1260) % 10, 0x81 + Math.floor(n / 10) % 126, 0x30 + n % 10]);
  }
  const known = gbTable.get(ch);
  if (known) return known;
  const cp = ch.codePointAt(0)!;
  if (cp < 0x10000) return undefined;
  let n = cp - 0x10000;
  const b4 = 0x30 + (n % 10); n = Math.floor(n / 10);
  const b3 = 0x81 + (n % 126); n = Math.floor(n / 126);
  const b2 = 0x30 + (n % 10); n = Math.floor(n / 10);
  return Buffer.from([0x90 + n, b2, b3, b4]);
}

function encodeGb18030(text: string): Buffer {
  const parts: Buffer[] = [];
  let ascii = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (ascii < i) parts.push(Buffer.from(text.slice(ascii, i), 'latin1'));
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const bytes = gbBytes(ch);
    if (!bytes) throw new Error(`no GB18030 bytes for U+${unit.toString(16)}`);
    parts.push(bytes);
    i += ch.length - 1;
    ascii = i + 1;
  }
  if (ascii < text.length) parts.push(Buffer.from(text.slice(ascii), 'latin1'));
  return Buffer.concat(parts);
}

/** The text as bytes in the encoding it was read in (the byte order mark put back where there was one). */
export function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'UTF-8': return Buffer.from(text, 'utf8');
    case 'UTF-8 BOM': return Buffer.from('\ufeff' + text, 'utf8');
    case 'UTF-16LE BOM': return Buffer.from('\ufeff' + text, 'utf16le');
    case 'UTF-16BE BOM': return Buffer.from('\ufeff' + text, 'utf16le').swap16();
    case 'GB18030': return encodeGb18030(text);
  }
}

const READ_ONLY: Said = { zh: '文件是只读的，未修改', en: 'the file is read-only; not changed' };

/**
 * Writes the fixed text over the file, or says why not. The bytes are decoded again before writing:
 * a text that would not read back the same in its encoding is never written; nor is a file whose text is
 * no longer the one `checked`.
 */
export function writeFixed(path: string, checked: string, text: string, encoding: Encoding): Said | undefined {
  let target: string, mode: number;
  try {
    // Through a symbolic link to the file itself: renaming over the link would replace it with a copy.
    target = realpathSync.native(path);
    mode = statSync(target).mode & 0o7777;
    // No write bit for anyone: the owner made it read-only (root could write it all the same; it should not).
    if ((mode & 0o222) === 0) return READ_ONLY;
    accessSync(target, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? READ_ONLY : systemError(error);
  }
  let bytes: Buffer;
  try {
    bytes = encodeText(text, encoding);
  } catch {
    bytes = Buffer.alloc(0);
  }
  const back = decodeText(bytes);
  if (!('text' in back) || back.text !== text || back.encoding !== encoding) {
    return { zh: `修正后的文字无法以原编码（${encoding}）写回，未修改`, en: `the fixed text cannot be written back in its encoding (${encoding}); not changed` };
  }
  // Changed since it was checked (saved from an editor meanwhile): that change is not to be lost.
  const now = readSource(target);
  if (!('text' in now) || ownText(now) !== checked) {
    return { zh: '文件在检查之后又被修改过，未修改；请重新运行', en: 'the file changed after it was checked; not changed, run again' };
  }
  const temp = join(dirname(target), `.${basename(target)}.nianbao-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', mode);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(temp); } catch { /* not made */ }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      return { zh: '没有写入权限（文件所在的目录不可写），未修改', en: 'permission denied (its folder cannot be written); not changed' };
    }
    return systemError(error);
  }
}
