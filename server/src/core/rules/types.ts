import type { Report } from '../model';
import type { YearPair } from '../years/summary';
import type { LineIndex, Range } from '../lineIndex';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A message in the two locales: Chinese first, English second. */
export interface Msg { zh: string; en: string }

export interface TextEdit { range: Range; newText: string }
export interface Fix {
  title: Msg;
  edits: TextEdit[];
  /**
   * Certain: fix-all (on save, the command, the CLI's --fix) applies it without asking. Only a table
   * cell the identities pin, a value-preserving cell cleanup and a section numeral are; a prose figure,
   * a year, a title or a heading may be the right side, so those stay single, explicit quick fixes.
   */
  safe: boolean;
}
export interface Related {
  range: Range;
  message: Msg;
  /** A place in another file (last year's report, for a check across years): its path or URI. Absent: the same document. */
  file?: string;
}

/** What a check reports; the service turns it into a localized Finding. */
export interface RawFinding {
  code: string;
  message: Msg;
  range: Range;
  fix?: Fix;
  /** The other places involved, built only when asked for (the editor shows them; the command line does not). */
  related?: () => Related[];
  /** Only for a rule whose level depends on the finding (copied-text above its threshold); else the rule's. */
  severity?: Severity;
}

export interface RuleContext {
  report: Report;
  text: string;
  idx: LineIndex;
}

/** A rule's metadata: its stable code, default severity, and the text of its docs entry. */
export interface RuleMeta {
  code: string;
  severity: Severity;
  title: Msg;
  description: Msg;
}

/** A rule: its metadata and its check. Each lives in its own file, rules/<code>.ts; rules/index.ts lists them. */
export interface Rule extends RuleMeta {
  /** Checks what the statutory format prescribes (sections, tables): not run on a report from before 2019. */
  statutoryOnly?: boolean;
  /** The rule's findings, every one with the rule's code. */
  check(ctx: RuleContext): RawFinding[];
}

/**
 * A rule that compares this year's report with last year's (core/years/): its metadata is listed with
 * the others (docs, settings, SARIF); it runs only on a pair of reports, never in check(text).
 */
export interface YearRule extends RuleMeta {
  acrossYears: true;
  check(pair: YearPair): RawFinding[];
}
