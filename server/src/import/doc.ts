import { CfbError, openCfb } from './cfb';
import { holdsArticle, NUMBER, renderBlocks, runsText, type Block, type GridCell, type Run } from './blocks';
import { hasText, NOTE_MARK, PICTURE_LINE, said, Stopped, type ImportResult, type Said } from './types';

// A Word 97–2003 document (.doc; WPS writes its .wps the same way) as draft text ([MS-DOC]). Its
// text is in the WordDocument stream, in pieces a "piece table" (the Clx, in the 0Table or 1Table
// stream) puts in order: each piece 8-bit (cp1252) or UTF-16LE, where Chinese text is. The text
// holds the document's structure as characters: U+000D ends a paragraph, U+0007 ends a table cell,
// and a row ends with one more U+0007 whose paragraph properties mark it the row's end (TTP); only
// those properties (the PAPX, in 512-byte pages of the WordDocument stream) tell a row's end from
// an empty cell, and a nested table's cells and rows (which end with U+000D) from paragraphs. The
// result is the blocks every structured importer makes (blocks.ts): paragraphs, and tables. A picture
// (U+0001), a drawn object (U+0008) and an embedded object (an EMBED field) are characters of the text
// too, marked special (sprmCFSpec): each is a picture line of the draft (types.ts PICTURE_LINE).

export const ENCRYPTED = said('Word 文件已加密（有密码），无法读取；请取消密码后再检查', 'the Word file is encrypted (password-protected) and cannot be read; remove the password and check it again');
export const BROKEN = said('不是有效的 Word 文件（可能已损坏或不完整）', 'not a valid Word file (it may be damaged or incomplete)');
export const NO_TEXT = said('Word 文件中没有文字', 'the Word file holds no text');
export const NOT_WORD = said('不是 Word 97–2003 格式的文件（可能是旧版 WPS 或其他软件的格式）；请在 WPS 或 Word 中另存为 .docx 后再检查', 'not a Word 97–2003 file (an old WPS format, or another program\'s?); save it as .docx in WPS or Word and check it again');
const WORD_95 = said('是 Word 95 或更早版本的格式，无法读取；请在 Word 或 WPS 中另存为 .docx', 'a Word 95 (or older) file, which cannot be read; save it as .docx in Word or WPS');

const check = (ok: boolean, why = BROKEN) => { if (!ok) throw new Stopped(why); };

/** [MS-DOC] 2.5.1 FibBase flags. */
const F_ENCRYPTED = 0x0100;
const F_WHICH_TBL_STM = 0x0200;
/** Word 97 and later write an nFib of 0xC1 and up (0xC0: Word 97's betas); Word 6 and 95 (0x65–0x68) another FIB and piece table. */
const NFIB_WORD97 = 0xc0;

/** Properties ([MS-DOC] 2.6) read: where a paragraph mark stands in a table; whether a character is deleted or special. */
interface Props {
  inTable?: boolean; ttp?: boolean; itap?: number; innerCell?: boolean; innerTtp?: boolean;
  /** A row's end: where its cells' edges are (twips from the margin), from the row's sprmTDefTable. */
  edges?: number[];
  /** A row's end: which of its cells are merged (across or down, first or not), from the TCs of its sprmTDefTable when Word wrote them. */
  merged?: boolean[];
  /** A tracked change deleted the character (sprmCFRMarkDel). */
  deleted?: boolean;
  /** The character stands for something else (sprmCFSpec): U+0001 a picture, U+0008 a drawn object, a note's mark… */
  special?: boolean;
  /** Hidden text (sprmCFVanish, 隐藏文字): Word neither shows nor prints it. */
  hidden?: boolean;
  /** Superscript (sprmCIss 1): a note's mark, when that is all it is. */
  raised?: boolean;
}
/** A range of stream offsets and the properties of the text there. */
interface PropsRun { fcStart: number; fcEnd: number; props: Props }
const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_P_F_INNER_TABLE_CELL = 0x244b;
const SPRM_P_F_INNER_TTP = 0x244c;
const SPRM_C_F_RMARK_DEL = 0x0800;
const SPRM_C_F_SPEC = 0x0855;
const SPRM_C_F_VANISH = 0x083c;
const SPRM_C_ISS = 0x2a48;
/** A paragraph's properties too long for its page are in the Data stream, at the offset this names. */
const SPRM_P_HUGE_PAPX = 0x6646;
/** Two sprms whose variable operand has a 2-byte length (sprmTDefTable) or a special one (sprmPChgTabs). */
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_CHG_TABS = 0xc615;

const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/**
 * The properties a grpprl (a list of sprms with their operands) sets, over `into`; `data`, the
 * Data stream, where a paragraph's huge grpprl is (a table row's end, with its many cells' borders).
 */
function readSprms(b: Uint8Array, from: number, to: number, into: Props, data?: Uint8Array): void {
  let at = from;
  while (at + 2 <= to) {
    const sprm = b[at] | (b[at + 1] << 8);
    at += 2;
    // The operand's size is in the sprm's top three bits (spra).
    let size: number;
    switch (sprm >> 13) {
      case 0: case 1: size = 1; break;
      case 2: case 4: case 5: size = 2; break;
      case 3: size = 4; break;
      case 7: size = 3; break;
      default:
        if (sprm === SPRM_T_DEF_TABLE) { size = at + 2 <= to ? 1 + (b[at] | (b[at + 1] << 8)) : to - at; break; }
        // A sprmPChgTabs of 255 bytes sizes itself otherwise; it never carries table properties: stop there.
        if (sprm === SPRM_P_CHG_TABS && b[at] === 255) return;
        size = at < to ? 1 + b[at] : to - at;
    }
    if (at + size > to) return;
    const byte = b[at] !== 0;
    if (sprm === SPRM_T_DEF_TABLE && size >= 3) {
      // TDefTableOperand: its size (2 bytes), the number of cells, then each cell's left edge and the last one's right.
      const cells = b[at + 2];
      if (3 + 2 * (cells + 1) <= size) into.edges = Array.from({ length: cells + 1 }, (_, i) => (b[at + 3 + 2 * i] | (b[at + 4 + 2 * i] << 8)) << 16 >> 16);
      // Then a TC (20 bytes) for each cell, whose first bits say how it is merged: horzMerge (bits 0–1), vertMerge (5–6).
      const tcs = at + 3 + 2 * (cells + 1);
      if (tcs + 20 * cells <= at + size) into.merged = Array.from({ length: cells }, (_, i) => (b[tcs + 20 * i] & 0x63) !== 0);
    } else if (sprm === SPRM_P_F_IN_TABLE) into.inTable = byte;
    else if (sprm === SPRM_C_F_RMARK_DEL) into.deleted = byte;
    else if (sprm === SPRM_C_F_SPEC) into.special = byte;
    // 1 on, 0 off; 0x80 as the style says, 0x81 the opposite (styles seldom hide: taken as on).
    else if (sprm === SPRM_C_F_VANISH) into.hidden = b[at] === 1 || b[at] === 0x81;
    else if (sprm === SPRM_C_ISS) into.raised = b[at] === 1;
    else if (sprm === SPRM_P_F_TTP) into.ttp = byte;
    else if (sprm === SPRM_P_F_INNER_TABLE_CELL) into.innerCell = byte;
    else if (sprm === SPRM_P_F_INNER_TTP) into.innerTtp = byte;
    else if (sprm === SPRM_P_ITAP) into.itap = u32(b, at);
    else if (sprm === SPRM_P_HUGE_PAPX && data) {
      // PrcData: a 2-byte size, then the grpprl (which names no Data stream of its own: one level only).
      const huge = u32(b, at);
      if (huge + 2 <= data.length) readSprms(data, huge + 2, Math.min(data.length, huge + 2 + (data[huge] | (data[huge + 1] << 8))), into);
    }
    at += size;
  }
}

/** A piece of the text: its characters' CPs [cpStart, cpEnd), where they start in the WordDocument stream, 1 or 2 bytes each. */
interface Piece { cpStart: number; cpEnd: number; at: number; width: 1 | 2; prm: number }

/** The document as Word stores it, opened far enough to read its text, where its paragraphs stand in tables, and what was deleted. */
function openDoc(file: Uint8Array) {
  const cfb = openCfb(file);
  const word = cfb.stream('WordDocument');
  // A .docx with a password is a compound file too, holding the encrypted package.
  if (!word) throw new Stopped(cfb.has('EncryptedPackage') ? ENCRYPTED : NOT_WORD);
  const w = word.bytes;
  const wv = new DataView(w.buffer, w.byteOffset, w.byteLength);
  check(w.length >= 0x22 && wv.getUint16(0, true) === 0xa5ec, NOT_WORD);
  check(wv.getUint16(2, true) >= NFIB_WORD97, WORD_95);
  const flags = wv.getUint16(0x0a, true);
  check((flags & F_ENCRYPTED) === 0, ENCRYPTED);

  // The FIB's parts after its fixed base each start with their count ([MS-DOC] 2.5.1): walked, not assumed.
  const csw = wv.getUint16(0x20, true);
  const lwAt = 0x22 + csw * 2 + 2;
  check(lwAt + 2 <= w.length);
  const cslw = wv.getUint16(lwAt - 2, true);
  const blobAt = lwAt + cslw * 4 + 2;
  check(cslw >= 10 && blobAt <= w.length);
  const cbRgFcLcb = wv.getUint16(blobAt - 2, true);
  check(cbRgFcLcb >= 34 && blobAt + cbRgFcLcb * 8 <= w.length);
  const lw = (i: number) => wv.getInt32(lwAt + 4 * i, true);
  const fcLcb = (i: number) => ({ fc: wv.getUint32(blobAt + 8 * i, true), lcb: wv.getUint32(blobAt + 8 * i + 4, true) });
  // FibRgLw97: ccpText (3), ccpFtn, ccpHdd, a reserved count, ccpAtn, ccpEdn, ccpTxbx (9): the stories in that order.
  const ccp = [3, 4, 5, 6, 7, 8, 9].map(lw);
  check(ccp.every((n) => n >= 0));

  const table = cfb.stream(flags & F_WHICH_TBL_STM ? '1Table' : '0Table');
  check(table !== undefined);
  const t = table!.bytes;
  const tv = new DataView(t.buffer, t.byteOffset, t.byteLength);
  const data = cfb.stream('Data')?.bytes;
  const inTable = ({ fc, lcb }: { fc: number; lcb: number }) => fc + lcb <= t.length;

  // The Clx (FibRgFcLcb97 pair 33): grpprls a piece's Prm may name, then the piece table.
  const clx = fcLcb(33);
  check(clx.lcb > 0 && inTable(clx));
  const grpprls: { from: number; to: number }[] = [];
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  while (at < end && t[at] === 1) {
    check(at + 3 <= end);
    const cb = tv.getInt16(at + 1, true);
    check(cb >= 0 && at + 3 + cb <= end);
    grpprls.push({ from: at + 3, to: at + 3 + cb });
    at += 3 + cb;
  }
  check(at + 5 <= end && t[at] === 2);
  const lcb = tv.getUint32(at + 1, true);
  const plc = at + 5;
  check(plc + lcb <= end && lcb >= 16 && (lcb - 4) % 12 === 0);
  const n = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  // A document's pieces are its own bytes, each once: more than the stream holds is a hostile table
  // (pieces overlapping, to be read again and again), refused before it is read.
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const cpStart = tv.getUint32(plc + 4 * i, true), cpEnd = tv.getUint32(plc + 4 * i + 4, true);
    check(cpStart <= cpEnd);
    const pcd = plc + 4 * (n + 1) + 8 * i;
    const fc = tv.getUint32(pcd + 2, true);
    // FcCompressed: bit 30 set, the piece is 8-bit text at half the offset.
    const compressed = (fc & 0x40000000) !== 0;
    const width = compressed ? 1 : 2;
    const start = compressed ? (fc & 0x3fffffff) / 2 : fc & 0x3fffffff;
    bytes += (cpEnd - cpStart) * width;
    check(Number.isInteger(start) && start + (cpEnd - cpStart) * width <= w.length && bytes <= w.length);
    pieces.push({ cpStart, cpEnd, at: start, width, prm: tv.getUint16(pcd + 6, true) });
  }

  // The paragraphs' and the characters' properties: PlcBtePapx (pair 13) and PlcBteChpx (pair 12) list
  // 512-byte pages (FKPs) of the WordDocument stream, each mapping ranges of stream offsets (a
  // paragraph's bytes up to its mark; a run of characters) to a grpprl.
  const bins = (pair: number, entry: number, grpprlAt: (at: number) => { from: number; to: number }) => {
    const bte = fcLcb(pair);
    // None at all: no properties (every paragraph outside tables; a writer that leaves them out).
    check(inTable(bte) && (bte.lcb === 0 || (bte.lcb >= 4 && (bte.lcb - 4) % 8 === 0)));
    const pages = Math.max(0, (bte.lcb - 4) / 8);
    check(pages <= w.length / 512);
    const runs: PropsRun[] = [];
    for (let i = 0; i < pages; i++) {
      const page = (tv.getUint32(bte.fc + 4 * (pages + 1) + 4 * i, true) & 0x3fffff) * 512;
      check(page + 512 <= w.length);
      const crun = w[page + 511];
      check(4 * (crun + 1) + entry * crun <= 511);
      for (let k = 0; k < crun; k++) {
        const props: Props = {};
        // The first byte of each entry: where its properties are in the page, in 2-byte words (0: none).
        const offset = w[page + 4 * (crun + 1) + entry * k] * 2;
        if (offset > 0) {
          const { from, to } = grpprlAt(page + offset);
          readSprms(w, from, Math.min(to, page + 511), props, data);
        }
        runs.push({ fcStart: wv.getUint32(page + 4 * k, true), fcEnd: wv.getUint32(page + 4 * k + 4, true), props });
      }
    }
    return runs;
  };
  // PapxInFkp: a count of 2-byte words (or 0 and the count in the next byte), the style (2 bytes), the grpprl.
  const paragraphs = bins(13, 13, (at) => {
    const cb = w[at];
    const from = at + (cb ? 1 : 2);
    return { from: from + 2, to: from + (cb ? 2 * cb - 1 : 2 * w[at + 1]) };
  });
  // Chpx: a count of bytes, the grpprl.
  const characters = bins(12, 1, (at) => ({ from: at + 1, to: at + 1 + w[at] }));

  /** The properties that `runs` and the piece's Prm give the character at `cp` of `piece`. */
  function propsAt(runs: PropsRun[], piece: Piece, cp: number): Props {
    const fc = piece.at + (cp - piece.cpStart) * piece.width;
    let lo = 0, hi = runs.length - 1;
    let props: Props = {};
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].fcEnd <= fc) lo = mid + 1;
      else if (runs[mid].fcStart > fc) hi = mid - 1;
      else { props = { ...runs[mid].props }; break; }
    }
    // A piece's Prm may set properties for all its text (a fast save): a Prm0 holds one of a short list
    // of sprms (isprm 0x18 sprmPFInTable, 0x19 sprmPFTtp, 0x41 sprmCFRMarkDel), a Prm1 names one of the Clx's grpprls.
    if (piece.prm & 1) {
      const g = grpprls[piece.prm >> 1];
      if (g) readSprms(t, g.from, g.to, props, data);
    } else {
      const isprm = piece.prm >> 1 & 0x7f, on = piece.prm >> 8 !== 0;
      if (isprm === 0x18) props.inTable = on;
      else if (isprm === 0x19) props.ttp = on;
      else if (isprm === 0x41) props.deleted = on;
    }
    return props;
  }

  // Text boxes: PlcSpaMom (pair 40) gives the main text's shape anchors (each a U+0008) and their shapes'
  // ids; PlcftxbxTxt (pair 56) the text boxes' ranges of their story and the ids of their shapes. Read
  // leniently: without them, the boxes' text follows the body.
  const entries = (pair: number, size: number) => {
    const { fc, lcb } = fcLcb(pair);
    const n = (lcb - 4) / (4 + size);
    if (lcb < 4 || !Number.isInteger(n) || !inTable({ fc, lcb })) return [];
    return Array.from({ length: n }, (_, i) => ({ cp: tv.getUint32(fc + 4 * i, true), next: tv.getUint32(fc + 4 * i + 4, true), at: fc + 4 * (n + 1) + size * i }));
  };
  const anchors = new Map(entries(40, 26).map((a) => [a.cp, tv.getInt32(a.at, true)]));
  // The last FTXBXS, and any marked reusable (fReusable, 2 bytes after 8), hold no text box.
  const boxes = new Map(entries(56, 22).slice(0, -1).filter((b) => !(tv.getUint16(b.at + 8, true) & 1))
    .map((b) => [tv.getInt32(b.at + 14, true), { from: b.cp, to: b.next }]));

  return {
    word, pieces, ccp, anchors, boxes,
    /** Where the paragraph whose mark is at `cp` stands in a table. */
    paragraphAt: (piece: Piece, cp: number) => propsAt(paragraphs, piece, cp),
    /**
     * The properties of the character at `cp`: whether a tracked change deleted it (Word shows it struck
     * through, or not at all), it is hidden, or it stands for a picture or an object (sprmCFSpec).
     */
    charAt: (piece: Piece, cp: number) => propsAt(characters, piece, cp),
    /** Whether the drawn object anchored at `cp` is a text box (whose text is read, not shown as a picture). */
    isBox: (cp: number) => boxes.has(anchors.get(cp) ?? NaN),
  };
}

/** A paragraph mark's place: the text before it, what it ends, and how deep in tables. */
interface Unit { runs: Run[]; ends: 'paragraph' | 'cell' | 'row'; depth: number; mark: number; edges?: number[]; merged?: boolean[] }

/** An 8-bit piece's characters: cp1252 ([MS-DOC] 2.4.1), each byte one character. */
const CP1252 = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));

/** Deeper tables than this are no report's: read as the deepest. */
const MAX_DEPTH = 16;

/**
 * An open field: past its separator (U+0014) or still in its code, which begins with its instruction;
 * whether its code holds an object; whether its picture is shown (or is no picture of its own).
 */
interface Field { result: boolean; instruction: string; object: boolean; shown: boolean }
/** Enough of a field's instruction to know an embedded object's (`EMBED Excel.Sheet.8`). */
const INSTRUCTION = 8;
const EMBED = /^\s*EMBED\b/i;

/**
 * The characters of the stories [from, to) as units ending at each paragraph mark, each character
 * a run with where its bytes are in the file. Fields keep their result (what Word shows), not their
 * code; text a tracked change deleted and note marks go; a picture, a drawn object other than a text
 * box's anchor, and an embedded object (an EMBED field, whose code and result each hold its picture
 * character: one picture) are a picture line each; line, page and column breaks are line breaks.
 * `boxes`: the units of the text box anchored at a CP, read after the paragraph that holds the
 * anchor (after the table, if the anchor is in one).
 */
function units(doc: ReturnType<typeof openDoc>, from: number, to: number, boxes = new Map<number, Unit[]>()): Unit[] {
  const out: Unit[] = [];
  /** The text boxes anchored in the paragraph (or table) being read: after it. */
  let anchored: Unit[] = [];
  const w = doc.word;
  let runs: Run[] = [];
  // Superscript characters, kept apart until their run ends: a note's mark (5¹) is no part of the text.
  let raised: Run[] = [];
  const endRaised = () => {
    if (raised.length && !NOTE_MARK.test(raised.map((r) => r.text).join(''))) runs.push(...raised);
    raised = [];
  };
  const fields: Field[] = [];
  let inCode = 0;
  /** The CP after the last text box's anchor. */
  let afterBox = -1;
  for (const piece of doc.pieces) {
    const lo = Math.max(from, piece.cpStart), hi = Math.min(to, piece.cpEnd);
    for (let cp = lo; cp < hi; cp++) {
      // Text a tracked change deleted is not the report's (a row deleted goes with its cell marks).
      const chp = doc.charAt(piece, cp);
      if (chp.deleted) continue;
      const i = piece.at + (cp - piece.cpStart) * piece.width;
      const code = piece.width === 2 ? w.bytes[i] | (w.bytes[i + 1] << 8) : w.bytes[i];
      const start = w.fileOffset(i);
      const run = (text: string) => {
        const r = { text, start, end: start + piece.width, exact: false };
        if (chp.raised && text.length === 1 && text !== '\n') raised.push(r);
        else { endRaised(); runs.push(r); }
      };
      const picture = () => run(PICTURE_LINE);
      const field = fields[fields.length - 1];
      // LibreOffice follows a text box's anchor with a SHAPE field whose result draws the box for older
      // readers: the box's text is read, its drawing is no picture.
      if (code === 0x13) { fields.push({ result: false, instruction: '', object: false, shown: cp === afterBox }); inCode++; continue; }
      if (code === 0x14) { if (field && !field.result) { field.result = true; inCode--; } continue; }
      if (code === 0x15) {
        if (!field) continue;
        fields.pop();
        if (!field.result) inCode--;
        // An embedded object whose result shows no picture (Word had not drawn it): it is one all the same.
        if ((field.object || EMBED.test(field.instruction)) && !field.shown && inCode === 0) picture();
        continue;
      }
      if (code === 0x0d || code === 0x07) {
        const props = doc.paragraphAt(piece, cp);
        const depth = Math.min(props.itap || (props.inTable || code === 0x07 ? 1 : 0), MAX_DEPTH);
        const ends = code === 0x07 && depth <= 1 ? (props.ttp ? 'row' : 'cell')
          : depth >= 2 && props.innerTtp ? 'row' : depth >= 2 && props.innerCell ? 'cell' : 'paragraph';
        endRaised();
        out.push({ runs, ends, depth: Math.max(depth, code === 0x07 ? 1 : 0), mark: start, edges: props.edges, merged: props.merged });
        runs = [];
        if (out[out.length - 1].depth === 0) { out.push(...anchored); anchored = []; }
        continue;
      }
      if (code === 0x08 && doc.isBox(cp)) afterBox = cp + 1;
      if (code === 0x08 && boxes.has(cp)) { anchored.push(...boxes.get(cp)!); continue; }
      // A drawn object is a picture when it is one the document lists (PlcSpaMom: a SHAPE field's result
      // holds one that is not) and no text box.
      const special = (code === 0x01 || (code === 0x08 && doc.anchors.has(cp) && !doc.isBox(cp))) && chp.special === true;
      if (inCode > 0) {
        // The code of the innermost field (not of a field in another's code): its instruction, and whether it holds an object.
        if (field.result) continue;
        if (special) field.object = true;
        else if (field.instruction.length < INSTRUCTION && code >= 0x20) field.instruction += piece.width === 2 ? String.fromCharCode(code) : CP1252[code];
        continue;
      }
      if (special) {
        // A field's result shows its picture once (LibreOffice draws a shape with a U+0008 and a U+0001).
        if (!field?.shown) picture();
        if (field) field.shown = true;
        continue;
      }
      // Hidden text is not shown (a mark, a field's or an object's character keeps its part all the same).
      if (chp.hidden) continue;
      if (code === 0x0b || code === 0x0c || code === 0x0e) run('\n');
      else if (code === 0x09) run('\t');
      else if (code === 0x1e) run('-');
      else if (code >= 0x20) run(piece.width === 2 ? String.fromCharCode(code) : CP1252[code]);
    }
  }
  endRaised();
  if (runs.length) out.push({ runs, ends: 'paragraph', depth: 0, mark: runs[runs.length - 1].end });
  out.push(...anchored);
  return out;
}

/** A table cell as read: its paragraphs and the tables nested in it. */
interface Cell { items: Item[] }
/** A table row as read: its cells, and their edges and merges when Word wrote them. */
interface Row { cells: Cell[]; edges?: number[]; merged?: boolean[] }
type Item = { paragraph: Unit } | { table: Row[] };

/** The units as the document's tree: paragraphs, and tables of rows of cells that hold more of both. */
function tree(list: Unit[]): Item[] {
  const body: Item[] = [];
  const open: { rows: Row[]; row: Cell[]; cell: Cell }[] = [];
  const here = () => (open.length ? open[open.length - 1].cell.items : body);
  const close = () => {
    const t = open.pop()!;
    // A row Word did not end (a damaged file): kept as it is.
    if (t.cell.items.length) t.row.push(t.cell);
    if (t.row.length) t.rows.push({ cells: t.row });
    here().push({ table: t.rows });
  };
  for (const u of list) {
    while (open.length > u.depth) close();
    while (open.length < u.depth) open.push({ rows: [], row: [], cell: { items: [] } });
    const t = open[open.length - 1];
    if (u.ends === 'paragraph') here().push({ paragraph: u });
    else if (u.ends === 'cell') { t.cell.items.push({ paragraph: u }); t.row.push(t.cell); t.cell = { items: [] }; }
    else {
      // The row's end mark is a paragraph of its own, holding nothing of the row's text.
      if (t.cell.items.length) t.row.push(t.cell);
      t.rows.push({ cells: t.row, edges: u.edges, merged: u.merged });
      t.row = [];
      t.cell = { items: [] };
    }
  }
  while (open.length) close();
  return body;
}

/** A paragraph's text cut at its line breaks: a line of the draft each, and each picture a line of its own. */
function lines(runs: Run[]): Run[][] {
  const out: Run[][] = [[]];
  for (const r of runs) {
    if (r.text === PICTURE_LINE) out.push([r], []);
    else if (r.text === '\n') out.push([]);
    else out[out.length - 1].push(r);
  }
  return out;
}

/**
 * A cell's paragraphs as one run list, a line break between them (collapse() makes it a space, or nothing between Chinese).
 * A number typed over paragraphs (`12` ⏎ `3`, Enter pressed in a cell) in a cell that is not `merged` is one number, 123, as
 * in a web page's or a .docx's cell (html.ts's unbroken): a cell holds one number. Word keeps the text of each cell it merges
 * as a paragraph, so a merged cell's paragraphs (or a wide one's: merged across) may be two numbers, and stay apart.
 */
function cellRuns(cell: Cell, merged: boolean): Run[] {
  const paragraphs = cell.items.flatMap((item) => ('paragraph' in item ? [runsText(item.paragraph.runs).trim()] : []));
  const joined = !merged && paragraphs.length > 1 && paragraphs.every((p) => p === '' || /^\S+$/.test(p)) && NUMBER.test(paragraphs.join(''));
  const out: Run[] = [];
  for (const item of cell.items) {
    if (!('paragraph' in item)) continue;
    if (out.length && !joined) out.push({ text: '\n', start: item.paragraph.mark, end: item.paragraph.mark, exact: false });
    // A picture in a table's cell (a logo, a stamp) is no line of the draft, as a web page's is not (html.ts).
    out.push(...item.paragraph.runs.filter((r) => r.text !== PICTURE_LINE));
  }
  return out;
}

/** Edges closer than this (twips: 1 pt) are one: rows drawn by hand seldom line up exactly. */
const SAME_EDGE = 20;
/** No report's table has this many columns: a table whose edges make more is not spread over a grid (a hostile one would make millions). */
const MAX_COLUMNS = 64;

/**
 * The table as a full grid, as blocks.ts wants it: Word writes a cell merged across columns as one
 * wider cell, which covers the grid's columns between its edges (as a web page's colspan does); the
 * grid's columns are every row's edges. A row whose edges are not its cells' stays as its cells are.
 * (A cell merged down is an empty cell in each row below: the text holds it, as a covered position.)
 */
function grid(table: Row[]): GridCell[][] {
  const columns: number[] = [];
  for (const x of [...new Set(table.flatMap((r) => r.edges ?? []))].sort((a, b) => a - b)) {
    if (!columns.length || x - columns[columns.length - 1] > SAME_EDGE) columns.push(x);
  }
  /** The grid column an edge is at: the last column edge at or before it. */
  const column = (x: number) => {
    let lo = 0, hi = columns.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (columns[mid] <= x) lo = mid; else hi = mid - 1; }
    return lo;
  };
  return table.map(({ cells, edges, merged }) => {
    const known = edges?.length === cells.length + 1 && columns.length <= MAX_COLUMNS + 1;
    const wide = (i: number) => known && column(edges[i + 1]) - column(edges[i]) > 1;
    const read: GridCell[] = cells.map((cell, i) => ({ covered: false, runs: cellRuns(cell, !!merged?.[i] || wide(i)) }));
    if (!known) return read;
    const out: GridCell[] = Array.from({ length: column(edges[0]) }, () => ({ covered: true }));
    read.forEach((cell, i) => {
      out.push(cell);
      for (let k = column(edges[i]) + 1; k < column(edges[i + 1]); k++) out.push({ covered: true });
    });
    return out;
  });
}

/**
 * The tree as blocks. A table that lays the page out (it holds a table, or has one column, or a cell
 * holds the article) is read as the paragraphs and tables in its cells, as web pages' are (html.ts).
 */
function blocksOf(items: Item[], out: Block[] = []): Block[] {
  for (const item of items) {
    if ('paragraph' in item) {
      for (const line of lines(item.paragraph.runs)) out.push({ kind: 'paragraph', runs: line });
      continue;
    }
    const rows = grid(item.table);
    const layout = item.table.some((row) => row.cells.some((cell) => cell.items.some((i) => 'table' in i)))
      || item.table.every((row) => row.cells.length <= 1) || holdsArticle(rows);
    if (layout) for (const row of item.table) for (const cell of row.cells) blocksOf(cell.items, out);
    else out.push({ kind: 'table', rows });
  }
  return out;
}

/**
 * The document's blocks, each character's run with its offset in the file (a test changes a digit
 * there); or why it cannot be read. A table drawn in a text box is in a story of its own (after the
 * notes and headers): each box is read where it is anchored; boxes whose anchor is not known, after the body.
 */
export function readDoc(file: Uint8Array): { blocks: Block[] } | { refused: Said } {
  try {
    const doc = openDoc(file);
    const [text, ftn, hdd, mcr, atn, edn, txbx] = doc.ccp;
    const story = text + ftn + hdd + mcr + atn + edn;
    const placed = new Map<number, Unit[]>();
    const left = new Map(doc.boxes);
    for (const [cp, shape] of doc.anchors) {
      const box = left.get(shape);
      if (!box || box.from > box.to || box.to > txbx) continue;
      placed.set(cp, units(doc, story + box.from, story + box.to));
      left.delete(shape);
    }
    // No box placed: the whole story (its boxes' ranges unknown); else the boxes left, in order.
    const rest = placed.size === 0 ? units(doc, story, story + txbx)
      : [...left.values()].filter((b) => b.from <= b.to && b.to <= txbx).flatMap((b) => units(doc, story + b.from, story + b.to));
    const list = [...units(doc, 0, text, placed), ...rest];
    return { blocks: blocksOf(tree(list)) };
  } catch (e) {
    if (e instanceof Stopped) return { refused: e.why };
    // The container is damaged: which way does not help the user.
    if (e instanceof CfbError) return { refused: BROKEN };
    throw e;
  }
}

/** A .doc's report as draft text, or why there is none. */
export function importDoc(file: Uint8Array): ImportResult {
  const read = readDoc(file);
  if ('refused' in read) return read;
  const { text } = renderBlocks(read.blocks);
  return hasText(text) ? { text } : { refused: NO_TEXT };
}
