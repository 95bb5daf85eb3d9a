import { LineIndex, type Range } from '../core/lineIndex';
import type { Finding, TextEdit } from '../core/service';
import { movedSummary, type YearSummary } from '../core/years/summary';
import { escapeHtml, type SourceMap } from './types';

// Findings of a draft an importer made (from a web page) moved to where they are in the source file,
// for the command line and the language server alike. A fix goes with its finding only when every one
// of its edits can be made in the source as it is made in the draft (in one place, or in the pieces a
// number was split into); a fix half made would be worse than none.

// The one source with a map is HTML: a fix's text is written there escaped (escapeHtml); a fix that would add a
// line or a cell (a tab) cannot be written into a page's markup at all.
const STRUCTURAL = /[\t\n\r]/;

export interface MappedSource { text: string; map: SourceMap }

/** Where a range of the draft `draft` is in `source`; `exact` when the source there is the very text. */
export function placeInSource(draft: string, source: MappedSource): (r: Range) => { range: Range; exact: boolean } {
  return placeWith(new LineIndex(draft), new LineIndex(source.text), source);
}

function placeWith(from: LineIndex, to: LineIndex, source: MappedSource): (r: Range) => { range: Range; exact: boolean } {
  return (r) => {
    const s = source.map.toSource(from.offset(r.start), from.offset(r.end));
    return { range: to.range(s.start, s.end), exact: s.exact };
  };
}

/** The findings of the draft `draft` with their ranges (and related places, and fixes) in `source`. */
export function findingsInSource(findings: Finding[], draft: string, source: MappedSource): Finding[] {
  const from = new LineIndex(draft), to = new LineIndex(source.text);
  const place = placeWith(from, to, source);
  /** The edit made in the source: one edit, or (text split over elements) the new text in the first piece and the others emptied. */
  const inSource = (e: TextEdit): TextEdit[] | undefined => {
    if (STRUCTURAL.test(e.newText)) return undefined;
    const newText = escapeHtml(e.newText);
    const { range, exact } = place(e.range);
    if (exact) return [{ range, newText }];
    const pieces = source.map.pieces?.(from.offset(e.range.start), from.offset(e.range.end));
    return pieces?.map((p, i) => ({ range: to.range(p.start, p.end), newText: i === 0 ? newText : '' }));
  };
  return findings.map((f) => {
    const out: Finding = { code: f.code, severity: f.severity, message: f.message, range: place(f.range).range };
    // (A place in another file is not in this source: it stays as it is.)
    if (f.related) out.related = f.related.map((r) => (r.file === undefined ? { range: place(r.range).range, message: r.message } : r));
    if (f.fix) {
      const edits = f.fix.edits.map(inSource);
      if (edits.every((e) => e !== undefined)) out.fix = { title: f.fix.title, safe: f.fix.safe, edits: edits.flat() as TextEdit[] };
    }
    return out;
  });
}

/** A report's summary for the checks across years (core/years/), with its ranges in `source` when its draft was made of one. */
export function summaryInSource(summary: YearSummary | undefined, draft: string, source: MappedSource | undefined): YearSummary | undefined {
  return summary && source ? movedSummary(summary, placeInSource(draft, source)) : summary;
}
