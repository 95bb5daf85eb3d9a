import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { addTally } from './output';
import { checkBatch, emptyResult, type Batch, type BatchResult } from './batch';

// --jobs N: the files are cut into small runs, handed to N worker threads as each finishes its last,
// and the results put back in the order of the runs, so that the output is the one --jobs 1 prints.
// The worker is this very bundle (dist/cli.js), started again on another thread (see main.ts).

/** Marks a worker that nianbao started, in its workerData. */
export const WORKER = 'nianbaoWorker';

/** --jobs 0 (auto): every core. */
export const threadsFor = (jobs: number) => (jobs === 0 ? availableParallelism() : jobs);

type Options = Omit<Batch, 'items' | 'onProgress'>;
interface Job { run: number; items: Batch['items']; options: Options }
interface Done { run: number; result: BatchResult }

/** In a worker: checks each run of files it is sent and sends the result back. */
export function serveWorker(): void {
  parentPort!.on('message', async ({ run, items, options }: Job) => {
    parentPort!.postMessage({ run, result: await checkBatch({ ...options, items }) } satisfies Done);
  });
}

export async function checkInWorkers(batch: Batch, threads: number, entry: string): Promise<BatchResult> {
  const { items, onProgress, ...options } = batch;
  // Runs small enough that the threads finish together, large enough that messages cost little.
  const size = Math.max(1, Math.min(64, Math.ceil(items.length / (threads * 8))));
  const runs: Batch['items'][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  const results: BatchResult[] = new Array(runs.length);
  let next = 0, done = 0;

  const thread = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(entry, { workerData: { [WORKER]: true } });
    const send = () => {
      if (next >= runs.length) { worker.terminate().then(() => resolve(), reject); return; }
      const run = next++;
      worker.postMessage({ run, items: runs[run], options } satisfies Job);
    };
    worker.on('message', ({ run, result }: Done) => {
      results[run] = result;
      done += runs[run].length;
      onProgress?.(done);
      send();
    });
    worker.on('error', reject);
    send();
  });
  await Promise.all(Array.from({ length: Math.min(threads, runs.length) }, thread));

  const out = emptyResult();
  for (const r of results) {
    append(out.printed, r.printed);
    append(out.sarif, r.sarif);
    addTally(out.tally, r.tally);
    append(out.problems, r.problems);
    append(out.ruleErrors, r.ruleErrors);
    append(out.encodings, r.encodings);
    append(out.fixes, r.fixes);
  }
  return out;
}

// A loop, not push(...from): a run's thousands of SARIF results would overflow the call's arguments.
function append<T>(to: T[], from: T[]): void {
  for (const x of from) to.push(x);
}
