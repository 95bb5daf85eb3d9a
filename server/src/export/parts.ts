import { statutory } from '../core/authoring/layout';
import type { WordTable } from '../core/authoring/wordTable';
import type { TableKey } from '../core/format/schema';
import { LineIndex } from '../core/lineIndex';
import { headingLines, tablesOf, type Report, type Table } from '../core/model';
import { isPictureLine } from '../core/parse/pictures';
import { unwrap } from '../core/prose/unwrap';
import { isPageMarker } from '../core/strings';
import { isTabRow, markdownToDraft } from '../import/draft';

// What an exported report is made of, whatever it is written to: the title, the section headings, the
// author's paragraphs, and each statutory table the reader read whole, drawn again as the statute draws
// it (wordTable.ts) with the author's cell texts. A table the reader could not read whole is kept as the
// author wrote it — its tab or pipe rows as a plain grid, its other lines as paragraphs — never filled in.

export type Part =
  /** A line of the title (a two-line title is two parts). */
  | { kind: 'title'; text: string }
  /** A section heading: its numbering and title as written. */
  | { kind: 'heading'; text: string }
  /** A paragraph; `lead`: the length of a sub-heading that opens it (（一）组织领导。). */
  | { kind: 'paragraph'; text: string; lead: number }
  | { kind: 'table'; key: TableKey; table: WordTable }
  /** Rows of cells as the author wrote them (a table the reader could not read whole). */
  | { kind: 'grid'; rows: string[][] };

/** Where a table stands in the text, and the statutory table drawn from it (none: it is kept as written). */
export interface TableRegion { key: TableKey; start: number; end: number; drawn: WordTable | undefined }

export interface ExportParts { parts: Part[]; asWritten: TableKey[] }

/** A title is found among the first few short lines, ending with the one that names the report. */
const TITLE_LINES = 3;
const TITLE_MAX = 50;
/** A sub-heading opening a paragraph ends within this many characters (（一）主动公开情况。). */
const LEAD_MAX = 30;
const SUBHEADING = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** Markdown's heading marks: markup, not the author's words. */
const MARKDOWN_HEADING = /^#{1,6}[ \t]+/;
/** A line of a pipe or grid table's rules and borders (|---|---|, +----+). */
const RULE_LINE = /^[ \t]*[|+][-|:+= \t]*$/;

const linesOf = (text: string) => text.split(/\r\n|\n|\r/);

/**
 * Where each table stands, from the end of its section's heading (table 4's anchor 行政复议 is in that
 * heading too) to its last cell, with what else is on those lines when it is the table's own: blanks,
 * pipes and rule lines after it, and a header text the drawn table prints too before it (a flattened
 * page's “（本列数据的” cut off before 勾稽关系).
 */
export function tableRegions(text: string, report: Report, idx = new LineIndex(text)): TableRegion[] {
  const headings = report.sections.map((s) => [idx.offset(s.headingRange.start), idx.offset(s.headingRange.end)]);
  return tablesOf(report).map((t: Table) => {
    const drawn = statutory(t);
    let start = idx.offset(t.range.start), end = idx.offset(t.range.end);
    for (const [a, b] of headings) if (a <= start && start < b) start = b;
    while (start < end && /\s/.test(text[start])) start++;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const before = Math.max(lineStart, ...headings.map(([, b]) => b).filter((b) => b <= start));
    const prefix = text.slice(before, start).trim();
    if (prefix === '' || (drawn && drawn.rows.some((r) => r.cells.some((c) => c.text.includes(prefix))))) start = before;
    while (end < text.length && /[ \t|]/.test(text[end])) end++;
    for (;;) {
      const next = /^\r?\n([^\r\n]*)/.exec(text.slice(end, end + 400));
      if (!next || !RULE_LINE.test(next[1])) break;
      end += next[0].length;
    }
    return { key: t.key, start, end, drawn };
  }).sort((a, b) => a.start - b.start);
}

/** What the Word file says where the report has a picture (a table given as a screenshot), which the export cannot carry. */
export const PICTURE_LEFT_OUT = '（此处原为图片，导出时未能带出，请插入原图）';

/**
 * A prose line as a paragraph: without its indent and Markdown heading marks; a page number is no
 * paragraph; a picture (core/parse/pictures.ts) is a note that it was there.
 */
function paragraph(line: string): Part | undefined {
  if (isPictureLine(line)) return { kind: 'paragraph', text: PICTURE_LEFT_OUT, lead: 0 };
  const text = line.trim().replace(MARKDOWN_HEADING, '').trim();
  if (text === '' || isPageMarker(text)) return undefined;
  let lead = 0;
  if (SUBHEADING.test(text)) {
    // In characters, as the Word writer cuts it.
    const chars = [...text], stop = chars.indexOf('。');
    lead = stop >= 0 && stop < LEAD_MAX ? stop + 1 : chars.length <= LEAD_MAX ? chars.length : 0;
  }
  return { kind: 'paragraph', text, lead };
}

/**
 * The title: the first lines of the text down to the one that names the report (…年度报告, …报告), if it
 * is among the first three and none is as long as a sentence of prose (本报告根据……).
 */
function titleLines(text: string, end: number): { lines: string[]; end: number } {
  const lines: string[] = [];
  let at = 0;
  while (at < end && lines.length < TITLE_LINES) {
    const stop = text.indexOf('\n', at);
    const lineEnd = stop < 0 || stop > end ? end : stop;
    const line = text.slice(at, lineEnd).trim().replace(MARKDOWN_HEADING, '').trim();
    at = lineEnd + 1;
    if (line === '' || isPageMarker(line)) continue;
    if ([...line].length > TITLE_MAX) break;
    lines.push(line);
    if (line.includes('年度报告') || line.endsWith('报告')) return { lines, end: Math.min(at, end) };
  }
  return { lines: [], end: 0 };
}

/** The report as the parts of an exported document. */
export function exportParts(text: string, report: Report): ExportParts {
  const idx = new LineIndex(text);
  const regions = tableRegions(text, report, idx);
  type Mark = { start: number; end: number; part?: Part; region?: TableRegion };
  const marks: Mark[] = [
    ...report.sections.map((s): Mark => {
      const start = idx.offset(s.headingRange.start), end = idx.offset(s.headingRange.end);
      return { start, end, part: { kind: 'heading', text: text.slice(start, end).replace(MARKDOWN_HEADING, '').replace(/\s*\n\s*/g, '').trim() } };
    }),
    ...regions.map((r): Mark => ({ start: r.start, end: r.end, region: r })),
  ].sort((a, b) => a.start - b.start);

  const parts: Part[] = [];
  const asWritten: TableKey[] = [];
  // A PDF's text wraps its paragraphs at the page's width: a paragraph is its lines joined again where
  // the break is soft (and the page numbers between them dropped), as the prose reader reads them.
  const view = unwrap(idx, headingLines(report.sections));
  const prose = (from: number, to: number) => {
    for (const line of linesOf(view.text.slice(view.local(from), view.local(to)))) {
      const p = paragraph(line);
      if (p) parts.push(p);
    }
  };
  const title = titleLines(text, marks[0]?.start ?? text.length);
  parts.push(...title.lines.map((line): Part => ({ kind: 'title', text: line })));
  let at = title.end;
  for (const m of marks) {
    // A mark inside another (a heading inside a table's lines) is already written with it.
    if (m.start < at) continue;
    prose(at, m.start);
    if (m.part) parts.push(m.part);
    else if (m.region!.drawn) parts.push({ kind: 'table', key: m.region!.key, table: m.region!.drawn });
    else {
      asWritten.push(m.region!.key);
      parts.push(...asWrittenParts(text.slice(m.start, m.end)));
    }
    at = m.end;
  }
  prose(at, text.length);
  return { parts, asWritten };
}

/** A table's lines as written: runs of tab or pipe rows as grids, the other lines as paragraphs. */
function asWrittenParts(text: string): Part[] {
  const out: Part[] = [];
  for (const line of linesOf(markdownToDraft(text))) {
    if (isTabRow(line)) {
      const cells = line.split('\t').map((c) => c.trim());
      const last = out[out.length - 1];
      if (last?.kind === 'grid') last.rows.push(cells); else out.push({ kind: 'grid', rows: [cells] });
    } else {
      const p = paragraph(line);
      if (p) out.push(p);
    }
  }
  return out;
}
