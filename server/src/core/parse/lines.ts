import type { RowSpec, TableSpec } from '../format/schema';
import type { FormatVersion } from '../format/statute';
import { tableSpec } from '../format/statute';
import type { LineIndex } from '../lineIndex';
import type { Cell, Table } from '../model';
import { isIdeograph } from '../strings';
import { Kind, type Token } from './tokens';
import { UNITS } from './values';

// Table 2 written a row a line, the columns named in the line as words of a sentence (规章：本年制发0件，
// 本年废止0件，现行有效0件。 行政许可：本年处理决定数量125件。), as many reports give it: each number is
// bound to the row and the column its own words name — the words between it and the number before it
// on its line —, never to its place among the numbers. A number whose words name no column (of its row)
// is said to be unreadable, on its line; a column a row's line leaves out is said to be missing.

/**
 * The words a line uses for each column of table 2, per format (the statute's header words, and the
 * shorter ones a sentence uses), longest first where one holds another. 2019's signed 本年增/减 is said by a
 * word too (本年减少3项, 较上年增加2项): a 减少 makes its number negative (DECREASE), in that column only.
 */
const COLUMN_WORDS: Record<FormatVersion | 't4', [string, string[]][]> = {
  '2021': [
    ['issued', ['本年制发', '新制发', '制发', '印发', '出台', '制定']],
    ['repealed', ['本年废止', '废止', '废除']],
    ['in_force', ['现行有效']],
    ['decisions', ['处理决定', '作出决定', '决定']],
    ['amount', ['收费金额', '收费', '金额', '收取']],
  ],
  '2019': [
    ['made', ['本年新制作', '新制作', '制作', '制发']],
    ['published', ['本年新公开', '新公开']],
    ['total_published', ['对外公开总数', '公开总数', '总数']],
    ['projects', ['采购项目']],
    ['prior_items', ['上一年项目', '上年项目']],
    ['change', ['本年增/减', '本年增减', '增/减', '增减', '较上年增加', '较上年减少', '本年增加', '本年减少', '本年新增', '新增', '增加', '减少']],
    ['decisions', ['处理决定', '作出决定', '决定']],
    ['amount', ['采购总金额', '采购金额', '总金额', '金额']],
  ],
  // Table 4 (行政复议：结果维持1件，结果纠正0件，其他结果0件，尚未审结0件，总计1件。).
  t4: [
    ['upheld', ['结果维持', '维持']],
    ['corrected', ['结果纠正', '纠正']],
    ['other', ['其他结果']],
    ['pending', ['尚未审结', '未审结']],
    ['total', ['总计', '合计']],
  ],
};

/** Each format's columns' words, for spacedAfter (the table's own: 收费, 决定 and such a sentence's prose says too are left out). */
const SPACED = Object.fromEntries(Object.entries(COLUMN_WORDS).map(([k, cols]) => [k, spacedAfter(cols.flatMap(([, w]) => w).filter((w) => w.length >= 4))]));

/** The words that say 2019's 本年增/减 is a decrease: its number, written without a sign, is negative. */
const DECREASE = /减少/;

/** Words only the 2019 format's table 2 says in a line: how a table without its header words shows its version. */
export const LINES_2019 = /新制作|新公开|对外公开总数|项目数|增\/?减|集中采购|对外管理服务/;

/** Every row word of table 2 (both formats), longest first. */
const ROW_WORDS = [...new Set([...tableSpec('2021', 't2').rows, ...tableSpec('2019', 't2').rows].flatMap((r) => [...r.match, r.label]))].sort((a, b) => b.length - a.length);
/** Every column word of table 2 (both formats). */
const ALL_COLUMN_WORDS = [...new Set([...COLUMN_WORDS['2021'], ...COLUMN_WORDS['2019']].flatMap(([, w]) => w))];
/** A line's numbering and blanks before its row's name (（一） 1. 一、 ①). */
const LEAD = /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d０-９]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|[\d０-９]{1,2}[、.．)）]|[①-⑩])?[\s\u3000]*/;

/**
 * Where table 2 begins in text[from, to) written a row a line: the start of the first line that opens with a
 * row's name (after its numbering, or a column's word: 制发规章0件) and holds a column's word and a number
 * (规范性文件：本年制发3件), or is that name alone above such a line (规章 / 本年制发0件，…); else -1.
 */
export function linesAt(idx: LineIndex, from: number, to: number): number {
  for (let l = idx.position(from).line + 1, last = idx.position(to).line; l <= last && idx.lineStart(l) < to; l++) {
    const text = idx.lineText(l);
    const lead = LEAD.exec(text)![0].length;
    // (A line of more than 200 characters only where it opens with the row's name: rows run on one line, （一）规章：…；（二）….)
    if (text.length > 200 && !ROW_WORDS.some((w) => text.startsWith(w, lead))) continue;
    const rest = text.slice(lead).replace(/[\s\u3000]/g, '');
    if (text.length <= 200 && ROW_WORDS.includes(rest.replace(/[:：]$/, '')) && l < last && namesColumn(idx.lineText(l + 1))) return idx.lineStart(l);
    const at = ROW_WORDS.map((w) => rest.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined || (at > 0 && !ALL_COLUMN_WORDS.includes(rest.slice(0, at)))) continue;
    if (namesColumn(rest)) return idx.lineStart(l);
  }
  return -1;
}

/** A count in Chinese numerals (自然人十二件, 其他零件). */
const HAN_COUNT = /[零〇一二两三四五六七八九十百千]+[件项个]/;

/** Whether a line holds a column's word with a number after it (digits, or a count in Chinese numerals: 本年制发三件). */
const namesColumn = (text: string) => ALL_COLUMN_WORDS.some((w) => {
  const i = text.indexOf(w);
  return i >= 0 && (/[0-9０-９]/.test(text.slice(i)) || HAN_COUNT.test(text.slice(i)));
});

/** Text with every occurrence of the words blanked out (a row's name holds a column's word: 行政事业性收费). */
function masked(text: string, words: string[]): string {
  for (const w of words) if (text.includes(w)) text = text.split(w).join(' '.repeat(w.length));
  return text;
}

/** The last row a text names, and where. */
function lastRow(spec: TableSpec, text: string): RowSpec | undefined {
  let best: RowSpec | undefined, at = -1;
  for (const r of spec.rows) for (const w of r.match) { const i = text.lastIndexOf(w); if (i > at) { at = i; best = r; } }
  return best;
}

/** The columns a text names by their words (each word counted once, a longer one before the shorter it holds). */
function columnsNamed(columns: [string, string[]][], text: string): string[] {
  const found: string[] = [];
  for (const [col, words] of columns) {
    for (const w of words) {
      if (!text.includes(w)) continue;
      if (!found.includes(col)) found.push(col);
      text = text.split(w).join(' '.repeat(w.length));
    }
  }
  return found;
}

/** A number's token without the unit a sentence writes after it (0件, 125.6万元): the cell is the number. */
function withoutUnit(t: Token): Token {
  for (const u of UNITS) {
    if (!t.text.endsWith(u)) continue;
    const text = t.text.slice(0, -u.length).trimEnd();
    // The unit and the blanks before it end the token's place too (a number rejoined over a line end: 1\n0件).
    return /[0-9０-９零〇一二两三四五六七八九十百]/.test(text) ? { ...t, text, end: t.end - (t.text.length - text.length) } : t;
  }
  return t;
}

interface Bound { row: RowSpec | undefined; col: string | undefined; token: Token; line: number; minus?: boolean }

/**
 * Whether a line opens with one of the words: after its numbering, a 本年 before a column's word (本年处理决定数量)
 * and a verb of two characters at most (作出行政许可决定, 收取行政事业性收费).
 */
function opens(text: string, words: string[]): boolean {
  const rest = text.slice(LEAD.exec(text)![0].length).replace(/[\s\u3000]/g, '').replace(/^本年(?!度)/, '');
  return words.some((w) => { const at = rest.indexOf(w); return at >= 0 && at <= 2 && !/[：:，,；;。]/.test(rest.slice(0, at)); });
}

/** A Han character or a clause mark, with nothing between it and the number after it. */
const runsOn = (c: number) => isIdeograph(c) || c === 0xff1a || c === 0x3a || c === 0xff0c || c === 0x2c || c === 0x3001 || c === 0xff1b || c === 0x3b;

/** A table's rows' words, longest first. */
const rowWords = (spec: TableSpec) => spec.rows.flatMap((r) => r.match).sort((a, b) => b.length - a.length);

/** A number of table 2 or 4 in a line: signed, a decimal, thousands parted by commas, its unit; or a count in Chinese numerals. */
const T2_NUMBER = new RegExp(`[+\\-−]?[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?(?:[\\s\\u3000]*(?:万元|元|件|项|个|次|条|份))?|${HAN_COUNT.source}`, 'g');

/**
 * Whether a table's tokens may be lines naming their columns (the lines readers' gate): a number right after words or
 * a clause mark, or a blank after its column's word (`spaced`); or hardly a number in digits, the counts in Chinese numerals.
 */
function writtenAsLines(idx: LineIndex, tokens: Token[], spaced: (text: string, at: number) => boolean): boolean {
  if (!tokens.length) return false;
  if (tokens.some((t) => t.kind === Kind.Value && (runsOn(idx.text.charCodeAt(t.start - 1)) || spaced(idx.text, t.start)))) return true;
  return fewValues(tokens) < 7 && HAN_COUNT.test(idx.text.slice(tokens[0].start, tokens[tokens.length - 1].end));
}

/**
 * Table 2 (or 4) read as lines that name their columns; the end of the last token read, or -1 when the table
 * is not written so: at least two numbers, and half of them, right after their own column's word, and no
 * number after words that name two columns (a header's).
 */
export function readNamedLines(idx: LineIndex, spec: TableSpec, tokens: Token[], table: Table, toCell: (t: Token, sign?: number) => Cell): number {
  // Lines name a column right before a number (制发0件, 规章：本年制发件数0) or part numbers by clause marks (12件，3件):
  // a table whose every number stands apart (a tab, a pipe, a blank or a line before it) is not written so.
  // Or a blank before a number right after its column's word (本年制发 3 件: a PDF's text spaces its numbers), or
  // hardly a number in digits, its counts in Chinese numerals (本年制发三件).
  const version = spec.key === 't4' ? 't4' : spec.rows.some((r) => r.key === 'procurement') ? '2019' : '2021';
  const said = COLUMN_WORDS[version];
  if (!writtenAsLines(idx, tokens, SPACED[version])) return -1;
  const names = rowWords(spec);
  const bound: Bound[] = [];
  let line = -1, prevEnd = -1, lineRow: RowSpec | undefined, lineCol: string | undefined, labelRow: RowSpec | undefined, byWord = 0;
  const opening = [...names, ...spec.rows.map((r) => r.label), ...(spec.key === 't4' ? ['行政诉讼'] : []), ...said.flatMap(([, w]) => w)];
  const firstLine = idx.position(tokens[0].start).line;
  // The numbers read off the text, as table 3's lines are: rejoined over a PDF's line ends, Chinese numerals, blanks.
  for (const t of numbersIn(idx, tokens[0].start, tokens[tokens.length - 1].end, T2_NUMBER)) {
    let spanFrom = prevEnd;
    if (t.line !== line) {
      const lineStart = idx.lineStart(t.line), text = idx.lineText(t.line);
      // A line that goes on with the sentence the line before broke off (a PDF's text: 本年\n废止0件, 0件\n，本年废止…):
      // after a clause mark or words, or opening with one; not a line that opens with its row's name or its numbering.
      const tail = prevEnd >= 0 ? idx.text.slice(prevEnd, lineStart).replace(/[\s\u3000]/g, '') : '';
      const continues = prevEnd >= 0 && !LEAD.exec(text)![0].trim() && !opens(text, names) &&
        (/(?:[，,、：:]|[\u4e00-\u9fff]{2})$/.test(tail) || /^[\s\u3000]*[件项个万元]*[，,、；;]/.test(text));
      if (!continues) {
        // A line that opens with neither a row's name nor a column's word (注：行政许可3562件中，网上办理3100件。) ends the lines.
        if (bound.length && !opens(text, opening)) break;
        // Lines of words naming a row, without numbers (规章： above its figures), name the next line's row.
        labelRow = undefined;
        for (let l = line < 0 ? firstLine : line + 1; l < t.line; l++) labelRow = lastRow(spec, idx.lineText(l)) ?? labelRow;
        lineRow = undefined; lineCol = undefined;
        spanFrom = lineStart;
      }
      line = t.line;
    }
    const span = idx.text.slice(spanFrom, t.start).replace(/[\s\u3000]/g, '');
    prevEnd = t.end;
    const spanRow = lastRow(spec, span);
    const cols = columnsNamed(said, masked(span, names));
    // Words naming two columns or more before a number are a header's (a web page's text run together): a table, not lines.
    if (cols.length > 1) return -1;
    const row = spanRow ?? lineRow ?? labelRow;
    let col: string | undefined = cols[0];
    const word = col !== undefined && row !== undefined && row.columns.includes(col);
    if (word) byWord++;
    if (col === undefined && row) col = row.columns.length === 1 ? row.columns[0] : spanRow && lineCol && row.columns.includes(lineCol) ? lineCol : undefined;
    // 本年减少3项: the signed column's −3 (a number already signed, 减少-3, is not read twice over).
    const minus = col === 'change' && word && DECREASE.test(span) ? true : undefined;
    if (minus && /^[+\-−]/.test(t.text)) { bound.push({ row, col: undefined, token: t, line: t.line }); continue; }
    bound.push({ row, col, token: t, line: t.line, minus });
    if (spanRow) lineRow = spanRow;
    if (col) lineCol = col;
  }
  if (byWord < 2 || byWord * 2 < bound.length) return -1;
  // Numbers after the last line that names a row or a column are the prose's after the table.
  let last = bound.length - 1;
  while (last >= 0 && !bound[last].row && !bound[last].col) last--;
  const cells = new Map<string, Map<string, Token>>();
  const minus = new Set<Token>();
  let end = -1;
  for (const b of bound.slice(0, last + 1)) {
    end = Math.max(end, b.token.end);
    const mine = b.row && b.col && b.row.columns.includes(b.col) ? (cells.get(b.row.key) ?? new Map<string, Token>()) : undefined;
    if (mine && !mine.has(b.col!)) {
      const t = withoutUnit(b.token);
      if (b.minus) minus.add(t);
      mine.set(b.col!, t); cells.set(b.row!.key, mine); continue;
    }
    const lineText = idx.lineText(b.line);
    table.problems.push({ kind: 'unreadable', row: b.row?.key, range: idx.range(b.token.start, b.token.end), found: 1, expected: 1, cause: 'unnamed', label: lineText.trim() });
  }
  putRows(idx, spec, table, cells, (t) => toCell(t, minus.has(t) ? -1 : 1));
  return end;
}

/**
 * The cells read from a table written a row a line, put in `table` row by row (groups have none); a row whose
 * line leaves columns out is said so (too-few, 'unnamed', `label` the headers it leaves out) but for the
 * columns `excused` lets be (under a 法人或其他组织 said unreadable).
 */
function putRows(idx: LineIndex, spec: TableSpec, table: Table, cells: Map<string, Map<string, Token>>, cellOf: (t: Token) => Cell,
  excused: (row: string, col: string) => boolean = () => false) {
  for (const row of spec.rows) {
    const mine = cells.get(row.key);
    if (!mine || row.isGroup) continue;
    const out: Record<string, Cell> = {};
    for (const col of row.columns) { const t = mine.get(col); if (t) out[col] = cellOf(t); }
    table.rows[row.key] = { key: row.key, cells: out };
    const missing = row.columns.filter((c) => !mine.has(c) && !excused(row.key, c));
    if (missing.length) {
      const ts = [...mine.values()];
      table.problems.push({
        kind: 'too-few', row: row.key, range: idx.range(Math.min(...ts.map((t) => t.start)), Math.max(...ts.map((t) => t.end))),
        found: mine.size, expected: row.columns.length, cause: 'unnamed',
        label: missing.map((c) => spec.columns.find((x) => x.key === c)!.header).join('、'),
      });
    }
  }
}

// Table 3 written a row a line (（一）予以公开：自然人5件，商业企业0件，…，总计5件。 本年新收政府信息公开申请数量：
// 自然人申请12件，法人或其他组织申请1件，共13件。), as township reports whose web editor lost the table give it:
// each number bound to the row its line names and the column its own words name.

/**
 * The words a line says table 3's columns by, right before a number (a 申请, 为, ： between), the longest first
 * where one holds another (the leftmost match is the longest). 法人或其他组织 is no column: the five under it, summed.
 */
const T3_SAID = /(法人或者?其[他它]组织|法人(?:和|及|与|、)其[他它]组织|法人|自然人|商业企业|企业|科研机构|社会公益组织|公益组织|法律服务机构|其[他它]组织|其[他它]|总计|合计|共计|总共|共)(?:提出的?|的)?(?:申请(?:人|数量|件数|数)?)?(?:数量|件数|数)?(?:为|有|是)?[:：]?$/;
const T3_COLUMN: Record<string, string> = {
  自然人: 'natural', 商业企业: 'commercial', 企业: 'commercial', 科研机构: 'research', 社会公益组织: 'nonprofit', 公益组织: 'nonprofit',
  法律服务机构: 'legal', 其他组织: 'other', 其它组织: 'other', 其他: 'other', 其它: 'other', 总计: 'total', 合计: 'total', 共计: 'total', 总共: 'total', 共: 'total',
};
/** A column's word anywhere (words naming three columns or more before one number are a header's: a flattened table). */
const T3_ANY = /自然人|商业企业|科研机构|社会公益组织|法律服务机构|总计/g;
/** The columns under 法人或其他组织. */
const LEGAL_COLUMNS = ['commercial', 'research', 'nonprofit', 'legal', 'other'];

/** The text a clause opens with before its words: marks, 其中, blanks, the unit of the number before (0\n件，科研机构: wrapped). */
const CLAUSE_HEAD = /^(?:[，,、；;。.．:：\s\u3000]|其中|[件项个次人](?=[，,、；;。:：]|$))+/;

/** A count in a line (5件, 5, ５件), after its numbering. */
const T3_NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[\s\u3000]*[件项个次人])?|[零〇一二两三四五六七八九十百千]+[件项]/g;
/**
 * Whether the number at text[at] stands a blank after one of the words, a 数量/件数 between (自然人 23 件, 本年制发 3 件,
 * 结果维持 1 件: a PDF's text spaces its numbers), as lines naming their columns give it; the tables' lines readers' gate.
 */
function spacedAfter(words: string[]): (text: string, at: number) => boolean {
  const re = new RegExp(`(?:${words.map((w) => w.replace(/[/]/g, '\\/')).join('|')})(?:数量|件数|数)?[\\s\\u3000]$`);
  const back = Math.max(...words.map((w) => w.length)) + 3;
  return (text, at) => (text.charCodeAt(at - 1) === 0x20 || text.charCodeAt(at - 1) === 0x3000) && re.test(text.slice(Math.max(0, at - back), at));
}
/** Table 3's own column words (not 其他, 总计: a row's too). */
const spacedAfterColumn = spacedAfter(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构']);

/** How many of the tokens are numbers, counted up to 7. */
function fewValues(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === Kind.Value && ++n >= 7) break;
  return n;
}

/** Whether a line opens with digits that are no numbering (0件，商业企业…, 0、商业企业…; not 2.其他法律…). */
const startsWithDigits = (text: string) => {
  if (!/^[\s\u3000]*[0-9０-９]/.test(text)) return false;
  const lead = LEAD.exec(text)![0];
  // 0、商业企业0 (a count, parted by 、 from the next column's word) is no numbering.
  return !lead.trim() || /^(?:自然人|商业企业|企业|科研机构|社会公益组织|公益组织|法律服务机构|总计|合计)/.test(text.slice(lead.length));
};

/**
 * Whether the digits at text[at, at + length) number a row within a line (two rows on one line: …总计0件；2.其他法律…,
 * （2）部分公开): after a clause mark, before 、 . ) and words that are no column's.
 */
function numbering(text: string, at: number, length: number): boolean {
  const before = text[at - 1], after = text[at + length];
  if ((before === '（' || before === '(') && (after === '）' || after === ')')) return true;
  return (at === 0 || /[，,、；;。\s\u3000]/.test(before)) && after !== undefined && /[、.．)）]/.test(after) &&
    !/^[0-9０-９]/.test(text.slice(at + length + 1)) && !/^(?:自然人|商业企业|企业|科研机构|社会公益组织|公益组织|法律服务机构|总计|合计)/.test(text.slice(at + length + 1));
}

/**
 * The numbers of text[from, to), each a token, its unit with it: read off the text, not the tokens (a table's
 * tokens cut at tabs and blanks, and take 自然人5、商业企业0、 for one label).
 */
function numbersIn(idx: LineIndex, from: number, to: number, re = T3_NUMBER): Token[] {
  const out: Token[] = [];
  let broken: Token | undefined;
  for (let l = idx.position(from).line, last = idx.position(to).line; l <= last; l++) {
    const start = idx.lineStart(l), text = idx.lineText(l);
    // The line before ending in a column's word (科研机构\n0、社会公益组织0): its count opens this line, no numbering.
    const counted = broken || startsWithDigits(text) || (l > 0 && T3_SAID.test(idx.lineText(l - 1).replace(/[\s\u3000]/g, '')));
    re.lastIndex = counted ? 0 : LEAD.exec(text)![0].length;
    for (let m = re.exec(text); m && start + m.index < to; m = re.exec(text)) {
      if (start + m.index < from) continue;
      if (!broken && !(counted && !text.slice(0, m.index).trim()) && numbering(text, m.index, m[0].length)) continue;
      const t: Token = { kind: Kind.Value, text: m[0], start: start + m.index, end: start + m.index + m[0].length, line: l, x: -1, xEnd: -1, c: m.index, cell: -1 };
      // A number broken over a line end (自然人1\n0件: a PDF's text; in a sentence two numbers have words between): one
      // number, rejoined, its place from the first part's start to the second's end.
      if (broken && !text.slice(0, m.index).trim()) {
        out.pop();
        out.push({ ...broken, text: broken.text + m[0], end: t.end });
      } else out.push(t);
      broken = undefined;
    }
    // A line ending in digits without their unit, the next line opening with digits.
    const lastOne = out[out.length - 1];
    broken = lastOne && lastOne.line === l && /\d$/.test(lastOne.text) && !text.slice(lastOne.end - start).trim() && l + 1 < idx.lineCount && startsWithDigits(idx.lineText(l + 1)) ? lastOne : undefined;
  }
  return out;
}

/** The rows a line's words name: a long word anywhere, a two-character one (总计, 其他) as the whole label after its numbering. */
function t3RowsIn(spec: TableSpec, text: string): RowSpec[] {
  const bare = text.slice(LEAD.exec(text)![0].length).replace(/[\s\u3000:：，,。；;]/g, '');
  if (!bare) return [];
  return spec.rows.filter((r) => r.match.some((w) => w.length <= 2 ? bare === w : bare.includes(w)));
}

/** The one data row (or else group) a text names; undefined when none, or two data rows. */
function t3RowOf(spec: TableSpec, text: string): RowSpec | undefined {
  const rows = t3RowsIn(spec, text), data = rows.filter((r) => !r.isGroup);
  return data.length === 1 ? data[0] : data.length === 0 ? rows[rows.length - 1] : undefined;
}

/** Table 3's rows' words (both formats) of three characters or more: a short one (其他, 总计) names a row only as its whole label. */
const T3_ROW_WORDS = [...new Set((['2021', '2019'] as const).flatMap((v) => tableSpec(v, 't3').rows.flatMap((r) => r.match)))].filter((w) => w.length > 2);
/** A column's word of table 3 with a count after it, a few words between at most (自然人55件, 自然人申请12件, 总计 5). */
const T3_COUNTED = /(?:自然人|商业企业|科研机构|社会公益组织|公益组织|法律服务机构|法人或其他组织|总计|合计)[^，,。；;:：\d０-９]{0,6}[:：]?[\s\u3000]*(?:[0-9０-９]|[零〇一二两三四五六七八九十百]+件)/;

/**
 * Where table 3 begins in text[from, to) written a row a line without its anchor words (本年新收政府信息公开申请12件，其中
 * 自然人…, or straight from （一）予以公开：自然人…): the start of the first line that opens with a row's name (after its
 * numbering, nothing but 本年/本机关 before it) and holds a column's word with a count, or is that name alone above such a
 * line (（三）不予公开： / 1.属于国家秘密：自然人0件…); else -1.
 */
export function t3LinesAt(idx: LineIndex, from: number, to: number): number {
  for (let l = idx.position(from).line + 1, last = idx.position(to).line; l <= last && idx.lineStart(l) < to; l++) {
    const text = idx.lineText(l);
    if (text.length > 300) continue;
    const rest = text.slice(LEAD.exec(text)![0].length).replace(/[\s\u3000]/g, '');
    const opensRow = T3_ROW_WORDS.some((w) => { const at = rest.indexOf(w); return at >= 0 && at <= 3 && !/[：:，,；;。]/.test(rest.slice(0, at)); });
    if (!opensRow) continue;
    if (T3_COUNTED.test(text)) return idx.lineStart(l);
    if (!/[0-9０-９]/.test(rest) && l < last && T3_COUNTED.test(idx.lineText(l + 1))) return idx.lineStart(l);
  }
  return -1;
}

interface Words { m: RegExpExecArray | null; col: string | undefined; named: RowSpec | undefined; words: boolean }

/**
 * What the words before a number (from the number before, or its line's start when `first`) say: the column they
 * name right before it (`m`, `col`), the row their head names, and whether that head holds words naming nothing;
 * null for words naming three columns or more (a header's: a table run together, not lines).
 */
function wordsBefore(spec: TableSpec, raw: string, first: boolean, continues = false): Words | null {
  const span = raw.replace(/[\s\u3000]/g, '');
  T3_ANY.lastIndex = 0;
  if (new Set(span.match(T3_ANY)).size >= 3) return null;
  const m = T3_SAID.exec(span);
  let col = m ? T3_COLUMN[m[1]] ?? 'group' : undefined;
  const head = (m ? span.slice(0, m.index) : span).replace(CLAUSE_HEAD, '');
  let named = head && !/^其中/.test(head) ? t3RowOf(spec, head) : undefined;
  const bare = head.slice(LEAD.exec(head)![0].length);
  // 3.其他0件, （七）总计58件: a row's short name, not a column's (but 其他0件，\n总计0件 or 0\n件，其他0件: a sentence's, going on).
  // Within a line only after its numbering (…其他0件；3.其他0件，其中…).
  if (m && !named && !bare && (first ? (!continues || head !== '') && !/^[件项个次人]?[，,、；;:：]/.test(span) : head !== '')) {
    const short = spec.rows.find((r) => !r.isGroup && r.match.includes(m[1]));
    if (short) { named = short; col = undefined; }
  }
  return { m, col, named, words: !named && bare !== '' && !/^其中/.test(bare) };
}

/**
 * Table 3 read as lines that name their columns; the end of the last token read, or -1 when it is not written so:
 * at least two numbers, and half of them, right after their own column's word. A number after 法人或其他组织 is the
 * sum of five columns: 0 is each of them 0, another number is said to be unreadable (which column is whose cannot be
 * told). A number right after a row's name (予以公开5件，其中：自然人…; 1.属于国家秘密0件) is the row's total.
 */
export function readT3Lines(idx: LineIndex, spec: TableSpec, tokens: Token[], table: Table, toCell: (t: Token, sign?: number) => Cell): number {
  // Or a table with hardly a number in digits, whose counts are in Chinese numerals (自然人十二件).
  if (!writtenAsLines(idx, tokens, spacedAfterColumn)) return -1;
  const { text } = idx;
  const cells = new Map<string, Map<string, Token>>();
  const grouped = new Set<string>();
  const problems: Table['problems'] = [];
  let row: RowSpec | undefined, line = -1, prevEnd = -1, byWord = 0, values = 0, end = -1;
  const unread = (t: Token, cause: 'unnamed' | 'group', r = row) =>
    problems.push({ kind: 'unreadable', row: r?.key, range: idx.range(t.start, t.end), found: 1, expected: 1, cause, label: idx.lineText(t.line).trim() });
  for (const t of numbersIn(idx, tokens[0].start, tokens[tokens.length - 1].end)) {
    const first = t.line !== line;
    const lineStart = idx.lineStart(t.line);
    if (first) {
      // Lines between without numbers: a row's name above its figures, or a group's (（三）不予公开：).
      for (let l = line + 1; line >= 0 && l < t.line; l++) { const named = t3RowOf(spec, idx.lineText(l)); if (named) row = named; }
      line = t.line;
    }
    // The line before broke off its sentence after a clause mark (…其他0件，\n总计0件。).
    const continues = first && prevEnd >= 0 && /[，,、]$/.test(text.slice(prevEnd, lineStart).trimEnd());
    let w = wordsBefore(spec, text.slice(first ? lineStart : prevEnd, t.start), first, continues);
    if (!w) return -1;
    // A line that goes on with the sentence the line before broke off (a PDF's text: 社会公\n益组织0件, 科研机构\n0件,
    // a label wrapped over lines): its words run on from the number before, across the line end.
    // A line before that breaks off inside words (法人或\n其他组织申请0件) goes on here whatever this line's words say.
    const tail = first && prevEnd >= 0 ? text.slice(prevEnd, lineStart).trimEnd() : '';
    if (first && prevEnd >= 0 && !w.named && ((!w.col || w.words) && !/[。；;!！?？:：]/.test(tail.slice(-1)) || /[\u4e00-\u9fff]$/.test(tail))) {
      w = wordsBefore(spec, text.slice(prevEnd, t.start), false);
    }
    prevEnd = t.end;
    if (!w) return -1;
    const { m, named } = w;
    let { col } = w;
    if (first && !named && w.words && values > 0) {
      // A line whose words before its first number name no row: a row reworded past recognition (its line names
      // columns: （一）同意公开：自然人5件，…，总计5件。), or the prose after the table (注：…共63件。).
      T3_ANY.lastIndex = 0;
      if (!col || new Set(idx.lineText(t.line).match(T3_ANY)).size < 2) break;
      // Its label, said to match no row; its numbers, none of any row.
      values++;
      const label = idx.text.slice(lineStart, t.start).replace(T3_SAID, '').replace(/[\s\u3000:：，,]+$/, '').trim();
      problems.push({ kind: 'stray', row: undefined, range: idx.range(t.start, t.end), found: 1, expected: 1, label });
      row = undefined;
      end = t.end;
      continue;
    }
    if (named) row = named;
    if (!row || (!col && !named)) { if (values > 0) { values++; unread(t, 'unnamed'); end = t.end; } continue; }
    values++;
    end = t.end;
    // A group's own figures (（三）不予公开3件，其中…): no cell of the statute's.
    if (row.isGroup) continue;
    const mine = cells.get(row.key) ?? new Map<string, Token>();
    cells.set(row.key, mine);
    const cell = withoutUnit(t);
    if (col === 'group') {
      byWord++;
      if (/^[0０〇零]+$/.test(cell.text) && LEGAL_COLUMNS.every((c) => !mine.has(c))) for (const c of LEGAL_COLUMNS) mine.set(c, cell);
      else { grouped.add(row.key); unread(t, 'group'); }
      continue;
    }
    col ??= 'total';
    if (m) byWord++;
    const had = mine.get(col);
    if (!had) mine.set(col, cell);
    else if (had.text !== cell.text) unread(t, 'unnamed');
  }
  if (byWord < 2 || byWord * 2 < values) return -1;
  table.problems.push(...problems);
  putRows(idx, spec, table, cells, (t) => toCell(t), (row, col) => grouped.has(row) && LEGAL_COLUMNS.includes(col));
  return end;
}
