// The document formats nianbao reads, by file extension, and the sizes no report comes near: data
// only, so that the client (which lists and reads a workspace's report files) shares it without
// bundling the importers.

/** What a ZIP (.docx, .odt, .ofd) and an OLE compound file (.doc, .wps) start with, whatever their names say. */
export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

export type DocumentKind = 'text' | 'html' | 'docx' | 'doc' | 'odt' | 'rtf' | 'pdf' | 'ofd';

const BY_EXTENSION: Record<string, DocumentKind> = {
  '.txt': 'text', '.md': 'text', '.markdown': 'text',
  '.html': 'html', '.htm': 'html', '.mht': 'html', '.mhtml': 'html',
  '.docx': 'docx',
  // Word 97–2003; WPS's own .wps is the same format (since WPS 2005).
  '.doc': 'doc', '.wps': 'doc',
  // OpenDocument text (LibreOffice, WPS, Yozo Office), zipped or as one flat XML file; Word's and WPS's RTF.
  '.odt': 'odt', '.fodt': 'odt', '.rtf': 'rtf',
  '.pdf': 'pdf',
  '.ofd': 'ofd',
};

/** What the kinds the editor cannot check as they are (it shows them as binary or as source code) are called in messages. */
export const KIND_NAMES: Partial<Record<DocumentKind, string>> = { docx: 'Word', doc: 'Word', odt: 'OpenDocument', rtf: 'RTF', pdf: 'PDF', ofd: 'OFD' };

/** The extensions a folder is searched for, for messages: “.txt、.md、.html…”. */
export const EXTENSIONS = Object.keys(BY_EXTENSION);

/** The kind of document a file name says it is (by its extension, in any case), or undefined. */
export function documentKind(name: string): DocumentKind | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[name.slice(dot).toLowerCase()];
}

/** No report comes near these sizes; a bigger file is something else and is not read whole. */
export const MAX_BYTES: Record<DocumentKind, number> = {
  text: 10 * 1024 * 1024, html: 10 * 1024 * 1024, docx: 50 * 1024 * 1024, doc: 50 * 1024 * 1024, odt: 50 * 1024 * 1024, rtf: 50 * 1024 * 1024, pdf: 50 * 1024 * 1024, ofd: 50 * 1024 * 1024,
};
