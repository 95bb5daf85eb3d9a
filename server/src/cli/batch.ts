import type * as Sarif from 'sarif';
import { check, type CheckResult, type Finding, type Locale } from '../core/service';
import { datedOf, type Dated } from '../core/years/summary';
import { applyRuleLevels } from '../core/settings';
import { said } from '../import/types';
import type { Format } from './args';
import { unifiedDiff } from './diff';
import { findingsInSource, type MappedSource } from '../import/inSource';
import { documentKind, importText } from '../import/index';
import { ownText, readDocument, readSource, type Listed, type ReadProblem, type SourceFile } from './files';
import { fixedText, writeFixed } from './fix';
import { count, emptyTally, encodingLine, fileErrorJson, fileJson, importLine, importNote, noteLine, textLines, visible, type Tally } from './output';
import { sarifResults } from './sarif';
import { settingsFileFor } from './settingsFile';

export interface Batch {
  items: Listed[]; locale: Locale; format: Format; verbose?: boolean;
  /** --fix: write each text file's fixes (or, with dryRun, print them as a diff), then report what remains. */
  fix?: { dryRun: boolean };
  /** Told after each file, with how many are done (for the progress line; never across threads). */
  onProgress?: (done: number) => void;
}
/** What a file's thread keeps of a report for the checks across years. */
export interface YearEntry extends Dated {
  path: string;
  /** Its entry in BatchResult.printed (text or JSON); -1 for SARIF. */
  printed: number;
  /** Whether its places are the file's own (not those of the draft made of a Word or PDF file). */
  positioned: boolean;
}

export interface BatchResult {
  /** Each file's findings as printed: text lines, or its JSON entry (also for a file not checked); with --dry-run, its diff. */
  printed: string[];
  /** --format sarif: the results, in the order of the files. */
  sarif: Sarif.Result[];
  tally: Tally;
  /** The files that were not checked, in order: the others are checked all the same. */
  problems: ReadProblem[];
  ruleErrors: string[];
  /** --verbose: the encoding each file was read in, one line each. */
  encodings: string[];
  /** --fix: what was fixed, and what could not be, one line each. */
  fixes: string[];
  /** What an importer could not read in a document that was checked all the same (a scanned page of a PDF), one line each. */
  importNotes: string[];
  /** Each report's body and year, for the checks across years (years.ts), done once all files are read. */
  years: YearEntry[];
}

export const emptyResult = (): BatchResult => ({ printed: [], sarif: [], tally: emptyTally(), problems: [], ruleErrors: [], encodings: [], fixes: [], importNotes: [], years: [] });

// Text files are read synchronously (see files.ts); the importers of other documents are asynchronous.
const isText = (path: string) => (documentKind(path) ?? 'text') === 'text';

/**
 * Reads and checks the files, in order, on this thread. (With --jobs, worker threads each run this on
 * a share of the files: see pool.ts.)
 */
export async function checkBatch(batch: Batch, out: BatchResult = emptyResult()): Promise<BatchResult> {
  const { items, onProgress } = batch;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string' || isText(item)) {
      checkOne(typeof item !== 'string' ? item : readSource(item), batch, out);
    } else {
      const start = performance.now();
      const source = await readDocument(item);
      if (batch.verbose && 'text' in source) out.encodings.push(importLine(item, performance.now() - start, batch.locale));
      checkOne(source, batch, out);
    }
    onProgress?.(i + 1);
  }
  return out;
}

/** One file read (or not): its findings, fixes and lines into `out`. Exported for the tests of documents the importers make. */
export function checkOne(source: SourceFile | ReadProblem, { locale, format, verbose, fix }: Batch, out: BatchResult): void {
  if (!('text' in source)) {
    out.problems.push(source);
    // In the JSON array too, at its place, so that a script sees every file it named.
    if (format === 'json') out.printed.push(fileErrorJson(source, locale));
    return;
  }
  const { path } = source;
  if (verbose && source.encoding) out.encodings.push(encodingLine(path, source.encoding, locale));
  for (const note of source.imported?.notes ?? []) out.importNotes.push(importNote(path, note, locale));
  // A rule that throws is a bug in nianbao, not in the report: say so, keep checking.
  const onError = (error: unknown, rule: string) =>
    out.ruleErrors.push(visible(`nianbao：规则 ${rule} 在检查 ${path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}`) + '\n');
  const shared = settingsFileFor(path);
  if (shared.problems.length && !shared.told) {
    shared.told = true;
    out.importNotes.push(noteLine({ zh: `${shared.path} 有误，已忽略其中无效的部分：${shared.problems.join('；')}`, en: `${shared.path} has errors; its invalid parts are ignored: ${shared.problems.join('; ')}` }, locale));
  }
  /** A draft's report, and its findings as the file shows them. */
  const checkDraft = (draft: string, mapped: MappedSource | undefined): CheckResult => {
    // The command line prints no related places: they are not built.
    const result = check(draft, { locale, onError, related: false });
    // A web page's findings (or those of a text's HTML tables) are shown where they are in its HTML, not in the draft made of it.
    let findings = mapped ? findingsInSource(result.findings, draft, mapped) : result.findings;
    // An office's .nianbao.json: rules turned off or given another severity (as in the editor).
    if (shared.settings.rules) findings = applyRuleLevels(findings, shared.settings.rules);
    return { ...result, findings };
  };
  const mapped = source.imported?.source;
  let { findings, report: parsed, idx: lines } = checkDraft(source.text, mapped);
  if (fix) {
    const fixed = fixOne(source, findings, fix.dryRun, locale, out);
    // What remains is what the fixed text gives: a fix may settle other findings (or, rarely, raise one).
    if (fixed !== undefined) {
      const again = importText(fixed);
      ({ findings, report: parsed, idx: lines } = checkDraft(again.text, again.source));
    }
  }
  count(out.tally, findings);
  if (fix?.dryRun) return;
  // A web page's findings are in its HTML (mapped above); a Word or PDF file's are in the draft made of it.
  const positioned = !source.imported || mapped !== undefined;
  const dated = datedOf(parsed, lines);
  if (dated) out.years.push({ path, printed: format === 'sarif' ? -1 : out.printed.length, positioned, ...dated });
  if (format === 'sarif') out.sarif.push(...sarifResults(path, findings, positioned));
  else out.printed.push(format === 'json' ? fileJson(path, findings) : textLines(path, findings));
}


/** Fixes one file (or, dry, prints the diff); the fixed text, or undefined if it was not changed. */
function fixOne(source: SourceFile, findings: Finding[], dryRun: boolean, locale: Locale, out: BatchResult): string | undefined {
  const { path } = source;
  const fixable = findings.filter((f) => f.fix).length;
  if (fixable === 0) return undefined;
  if ((source.imported && source.imported.kind !== 'text') || !source.encoding) {
    // A Word, PDF or web page is not written: the draft nianbao reads is not the document.
    out.fixes.push(noteLine(said(`未修正 ${path}：只修正 .txt 和 .md 文件（${fixable} 个问题可修正；可先用 nianbao convert 转成草稿）`,
      `not fixed ${path}: only .txt and .md files are fixed (${fixable} fixable; nianbao convert makes an editable draft)`), locale));
    return undefined;
  }
  // The findings are placed in the file's own text, also when its HTML tables were read as a draft.
  const text = ownText(source);
  const fixed = fixedText(text, findings);
  if (!fixed) return undefined;
  if (dryRun) {
    out.printed.push(unifiedDiff(path, path, text, fixed.text));
    out.fixes.push(noteLine(said(`可修正 ${path}：${fixed.edits} 处（--dry-run，未修改）`, `would fix ${path}: ${fixed.edits} edit(s) (--dry-run, not changed)`), locale));
  } else {
    const failed = writeFixed(path, text, fixed.text, source.encoding);
    if (failed) {
      out.fixes.push(noteLine(said(`未修正 ${path}：${failed.zh}`, `not fixed ${path}: ${failed.en}`), locale));
      return undefined;
    }
    out.fixes.push(noteLine(said(`已修正 ${path}：${fixed.edits} 处`, `fixed ${path}: ${fixed.edits} edit(s)`), locale));
  }
  return fixed.text;
}
