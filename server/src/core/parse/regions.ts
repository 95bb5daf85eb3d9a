import type { TableKey } from '../format/schema';
import type { FormatVersion } from '../format/statute';
import { FORMATS, SECTION_OF, TABLE_KEYS, tableSpec } from '../format/statute';
import type { Section } from '../model';
import type { LineIndex } from '../lineIndex';
import { SIMPLIFIED } from '../format/traditional';
import { LINES_2019, linesAt, t3LinesAt } from './lines';
import { isDelimitedRow, nextColumn } from './tokens';
import { normalizeLabel } from './values';

// Where the statistical tables are, and which version of the statute each is written in. A table
// begins at its anchor words after its section's heading — on any line, in any layout — and ends
// where the next section or table begins.

/** The text of one table: offsets [from, to). */
export interface Region {
  key: TableKey; from: number; to: number;
  /** Found by a line that names a row and its columns (table 2 or 3 written a row a line, without its anchors): a table only if read so. */
  lines?: boolean;
}

/** The traditional form of a character, if it has one. */
const TRADITIONAL = new Map([...SIMPLIFIED].map(([t, s]) => [s, t]));
/**
 * A table's anchor words, with blanks allowed between their characters (PDF text spaces them out);
 * `either`: each character in its simplified or traditional form (looked for only where the
 * simplified words are not found: the wider expression makes an in-process check ~1% slower).
 */
function anchors(key: TableKey, either: boolean): RegExp {
  const char = (c: string) => (either && TRADITIONAL.has(c) ? `[${c}${TRADITIONAL.get(c)}]` : c);
  return new RegExp(tableSpec('2021', key).anchors.map((w) => [...w].map(char).join('[\\s\\u3000]*')).join('|'), 'g');
}
const ANCHORS: Record<TableKey, RegExp[]> = {
  t2: [anchors('t2', false), anchors('t2', true)],
  t3: [anchors('t3', false), anchors('t3', true)],
  t4: [anchors('t4', false), anchors('t4', true)],
};
/** Words of a table's headers and row labels (both versions), normalized. */
const HEADER_WORDS: Record<TableKey, string[]> = {
  t2: headerWords('t2'), t3: headerWords('t3'), t4: headerWords('t4'),
};
function headerWords(key: TableKey): string[] {
  const words = new Set<string>();
  for (const f of FORMATS) {
    const spec = tableSpec(f.version, key);
    for (const c of spec.columns) for (const m of c.match) if (m.length > 2) words.add(m);
    for (const r of spec.rows) for (const m of r.match) if (m.length > 2 && !spec.anchors.includes(m)) words.add(m);
  }
  return [...words];
}
/** Those whose every character normalizes to itself: such a word in the text as written is one in the text normalized. */
const PLAIN_WORDS: Record<TableKey, string[]> = {
  t2: plainWords(HEADER_WORDS.t2), t3: plainWords(HEADER_WORDS.t3), t4: plainWords(HEADER_WORDS.t4),
};
function plainWords(words: string[]): string[] {
  return words.filter((w) => [...w].every((c) => normalizeLabel(c) === c));
}

/**
 * Where the anchor of a table is, from `from` on. An anchor in a sentence (“根据第二十条第（一）项规定，…”,
 * “从申请人情况看，…”) is not the table's: after a table's anchor, up to its first number or the end of
 * its line, there is no sentence punctuation outside brackets. With `header`, the anchor must also be
 * followed by some header word before its first number (行政复议 is a word of the prose too: “行政复议 351 件”).
 */
function findAnchor(text: string, key: TableKey, from: number, header: boolean, headings: number[]): number {
  for (const re of ANCHORS[key]) {
    const at = anchorBy(re, text, key, from, header, headings);
    if (at >= 0) return at;
  }
  return -1;
}

/** A table's first number: digits, or a count in Chinese numerals right after words (自然人十二件: rows written as sentences). */
const FIRST_COUNT = /[0-9０-９]|(?:^|(?<=[\u4e00-\u9fff：:]))[零〇一二两三四五六七八九十百]+件/;

/** findAnchor with one of the table's expressions; a table without numbers ends at the next section's heading (a flattened page's table 4 left blank). */
function anchorBy(re: RegExp, text: string, key: TableKey, from: number, header: boolean, headings: number[]): number {
  re.lastIndex = from;
  for (let m; (m = re.exec(text));) {
    const after = m.index + m[0].length;
    const digit = text.slice(after, after + 400).search(FIRST_COUNT);
    const next = headings.find((h) => h > after) ?? text.length;
    const upTo = Math.min(digit < 0 ? Math.min(text.length, after + 400) : after + digit, next);
    if (inSentence(text, m.index, upTo)) continue;
    if (!header) return m.index;
    // A header word as written (most are) spares normalizing the text.
    const raw = text.slice(after, upTo);
    if (PLAIN_WORDS[key].some((w) => raw.includes(w))) return m.index;
    const words = normalizeLabel(raw);
    if (HEADER_WORDS[key].some((w) => words.includes(w))) return m.index;
  }
  return -1;
}

/** +1 for an opening bracket, −1 for a closing one, 2 for a sentence's punctuation (，。；). */
const MARK = new Int8Array(65536);
for (const c of '（(〔【[') MARK[c.charCodeAt(0)] = 1;
for (const c of '）)〕】]') MARK[c.charCodeAt(0)] = -1;
for (const c of '，。；') MARK[c.charCodeAt(0)] = 2;
const FULL_WIDTH_COMMA = 0xff0c, FULL_WIDTH_SEMICOLON = 0xff1b;

/** Whether text[at, to), up to its line's end, has a sentence's punctuation (，。；) outside brackets — also a bracket opened just before `at`. */
function inSentence(text: string, at: number, to: number): boolean {
  // Only the line's first 400 characters or so matter: its end is looked for no further (a text of one
  // long line, with an anchor word at every few characters, stays linear).
  const near = text.slice(at, Math.max(to, at + 400)).indexOf('\n'), lineEnd = near < 0 ? -1 : at + near;
  if (lineEnd >= 0 && lineEnd < to) to = lineEnd;
  // Inside a bracket that opened before the anchor (“（本列数据的勾稽关系为：第一项加第二项之和，…）”)?
  let depth = 0;
  for (let i = at - 1; i >= Math.max(0, at - 40) && text.charCodeAt(i) !== 10; i--) {
    const m = MARK[text.charCodeAt(i)];
    if (m === -1) break;
    if (m === 1) { depth = 1; break; }
  }
  let i = at;
  for (; i < to; i++) {
    const m = MARK[text.charCodeAt(i)];
    if (m === 1) depth++;
    else if (m === -1) depth = Math.max(0, depth - 1);
    else if (m === 2 && depth === 0) break;
  }
  if (i >= to) return false;
  // A row of a table converted to text with full-width commas or semicolons (第二十条第（一）项，，，): its cells', not a sentence's.
  const row = text.slice(at, Math.min(lineEnd < 0 ? text.length : lineEnd, at + 400));
  return !isDelimitedRow(row, FULL_WIDTH_COMMA) && !isDelimitedRow(row, FULL_WIDTH_SEMICOLON);
}

/** What separates words on a line. */
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0d;
/** Lines of a section read for a stacked header, at most (table 4's header and row fit in a dozen). */
const MAX_STACKED = 40;

/**
 * A table's anchor in a header stacked over lines, as a PDF's narrow columns print it (行/政/复/议 one
 * character a line, 结果/维持 wrapped): the words that start at one display column on consecutive lines,
 * joined top down, are the header's words. The offset of the word that begins the anchor, when a stack
 * of two words or more holds the anchor and some stack a header word, neither in a sentence (，。；); else -1. Read
 * from the line after `from` (the section's heading) up to `to`, at most MAX_STACKED lines.
 */
function stackedAnchor(idx: LineIndex, key: TableKey, from: number, to: number): number {
  const first = idx.position(from).line + 1, last = Math.min(idx.position(to).line, first + MAX_STACKED);
  interface Stack { text: string; words: [number, number][]; line: number }
  const open = new Map<number, Stack>(), stacks: Stack[] = [];
  for (let l = first; l < last; l++) {
    const line = idx.lineText(l), lineStart = idx.lineStart(l);
    for (let i = 0, col = 0; i < line.length && i < 400;) {
      if (isBlank(line.charCodeAt(i))) { col = nextColumn(col, line.charCodeAt(i++)); continue; }
      const x = col, j = i;
      while (i < line.length && !isBlank(line.charCodeAt(i))) col = nextColumn(col, line.charCodeAt(i++));
      let stack = open.get(x);
      if (!stack || stack.line !== l - 1) { open.set(x, (stack = { text: '', words: [], line: l })); stacks.push(stack); }
      stack.words.push([stack.text.length, lineStart + j]);
      stack.text += line.slice(j, i);
      stack.line = l;
    }
  }
  const plain = stacks.filter((st) => !/[，。；]/.test(st.text));
  if (!plain.some((st) => HEADER_WORDS[key].some((w) => normalizeLabel(st.text).includes(w)))) return -1;
  const re = ANCHORS[key][1];
  for (const st of plain) {
    if (st.words.length < 2) continue; // a word on one line: findAnchor's
    re.lastIndex = 0;
    const m = re.exec(st.text);
    if (m) return st.words.filter(([at]) => at <= m.index).pop()![1];
  }
  return -1;
}

/**
 * The tables' places: each table begins at its first anchor after its section's heading (or, with
 * no heading, after the table before it) and ends where the next section or table begins.
 */
export function findRegions(idx: LineIndex, sections: Section[]): Region[] {
  const { text } = idx;
  const headings = sections.map((s) => idx.offset(s.headingRange.start));
  const starts: { key: TableKey; from: number; lines?: boolean }[] = [];
  let after = 0;
  for (const key of TABLE_KEYS) {
    const section = sections.find((s) => s.number === SECTION_OF[key]);
    const heading = section ? idx.offset(section.headingRange.start) : -1;
    let at = findAnchor(text, key, Math.max(after, heading), key === 't4' || heading < 0, headings);
    // Table 4's header stacked over lines holds its words only read top down.
    if (at < 0 && key === 't4' && heading >= after) at = stackedAnchor(idx, key, heading, headings.find((h) => h > heading) ?? text.length);
    // Table 2 written a row a line, naming its columns, without the 第二十条 anchors: its first such line in its section.
    // Table 3 so written without its anchors (本年新收政府信息公开申请12件，其中自然人…; or from （一）予以公开：自然人…) likewise.
    const lines = at < 0 && key !== 't4' && heading >= after;
    if (lines) at = (key === 't2' ? linesAt : t3LinesAt)(idx, heading, headings.find((h) => h > heading) ?? text.length);
    if (at < 0) continue;
    // The whole line of the anchor, unless it is a line of a flattened text or of the text before.
    const line = idx.position(at).line, lineStart = idx.lineStart(line);
    let from = lineStart >= Math.max(after, heading) && at - lineStart <= 200 ? lineStart : at;
    // Table 2 drawn as one table has its header before its first anchor (信息内容 | 本年制发件数 | … | 本年收费金额):
    // the header's cells tell which column each number stands under.
    if (key === 't2' && from === lineStart) from = withHeaderBefore(idx, line, Math.max(after, heading), from);
    starts.push(lines ? { key, from, lines } : { key, from });
    after = at + 1;
  }
  return starts.map(({ key, from, lines }, i) => {
    let to = i + 1 < starts.length ? starts[i + 1].from : text.length;
    for (const h of headings) if (h > from && h < to) to = h;
    return lines ? { key, from, to, lines } : { key, from, to };
  });
}

/** Table 2's columns by their words, normalized. */
const T2_COLUMN_WORDS = tableSpec('2021', 't2').columns.map((c) => c.match);

/**
 * Where table 2 begins when the line before its anchor's line (a Markdown rule between) is a row of tab
 * or pipe cells naming two of its columns or more: that line's start; else `from`. Never before `after`.
 */
function withHeaderBefore(idx: LineIndex, line: number, after: number, from: number): number {
  for (let l = line - 1; l >= Math.max(0, line - 2) && idx.lineStart(l) >= after; l--) {
    const text = idx.lineText(l);
    if (/^[\s|｜:-]+$/.test(text) && text.includes('-')) continue; // a Markdown rule row
    if (!/[\t|｜]/.test(text)) return from;
    const words = normalizeLabel(text);
    return T2_COLUMN_WORDS.filter((m) => m.some((w) => words.includes(w))).length >= 2 ? idx.lineStart(l) : from;
  }
  return from;
}

/** The number of a table's marker words (words only one version prints) the text holds. */
function markersIn(key: TableKey, version: FormatVersion, text: string): number {
  let count = 0;
  for (const m of tableSpec(version, key).markers) if (text.includes(m)) count++;
  return count;
}

/** The words of the 2019 format's one row （六）其他处理 (其它处理 too). */
const OTHER_HANDLING = tableSpec('2019', 't3').rows.find((r) => r.key === '3.6')!.match;

/** A line opening with （六）其他处理, its numbering or blanks before; or a sentence within a line opening with it numbered (…；（六）其他处理0件). */
const OTHER_ROW = /^[\s\u3000]*(?:[（(]六[)）]|六[、.．])?[\s\u3000]*其[他它]处理|[；;。][\s\u3000]*(?:[（(]六[)）]|六[、.．])[\s\u3000]*其[他它]处理/m;

/**
 * A count in words, a number after words and before 件 (no statutory label has one); also over a line break, a
 * label's sentence wrapped (不再处理 / 1件）, the row's numbers before the break where blanks part the cells).
 */
const COUNT_IN_WORDS = /[\u4e00-\u9fff]\d+\s*件/g, COUNT_WRAPPED = /[\u4e00-\u9fff](?:[ \u3000\d]*\n[ \u3000]*)?\d+(?:\n[ \u3000]*\d+)?(?:[ \u3000\d]*\n)?\s*件/g;
/** A line opening with a count's rest (1件）, 件）): where a count may be wrapped from its words. */
const WRAPPED_COUNT = /\n[ \u3000]*\d*件/;
/** What a clause starts after, and ends before (but a colon). */
const CLAUSE_START = new Set('，。；、：:,;（）()\t|｜\n'), CLAUSE_END = new Set('，。；、,;（）()\t|｜\n');

const isDigit = (c: string) => c >= '0' && c <= '9';

/** The text without the clauses that count something (经沟通后不再处理1件): from the mark before each such count to the mark after it. */
function withoutCountingClauses(text: string): string {
  let out = '', from = 0;
  const counts = WRAPPED_COUNT.test(text) ? COUNT_WRAPPED : COUNT_IN_WORDS;
  counts.lastIndex = 0;
  for (let m = counts.exec(text); m; m = counts.exec(text)) {
    let a = m.index, b = counts.lastIndex;
    // (A digit ends the clause too: a web page's text runs the cells together, the number before a remark and the next row's numbering.)
    while (a > from && !CLAUSE_START.has(text[a - 1]) && !isDigit(text[a - 1])) a--;
    while (b < text.length && !CLAUSE_END.has(text[b]) && !isDigit(text[b])) b++;
    out += text.slice(from, a);
    from = counts.lastIndex = b;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The version a table is written in, from the words only one version prints; table 3's 2019
 * version prints none of the 2021 words, but has （六）其他处理 all the same.
 */
export function detectVersion(key: TableKey, text: string): FormatVersion {
  if (key === 't4') return '2021';
  // A remark's words are not the form's: a clause that counts something (经沟通后不再处理1件, in a 备注 cell or
  // after a label) says nothing of the version, whatever words it uses. A line opening with （六）其他处理 is a row's
  // label all the same, its count after it (table 3 written a row a line: （六）其他处理0件，其中：…).
  const written = text;
  text = withoutCountingClauses(text);
  // Markers are plain words; only a header broken over lines needs the normalized text, without its numbers
  // too (a label wrapped around its row's numbers: （六）其他 0 0 … 0 / 处理).
  // Table 3's （六）其他处理 (a group label in 2021 too) says 2019 only where neither reading has a marker
  // (2021's, wrapped in a narrow column, show only in the normalized text).
  let other = false;
  for (let pass = 0, label = text; pass < 2; pass++, label = normalizeLabel(text).replace(/\d+/g, '')) {
    const v2021 = markersIn(key, '2021', label), v2019 = markersIn(key, '2019', label);
    if (v2021 || v2019) return v2019 > v2021 ? '2019' : '2021';
    other ||= key === 't3' && OTHER_HANDLING.some((w) => label.includes(w));
  }
  // Table 2 written a row a line names its columns in words shorter than the header's (本年新制作0件).
  if (key === 't2' && LINES_2019.test(text)) return '2019';
  return other || (key === 't3' && OTHER_ROW.test(written)) ? '2019' : '2021';
}
