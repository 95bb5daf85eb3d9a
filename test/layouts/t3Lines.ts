import { tableSpec } from '../../server/src/core/format/statute';
import type { Figures } from './figures';
import { renderReport, renderTable, type Style } from './render';

// Table 3 written a row a line, each figure after the words of its column (（一）予以公开：自然人5件，商业企业0件，
// 科研机构0件，社会公益组织0件，法律服务机构0件，其他0件，总计5件。), as township reports whose web editor lost the
// table give it: the same whole report as renderReport's, tables 2 and 4 tab-separated, table 3 in one of these shapes.

export type T3LinesShape =
  /** 一、本年新收政府信息公开申请数量：自然人5件，商业企业0件，…，总计5件。 — the statute's labels, group labels on lines of their own. */
  | 'colon'
  /** （一）予以公开 自然人5、商业企业0、…、总计5 — no colon, no unit, parted by 、. */
  | 'bare'
  /** （一）予以公开：自然人5件，总计5件。 — the columns at zero left out (not written, so not read as zero). */
  | 'nonzero'
  /** （一）予以公开5件，其中：自然人5件，商业企业0件，…。 — the total first, without its word, then a 其中 list. */
  | 'qizhong'
  /** (1)予以公开：合计5件，自然人5件，企业0件，科研机构0件，公益组织0件，法律服务机构0件，其他组织0件 — other numbering, short and reordered words, no full stop. */
  | 'short'
  /** 本年新收政府信息公开申请数量：自然人申请12件，法人或其他组织申请1件，共13件。 — the five columns under 法人或其他组织 as their sum. */
  | 'legal-group';

export const T3_LINES_SHAPES: T3LinesShape[] = ['colon', 'bare', 'nonzero', 'qizhong', 'short', 'legal-group'];

/** The shapes that write every cell of every row by its own column: a changed cell can be pinpointed. */
export const T3_LINES_WHOLE: T3LinesShape[] = ['colon', 'bare', 'qizhong', 'short'];

const COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];
const FULL: Record<string, string> = { natural: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', other: '其他', total: '总计' };
const SHORT: Record<string, string> = { ...FULL, commercial: '企业', nonprofit: '公益组织', other: '其他组织', total: '合计' };
const LEGAL = COLS.slice(1, 6);

/** A label's numbering in the short shape: 一、→一. （一）→(1) 1.→1、 */
function renumber(label: string): string {
  return label
    .replace(/^（([一二三四五六七八九十])）/, (_, n: string) => `(${'一二三四五六七八九十'.indexOf(n) + 1})`)
    .replace(/^([一二三四五六七八九十])、/, '$1.')
    .replace(/^(\d)\./, '$1、');
}

/** Which cells of a row a shape writes, so that they can be read (the column keys). */
export function writtenCells(f: Figures, shape: T3LinesShape, row: string): string[] {
  const cells = f.cells.t3[row];
  if (shape === 'nonzero') return COLS.filter((c) => c === 'total' || Number(cells[c]) !== 0);
  // 法人或其他组织0件: each of the five is 0; another sum is none of them.
  if (shape === 'legal-group') return LEGAL.every((c) => Number(cells[c]) === 0) ? COLS : ['natural', 'total'];
  return COLS;
}

/** Table 3's lines in a shape. */
export function table3Lines(f: Figures, shape: T3LinesShape): string[] {
  const spec = tableSpec(f.version, 't3');
  const out: string[] = [];
  for (const r of spec.rows) {
    const label = shape === 'short' ? renumber(r.label) : r.label;
    if (r.isGroup) { out.push(shape === 'bare' ? label : `${label}：`); continue; }
    const cells = f.cells.t3[r.key];
    const said = (c: string, unit = '件') => `${(shape === 'short' ? SHORT : FULL)[c]}${cells[c]}${unit}`;
    if (shape === 'colon') out.push(`${label}：${COLS.map((c) => said(c)).join('，')}。`);
    else if (shape === 'bare') out.push(`${label} ${COLS.map((c) => said(c, '')).join('、')}`);
    else if (shape === 'nonzero') out.push(`${label}：${writtenCells(f, shape, r.key).map((c) => said(c)).join('，')}。`);
    else if (shape === 'qizhong') out.push(`${label}${cells.total}件，其中：${COLS.slice(0, -1).map((c) => said(c)).join('，')}。`);
    else if (shape === 'short') out.push(`${label}：${['total', ...COLS.slice(0, -1)].map((c) => said(c)).join('，')}`);
    else {
      const group = LEGAL.reduce((s, c) => s + Number(cells[c]), 0);
      out.push(`${label}：自然人申请${cells.natural}件，法人或其他组织申请${group}件，共${cells.total}件。`);
    }
  }
  return out;
}

const TABS: Style = { family: 'tabs', merges: 'word' };

/** A whole report (renderReport's, tab-separated) with table 3 written as lines in a shape. */
export function renderT3Lines(f: Figures, shape: T3LinesShape): string {
  const text = renderReport(f, { t2: TABS, t3: TABS, t4: TABS });
  const table = renderTable(f, 't3', TABS).replace(/\n$/, '');
  if (!text.includes(table)) throw new Error('t3 not found in the report');
  return text.replace(table, table3Lines(f, shape).join('\n'));
}

/**
 * Table 3's lines as they come odder still: a PDF's text layer breaking them every `width` characters (inside
 * words, between a number and its unit, inside a number), full-width digits, counts in Chinese numerals (自然人十二件,
 * 〇件), two rows on one line (…总计0件；2.其他法律…), a PDF's blanks around numbers after words (自然人 23 件).
 */
export type T3Odd = 'pdf-33' | 'pdf-40' | 'pdf-spaced' | 'fullwidth' | 'chinese' | 'two-rows';
export const T3_ODD: T3Odd[] = ['pdf-33', 'pdf-40', 'pdf-spaced', 'fullwidth', 'chinese', 'two-rows'];

const HAN = '〇一二三四五六七八九';
/** 23 → 二十三, 10 → 十, 105 → 一百零五, 1092 → 一千零九十二. */
function chinese(n: number): string {
  if (n >= 1000) {
    const rest = n % 1000;
    return HAN[Math.floor(n / 1000)] + '千' + (rest === 0 ? '' : rest < 100 ? '零' + (rest >= 10 && rest < 20 ? '一' : '') + chinese(rest) : chinese(rest));
  }
  if (n < 10) return HAN[n];
  if (n < 20) return '十' + (n % 10 ? HAN[n % 10] : '');
  if (n < 100) return HAN[Math.floor(n / 10)] + '十' + (n % 10 ? HAN[n % 10] : '');
  const rest = n % 100;
  return HAN[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + HAN[rest] : rest < 20 ? '一' + chinese(rest) : chinese(rest));
}

/** The lines made odd. */
export function oddT3Lines(lines: string[], odd: T3Odd): string[] {
  const text = lines.join('\n');
  if (odd === 'pdf-33' || odd === 'pdf-40') {
    const width = odd === 'pdf-33' ? 33 : 40;
    return lines.flatMap((l) => { const out: string[] = []; for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width)); return out; });
  }
  if (odd === 'pdf-spaced') return text.replace(/(?<=[\u4e00-\u9fff])(\d+(?:\.\d+)?)/g, ' $1 ').split('\n');
  if (odd === 'fullwidth') return text.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).split('\n');
  // Only the counts (after words, before 件), not the rows' numbering.
  if (odd === 'chinese') return text.replace(/(?<=[\u4e00-\u9fff：）”])(\d+)(?=件)/g, (d) => chinese(Number(d))).split('\n');
  return text.replace(/[。]?\n(?=（[一二三四五六七]）|\d\.)/g, '；').split('\n');
}

/** A whole report with table 3 written as lines in a shape, made odd. */
export function renderT3Odd(f: Figures, shape: T3LinesShape, odd: T3Odd): string {
  const lines = table3Lines(f, shape).join('\n');
  return renderT3Lines(f, shape).replace(lines, oddT3Lines(lines.split('\n'), odd).join('\n'));
}
