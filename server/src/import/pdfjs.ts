import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

// pdf.js and its worker, as one module that pdf.ts loads only when a PDF is read: the two are ~3 MB
// of JavaScript that checking a text file should not parse. The builds of the CLI and the language
// server keep this module out of their bundles (dist/pdfjs.js, see esbuild.mjs).
//
// pdf.js parses in a worker; in Node it runs the worker's code on this thread (its “fake worker”),
// and finds that code here rather than importing pdf.worker.mjs by a path at run time, which would
// need node_modules beside the bundle (a .vsix has none).
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;

export const { AnnotationMode, getDocument, OPS, Util, VerbosityLevel } = pdfjs;
export type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api';
