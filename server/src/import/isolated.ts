import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { importerFailed, said, type ImportResult } from './types';

// PDF, OFD and Word files (and ODT, RTF) are read on a worker thread of their own (importer.ts, bundled as
// dist/importer.js), under a deadline and a memory limit. pdf.js, xmldom and mammoth parse
// synchronously, and a hostile file keeps them at it for minutes (a PDF page of 20 million drawing
// operators and no text, an 870 KB file, took a minute; 100,000 paragraphs in an 11 KB Word file take
// 20 s) or fills the memory: a deadline looked at
// between awaits cannot stop them, and the language server, which must go on answering the editor,
// and the command line, which checks hundreds of files, would hang with them. A worker is terminated
// between any two instructions of its JavaScript. One worker reads file after file (pdf.js is loaded
// once); one stopped for a file is replaced for the next.

/** The documents read on the worker: what isolated.ts sends it. */
export interface Job { kind: 'pdf' | 'ofd' | 'doc' | 'docx' | 'odt' | 'rtf'; bytes: Uint8Array }

/**
 * What reading one document may cost. A report's PDF is read in a second or two (the Huaian report's
 * 6 pages in half a second, in a heap of 32 MB); an OFD of four pages of 7 MB of XML, within its own
 * budget (ofd.ts), needs 384 MB. The worker's V8 heap is held to `megabytes`: half of what V8 gives
 * a thread here, and no less, since V8 collects a smaller heap more often (at 1 GB, 3 full collections
 * a PDF instead of 1, some 20% more time in a batch of PDFs). The buffers pdf.js inflates a compressed
 * stream into are not V8's heap (a 1 MB PDF holding a gigabyte of spaces took 2 GB): so the process's
 * memory may grow by no more than `megabytes` while a document is read either.
 */
export interface Limits { seconds: number; megabytes: number }
export const LIMITS: Limits = { seconds: 30, megabytes: 2048 };

const FORMAT = { pdf: ['PDF ', 'the PDF'], ofd: ['OFD 文件', 'the OFD file'], doc: ['Word 文件', 'the Word file'], docx: ['Word 文件', 'the Word file'], odt: ['ODT 文件', 'the ODT file'], rtf: ['RTF 文件', 'the RTF file'] } as const;
export const tooSlow = (kind: Job['kind'], seconds: number) =>
  said(`读取 ${FORMAT[kind][0]}超过 ${seconds} 秒仍未读完（文件可能有异常），已停止`, `reading ${FORMAT[kind][1]} took over ${seconds} seconds (the file may be malformed) and was stopped`);
export const tooBig = (kind: Job['kind'], megabytes: number) =>
  said(`读取 ${FORMAT[kind][0]}所需内存超过 ${megabytes} MB（文件可能有异常），已停止`, `reading ${FORMAT[kind][1]} needed over ${megabytes} MB of memory (the file may be malformed) and was stopped`);

/**
 * dist/importer.js: beside the bundle that runs this (dist/cli.js, dist/server.js, dist/exporter.js);
 * from the tests' bundles (out/test/…), in the dist/ of a folder above them, which `npm test` builds.
 */
function script(): string {
  const beside = join(__dirname, 'importer.js');
  if (existsSync(beside)) return beside;
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'dist', 'importer.js'))) return join(dir, 'dist', 'importer.js');
  }
  throw new Error('dist/importer.js is missing (npm run build)');
}

let current: { worker: Worker; megabytes: number } | undefined;
/** The jobs one after another: a worker terminated for one job must not take another with it. */
let queue: Promise<unknown> = Promise.resolve();

/** The report in a PDF, OFD or Word document, read on the worker within `limits`; or why there is none. */
export function importIsolated(job: Job, limits: Limits = LIMITS): Promise<ImportResult> {
  const done = queue.then(() => run(job, limits));
  queue = done;
  return done;
}

function worker(megabytes: number): Worker {
  if (current?.megabytes === megabytes) return current.worker;
  void current?.worker.terminate();
  const worker = new Worker(script(), { resourceLimits: { maxOldGenerationSizeMb: megabytes } });
  // An error with no job listening (its out-of-memory report arriving after the memory watch stopped
  // the job, or one while idle) would be thrown as uncaught and end the process: the worker is only
  // done for.
  worker.on('error', () => { if (current?.worker === worker) current = undefined; });
  current = { worker, megabytes };
  return worker;
}

/** One job on the worker; never rejects. */
function run(job: Job, limits: Limits): Promise<ImportResult> {
  return new Promise((resolve) => {
    let w: Worker;
    try {
      w = worker(limits.megabytes);
    } catch (error) {
      resolve({ refused: importerFailed(error) });
      return;
    }
    const finish = (result: ImportResult, stopped: boolean) => {
      clearTimeout(deadline);
      clearInterval(watch);
      w.off('message', read).off('error', failed).off('exit', exited);
      if (stopped) {
        void w.terminate();
        if (current?.worker === w) current = undefined;
      } else {
        // Idle, it keeps no process alive (the command line exits when its work is done).
        w.unref();
      }
      resolve(result);
    };
    const read = (result: ImportResult) => finish(result, false);
    const tooMuch = () => finish({ refused: tooBig(job.kind, limits.megabytes) }, true);
    const failed = (error: Error & { code?: string }) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooMuch() : finish({ refused: importerFailed(error) }, true));
    const exited = () => finish({ refused: importerFailed('the worker exited') }, true);
    const deadline = setTimeout(() => finish({ refused: tooSlow(job.kind, limits.seconds) }, true), limits.seconds * 1000);
    const ceiling = process.memoryUsage.rss() + limits.megabytes * 1024 * 1024;
    const watch = setInterval(() => { if (process.memoryUsage.rss() > ceiling) tooMuch(); }, 100);
    w.on('message', read).on('error', failed).on('exit', exited);
    w.ref();
    w.postMessage(job);
  });
}
