import { importHtml } from './html';
import { OLE_SIGNATURE, startsWith, ZIP_SIGNATURE } from './formats';
import { BROKEN, importDoc, NO_TEXT, NOT_WORD } from './doc';
import { readText } from './decode';
import { pageOfMht } from './mht';
import { importOdt, isOdf } from './odt';
import { importRtf, isRtf, rtfHtml } from './rtf';
import { formatted } from './listNumbers';
import { escapeHtml, hasText, said, type ImportResult } from './types';

// A Word document (.docx) as draft text: mammoth turns it into HTML, keeping merged cells as
// colspan and rowspan (gridSpan and vMerge), and the web-page importer reads that. Positions are the
// draft's: a .docx has no text to point into. Word 97–2003 files (.doc, .wps) are doc.ts's.

// A chart (Word's own, or an Excel chart pasted) is a DrawingML graphic that mammoth drops without a
// trace, unlike a picture, an embedded Excel sheet's preview or a picture in a text box, which it turns
// into <img>. Each chart gets a picture beside it (its blip naming the chart's own part, which is never
// read: images are not), so that the draft holds a picture line where the chart is. Word writes the
// chart's namespaces on the element itself.
const CHART = /<c:chart\b[^>]*?\sr:id="([^"]*)"[^>]*\/>/g;
const PICTURE = '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
  + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><pic:blipFill><a:blip r:embed="$1"/></pic:blipFill></pic:pic>';

// A picture in a DrawingML graphic other than a picture (a group of a screenshot and the frames drawn on it,
// a drawing canvas, a shape filled with the picture), written without the VML fallback (mc:Fallback) Word
// writes beside a group, mammoth drops: it reads a graphic's pictures only when the graphic is one. Such a
// graphic gets a picture of its own (the first picture in it, as the chart's), one picture line for all it
// holds; the pictures of a text box in it are the text box's, read with its text.
const GRAPHIC_PART = /<a:graphicData\b[^>]*>|<\/a:graphicData>|<w:txbxContent\b[^>]*>|<\/w:txbxContent>|<a:blip\b[^>]*?\br:(?:embed|link)="([^"]*)"/g;
const PICTURE_DATA = 'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"';
function withGraphicPictures(xml: string): string {
  // Scanned only when some picture is not a picture graphic's own (each of those has one).
  if (count(xml, '<a:blip ') <= count(xml, PICTURE_DATA)) return xml;
  // The open graphics and text boxes, innermost last: for a graphic, where its opening tag ends and whether it is a picture's.
  const open: ({ at: number; picture: boolean; seen?: true } | 'box')[] = [];
  const at: [number, string][] = [];
  for (const m of xml.matchAll(GRAPHIC_PART)) {
    const [tag, rid] = m;
    if (tag.startsWith('<a:graphicData')) open.push({ at: m.index + tag.length, picture: tag.includes(PICTURE_DATA) });
    else if (tag.startsWith('<w:txbx')) open.push('box');
    else if (tag.startsWith('</')) open.pop();
    else {
      const graphic = open.at(-1);
      if (typeof graphic === 'object' && !graphic.picture && !graphic.seen) { graphic.seen = true; at.push([graphic.at, rid]); }
    }
  }
  let out = '', from = 0;
  for (const [to, rid] of at) { out += xml.slice(from, to) + PICTURE.replace('$1', rid); from = to; }
  return out + xml.slice(from);
}

// Alternative content (mc:AlternateContent) is a choice of forms of one thing, newest first, for the
// reader to take the first it understands: Word 2010+ writes a group, a text box or a canvas as DrawingML
// (mc:Choice Requires="wpg"…) and mostly the VML of Word 2007 beside it (mc:Fallback), which mammoth reads
// alone. Without a fallback, mammoth drops the thing that Word shows. When some has none, each stands as
// mammoth would read it, its fallback, or else as its first choice; innermost first, the few nested ones
// (a text box's in a group's) in passes of their own.
const ALTERNATE = /<mc:AlternateContent\b[^>]*>((?:(?!<mc:AlternateContent\b)[\s\S])*?)<\/mc:AlternateContent>/g;
const FALLBACK = /<mc:Fallback\b[^>]*?(?:\/>|>([\s\S]*?)<\/mc:Fallback>)/;
const FIRST_CHOICE = /<mc:Choice\b[^>]*?(?:\/>|>([\s\S]*?)<\/mc:Choice>)/;
function withChoices(xml: string): string {
  if (count(xml, '<mc:AlternateContent') <= count(xml, '<mc:Fallback')) return xml;
  for (let pass = 0; pass < 4 && xml.includes('<mc:AlternateContent'); pass++) {
    xml = xml.replace(ALTERNATE, (_, inside: string) => ((FALLBACK.exec(inside) ?? FIRST_CHOICE.exec(inside))?.[1] ?? ''));
  }
  return xml;
}

// A text box written in DrawingML alone, without the VML fallback (mc:Fallback) that Word, WPS and
// LibreOffice write beside it, mammoth drops with its text, tables and pictures: it is given the VML
// form of Word 2007 (w:pict/v:shape/v:textbox), which mammoth reads after the paragraph that holds it.
// A drawing that holds a picture besides its text boxes (a group of a screenshot and its caption's box)
// stays, after them, for its picture (withGraphicPictures gave it one); one holding nothing else goes.
const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  v: 'urn:schemas-microsoft-com:vml',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
};
// The DOM of @xmldom/xmldom as far as this uses it (its own types bring in the browser's DOM library).
interface XmlNode {
  parentNode: XmlNode | null; namespaceURI: string | null; localName: string | null; firstChild: XmlNode | null; childNodes: ArrayLike<XmlNode>;
  appendChild(node: XmlNode): XmlNode; replaceChild(node: XmlNode, old: XmlNode): XmlNode; insertBefore(node: XmlNode, before: XmlNode): XmlNode;
  removeChild(node: XmlNode): XmlNode; getElementsByTagNameNS(ns: string, name: string): ArrayLike<XmlNode>;
}
interface XmlDocument extends XmlNode { createElementNS(ns: string, name: string): XmlNode }
type XmlDom = {
  DOMParser: new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void> }) => { parseFromString(text: string, type: string): XmlDocument };
  XMLSerializer: new () => { serializeToString(node: XmlNode): string };
};

const is = (n: XmlNode | null, ns: string, name: string) => n?.namespaceURI === ns && n.localName === name;
const closest = (n: XmlNode, ns: string, name: string) => { let at = n.parentNode; while (at && !is(at, ns, name)) at = at.parentNode; return at; };

const count = (xml: string, tag: string) => xml.split(tag).length - 1;

function withVmlTextBoxes(xml: string): string {
  // Parsed only when some text box lacks its fallback: the DOM of a long document takes a second to build.
  if (count(xml, '<wps:txbx') <= count(xml, '<mc:Fallback')) return xml;
  const { DOMParser, XMLSerializer } = require('@xmldom/xmldom') as XmlDom;
  const fail = (message: string) => { throw new Error(message); };
  let doc: XmlDocument;
  try { doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml'); } catch { return xml; }
  const emptied = new Set<XmlNode>();
  for (const box of Array.from(doc.getElementsByTagNameNS(NS.wps, 'txbx'))) {
    const drawing = closest(box, NS.w, 'drawing');
    const content = Array.from(box.childNodes).find((n) => is(n, NS.w, 'txbxContent'));
    const choice = drawing && closest(drawing, NS.mc, 'Choice');
    if (!drawing?.parentNode || !content || (choice && Array.from(choice.parentNode?.childNodes ?? []).some((n) => is(n, NS.mc, 'Fallback')))) continue;
    const [pict, shape, textbox] = [doc.createElementNS(NS.w, 'w:pict'), doc.createElementNS(NS.v, 'v:shape'), doc.createElementNS(NS.v, 'v:textbox')];
    pict.appendChild(shape).appendChild(textbox).appendChild(content);
    drawing.parentNode.insertBefore(pict, drawing);
    emptied.add(drawing);
    if (choice?.parentNode) {
      // mammoth reads an mc:AlternateContent's fallback only.
      const fallback = doc.createElementNS(NS.mc, 'mc:Fallback');
      while (choice.firstChild) fallback.appendChild(choice.firstChild);
      choice.parentNode.replaceChild(fallback, choice);
    }
  }
  for (const drawing of emptied) if (drawing.getElementsByTagNameNS(NS.a, 'blip').length === 0) drawing.parentNode?.removeChild(drawing);
  return emptied.size ? new XMLSerializer().serializeToString(doc) : xml;
}

/**
 * A simple field (w:fldSimple: a total typed as =SUM(LEFT), a page number), whose last result mammoth
 * drops: its runs, as the page shows them.
 */
const SIMPLE_FIELD = /<w:fldSimple\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:fldSimple>)/g;

// ---- numbers Word writes itself (a heading's 一、 from the numbering part) ----

interface Level { start: number; format: string; text: string }
const attr = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*?w:val="([^"]*)"`).exec(xml)?.[1];

/** The numbering part's lists: for each w:num, its levels (start, number format, text such as “%1、”). */
function listsOf(numbering: string): Map<string, Level[]> {
  const abstract = new Map<string, Level[]>();
  for (const [, id, body] of numbering.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels: Level[] = [];
    for (const [, ilvl, lvl] of body.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      levels[Number(ilvl)] = { start: Number(attr(lvl, 'start') ?? 1), format: attr(lvl, 'numFmt') ?? 'decimal', text: attr(lvl, 'lvlText') ?? '' };
    }
    abstract.set(id, levels);
  }
  const lists = new Map<string, Level[]>();
  for (const [, id, body] of numbering.matchAll(/<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const levels = abstract.get(attr(body, 'abstractNumId') ?? '');
    if (levels) lists.set(id, levels);
  }
  return lists;
}


/**
 * The paragraphs Word numbers itself (w:numPr: a heading's 一、, a sub-topic's （一）, from the numbering
 * part), which mammoth drops or turns into a list: the number as the page shows it, written at the
 * paragraph's start, and the paragraph no longer a list's.
 */
function withNumbers(xml: string, numbering: string): string {
  const lists = listsOf(numbering);
  if (lists.size === 0) return xml;
  const counters = new Map<string, number[]>();
  return xml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (p) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(p);
    const id = numPr ? attr(numPr[1], 'numId') : undefined;
    const levels = id === undefined ? undefined : lists.get(id);
    if (!numPr || id === undefined || !levels) return p;
    const ilvl = Number(attr(numPr[1], 'ilvl') ?? 0);
    const level = levels[ilvl];
    if (!level || formatted(level.start, level.format) === undefined) return p;
    const counter = counters.get(id) ?? [];
    counter[ilvl] = counter[ilvl] === undefined ? level.start : counter[ilvl] + 1;
    counter.length = ilvl + 1; // a deeper level starts again
    counters.set(id, counter);
    const text = level.text.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1, of = levels[at];
      return of ? formatted(counter[at] ?? of.start, of.format) ?? '' : '';
    });
    const run = `<w:r><w:t xml:space="preserve">${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r>`;
    return p.replace(numPr[0], '').replace(/<\/w:pPr>/, `</w:pPr>${run}`);
  });
}

// A tracked change of properties (w:rPrChange, w:pPrChange, w:tcPrChange…) keeps the properties as they
// were before it: a run once hidden (w:vanish) and now shown, a paragraph once numbered. Word shows the
// present ones; so does mammoth, but the hidden runs and numbers below are found by pattern, so these go first.
const PROPERTIES_CHANGE = /<w:(rPr|pPr|sectPr|tblPr|tblPrEx|trPr|tcPr|tblGrid)Change\b(?:[^>]*\/>|[^>]*>[\s\S]*?<\/w:\1Change>)/g;

// A content control that shows its placeholder (单击或点击此处输入文字。, w:showingPlcHdr) was never filled in:
// its text is the template's prompt, not the report's (a cell left blank). Its text is dropped, its paragraphs kept.
const PLACEHOLDER = /(<w:sdtPr>(?:(?!<\/w:sdtPr>)[\s\S])*?<w:showingPlcHdr(?:\s+w:val="(?:true|1|on)")?\s*\/>[\s\S]*?<\/w:sdtPr>(?:<w:sdtEndPr\/>|<w:sdtEndPr>[\s\S]*?<\/w:sdtEndPr>)?<w:sdtContent>)([\s\S]*?)(?=<\/w:sdtContent>)/g;
const withoutPrompts = (xml: string) => xml.replace(PLACEHOLDER, (_, head: string, content: string) => head + content.replace(/<w:t\b[^>]*?(?:\/>|>[^<]*<\/w:t>)/g, ''));

// A run of hidden text (w:vanish; not w:val="false"): Word neither shows nor prints it, mammoth reads it.
const HIDDEN_RUN = /<w:r\b(?:\s[^>]*)?>(?:(?!<\/w:r>)[\s\S])*?<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;

// ---- imported chunks (w:altChunk) ----

// Programs that write .docx from a web page's content (an office system's editor, html-docx-js) often put
// the content in as it is, a web page or web archive the document imports (w:altChunk), which Word merges
// in when it opens the file; mammoth drops it, and the report with it. Each chunk stands in the document as a
// paragraph holding only this mark and its number, which the chunk's page replaces in mammoth's HTML.
const CHUNK = /<w:altChunk\b[^>]*?\br:id="([^"]*)"[^>]*?(?:\/>|>[\s\S]*?<\/w:altChunk>)/g;
const CHUNK_MARK = '\u{f0000}';
const CHUNK_PARAGRAPH = new RegExp(`<p>${CHUNK_MARK}(\\d+)${CHUNK_MARK}</p>`, 'gu');
export const unreadChunks = (n: number) => said(`文件中有 ${n} 处导入的内容（w:altChunk）无法读取（不是网页、RTF、Word 文档或文字，或是 Word 文档中导入的文档再导入的），其中的文字没有检查`,
  `${n} imported chunk(s) (w:altChunk) could not be read (not a web page, RTF, Word document or text, or a document imported into an imported one): their text was not checked`);

/** A chunk that is a .docx (Word imports one document into another so), as mammoth's HTML; undefined past the depth chunks are read to. */
type NestedWord = (bytes: Uint8Array) => Promise<string | undefined>;

/**
 * The web page an imported chunk holds (a page, or a web archive's), its body's inside; an RTF's as HTML; a .docx's
 * as mammoth's (`nested`); plain text as its lines; undefined for what is none of these (or a .docx past the depth read).
 */
async function chunkPage(bytes: Uint8Array, nested: NestedWord): Promise<string | undefined> {
  if (isRtf(bytes)) return rtfHtml(bytes).html;
  if (startsWith(bytes, ZIP_SIGNATURE)) return nested(bytes);
  const archived = pageOfMht(bytes);
  const decoded = archived === undefined ? readText(bytes) : { text: archived };
  if (!('text' in decoded)) return undefined;
  const page = decoded.text;
  if (/<(?:html|body|p|div|table)\b/i.test(page.slice(0, 4096))) return /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(page)?.[1] ?? page;
  // Text (text/plain): a paragraph a line, its tabs kept (a table pasted as text).
  return /[\x00-\x08\x0e-\x1f]/.test(page) ? undefined : page.split(/\r?\n/).map((line) => `<p>${escapeHtml(line).replace(/\t/g, '&#9;')}</p>`).join('');
}

type Zip = import('jszip');
interface Relationship { type: string; target: string }

/** A part's relationships by id, each target as a name in the package (relative to the part's folder, or from the root). */
async function relationships(zip: Zip, part: string): Promise<Map<string, Relationship>> {
  const slash = part.lastIndexOf('/');
  const [folder, name] = [part.slice(0, slash + 1), part.slice(slash + 1)];
  const rels = (await zip.file(`${folder}_rels/${name}.rels`)?.async('string')) ?? '';
  const out = new Map<string, Relationship>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const [id, type, target] = ['Id', 'Type', 'Target'].map((a) => new RegExp(`\\b${a}="([^"]*)"`).exec(tag)?.[1]);
    if (id && type && target) out.set(id, { type, target: target.startsWith('/') ? target.slice(1) : folder + target });
  }
  return out;
}
const ofType = (rels: Map<string, Relationship>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;

/** Each chunk's mark in the document's XML, and the chunks' pages ('' for one not read, counted in `unread`). */
async function withChunkMarks(xml: string, zip: Zip, rels: Map<string, Relationship>, nested: NestedWord): Promise<{ xml: string; pages: string[]; unread: number }> {
  const pages: string[] = [];
  let unread = 0;
  if (!xml.includes('<w:altChunk')) return { xml, pages, unread };
  const ids: string[] = [];
  const marked = xml.replace(CHUNK, (_, id: string) => `<w:p><w:r><w:t>${CHUNK_MARK}${ids.push(id) - 1}${CHUNK_MARK}</w:t></w:r></w:p>`);
  for (const id of ids) {
    const part = zip.file(rels.get(id)?.target ?? '');
    const page = part ? await chunkPage(await part.async('uint8array'), nested) : undefined;
    if (page === undefined) unread++;
    pages.push(page ?? '');
  }
  return { xml: marked, pages, unread };
}

/** The .docx with what mammoth would drop (charts, text boxes in DrawingML alone, fields' results, Word's own numbers, imported chunks) in forms it reads, without hidden text; and the chunks' pages. */
async function readable(buffer: Buffer, nested: NestedWord): Promise<{ buffer: Buffer; chunks: string[]; unread: number }> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(buffer);
  // The main part, as the package names it (word/document.xml; some writers name it word/document2.xml).
  const main = ofType(await relationships(zip, ''), 'officeDocument') ?? 'word/document.xml';
  const part = zip.file(main);
  const xml = part ? await part.async('string') : '';
  const rels = await relationships(zip, main);
  const numbering = xml.includes('<w:numPr>') ? await zip.file(ofType(rels, 'numbering') ?? '')?.async('string') : undefined;
  const { xml: chunked, pages: chunks, unread } = await withChunkMarks(xml, zip, rels, nested);
  const present = withoutPrompts(chunked.replace(PROPERTIES_CHANGE, ''));
  const numbered = numbering ? withNumbers(present, numbering) : present;
  const changed = withVmlTextBoxes(withGraphicPictures(withChoices(numbered)).replace(CHART, `$&${PICTURE}`).replace(SIMPLE_FIELD, '$1').replace(HIDDEN_RUN, ''));
  if (changed === xml) return { buffer, chunks, unread };
  zip.file(main, changed);
  return { buffer: await zip.generateAsync({ type: 'nodebuffer' }), chunks, unread };
}

/**
 * A footnote's or endnote's mark, which mammoth writes as a link [1] in a <sup> (after a cell's number it
 * was read as part of it: 0[1], not a number), and the link ↑ back to it after the note's text. Word shows
 * a small raised number, no text of the report: the marks are dropped, as in a .doc (doc.ts); the notes'
 * text stays, after the report's.
 */
const NOTE_MARKS = /<sup><a href="#(?:footnote|endnote)-[^"]*" id="(?:footnote|endnote)-ref-[^"]*">\[\d+\]<\/a><\/sup>|<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g;

/**
 * A word processor's file by what its bytes are, not by its name: a .docx is a zip; a .doc (and a .docx
 * with a password, and a .doc renamed .docx) an OLE compound file, which doc.ts reads or says why not;
 * an RTF (often named .doc) starts {\rtf, rtf.ts's; an ODT is a zip whose first entry says so, odt.ts's
 * (a file named .odt or .fodt is odt.ts's to read or refuse, as one named .rtf is rtf.ts's).
 * Bytes that are none: a damaged .docx, or (named .doc or .wps) another program's format.
 */
export async function importWord(bytes: Uint8Array, named: 'doc' | 'docx' | 'odt' | 'rtf'): Promise<ImportResult> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isRtf(buffer) || named === 'rtf' && !startsWith(buffer, OLE_SIGNATURE) && !startsWith(buffer, ZIP_SIGNATURE)) return importRtf(buffer);
  if (startsWith(buffer, OLE_SIGNATURE)) return importDoc(buffer);
  if (isOdf(buffer) || named === 'odt') return importOdt(buffer);
  if (!startsWith(buffer, ZIP_SIGNATURE)) return { refused: named === 'doc' ? NOT_WORD : BROKEN };
  // Loaded when a Word file is read: mammoth and its zip and XML readers take longer to load than
  // the whole checker, and most runs read only text.
  const { default: mammoth } = await import('mammoth');
  // Images are not read (mammoth would inline each as base64).
  const noImages = mammoth.images.imgElement(async () => ({ src: '' }));
  let unread = 0;
  /** The .docx as mammoth's HTML, its chunks' pages in place; one imported into it (`depth` 1) read so too, not one in that. */
  const htmlOf = async (docx: Buffer, depth: number): Promise<string> => {
    const nested = async (bytes: Uint8Array) => (depth < 1 ? htmlOf(Buffer.from(bytes), depth + 1).catch(() => undefined) : undefined);
    const { buffer: read, chunks, unread: missed } = await readable(docx, nested);
    unread += missed;
    return (await mammoth.convertToHtml({ buffer: read }, { convertImage: noImages, externalFileAccess: false })).value
      .replace(CHUNK_PARAGRAPH, (_, n: string) => chunks[Number(n)] ?? '');
  };
  let html: string;
  try {
    html = await htmlOf(buffer, 0);
  } catch {
    // A zip that is cut short, or one without word/document.xml: mammoth says which, in English; the user needs only this.
    return { refused: BROKEN };
  }
  const { text } = importHtml(html.replace(NOTE_MARKS, ''));
  if (!hasText(text)) return { refused: unread ? unreadChunks(unread) : NO_TEXT };
  return unread ? { text, notes: [unreadChunks(unread)] } : { text };
}
