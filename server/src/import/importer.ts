import { parentPort } from 'node:worker_threads';
import type { Job } from './isolated';
import { importPdf } from './pdf';
import type { ImportResult } from './types';

// The worker thread that reads PDF, OFD and Word files (isolated.ts starts it, terminates it past its
// deadline): bundled as dist/importer.js. pdf.js (dist/pdfjs.js) and the Word and OFD readers
// (dist/structured.js) are loaded when a file of theirs is first read.

// What the readers might print goes to the standard error: the language server's standard output is
// the editor's channel. (A worker's console writes through its process.stdout.)
process.stdout.write = process.stderr.write.bind(process.stderr);

const structured = () => require('./structured') as typeof import('./structured');

function read({ kind, bytes }: Job): Promise<ImportResult> {
  switch (kind) {
    case 'pdf': return importPdf(bytes);
    case 'ofd': return structured().importOfd(bytes);
    case 'doc': case 'docx': case 'odt': case 'rtf': return structured().importWord(bytes, kind);
  }
}

// An importer that throws (a bug) ends the worker with the error, which isolated.ts says.
parentPort!.on('message', async (job: Job) => parentPort!.postMessage(await read(job)));
