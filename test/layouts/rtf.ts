import type { TableKey } from '../../server/src/core/format/schema';
import type { Figures } from './figures';
import { rowspans } from './html';
import { PNG } from './pictures';
import { reportParts } from './render';
import { random } from './typeset';
import { starts, wordTable, type WordTable } from './word';

// A report as RTF, as Word and WPS save it: the document's code page 936 (GBK), its Chinese text as
// \'xx\'xx byte pairs or as \uN characters (with stand-ins for readers that know no Unicode, \ucN), a
// font table, a style sheet and the file's properties (whose text is no report's), and the statutory
// tables with the template's merged cells: across as one wide cell (Word) or as \clmgf/\clmrg cells
// (WPS, older writers), down as \clvmgf/\clvmrg; each row's definition before its cells, or before and after.

export interface RtfStyle {
  /** How Chinese text is written: GBK bytes (\'b1\'a8), \uN? (\uc1), or \uN with its GBK bytes as the stand-ins (\uc2, Word's way). */
  chinese: 'gbk' | 'u' | 'u-gbk';
  /** Cells merged across as one wide cell, or as a first cell and the cells merged into it (\clmgf, \clmrg). */
  across: 'wide' | 'clmgf';
  /** Labels and headers in a list, as Word writes a list item's number for readers that know no lists: {\listtext\pard…} (its paragraph properties its group's own). */
  lists?: boolean;
  /** Each table in the one cell of a layout table, as Word writes a nested table: its paragraphs \itap2, its cells ended by \nestcell, its rows by \nestrow after their definition in \*\nesttableprops, and a \nonesttables fallback. */
  nested?: boolean;
  /** A row's definition written again after its cells, before \row (Word 2002 and later). */
  defsAfter?: boolean;
  /** A hidden digit (\v) after every table 3 number: a reader that shows it misreads the cell. */
  hidden?: boolean;
  /** A footnote on every table 4 number, the note a small table of its own: neither its text nor its table is the cell's. */
  notes?: boolean;
  /** Tables that are pictures (\*\shppict{\pict…} and its \nonshppict fallback), and a small logo; `bin`: their data as \binN bytes. */
  pictures?: TableKey[];
  bin?: boolean;
}

let gbk: Map<string, string> | undefined;
/** Each character GBK has, as its bytes written \'xx\'xx: the table built by decoding every two-byte code. */
function gbkOf(ch: string): string | undefined {
  if (!gbk) {
    gbk = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = decoder.decode(Uint8Array.of(a, b));
        if (c.length === 1 && c !== '\ufffd' && !gbk.has(c)) gbk.set(c, `\\'${a.toString(16)}\\'${b.toString(16)}`);
      }
    }
  }
  return gbk.get(ch);
}

/** Text as RTF writes it in `chinese`'s way. */
export function rtfText(s: string, chinese: RtfStyle['chinese']): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (code < 0x80) out += ch;
    else {
      const bytes = gbkOf(ch);
      const u = code > 0x7fff ? code - 65536 : code;
      if (chinese === 'gbk' && bytes) out += bytes;
      else if (chinese === 'u-gbk' && bytes) out += `\\uc2\\u${u}${bytes}`;
      else out += `\\uc1\\u${u}?`;
    }
  }
  return out;
}

const TWIPS = 9000;

function tableRtf(table: WordTable, next: () => number, style: RtfStyle): string {
  const spans = rowspans(table);
  const step = Math.floor(TWIPS / table.width);
  // The top cell of each merge down, by the grid column it starts at, for the parts under it.
  const rows = table.rows.map((row) => {
    const xs = starts(row);
    const defs: string[] = [], cells: string[] = [];
    row.cells.forEach((c, i) => {
      const down = c.below ? '\\clvmrg' : (spans.get(c) ?? 1) > 1 ? '\\clvmgf' : '';
      const columns = style.across === 'wide' ? [c.span] : Array.from({ length: c.span }, () => 1);
      let x = xs[i];
      columns.forEach((w, k) => {
        const merge = columns.length > 1 ? (k === 0 ? '\\clmgf' : '\\clmrg') : '';
        x += w;
        defs.push(`${merge}${down}\\clvertalc\\clbrdrt\\brdrs\\brdrw10 \\clbrdrl\\brdrs\\brdrw10 \\cellx${x * step}`);
        let content = '';
        if (k === 0 && !c.below) {
          if (c.kind === 'value') {
            const t = c.text, cut = t.length > 1 && next() < 0.4 ? 1 + Math.floor(next() * (t.length - 1)) : t.length;
            content = [t.slice(0, cut), t.slice(cut)].filter(Boolean).map((s) => `{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\f0\\fs21\\insrsid${1000 + Math.floor(next() * 9000)} ${s}}`).join('')
              + (style.hidden && table.key === 't3' && t !== '' ? '{\\v 9}' : '')
              + (style.notes && table.key === 't4' && t !== '' ? `{\\super\\chftn}{\\footnote \\pard\\plain {\\super\\chftn} \\trowd\\cellx2000\\cellx4000 \\pard\\intbl 9\\cell 9\\cell\\row \\pard ${rtfText('注：单位为件', style.chinese)}\\par}` : '');
          } else content = (style.lists && (c.kind === 'label' || c.kind === 'head') ? '{\\listtext\\pard\\plain \\ltrpar \\f1 \\tab}' : '') + c.lines.map((l) => `{\\f1 ${rtfText(l, style.chinese)}}`).join('\\par ');
        }
        cells.push(`\\pard\\plain \\ltrpar\\qc \\li0\\ri0\\intbl${style.nested ? '\\itap2' : ''} ${content}${style.nested ? '\\nestcell' : '\\cell'} `);
      });
    });
    const def = `\\trowd \\irow0\\irowband0\\ltrrow\\ts11\\trgaph108\\trleft0 ${defs.join('')}`;
    if (style.nested) return `${cells.join('\n')}\n\\pard\\plain \\intbl\\itap2 {\\*\\nesttableprops ${def}\\nestrow }{\\nonesttables \\par }\n`;
    return `${def}\n${cells.join('\n')}\n${style.defsAfter ? `\\pard\\plain \\intbl {${def}\\row }` : '\\row '}\n`;
  }).join('');
  if (!style.nested) return rows;
  const outer = '\\trowd \\ltrrow\\trgaph108\\trleft0 \\cellx9500';
  return `${outer}\n\\pard\\plain \\intbl\\itap1 ${rows}\\pard\\plain \\intbl\\itap1 \\cell \\pard\\plain \\intbl\\itap1 {${outer}\\row }\n`;
}

function pictureRtf(width: number, height: number, bin: boolean): string {
  // Binary data may hold any byte: braces, backslashes, text.
  const junk = '}}}}\\par 999\\par {{{{\\';
  const data = bin ? `\\bin${PNG.length + junk.length} ${PNG.toString('latin1')}${junk}` : PNG.toString('hex');
  return `{\\*\\shppict{\\pict{\\*\\picprop\\shplid1025{\\sp{\\sn shapeType}{\\sv 75}}}\\picscalex100\\picscaley100\\picw100\\pich100\\picwgoal${width}\\pichgoal${height}\\pngblip ${data}}}`
    + `{\\nonshppict{\\pict\\picscalex100\\picscaley100\\picwgoal${width}\\pichgoal${height}\\wmetafile8 0100090000036e}}`;
}

/** The report as RTF bytes (all ASCII: its Chinese text is escaped). */
export function renderRtf(f: Figures, style: RtfStyle): Buffer {
  const next = random(3);
  const t = (s: string) => rtfText(s, style.chinese);
  const head = `{\\rtf1\\adeflang1025\\ansi\\ansicpg936\\uc2\\adeff0\\deff0\\stshfdbch13\\deflang1033\\deflangfe2052`
    + `{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}{\\f1\\fnil\\fcharset134\\fprq2 ${t('仿宋')};}{\\f13\\fbidi \\fnil\\fcharset134\\fprq2{\\*\\panose 02010600030101010101}${t('宋体')}{\\*\\falt SimSun};}}`
    + '{\\colortbl;\\red0\\green0\\blue0;}'
    + `{\\stylesheet{\\ql \\li0\\ri0\\widctlpar\\f13\\fs21 \\snext0 Normal;}{\\s2\\ql \\outlinelevel1 \\sbasedon0 \\snext0 heading 2;}{\\*\\cs10 \\additive \\ssemihidden Default Paragraph Font;}}`
    + `{\\*\\generator Microsoft Word 16.0;}{\\info{\\title ${t('某某镇2020年政府信息公开工作年度报告（草稿，表中数字999）')}}{\\author admin}{\\creatim\\yr2024\\mo1\\dy2}}`
    + '{\\*\\rsidtbl \\rsid1234\\rsid5678}\\paperw11906\\paperh16838\\margl1800\\margr1800 \\sectd \\linex0\\sectdefaultcl\n';
  const header = `{\\header \\pard\\plain \\qc ${t('某某镇人民政府 999')}\\par}{\\footer \\pard\\plain \\qc - 1 -\\par}\n`;
  let body = '';
  for (const p of reportParts(f)) {
    if (p.kind === 'table') {
      body += style.pictures?.includes(p.key) ? `\\pard\\plain \\qc ${pictureRtf(9000, 6000, !!style.bin)}\\par\n` : tableRtf(wordTable(f, p.key), next, style);
    } else if (p.kind === 'title') {
      if (style.pictures) body += `\\pard\\plain \\qc ${pictureRtf(600, 600, false)}\\par\n`;
      body += `\\pard\\plain \\qc {\\b\\f1\\fs44 ${t(p.text)}}\\par\n`;
    } else if (p.kind === 'heading') body += `\\pard\\plain \\s2\\ql \\outlinelevel1 {\\f1\\fs32 ${t(p.text)}}\\par\n`;
    else body += `\\pard\\plain \\ql \\fi640 {\\f1\\fs32 ${t(p.text)}}{\\*\\bkmkstart _Toc1}{\\*\\bkmkend _Toc1}\\par\n`;
  }
  return Buffer.from(`${head}${header}${body}}`, 'latin1');
}
