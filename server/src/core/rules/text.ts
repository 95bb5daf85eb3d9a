import { MISSPELLINGS } from '../format/laws';
import { tableSpec } from '../format/statute';
import { predatesStatutoryFormat } from '../format/years';
import { eachCell, type Cell, type Table } from '../model';
import { isHanZero } from '../parse/values';
import { type LineIndex } from '../lineIndex';
import { matchesOf, toHalfWidth } from '../strings';
import { cellName } from './names';
import type { Check, RawFinding, TextEdit } from './types';

// ---- cells: units, full-width digits ----------------------------------------------------------

/** A decimal string divided by 10,000 without float noise: “3000” → “0.3”. */
function tenThousandths(number: string): string {
  const [int, frac = ''] = number.split('.');
  const padded = int.padStart(5, '0');
  const digits = (padded.slice(-4) + frac).replace(/0+$/, '');
  return padded.slice(0, -4).replace(/^0+(?=\d)/, '') + (digits ? '.' + digits : '');
}

function cellChecks(table: Table, idx: LineIndex): RawFinding[] {
  const out: RawFinding[] = [];
  // The findings are built apart, for the few cells that have them: a closure among them would
  // make V8 allocate a context on every visit, for every cell.
  eachCell(table, (cell, row, col) => { if (cell.unit || cell.nonstandard) out.push(...cellFindings(table, idx, cell, row, col)); });
  return out;
}

/** The findings on a cell written with a unit, full-width digits or a thousands separator. */
function cellFindings(table: Table, idx: LineIndex, cell: Cell, row: string, col: string): RawFinding[] {
  const out: RawFinding[] = [];
  const spec = tableSpec(table.version, table.key);
  const where = cellName(table, row, col);
  const { raw } = cell;
  if (cell.unit) {
    const number = raw.slice(0, raw.length - cell.unit.length).trimEnd();
    const end = idx.offset(cell.range.end);
    const header = spec.columns.find((c) => c.key === col)?.header ?? '';
    const inTenThousands = header.includes('万元') && cell.unit === '元';
    const want = inTenThousands ? tenThousandths(toHalfWidth(number).replace(/,/g, '').replace(/^\+/, '')) : number;
    out.push({
      code: 'cell-unit', range: idx.range(end - cell.unit.length, end),
      message: inTenThousands
        ? { zh: `${where.zh}写的是“${raw}”，而本列以万元为单位：应填 ${want}。`, en: `${where.en} holds “${raw}” but the column is in 万元 (ten thousand yuan): write ${want}.` }
        : { zh: `${where.zh}的“${raw}”带了单位“${cell.unit}”：表内只填数字，应为“${want}”。`, en: `${where.en}: “${raw}” carries the unit “${cell.unit}”; table cells hold the number only (“${want}”).` },
      fix: { title: inTenThousands ? { zh: `改为 ${want}（万元）`, en: `Change to ${want} (万元)` } : { zh: `去掉单位，改为“${want}”`, en: `Remove the unit: “${want}”` }, edits: [{ range: cell.range, newText: want }] },
    });
  }
  if (cell.nonstandard) {
    const zero = isHanZero(raw.trim());
    const want = zero ? '0' : toHalfWidth(raw).replace(/,/g, '');
    const what = zero ? { zh: '用了汉字', en: 'is written as a Chinese numeral' }
      : /[０-９．－＋]/.test(raw)
        ? { zh: '用了全角数字', en: 'is written with full-width digits' }
        : { zh: '用了千位分隔符', en: 'has a thousands separator' };
    out.push({
      code: 'cell-fullwidth', range: cell.range,
      message: { zh: `${where.zh}的“${raw}”${what.zh}，应写作“${want}”。`, en: `${where.en}: “${raw}” ${what.en}; write “${want}”.` },
      fix: { title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ range: cell.range, newText: want }] },
    });
  }
  return out;
}

// ---- statute names ------------------------------------------------------------------------------

const byLength = [...MISSPELLINGS].sort((a, b) => b.wrong.length - a.wrong.length);
const MISSPELT = new RegExp(byLength.map((m) => m.wrong).join('|'), 'g');

function statuteNames(text: string, idx: LineIndex): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesOf(MISSPELT, text)) {
    const name = byLength.find((n) => n.wrong === m[0])!;
    const range = idx.range(m.index!, m.index! + m[0].length);
    out.push({
      code: 'statute-name', range,
      message: {
        zh: `名称写错了：“${name.wrong}”应为“${name.right}”（${name.law.startsWith('中华人民共和国') && name.law.length > 7 ? `《${name.law}》` : name.law}）。`,
        en: `Misspelt name: “${name.wrong}” should be “${name.right}”.`,
      },
      fix: { title: { zh: `改为“${name.right}”`, en: `Change to “${name.right}”` }, edits: [{ range, newText: name.right }] },
    });
  }
  return out;
}

// ---- conversion artifacts -----------------------------------------------------------------------

interface Artifact {
  start: number;
  end: number;
  what: { zh: string; en: string };
  /** How to remove it: delete the span (with one adjacent space), these edits, or nothing (a lost character). */
  fix: 'delete' | 'none' | { start: number; end: number; text: string }[];
}

/** The artifact's span widened by one adjacent space, so that deleting it leaves no double blank. */
function withSpace(text: string, start: number, end: number): { start: number; end: number } {
  if (text[end] === ' ') return { start, end: end + 1 };
  if (text[start - 1] === ' ') return { start: start - 1, end };
  return { start, end };
}

/** The end of `close` after `at` on the same line, within `max` characters; -1 when there is none. */
function closed(text: string, at: number, close: string, max: number): number {
  const stop = Math.min(text.length, at + max);
  for (let i = at; i < stop; i++) {
    if (text[i] === '\n') return -1;
    if (text.startsWith(close, i)) return i + close.length;
  }
  return -1;
}

/** The `[` that opens the span ending just before `at` on the same line, within 200 characters. */
function opening(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= 200; i--) {
    if (text[i] === '[') return i;
    if (text[i] === '\n' || text[i] === ']') return -1;
  }
  return -1;
}

const ESCAPABLE = '*_[]#.-()>!+`|{}~<';
const ATTRIBUTES = /^\{[.#][\w\-.#=" ]*\}$/;

function artifacts(text: string): Artifact[] {
  const found: Artifact[] = [];
  const each = (needle: string, visit: (at: number) => number) => {
    let at = text.indexOf(needle);
    while (at >= 0) at = text.indexOf(needle, Math.max(at + 1, visit(at)));
  };
  each('[bookmark:', (at) => {
    const end = closed(text, at, ']', 120);
    if (end > 0) found.push({ start: at, end, what: { zh: 'Word 书签标记', en: 'a Word bookmark' }, fix: 'delete' });
    return end;
  });
  each('<!--', (at) => {
    const end = closed(text, at, '-->', 200);
    if (end > 0) found.push({ start: at, end, what: { zh: 'HTML 注释', en: 'an HTML comment' }, fix: 'delete' });
    return end;
  });
  each('{', (at) => {
    const c = text[at + 1];
    if (c !== '.' && c !== '#') return at + 1;
    const end = closed(text, at, '}', 80);
    if (end < 0 || !ATTRIBUTES.test(text.slice(at, end))) return at + 1;
    const what = { zh: '格式标记', en: 'markup' };
    // Pandoc writes [文字]{.underline} and []{#_Toc123 .anchor}: keep the words, drop the brackets.
    if (text[at - 1] === ']') {
      const open = opening(text, at - 1);
      if (open >= 0) {
        found.push(open === at - 2
          ? { start: open, end, what, fix: 'delete' }
          : { start: open, end, what, fix: [{ start: open, end: open + 1, text: '' }, { start: at - 1, end, text: '' }] });
        return end;
      }
    }
    found.push({ start: at, end, what, fix: 'delete' });
    return end;
  });
  each('\\', (at) => {
    if (!ESCAPABLE.includes(text[at + 1] ?? '\n')) return at + 1;
    let end = at;
    while (text[end] === '\\' && ESCAPABLE.includes(text[end + 1] ?? '\n')) end += 2;
    const run = text.slice(at, end);
    // Escaped emphasis (\*\*) marked nothing in the original: drop it; otherwise keep the character.
    const emphasis = /^(?:\\[*_])+$/.test(run);
    const what = { zh: '转义符', en: 'escape characters' };
    found.push({ start: at, end, what, fix: emphasis ? 'delete' : [{ start: at, end, text: run.replace(/\\(.)/g, '$1') }] });
    return end;
  });
  each('\uFFFD', (at) => {
    found.push({ start: at, end: at + 1, what: { zh: '乱码字符“\uFFFD”', en: 'the replacement character “\uFFFD”' }, fix: 'none' });
    return at + 1;
  });
  found.sort((a, b) => a.start - b.start);
  return found.filter((a, i) => i === 0 || a.start >= found[i - 1].end);
}

function conversion(text: string, idx: LineIndex): RawFinding[] {
  return artifacts(text).map((a): RawFinding => {
    const span = text.slice(a.start, a.end);
    const range = idx.range(a.start, a.end);
    if (a.fix === 'none') {
      return {
        code: 'conversion-artifact', range,
        message: { zh: `这里有文档转换时丢失文字留下的${a.what.zh}，请对照原文补上。`, en: `Here is ${a.what.en}, where a character was lost in conversion; restore it from the original.` },
      };
    }
    if (a.fix === 'delete') {
      const { start, end } = withSpace(text, a.start, a.end);
      return {
        code: 'conversion-artifact', range,
        message: { zh: `“${span}”是文档转换留下的${a.what.zh}，不是报告内容，应删去。`, en: `“${span}” is left over from document conversion (${a.what.en}); delete it.` },
        fix: { title: { zh: '删去', en: 'Delete it' }, edits: [{ range: idx.range(start, end), newText: '' }] },
      };
    }
    // Keep the words: “[严格遵守]{.underline}” → “严格遵守”, “1\\.” → “1.”.
    let kept = '', at = a.start;
    for (const e of a.fix) { kept += text.slice(at, e.start) + e.text; at = e.end; }
    kept += text.slice(at, a.end);
    const edits: TextEdit[] = a.fix.map((e) => ({ range: idx.range(e.start, e.end), newText: e.text }));
    return {
      code: 'conversion-artifact', range,
      message: { zh: `“${span}”里有文档转换留下的${a.what.zh}，应写作“${kept}”。`, en: `“${span}” carries ${a.what.en} left over from document conversion; it should read “${kept}”.` },
      fix: { title: { zh: `改为“${kept}”`, en: `Change to “${kept}”` }, edits },
    };
  });
}

export const textChecks: Check = {
  rules: [
    {
      code: 'cell-unit', severity: 'warning',
      title: { zh: '表格内写了单位', en: 'A unit inside a table cell' },
      description: {
        zh: '表格的格子里只填数字，单位由表头注明（如“本年收费金额（单位：万元）”）。“373.91万元”虽然能读出数字，但不合表样；以“元”填在万元列里则数字差了一万倍。快速修复去掉单位（元换算为万元）。',
        en: 'Cells hold numbers only; the header gives the unit. The quick fix removes the unit (and converts 元 to 万元 in a 万元 column).',
      },
    },
    {
      code: 'cell-fullwidth', severity: 'information',
      title: { zh: '表格数字用了全角字符、汉字零或千位分隔符', en: 'Full-width digits, a Chinese zero or a thousands separator in a table cell' },
      description: {
        zh: '表格数字应使用半角阿拉伯数字，不加千位分隔符（“１２”“〇”“1,234”应写作“12”“0”“1234”）。检查仍按数字核对；快速修复改为半角阿拉伯数字。',
        en: 'Table numbers use ASCII digits without thousands separators (“１２”, “〇”, “1,234” are written 12, 0, 1234). They are still read and checked; the quick fix normalises them.',
      },
    },
    {
      code: 'statute-name', severity: 'warning',
      title: { zh: '法律法规名称写错', en: 'A misspelt name of a law' },
      description: {
        zh: '报告常引用的法律法规名称的常见错写，如“保守价格秘密法”（应为保守国家秘密法）、“政府信息公开条列”（应为条例）。只检查已知的错写，快速修复改为正确名称。',
        en: 'Known misspellings of the laws reports cite, such as 保守价格秘密法 for 保守国家秘密法. Only listed misspellings are reported; the quick fix writes the right name.',
      },
    },
    {
      code: 'conversion-artifact', severity: 'warning',
      title: { zh: '文档转换留下的标记', en: 'Leftovers of document conversion' },
      description: {
        zh: '从 Word 或网页转换时留下的标记，如“[bookmark: _GoBack]”、“<!-- -->”、“{.underline}”、“\\*\\*”，以及转换时丢失文字留下的乱码“\uFFFD”。快速修复删去标记（乱码须对照原文补上）。',
        en: 'Markup left by converting from Word or the web: [bookmark: _GoBack], <!-- -->, {.underline}, \\*\\*, and “\uFFFD” where a character was lost. The quick fix deletes the markup.',
      },
    },
  ],
  run({ report, text, idx }) {
    const out: RawFinding[] = [];
    if (!predatesStatutoryFormat(report.year)) for (const t of Object.values(report.tables)) out.push(...cellChecks(t!, idx));
    out.push(...statuteNames(text, idx), ...conversion(text, idx));
    return out;
  },
};

