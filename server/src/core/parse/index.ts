import type { Report } from '../model';
import { extractClaims } from '../prose/claims';
import { LineIndex } from '../text';
import { findSections, readTitle } from './sections';
import { findRegions, parseTable } from './tables';

/** Text → report model. Never throws on any input; whatever cannot be read is left out. */
export function parseReport(text: string, idx: LineIndex = new LineIndex(text)): Report {
  const sections = findSections(idx);
  const { year, titled } = readTitle(idx);
  const report: Report = { year, format: null, looksLikeReport: titled, sections, tables: {}, claims: [] };
  const sectionStarts: number[] = []; // built one way whatever the count, so V8 keeps one array kind
  for (const s of sections) sectionStarts.push(s.range.start.line);
  for (const region of findRegions(idx, sectionStarts)) {
    const table = parseTable(idx, region);
    if (!table) continue;
    report.tables[region.key] = table;
    report.looksLikeReport = true;
  }
  const withVersion = report.tables.t2 ?? report.tables.t3;
  if (withVersion) report.format = withVersion.version;
  report.claims = extractClaims(text, idx, report);
  return report;
}
