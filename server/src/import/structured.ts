// The importers of web pages and Word files, as one module that index.ts loads only when such a
// document is read: parse5 and mammoth are ~1 MB of JavaScript that checking a text file should not
// parse (the CLI's build keeps this module out of its bundle: dist/structured.js, see esbuild.mjs).
export { importHtml, importTablesInText } from './html';
export { importWord } from './docx';
export { importOfd } from './ofd';
export { importOdt } from './odt';
export { importRtf } from './rtf';
