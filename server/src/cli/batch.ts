import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { check, type Locale } from '../core/service';
import { readSource, type ReadProblem } from './files';
import type { FileResult } from './output';

// Offices check hundreds of reports at once: past a few hundred files the work is split over the
// cores, the main thread taking the first share and worker threads (this same bundle) the rest.

export interface Batch { paths: string[]; locale: Locale }
export interface BatchResult { results: FileResult[]; problems: ReadProblem[]; ruleErrors: string[] }

const FILES_PER_THREAD = 250;

/** Reads and checks the files, in order. */
export function checkBatch({ paths, locale }: Batch): BatchResult {
  const out: BatchResult = { results: [], problems: [], ruleErrors: [] };
  for (const path of paths) {
    const read = readSource(path);
    if (!('text' in read)) { out.problems.push(read); continue; }
    // A rule that throws is a bug in nianbao, not in the report: say so, keep checking.
    const onError = (error: unknown, rule: string) =>
      out.ruleErrors.push(`nianbao：规则 ${rule} 在检查 ${path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}\n`);
    out.results.push({ path, findings: check(read.text, { locale, onError }).findings });
  }
  return out;
}

function inWorker(batch: Batch): Promise<BatchResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { nianbaoBatch: batch } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Checks the files over the available cores; the results keep the order of `paths`. */
export async function checkAll(batch: Batch): Promise<BatchResult> {
  const threads = Math.min(availableParallelism(), Math.ceil(batch.paths.length / FILES_PER_THREAD));
  if (threads <= 1) return checkBatch(batch);
  const size = Math.ceil(batch.paths.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => ({ ...batch, paths: batch.paths.slice(i * size, (i + 1) * size) }));
  const others = shares.slice(1).map(inWorker);
  const all = [checkBatch(shares[0]), ...(await Promise.all(others))];
  return {
    results: all.flatMap((r) => r.results),
    problems: all.flatMap((r) => r.problems),
    ruleErrors: all.flatMap((r) => r.ruleErrors),
  };
}

if (!isMainThread && workerData?.nianbaoBatch) parentPort!.postMessage(checkBatch(workerData.nianbaoBatch as Batch));
