import type { TableKey } from '../format/schema';
import { SECTION_OF, TABLE_KEYS } from '../format/statute';
import { lineSpan, type LineIndex, type Range } from '../lineIndex';
import type { Report } from '../model';
import { hasCells } from './tables';

// A statutory table given as a picture: a screenshot of a Word or Excel table on a web page or in a
// Word file, an Excel sheet embedded in Word, a scanned page. Its numbers cannot be read, and the
// reader must say so (table-unreadable) rather than call the table missing. A picture stands in the
// text as a Markdown image — what converters of PDFs to Markdown write for a table they could not
// read, and what the importers write for a picture (import/types.ts PICTURE_LINE) — or as an HTML <img>.

// A Markdown image, with the size pandoc writes after it ({width="5.8in"}), or an HTML <img>.
const PICTURE = /!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>\n]*>/i;
const PICTURE_OR_TAG = /!\[[^\]\n]*\]\([^)\n]*\)(?:\{[^}\n]*\})?|<[^<>\n]*>/g;

/** A line that holds a picture and nothing else but markup (<p>, <center>…). */
export function isPictureLine(line: string): boolean {
  return PICTURE.test(line) && line.replace(PICTURE_OR_TAG, '').trim() === '';
}

/**
 * Where the statutory tables not found as text stand as a picture: the first picture line in the
 * table's section (二 for table 2, 三 for 3, 四 for 4). A table of which no cell was read counts as
 * not found (its caption or its note of the identities may stand above the picture).
 */
export function findPictures(idx: LineIndex, report: Report): Partial<Record<TableKey, Range>> {
  const pictures: Partial<Record<TableKey, Range>> = {};
  for (const key of TABLE_KEYS) {
    const table = report.tables[key];
    const section = table && hasCells(table) ? undefined : report.sections.find((s) => s.number === SECTION_OF[key]);
    if (!section) continue;
    for (let l = section.range.start.line; l <= section.range.end.line; l++) {
      const line = idx.lineText(l);
      if (!isPictureLine(line)) continue;
      pictures[key] = lineSpan(l, line.length - line.trimStart().length, line.trimEnd().length);
      break;
    }
  }
  return pictures;
}
