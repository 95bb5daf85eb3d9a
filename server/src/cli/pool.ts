import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { addTally } from './output';
import { checkBatch, emptyResult, type Batch, type BatchResult } from './batch';

// --jobs N: the files are cut into small runs, taken by this thread and N − 1 worker threads as each
// finishes its last, and the results put back in the order of the runs, so that the output is the one
// --jobs 1 prints.
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

/**
 * Checks the files on this thread and threads − 1 workers. This thread takes runs too: a worker's first
 * runs are slow (its V8 compiles everything again), so one worker fewer wastes less of a small machine.
 */
export async function checkInWorkers(batch: Batch, threads: number, entry: string): Promise<BatchResult> {
  const { items, onProgress, ...options } = batch;
  // Runs small enough that the threads finish together, large enough that messages cost little.
  const size = Math.max(1, Math.min(32, Math.ceil(items.length / (threads * 16))));
  const runs: Batch['items'][] = [];
  for (let i = 0; i < items.length; i += size) runs.push(items.slice(i, i + size));
  const results: BatchResult[] = new Array(runs.length);
  let next = 0, done = 0;
  const finished = (run: number, result: BatchResult) => {
    results[run] = result;
    done += runs[run].length;
    onProgress?.(done);
  };

  const worker = () => new Promise<void>((resolve, reject) => {
    const w = new Worker(entry, { workerData: { [WORKER]: true } });
    let busy = 0;
    const send = () => {
      if (next >= runs.length) {
        if (busy === 0) w.terminate().then(() => resolve(), reject);
        return;
      }
      const run = next++;
      busy++;
      w.postMessage({ run, items: runs[run], options } satisfies Job);
    };
    w.on('message', ({ run, result }: Done) => { busy--; finished(run, result); send(); });
    w.on('error', reject);
    // Two runs in hand, so that it never waits for this thread to hand it the next.
    send();
    send();
  });
  const here = async () => {
    while (next < runs.length) {
      const run = next++;
      finished(run, await checkBatch({ ...options, items: runs[run] }));
      // Let the workers' messages in: checking a run of text files never yields by itself.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all([here(), ...Array.from({ length: Math.min(threads - 1, runs.length) }, worker)]);

  const out = emptyResult();
  for (const r of results) {
    // A report's place in `printed` counts from the start of its run's.
    for (const y of r.years) out.years.push(y.printed < 0 ? y : { ...y, printed: y.printed + out.printed.length });
    append(out.printed, r.printed);
    append(out.sarif, r.sarif);
    addTally(out.tally, r.tally);
    append(out.problems, r.problems);
    append(out.ruleErrors, r.ruleErrors);
    append(out.encodings, r.encodings);
    append(out.fixes, r.fixes);
    append(out.importNotes, r.importNotes);
  }
  return out;
}

// A loop, not push(...from): a run's thousands of SARIF results would overflow the call's arguments.
function append<T>(to: T[], from: T[]): void {
  for (const x of from) to.push(x);
}
