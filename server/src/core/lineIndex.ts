// Positions as LSP counts them: 0-based lines and UTF-16 code units (a JS string index is one).
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Maps string offsets to line/character positions in O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** The lines without their breaks, cut once: every pass reads them. */
  private lines: string[] | undefined;
  readonly lineCount: number;

  constructor(readonly text: string) {
    if (text.includes('\r')) {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
      }
    } else {
      // Only \n: one split cuts the lines, their lengths give the starts. (The loop above for every
      // text makes the 2,000-report CLI batch and an in-process check ~4–5% slower; npm run bench.)
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

  /** The whole of a line, without its line break. */
  lineRange(line: number): Range {
    return lineSpan(line, 0, this.lineText(line).length);
  }
}

/** Characters [from, to) of one line. */
export const lineSpan = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** By where they start. */
export function compareRanges(a: Range, b: Range): number {
  return comparePositions(a.start, b.start);
}

/** The position is within the range, its ends included. */
export const within = (p: Position, r: Range) => comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
