import { readText } from './decode';

// A MIME web archive (.mht, .mhtml): what Word's and Internet Explorer's “single file web page” save, and
// what office systems attach and sites serve under a .doc name. Its web page is one part of the message,
// most often in quoted-printable; the page is read as any web page is.

/** How a web archive's text starts. */
export const MIME_ARCHIVE = /^\s*(?:MIME-Version:|Content-Type:\s*multipart\/related)/i;

/** The web page a MIME web archive holds (its first text/html part), or undefined when the bytes are no such archive. */
export function pageOfMht(bytes: Uint8Array): string | undefined {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!MIME_ARCHIVE.test(raw.slice(0, 1024))) return undefined;
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw.slice(0, 4096))?.[1];
  for (const part of boundary ? raw.split(`--${boundary}`) : [raw]) {
    const blank = /\r?\n\r?\n/.exec(part);
    if (!blank) continue;
    const head = part.slice(0, blank.index);
    if (!/Content-Type:\s*text\/html/i.test(head)) continue;
    const body = part.slice(blank.index + blank[0].length);
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(head)?.[1].toLowerCase();
    const data = encoding === 'base64' ? Buffer.from(body, 'base64') : encoding === 'quoted-printable' ? quotedPrintable(body) : Buffer.from(body, 'latin1');
    const charset = /charset="?([\w-]+)"?/i.exec(head)?.[1];
    try {
      if (charset) return new TextDecoder(charset, { fatal: true }).decode(data);
    } catch { /* a charset this Node does not know, or not what the bytes are: told from the bytes below */ }
    const decoded = readText(data);
    return 'text' in decoded ? decoded.text : undefined;
  }
  return undefined;
}

/** Quoted-printable's bytes: =XX a byte, = at a line's end a break that is not there. */
function quotedPrintable(body: string): Buffer {
  const s = body.replace(/=\r?\n/g, '');
  const out = Buffer.alloc(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const hex = s.charCodeAt(i) === 0x3d ? s.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) { out[n++] = parseInt(hex, 16); i += 2; } else out[n++] = s.charCodeAt(i);
  }
  return out.subarray(0, n);
}
