import type { Figures } from './figures';
import type { Pictures } from './pictures';
import { reportParts } from './render';
import { starts, wordTable, type WordTable } from './word';

// A report as a Word 97–2003 file (.doc), written here byte by byte ([MS-CFB], [MS-DOC]), so that
// the tests make every seed's .doc without LibreOffice and in the shapes Word itself writes that
// LibreOffice does not: ASCII text in 8-bit pieces between UTF-16 ones, headings inside fields,
// pictures and drawn objects in the text, page breaks, and each table nested in a layout table.
// The tables are Word's: a cell's text ends with U+0007, the row with one more U+0007 whose
// paragraph properties mark the row's end (sprmPFTtp) and give its cells' edges (sprmTDefTable);
// a cell merged down is an empty cell in each row below, one merged across a wider cell.

export interface DocStyle extends Container {
  /** ASCII text (digits, tabs' places…) in 8-bit pieces, as Word stores what cp1252 can hold. */
  eightBit?: boolean;
  /** Each heading the result of a field (a table of contents' hyperlink), after its code. */
  fields?: boolean;
  /** A picture (U+0001) and a drawn object (U+0008) in the prose, a page break (U+000C) before each section. */
  objects?: boolean;
  /** Each table in the one cell of a layout table (a nested table: its marks are paragraph marks at depth 2). */
  nested?: boolean;
  /**
   * Tracked changes (a reviewer's): before each number of the tables a deleted one, and after each table's
   * first data row a deleted row (its cell marks deleted too), as Word keeps them until they are accepted.
   */
  tracked?: boolean;
  /** Hidden text (sprmCFVanish, Word's 隐藏文字): a digit before each number of the tables, which Word neither shows nor prints. */
  hidden?: boolean;
  /** A note's mark in superscript (sprmCIss) after every tenth number of the tables (5¹), as a footnote's mark is set. */
  noteMarks?: boolean;
  /**
   * Every number of two digits or more (in a cell of one column) typed as two paragraphs, cut after its first digits (`12` ⏎ `3`,
   * Enter pressed in the cell), the rows' TCs written (Word's: how each cell is merged); `merged`: each such cell marked there as
   * the first of cells merged down (vertMerge), whose paragraphs are then the merged cells' numbers.
   */
  splitNumbers?: boolean | 'merged';
  /** The FIB's fEncrypted flag set. */
  encrypted?: boolean;
  /** A picture (a stamp, a logo) at the end of each table's first cell: no line of the draft, as a web page's is not. */
  stamps?: boolean;
  /** A scanned report: the picture of each of its pages (in the form of `pictures`), and no text. */
  scanned?: boolean;
  /** Tables that are pictures (each a paragraph of its own where the table would be), and a logo before the title. */
  pictures?: Pictures<DocPicture>;
}

/**
 * How Word 97–2003 stores a picture: `picture` (U+0001, inline), `drawn` (U+0008, a floating shape's
 * anchor), `embedded` (an Excel sheet: the field `EMBED Excel.Sheet.8`, its code holding the object's
 * U+0001 and its result the preview's), `embedded-undrawn` (the field with an empty result, as Word
 * leaves one it has not drawn); each such character marked special (sprmCFSpec, sprmCPicLocation).
 */
export type DocPicture = 'picture' | 'drawn' | 'embedded' | 'embedded-undrawn';
export const DOC_PICTURES: DocPicture[] = ['picture', 'drawn', 'embedded', 'embedded-undrawn'];
const PICTURE_TEXT: Record<DocPicture, string> = {
  picture: '\x01', drawn: '\x08', embedded: '\x13 EMBED Excel.Sheet.8 \x01\x14\x01\x15', 'embedded-undrawn': '\x13 EMBED Excel.Sheet.8 \x14\x15',
};

/** A paragraph mark's properties: where it stands in a table. */
interface Props { depth?: number; ttp?: boolean; cell?: boolean; edges?: number[]; merged?: boolean[] }
/** The text up to a paragraph mark (U+000D) or cell mark (U+0007), and the mark's properties. */
interface Para { text: string; mark: '\r' | '\x07'; props: Props; deleted?: number | 'all'; hidden?: number; raised?: number; pictures?: boolean }

/** A grid column's width, in twips. */
const COLUMN = 600;

/** A number a reviewer replaced: deleted before the number now there. */
const replaced = (text: string) => String(Number(text) + 7);

function tableParas(table: WordTable, depth: number, tracked: boolean, hidden = false, noteMarks = false, splitNumbers: DocStyle['splitNumbers'] = false): Para[] {
  const out: Para[] = [];
  let numbers = 0;
  // At depth 1 a cell and a row end with U+0007; in a nested table, with a paragraph mark.
  const mark = depth === 1 ? '\x07' : '\r';
  const rowParas = (row: WordTable['rows'][number]): Para[] => {
    const paras: Para[] = [];
    const xs = starts(row);
    const merged: boolean[] = [];
    row.cells.forEach((c) => {
      const cut = Math.ceil(c.text.length / 2);
      const lines = splitNumbers && c.kind === 'value' && c.span === 1 && /^\d{2,}$/.test(c.text) ? [c.text.slice(0, cut), c.text.slice(cut)]
        : c.kind === 'value' || c.below || c.lines.length === 0 ? [c.text] : c.lines;
      merged.push(splitNumbers === 'merged' && c.kind === 'value' && lines.length > 1);
      lines.slice(0, -1).forEach((line) => paras.push({ text: line, mark: '\r', props: { depth } }));
      const text = lines[lines.length - 1];
      const was = tracked && c.kind === 'value' && /^\d+$/.test(text);
      const hid = hidden && c.kind === 'value' && /^\d+$/.test(text) ? '9' : '';
      const note = noteMarks && c.kind === 'value' && /^\d+$/.test(text) && numbers++ % 10 === 0 ? String(numbers % 9 + 1) : '';
      paras.push({
        text: (was ? replaced(text) : '') + hid + text + note, mark, props: { depth, cell: true },
        deleted: was ? replaced(text).length : undefined, hidden: hid.length || undefined, raised: note.length || undefined,
      });
    });
    const last = row.cells[row.cells.length - 1];
    const edges = [...xs, xs[xs.length - 1] + last.span].map((x) => x * COLUMN);
    paras.push({ text: '', mark, props: { depth, cell: true, ttp: true, edges, ...(splitNumbers ? { merged } : {}) } });
    return paras;
  };
  let first = true;
  for (const row of table.rows) {
    out.push(...rowParas(row));
    if (!tracked || row.kind !== 'data' || !first) continue;
    first = false;
    out.push(...rowParas(row).map((p): Para => ({ ...p, deleted: 'all' })));
  }
  return out;
}

/** The report's paragraphs and table marks, in order. */
function parasOf(f: Figures, style: DocStyle): Para[] {
  const out: Para[] = [];
  let prose = 0;
  const picture = (form: DocPicture): Para => ({ text: PICTURE_TEXT[form], mark: '\r', props: {}, pictures: true });
  if (style.scanned) return [1, 2, 3].map(() => picture(style.pictures?.form ?? 'picture'));
  for (const part of reportParts(f)) {
    if (part.kind === 'title' && style.pictures?.logo) out.push(picture('picture'));
    if (part.kind === 'table' && style.pictures?.tables.includes(part.key)) { out.push(picture(style.pictures.form)); continue; }
    if (part.kind !== 'table') {
      const text = part.kind === 'heading' && style.fields ? `\x13 HYPERLINK \\l "_Toc${out.length}" \x14${part.text}\x15` : part.text;
      const before = part.kind === 'heading' && style.objects ? '\x0c' : '';
      const after = part.kind === 'prose' && style.objects && prose++ === 0 ? '\x01\x08' : '';
      out.push({ text: before + text + after, mark: '\r', props: {} });
      continue;
    }
    const table = wordTable(f, part.key);
    const paras = tableParas(table, style.nested ? 2 : 1, style.tracked ?? false, style.hidden, style.noteMarks, style.splitNumbers);
    if (style.stamps) {
      const cell = paras.find((p) => p.props.cell)!;
      Object.assign(cell, { text: `${cell.text}\x01`, pictures: true });
    }
    out.push(...paras);
    if (!style.nested) continue;
    out.push({ text: '', mark: '\r', props: { depth: 1 } });
    out.push({ text: '', mark: '\x07', props: { depth: 1, cell: true } });
    out.push({ text: '', mark: '\x07', props: { depth: 1, cell: true, ttp: true, edges: [0, table.width * COLUMN] } });
  }
  return out;
}

/** A paragraph's properties as a grpprl ([MS-DOC] 2.6.2), after its style (istd 0). */
function grpprl({ depth = 0, ttp, cell, edges, merged }: Props): Buffer {
  const sprms: Buffer[] = [Buffer.alloc(2)];
  const sprm = (code: number, operand: Buffer) => { const b = Buffer.alloc(2); b.writeUInt16LE(code); sprms.push(b, operand); };
  if (depth > 0) sprm(0x2416, Buffer.from([1])); // sprmPFInTable
  if (depth > 1) { const b = Buffer.alloc(4); b.writeUInt32LE(depth); sprm(0x6649, b); } // sprmPItap
  if (depth === 1 && ttp) sprm(0x2417, Buffer.from([1])); // sprmPFTtp
  if (depth > 1 && cell) sprm(0x244b, Buffer.from([1])); // sprmPFInnerTableCell
  if (depth > 1 && ttp) sprm(0x244c, Buffer.from([1])); // sprmPFInnerTtp
  if (edges) {
    // sprmTDefTable: its size (2 bytes, one more than what follows), the number of cells, the edges; then, when `merged`
    // is given, a TC of 20 bytes for each cell, its first bits how it is merged (vertMerge 3, bits 5–6: the first of cells merged down).
    const b = Buffer.alloc(3 + 2 * edges.length + (merged ? 20 * merged.length : 0));
    b.writeUInt16LE(b.length - 2 + 1);
    b[2] = edges.length - 1;
    edges.forEach((x, i) => b.writeInt16LE(x, 3 + 2 * i));
    merged?.forEach((m, i) => { b[3 + 2 * edges.length + 20 * i] = m ? 0x60 : 0; });
    sprm(0xd608, b);
  }
  return Buffer.concat(sprms);
}

/** The text's pieces: runs of ASCII (8-bit when `eightBit`) and of other characters (UTF-16). */
function piecesOf(text: string, eightBit: boolean): { text: string; eightBit: boolean }[] {
  if (!eightBit) return [{ text, eightBit: false }];
  return (text.match(/[\0-\x7f]+|[^\0-\x7f]+/g) ?? []).map((t) => ({ text: t, eightBit: t.charCodeAt(0) < 0x80 }));
}

const FIB_END = 0x400;
const PARAS_PER_PAGE = 6;

/** The report as a .doc's bytes. */
export function renderDoc(f: Figures, style: DocStyle = {}): Buffer {
  const paras = parasOf(f, style);
  const text = paras.map((p) => p.text + p.mark).join('');

  // The WordDocument stream: the FIB, the text's pieces one after the other, then the paragraphs' FKP pages.
  const pieces = piecesOf(text, style.eightBit ?? false);
  const chunks: Buffer[] = [];
  /** The stream offset of each character of the text, and one past the last. */
  const fcOf: number[] = [];
  let at = FIB_END;
  for (const p of pieces) {
    const bytes = p.eightBit ? Buffer.from(p.text, 'latin1') : Buffer.from(p.text, 'utf16le');
    for (let i = 0; i < p.text.length; i++) fcOf.push(at + i * (p.eightBit ? 1 : 2));
    chunks.push(bytes);
    at += bytes.length;
  }
  fcOf.push(at);
  const textEnd = at;
  const fkpStart = Math.ceil(textEnd / 512) * 512;
  // Each paragraph a run of the FKP: from the byte after the previous mark to its own mark's last byte.
  const marks: number[] = [];
  let cp = 0;
  for (const p of paras) { cp += p.text.length + 1; marks.push(cp - 1); }
  const pages: Buffer[] = [];
  const bteFcs: number[] = [];
  for (let first = 0; first < paras.length; first += PARAS_PER_PAGE) {
    const group = paras.slice(first, first + PARAS_PER_PAGE);
    const page = Buffer.alloc(512);
    const from = first === 0 ? FIB_END : fcOf[marks[first - 1] + 1];
    bteFcs.push(from);
    page.writeUInt32LE(from, 0);
    let top = 511;
    group.forEach((p, k) => {
      const end = fcOf[marks[first + k] + 1];
      page.writeUInt32LE(end, 4 * (k + 1));
      const g = grpprl(p.props);
      // PapxInFkp: cb = 0, then cb' (2-byte words), then the grpprl; at an even offset from the page's end.
      const words = Math.ceil(g.length / 2);
      top = (top - 2 - 2 * words) & ~1;
      page[top] = 0;
      page[top + 1] = words;
      g.copy(page, top + 2);
      page[4 * (group.length + 1) + 13 * k] = top / 2;
    });
    page[511] = group.length;
    pages.push(page);
  }
  bteFcs.push(fcOf[fcOf.length - 1]);

  // The characters' properties: runs of deleted, special and plain text, 80 to an FKP page, the deleted
  // ones pointing at one Chpx (sprmCFRMarkDel, with the author's index and the time, as Word writes
  // them), the pictures at another (sprmCFSpec, sprmCPicLocation).
  type Kind = 'deleted' | 'hidden' | 'raised' | 'special' | 'plain';
  const kinds: Kind[] = [];
  for (const p of paras) {
    for (let i = 0; i <= p.text.length; i++) {
      const deleted = typeof p.deleted === 'number' ? p.deleted : 0;
      kinds.push(p.deleted === 'all' || i < deleted ? 'deleted' : i < deleted + (p.hidden ?? 0) ? 'hidden'
        : i < p.text.length && i >= p.text.length - (p.raised ?? 0) ? 'raised'
        : p.pictures && (p.text[i] === '\x01' || p.text[i] === '\x08') ? 'special' : 'plain');
    }
  }
  const charRuns: { from: number; to: number; kind: Kind }[] = [];
  kinds.forEach((kind, c) => {
    const last = charRuns[charRuns.length - 1];
    if (last && last.kind === kind) last.to = c + 1; else charRuns.push({ from: c, to: c + 1, kind });
  });
  const CHPX = {
    deleted: Buffer.from([13, 0x00, 0x08, 1, 0x63, 0x48, 0, 0, 0x64, 0x68, 0, 0, 0, 0]), special: Buffer.from([9, 0x55, 0x08, 1, 0x03, 0x6a, 0, 0, 0, 0]),
    hidden: Buffer.from([3, 0x3c, 0x08, 1]), raised: Buffer.from([3, 0x48, 0x2a, 1]),
  };
  const CHPX_AT = { deleted: 496, special: 480, hidden: 472, raised: 464 };
  const chpxPages: Buffer[] = [];
  const chpxFcs: number[] = [];
  for (let first = 0; first < charRuns.length; first += 80) {
    const group = charRuns.slice(first, first + 80);
    const page = Buffer.alloc(512);
    chpxFcs.push(fcOf[group[0].from]);
    page.writeUInt32LE(fcOf[group[0].from], 0);
    group.forEach((r, k) => {
      page.writeUInt32LE(fcOf[r.to], 4 * (k + 1));
      page[4 * (group.length + 1) + k] = r.kind === 'plain' ? 0 : CHPX_AT[r.kind] / 2;
    });
    CHPX.deleted.copy(page, CHPX_AT.deleted);
    CHPX.special.copy(page, CHPX_AT.special);
    CHPX.hidden.copy(page, CHPX_AT.hidden);
    CHPX.raised.copy(page, CHPX_AT.raised);
    page[511] = group.length;
    chpxPages.push(page);
  }
  chpxFcs.push(fcOf[fcOf.length - 1]);

  const fib = Buffer.alloc(FIB_END);
  fib.writeUInt16LE(0xa5ec, 0);
  fib.writeUInt16LE(0x00c1, 2);
  fib.writeUInt16LE(0x0200 | (style.encrypted ? 0x0100 : 0), 0x0a); // fWhichTblStm: 1Table
  fib.writeUInt16LE(14, 0x20); // csw
  fib.writeUInt16LE(22, 0x3e); // cslw
  fib.writeInt32LE(text.length, 0x4c); // ccpText
  fib.writeUInt16LE(0x5d, 0x98); // cbRgFcLcb

  // The table stream: the Clx (its piece table), then PlcBtePapx.
  const n = pieces.length;
  const plc = Buffer.alloc(4 * (n + 1) + 8 * n);
  let cpAt = 0, fcAt = FIB_END;
  pieces.forEach((p, i) => {
    plc.writeUInt32LE(cpAt, 4 * i);
    cpAt += p.text.length;
    const pcd = 4 * (n + 1) + 8 * i;
    plc.writeUInt32LE(p.eightBit ? (fcAt * 2) | 0x40000000 : fcAt, pcd + 2);
    fcAt += p.text.length * (p.eightBit ? 1 : 2);
  });
  plc.writeUInt32LE(cpAt, 4 * n);
  const clx = Buffer.concat([Buffer.from([2]), Buffer.alloc(4), plc]);
  clx.writeUInt32LE(plc.length, 1);
  /** A bin table: the pages' first offsets and the end, then each page's number in the stream. */
  const binTable = (fcs: number[], firstPage: number) => {
    const b = Buffer.alloc(4 * fcs.length + 4 * (fcs.length - 1));
    fcs.forEach((x, i) => b.writeUInt32LE(x, 4 * i));
    for (let i = 0; i < fcs.length - 1; i++) b.writeUInt32LE(firstPage + i, 4 * fcs.length + 4 * i);
    return b;
  };
  const papxBte = binTable(bteFcs, fkpStart / 512);
  const chpxBte = binTable(chpxFcs, fkpStart / 512 + pages.length);
  // The drawn objects that are pictures, listed where they are anchored (PlcSpaMom): their CPs and the
  // end of the text, then an FSPA (26 bytes) each, its first field the shape's id.
  const drawn = [...text].flatMap((ch, cp) => ch === '\x08' && kinds[cp] === 'special' ? [cp] : []);
  const spa = Buffer.alloc(drawn.length ? 4 * (drawn.length + 1) + 26 * drawn.length : 0);
  drawn.forEach((cp, i) => { spa.writeUInt32LE(cp, 4 * i); spa.writeInt32LE(1025 + i, 4 * (drawn.length + 1) + 26 * i); });
  if (drawn.length) spa.writeUInt32LE(text.length, 4 * drawn.length);
  const table = Buffer.concat([clx, papxBte, chpxBte, spa]);
  const pair = (i: number, fc: number, lcb: number) => { fib.writeUInt32LE(fc, 0x9a + 8 * i); fib.writeUInt32LE(lcb, 0x9a + 8 * i + 4); };
  pair(12, clx.length + papxBte.length, chpxBte.length);
  pair(13, clx.length, papxBte.length);
  pair(33, 0, clx.length);
  pair(40, clx.length + papxBte.length + chpxBte.length, spa.length);

  const word = Buffer.concat([fib, ...chunks, Buffer.alloc(fkpStart - textEnd), ...pages, ...chpxPages]);
  return compoundFile([['WordDocument', word], ['1Table', table]], style);
}

/** How the compound file is laid out: 4096-byte sectors (version 4), and small streams in the mini stream (as Word keeps a short 1Table). */
export interface Container { sectors4096?: boolean; mini?: boolean }

const ENDOFCHAIN = 0xfffffffe;
const NONE = 0xffffffff;

/**
 * An OLE compound file holding `streams` at its root: the FAT's sectors first, then the directory's,
 * then each stream's; a stream under 4096 bytes in the mini stream (64-byte sectors, with a mini FAT
 * of its own) when `mini`, else padded to 4096 bytes.
 */
function compoundFile(streams: [string, Buffer][], { sectors4096 = false, mini = false }: Container): Buffer {
  const size = sectors4096 ? 4096 : 512;
  const pad = (b: Buffer, unit: number, least = unit) => Buffer.concat([b, Buffer.alloc(Math.max(least, Math.ceil(b.length / unit) * unit) - b.length)]);
  const small = streams.filter(([, b]) => mini && b.length < 4096);
  const miniFat: number[] = [];
  const miniStart = new Map<string, number>();
  const miniParts: Buffer[] = [];
  for (const [name, b] of small) {
    const n = Math.max(1, Math.ceil(b.length / 64));
    miniStart.set(name, miniFat.length);
    for (let k = 0; k < n; k++) miniFat.push(k === n - 1 ? ENDOFCHAIN : miniFat.length + 1);
    miniParts.push(pad(b, 64));
  }
  const miniFatBytes = Buffer.alloc(4 * miniFat.length);
  miniFat.forEach((x, i) => miniFatBytes.writeUInt32LE(x, 4 * i));
  // The chunks in regular sectors, in order: the big streams, the mini stream, the mini FAT.
  const chunks: { name: string; bytes: Buffer }[] = [
    ...streams.filter((s) => !small.includes(s)).map(([name, b]) => ({ name, bytes: pad(b, size, 4096) })),
    ...(small.length ? [{ name: '(mini stream)', bytes: pad(Buffer.concat(miniParts), size) }, { name: '(mini FAT)', bytes: pad(miniFatBytes, size) }] : []),
  ];
  const dataSectors = 1 + chunks.reduce((n, c) => n + c.bytes.length / size, 0);
  let fatSectors = 1;
  while (fatSectors * (size / 4) < fatSectors + dataSectors) fatSectors++;
  const fat = Buffer.alloc(fatSectors * size, 0xff);
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(0xfffffffd, 4 * i);
  const dirSector = fatSectors;
  fat.writeUInt32LE(ENDOFCHAIN, 4 * dirSector);
  const startOf = new Map<string, number>();
  let sector = dirSector + 1;
  for (const c of chunks) {
    const count = c.bytes.length / size;
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? ENDOFCHAIN : sector + k + 1, 4 * (sector + k));
    startOf.set(c.name, sector);
    sector += count;
  }

  const dir = Buffer.alloc(size);
  const entry = (i: number, name: string, type: number, start: number, length: number, right = NONE, child = NONE) => {
    const at = 128 * i;
    Buffer.from(`${name}\0`, 'utf16le').copy(dir, at);
    dir.writeUInt16LE(2 * (name.length + 1), at + 64);
    dir[at + 66] = type;
    dir[at + 67] = 1; // black
    dir.writeUInt32LE(NONE, at + 68);
    dir.writeUInt32LE(right, at + 72);
    dir.writeUInt32LE(child, at + 76);
    dir.writeUInt32LE(start, at + 116);
    dir.writeUInt32LE(length, at + 120);
  };
  entry(0, 'Root Entry', 5, startOf.get('(mini stream)') ?? ENDOFCHAIN, 64 * miniFat.length, NONE, 1);
  streams.forEach(([name, b], i) => {
    const start = miniStart.get(name) ?? startOf.get(name)!;
    entry(1 + i, name, 2, start, miniStart.has(name) ? b.length : chunks.find((c) => c.name === name)!.bytes.length, i + 1 < streams.length ? 2 + i : NONE);
  });

  const header = Buffer.alloc(size);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(sectors4096 ? 4 : 3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(sectors4096 ? 12 : 9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(sectors4096 ? 1 : 0, 40); // directory sectors (version 4 only)
  header.writeUInt32LE(fatSectors, 44);
  header.writeUInt32LE(dirSector, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(startOf.get('(mini FAT)') ?? ENDOFCHAIN, 60);
  header.writeUInt32LE(small.length ? pad(miniFatBytes, size).length / size : 0, 64); // mini FAT sectors
  header.writeUInt32LE(ENDOFCHAIN, 68);
  header.fill(0xff, 76, 512);
  for (let i = 0; i < fatSectors; i++) header.writeUInt32LE(i, 76 + 4 * i);
  return Buffer.concat([header, fat, dir, ...chunks.map((c) => c.bytes)]);
}
