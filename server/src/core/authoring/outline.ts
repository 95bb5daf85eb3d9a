import { SECTIONS, tableSpec } from '../format/statute';
import { within, type LineIndex, type Range } from '../lineIndex';
import { tablesOf, type Report, type Table } from '../model';
import { TABLE_WORDS } from './find';

// The report's outline — the six sections, each statutory table under the section it stands in — and
// the folding ranges of both. The editor's Outline, breadcrumbs and Ctrl+Shift+O read the first.

export interface OutlineNode {
  kind: 'section' | 'table';
  /** “二、主动公开政府信息情况”, “表二 主动公开政府信息情况”: the statute's names, whatever the draft wrote. */
  name: string;
  /** The heading as written, when it differs from the statute's. */
  detail?: string;
  range: Range;
  /** What the editor highlights and goes to: the heading, or the table's first line. */
  selectionRange: Range;
  children: OutlineNode[];
}

const inside = (r: Range, outer: Range) => within(r.start, outer);

/**
 * Where a table stands, for the outline and folding: the reader may start it on its section's heading,
 * where it found its anchor word (行政复议 in 四、政府信息公开行政复议、行政诉讼情况); it then starts on the
 * next line with text.
 */
function tableRange(t: Table, report: Report, idx: LineIndex): Range {
  const heading = report.sections.find((s) => s.headingRange.start.line === t.range.start.line);
  if (!heading) return t.range;
  let line = heading.headingRange.end.line + 1;
  while (line < t.range.end.line && idx.lineText(line).trim() === '') line++;
  return line > t.range.end.line ? t.range : { start: { line, character: 0 }, end: t.range.end };
}

export function outline(report: Report, idx: LineIndex): OutlineNode[] {
  const sections: OutlineNode[] = report.sections.map((s) => {
    const spec = SECTIONS[s.number - 1], name = `${spec.numeral}、${spec.title}`;
    // A heading broken over two lines is read as one.
    const written = idx.text.slice(idx.offset(s.headingRange.start), idx.offset(s.headingRange.end)).replace(/\s*\n\s*/g, '');
    return { kind: 'section', name, detail: written === name ? undefined : written, range: s.range, selectionRange: s.headingRange, children: [] };
  });
  const loose: OutlineNode[] = [];
  for (const t of tablesOf(report)) {
    const range = tableRange(t, report, idx), first = range.start.line;
    const node: OutlineNode = {
      kind: 'table', name: `${TABLE_WORDS[t.key].zh} ${tableSpec(t.version, t.key).title}`, detail: `${t.version}年格式`,
      range, selectionRange: { start: range.start, end: first === range.end.line ? range.end : idx.lineRange(first).end }, children: [],
    };
    const parent = sections.find((s) => inside(range, s.range));
    (parent ? parent.children : loose).push(node);
  }
  // A table outside every section (a draft without headings) still shows, in document order.
  return [...sections, ...loose].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface Fold { startLine: number; endLine: number }

/** Sections and tables fold from their first line to their last line that is not blank. */
export function foldingRanges(report: Report, idx: LineIndex): Fold[] {
  const fold = (r: Range): Fold | undefined => {
    let end = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
    while (end > r.start.line && idx.lineText(end).trim() === '') end--;
    return end > r.start.line ? { startLine: r.start.line, endLine: end } : undefined;
  };
  return [...report.sections.map((s) => s.range), ...tablesOf(report).map((t) => tableRange(t, report, idx))]
    .map(fold).filter((f): f is Fold => f !== undefined)
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine)
    // The editor keeps one fold per start line: the outer one (a section whose heading starts its table too) is kept.
    .filter((f, i, all) => i === 0 || f.startLine !== all[i - 1].startLine);
}
