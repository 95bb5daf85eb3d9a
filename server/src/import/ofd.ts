import JSZip from 'jszip';
import { columns, draft, linesOf, MAX_PAGES, withPictures, WORD_GAP, type Box, type Line, type Run } from './layoutText';
import { startsWith, ZIP_SIGNATURE } from './formats';
import { hasText, said, Stopped, type ImportResult } from './types';
import { ELEMENT, parseXml, unpackWithin, type XmlElement } from './xmlParts';

// A report in OFD (GB/T 33190-2016, the format of electronic official documents): a ZIP of XML
// parts. OFD.xml names the document (DocBody/DocRoot: Doc_0/Document.xml), which lists its pages
// (Pages/Page BaseLoc: Pages/Page_0/Content.xml); a page's layers hold TextObjects, each placed by
// its Boundary (x y w h, in millimetres, y growing downwards) and CTM, its characters by their
// TextCodes (X, Y of the first; DeltaX/DeltaY the steps to the next). Those characters become runs
// of positioned text, read into draft text as a PDF's text layer is (layoutText.ts); its ImageObjects
// (Boundary, and CTM over the image's unit square) are pictures among the lines, as a PDF's images are.
// Templates (running headers, footers), annotations and seals are not read.

export const NOT_ZIP = said('不是 OFD 文件（不是 ZIP 压缩包）', 'not an OFD file (not a ZIP archive)');
export const NO_ENTRY = said('不是 OFD 文件（压缩包中没有 OFD.xml）', 'not an OFD file (no OFD.xml in the archive)');
export const DAMAGED = said('OFD 文件已损坏或不完整，无法读取', 'the OFD file is damaged or incomplete');
export const ENCRYPTED = said('OFD 文件已加密，无法读取；请提供未加密的文件', 'the OFD file is encrypted; provide an unencrypted copy');
export const NO_PAGES = said('OFD 中没有页面', 'the OFD file has no pages');
export const NO_TEXT = said('OFD 中没有文字（可能是扫描件），无法读取', 'the OFD file holds no text (a scanned document?)');
export const tooManyPages = (n: number) => said(`OFD 有 ${n} 页（超过 ${MAX_PAGES} 页），不像年度报告`, `the OFD file has ${n} pages (over ${MAX_PAGES}), not an annual report`);
export const tooBig = (mb: number) =>
  said(`OFD 文件解压后超过 ${mb} MB，不像年度报告，已停止读取`, `the OFD file unpacks to over ${mb} MB, not an annual report; reading was stopped`);
export const partTooBig = (path: string, mb: number) =>
  said(`OFD 中的 ${path} 解压后超过 ${mb} MB，不像年度报告，已停止读取`, `${path} in the OFD file unpacks to over ${mb} MB, not an annual report; reading was stopped`);
export const tooManyObjects = (page: number, n: number) =>
  said(`OFD 第 ${page} 页有超过 ${n} 个文字对象，不像年度报告，已停止读取`, `page ${page} of the OFD file holds over ${n} text objects, not an annual report; reading was stopped`);

/**
 * What reading one OFD may cost: a ZIP of a few megabytes can unpack to gigabytes (a zip bomb), and
 * a page can hold millions of objects. A report's page unpacks to a megabyte or two of XML (less than
 * a second to parse; the DOM of 8 MB takes over a second and some hundreds of megabytes of memory),
 * some tens of megabytes in all; a page holds some thousands of text objects (one a character, as
 * many writers place them).
 */
export interface OfdBudget { megabytes: number; partMegabytes: number; objectsPerPage: number }
export const OFD_BUDGET: OfdBudget = { megabytes: 100, partMegabytes: 8, objectsPerPage: 50_000 };

/** The child elements of `e` by local name (OFD's elements are in its namespace, under any prefix or none). */
const children = (e: XmlElement, name: string) => Array.from(e.childNodes).filter((c) => c.nodeType === ELEMENT && c.localName === name);
const child = (e: XmlElement | undefined, ...path: string[]) => path.reduce<XmlElement | undefined>((at, name) => at && children(at, name)[0], e);
/** A list of numbers as OFD writes them (“0 0 210 297”); what is no number is 0, never NaN in a position. */
const numbers = (s: string | null) => (s ?? '').trim().split(/[\s,]+/).filter(Boolean).map((w) => Number(w) || 0);

/** A part's path resolved against the folder of the part that names it (“/Doc_0/…” from the root). */
function resolve(from: string, loc: string): string {
  const parts = loc.replace(/\\/g, '/').startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const p of loc.replace(/\\/g, '/').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '' && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** The parts of an OFD package, read within the budget of unpacked bytes for the whole file. */
class Package {
  private left: number;
  private readonly byName = new Map<string, JSZip.JSZipObject>();
  constructor(zip: JSZip, private readonly budget: OfdBudget) {
    this.left = budget.megabytes * 1024 * 1024;
    // Some writers differ from the names they give in case (Doc_0/Pages/page_0): found all the same.
    zip.forEach((path, file) => { if (!file.dir) this.byName.set(path.toLowerCase(), file); });
  }

  has(path: string): boolean {
    return this.byName.has(path.toLowerCase());
  }

  /** A part's bytes, unpacked within the budgets of the part and of the file. */
  private unpack(path: string, file: JSZip.JSZipObject): Promise<Buffer> {
    let size = 0;
    return unpackWithin(file, (chunk) => {
      this.left -= chunk;
      size += chunk;
      return this.left < 0 ? tooBig(this.budget.megabytes) : size > this.budget.partMegabytes * 1024 * 1024 ? partTooBig(path, this.budget.partMegabytes) : undefined;
    }, DAMAGED);
  }

  /** The part at `path` as XML; a part that is missing is a damaged file. */
  async xml(path: string): Promise<XmlElement> {
    const file = this.byName.get(path.toLowerCase());
    if (!file) throw new Stopped(DAMAGED);
    const bytes = await this.unpack(path, file);
    // GB/T 33190 writes its XML in UTF-8.
    return parseXml(new TextDecoder().decode(bytes), DAMAGED);
  }
}

/** Points to a millimetre: the positions are read in points, as a PDF's are, for the same thresholds. */
const PT = 72 / 25.4;

/**
 * How far a character moves the pen when no DeltaX says: a Chinese character its size, others half;
 * curly quotes, one column in an editor, are full-width in the Chinese fonts reports are set in.
 */
const advance = (ch: string, size: number) => (/[\u2018-\u201d]/.test(ch) ? size : (columns(ch) * size) / 2);

/** `DeltaX`/`DeltaY` as the first `n` steps, one a character: “g 3 5.2” is 5.2 three times. */
function deltas(s: string | null, n: number): number[] {
  const words = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  // No more steps than the text has characters: “g 1000000000 1” is a hostile file's, not a page's.
  for (let i = 0; i < words.length && out.length < n; i++) {
    if (words[i] === 'g') {
      const count = Math.min(Number(words[i + 1]) || 0, n - out.length), step = Number(words[i + 2]) || 0;
      for (let k = 0; k < count; k++) out.push(step);
      i += 2;
    } else out.push(Number(words[i]) || 0);
  }
  return out;
}

/**
 * The runs of one TextObject, in points on the page: its characters as the TextCodes place them,
 * a run ending at a space or a visible gap. Rotated or vertical text (a seal's ring, a watermark) is
 * no part of the report and gives none.
 */
function objectRuns(object: XmlElement): Run[] {
  const [bx = 0, by = 0] = numbers(object.getAttribute('Boundary'));
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = numbers(object.getAttribute('CTM'));
  const size = numbers(object.getAttribute('Size'))[0] || 3.5;
  if (a <= 0 || Math.abs(b) > a * 0.05 || Number(object.getAttribute('ReadDirection') ?? 0) || Number(object.getAttribute('CharDirection') ?? 0)) return [];
  const shown = size * (Math.hypot(c, d) || 1) * PT;
  const place = (x: number, y: number) => ({ x: (bx + a * x + c * y + e) * PT, y: (by + b * x + d * y + f) * PT });
  // `end`: where the run's last character ends, for the gap to the next one.
  const runs: (Run & { end: number })[] = [];
  let x = 0, y = 0, run: (typeof runs)[number] | undefined;
  for (const code of children(object, 'TextCode')) {
    // A TextCode without X or Y goes on from where the one before it stood.
    x = numbers(code.getAttribute('X'))[0] ?? x;
    y = numbers(code.getAttribute('Y'))[0] ?? y;
    const chars = [...(code.textContent ?? '')];
    const dx = deltas(code.getAttribute('DeltaX'), chars.length - 1), dy = deltas(code.getAttribute('DeltaY'), chars.length - 1);
    run = undefined;
    chars.forEach((ch, i) => {
      if (i > 0) { x += dx[i - 1] ?? advance(chars[i - 1], size); y += dy[i - 1] ?? 0; }
      if (!/\S/.test(ch)) { run = undefined; return; }
      const at = place(x, y), width = advance(ch, size) * a * PT;
      if (run && at.y === run.y && at.x - run.end <= WORD_GAP * shown) {
        run.text += ch;
        run.end = at.x + width;
        run.width = run.end - run.x;
      } else runs.push(run = { text: ch, x: at.x, y: at.y, width, size: shown, end: at.x + width });
    });
    // The next TextCode, when it has no X, starts after this one's last character.
    if (chars.length) x += advance(chars[chars.length - 1], size);
  }
  return runs.map(({ end: _, ...r }) => r);
}

/**
 * Where an ImageObject is painted, in points on the page: the image fills the unit square of its CTM,
 * placed at its Boundary's corner and cut to the Boundary; without a CTM, the Boundary.
 */
function imageBox(object: XmlElement): Box {
  const [bx = 0, by = 0, bw = 0, bh = 0] = numbers(object.getAttribute('Boundary'));
  const ctm = numbers(object.getAttribute('CTM'));
  let [x0, y0, x1, y1] = [0, 0, bw, bh];
  if (ctm.length === 6) {
    const [a, b, c, d, e, f] = ctm;
    const xs = [e, a + e, c + e, a + c + e], ys = [f, b + f, d + f, b + d + f];
    [x0, y0, x1, y1] = [Math.max(x0, Math.min(...xs)), Math.max(y0, Math.min(...ys)), Math.min(x1, Math.max(...xs)), Math.min(y1, Math.max(...ys))];
  }
  return { x: (bx + x0) * PT, y: (by + y0) * PT, width: Math.max(0, x1 - x0) * PT, height: Math.max(0, y1 - y0) * PT };
}

/** The TextObjects and ImageObjects of a page's layers and of the blocks in them, in the order they are painted. */
function pageObjects(content: XmlElement | undefined, page: number, budget: OfdBudget): { texts: XmlElement[]; images: XmlElement[] } {
  const texts: XmlElement[] = [], images: XmlElement[] = [];
  const stack = content ? children(content, 'Layer').reverse() : [];
  while (stack.length) {
    const e = stack.pop()!;
    for (const c of Array.from(e.childNodes)) {
      if (c.nodeType !== ELEMENT) continue;
      if (c.localName === 'TextObject') {
        texts.push(c);
        if (texts.length > budget.objectsPerPage) throw new Stopped(tooManyObjects(page, budget.objectsPerPage));
      } else if (c.localName === 'ImageObject') images.push(c);
      else if (c.localName === 'PageBlock') stack.push(c);
    }
  }
  return { texts, images };
}

/** The report in an OFD file, as draft text; or why there is none. Never throws. */
export async function importOfd(bytes: Uint8Array, budget: OfdBudget = OFD_BUDGET): Promise<ImportResult> {
  if (!startsWith(bytes, ZIP_SIGNATURE)) return { refused: NOT_ZIP };
  try {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      // A ZIP whose entries are encrypted (a password on the archive) is refused by jszip so.
      return { refused: /encrypted/i.test(String(error)) ? ENCRYPTED : DAMAGED };
    }
    const pkg = new Package(zip, budget);
    if (!pkg.has('OFD.xml')) return { refused: NO_ENTRY };
    // GM/T 0099 encrypts an OFD's parts and lists them in Encryptions.xml beside OFD.xml.
    if (pkg.has('Encryptions.xml')) return { refused: ENCRYPTED };
    const root = child(children(await pkg.xml('OFD.xml'), 'DocBody')[0], 'DocRoot')?.textContent?.trim();
    if (!root) return { refused: DAMAGED };
    const docPath = resolve('', root);
    const doc = await pkg.xml(docPath);
    const pages = children(child(doc, 'Pages') ?? doc, 'Page');
    if (pages.length === 0) return { refused: NO_PAGES };
    if (pages.length > MAX_PAGES) return { refused: tooManyPages(pages.length) };
    // A page's size is its own (Area/PhysicalBox) or the document's; A4 when neither says.
    const box = (area: XmlElement | undefined) => numbers(child(area, 'PhysicalBox')?.textContent ?? null);
    const [, , docWidth = 210, docHeight = 297] = box(child(doc, 'CommonData', 'PageArea'));
    const lines: Line[][] = [];
    const heights: number[] = [];
    const empty: number[] = [];
    for (const [i, page] of pages.entries()) {
      const content = await pkg.xml(resolve(docPath, page.getAttribute('BaseLoc') ?? ''));
      const [, , width = docWidth, height = docHeight] = box(child(content, 'Area'));
      const size = { width: (width || 210) * PT, height: (height || 297) * PT };
      heights.push(size.height);
      const { texts, images } = pageObjects(child(content, 'Content'), i + 1, budget);
      const text = linesOf(texts.flatMap(objectRuns));
      // A page without text is a picture as a whole (a scanned page), as a PDF's is.
      if (text.length === 0) empty.push(i + 1);
      lines.push(withPictures(text, text.length === 0 ? [{ x: 0, y: 0, ...size }] : images.map(imageBox), size));
    }
    const text = draft(lines, heights);
    if (!hasText(text)) return { refused: NO_TEXT };
    if (empty.length === 0) return { text };
    return { text, notes: [said(`第 ${empty.join('、')} 页没有文字（可能是扫描的页面），未读取`, `page ${empty.join(', ')} has no text (scanned?) and was not read`)] };
  } catch (error) {
    if (error instanceof Stopped) return { refused: error.why };
    return { refused: DAMAGED };
  }
}
