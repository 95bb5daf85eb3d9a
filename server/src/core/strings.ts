// String helpers the parser and the rules share: blanks, full-width forms, page markers, regex matches.

/** The matches of a global regular expression in s, in order: `s.matchAll(re)` without the copy of `re` it makes on every call. */
export function matchesOf(re: RegExp, s: string): RegExpExecArray[] {
  // As matchAll does: without the g flag exec would find the first match for ever.
  if (!re.global) throw new TypeError(`matchesOf needs a global regular expression: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m; (m = re.exec(s));) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

/** A Chinese character (the CJK unified ideographs and extension A). */
export const isIdeograph = (c: number) => c >= 0x3400 && c <= 0x9fff;

/** Whitespace a Word export leaves around cells, including the ideographic space (by char code). */
export const isBlankCode = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x0d;

/** Full-width ASCII (０-９, （）, ．) and the ideographic space to half-width; used only to compare labels and read numbers. */
export function toHalfWidth(s: string): string {
  // The text between full-width characters is copied in slices: Chinese prose has a full-width ，（） every few words.
  let out = '', from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x3000 && (c < 0xff01 || c > 0xff5e)) continue;
    out += s.slice(from, i) + (c === 0x3000 ? ' ' : String.fromCharCode(c - 0xfee0));
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** A PDF's page marker, trimmed: “- 4 -”, “— 5 —”, “第 4 页”, “第4页 共9页”, “4/9”. */
const PAGE_MARKER = /^(?:[-—–－]{1,2}\s*\d{1,4}\s*[-—–－]{1,2}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/** A line holding nothing but a page marker (a PDF's page break inside a table or a sentence). */
export function isPageMarker(line: string): boolean {
  if (line.length > 60) return false;
  const t = line.trim();
  return t.length <= 16 && PAGE_MARKER.test(t);
}

// A page number on the line of a running header, apart from it by blanks, at its start or its end.
const MARKER = String.raw`(?:[-—–－]{1,2}\s*\d{1,4}\s*[-—–－]{1,2}|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)`;
const MARKER_AFTER = new RegExp(String.raw`[\s\u3000]+${MARKER}\s*$`), MARKER_BEFORE = new RegExp(String.raw`^\s*${MARKER}[\s\u3000]+`);

/**
 * A running header printed with the page's number on one line (“某某镇2023年政府信息公开工作年度报告　第 3 页”,
 * “- 3 -　某某…年度报告”): the header's text without the number, as [from, to) in the line; undefined for
 * any other line. Only a header that names a report (报告) may have a dashed number (“- 3 -”): after a
 * row's label that is a placeholder, a count and a placeholder (“规章 - 3 -”).
 */
export function runningHeader(line: string): [number, number] | undefined {
  if (line.length > 120 || line.indexOf('页') < 0 && line.indexOf('报告') < 0) return undefined;
  const after = MARKER_AFTER.exec(line), before = after ? null : MARKER_BEFORE.exec(line);
  const m = after ?? before;
  if (!m || (!line.includes('报告') && !m[0].includes('页'))) return undefined;
  const [from, to] = after ? [0, after.index] : [m[0].length, line.length];
  return /\S/.test(line.slice(from, to)) ? [from, to] : undefined;
}

/** A document's extension as a file name ends: .pdf, .docx, .wps, .ofd … */
const DOCUMENT_EXTENSION = /\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar)(?![A-Za-z0-9])/gi;
/** What cannot be part of a file's name as a page shows it (and ends it in a URL: / ? & = #). */
const NOT_IN_NAME = /[\s，。；：:“”"'（）()《》<>\\/|?&=#]/;
/** No file name on a page is this long: a longer run before an extension is not looked through (a hostile line stays linear). */
const LONGEST_NAME = 120;

/** The first name of a document file in `s` (某某镇2023年…年度报告.pdf, P020250120.docx), as [start, end). */
export function documentFile(s: string): { start: number; end: number } | undefined {
  for (const m of matchesOf(DOCUMENT_EXTENSION, s)) {
    let start = m.index;
    while (start > 0 && m.index - start < LONGEST_NAME && !NOT_IN_NAME.test(s[start - 1])) start--;
    if (start < m.index) return { start, end: m.index + m[0].length };
  }
  return undefined;
}
