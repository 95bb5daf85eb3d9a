import { check, type Locale } from '../core/service';
import { readSource, type ReadProblem, type SourceFile } from './files';
import { count, fileJson, textLines, type Tally } from './output';

export interface Batch { paths: string[]; locale: Locale; format: 'text' | 'json' }
export interface BatchResult {
  /** Each file's findings as printed: text lines, or its JSON entry. */
  printed: string[];
  tally: Tally;
  problems: ReadProblem[];
  ruleErrors: string[];
}

/**
 * Reads and checks the files, in order, on this thread. (Worker threads were tried: on the two
 * cores here V8's compiler and collector already keep the second core busy, so they only slowed it.)
 */
export function checkBatch(batch: Batch): BatchResult {
  const out: BatchResult = { printed: [], tally: { files: 0, errors: 0, warnings: 0, notes: 0 }, problems: [], ruleErrors: [] };
  for (const path of batch.paths) checkOne(readSource(path), batch, out);
  return out;
}

function checkOne(read: SourceFile | ReadProblem, { locale, format }: Batch, out: BatchResult): void {
  if (!('text' in read)) { out.problems.push(read); return; }
  const { path } = read;
  // A rule that throws is a bug in nianbao, not in the report: say so, keep checking.
  const onError = (error: unknown, rule: string) =>
    out.ruleErrors.push(`nianbao：规则 ${rule} 在检查 ${path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}\n`);
  // The command line prints no related places: they are not built.
  const { findings } = check(read.text, { locale, onError, related: false });
  count(out.tally, findings);
  out.printed.push(format === 'json' ? fileJson(path, findings) : textLines(path, findings));
}
