import type { RowSpec, TableSpec } from '../format/schema';
import { perTableSpec } from '../format/statute';
import type { Token } from './tokens';
import { normalizeLabel, normalizeTableLabel, stripNumbering } from './values';

// Which rows and columns of the statute a table's labels name. Label texts repeat from report to
// report, so what each names is remembered per table format.

/** A two-character keyword (总计, 其他, 规章) names a row or column only as the whole label, after its numbering. */
export const isShort = (keyword: string) => keyword.length <= 2;
const names = (label: string, keywords: string[]) =>
  keywords.some((k) => (isShort(k) ? stripNumbering(label) === k : label.includes(k)));

// Label texts repeat from report to report: remember what each normalizes to.
const normalized = new Map<string, string>();
/**
 * A label token's text normalized, remembered on the token (a run is named more than once) and by
 * its text (with ALL_FIELDS in prose/claims.ts, parsedKeys in prose/quantities.ts, titleMatches in
 * parse/sections.ts and the table-format list in format/statute.ts, memos that together save ~2% of
 * the instructions of npm run bench's 2,000-report batch, counted as docs/speed.md says).
 */
export const normOf = (t: Token) => (t.norm ??= norm(t.text));
function norm(text: string): string {
  let n = normalized.get(text);
  if (n === undefined) {
    n = normalizeTableLabel(text);
    if (normalized.size > 20000) normalized.clear();
    normalized.set(text, n);
  }
  return n;
}

/** The key of the column a normalized header word names, or null; remembered per format and word. */
export const columnNamed = perLabel((spec, label) => spec.columns.find((c) => names(label, c.match))?.key ?? null);

/**
 * `compute(spec, label)` remembered per table format and label (it must not return undefined).
 * Without it the 2,000-report CLI batch takes ~10% longer, an in-process check ~45% (npm run bench).
 */
export function perLabel<T>(compute: (spec: TableSpec, label: string) => T): (spec: TableSpec, label: string) => T {
  const bySpec = perTableSpec(() => new Map<string, T>());
  return (spec, label) => {
    const cache = bySpec(spec);
    let value = cache.get(label);
    if (value === undefined) {
      value = compute(spec, label);
      if (cache.size > 5000) cache.clear();
      cache.set(label, value);
    }
    return value;
  };
}

export interface Named { row: RowSpec; at: number }

/** The rows a joined run names by a long keyword anywhere, or by a two-character one at its end. */
const namedByRun = perLabel((spec, joined): Named[] => {
  const found: Named[] = [];
  for (const row of spec.rows) {
    let at = -1;
    for (const k of row.match) {
      const i = isShort(k) ? (joined.endsWith(k) ? joined.length - k.length : -1) : joined.indexOf(k);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    }
    if (at >= 0) found.push({ row, at });
  }
  return found;
});

/** What a label's numbering starts with, in normalized text (一、 （七） 3.). */
const NUMBERING = /[一二三四五六七八九十\d]/;
/** Each data row's two-character keywords. */
const shortKeywords = perTableSpec((spec) => spec.rows.flatMap((row) => row.isGroup ? [] : row.match.filter(isShort).map((k) => ({ row, k }))));

/** The rows a single label names by a two-character keyword (“3.其他”, “（七）总计”). */
const namedByLabel = perLabel((spec, label) => spec.rows.filter((r) => r.match.some((k) => isShort(k) && stripNumbering(label) === k)));

/**
 * The rows a run of label tokens names, in the order they are named: a run may hold a label
 * wrapped over lines (重新出\n具已获取信息), a group label and its first row ((三)不予公开 1.属于国家秘密),
 * or header words before the first row. Long keywords are found anywhere in the joined run; a
 * two-character one only as a whole label or at the run's end (规章000 in flattened text).
 * (Remembered: without it an in-process check takes ~10–15% longer, the CLI batch ~2%; npm run bench.)
 */
export const namedIn: (spec: TableSpec, labels: Token[]) => readonly Named[] = perRun(namedByTexts);

interface Run<T> { value: T | undefined; next: Map<string, Run<T>> | undefined }

/**
 * `compute(spec, texts)` of a run of labels (their normalized texts), remembered per table format and
 * run, one level of maps per label: runs repeat from report to report. (A key joined of the texts
 * would be a new string to hash at every look-up, ~10× slower than a label's text.)
 */
export function perRun<T>(compute: (spec: TableSpec, texts: string[]) => T): (spec: TableSpec, labels: Token[]) => T {
  const bySpec = perTableSpec(() => ({ runs: new Map<string, Run<T>>(), size: 0 }));
  return (spec, labels) => {
    const memo = bySpec(spec);
    if (memo.size > 5000) { memo.runs.clear(); memo.size = 0; }
    let runs = memo.runs, run: Run<T> | undefined;
    for (let i = 0; i === 0 || i < labels.length; i++) {
      const text = i < labels.length ? normOf(labels[i]) : '';
      run = runs.get(text);
      if (!run) { runs.set(text, (run = { value: undefined, next: undefined })); memo.size++; }
      if (i + 1 < labels.length) runs = run.next ??= new Map();
    }
    return (run!.value ??= compute(spec, labels.length ? labels.map(normOf) : ['']));
  };
}

function namedByTexts(spec: TableSpec, texts: string[]): Named[] {
  let joined = '';
  const found: Named[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i];
    const whole = namedByLabel(spec, text);
    for (const row of whole) found.push({ row, at: joined.length });
    // On a flattened page a row left empty runs into the labels around it (现行有效件数规章 行政规范性文件,
    // 3.其他（七）总计, （七）总计四、结转…): a two-character keyword names its row where a label ends
    // after it, or the next one's numbering starts, as it does at the end of a run before the row's numbers.
    for (const { row, k } of shortKeywords(spec)) {
      if (whole.includes(row)) continue;
      for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
        const after = at + k.length;
        if (after === text.length ? i + 1 < texts.length : NUMBERING.test(text[after])) found.push({ row, at: joined.length + at });
      }
    }
    joined += text;
  }
  for (const n of namedByRun(spec, joined)) if (!found.some((f) => f.row === n.row && f.at <= n.at)) found.push(n);
  // Before the first row the statute's words name (or in the whole run, if none), a row's label with a slip.
  let before = joined.length;
  for (const f of found) if (!f.row.isGroup) before = Math.min(before, f.at);
  const slip = before >= 4 ? namedBySlip(spec, joined.slice(0, before)) : undefined;
  if (slip && !found.some((f) => f.row === slip.row)) found.push(slip);
  return found.length > 1 ? found.sort((a, b) => a.at - b.at) : found;
}

/** The words of each data row that a slip may be looked for in: its label as the statute prints it (normalized, without its numbering) and its keywords, those of four characters or more. */
const slipWords = perTableSpec((spec) => spec.rows.flatMap((row) =>
  row.isGroup ? [] : [stripNumbering(normalizeLabel(row.label)), ...row.match].filter((w) => w.length >= 4).map((word) => ({ row, word }))));

/**
 * The row whose label or keyword a run holds but for one character (a homophone or a look-alike the
 * input method slipped in: 部份公开, 重新出据), where the run names no row by the statute's words.
 * The longest such word names it (无正当理由大量返复申请 is 4.无正当理由大量反复申请, not 2.重复申请:
 * the words around 返复申请 say so); a slip as close to two rows' words of one length (行政许罚:
 * 行政许可 or 行政处罚?) names neither: never a guess.
 */
function namedBySlip(spec: TableSpec, joined: string): Named | undefined {
  let named: Named | undefined, longest = 0, tie = false;
  for (const { row, word } of slipWords(spec)) {
    if (word.length < longest || (word.length === longest && named?.row === row)) continue;
    const at = slipAt(word, joined);
    if (at < 0) continue;
    tie = word.length === longest;
    named = { row, at };
    longest = word.length;
  }
  return tie ? undefined : named;
}

/**
 * Where `text` holds `label` with one character changed (or as it is), else -1; a character added or
 * left out too, in a label of six characters or more (in a shorter one, three characters of four
 * would be too little to go by). Such a place holds one half of the label as it is: found by
 * looking for each half.
 */
function slipAt(label: string, text: string): number {
  const half = label.length >> 1, head = label.slice(0, half), tail = label.slice(half);
  const lengths = label.length >= 6 ? [label.length, label.length - 1, label.length + 1] : [label.length];
  for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
    for (const n of lengths) if (i + n <= text.length && oneEditApart(label, text.slice(i, i + n))) return i;
  }
  for (let i = text.indexOf(tail); i >= 0; i = text.indexOf(tail, i + 1)) {
    const end = i + tail.length;
    for (const n of lengths) if (end - n >= 0 && oneEditApart(label, text.slice(end - n, end))) return end - n;
  }
  return -1;
}

/** Whether b is a, or a with one character changed, added or left out. */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = a.length - 1, k = b.length - 1;
  while (j >= i && k >= i && a[j] === b[k]) { j--; k--; }
  return j - i < 1 && k - i < 1;
}
