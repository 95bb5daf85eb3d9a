// Positions as LSP counts them: 0-based lines and UTF-16 code units (a JS string index is one).
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Maps string offsets to line/character positions in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The lines without their breaks, cut once: every pass reads them. */
  private lines: string[] | undefined;
  /** A field rather than a getter: loops over the lines test it once per line. */
  readonly lineCount: number;

  constructor(readonly text: string) {
    if (text.includes('\r')) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
      }
    } else {
      // Only \n: one split cuts the lines (faster than a search per line), their lengths give the starts.
      this.lines = text.split('\n');
      for (let l = 0, at = 0; l + 1 < this.lines.length; l++) this.starts.push((at += this.lines[l].length + 1));
    }
    this.lineCount = this.starts.length;
  }

  lineStart(line: number): number { return this.starts[line]; }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    if (!this.lines) {
      this.lines = new Array(this.starts.length);
      for (let l = 0; l < this.starts.length; l++) {
        let e = l + 1 < this.starts.length ? this.starts[l + 1] : this.text.length;
        if (e > this.starts[l] && this.text.charCodeAt(e - 1) === 10) e--;
        if (e > this.starts[l] && this.text.charCodeAt(e - 1) === 13) e--;
        this.lines[l] = this.text.slice(this.starts[l], e);
      }
    }
    return this.lines[line];
  }

  position(offset: number): Position {
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offset(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[pos.line] + pos.character, this.text.length);
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

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

export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

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
