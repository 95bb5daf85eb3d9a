import type { RowSpec, TableSpec } from '../format/schema';
import type { FormatVersion } from '../format/statute';
import { tableSpec } from '../format/statute';
import type { LineIndex } from '../lineIndex';
import type { Cell, Table } from '../model';
import { Kind, type Token } from './tokens';
import { UNITS } from './values';

// Table 2 written a row a line, the columns named in the line as words of a sentence (规章：本年制发0件，
// 本年废止0件，现行有效0件。 行政许可：本年处理决定数量125件。), as many reports give it: each number is
// bound to the row and the column its own words name — the words between it and the number before it
// on its line —, never to its place among the numbers. A number whose words name no column (of its row)
// is said to be unreadable, on its line; a column a row's line leaves out is said to be missing.

/**
 * The words a line uses for each column of table 2, per format (the statute's header words, and the
 * shorter ones a sentence uses), longest first where one holds another. 本年减少3项 (a signed change
 * written as a word) is not one: its number alone would read as +3.
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
    ['change', ['本年增/减', '本年增减', '增/减', '增减']],
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

/** Words only the 2019 format's table 2 says in a line: how a table without its header words shows its version. */
export const LINES_2019 = /新制作|新公开|对外公开总数|项目数|增\/?减|集中采购|对外管理服务/;

/** Every row word of table 2 (both formats), longest first. */
const ROW_WORDS = [...new Set([...tableSpec('2021', 't2').rows, ...tableSpec('2019', 't2').rows].flatMap((r) => [...r.match, r.label]))].sort((a, b) => b.length - a.length);
/** Every column word of table 2 (both formats). */
const ALL_COLUMN_WORDS = [...new Set([...COLUMN_WORDS['2021'], ...COLUMN_WORDS['2019']].flatMap(([, w]) => w))];
/** A line's numbering and blanks before its row's name (（一） 1. 一、 ①). */
const LEAD = /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．)）]|[①-⑩])?[\s\u3000]*/;

/**
 * Where table 2 begins in text[from, to) written a row a line: the start of the first line that opens with a
 * row's name (after its numbering, or a column's word: 制发规章0件) and holds a column's word and a number
 * (规范性文件：本年制发3件), or is that name alone above such a line (规章 / 本年制发0件，…); else -1.
 */
export function linesAt(idx: LineIndex, from: number, to: number): number {
  for (let l = idx.position(from).line + 1, last = idx.position(to).line; l <= last && idx.lineStart(l) < to; l++) {
    const text = idx.lineText(l);
    if (text.length > 200) continue;
    const rest = text.slice(LEAD.exec(text)![0].length).replace(/[\s\u3000]/g, '');
    if (ROW_WORDS.includes(rest.replace(/[:：]$/, '')) && l < last && namesColumn(idx.lineText(l + 1))) return idx.lineStart(l);
    const at = ROW_WORDS.map((w) => rest.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0];
    if (at === undefined || (at > 0 && !ALL_COLUMN_WORDS.includes(rest.slice(0, at)))) continue;
    if (namesColumn(rest)) return idx.lineStart(l);
  }
  return -1;
}

/** Whether a line holds a column's word with a number after it. */
const namesColumn = (text: string) => ALL_COLUMN_WORDS.some((w) => { const i = text.indexOf(w); return i >= 0 && /[0-9０-９]/.test(text.slice(i)); });

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
  if (t.end - t.start !== t.text.length) return t;
  for (const u of UNITS) {
    if (!t.text.endsWith(u)) continue;
    const text = t.text.slice(0, -u.length).trimEnd();
    return /\d/.test(text) ? { ...t, text, end: t.start + text.length } : t;
  }
  return t;
}

interface Bound { row: RowSpec | undefined; col: string | undefined; token: Token; line: number }

/**
 * Whether a line opens with one of the words: after its numbering, a 本年 before a column's word (本年处理决定数量)
 * and a verb of two characters at most (作出行政许可决定, 收取行政事业性收费).
 */
function opens(text: string, words: string[]): boolean {
  const rest = text.slice(LEAD.exec(text)![0].length).replace(/[\s\u3000]/g, '').replace(/^本年(?!度)/, '');
  return words.some((w) => { const at = rest.indexOf(w); return at >= 0 && at <= 2 && !/[：:，,；;。]/.test(rest.slice(0, at)); });
}

/** A Han character or a clause mark, with nothing between it and the number after it. */
const runsOn = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || c === 0xff1a || c === 0x3a || c === 0xff0c || c === 0x2c || c === 0x3001 || c === 0xff1b || c === 0x3b;

/** A table's rows' words, longest first. */
const rowWords = (spec: TableSpec) => spec.rows.flatMap((r) => r.match).sort((a, b) => b.length - a.length);

/**
 * Table 2 (or 4) read as lines that name their columns; the end of the last token read, or -1 when the table
 * is not written so: at least two numbers, and half of them, right after their own column's word, and no
 * number after words that name two columns (a header's).
 */
export function readNamedLines(idx: LineIndex, spec: TableSpec, tokens: Token[], table: Table, toCell: (t: Token) => Cell): number {
  // Lines name a column right before a number (制发0件, 规章：本年制发件数0) or part numbers by clause marks (12件，3件):
  // a table whose every number stands apart (a tab, a pipe, a blank or a line before it) is not written so.
  if (!tokens.some((t) => t.kind === Kind.Value && runsOn(idx.text.charCodeAt(t.start - 1)))) return -1;
  const said = COLUMN_WORDS[spec.key === 't4' ? 't4' : spec.rows.some((r) => r.key === 'procurement') ? '2019' : '2021'];
  const names = rowWords(spec);
  const bound: Bound[] = [];
  let line = -1, spanFrom = 0, lineRow: RowSpec | undefined, lineCol: string | undefined, labelRow: RowSpec | undefined, byWord = 0;
  const opening = [...names, ...spec.rows.map((r) => r.label), ...(spec.key === 't4' ? ['行政诉讼'] : []), ...said.flatMap(([, w]) => w)];
  for (const t of tokens) {
    // A line that opens with neither a row's name nor a column's word (注：行政许可3562件中，网上办理3100件。) ends the lines.
    if (t.kind === Kind.Value && bound.length && bound[bound.length - 1].line !== t.line && !opens(idx.lineText(t.line), opening)) break;
    if (t.line !== line) {
      // A line of words naming a row, without numbers (规章： above its figures), names the next line's row.
      if (line >= 0 && bound[bound.length - 1]?.line !== line) labelRow = lastRow(spec, idx.text.slice(spanFrom, idx.lineStart(line) + idx.lineText(line).length)) ?? labelRow;
      else if (line >= 0) labelRow = undefined;
      line = t.line; spanFrom = t.start; lineRow = undefined; lineCol = undefined;
    }
    if (t.kind !== Kind.Value) continue;
    const span = idx.text.slice(spanFrom, t.start).replace(/[\s\u3000]/g, '');
    spanFrom = t.end;
    const spanRow = lastRow(spec, span);
    const cols = columnsNamed(said, masked(span, names));
    // Words naming two columns or more before a number are a header's (a web page's text run together): a table, not lines.
    if (cols.length > 1) return -1;
    const row = spanRow ?? lineRow ?? labelRow;
    let col: string | undefined = cols[0];
    const word = col !== undefined && row !== undefined && row.columns.includes(col);
    if (word) byWord++;
    if (col === undefined && row) col = row.columns.length === 1 ? row.columns[0] : spanRow && lineCol && row.columns.includes(lineCol) ? lineCol : undefined;
    bound.push({ row, col, token: t, line: t.line });
    if (spanRow) lineRow = spanRow;
    if (col) lineCol = col;
  }
  if (byWord < 2 || byWord * 2 < bound.length) return -1;
  // Numbers after the last line that names a row or a column are the prose's after the table.
  let last = bound.length - 1;
  while (last >= 0 && !bound[last].row && !bound[last].col) last--;
  const cells = new Map<string, Map<string, Token>>();
  let end = -1;
  for (const b of bound.slice(0, last + 1)) {
    end = Math.max(end, b.token.end);
    const mine = b.row && b.col && b.row.columns.includes(b.col) ? (cells.get(b.row.key) ?? new Map<string, Token>()) : undefined;
    if (mine && !mine.has(b.col!)) { mine.set(b.col!, withoutUnit(b.token)); cells.set(b.row!.key, mine); continue; }
    const lineText = idx.lineText(b.line);
    table.problems.push({ kind: 'unreadable', row: b.row?.key, range: idx.range(b.token.start, b.token.end), found: 1, expected: 1, cause: 'unnamed', label: lineText.trim() });
  }
  for (const row of spec.rows) {
    const mine = cells.get(row.key);
    if (!mine) continue;
    const out: Record<string, Cell> = {};
    for (const col of row.columns) { const t = mine.get(col); if (t) out[col] = toCell(t); }
    table.rows[row.key] = { key: row.key, cells: out };
    const missing = row.columns.filter((c) => !mine.has(c));
    if (missing.length) {
      const ts = [...mine.values()];
      table.problems.push({
        kind: 'too-few', row: row.key, range: idx.range(Math.min(...ts.map((t) => t.start)), Math.max(...ts.map((t) => t.end))),
        found: mine.size, expected: row.columns.length, cause: 'unnamed',
        label: missing.map((c) => spec.columns.find((x) => x.key === c)!.header).join('、'),
      });
    }
  }
  return end;
}
