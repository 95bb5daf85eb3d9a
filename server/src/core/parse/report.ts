import type { TableKey } from '../format/schema';
import { LineIndex } from '../lineIndex';
import { tablesOf, type Report } from '../model';
import { extractClaims } from '../prose/claims';
import { findSections, findSubtopicNumberings, readTitle, titleYearRange } from './sections';
import { findPictures } from './pictures';
import { findRegions } from './regions';
import { reportYear } from './year';
import { decideByClaims, hasCells, parseTable } from './tables';

/** Text → report model. Never throws on any input; whatever cannot be read is left out. */
export function parseReport(text: string, idx: LineIndex = new LineIndex(text)): Report {
  const sections = findSections(idx);
  const { year: titleYear, titled, line } = readTitle(idx);
  const year = reportYear(idx, titleYear, line);
  const yearRange = titleYear === null ? null : titleYearRange(idx, titleYear) ?? null;
  const report: Report = { year, titleYear, yearRange, format: null, looksLikeReport: titled, sections, tables: {}, claims: [], subtopicNumberings: [], pictures: {} };
  for (const region of findRegions(idx, sections)) {
    const table = parseTable(idx, region);
    if (!table) continue;
    report.tables[region.key] = table;
    if (hasCells(table)) report.looksLikeReport = true;
  }
  // A table whose section holds a picture and which has no cell as text (its caption, at most) is the picture.
  report.pictures = findPictures(idx, report);
  for (const key of Object.keys(report.pictures) as TableKey[]) delete report.tables[key];
  const withVersion = report.tables.t2 ?? report.tables.t3;
  if (withVersion) report.format = withVersion.version;
  report.claims = extractClaims(text, idx, report);
  // Digits run together that the identities could not cut in one way only: the prose may tell.
  for (const table of tablesOf(report)) decideByClaims(idx, table, report.claims);
  report.subtopicNumberings = findSubtopicNumberings(idx, report);
  return report;
}
