import { dirname, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { compareRanges } from '../core/lineIndex';
import { checkAcrossYears, type Finding, type Locale } from '../core/service';
import { applyRuleLevels } from '../core/settings';
import { pairByBody } from '../core/years/pairing';
import type { YearSummary } from '../core/years/summary';
import type { Format } from './args';
import type { BatchResult } from './batch';
import { countFindings, diagnostic, textLines, visibleJson } from './output';
import { artifactLocation, region, sarifResults } from './sarif';
import { settingsFileFor } from './settingsFile';

// The checks across years on the command line: once every file is read (on whichever thread), the
// reports of one body for consecutive years among them are paired (core/years/pairing.ts) and the
// findings added to this year's file — to its lines, its JSON entry (with `related` places in last
// year's file) or its SARIF results (with relatedLocations).

/** What a file's thread keeps of a report for the checks across years. */
export interface YearEntry {
  path: string;
  /** Its entry in BatchResult.printed (text or JSON); -1 for SARIF. */
  printed: number;
  /** Whether its places are the file's own (not those of the draft made of a Word or PDF file). */
  positioned: boolean;
  summary: YearSummary;
}

/** Adds the findings across years of the batch's reports to its output and tally. */
export function addAcrossYears(result: BatchResult, { locale, format }: { locale: Locale; format: Format }): void {
  if (result.years.length < 2) return;
  const byPath = new Map(result.years.map((e) => [resolve(e.path), e]));
  for (const [current, previous] of pairByBody(result.years, (e) => chosenPrevious(e, byPath))) {
    const settings = settingsFileFor(current.path).settings;
    const pair = {
      current: { ...current.summary, file: current.path }, previous: { ...previous.summary, file: previous.path },
      copiedWarning: settings.acrossYears?.copiedTextWarning ?? 0.5,
    };
    const findings = applyRuleLevels(checkAcrossYears(pair, { locale }), settings.rules ?? {});
    if (!findings.length) continue;
    countFindings(result.tally, findings);
    if (format === 'sarif') result.sarif.push(...withRelated(sarifResults(current.path, findings, current.positioned), findings, previous.positioned));
    else if (format === 'json') result.printed[current.printed] = withDiagnostics(result.printed[current.printed], findings);
    else result.printed[current.printed] += textLines(current.path, findings);
  }
}

/**
 * Last year's report as the nearest .nianbao.json names it (`acrossYears.previous`, paths relative to
 * its folder): the entry, null when it says none or names a file not among those checked, undefined
 * when it does not name this one.
 */
function chosenPrevious(entry: YearEntry, byPath: Map<string, YearEntry>): YearEntry | null | undefined {
  const file = settingsFileFor(entry.path);
  const previous = file.settings.acrossYears?.previous;
  if (!previous || !file.path) return undefined;
  const base = dirname(file.path), self = resolve(entry.path);
  for (const [report, last] of Object.entries(previous)) {
    if (resolve(base, report) !== self) continue;
    return last === null ? null : byPath.get(resolve(base, last)) ?? null;
  }
  return undefined;
}

/** A file's JSON entry with more diagnostics, each with its `related` places in the other file; all in order of place. */
function withDiagnostics(entry: string, findings: Finding[]): string {
  const parsed = JSON.parse(entry) as { diagnostics: (ReturnType<typeof diagnostic> & { range: Finding['range'] })[] };
  for (const f of findings) {
    const d = diagnostic(f) as ReturnType<typeof diagnostic> & { range: Finding['range'] };
    if (f.related) d.related = f.related.map((r) => ({ file: r.file, range: { start: r.range.start, end: r.range.end }, message: r.message }));
    parsed.diagnostics.push(d);
  }
  parsed.diagnostics.sort((a, b) => compareRanges(a.range, b.range));
  return visibleJson(JSON.stringify(parsed));
}

/** The results with their places in last year's file (only the file, when its places are a draft's). */
function withRelated(results: Sarif.Result[], findings: Finding[], positioned: boolean): Sarif.Result[] {
  results.forEach((result, i) => {
    const related = findings[i].related?.filter((r) => r.file !== undefined) ?? [];
    if (!related.length) return;
    result.relatedLocations = related.map((r, id) => ({
      id,
      physicalLocation: positioned ? { artifactLocation: artifactLocation(r.file!), region: region(r.range) } : { artifactLocation: artifactLocation(r.file!) },
      message: { text: r.message },
    }));
  });
  return results;
}
