import { eachCell, tablesOf } from '../../server/src/core/model';
import { check } from '../../server/src/core/service';

// What formatting or converting a table must leave as it was: every cell as written, and the findings
// on each cell by rule code (positions move; the cell a finding stands on does not). Findings on no
// cell (prose, headings) are kept by code.

export function reading(text: string): { cells: string[]; findings: string[] } {
  const { report, findings } = check(text);
  const cells: string[] = [];
  const spots: { key: string; line: number; from: number; to: number }[] = [];
  for (const t of tablesOf(report)) {
    eachCell(t, (cell, row, col) => {
      const key = `${t.key}.${row}.${col}`;
      cells.push(`${key}=${cell.kind}:${cell.raw}`);
      spots.push({ key, line: cell.range.start.line, from: cell.range.start.character, to: cell.range.end.character });
    });
  }
  const on = findings.map((f) => {
    const { line, character } = f.range.start;
    const spot = spots.find((s) => s.line === line && s.from <= character && character <= s.to);
    return `${spot?.key ?? '-'} ${f.code}`;
  });
  return { cells, findings: on.sort() };
}
