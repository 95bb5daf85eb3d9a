import { check, type Locale } from '../core/service';
import { readSource, type ReadProblem } from './files';
import type { FileResult } from './output';

export interface Batch { paths: string[]; locale: Locale }
export interface BatchResult { results: FileResult[]; problems: ReadProblem[]; ruleErrors: string[] }

/**
 * Reads and checks the files, in order, on this thread. (Worker threads were tried: on the two
 * cores here V8's compiler and collector already keep the second core busy, so they only slowed it.)
 */
export function checkBatch({ paths, locale }: Batch): BatchResult {
  const out: BatchResult = { results: [], problems: [], ruleErrors: [] };
  for (const path of paths) {
    const read = readSource(path);
    if (!('text' in read)) { out.problems.push(read); continue; }
    // A rule that throws is a bug in nianbao, not in the report: say so, keep checking.
    const onError = (error: unknown, rule: string) =>
      out.ruleErrors.push(`nianbao：规则 ${rule} 在检查 ${path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}\n`);
    // The command line prints no related places: they are not built.
    out.results.push({ path, findings: check(read.text, { locale, onError, related: false }).findings });
  }
  return out;
}
