import { isUtf8 } from 'node:buffer';
import { decodeCodePage } from './decode';
import { importHtml } from './html';
import { escapeHtml as escape, hasText, said, type ImportResult } from './types';

// A report in RTF (Word's and WPS's “save as RTF”) as draft text: one pass over the bytes turns it into
// HTML, its tables with their merges as colspan and rowspan, which the web-page importer reads, as a
// .docx's is (docx.ts). Chinese RTF is mostly bytes of the document's code page (\ansicpg936: GBK, as
// \'b1\'a8 pairs), or of a font's (\fcharset134), sometimes \uN characters followed by \ucN bytes for
// readers that know no Unicode. A table row is its cells' text, each ended by \cell, then \row; the row's
// definition (\trowd, and for each cell its right edge \cellxN, after \clmgf/\clmrg for a cell merged across,
// \clvmgf/\clvmrg down) comes before its cells or after them (Word writes it twice). A cell as wide as
// two columns of the rows around it spans them: the table's grid is all its rows' edges.
// Linear in the bytes, whatever they are: groups deeper than any document's share their parent's state,
// binary data (\binN) is stepped over, a row's definitions beyond any table's are ignored.

export const NOT_RTF = said('不是 RTF 文件（不以 {\\rtf 开头）', 'not an RTF file (it does not start with {\\rtf)');
export const NO_TEXT = said('RTF 文件中没有文字', 'the RTF file holds no text');
export const cutShort = (n: number) => said(`RTF 文件不完整（结尾缺少 ${n} 个“}”，可能未下载完或已损坏），已读取其中的内容`,
  `the RTF file is incomplete (${n} closing braces missing at its end: cut short or damaged); what it holds was read`);

/** Whether the bytes are an RTF document's (whatever the file's name). */
export const isRtf = (bytes: Uint8Array) => /^\s*\{\\rtf/.test(Buffer.from(bytes.subarray(0, 64)).toString('latin1').replace(/^\xef\xbb\xbf/, ''));

/** A font's character set (\fcharsetN) as the code page its bytes are in. */
const CHARSET_PAGES: Record<number, number> = { 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250 };
/** The code pages whose characters are one or two bytes. */
const DOUBLE_BYTE = new Set([932, 936, 949, 950]);

/**
 * Destinations whose text is not the report's: tables of fonts, colours, styles, lists; the file's properties; headers, footers,
 * notes' separators, comments; a picture's fallback. A footnote's or endnote's text (\footnote) is read after the report's, as a .docx's is.
 */
const SKIPPED = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'listtable', 'listoverridetable', 'revtbl', 'pgdsctbl', 'header', 'headerl', 'headerr', 'headerf',
  'footer', 'footerl', 'footerr', 'footerf', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc', 'aftncn', 'nonshppict', 'nonesttables', 'comment', 'annotation', 'xe', 'tc']);
const SYMBOLS: Record<string, string> = { tab: ' ', emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ' };

/** No document nests its groups deeper; a hostile file's deeper groups share their parent's state. */
const MAX_DEPTH = 500;
/** No table has more cells in a row. */
const MAX_CELLS = 256;

const enum Skip { None, All, ShapeProperties }
interface Picture { width?: number; height?: number; scaleX: number; scaleY: number }
interface Group {
  /** The paragraph's table level when a group inside this one opened: paragraph properties (\pard, \intbl, \itap) are a group's too. */
  depth?: number;
  skip: Skip; hidden: boolean; deleted: boolean; font: number; uc: number; fonts: boolean;
  /** The associated font for double-byte characters (\dbch\afN) when its code page is one of them: Chinese text in a document whose own code page is a Western one. */
  doubleByteFont: number;
  /** The picture this group is (\pict); its size is known when it closes. */
  picture?: Picture;
  /** The shape (\shp) this group is in: whether its picture or text was read from its properties. */
  shape?: { read: boolean };
  /** The footnote or endnote this group is in: its text is read apart, and put after the report's. */
  note?: Html;
}

/** How a cell is merged with the one before it (across) or above it (down): the first of a merge, or part of one. */
const enum Merge { None, First, Part }
interface CellDef { right: number; across: Merge; down: Merge }
interface Row { cells: string[]; defs: CellDef[]; left: number }
interface Cell { html: string; colspan: number; rowspan: number }

/** A table being read: the parts (paragraphs, tables inside) of the cell being read, the cells of the row, the rows. */
class Table {
  parts: string[] = [];
  cells: string[] = [];
  rows: Row[] = [];
  /** The row's definitions so far, and the merge of the cell whose \cellx comes next. */
  defs: CellDef[] = [];
  across = Merge.None;
  down = Merge.None;
  left = 0;

  /** The table, with its merges as spans over the grid of all its rows' edges. */
  html(): string {
    if (this.parts.length) this.cells.push(this.parts.join(''));
    if (this.cells.length) this.rows.push({ cells: this.cells, defs: this.defs, left: this.left });
    const edges = new Set<number>();
    for (const row of this.rows) {
      edges.add(row.left);
      for (const d of row.defs) edges.add(d.right);
    }
    const grid = new Map([...edges].sort((a, b) => a - b).map((x, i) => [x, i]));
    /** The cell a merge down goes on in, by the grid column it starts at. */
    const open = new Map<number, Cell>();
    const table = this.rows.map((row) => {
      const cells: Cell[] = [];
      let at = grid.get(row.left) ?? 0;
      /** The cell the one before went into: a cell of this row, or one above it that it merged down into. */
      let before: Cell | undefined;
      row.cells.forEach((content, i) => {
        const def = row.defs[i];
        // A cell without a definition (a broken row) takes one column; an edge left of the one before, none.
        const end = def ? Math.max(at + 1, grid.get(def.right) ?? at + 1) : at + 1;
        const span = end - at, start = at;
        at = end;
        // Merged across into the cell before (which, merged down, is a cell above: spanning these columns already).
        if (def?.across === Merge.Part && before) {
          if (cells.includes(before)) { before.colspan += span; before.html += content; }
          return;
        }
        const above = open.get(start);
        if (def?.down === Merge.Part && above) { above.rowspan++; before = above; return; }
        const cell: Cell = { html: content, colspan: span, rowspan: 1 };
        if (def?.down === Merge.First) open.set(start, cell); else open.delete(start);
        cells.push(before = cell);
      });
      return cells;
    });
    const td = (c: Cell) => `<td${c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}>${c.html}</td>`;
    return `<table>${table.map((cells) => `<tr>${cells.map(td).join('')}</tr>`).join('')}</table>`;
  }
}

/** No document nests its tables deeper (a layout table around a statutory one is two). */
const MAX_NESTING = 8;

/**
 * The document as HTML, built as the reader goes: paragraphs, and the tables being read, one inside
 * another's cell (Word's nested tables: a paragraph's level \itapN, the inner cells ended by \nestcell,
 * the inner rows by \nestrow after their definition in \*\nesttableprops).
 */
class Html {
  private out: string[] = [];
  private paragraph = '';
  /** The tables being read, outermost first. */
  private tables: Table[] = [];
  /** The paragraph's table level: 0 outside tables (\pard), 1 in a table (\intbl), more in a table in a table (\itapN). */
  depth = 0;

  text(s: string) { this.paragraph += escape(s); }
  lineBreak() { this.paragraph += '<br>'; }
  picture(p: Picture) {
    // Its size as set (twips, scaled in per cent) in pixels at 96 dpi, for the importer to tell an icon from a table.
    const px = (name: string, twips: number | undefined, scale: number) => (twips ? ` ${name}="${Math.round((twips * scale) / 1500)}"` : '');
    this.paragraph += `<img${px('width', p.width, p.scaleX)}${px('height', p.height, p.scaleY)}>`;
  }

  /** The table at `level` (1 the outermost), the tables inside it ended and put in its cell; undefined at level 0, all ended. */
  private at(level: number): Table | undefined {
    level = Math.min(level, MAX_NESTING);
    while (this.tables.length > level) {
      const inner = this.tables.pop()!.html();
      (this.tables.at(-1)?.parts ?? this.out).push(inner);
    }
    while (this.tables.length < level) this.tables.push(new Table());
    return this.tables.at(-1);
  }
  /** The table a row's definition is for: the paragraph's, or the outermost. */
  private get defining() { return this.at(Math.max(1, this.depth))!; }

  endParagraph() {
    (this.at(this.depth)?.parts ?? this.out).push(`<p>${this.paragraph}</p>`);
    this.paragraph = '';
  }

  /** The end of a cell of the table at `level` (\cell: 1; \nestcell: the paragraph's, 2 at least). */
  endCell(level: number) {
    const table = this.at(level)!;
    table.parts.push(`<p>${this.paragraph}</p>`);
    this.paragraph = '';
    if (table.cells.length < MAX_CELLS) table.cells.push(table.parts.join(''));
    table.parts = [];
    this.depth = Math.max(this.depth, level);
  }

  endRow(level: number) {
    const table = this.at(level)!;
    // Text after the row's last cell and before \row is no cell's.
    this.paragraph = '';
    table.parts = [];
    table.rows.push({ cells: table.cells, defs: table.defs, left: table.left });
    table.cells = [];
  }

  newRow() { const t = this.defining; t.defs = []; t.left = 0; t.across = t.down = Merge.None; }
  setLeft(left: number) { this.defining.left = left; }
  merge(word: string) {
    const t = this.defining;
    if (word === 'clmgf') t.across = Merge.First; else if (word === 'clmrg') t.across = Merge.Part;
    else if (word === 'clvmgf') t.down = Merge.First; else t.down = Merge.Part;
  }
  cellEdge(right: number) {
    const t = this.defining;
    if (t.defs.length < MAX_CELLS) t.defs.push({ right, across: t.across, down: t.down });
    t.across = t.down = Merge.None;
  }

  end(): string {
    if (this.paragraph) this.endParagraph();
    this.at(0);
    return this.out.join('\n');
  }
}

/** The RTF's document as HTML, and how many of its groups were left open at its end. */
export function rtfHtml(bytes: Uint8Array): { html: string; open: number } {
  const html = new Html();
  /** The notes' text, each note's as it was read, in order; and the writer of the group's text (a note's or the report's). */
  const notes: string[] = [];
  const out = () => g.note ?? html;
  const stack: Group[] = [];
  let g: Group = { skip: Skip.None, hidden: false, deleted: false, font: -1, uc: 1, fonts: false, doubleByteFont: -1 };
  let deeper = 0;
  let ansi = 1252, defaultFont = -1, fontDefined = -1;
  const pages = new Map<number, number>();
  /** Bytes of text not yet decoded (a character may be two), and their code page. */
  let pending: number[] = [];
  let pendingPage = 0;
  /** Bytes or control words still to skip after a \uN: its stand-ins for readers without Unicode. */
  let standIns = 0;
  /** After \*: the next control word names a destination to skip unless it is known. */
  let starred = false;

  const shown = () => g.skip === Skip.None && !g.hidden && !g.deleted;
  const flush = () => {
    leading = false;
    if (pending.length) out().text(decodeCodePage(Uint8Array.from(pending), pendingPage));
    pending = [];
  };
  // Bytes past ASCII written as they are, not as \'xx, are in the code page too; or, in a file that is valid UTF-8 (one typed by hand), UTF-8's.
  const utf8 = isUtf8(bytes);
  /** Whether the last byte led a double-byte character: the next one, whatever it is, is its second. */
  let leading = false;
  const byte = (c: number, raw = false) => {
    if (standIns > 0) { standIns--; return; }
    if (!shown()) return;
    let page = pendingPage;
    if (!leading) {
      page = raw && c >= 0x80 && utf8 ? 65001 : pages.get(g.font >= 0 ? g.font : defaultFont) ?? ansi;
      if (c >= 0x80 && !DOUBLE_BYTE.has(page) && page !== 65001) page = pages.get(g.doubleByteFont) ?? page;
      if (pending.length && page !== pendingPage) flush();
    }
    leading = !leading && c >= 0x81 && DOUBLE_BYTE.has(page);
    pendingPage = page;
    pending.push(c);
  };

  const word = (name: string, param: number | undefined) => {
    flush();
    if (standIns > 0) { standIns--; return; }
    if (starred) {
      starred = false;
      // \*\shppict holds the picture Word shows (\nonshppict, the same for older readers, is skipped);
      // \*\shpinst, a shape's properties: its picture and its text box's text are read from them.
      if (name === 'shpinst') { g.skip = g.skip === Skip.None ? Skip.ShapeProperties : g.skip; return; }
      // \*\nesttableprops, a nested table's row definition and its \nestrow.
      if (name !== 'shppict' && name !== 'nesttableprops') { g.skip = Skip.All; return; }
    }
    if (SKIPPED.has(name)) {
      g.skip = Skip.All;
      if (name === 'fonttbl') g.fonts = true;
      return;
    }
    const on = param !== 0;
    switch (name) {
      case 'ansicpg': if (param) ansi = param; return;
      case 'deff': defaultFont = param ?? -1; return;
      case 'f': if (g.fonts) fontDefined = param ?? -1; else g.font = param ?? -1; return;
      case 'af': if (param !== undefined && DOUBLE_BYTE.has(pages.get(param) ?? 0)) g.doubleByteFont = param; return;
      case 'fcharset': if (g.fonts && param !== undefined && CHARSET_PAGES[param]) pages.set(fontDefined, CHARSET_PAGES[param]); return;
      case 'cpg': if (g.fonts && param) pages.set(fontDefined, param); return;
      case 'uc': g.uc = Math.max(0, param ?? 1); return;
      case 'u':
        if (param !== undefined && shown()) out().text(String.fromCharCode(param < 0 ? param + 65536 : param & 0xffff));
        standIns = g.uc;
        return;
      case 'v': g.hidden = on; return;
      case 'deleted': g.deleted = on; return;
      case 'plain': g.hidden = g.deleted = false; g.font = -1; return;
      case 'pict':
        if (g.skip === Skip.None || g.skip === Skip.ShapeProperties) {
          g.picture = { scaleX: 100, scaleY: 100 };
          if (g.shape) g.shape.read = true;
        }
        g.skip = Skip.All;
        return;
      case 'picwgoal': if (g.picture) g.picture.width = param; return;
      case 'pichgoal': if (g.picture) g.picture.height = param; return;
      case 'picscalex': if (g.picture && param) g.picture.scaleX = param; return;
      case 'picscaley': if (g.picture && param) g.picture.scaleY = param; return;
      // An embedded object (an Excel sheet) is shown as its result's picture: a picture.
      case 'footnote': if (g.skip === Skip.None && !g.hidden && !g.deleted) g.note = new Html(); else g.skip = Skip.All; return;
      case 'object': if (g.skip === Skip.None) out().picture({ scaleX: 100, scaleY: 100 }); g.skip = Skip.All; return;
      case 'shp': g.shape = { read: false }; return;
      case 'shptxt': if (g.skip === Skip.ShapeProperties) { g.skip = Skip.None; if (g.shape) g.shape.read = true; } return;
      // What a shape looks like to readers that know no shapes: skipped when its picture or text was read.
      case 'shprslt': if (g.shape?.read) g.skip = Skip.All; return;
    }
    // The document's paragraphs and tables (a note's its own); not those of a header's or a style's.
    if (g.skip !== Skip.None) return;
    const html = out();
    switch (name) {
      case 'pard': html.depth = 0; return;
      case 'intbl': html.depth = Math.max(html.depth, 1); return;
      case 'itap': html.depth = Math.max(0, Math.min(param ?? 1, MAX_NESTING)); return;
      case 'trowd': html.newRow(); return;
      case 'trleft': html.setLeft(param ?? 0); return;
      case 'cellx': html.cellEdge(param ?? 0); return;
      case 'clmgf': case 'clmrg': case 'clvmgf': case 'clvmrg': html.merge(name); return;
      case 'par': html.endParagraph(); return;
      case 'line': html.lineBreak(); return;
      case 'cell': html.endCell(1); return;
      case 'row': html.endRow(1); return;
      case 'nestcell': html.endCell(Math.max(2, html.depth)); return;
      case 'nestrow': html.endRow(Math.max(2, html.depth)); return;
    }
    const symbol = SYMBOLS[name];
    if (symbol && shown()) html.text(symbol);
  };

  const n = bytes.length;
  const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  const hex = (c: number) => (isDigit(c) ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1);
  for (let i = 0; i < n;) {
    const c = bytes[i];
    if (c === 0x7b || c === 0x7d) {
      flush();
      standIns = 0;
      starred = false;
      if (c === 0x7b) {
        if (stack.length >= MAX_DEPTH) deeper++;
        else { g.depth = out().depth; stack.push(g); g = { ...g, picture: undefined }; }
      } else if (deeper > 0) deeper--;
      else if (stack.length) {
        const closed = g;
        g = stack.pop()!;
        if (closed.note && closed.note !== g.note) notes.push(closed.note.end());
        out().depth = g.depth!;
        if (closed.picture && g.skip !== Skip.All) out().picture(closed.picture);
      }
      i++;
    } else if (c === 0x5c) {
      const d = bytes[i + 1];
      if (d !== undefined && isLetter(d)) {
        let j = i + 1;
        while (j < n && isLetter(bytes[j])) j++;
        const name = Buffer.from(bytes.subarray(i + 1, j)).toString('latin1');
        let param: number | undefined;
        const from = j;
        if (bytes[j] === 0x2d && isDigit(bytes[j + 1])) j++;
        if (isDigit(bytes[j])) {
          while (j < n && isDigit(bytes[j])) j++;
          // No parameter has more than ten digits; a longer one is read by its first ten.
          param = Number(Buffer.from(bytes.subarray(from, Math.min(j, from + 11))).toString('latin1'));
        }
        if (bytes[j] === 0x20) j++;
        i = j;
        // \binN: N bytes of binary data (a picture's), stepped over whatever they are.
        if (name === 'bin') { flush(); i += Math.max(0, Math.min(param ?? 0, n - i)); continue; }
        word(name, param);
      } else if (d === 0x27) {
        // A \' without two hex digits after it is no byte.
        const high = hex(bytes[i + 2]), low = hex(bytes[i + 3]);
        if (high >= 0 && low >= 0) byte(high * 16 + low);
        i += 4;
      } else {
        if (d === 0x5c || d === 0x7b || d === 0x7d) byte(d);
        else if (d === 0x2a) starred = true;
        else if (d === 0x7e) { flush(); if (shown() && standIns === 0) out().text('\u00a0'); }
        else if (d === 0x5f) { flush(); if (shown() && standIns === 0) out().text('-'); }
        else if (d === 0x0a || d === 0x0d) word('par', undefined);
        i += 2;
      }
    } else {
      if (c !== 0x0a && c !== 0x0d) byte(c === 0x09 ? 0x20 : c, true);
      i++;
    }
  }
  flush();
  // A note left open (a file cut short) is read too.
  if (g.note) notes.push(g.note.end());
  // As mammoth writes a .docx's notes: a numbered list after the report.
  return { html: html.end() + (notes.length ? `\n<ol>${notes.map((n) => `<li>${n}</li>`).join('')}</ol>` : ''), open: stack.length + deeper };
}

/** The report in an RTF file, as draft text; or why there is none. */
export function importRtf(bytes: Uint8Array): ImportResult {
  if (!isRtf(bytes)) return { refused: NOT_RTF };
  const { html, open } = rtfHtml(bytes);
  const { text } = importHtml(html);
  if (!hasText(text)) return { refused: NO_TEXT };
  return open > 0 ? { text, notes: [cutShort(open)] } : { text };
}
