import { predatesStatutoryFormat } from './format/years';
import type { Report } from './model';
import { parseReport } from './parse/report';
import { REPORT_RULES, ruleByCode, RULES, YEAR_RULES } from './rules/index';
import type { RawFinding, RuleMeta, Severity, TextEdit } from './rules/types';
import type { YearPair } from './years/summary';
import { compareRanges, LineIndex, type Range } from './lineIndex';

// The facade of the pure core: text in, report model and findings out. The language server and
// the CLI are thin faces of these functions; nothing here knows about VS Code or LSP.

export type Locale = 'zh' | 'en';
export type { RuleMeta, Severity, TextEdit };
/** Every rule with its metadata (code, severity, titles, docs text): the CLI's rule list, the server and the docs read it here. */
export { ruleByCode, RULES };

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** `safe`: certain, applied by fix-all (rules/types.ts Fix). */
  fix?: { title: string; edits: TextEdit[]; safe: boolean };
  /** `file`: a place in another file (last year's report), as the pair named it. */
  related?: { range: Range; message: string; file?: string }[];
}

export interface CheckResult {
  report: Report; findings: Finding[];
  /** The text's lines, as the rules used them (the checks across years read the report with them too). */
  idx: LineIndex;
}

export interface CheckOptions {
  locale?: Locale;
  /** Told about a check that threw; the other checks' findings are still returned. */
  onError?: (error: unknown, rule: string) => void;
  /** Whether to spell out each finding's related places (default true; the command line prints none). */
  related?: boolean;
}

function localize(raw: RawFinding, locale: Locale, related: boolean): Finding {
  const f: Finding = { code: raw.code, severity: raw.severity ?? ruleByCode(raw.code)?.severity ?? 'warning', message: raw.message[locale], range: raw.range };
  if (raw.fix) f.fix = { title: raw.fix.title[locale], edits: raw.fix.edits, safe: raw.fix.safe };
  const places = related && raw.related ? raw.related() : [];
  if (places.length) f.related = places.map((r) => (r.file === undefined ? { range: r.range, message: r.message[locale] } : { range: r.range, message: r.message[locale], file: r.file }));
  return f;
}

/** Parses the text and runs every rule. Never throws. */
export function check(text: string, options: CheckOptions = {}): CheckResult {
  const idx = new LineIndex(text);
  const report = parseReport(text, idx);
  const findings: Finding[] = [];
  // A text that is neither titled as a report nor holds a statutory table gets no findings at all.
  const rules = !report.looksLikeReport ? [] : predatesStatutoryFormat(report.year) ? REPORT_RULES.filter((r) => !r.statutoryOnly) : REPORT_RULES;
  for (const rule of rules) {
    try {
      for (const raw of rule.check({ report, text, idx })) findings.push(localize(raw, options.locale ?? 'zh', options.related ?? true));
    } catch (error) {
      options.onError?.(error, rule.code);
    }
  }
  findings.sort((a, b) => compareRanges(a.range, b.range) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)); // codes are ASCII
  return { report, findings, idx };
}

/**
 * The findings of the rules across years on this year's report (pair.current) and last year's
 * (pair.previous): on this year's file, their related places in last year's (`file`). Never throws.
 */
export function checkAcrossYears(pair: YearPair, options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of YEAR_RULES) {
    try {
      for (const raw of rule.check(pair)) findings.push(localize(raw, options.locale ?? 'zh', options.related ?? true));
    } catch (error) {
      options.onError?.(error, rule.code);
    }
  }
  return findings.sort((a, b) => compareRanges(a.range, b.range) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Applies edits to text; edits that overlap an earlier one are skipped. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const idx = new LineIndex(text);
  let out = '', at = 0;
  for (const e of withoutOverlaps(edits)) {
    const start = idx.offset(e.range.start);
    out += text.slice(at, start) + e.newText;
    at = idx.offset(e.range.end);
  }
  return out + text.slice(at);
}

/** The edits sorted by position, keeping the first of any that overlap (a client rejects overlaps). */
function withoutOverlaps(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => compareRanges(a.range, b.range));
  const kept: TextEdit[] = [];
  for (const e of sorted) {
    const last = kept[kept.length - 1];
    if (last && compareRanges({ start: e.range.start, end: e.range.start }, { start: last.range.end, end: last.range.end }) < 0) continue;
    kept.push(e);
  }
  return kept;
}

/**
 * The edits of every safe fix among the findings (optionally of one rule), sorted and without overlaps:
 * fix-all, on save and the command line's --fix. The other fixes are offered one by one only.
 */
export function fixAllEdits(findings: Finding[], code?: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) if (f.fix?.safe && (!code || f.code === code)) edits.push(...f.fix.edits);
  return withoutOverlaps(edits);
}
