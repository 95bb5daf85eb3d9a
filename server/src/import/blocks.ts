import type { SourceMap } from './types';

// What every structured importer (HTML, and Word through HTML) makes of a document before it becomes
// draft text: paragraphs and tables, each table a full grid with its merges expanded, and for every
// piece of text where it came from in the source. One renderer turns these blocks into the draft the
// reader reads (a paragraph per line, a table row per line, cells between tabs) and its source map.

/** A piece of text and its source: `exact` when source.slice(start, end) is the very text. */
export interface Run { text: string; start: number; end: number; exact: boolean }

/** A grid position of a table: the cell that starts there, or a position a merged cell covers. */
export type GridCell =
  | { covered: false; runs: Run[]; empty?: { start: number; end: number } }
  | { covered: true };

export type Block =
  /** `pre`: preformatted (<pre>), its white space kept as it is, tabs and all. */
  | { kind: 'paragraph'; runs: Run[]; pre?: boolean }
  | { kind: 'table'; rows: GridCell[][] }
  /** A stretch of a text draft kept exactly as it is, line breaks and all (the text around the HTML tables in a draft). */
  | { kind: 'verbatim'; run: Run };

export const runsText = (runs: Run[]) => runs.map((r) => r.text).join('');
/** A cell's text that is one number once the line breaks in it are gone (a sign, digits, points and commas): 1<br>2, 12 ⏎ 3 (html.ts, doc.ts). */
export const NUMBER = /^[+\-−－]?[0-9０-９][0-9０-９.,．，]*$/;
/** No cell of a statutory table holds this much text (its longest label is ~40 characters): a cell that does holds the article, laid out. */
const LONGEST_CELL = 200;
export const holdsArticle = (rows: GridCell[][]) => rows.some((row) => row.some((c) => !c.covered && runsText(c.runs).length > LONGEST_CELL));

// ASCII white space and no-break spaces (&nbsp;, which pages fill empty cells and indents with) collapse
// to one space, as a browser shows them; a line break between two Chinese characters is dropped, as
// CSS Text 3 says (Word's web pages wrap long Chinese lines anywhere).
const SPACE = /[ \t\n\r\f\u00a0]/;
// Characters a browser and Word show as nothing (a soft hyphen where no line breaks, zero-width spaces and
// joiners, a byte-order mark): 1&shy;2 and 1&#8203;2 show 12, and are read so.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** The runs' text with white space collapsed and trimmed, as runs whose source is still known. */
export function collapse(runs: Run[]): Run[] {
  const out: Run[] = [];
  // Characters one by one: a run splits where its white space collapses.
  const chars: { ch: string; start: number; end: number; exact: boolean }[] = [];
  for (const r of runs) {
    if (r.exact) for (let i = 0; i < r.text.length; i++) { if (!INVISIBLE.test(r.text[i])) chars.push({ ch: r.text[i], start: r.start + i, end: r.start + i + 1, exact: true }); }
    else for (const ch of r.text) if (!INVISIBLE.test(ch)) chars.push({ ch, start: r.start, end: r.end, exact: false });
  }
  let i = 0;
  // Leading and trailing white space (and the ideographic spaces of an indent) go.
  let last = chars.length;
  while (last > 0 && /\s/.test(chars[last - 1].ch)) last--;
  while (i < last && /\s/.test(chars[i].ch)) i++;
  const push = (ch: string, start: number, end: number, exact: boolean) => {
    const prev = out[out.length - 1];
    if (exact && prev?.exact && prev.end === start) { prev.text += ch; prev.end = end; }
    else out.push({ text: ch, start, end, exact });
  };
  while (i < last) {
    const c = chars[i];
    if (!SPACE.test(c.ch)) { push(c.ch, c.start, c.end, c.exact); i++; continue; }
    let j = i;
    let newline = false;
    while (j < last && SPACE.test(chars[j].ch)) { if (chars[j].ch === '\n' || chars[j].ch === '\r') newline = true; j++; }
    const before = chars[i - 1]?.ch ?? '', after = chars[j]?.ch ?? '';
    if (!(newline && WIDE.test(before) && WIDE.test(after))) {
      const one = j === i + 1 && c.ch === ' ' && c.exact;
      push(' ', c.start, chars[j - 1].end, one);
    }
    i = j;
  }
  return out;
}

/** Builds the draft text and, run by run, where each of its characters came from. */
class DraftBuilder {
  text = '';
  private starts: number[] = [];
  private ends: number[] = [];
  private exact: number[] = [];
  /** Blank cells: the draft offset between their tabs, and the source range of what they hold. */
  private anchors = new Map<number, { start: number; end: number }>();
  /** Whether the text so far ends a line (asked of the text itself, a string built piece by piece would be copied whole each time). */
  atLineStart = true;

  add(run: Run): void {
    if (run.text.length) this.atLineStart = run.text.endsWith('\n');
    this.text += run.text;
    for (let i = 0; i < run.text.length; i++) {
      this.starts.push(run.exact ? run.start + i : run.start);
      this.ends.push(run.exact ? run.start + i + 1 : run.end);
      this.exact.push(run.exact ? 1 : 0);
    }
  }

  /** Text the renderer adds (tabs, line breaks): from nowhere in the source. */
  synthetic(text: string): void {
    if (text.length) this.atLineStart = text.endsWith('\n');
    this.text += text;
    for (let i = 0; i < text.length; i++) { this.starts.push(-1); this.ends.push(-1); this.exact.push(0); }
  }

  anchor(range: { start: number; end: number }): void { this.anchors.set(this.text.length, range); }

  map(): SourceMap {
    const starts = Int32Array.from(this.starts), ends = Int32Array.from(this.ends), exact = Uint8Array.from(this.exact);
    const anchors = this.anchors;
    const n = starts.length;
    return {
      toSource(start, end) {
        start = Math.max(0, Math.min(start, n));
        end = Math.max(start, Math.min(end, n));
        let first = start;
        while (first < end && starts[first] < 0) first++;
        if (first === end) {
          // Nothing in the range came from the source: a blank cell's place, or text the renderer added.
          const anchor = start === end ? anchors.get(start) : undefined;
          if (anchor) return { ...anchor, exact: true };
          return nearest(start, end);
        }
        let last = end - 1;
        while (starts[last] < 0) last--;
        let same = first === start && last === end - 1;
        for (let i = start; same && i < end; i++) same = exact[i] === 1 && (i === start || starts[i] === ends[i - 1]);
        return { start: starts[first], end: ends[last], exact: same };
      },
      pieces(start, end) {
        if (start >= end || end > n) return undefined;
        const out: { start: number; end: number }[] = [];
        for (let i = start; i < end; i++) {
          if (exact[i] !== 1) return undefined;
          const last = out[out.length - 1];
          if (last && last.end === starts[i]) last.end = ends[i]; else out.push({ start: starts[i], end: ends[i] });
        }
        return out;
      },
    };

    /** The source position next to a range that came from nowhere: good enough to show, never to edit. */
    function nearest(start: number, end: number) {
      for (let i = end; i < n; i++) if (starts[i] >= 0) return { start: starts[i], end: starts[i], exact: start === end && exact[i] === 1 && i === start };
      for (let i = start - 1; i >= 0; i--) if (ends[i] >= 0) return { start: ends[i], end: ends[i], exact: false };
      return { start: 0, end: 0, exact: false };
    }
  }
}

/**
 * The blocks as draft text: each paragraph a line; each table row a line, its grid positions joined by
 * tabs, where a position a merged cell covers is an empty field, as a Word paste with its merges' tabs
 * kept writes it (test/layouts/tabs.ts 'pad'); trailing covered positions are kept too, so that every
 * row of a table has its columns where the header has them. (Leaving covered positions out, as
 * 'collapse' does, also binds every cell of every seed; the grid's own columns are the safer evidence.)
 */
export function renderBlocks(blocks: Block[]): { text: string; map: SourceMap } {
  const out = new DraftBuilder();
  for (const block of blocks) {
    if (block.kind === 'verbatim') {
      out.add(block.run);
      continue;
    }
    if (block.kind === 'paragraph') {
      const runs = block.pre ? block.runs : collapse(block.runs);
      if (runs.length === 0 && !block.pre) continue;
      runs.forEach((r) => out.add(r));
      out.synthetic('\n');
      continue;
    }
    // A table's rows start a line of their own, also after text kept as it was up to the table's tag.
    if (!out.atLineStart) out.synthetic('\n');
    for (const row of block.rows) {
      row.forEach((cell, i) => {
        if (i > 0) out.synthetic('\t');
        if (cell.covered) return;
        const runs = collapse(cell.runs);
        if (runs.length === 0 && cell.empty) out.anchor(cell.empty);
        runs.forEach((r) => out.add(r));
      });
      out.synthetic('\n');
    }
  }
  return { text: out.text, map: out.map() };
}
