import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants as zlib, inflateSync } from 'node:zlib';
import { TABLE_KEYS } from '../core/format/statute';
import { parseReport } from '../core/parse/report';
import { draft, linesOf, MAX_PAGES, withPictures, type Box, type Line, type Run } from './layoutText';
import { hasText, said, Stopped, type ImportResult } from './types';

// A published PDF report, read through pdf.js's text layer into draft text the reader reads like
// `pdftotext -layout` output (layoutText.ts places the runs of text pdf.js gives by where they stand).
// The images a page paints, from its operator list, are pictures among the lines (a table pasted as a
// screenshot); a page without text is a picture as a whole (a scanned page). pdf.js parses on the
// calling thread, with no time limit: importDocument (index.ts) runs this on a worker, which is
// terminated past its deadline (isolated.ts).

type Pdfjs = typeof import('./pdfjs');
type TextItem = import('./pdfjs').TextItem;
type Page = Awaited<ReturnType<Awaited<ReturnType<Pdfjs['getDocument']>['promise']>['getPage']>>;

export const NOT_PDF = said('不是 PDF 文件（开头没有 %PDF 标记）', 'not a PDF file (no %PDF header)');
export const NO_TEXT = said('没有文字层（可能是扫描件），无法读取', 'no text layer (a scanned document?)');
export const ENCRYPTED = said('PDF 有密码保护，无法读取；请提供未加密的文件', 'the PDF is password-protected; provide an unencrypted copy');
export const TRUNCATED = said('PDF 文件不完整（可能下载或复制时中断），无法读取', 'the PDF is incomplete (an interrupted download or copy?)');
export const DAMAGED = said('PDF 文件已损坏，无法读取', 'the PDF is damaged and cannot be read');
export const NO_PAGES = said('PDF 中没有页面', 'the PDF has no pages');
const tooManyPages = (n: number) => said(`PDF 有 ${n} 页（超过 ${MAX_PAGES} 页），不像年度报告`, `the PDF has ${n} pages (over ${MAX_PAGES}), not an annual report`);
const OLD_NODE = said('读取 PDF 需要 Node.js 20.16 或更新的版本', 'reading a PDF needs Node.js 20.16 or newer');

/**
 * What one page of a PDF may hold: a report's page holds some thousands of pieces of text; a hostile
 * page's millions are refused as what they are, before they fill the worker's memory or outlast its
 * deadline (isolated.ts).
 */
export interface PdfBudget { itemsPerPage: number }
export const PDF_BUDGET: PdfBudget = { itemsPerPage: 50_000 };
export const tooManyItems = (page: number, items: number) =>
  said(`PDF 第 ${page} 页有超过 ${items} 段文字，不像年度报告，已停止读取`, `page ${page} of the PDF holds over ${items} pieces of text, not an annual report; reading was stopped`);

let loaded: Promise<Pdfjs> | undefined;

/** pdf.js, loaded on first use (see pdfjs.ts); its import-time warnings about canvas support silenced. */
function loadPdfjs(): Promise<Pdfjs> {
  return (loaded ??= (async () => {
    // On import pdf.js warns that it cannot load @napi-rs/canvas (for rendering, which we never do)
    // before any verbosity can be set: those lines would land in the CLI's stderr and the server's log.
    const warn = console.warn;
    console.warn = () => {};
    // pdf.js's canvas code makes a DOMMatrix when it loads, which Node has not (@napi-rs/canvas, the
    // polyfill it would load, is a native package a .vsix cannot carry). Reading text never uses it:
    // a bare stand-in lets the module load, and is taken away again.
    const g = globalThis as { DOMMatrix?: unknown };
    const stand = g.DOMMatrix === undefined;
    if (stand) g.DOMMatrix = class { a = 1; b = 0; c = 0; d = 1; e = 0; f = 0; };
    try {
      // require, not import(): bin/nianbao runs the bundle as a vm.Script, which has no loader for import().
      return require('./pdfjs') as Pdfjs;
    } finally {
      console.warn = warn;
      if (stand) delete g.DOMMatrix;
    }
  })());
}

/**
 * pdf.js's character maps (cmaps/*.bcmap), which many Chinese PDFs need for their text: copied into
 * dist/ beside the bundles by esbuild.mjs; from a bundle elsewhere (the tests'), pdfjs-dist's own.
 */
function cMapDirectory(): string | undefined {
  const beside = join(__dirname, 'cmaps');
  if (existsSync(join(beside, 'UniGB-UTF16-H.bcmap'))) return beside + '/';
  try {
    return join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps') + '/';
  } catch {
    // An installation without them: PDFs whose fonts need no character map are still read.
    return undefined;
  }
}

/** The report in a PDF's text layer, as draft text; or why there is none, on this thread. Never throws. */
export async function importPdf(bytes: Uint8Array, budget: PdfBudget = PDF_BUDGET): Promise<ImportResult> {
  // Checked before pdf.js is loaded: a file that is not a PDF at all costs nothing.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { refused: NOT_PDF };
  // A PDF ends with %%EOF (within its last 1024 bytes, readers allow). Without it the file was cut
  // short, and pdf.js, which rebuilds what it can, might read its first pages as if they were all.
  if (!Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1').includes('%%EOF')) return { refused: TRUNCATED };
  // pdf.js asks Node for its built-in modules through process.getBuiltinModule (Node 20.16).
  if (typeof (process as { getBuiltinModule?: unknown }).getBuiltinModule !== 'function') return { refused: OLD_NODE };
  let pdfjs: Pdfjs;
  try {
    pdfjs = await loadPdfjs();
  } catch (error) {
    // nianbao's own fault, not the document's: say so.
    const why = error instanceof Error ? error.message : String(error);
    return { refused: said(`无法加载 PDF 读取组件（请报告此问题）：${why}`, `could not load the PDF reader (please report this): ${why}`) };
  }
  let task: ReturnType<Pdfjs['getDocument']> | undefined;
  try {
    task = pdfjs.getDocument({
      // A copy: pdf.js takes over the buffer it is given.
      data: new Uint8Array(bytes),
      cMapUrl: cMapDirectory(),
      cMapPacked: true,
      // Text only: no fonts loaded or looked for on this machine, no code made from the PDF, no warnings.
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    });
    const doc = await task.promise;
    if (doc.numPages === 0) return { refused: NO_PAGES };
    // Reading takes some tens of milliseconds a page: a document this long is no annual report (they
    // run to a few dozen pages), and is not read for minutes to say so.
    if (doc.numPages > MAX_PAGES) return { refused: tooManyPages(doc.numPages) };
    const texts: Line[][] = [];
    const sizes: { width: number; height: number }[] = [];
    const turns: (number[] | undefined)[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { lines, width, height, turned } = await pageLines(page, n, pdfjs, budget);
      sizes.push({ width, height });
      turns.push(turned);
      texts.push(lines);
      page.cleanup();
    }
    const heights = sizes.map((s) => s.height);
    // A page without text is a picture as a whole (a scanned page). The images on the other pages are
    // looked for only when a statutory table is not in the text, where the reader takes a picture for
    // the table: each page is evaluated again for them, which costs more than reading its text did
    // (pdf.js draws its glyphs' outlines), and a report whose tables are text, as most are, does not pay it.
    const pages = texts.map((lines, i) => withPictures(lines, lines.length ? [] : [{ x: 0, y: 0, ...sizes[i] }], sizes[i]));
    if (!allTables(draft(pages, heights)) && (paintsImages(bytes) || paintsInlineImages(bytes))) {
      for (const [i, lines] of texts.entries()) {
        if (lines.length === 0) continue;
        const page = await doc.getPage(i + 1);
        pages[i] = withPictures(lines, await pageImages(page, pdfjs, turns[i]), sizes[i]);
        page.cleanup();
      }
    }
    const empty = texts.flatMap((lines, i) => (lines.length ? [] : [i + 1]));
    const text = draft(pages, heights);
    if (!hasText(text)) return { refused: NO_TEXT };
    if (empty.length === 0) return { text };
    return { text, notes: [said(`第 ${empty.join('、')} 页没有文字层（可能是扫描的页面），未读取`, `page ${empty.join(', ')} has no text layer (scanned?) and was not read`)] };
  } catch (error) {
    if (error instanceof Stopped) return { refused: error.why };
    // Without an onPassword handler, pdf.js fails the load of a PDF that needs a password to open.
    if ((error as { name?: string } | undefined)?.name === 'PasswordException') return { refused: ENCRYPTED };
    return { refused: DAMAGED };
  } finally {
    await task?.destroy().catch(() => {});
  }
}

/**
 * The pieces of text of page `n`, as pdf.js gives them chunk by chunk; stopped when the page holds
 * more than the budget allows.
 */
async function pageItems(page: Page, n: number, budget: PdfBudget): Promise<(TextItem | object)[]> {
  const reader = page.streamTextContent().getReader();
  const items: (TextItem | object)[] = [];
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (const item of (chunk.value as { items: (TextItem | object)[] }).items) items.push(item);
    if (items.length > budget.itemsPerPage) {
      // The loading task's destroy (importPdf) stops pdf.js, once the page's reading sees it: the
      // chunks are taken meanwhile, or pdf.js would wait for room to send them for ever. (Not
      // reader.cancel(): pdf.js's “fake worker”, on this thread, goes on sending to the cancelled
      // stream, which throws where nothing catches it.)
      void drain(reader);
      throw new Stopped(tooManyItems(n, budget.itemsPerPage));
    }
  }
  return items;
}

/** Reads a stream to its end or its error, keeping nothing. */
async function drain(reader: ReadableStreamDefaultReader): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {
    // The task destroyed: what the page's reading ends with.
  }
}

/** Whether the text holds every statutory table. */
function allTables(text: string): boolean {
  const { tables } = parseReport(text);
  return TABLE_KEYS.every((key) => tables[key]);
}

/**
 * Whether the PDF has an image at all. pdf.js tells nothing of a page's resources but by evaluating its
 * content again (its operator list). An image, though, is a stream, which PDF never keeps in a compressed
 * object stream: its dictionary's `/Subtype /Image` stands in the file as written. A PDF without one
 * has no page to look at again but for an inline image (paintsInlineImages).
 */
export const paintsImages = (bytes: Uint8Array) => /\/Subtype\s*\/Image\b/.test(latin1(bytes));

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** An inline image's operators: BI, its dictionary's first key, and ID before its data. */
const INLINE_IMAGE = /(?:^|[\s\]>)}])BI\s*\/[A-Za-z][\s\S]{0,2000}?\sID[\s\x00]/;
const STREAM = /\bstream\r?\n/g;
/** The most of a page's content that is inflated to look for inline images (the budget's, per stream). */
const MAX_CONTENT = 16 * 1024 * 1024;

/**
 * Whether some content stream of the PDF may paint an inline image (`BI`…`ID`…`EI`: the standard advises
 * them for small images; some writers put a whole screenshot so). Content is mostly compressed: each
 * stream is looked at as it is and inflated (FlateDecode, the filter of nearly every writer; a stream
 * that is not, or not only, inflates to nothing and is passed over). An encrypted file's streams cannot
 * be looked into: it may.
 */
export function paintsInlineImages(bytes: Uint8Array): boolean {
  const text = latin1(bytes);
  if (/\/Encrypt\b/.test(text)) return true;
  for (const m of text.matchAll(STREAM)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const data = bytes.subarray(start, end);
    if (INLINE_IMAGE.test(text.slice(start, Math.min(end, start + MAX_CONTENT)))) return true;
    try {
      const inflated = inflateSync(data, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: MAX_CONTENT });
      if (INLINE_IMAGE.test(inflated.toString('latin1'))) return true;
    } catch {
      // Not deflated, or cut short past the budget: no content this looks into.
    }
  }
  return false;
}

/**
 * Where page `n` paints its images, as boxes on the page: pdf.js's operator list of the page, the
 * current transformation matrix followed through save/restore, transforms and forms; an image fills
 * the unit square of the matrix it is painted in; on a page read turned (`turned`, pageLines), turned so too.
 */
async function pageImages(page: Page, pdfjs: Pdfjs, turned?: number[]): Promise<Box[]> {
  // Annotations (a signature's or a stamp's appearance) are no part of the report's flow.
  const { fnArray, argsArray } = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  const { OPS, Util } = pdfjs;
  type Matrix = number[];
  const view = page.getViewport({ scale: 1 }).transform;
  let ctm: Matrix = turned ? Util.transform(turned, view) : view;
  const saved: Matrix[] = [];
  const boxes: Box[] = [];
  const paint = () => {
    const [a, b, c, d, e, f] = ctm;
    const xs = [e, a + e, c + e, a + c + e], ys = [f, b + f, d + f, b + d + f];
    const x = Math.min(...xs), y = Math.min(...ys);
    boxes.push({ x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i];
    switch (fnArray[i]) {
      case OPS.save: saved.push(ctm); break;
      case OPS.restore: ctm = saved.pop() ?? ctm; break;
      case OPS.transform: ctm = Util.transform(ctm, args); break;
      case OPS.paintFormXObjectBegin: saved.push(ctm); if (args[0]) ctm = Util.transform(ctm, Array.from(args[0] as ArrayLike<number>)); break;
      case OPS.paintFormXObjectEnd: ctm = saved.pop() ?? ctm; break;
      // An operator list asked for is not optimized (pdf.js merges runs of like images only to render
      // them): each image is one operator, painted in the matrix of its own.
      case OPS.paintImageXObject: case OPS.paintInlineImageXObject: case OPS.paintImageMaskXObject: paint(); break;
    }
  }
  return boxes;
}

/**
 * The quarter turns that bring text of direction (a, b) upright (left to right), or -1 for text at another angle
 * (a stamp's, a watermark's): 0 for upright text.
 */
function quarterOf(a: number, b: number): number {
  const tilt = 0.05 * Math.hypot(a, b);
  if (Math.abs(b) <= tilt) return a > 0 ? 0 : 2;
  if (Math.abs(a) <= tilt) return b > 0 ? 1 : 3;
  return -1;
}

/**
 * A page's text as lines, top to bottom: horizontal runs grouped by baseline, each line left to right; and the
 * page's size as read. Text is read upright as the page is shown (its /Rotate applied); a page whose text runs
 * mostly sideways (a landscape table some printers draw turned by a quarter on a portrait page, without
 * /Rotate) is read turned so that most of it is upright, as a reader turns the paper.
 */
async function pageLines(page: Page, n: number, pdfjs: Pdfjs, budget: PdfBudget): Promise<{ lines: Line[]; width: number; height: number; turned?: number[] }> {
  const viewport = page.getViewport({ scale: 1 });
  const items: { text: string; lead: number; width: number; m: number[]; length: number }[] = [];
  const chars = [0, 0, 0, 0];
  for (const item of await pageItems(page, n, budget)) {
    if (!('str' in item)) continue;
    const text = item.str.trimEnd();
    const lead = text.length - text.trimStart().length;
    if (text.length === lead) continue;
    const m = pdfjs.Util.transform(viewport.transform, item.transform);
    const q = quarterOf(m[0], m[1]);
    if (q >= 0) chars[q] += text.length - lead;
    items.push({ text, lead, width: item.width, m, length: item.str.length });
  }
  const turn = chars.indexOf(Math.max(...chars));
  const { width, height } = viewport;
  // Turned a quarter at a time: (x, y) → (y, width - x), (width - x, height - y), (height - y, x).
  const turned = chars[turn] > chars[0] ? [[1, 0, 0, 1, 0, 0], [0, -1, 1, 0, 0, width], [-1, 0, 0, -1, width, height], [0, 1, -1, 0, height, 0]][turn] : undefined;
  const runs: Run[] = [];
  for (const { text, lead, width: w, m, length } of items) {
    const [a, b, c, d, x, y] = turned ? pdfjs.Util.transform(turned, m) : m;
    // Left-to-right horizontal text only: a rotated stamp or watermark is no part of the report.
    if (a <= 0 || Math.abs(b) > a * 0.05) continue;
    // Spaces around the text take their share of the run's width (roughly: by characters).
    const share = w / length;
    runs.push({ text: text.slice(lead), x: x + share * lead, y, width: share * (text.length - lead), size: Math.hypot(c, d) || 1 });
  }
  return { lines: linesOf(runs), turned, ...(turned && turn % 2 ? { width: height, height: width } : { width, height }) };
}
