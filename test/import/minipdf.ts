import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

// A minimal PDF writer for the tests: pages of text runs in a Chinese font that is not embedded
// (STSong-Light, one of the fonts every PDF reader knows). Its characters are written as most
// published reports' are (Identity-H, with a ToUnicode map), or through the predefined character
// map UniGB-UTF16-H, which pdf.js reads from its cmaps/ (slower: it builds the whole map). Also
// pictures, painted in the ways writers paint them (a table pasted as a screenshot, a seal, a scanned
// page), and the standard security handler (RC4, 40 bits), with or without a password to open the file.

/** A run of text at (x, y), y measured from the top of the page, as a report's PDF places it. */
export interface PdfText { x: number; y: number; size: number; text: string }
/**
 * A picture, its top left corner at (x, y) from the top of the page, `width` × `height` points; painted
 * as an image XObject (`image`, the default), a stencil mask (`mask`, as seals often are), an image that a
 * form XObject places and scales (`form`), an inline image in the page's content (`inline`), or four
 * strips of one image one above the other (`strips`, as some scanners write a page).
 */
export interface PdfImage { x: number; y: number; width: number; height: number; as?: 'image' | 'mask' | 'form' | 'inline' | 'strips' }
/**
 * `operators`: content-stream operators drawn after the texts, as written (a pathological page's).
 * `turn`: a landscape page, its texts placed as it is seen (842 × 595): with a landscape MediaBox (`landscape`,
 * as Word and WPS write one), or a portrait MediaBox that the viewer turns (`/Rotate 90` or `270`, as
 * PDF printers write a landscape page), its text drawn turned the other way so that it reads upright; or the
 * landscape page drawn on a portrait MediaBox turned by a quarter (a `cm` before the whole content) with no /Rotate, as
 * some printers write one (`sideways 90`: its text running up the page as shown, `sideways 270`: down). No pictures.
 */
export interface PdfPage { texts: PdfText[]; images?: PdfImage[]; operators?: string; turn?: 'landscape' | 90 | 270 | 'sideways 90' | 'sideways 270' }
/** Where a scanned page's image stands. */
export const SCAN: PdfImage = { x: 97, y: 141, width: 400, height: 560 };
export interface PdfOptions {
  /** Encrypt the file: with a password to open it (`user`), or only restricted (`user: ''`). */
  encrypt?: { user: string; owner: string };
  /** Encode the text through the predefined character map UniGB-UTF16-H rather than Identity-H. */
  cmap?: boolean;
  /** Compress the pages' contents (FlateDecode), as most writers do. */
  deflate?: boolean;
}

export const PAGE = { width: 595, height: 842 };

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) { j = (j + s[i] + key[i % key.length]) & 255; [s[i], s[j]] = [s[j], s[i]]; }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255; j = (j + s[i]) & 255; [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');

function chunked<T>(items: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

const GRAY = Buffer.from([0, 255, 255, 0]);

/** The operators that paint a picture (PdfImage.as), in the page's space (y growing upwards). */
function painted({ x, y, width, height, as = 'image' }: PdfImage): string {
  // The matrix that maps the unit square (for the form, a hundred times it) to the box from `top`, `h` tall.
  const cm = (top: number, h: number, k = 1) => `${(width / k).toFixed(2)} 0 0 ${(h / k).toFixed(2)} ${x.toFixed(2)} ${(PAGE.height - top - h).toFixed(2)} cm`;
  switch (as) {
    case 'image': return `q ${cm(y, height)} /Im1 Do Q`;
    case 'mask': return `q ${cm(y, height)} /Im2 Do Q`;
    case 'form': return `q ${cm(y, height, 100)} /Fm1 Do Q`;
    case 'inline': return `q ${cm(y, height)} BI /W 2 /H 2 /CS /G /BPC 8 ID ${GRAY.toString('latin1')} EI Q`;
    case 'strips': return [0, 1, 2, 3].map((i) => `q ${cm(y + (i * height) / 4, height / 4)} /Im1 Do Q`).join('\n');
  }
}

export function makePdf(pages: PdfPage[], options: PdfOptions = {}): Buffer {
  const id = md5(Buffer.from(JSON.stringify(pages)));
  // Standard security handler, revision 2: the file key from the user password, O from the owner's.
  let encryptDict = '';
  let seal = (_num: number, data: Buffer) => data;
  if (options.encrypt) {
    const P = -44;
    const o = rc4(md5(padded(options.encrypt.owner)).subarray(0, 5), padded(options.encrypt.user));
    const p = Buffer.alloc(4); p.writeInt32LE(P);
    const key = md5(padded(options.encrypt.user), o, p, id).subarray(0, 5);
    const u = rc4(key, PAD);
    encryptDict = `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${P} >>`;
    seal = (num, data) => rc4(md5(key, Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0])).subarray(0, 10), data);
  }
  const objects: (string | ((num: number) => Buffer))[] = [];
  const add = (o: string | ((num: number) => Buffer)) => objects.push(o);
  const stream = (dict: string, data: Buffer) => (num: number) => {
    const sealed = seal(num, data);
    return Buffer.concat([Buffer.from(`${dict.replace(/>>$/, '')} /Length ${sealed.length} >>\nstream\n`, 'latin1'), sealed, Buffer.from('\nendstream', 'latin1')]);
  };
  const string = (num: number, s: string) => `<${seal(num, Buffer.from(s, 'latin1')).toString('hex')}>`;

  const pageNums = pages.map((_, i) => 7 + 2 * i);
  // The pictures' objects after the pages, when a page paints one: a file without them (or with inline images
  // alone, which are in the pages' contents) has no image object at all.
  const pictures = pages.some((p) => p.images?.some((i) => i.as !== 'inline'));
  const im = 7 + 2 * pages.length;
  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(`<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`); // 2
  // Identity-H: a character's code is its CID, here its UTF-16 code unit, mapped back by ToUnicode.
  const used = [...new Set(pages.flatMap((p) => p.texts.flatMap((t) => [...t.text].map((c) => c.charCodeAt(0)))))].sort((a, b) => a - b);
  const hex4 = (n: number) => n.toString(16).padStart(4, '0');
  const toUnicode = ['/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...chunked(used, 100).map((c) => `${c.length} beginbfchar\n${c.map((u) => `<${hex4(u)}> <${hex4(u)}>`).join('\n')}\nendbfchar`),
    'endcmap CMapName currentdict /CMap defineresource pop end end'].join('\n');
  const encoding = options.cmap ? 'UniGB-UTF16-H' : 'Identity-H';
  add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-${encoding} /Encoding /${encoding} /DescendantFonts [4 0 R]${options.cmap ? '' : ' /ToUnicode 6 0 R'} >>`); // 3
  // Half-width Latin letters and digits (CIDs 1–95 of Adobe-GB1; code units 32–126 for Identity-H), everything else a full em.
  add((num) => Buffer.from(`<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry ${string(num, 'Adobe')} /Ordering ${string(num, options.cmap ? 'GB1' : 'Identity')} /Supplement ${options.cmap ? 4 : 0} >> /FontDescriptor 5 0 R /DW 1000 /W [${options.cmap ? '1 95' : '32 126'} 500] >>`, 'latin1')); // 4
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>'); // 5
  add(stream('<< >>', Buffer.from(toUnicode, 'latin1'))); // 6
  const xobjects = pictures ? ` /XObject << /Im1 ${im} 0 R /Im2 ${im + 1} 0 R /Fm1 ${im + 2} 0 R >>` : '';
  for (const page of pages) {
    // The text matrix that sets a run at (x, y from the top) of the page as seen.
    const at = ({ x, y }: PdfText) => {
      const [X, Y] = [x.toFixed(2), y.toFixed(2)];
      switch (page.turn) {
        case undefined: return `1 0 0 1 ${X} ${(PAGE.height - y).toFixed(2)}`;
        case 'landscape': case 'sideways 90': case 'sideways 270': return `1 0 0 1 ${X} ${(PAGE.width - y).toFixed(2)}`;
        // Turned clockwise, the MediaBox's left edge is the top; its bottom, the left.
        case 90: return `0 1 -1 0 ${Y} ${X}`;
        case 270: return `0 -1 1 0 ${(PAGE.width - y).toFixed(2)} ${(PAGE.height - x).toFixed(2)}`;
      }
    };
    const ops = page.texts.map((t) => `BT /F1 ${t.size} Tf ${at(t)} Tm <${utf16(t.text)}> Tj ET`);
    // The landscape page (842 × 595) turned onto the portrait one: its bottom edge the MediaBox's right (or left) edge.
    if (page.turn === 'sideways 90') ops.unshift(`0 1 -1 0 ${PAGE.width} 0 cm`);
    if (page.turn === 'sideways 270') ops.unshift(`0 -1 1 0 0 ${PAGE.height} cm`);
    ops.push(...(page.images ?? []).map(painted));
    if (page.operators) ops.push(page.operators);
    const box = page.turn === 'landscape' ? `${PAGE.height} ${PAGE.width}` : `${PAGE.width} ${PAGE.height}`;
    const rotate = typeof page.turn === 'number' ? ` /Rotate ${page.turn}` : '';
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${box}]${rotate} /Resources << /Font << /F1 3 0 R >>${xobjects} >> /Contents ${objects.length + 2} 0 R >>`);
    const contents = Buffer.from(ops.join('\n'), 'latin1');
    add(options.deflate ? stream('<< /Filter /FlateDecode >>', deflateSync(contents)) : stream('<< >>', contents));
  }
  if (pictures) {
    // An image of 2 × 2 pixels (a picture's pixels do not tell where it stands), a stencil mask, and a
    // form that scales what it draws a hundredfold (the page scales it back to the picture's size).
    add(stream('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 >>', GRAY));
    add(stream('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ImageMask true /BitsPerComponent 1 >>', Buffer.from([0x40, 0x80])));
    add(stream(`<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Matrix [100 0 0 100 0 0] /Resources << /XObject << /Im1 ${im} 0 R >> >> >>`, Buffer.from('/Im1 Do', 'latin1')));
  }
  if (encryptDict) add(encryptDict);

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    const num = i + 1;
    const body = typeof o === 'string' ? Buffer.from(o, 'latin1') : o(num);
    const chunk = Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    chunks.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encryptDict ? ` /Encrypt ${objects.length} 0 R` : ''} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${at}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + trailer, 'latin1'));
  return Buffer.concat(chunks);
}

/** The display columns of text (a Chinese character two), as a monospaced editor shows it. */
function columns(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d]/.test(ch) ? 2 : 1;
  return w;
}

/** A line cut into pieces at most `max` columns wide (not inside a number). */
function wrapAt(line: string, max: number): string[] {
  const out: string[] = [];
  let piece = '', w = 0;
  for (const ch of line) {
    const cw = columns(ch);
    if (w + cw > max && !(/\d/.test(ch) && /\d$/.test(piece))) { out.push(piece); piece = ''; w = 0; }
    piece += ch;
    w += cw;
  }
  return [...out, piece];
}

/** A line of text that `typeset` sets as a picture, `width` × `height` points (a table pasted as a screenshot). */
export const pictureLine = (width: number, height: number, as: PdfImage['as'] = 'image') => `\u0000picture ${width} ${height} ${as}`;

/**
 * Draft text set on pages like a printed report: each line's words at the place of their column
 * (a column half the font size, which is as big as lets the widest table line fit the page; longer
 * prose wraps), `perPage` lines a page (a page also ends after a line that matches `breakAfter`, and
 * at a line that is a form feed, as pdftotext writes a page's end), a running header at the top of
 * every page and its number (“- 3 -”) at the bottom. A `pictureLine` is a picture at the left margin,
 * in as many lines as it is tall, on the next page when it does not fit on this one.
 */
export function typeset(text: string, { perPage = 40, breakAfter = /(?!)/, header = '某某镇政府信息公开工作年度报告' } = {}): PdfPage[] {
  const left = 60, top = 90, room = PAGE.width - 2 * left;
  const raw = text.split('\n');
  const widest = Math.max(1, ...raw.filter((l) => /\S {2,}\S/.test(l)).map(columns));
  const size = Math.min(8, (2 * room) / widest);
  const lines = raw.flatMap((l) => wrapAt(l, Math.floor((2 * room) / size)));
  // Two sizes apart, closer when there are many lines a page (they end above the footer's margin).
  const leading = Math.min(2 * size, (PAGE.height - 2 * top) / perPage);
  const pages: PdfPage[] = [];
  let page: PdfPage | undefined, k = 0;
  for (const line of lines) {
    if (line === '\f') { page = undefined; continue; }
    const picture = /^\u0000picture (\S+) (\S+) (\S+)$/.exec(line);
    // A picture from the top of the line's text to above the baseline of the line after it.
    const rows = picture ? Math.ceil((Number(picture[2]) + size) / leading) : 1;
    if (page && k + rows > perPage) page = undefined;
    if (!page) {
      page = { texts: [
        { x: left, y: 40, size: 9, text: header },
        { x: PAGE.width / 2 - 10, y: PAGE.height - 30, size: 12, text: `- ${pages.length + 1} -` },
      ], images: [] };
      pages.push(page);
      k = 0;
    }
    if (picture) page.images!.push({ x: left, y: top + k * leading - size, width: Number(picture[1]), height: Number(picture[2]), as: picture[3] as PdfImage['as'] });
    else {
      for (const m of line.matchAll(/\S+/g)) {
        page.texts.push({ x: left + (columns(line.slice(0, m.index)) * size) / 2, y: top + k * leading, size, text: m[0] });
      }
    }
    k += rows;
    if (k >= perPage || breakAfter.test(line)) page = undefined;
  }
  return pages;
}
