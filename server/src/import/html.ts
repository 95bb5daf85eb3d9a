import { parse, parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import { holdsArticle, NUMBER, renderBlocks, runsText, type Block, type GridCell, type Run } from './blocks';
import { documentFile } from '../core/strings';
import { NOTE_MARK, PICTURE_LINE, type Imported } from './types';

// A web page (a published report, or Word's “save as web page”) as draft text: the article's
// paragraphs and tables, and where in the page's HTML each character of the draft came from.

type Element = T.Element;

// Never the report's text: scripts, styles, the site's navigation, forms and embedded things.
const SKIPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'nav', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'select', 'button', 'input', 'textarea', 'map', 'audio', 'video',
]);
// Elements that start and end a line (the rest, <span>, <font>, <a>…, are joined without a space:
// Word splits 2023 over two <span>s).
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'legend',
  'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** No report table comes near these; bigger spans are capped so a hostile page cannot build a huge grid. */
const MAX_COLSPAN = 100;

// What marks the report's own content on a page: the statutory section titles and table words.
const SECTION_TITLE = /总体情况|主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议、行政诉讼情况|存在的主要问题|其他需要报告的事项/;
const TABLE_WORDS = /自然人|行政复议|本年新收|本年制发|本年新制作|行政许可|行政处罚/;
/** A line short enough to be a title (not the preamble that cites the 年度报告格式). */
const isTitle = (b: Owned) => b.block.kind === 'paragraph' && b.text.length <= 60 && /年度?报告/.test(b.text);

const isElement = (n: T.Node): n is Element => 'tagName' in n;
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** An image's width or height in pixels, as its style or its attribute gives it, if at all (not in per cent). */
function pixels(el: Element, name: 'width' | 'height'): number | undefined {
  const style = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`, 'i').exec(attr(el, 'style') ?? '');
  const plain = /^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$/i.exec(attr(el, name) ?? '');
  const n = Number.parseFloat(style?.[1] ?? plain?.[1] ?? '');
  return Number.isFinite(n) ? n : undefined;
}
/** An icon (print, share, a bullet), which no table was ever shrunk to. */
const isIcon = (img: Element) => (pixels(img, 'width') ?? Infinity) < 120 || (pixels(img, 'height') ?? Infinity) < 40;

const IMAGE_FILE = /\.(?:png|jpe?g|gif|bmp|webp|svg|tiff?)(?:[?#]|$)/i;
/** A CSS background that is a picture shown once (a rule or a texture repeats along one axis). */
const BACKGROUND_PICTURE = /background(?:-image)?\s*:[^;]*url\(/i, REPEATED = /repeat-[xy]|background-repeat\s*:\s*repeat\b/i;

/**
 * Whether an element shows a picture that may be a table's screenshot (not an icon): an <img>; an <object> or <embed>
 * of an image, an <input type="image"> (whose contents the page does not show as text); an <svg> drawing an <image>;
 * an element whose CSS background is a picture, holding no text (a box the screenshot is painted into).
 */
function isPicture(el: Element): boolean {
  return pictureLike(el) && !hiddenByAttribute(el) && !hiddenByStyle(el) && !isIcon(el);
}
function pictureLike(el: Element): boolean {
  switch (el.tagName) {
    case 'img': return true;
    case 'object': return /^image\//i.test(attr(el, 'type') ?? '') || IMAGE_FILE.test(attr(el, 'data') ?? '');
    case 'embed': return /^image\//i.test(attr(el, 'type') ?? '') || IMAGE_FILE.test(attr(el, 'src') ?? '');
    case 'input': return attr(el, 'type')?.toLowerCase() === 'image';
    case 'svg': return holds(el, (n) => isElement(n) && n.tagName === 'image');
  }
  const style = el.attrs.length ? attr(el, 'style') : undefined;
  return style !== undefined && BACKGROUND_PICTURE.test(style) && !REPEATED.test(style) && !holds(el, (n) => n.nodeName === '#text' && /\S/.test((n as T.TextNode).value));
}

/** Whether a node under `el` passes `test`. */
function holds(el: Element, test: (n: T.Node) => boolean): boolean {
  const stack: T.Node[] = [...el.childNodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (test(n)) return true;
    if (isElement(n)) for (const c of n.childNodes) stack.push(c);
  }
  return false;
}

/** An element's text, if it is short (a note's mark is a character or three). */
function shortText(el: Element, max = 8): string | undefined {
  let text = '';
  const stack: T.Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') { text += (n as T.TextNode).value; if (text.length > max) return undefined; } else if (isElement(n)) for (const c of n.childNodes) stack.push(c);
  }
  return text;
}

// Word's web pages link a footnote's, an endnote's and a comment's mark to the note ([1], [A1]).
const WORD_NOTE_LINK = /^#_(?:ftn|edn|msocom_)\d+$/;

function hidden(el: Element): boolean {
  if (SKIPPED.has(el.tagName) || hiddenByAttribute(el)) return true;
  // A note's mark raised after a word or a number (<sup>1</sup>): 5<sup>1</sup> is 5, not 51.
  if (el.tagName === 'sup') return NOTE_MARK.test(shortText(el) ?? '');
  if (el.tagName === 'a' && WORD_NOTE_LINK.test(attr(el, 'href') ?? '')) return true;
  return hiddenByStyle(el);
}
const hiddenByAttribute = (el: Element) => attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true';
/**
 * (Word's web pages write hidden text as mso-hide:all, with display:none or alone; the reviewers'
 * comments, in a list of their own that shows when the page is read where Word's notes are not supported.)
 */
function hiddenByStyle(el: Element): boolean {
  const style = attr(el, 'style');
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all|mso-element\s*:\s*comment-list/i.test(style);
}

/**
 * A text node's characters and where each is in the source. parse5 decodes entities and turns CRLF
 * into LF, so the node's text differs from its source there: the characters between are exact, an
 * entity's character is not (its source is `&nbsp;`, not the character).
 */
const ENTITY = /&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)/y;
function textRuns(node: T.TextNode, source: string): Run[] {
  const value = node.value;
  const loc = node.sourceCodeLocation;
  if (!loc) return [{ text: value, start: -1, end: -1, exact: false }];
  const { startOffset: start, endOffset: end } = loc;
  const s = source.slice(start, end);
  if (s === value) return [{ text: value, start, end, exact: true }];
  const runs: Run[] = [];
  const exactChar = (at: number, ch: string) => {
    const last = runs[runs.length - 1];
    if (last?.exact && last.end === at) { last.text += ch; last.end++; } else runs.push({ text: ch, start: at, end: at + 1, exact: true });
  };
  let i = droppedBreak(node, s), j = 0;
  walk: while (i < s.length && j < value.length) {
    if (s[i] === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(s);
      if (m) {
        const k = i + m[0].length;
        // How many characters the entity decoded to (one, or two: a surrogate pair or a combining form):
        // the one after which the source and the text agree again.
        const agrees = (d: number) => k === s.length ? j + d === value.length : s[k] === '&' || s[k] === '\r' || value[j + d] === s[k];
        const d = value[j] !== '&' || s.startsWith('&amp', i) ? (agrees(1) ? 1 : agrees(2) ? 2 : 0) : 0;
        if (d > 0) { runs.push({ text: value.slice(j, j + d), start: start + i, end: start + k, exact: false }); i = k; j += d; continue; }
      }
    }
    if (s[i] === '\r') {
      // CRLF is the LF that follows it; a lone CR became an LF.
      if (s[i + 1] === '\n') { i++; continue; }
      runs.push({ text: value[j], start: start + i, end: start + i + 1, exact: false });
      i++; j++;
      continue;
    }
    if (s[i] !== value[j]) break walk;
    exactChar(start + i, value[j]);
    i++; j++;
  }
  // Lost track (text the parser moved or replaced): the rest is somewhere in what is left.
  if (j < value.length) runs.push({ text: value.slice(j), start: start + i, end, exact: false });
  return runs;
}

/** The line break right after <pre> is not content: the parser drops it, but the text node's source begins with it. */
function droppedBreak(node: T.TextNode, s: string): number {
  const parent = node.parentNode;
  if (!parent || !isElement(parent) || !['pre', 'listing', 'textarea'].includes(parent.tagName) || parent.childNodes[0] !== node) return 0;
  if (node.sourceCodeLocation?.startOffset !== parent.sourceCodeLocation?.startTag?.endOffset) return 0;
  return s.startsWith('\r\n') ? 2 : s.startsWith('\n') || s.startsWith('\r') ? 1 : 0;
}

/** A block and the element it came from (a paragraph's block-level element, or the table). */
interface Owned { block: Block; owner: Element; text: string }

/**
 * The tables that hold another table: they lay a page out, and are read as blocks; the others hold
 * data. Found in one pass from the innermost tables out, so that 10,000 nested tables cost no more than one.
 */
function layoutTables(root: T.ParentNode): Set<Element> {
  const out = new Set<Element>();
  const stack: T.Node[] = [...root.childNodes];
  const order: Element[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    order.push(n);
    for (const c of n.childNodes) stack.push(c);
  }
  // Children come after their parents in `order`: going backwards, a table marks its enclosing table.
  const holdsTable = new Set<T.ParentNode>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    const parent = el.parentNode;
    if (!parent) continue;
    if (el.tagName === 'table' || holdsTable.has(el)) {
      holdsTable.add(parent);
      if (el.tagName === 'table' && holdsTable.has(el)) out.add(el);
    }
  }
  return out;
}

const childElements = (el: Element, tags: string[]) => el.childNodes.filter((n): n is Element => isElement(n) && tags.includes(n.tagName));

/** The rows of a table, its header, body and footer sections in order; not those hidden (a row an editor hid, a browser does not show). */
function tableRows(table: Element): Element[] {
  return table.childNodes.flatMap((n) => !isElement(n) || hidden(n) ? []
    : n.tagName === 'tr' ? [n]
      : ['thead', 'tbody', 'tfoot'].includes(n.tagName) ? childElements(n, ['tr']).filter((tr) => !hidden(tr)) : []);
}
/** A row's cells that a browser shows (a hidden one takes no place in the grid either). */
const rowCells = (tr: Element) => childElements(tr, ['td', 'th']).filter((td) => !hidden(td));

/**
 * A table of one column: a box around the article (its paragraphs would run into one line if read as a
 * cell), or a list. Read as blocks, which is what its rows are anyway.
 */
const oneColumn = (table: Element) => tableRows(table).every((tr) => rowCells(tr).length <= 1);

const span = (el: Element, name: string, max: number) => {
  const n = Number.parseInt(attr(el, name) ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
};

/** Where a blank cell's content is in the source: its one text node (an `&nbsp;`), or the inside of its tag. */
function emptyRange(td: Element): { start: number; end: number } | undefined {
  let el = td;
  for (;;) {
    let kids = el.childNodes.filter((n) => n.nodeName !== '#comment');
    // Word writes each cell's paragraph on lines of its own: the line breaks around it are not the content.
    if (kids.length > 1) kids = kids.filter((n) => n.nodeName !== '#text' || /\S/.test((n as T.TextNode).value));
    if (kids.length === 0) {
      const at = el.sourceCodeLocation?.startTag?.endOffset;
      return at === undefined ? undefined : { start: at, end: at };
    }
    if (kids.length > 1) return undefined;
    const only = kids[0];
    if (only.nodeName === '#text') {
      const loc = (only as T.TextNode).sourceCodeLocation;
      return loc ? { start: loc.startOffset, end: loc.endOffset } : undefined;
    }
    if (!isElement(only) || hidden(only)) return undefined;
    el = only;
  }
}

/** The table as a full grid: every cell at the grid positions it covers, its rowspan and colspan expanded. */
function tableBlock(table: Element, source: string): Extract<Block, { kind: 'table' }> {
  const trs = tableRows(table);
  const rows: GridCell[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    let c = 0;
    for (const td of rowCells(tr)) {
      while (rows[r][c]) c++;
      const colspan = span(td, 'colspan', MAX_COLSPAN);
      // rowspan="0" (to the end of the table) and spans past the last row stop at the last row.
      const rowspan = attr(td, 'rowspan') === '0' ? trs.length - r : span(td, 'rowspan', trs.length - r);
      rows[r][c] = { covered: false, runs: unbroken(inlineRuns(td, source), source, colspan > 1 || rowspan > 1), empty: emptyRange(td) };
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) if (dr || dc) rows[r + dr][c + dc] ??= { covered: true };
      }
      c += colspan;
    }
  });
  // A position no cell reaches (a short row) reads as a covered one: an empty field.
  return { kind: 'table', rows: rows.map((row) => Array.from(row, (cell) => cell ?? { covered: true })) };
}

/**
 * A number a line break cuts, in a cell of its own: 1<br>2 or <p>1</p><p>2</p> (a cell too narrow for the
 * number, wrapped by the editor or by the converter that made the page), or the two <span>s Word or an editor
 * split it over with a line break between them in the page's source (a space in the browser). A cell of a
 * table holds one number: its digits are that number, 12 and not 1 and 2. A blank typed between digits on
 * one line is the author's and stays, for the reader to read; so do the paragraphs of a `merged` cell: Word
 * keeps the text of each cell it merges as a paragraph of its own, a number each.
 */
function unbroken(runs: Run[], source: string, merged: boolean): Run[] {
  const text = runsText(runs).trim();
  const blanks = text.match(/\s+/g);
  if (!blanks || !blanks.every((b) => b.includes('\n')) || !NUMBER.test(text.replace(/\s+/g, ''))) return runs;
  if (merged) {
    // A paragraph's start or end between two parts (the line break that stands for it: no <br>).
    const parts = runs.map((r) => (r.text === '\n' && !r.exact && !/^<br\b/i.test(source.slice(r.start, r.start + 3)) ? 'p' : /\S/.test(r.text) ? 'x' : '')).join('');
    if (/x[^x]*p[^x]*x/.test(parts)) return runs;
  }
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.exact) { if (/\S/.test(r.text)) out.push(r); continue; }
    for (const m of r.text.matchAll(/\S+/g)) out.push({ text: m[0], start: r.start + m.index, end: r.start + m.index + m[0].length, exact: true });
  }
  return out;
}

/** A cell's text: its lines joined by a line break, which collapses to a space, or to nothing between Chinese characters (商业 / 企业). */
function inlineRuns(cell: Element, source: string): Run[] {
  const runs: Run[] = [];
  const at = (el: Element) => el.sourceCodeLocation?.startOffset ?? -1;
  const stack: T.Node[] = [...cell.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') { for (const r of textRuns(n as T.TextNode, source)) runs.push(r); continue; }
    if (!isElement(n) || hidden(n)) continue;
    if (n.tagName === 'br' || BLOCKS.has(n.tagName)) runs.push({ text: '\n', start: at(n), end: at(n), exact: false });
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return runs;
}

/** A <pre>'s lines, each its runs, cut at its line breaks (and <br>s). */
function preLines(pre: Element, source: string): Run[][] {
  const lines: Run[][] = [[]];
  for (const r of inlineRuns(pre, source)) {
    const parts = r.text.split('\n');
    let at = 0;
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      // A CR before the break is the source's line ending, not the text's.
      const text = part.endsWith('\r') && i < parts.length - 1 ? part.slice(0, -1) : part;
      if (text) lines[lines.length - 1].push(r.exact ? { text, start: r.start + at, end: r.start + at + text.length, exact: true } : { ...r, text });
      at += part.length + 1;
    });
  }
  // The line break that ends the last line ends the <pre>.
  if (lines.length > 1 && lines[lines.length - 1].length === 0) lines.pop();
  return lines;
}

/**
 * Whether a table holds a picture (not an icon) and no number: a statutory table given as a screenshot beside
 * its caption or under its title, in a table that lays them out; read as blocks, the picture a line of its
 * own where the reader looks for it (core/parse/pictures.ts). A table of numbers keeps its pictures out (a seal, a logo).
 */
function holdsPicture(table: Element, rows: GridCell[][]): boolean {
  if (rows.some((row) => row.some((c) => !c.covered && /^\s*[-+]?\d[\d.,]*\s*$/.test(runsText(c.runs))))) return false;
  const stack: T.Node[] = [table];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (isPicture(n)) return true;
    if (hidden(n)) continue;
    for (const c of n.childNodes) stack.push(c);
  }
  return false;
}

const tableText = (rows: GridCell[][]) => rows.map((row) => row.map((c) => (c.covered ? '' : runsText(c.runs))).join(' ')).join(' ');

/**
 * A link to a document whose text does not name the file (附件：<a href="….pdf">某某镇2023年…年度报告</a>): the
 * file's name after the text, as the page's reader sees where the link goes — a page that holds only the
 * report's attachment says so (rules/report-attached.ts). Its source is the href.
 */
function attachedName(a: Element, source: string): Run | undefined {
  const href = attr(a, 'href');
  let decoded = href ?? '';
  try { decoded = decodeURIComponent(decoded); } catch { /* a malformed escape: the href as written */ }
  // The document file the link downloads, named in its href (…/P020250120.pdf, downfile.jsp?filename=报告.docx).
  const file = documentFile(decoded);
  const at = a.sourceCodeLocation?.attrs?.href;
  if (!file || !at || documentFile(runsText(inlineRuns(a, source)))) return undefined;
  return { text: `（${decoded.slice(file.start, file.end)}）`, start: at.startOffset, end: at.endOffset, exact: false };
}

/** The names of document files in a script, the first few (a hostile script may name thousands). */
function filesIn(s: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let from = 0, f; out.length < 10 && (f = documentFile(s.slice(from))); from += f.end) out.push({ start: from + f.start, end: from + f.end });
  return out;
}

/**
 * The report's file on a page that names it only where its reader does not see it: in a script
 * (document.write('<a href="'+url+'">'+name+'</a>')) or in an attribute a script reads
 * (onclick="downLoad('…报告.pdf')", data-url, a PDF viewer's <iframe src>, a hidden link). As a line
 * 附件：name, whose source is the name in the script, or the attribute; a name with 报告 before others.
 * The page's <head> (the site's libraries and counters) is left out.
 */
function hiddenAttachment(root: Element, source: string): Owned | undefined {
  let first: Owned | undefined;
  const stack: T.Node[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (!isElement(el) || el.tagName === 'head') continue;
    const named: Run[] = [];
    const script = el.tagName === 'script' ? el.childNodes.find((n): n is T.TextNode => n.nodeName === '#text') : undefined;
    const loc = script?.sourceCodeLocation;
    if (script && loc) {
      const exact = source.slice(loc.startOffset, loc.endOffset) === script.value;
      for (const { start, end } of filesIn(script.value)) {
        named.push({ text: script.value.slice(start, end), start: loc.startOffset + (exact ? start : 0), end: exact ? loc.startOffset + end : loc.endOffset, exact });
      }
    }
    for (const a of el.attrs) {
      let value = a.value;
      try { value = decodeURIComponent(value); } catch { /* a malformed escape: the value as written */ }
      const found = documentFile(value), at = el.sourceCodeLocation?.attrs?.[a.name];
      if (found && at) named.push({ text: value.slice(found.start, found.end), start: at.startOffset, end: at.endOffset, exact: false });
    }
    for (const run of named) {
      const owned: Owned = { block: { kind: 'paragraph', runs: [{ text: '附件：', start: -1, end: -1, exact: false }, run] }, owner: el, text: `附件：${run.text}` };
      if (run.text.includes('报告')) return owned;
      first ??= owned;
    }
    for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push(el.childNodes[i]);
  }
  return first;
}

/** The page as blocks in document order, each with the element it came from. Iterative: a page may nest 10,000 elements. */
function pageBlocks(root: Element, source: string): Owned[] {
  const out: Owned[] = [];
  const layout = layoutTables(root);
  let runs: Run[] = [];
  const owners: Element[] = [root];
  const flush = () => {
    if (runs.length) out.push({ block: { kind: 'paragraph', runs }, owner: owners[owners.length - 1], text: runsText(runs) });
    runs = [];
  };
  type Step = T.Node | { leave: Element } | { run: Run };
  const stack: Step[] = [...root.childNodes].reverse();
  while (stack.length) {
    const step = stack.pop()!;
    if ('leave' in step) { flush(); owners.pop(); continue; }
    if ('run' in step) { runs.push(step.run); continue; }
    if (step.nodeName === '#text') { for (const r of textRuns(step as T.TextNode, source)) runs.push(r); continue; }
    if (!isElement(step)) continue;
    const el = step;
    if (isPicture(el)) {
      // A picture in the article's flow may be a table given as a screenshot: a line of its own, which
      // the reader reports as a table it cannot read when it stands where a table should (core/parse/pictures.ts).
      const loc = el.sourceCodeLocation;
      flush();
      out.push({ block: { kind: 'paragraph', runs: [{ text: PICTURE_LINE, start: loc?.startOffset ?? -1, end: loc?.endOffset ?? -1, exact: false }] }, owner: owners[owners.length - 1], text: PICTURE_LINE });
      continue;
    }
    if (hidden(el) || el.tagName === 'img') continue; // (an icon)
    if (el.tagName === 'br') { flush(); continue; }
    if (el.tagName === 'pre') {
      // A draft pasted into the page as it was typed: its lines, tabs and blank lines are its layout.
      flush();
      for (const line of preLines(el, source)) out.push({ block: { kind: 'paragraph', runs: line, pre: true }, owner: el, text: runsText(line) });
      continue;
    }
    const children = el.tagName === 'template' ? [] : el.childNodes;
    const table = el.tagName === 'table' && !layout.has(el) && !oneColumn(el) ? tableBlock(el, source) : undefined;
    if (table && !holdsArticle(table.rows) && !holdsPicture(el, table.rows)) {
      flush();
      const caption = childElements(el, ['caption'])[0];
      if (caption) out.push({ block: { kind: 'paragraph', runs: inlineRuns(caption, source) }, owner: el, text: '' });
      out.push({ block: table, owner: el, text: tableText(table.rows) });
      continue;
    }
    if (!BLOCKS.has(el.tagName)) {
      const attached = el.tagName === 'a' ? attachedName(el, source) : undefined;
      if (attached) stack.push({ run: attached });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
      continue;
    }
    flush();
    owners.push(el);
    stack.push({ leave: el });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return out;
}

const ancestors = (el: Element): Element[] => {
  const chain: Element[] = [];
  for (let n: T.ParentNode | null = el; n && isElement(n); n = n.parentNode) chain.push(n);
  return chain.reverse();
};

/** A statutory table or section title: a block of the report itself. */
const isMarker = (b: Owned) => b.block.kind === 'table' ? TABLE_WORDS.test(b.text) : b.text.length <= 60 && SECTION_TITLE.test(b.text);

/**
 * The blocks of the report itself, not of the page around it: the smallest element that holds every
 * statutory table and section title found. The page's title (outside that element on most sites,
 * after a breadcrumb that names the report too) is kept when the article does not hold one.
 */
function article(blocks: Owned[]): Owned[] {
  const markers = blocks.filter(isMarker);
  if (markers.length < 2) return blocks;
  // The lowest common ancestor of the first and the last marker holds every marker between them
  // (an element's descendants are a stretch of the document's order).
  const [a, b] = [ancestors(markers[0].owner), ancestors(markers[markers.length - 1].owner)];
  let depth = 0;
  while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth++;
  if (depth === 0) return blocks;
  const root = a[depth - 1];
  const inside = new Map<T.ParentNode, boolean>([[root, true]]);
  const within = (el: Element): boolean => {
    const path: T.ParentNode[] = [];
    let n: T.ParentNode | null = el;
    while (n && !inside.has(n)) { path.push(n); n = isElement(n) ? n.parentNode : null; }
    const answer = n ? inside.get(n)! : false;
    for (const p of path) inside.set(p, answer);
    return answer;
  };
  const first = blocks.findIndex((b) => within(b.owner));
  const kept = blocks.filter((b) => within(b.owner));
  if (!kept.some(isTitle)) {
    const title = blocks.slice(0, first).reverse().find(isTitle);
    if (title) kept.unshift(title);
  }
  return kept;
}

/** The <title> of the page's <head>, when it names a report. */
function titleElement(root: Element, html: string): Element | undefined {
  const head = childElements(root, ['head'])[0];
  const title = head && childElements(head, ['title'])[0];
  const text = title ? runsText(inlineRuns(title, html)) : '';
  return title && text.length <= 100 && /年度?报告/.test(text) ? title : undefined;
}

/** The report in a web page as draft text, and where each of its characters is in the page. */
export function importHtml(html: string): Imported {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const root = document.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  const owned = root ? article(pageBlocks(root, html)) : [];
  // A page that names the report only in its <title> (the window's title): that is its title line.
  const title = root && !owned.some(isTitle) ? titleElement(root, html) : undefined;
  if (title) owned.unshift({ block: { kind: 'paragraph', runs: inlineRuns(title, html) }, owner: title, text: '' });
  // A page without the report that names its file only to scripts: that file, as the page's reader sees it.
  const attached = root && !owned.some((b) => isMarker(b) || documentFile(b.text)) ? hiddenAttachment(root, html) : undefined;
  if (attached) owned.push(attached);
  const { text, map } = renderBlocks(owned.map((b) => b.block));
  return { text, source: { text: html, map } };
}

/** The tables of a parsed text that hold data (see layoutTables), in document order, the tables in their cells left out. */
function dataTables(root: T.ParentNode): Element[] {
  const layout = layoutTables(root);
  const out: Element[] = [];
  const stack: T.Node[] = [...root.childNodes].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === 'table' && !layout.has(n)) { out.push(n); continue; }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return out;
}

// Tags alone, or nothing, beside a table on its first and last lines (MinerU writes <html><body><table>…</table></body></html>
// on a line): no text of the report. Matched from where the table ends, not over the rest of the line: a
// text of 30,000 tables on one line is read in one pass.
const ONLY_TAGS = /^(?:\s|<[^<>]*>)*$/;
const TAGS_TO_LINE_END = /(?:[^\S\n]|<[^<>\n]*>)*(?:\n|$)/y;

/**
 * A text draft with HTML tables in it — what converters of PDFs to Markdown write for tables with merged
 * cells (MinerU puts each on one line, pandoc spreads it over many) — as the draft the reader reads: each
 * table as rows of cells between tabs, as a web page's are; the rest of the text exactly as it is; and
 * where each character of that draft is in the text. A table that lays out others, has one column or
 * holds the article in a cell stays text.
 */
export function importTablesInText(text: string): Imported {
  const blocks: Block[] = [];
  let at = 0;
  const keep = (end: number) => { if (end > at) blocks.push({ kind: 'verbatim', run: { text: text.slice(at, end), start: at, end, exact: true } }); };
  for (const table of dataTables(parseFragment(text, { sourceCodeLocationInfo: true }))) {
    const loc = table.sourceCodeLocation;
    if (!loc || oneColumn(table)) continue;
    const block = tableBlock(table, text);
    if (holdsArticle(block.rows)) continue;
    // With the tags alone beside it on its first and last lines, and the line break after them.
    let lineStart = loc.startOffset;
    while (lineStart > at && text[lineStart - 1] !== '\n') lineStart--;
    keep(ONLY_TAGS.test(text.slice(lineStart, loc.startOffset)) ? lineStart : loc.startOffset);
    const caption = childElements(table, ['caption'])[0];
    if (caption) blocks.push({ kind: 'paragraph', runs: inlineRuns(caption, text) });
    blocks.push(block);
    TAGS_TO_LINE_END.lastIndex = loc.endOffset;
    at = TAGS_TO_LINE_END.test(text) ? TAGS_TO_LINE_END.lastIndex : loc.endOffset;
  }
  if (blocks.length === 0) return { text };
  keep(text.length);
  const { text: draft, map } = renderBlocks(blocks);
  return { text: draft, source: { text, map } };
}
