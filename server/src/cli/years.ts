import { dirname, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { compareRanges } from '../core/lineIndex';
import { checkAcrossYears, type Finding, type Locale } from '../core/service';
import { applyRuleLevels } from '../core/settings';
import { pairByBody } from '../core/years/pairing';
import { summaryOfText, type YearSummary } from '../core/years/summary';
import { summaryInSource } from '../import/inSource';
import type { Format } from './args';
import type { BatchResult, YearEntry } from './batch';
import { readDocument } from './files';
import { countFindings, diagnostic, textLines, visible, visibleJson } from './output';
import { artifactLocation, region, sarifResults } from './sarif';
import { settingsFileFor } from './settingsFile';

// The checks across years on the command line: once every file is checked (on whichever thread), the
// reports of one body for consecutive years among them are paired by what each file's thread kept —
// its body and year — and only the paired files are read again, here, for what the rules compare
// (keeping every report's paragraphs until the end made a batch without pairs ~15% slower). The
// findings go to this year's file: its lines, its JSON entry (with `related` places in last year's
// file) or its SARIF results (with relatedLocations).

/** Adds the findings across years of the batch's reports to its output and tally. */
export async function addAcrossYears(result: BatchResult, { locale, format }: { locale: Locale; format: Format }): Promise<void> {
  if (result.years.length < 2) return;
  const summaries = new Map<string, Promise<YearSummary | undefined>>();
  const summaryOf = (path: string) => {
    let s = summaries.get(path);
    if (!s) summaries.set(path, s = readSummary(path));
    return s;
  };
  for (const [current, previous] of pairByBody(result.years, chooser(result.years))) {
    const [now, last] = [await summaryOf(current.path), await summaryOf(previous.path)];
    // (A file changed or gone since it was checked is left alone.)
    if (!now || !last) continue;
    const settings = settingsFileFor(current.path).settings;
    const pair = { current: { ...now, file: current.path }, previous: { ...last, file: previous.path }, copiedWarning: settings.acrossYears?.copiedTextWarning ?? 0.5 };
    // A rule that throws is a bug in nianbao, said as the batch says it (batch.ts).
    const onError = (error: unknown, rule: string) =>
      result.ruleErrors.push(visible(`nianbao：规则 ${rule} 在检查 ${current.path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}`) + '\n');
    const findings = applyRuleLevels(checkAcrossYears(pair, { locale, onError }), settings.rules ?? {});
    if (!findings.length) continue;
    countFindings(result.tally, findings);
    if (format === 'sarif') result.sarif.push(...withRelated(sarifResults(current.path, findings, current.positioned), findings, current, previous));
    else if (format === 'json') result.printed[current.printed] = withDiagnostics(result.printed[current.printed], findings, current.path);
    else result.printed[current.printed] = inPlaceOrder(current.path, result.printed[current.printed] + textLines(current.path, findings));
  }
}

/** A file's text lines in the order of their places, as check prints them (the findings across years come last otherwise). */
function inPlaceOrder(path: string, lines: string): string {
  const prefix = visible(path).length + 1;
  const place = (line: string) => {
    const [row, column] = line.slice(prefix, line.indexOf(' ', prefix)).split(':').map(Number);
    return row * 1e6 + column;
  };
  return lines.split('\n').filter(Boolean).sort((a, b) => place(a) - place(b)).map((l) => `${l}\n`).join('');
}

/** A paired file read again: its summary, with a web page's places in its HTML. */
async function readSummary(path: string): Promise<YearSummary | undefined> {
  const source = await readDocument(path);
  if (!('text' in source)) return undefined;
  return summaryInSource(summaryOfText(source.text), source.text, source.imported?.source);
}

/**
 * Last year's report as the nearest .nianbao.json names it (`acrossYears.previous`, paths relative to
 * its folder): the entry, null when it says none or names a file not among those checked, undefined
 * when it does not name this one. (Asked once per folder of the files: most batches have no such file.)
 */
function chooser(entries: YearEntry[]): (entry: YearEntry) => YearEntry | null | undefined {
  const choices = new Map<string, Map<string, string | null> | undefined>();
  let byPath: Map<string, YearEntry> | undefined;
  return (entry) => {
    const folder = dirname(entry.path);
    let choice = choices.get(folder);
    if (!choices.has(folder)) {
      const file = settingsFileFor(entry.path);
      const previous = file.path ? file.settings.acrossYears?.previous : undefined;
      const base = file.path && dirname(file.path);
      choice = previous && base ? new Map(Object.entries(previous).map(([report, last]) => [resolve(base, report), last === null ? null : resolve(base, last)])) : undefined;
      choices.set(folder, choice);
    }
    const last = choice?.get(resolve(entry.path));
    if (last === undefined) return undefined;
    byPath ??= new Map(entries.map((e) => [resolve(e.path), e]));
    return last === null ? null : byPath.get(last) ?? null;
  };
}

/** A file's JSON entry with more diagnostics, each with its `related` places (in last year's file or this one, `path`); all in order of place. */
function withDiagnostics(entry: string, findings: Finding[], path: string): string {
  const parsed = JSON.parse(entry) as { diagnostics: (ReturnType<typeof diagnostic> & { range: Finding['range'] })[] };
  for (const f of findings) {
    const d = diagnostic(f) as ReturnType<typeof diagnostic> & { range: Finding['range'] };
    if (f.related) d.related = f.related.map((r) => ({ file: r.file ?? path, range: { start: r.range.start, end: r.range.end }, message: r.message }));
    parsed.diagnostics.push(d);
  }
  parsed.diagnostics.sort((a, b) => compareRanges(a.range, b.range));
  return visibleJson(JSON.stringify(parsed));
}

/** The results with their related places, in last year's file or this one (only the file, when its places are a draft's). */
function withRelated(results: Sarif.Result[], findings: Finding[], current: YearEntry, previous: YearEntry): Sarif.Result[] {
  results.forEach((result, i) => {
    const related = findings[i].related ?? [];
    if (!related.length) return;
    result.relatedLocations = related.map((r, id) => {
      const { path, positioned } = r.file === undefined ? current : previous;
      return { id, physicalLocation: positioned ? { artifactLocation: artifactLocation(path), region: region(r.range) } : { artifactLocation: artifactLocation(path) }, message: { text: r.message } };
    });
  });
  return results;
}
