import { SECTIONS } from '../format/statute';
import type { Section } from '../model';
import type { LineIndex } from '../text';
import { normalizeLabel } from './values';

const TITLES = SECTIONS.flatMap((s) => [s.title, ...s.variants].map((t) => ({ section: s, title: normalizeLabel(t) })));

// 一、 一. 一． 2、 2. or nothing; （一） and (1) mark sub-topics of 总体情况, not sections.
const HEADING = /^[#\s\u3000]*(?:([一二三四五六七八九十]+|\d+)\s*[、.．]?)?\s*(.+?)[\s\u3000]*$/;

/** Recognises a section heading line: an optional numeral and one of the six titles, nothing more. */
export function readHeading(line: string): { number: number; numeral: string | null; title: string } | undefined {
  // Every title ends in 情况 or 事项: a cheap test before the regular expressions.
  const end = line.trimEnd();
  if (line.length > 60 || !(end.endsWith('情况') || end.endsWith('事项')) || line.includes('\t') || /^\s*[（(]/.test(line)) return undefined;
  const m = HEADING.exec(line);
  if (!m) return undefined;
  const title = normalizeLabel(m[2]);
  const hit = TITLES.find((t) => t.title === title);
  return hit && { number: hit.section.number, numeral: m[1] ?? null, title: m[2].trim() };
}

/** The six sections in document order, each running to the next heading. */
export function findSections(idx: LineIndex): Section[] {
  const sections: Section[] = [];
  for (let l = 0; l < idx.lineCount; l++) {
    const line = idx.lineText(l);
    const h = readHeading(line);
    if (!h) continue;
    const start = line.length - line.trimStart().length;
    sections.push({
      number: h.number, title: h.title, numeral: h.numeral,
      headingRange: { start: { line: l, character: start }, end: { line: l, character: line.trimEnd().length } },
      range: { start: { line: l, character: 0 }, end: { line: l, character: line.length } },
    });
  }
  sections.forEach((s, i) => {
    const endLine = i + 1 < sections.length ? sections[i + 1].range.start.line - 1 : idx.lineCount - 1;
    s.range.end = { line: Math.max(endLine, s.range.start.line), character: idx.lineText(Math.max(endLine, s.range.start.line)).length };
  });
  return sections;
}

const TITLE_WORDS = '政府信息公开工作年度报告';

/** The report year from the title (which may be broken over lines), and whether there is such a title. */
export function readTitle(idx: LineIndex): { year: number | null; titled: boolean } {
  let head = '';
  for (let l = 0; l < Math.min(idx.lineCount, 12); l++) head += idx.lineText(l).replace(/[\s\u3000#*]/g, '');
  const at = head.indexOf(TITLE_WORDS);
  const titled = at >= 0 || head.includes('政府信息公开年度报告');
  const before = head.slice(0, at >= 0 ? at : head.length);
  const years = [...before.matchAll(/((?:19|20)\d\d)年(?:度)?/g)];
  const year = titled && years.length ? Number(years[years.length - 1][1]) : null;
  return { year, titled };
}
