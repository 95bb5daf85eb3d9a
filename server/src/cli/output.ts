import type { Cell, Report, TableProblem } from '../core/model';
import { ruleByCode, RULES, type Finding, type Locale, type Severity } from '../core/service';
import type { Range } from '../core/lineIndex';
import type { Encoding, ReadProblem, Said } from './files';

// How results are printed. stdout carries only the machine-readable part (one line per
// finding, or JSON); the human summary goes to stderr so pipes stay clean.

// Each file's findings are printed (into a string) as soon as it is checked, so that thousands
// of finding objects need not be kept until the end.

// Control characters are never printed: a file name may hold any (a line break, a terminal's escape),
// and a message may quote a tab. Each is shown as \u001b, the way JSON writes it.
const CONTROL = /[\0-\x1f\x7f-\x9f]/;
const CONTROLS = /[\0-\x1f\x7f-\x9f]/g;
// JSON.stringify escapes C0 controls itself, but not DEL and the C1 controls.
const JSON_CONTROL = /[\x7f-\x9f]/;
const JSON_CONTROLS = /[\x7f-\x9f]/g;
const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The string with its control characters written as \u0000 escapes. */
export const visible = (s: string) => (CONTROL.test(s) ? s.replace(CONTROLS, escape) : s);
/** JSON text with DEL and the C1 controls escaped too (JSON.stringify escapes only C0). */
export const visibleJson = (s: string) => (JSON_CONTROL.test(s) ? s.replace(JSON_CONTROLS, escape) : s);

/** `file:line:col severity code message` for each finding of a file, 1-based like other linters. */
export function textLines(path: string, findings: Finding[]): string {
  const lines: string[] = [];
  const file = visible(path);
  for (const f of findings) {
    lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${visible(f.message)}\n`);
  }
  // join copies the characters into one flat string; strings built with + would instead keep their
  // parts, and a message's quoted words keep the whole report text they were cut from: a batch
  // then holds every report in memory until the end (the 2,000-report CLI batch takes ~6% longer; npm run bench).
  return lines.join('');
}

// The JSON schema is a promise to scripts that read it: build each object key by key so that
// nothing else the core may add to a finding (such as `related`) leaks into it.
const range = (r: Range) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } });

export function diagnostic(f: Finding) {
  const d: Record<string, unknown> = { code: f.code, severity: f.severity, message: f.message, range: range(f.range) };
  if (f.fix) d.fix = { title: f.fix.title, safe: f.fix.safe, edits: f.fix.edits.map((e) => ({ range: range(e.range), newText: e.newText })) };
  return d;
}

/** One file's entry of the JSON array: `{"file", "diagnostics"}`. */
export function fileJson(path: string, findings: Finding[]): string {
  return visibleJson(JSON.stringify({ file: path, diagnostics: findings.map(diagnostic) }));
}

/**
 * A file that was not checked, in the JSON array at its place among the others: `diagnostics` stays
 * (empty) so that a script written for the older output still runs; `error` says why it was not checked.
 */
export function fileErrorJson({ path, kind, reason }: ReadProblem, locale: Locale): string {
  return visibleJson(JSON.stringify({ file: path, diagnostics: [], error: { kind, message: reason[locale] } }));
}

/** The JSON array of the files' entries. */
export const checkJson = (entries: string[]) => `[${entries.join(',')}]\n`;

/** How many files were checked and how many findings of each kind they have. */
export interface Tally {
  files: number; errors: number; warnings: number; notes: number;
  /**
   * Findings per rule code, with the most serious level they were shown at (a rule's level may be set in
   * .nianbao.json, and copied-text's depends on the finding). A plain object: it crosses from worker threads as it is.
   */
  byRule: Record<string, { count: number; severity: Severity }>;
}

export const emptyTally = (): Tally => ({ files: 0, errors: 0, warnings: 0, notes: 0, byRule: {} });

/** Adds a worker's tally to the run's. */
export function addTally(to: Tally, from: Tally): void {
  to.files += from.files; to.errors += from.errors; to.warnings += from.warnings; to.notes += from.notes;
  for (const [code, { count, severity }] of Object.entries(from.byRule)) tallyRule(to, code, severity, count);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

function tallyRule(tally: Tally, code: string, severity: Severity, count: number): void {
  const known = tally.byRule[code];
  if (!known) tally.byRule[code] = { count, severity };
  else {
    known.count += count;
    if (RANK[severity] < RANK[known.severity]) known.severity = severity;
  }
}

export function count(tally: Tally, findings: Finding[]): void {
  tally.files++;
  countFindings(tally, findings);
}

/** Counts findings without a file (those across years, of files already counted). */
export function countFindings(tally: Tally, findings: Finding[]): void {
  for (const f of findings) {
    tallyRule(tally, f.code, f.severity, 1);
    if (f.severity === 'error') tally.errors++;
    else if (f.severity === 'warning') tally.warnings++;
    else tally.notes++;
  }
}

const SEVERITY: Record<string, Said> = {
  error: { zh: '错误', en: 'error' }, warning: { zh: '警告', en: 'warning' },
  information: { zh: '提示', en: 'note' }, hint: { zh: '提示', en: 'note' },
};

const ORDER = new Map(RULES.map((r, i) => [r.code, i]));

/** Before the summary line: how many findings each rule gave, in the order of the rule list, with its severity and title. */
export function ruleSummary({ byRule }: Tally, locale: Locale): string {
  // (A code that is in no rule cannot happen; it would still be counted, last, without a title.)
  const codes = Object.keys(byRule).sort((a, b) => (ORDER.get(a) ?? Infinity) - (ORDER.get(b) ?? Infinity));
  if (codes.length === 0) return '';
  const width = Math.max(...codes.map((c) => c.length));
  const digits = Math.max(...codes.map((c) => String(byRule[c].count).length));
  const lines = codes.map((code) => {
    const rule = ruleByCode(code);
    const severity = SEVERITY[byRule[code].severity][locale].padEnd(locale === 'en' ? 7 : 2);
    return `  ${code.padEnd(width)}  ${String(byRule[code].count).padStart(digits)}  ${severity}  ${rule?.title[locale] ?? ''}`.trimEnd() + '\n';
  });
  return (locale === 'en' ? 'Findings per rule:\n' : '各规则的问题数：\n') + lines.join('');
}

/** The summary line; `unchecked` counts the files named that could not be checked. */
export function summary({ files, errors, warnings, notes }: Tally, unchecked: number, locale: Locale): string {
  if (locale === 'en') {
    return `Checked ${files} file(s): ${errors} error(s), ${warnings} warning(s)${notes ? `, ${notes} note(s)` : ''}${unchecked ? `; ${unchecked} file(s) could not be checked` : ''}\n`;
  }
  return `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告${notes ? `，${notes} 个提示` : ''}${unchecked ? `；${unchecked} 个文件未能检查` : ''}\n`;
}

/** One line on stderr: a file that was not checked, and why. */
export function problemLine({ path, kind, reason }: ReadProblem, locale: Locale): string {
  if (locale === 'en') return `nianbao: ${kind === 'unreadable' ? 'cannot read' : 'skipped'} ${visible(path)}: ${visible(reason.en)}\n`;
  return `nianbao：${kind === 'unreadable' ? '无法读取' : '未检查'} ${visible(path)}：${visible(reason.zh)}\n`;
}

/** A line on stderr that is not about a failure (a note, or --verbose). */
export const noteLine = (said: Said, locale: Locale) => `nianbao${locale === 'en' ? ': ' : '：'}${visible(said[locale])}\n`;

/** What an importer could not read in a document it read all the same. */
export const importNote = (path: string, note: Said, locale: Locale) => noteLine({ zh: `${path}：${note.zh}`, en: `${path}: ${note.en}` }, locale);

/** --verbose: how long a document's importer took (a PDF takes some hundred milliseconds). */
export const importLine = (path: string, ms: number, locale: Locale) => (locale === 'en'
  ? `nianbao: ${visible(path)}: read in ${Math.round(ms)} ms\n`
  : `nianbao：${visible(path)}：读取用时 ${Math.round(ms)} 毫秒\n`);

const ENCODINGS: Record<Encoding, Said> = {
  'UTF-8': { zh: 'UTF-8', en: 'UTF-8' },
  'UTF-8 BOM': { zh: 'UTF-8（带 BOM）', en: 'UTF-8 with BOM' },
  'UTF-16LE BOM': { zh: 'UTF-16LE（带 BOM）', en: 'UTF-16LE with BOM' },
  'UTF-16BE BOM': { zh: 'UTF-16BE（带 BOM）', en: 'UTF-16BE with BOM' },
  GB18030: { zh: 'GB18030（兼容 GBK）', en: 'GB18030 (GBK)' },
};

/** --verbose: the encoding a file was read in. */
export const encodingLine = (path: string, encoding: Encoding, locale: Locale) => (locale === 'en'
  ? `nianbao: ${visible(path)}: read as ${ENCODINGS[encoding].en}\n`
  : `nianbao：${visible(path)}：编码 ${ENCODINGS[encoding].zh}\n`);

/** A cell as the JSON shows it: its value, text and place; its kind when it is not a number, and whether it was cut from run-together digits. */
function cellJson(cell: Cell): Record<string, unknown> {
  const out: Record<string, unknown> = { value: cell.value, raw: cell.raw, range: range(cell.range) };
  if (cell.kind !== 'number') out.kind = cell.kind;
  if (cell.inferred) out.inferred = true;
  return out;
}

/** Where the reader could not bind numbers to cells: what, which row, where, and (ambiguous) the values each reading gives. */
function problemJson(p: TableProblem): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: p.kind, row: p.row ?? null, range: range(p.range), found: p.found, expected: p.expected };
  if (p.cause) out.cause = p.cause;
  if (p.readings) out.readings = p.readings.map((cells) => Object.fromEntries(Object.entries(cells).map(([col, c]) => [col, c.value])));
  return out;
}

/**
 * The report model with canonical keys; a cell keeps only what a reader of the JSON needs; `problems` lists, per table,
 * what the reader could not read; `pictures`, where a table not found as text stands as a picture.
 */
export function parseJson(path: string, report: Report): string {
  const tables: Record<string, Record<string, Record<string, unknown>>> = {};
  const problems: Record<string, unknown[]> = {};
  for (const [key, table] of Object.entries(report.tables)) {
    if (!table) continue;
    tables[key] = {};
    for (const [rowKey, row] of Object.entries(table.rows)) {
      const cells: Record<string, unknown> = {};
      for (const [col, cell] of Object.entries(row.cells)) cells[col] = cellJson(cell);
      tables[key][rowKey] = cells;
    }
    if (table.problems.length) problems[key] = table.problems.map(problemJson);
  }
  const sections = report.sections.map((s) => ({ number: s.number, title: s.title, range: range(s.range) }));
  const pictures = Object.fromEntries(Object.entries(report.pictures).map(([key, r]) => [key, range(r)]));
  return visibleJson(JSON.stringify({ file: path, year: report.year, format: report.format, sections, tables, problems, pictures }, null, 2)) + '\n';
}
