import JSZip from 'jszip';
import { startsWith, ZIP_SIGNATURE } from './formats';
import { importHtml } from './html';
import { formatted } from './listNumbers';
import { escapeHtml as escape, hasText, said, Stopped, type ImportResult } from './types';
import { CDATA, ELEMENT, parseXml, TEXT, unpackWithin, type XmlElement } from './xmlParts';

// A report in OpenDocument text (.odt, what LibreOffice, WPS, Yozo Office and Word save as ODF; .fodt, the
// same as one flat XML file) as draft text: content.xml's body turned into HTML, its tables' merged cells
// (table:number-columns-spanned, number-rows-spanned; the cells they cover, table:covered-table-cell, left
// out) as colspan and rowspan, which the web-page importer reads, as a .docx's is (docx.ts). Hidden text
// (a style with text:display="none", text:hidden-text, a hidden section) is left out; a picture, an embedded
// object or chart (draw:frame) is a picture, as in a Word file; a text box's text is read where it stands;
// a heading's number that the outline style writes (LibreOffice's chapter numbering: 一、) is written before it.

export const NOT_ODT = said('不是 ODT 文件（不是 ZIP 压缩包，也不是 OpenDocument 的 XML）', 'not an ODT file (neither a ZIP archive nor OpenDocument XML)');
export const NO_CONTENT = said('不是 ODT 文件（压缩包中没有 content.xml）', 'not an ODT file (no content.xml in the archive)');
export const DAMAGED = said('ODT 文件已损坏或不完整，无法读取', 'the ODT file is damaged or incomplete');
export const ENCRYPTED = said('ODT 文件有密码保护（已加密），无法读取；请提供未加密的文件', 'the ODT file is encrypted (password-protected); provide an unencrypted copy');
export const NO_TEXT = said('ODT 文件中没有文字', 'the ODT file holds no text');
export const notText = (kind: string) => said(`是 OpenDocument ${kind}，不是文字文档，无法读取`, `an OpenDocument ${kind}, not a text document`);
export const tooBig = (mb: number) => said(`ODT 文件的内容解压后超过 ${mb} MB，不像年度报告，已停止读取`, `the ODT file's content unpacks to over ${mb} MB, not an annual report; reading was stopped`);

/** What content.xml and styles.xml may unpack to: a report's content.xml is a megabyte or two. */
const MAX_MEGABYTES = 64;
/** No document nests its elements deeper; a hostile file's deeper ones are not read. */
const MAX_DEPTH = 200;
/** No report has more cells in its tables: a row or cell repeated (table:number-rows-repeated) past them is written once. */
const MAX_CELLS = 20_000;

const OASIS = 'urn:oasis:names:tc:opendocument:xmlns:';
const NS = { office: `${OASIS}office:1.0`, text: `${OASIS}text:1.0`, table: `${OASIS}table:1.0`, draw: `${OASIS}drawing:1.0`, style: `${OASIS}style:1.0`, svg: `${OASIS}svg-compatible:1.0` };
const PREFIXES = new Map(Object.entries(NS).map(([prefix, uri]) => [uri, prefix]));
/** An element's name with the prefix ODF's specification gives its namespace, whatever prefix the file uses. */
const nameOf = (e: XmlElement) => `${PREFIXES.get(e.namespaceURI ?? '') ?? '?'}:${e.localName}`;
const attr = (e: XmlElement, prefix: keyof typeof NS, name: string) => e.getAttributeNS(NS[prefix], name);
const elements = (e: XmlElement) => Array.from(e.childNodes).filter((c) => c.nodeType === ELEMENT);
const child = (e: XmlElement | undefined, name: string) => (e ? elements(e).find((c) => nameOf(c) === name) : undefined);

/** Elements whose text is not the report's: comments, tracked deletions, alternative text, declarations, an index's templates. */
const SKIPPED = new Set(['office:annotation', 'office:annotation-end', 'text:tracked-changes', 'text:note-citation', 'text:hidden-text', 'svg:title', 'svg:desc',
  'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'office:forms', 'text:soft-page-break', 'text:table-of-content-source',
  'text:illustration-index-source', 'text:alphabetical-index-source', 'text:user-index-source', 'text:bibliography-source', 'table:table-column', 'table:table-columns', 'table:table-column-group', 'table:table-header-columns']);

/** The styles that hide their text (text:display="none" in their text properties), or whose parent does. */
function hiddenStyles(roots: XmlElement[]): Set<string> {
  const parent = new Map<string, string>();
  const hidden = new Set<string>();
  for (const root of roots) {
    for (const styles of [child(root, 'office:automatic-styles'), child(root, 'office:styles')]) {
      for (const s of styles ? elements(styles) : []) {
        const name = attr(s, 'style', 'name');
        if (nameOf(s) !== 'style:style' || !name) continue;
        const up = attr(s, 'style', 'parent-style-name');
        if (up) parent.set(name, up);
        if (attr(child(s, 'style:text-properties') ?? s, 'text', 'display') === 'none') hidden.add(name);
      }
    }
  }
  for (const name of parent.keys()) {
    let at: string | undefined = name;
    for (let i = 0; at && i < 20 && !hidden.has(at); i++) at = parent.get(at);
    if (at && hidden.has(at)) hidden.add(name);
  }
  return hidden;
}

/** ODF's number formats (style:num-format) as Word names them (listNumbers.ts). */
const FORMATS: Record<string, string> = { '1': 'decimal', '一, 二, 三, ...': 'chineseCounting', '①, ②, ③, ...': 'decimalEnclosedCircle', 'a': 'lowerLetter', 'A': 'upperLetter', '〇, 一, 二, ...': 'ideographDigital' };
interface OutlineLevel { format: string; prefix: string; suffix: string; start: number; shown: number }

/** A numbering style's levels (`kind`: text:outline-level-style, text:list-level-style-number): each one's format, the text around the number, the start, and how many levels the number shows (1.2). */
function levelsOf(style: XmlElement, kind: string): OutlineLevel[] {
  const levels: OutlineLevel[] = [];
  for (const l of elements(style)) {
    const level = Number(attr(l, 'text', 'level')), format = FORMATS[attr(l, 'style', 'num-format') ?? ''];
    if (nameOf(l) !== kind || !(level >= 1 && level <= 10) || !format) continue;
    levels[level] = { format, prefix: attr(l, 'style', 'num-prefix') ?? '', suffix: attr(l, 'style', 'num-suffix') ?? '', start: Number(attr(l, 'text', 'start-value')) || 1,
      shown: Math.max(1, Number(attr(l, 'text', 'display-levels')) || 1) };
  }
  return levels;
}

/** How headings are numbered (text:outline-style, LibreOffice's chapter numbering, in styles.xml or the flat file). */
function outlineOf(roots: XmlElement[]): OutlineLevel[] {
  for (const root of roots) {
    const outline = child(child(root, 'office:styles'), 'text:outline-style');
    if (outline) return levelsOf(outline, 'text:outline-level-style');
  }
  return [];
}

/** The list styles (text:list-style, automatic or named) that number their items, by name: how a list's paragraphs are numbered. */
function listStylesOf(roots: XmlElement[]): Map<string, OutlineLevel[]> {
  const lists = new Map<string, OutlineLevel[]>();
  for (const root of roots) {
    for (const styles of [child(root, 'office:automatic-styles'), child(root, 'office:styles')]) {
      for (const s of styles ? elements(styles) : []) {
        const name = attr(s, 'style', 'name'), levels = nameOf(s) === 'text:list-style' && name ? levelsOf(s, 'text:list-level-style-number') : [];
        if (levels.length) lists.set(name!, levels);
      }
    }
  }
  return lists;
}

/** A number as its numbering style's `levels` write it at `level`, the counters of the levels above it shown too when the style says so. */
function numberAt(levels: OutlineLevel[], counters: number[], level: number): string {
  const style = levels[level], shown = [];
  for (let l = Math.max(1, level - style.shown + 1); l <= level; l++) shown.push(formatted(counters[l] ?? levels[l]?.start ?? 1, levels[l]?.format ?? 'decimal') ?? '');
  return escape(style.prefix + shown.join('.') + style.suffix);
}

/** A length as ODF writes it (12.5cm, 3in, 72pt) in pixels at 96 dpi, or undefined. */
function pixels(length: string | null): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(cm|mm|in|pt|pc|px)?\s*$/.exec(length ?? '');
  const per: Record<string, number> = { cm: 96 / 2.54, mm: 96 / 25.4, in: 96, pt: 4 / 3, pc: 16, px: 1 };
  return m ? Math.round(Number(m[1]) * per[m[2] ?? 'px']) : undefined;
}

/** The document's body as HTML: its text and tables, the notes' text after it. */
function bodyHtml(text: XmlElement, hidden: Set<string>, outline: OutlineLevel[], lists: Map<string, OutlineLevel[]>): string {
  const out: string[] = [];
  /** The headings' counters by level, for the numbers the outline style writes before them. */
  const counters: number[] = [];
  /** A number the file wrote itself (text:number), in a heading or a list item's paragraph: none is added. */
  const isNumber = (e: XmlElement) => nameOf(e) === 'text:number';
  const writesNumber = (item: XmlElement) => elements(item).some((c) => isNumber(c) || (/^text:[ph]$/.test(nameOf(c)) && elements(c).some(isNumber)));
  /** The number the outline style writes before a heading of `level` (none when the file wrote it, text:number, or the heading has none). */
  const headingNumber = (h: XmlElement): string => {
    const level = Number(attr(h, 'text', 'outline-level')) || 1, style = outline[level];
    if (!style || attr(h, 'text', 'is-list-header') === 'true' || elements(h).some(isNumber)) return '';
    const restart = attr(h, 'text', 'restart-numbering') === 'true' ? Number(attr(h, 'text', 'start-value')) || style.start : undefined;
    counters[level] = restart ?? (counters[level] === undefined ? style.start : counters[level] + 1);
    counters.length = level + 1; // a deeper level starts again
    return numberAt(outline, counters, level);
  };
  /**
   * Lists (text:list) whose style numbers them (a section's 二、 typed in an ordinary paragraph and numbered as a list): each
   * item's number, written before its first paragraph (`number`). Counted per list style: a list starts again unless it
   * continues the one before (text:continue-numbering, text:continue-list); an item may set its own (text:start-value).
   */
  const listCounters = new Map<string, number[]>();
  let listLevel = 0, listStyle = '', number = '';
  const list = (l: XmlElement, into: string[], depth: number) => {
    const [level, style] = [listLevel, listStyle];
    listLevel = level + 1;
    listStyle = attr(l, 'text', 'style-name') || style;
    const levels = lists.get(listStyle);
    if (level === 0 && attr(l, 'text', 'continue-numbering') !== 'true' && !attr(l, 'text', 'continue-list')) listCounters.delete(listStyle);
    number = '';
    for (const item of elements(l)) {
      const name = nameOf(item);
      if (name !== 'text:list-item' && name !== 'text:list-header') continue;
      // An item that only holds a deeper list (how a paragraph of level 2 is written) has no number of its own.
      if (name === 'text:list-item' && levels?.[listLevel] && nameOf(elements(item)[0] ?? item) !== 'text:list') {
        const counters = listCounters.get(listStyle) ?? [], own = Number(attr(item, 'text', 'start-value'));
        counters[listLevel] = own || (counters[listLevel] === undefined ? levels[listLevel].start : counters[listLevel] + 1);
        counters.length = listLevel + 1; // a deeper level starts again
        listCounters.set(listStyle, counters);
        // Not where the file wrote the number itself (text:number).
        if (!writesNumber(item)) number = numberAt(levels, counters, listLevel);
      }
      walk(item, into, depth + 1);
      number = '';
    }
    [listLevel, listStyle] = [level, style];
  };
  const notes: string[] = [];
  let cellsLeft = MAX_CELLS;
  const isHidden = (e: XmlElement) => hidden.has(attr(e, 'text', 'style-name') ?? '');

  const walk = (e: XmlElement, into: string[], depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const c of Array.from(e.childNodes)) {
      if (c.nodeType === TEXT || c.nodeType === CDATA) { into.push(escape(c.data ?? '')); continue; }
      if (c.nodeType !== ELEMENT) continue;
      const name = nameOf(c);
      if (SKIPPED.has(name)) continue;
      switch (name) {
        case 'text:p': case 'text:h': {
          if (isHidden(c) || elements(c).some((x) => nameOf(x) === 'text:hidden-paragraph' && attr(x, 'text', 'is-hidden') !== 'false')) break;
          const tag = name === 'text:h' ? `h${Math.min(6, Math.max(1, Number(attr(c, 'text', 'outline-level')) || 1))}` : 'p';
          into.push(`<${tag}>`);
          if (number) { into.push(number); number = ''; } else if (name === 'text:h' && outline.length) into.push(headingNumber(c));
          walk(c, into, depth + 1);
          into.push(`</${tag}>`);
          break;
        }
        case 'text:span': if (!isHidden(c)) walk(c, into, depth + 1); break;
        case 'text:section': if (attr(c, 'text', 'display') !== 'none' && !isHidden(c)) walk(c, into, depth + 1); break;
        case 'text:s': into.push(' '.repeat(Math.min(100, Math.max(1, Number(attr(c, 'text', 'c')) || 1)))); break;
        case 'text:tab': into.push(' '); break;
        case 'text:line-break': into.push('<br>'); break;
        // A note's mark is dropped (a raised number after a cell's number is no digit of it); its text comes after the report's.
        case 'text:note': { const body = child(c, 'text:note-body'); if (body) walk(body, notes, depth + 1); break; }
        case 'table:table': table(c, into, depth + 1); break;
        case 'text:list': list(c, into, depth + 1); break;
        case 'draw:frame': frame(c, into, depth + 1); break;
        default: walk(c, into, depth + 1);
      }
    }
  };

  /** A table: its rows, in their header and row groups, each cell with its spans; covered cells left out. */
  const table = (t: XmlElement, into: string[], depth: number) => {
    into.push('<table>');
    const rows = (e: XmlElement, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      for (const r of elements(e)) {
        const name = nameOf(r);
        if (name === 'table:table-header-rows' || name === 'table:table-rows' || name === 'table:table-row-group') { rows(r, depth + 1); continue; }
        if (name !== 'table:table-row') continue;
        const row: string[] = [];
        for (const c of elements(r)) {
          if (nameOf(c) !== 'table:table-cell') continue;
          const [across, down] = ['number-columns-spanned', 'number-rows-spanned'].map((a) => Math.min(1000, Number(attr(c, 'table', a)) || 1));
          const content: string[] = [];
          walk(c, content, depth + 1);
          const td = `<td${across > 1 ? ` colspan="${across}"` : ''}${down > 1 ? ` rowspan="${down}"` : ''}>${content.join('')}</td>`;
          const times = repeated(c, 'number-columns-repeated', 1);
          for (let k = 0; k < times; k++) row.push(td);
        }
        const tr = `<tr>${row.join('')}</tr>`;
        const times = repeated(r, 'number-rows-repeated', row.length);
        for (let k = 0; k < times; k++) into.push(tr);
      }
    };
    rows(t, depth);
    into.push('</table>');
  };
  /** How many times a row or cell of `size` cells stands (table:number-…-repeated), within the budget of cells: once at least. */
  const repeated = (e: XmlElement, name: string, size: number) => {
    const times = Math.max(1, Math.min(Number(attr(e, 'table', name)) || 1, Math.floor(cellsLeft / Math.max(1, size))));
    cellsLeft -= times * size;
    return times;
  };

  /** A frame: a text box's content where it stands; a picture, an embedded object or chart, a picture of its size. */
  const frame = (f: XmlElement, into: string[], depth: number) => {
    const box = child(f, 'draw:text-box');
    if (box) { walk(box, into, depth + 1); return; }
    if (!elements(f).some((c) => ['draw:image', 'draw:object', 'draw:object-ole'].includes(nameOf(c)))) return;
    const [width, height] = [pixels(attr(f, 'svg', 'width')), pixels(attr(f, 'svg', 'height'))];
    into.push(`<img${width === undefined ? '' : ` width="${width}"`}${height === undefined ? '' : ` height="${height}"`}>`);
  };

  walk(text, out, 0);
  return out.join('') + notes.join('');
}

/** The report in a parsed document (content.xml, and styles.xml when the file has one; or a .fodt whole), or why there is none. */
function fromXml(content: XmlElement, styles: XmlElement | undefined): ImportResult {
  const body = child(content, 'office:body');
  const text = child(body, 'office:text');
  if (!text) {
    const kind = body && elements(body).map(nameOf).find((n) => /^office:(spreadsheet|presentation|drawing|chart)$/.test(n));
    const what: Record<string, string> = { 'office:spreadsheet': '电子表格（.ods）', 'office:presentation': '演示文稿（.odp）', 'office:drawing': '绘图（.odg）', 'office:chart': '图表' };
    return { refused: kind ? notText(what[kind]) : DAMAGED };
  }
  const roots = styles ? [content, styles] : [content];
  const html = bodyHtml(text, hiddenStyles(roots), outlineOf(roots), listStylesOf(roots));
  const { text: draft } = importHtml(html);
  return hasText(draft) ? { text: draft } : { refused: NO_TEXT };
}

/** Whether the bytes are a zipped OpenDocument file: its first entry, stored, is the mimetype. */
const MIMETYPE = 'mimetypeapplication/vnd.oasis.opendocument';
export const isOdf = (bytes: Uint8Array) => startsWith(bytes, ZIP_SIGNATURE) && Buffer.from(bytes.subarray(30, 30 + MIMETYPE.length)).toString('latin1') === MIMETYPE;

/** The report in an ODT (zipped) or .fodt (flat XML) file, as draft text; or why there is none. Never throws. */
export async function importOdt(bytes: Uint8Array): Promise<ImportResult> {
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  try {
    if (!startsWith(bytes, ZIP_SIGNATURE)) {
      const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
      if (!head.includes(NS.office)) return { refused: NOT_ODT };
      return fromXml(parseXml(decode(bytes), DAMAGED), undefined);
    }
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      return { refused: /encrypted/i.test(String(error)) ? ENCRYPTED : DAMAGED };
    }
    // ODF's own encryption: the parts are listed with their encryption data in the manifest.
    const manifest = await zip.file('META-INF/manifest.xml')?.async('string');
    if (manifest?.includes('encryption-data')) return { refused: ENCRYPTED };
    const content = zip.file('content.xml'), styles = zip.file('styles.xml');
    if (!content) return { refused: NO_CONTENT };
    let left = MAX_MEGABYTES * 1024 * 1024;
    const spend = (n: number) => ((left -= n) < 0 ? tooBig(MAX_MEGABYTES) : undefined);
    const parsed = parseXml(decode(await unpackWithin(content, spend, DAMAGED)), DAMAGED);
    return fromXml(parsed, styles ? parseXml(decode(await unpackWithin(styles, spend, DAMAGED)), DAMAGED) : undefined);
  } catch (error) {
    if (error instanceof Stopped) return { refused: error.why };
    return { refused: DAMAGED };
  }
}
