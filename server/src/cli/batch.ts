import { check, type Locale } from '../core/service';
import { readSource, type ReadProblem, type SourceFile } from './files';
import type { FileResult } from './output';

export interface Batch { paths: string[]; locale: Locale }
export interface BatchResult { results: FileResult[]; problems: ReadProblem[]; ruleErrors: string[] }

/** Files read in one go before they are checked: reading them apart from the checking is faster. */
const CHUNK = 64;

/**
 * Reads and checks the files, in order, on this thread. (Worker threads were tried: on the two
 * cores here V8's compiler and collector already keep the second core busy, so they only slowed it.)
 */
export function checkBatch({ paths, locale }: Batch): BatchResult {
  const out: BatchResult = { results: [], problems: [], ruleErrors: [] };
  for (let from = 0; from < paths.length; from += CHUNK) {
    for (const read of paths.slice(from, from + CHUNK).map(readSource)) checkOne(read, locale, out);
  }
  return out;
}

function checkOne(read: SourceFile | ReadProblem, locale: Locale, out: BatchResult): void {
  if (!('text' in read)) { out.problems.push(read); return; }
  const { path } = read;
  // A rule that throws is a bug in nianbao, not in the report: say so, keep checking.
  const onError = (error: unknown, rule: string) =>
    out.ruleErrors.push(`nianbao：规则 ${rule} 在检查 ${path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}\n`);
  // The command line prints no related places: they are not built.
  out.results.push({ path, findings: check(read.text, { locale, onError, related: false }).findings });
}
