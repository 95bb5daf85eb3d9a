import type { Layout } from '../core/authoring/layout';
import type { TableKey } from '../core/format/schema';
import { eachCell, tablesOf, type Report } from '../core/model';
import { parseReport } from '../core/parse/report';
import { cellName } from '../core/rules/names';
import { importDocument } from '../import/index';
import type { Said } from '../import/types';
import { defaultLayout, type ExportFormat, type ExportResult } from './types';
import { exportParts } from './parts';
import { exportText } from './text';
import { renderWord } from './word';

// The export itself, a bundle of its own (dist/exporter.js, with the docx package): see index.ts.
// Every export is read back before it is handed over: a table drawn from the statute must come back
// with every cell as it was, or there is no export.

/** The report (its text and its model) as a file's bytes. Never throws. */
export async function exportReport(text: string, report: Report, to: ExportFormat, layout?: Layout): Promise<ExportResult> {
  try {
    let bytes: Uint8Array, asWritten: TableKey[], back: string;
    if (to === 'docx') {
      const parts = exportParts(text, report);
      bytes = await renderWord(parts.parts);
      asWritten = parts.asWritten;
      const imported = await importDocument('docx', bytes);
      if ('refused' in imported) return { refused: readBackFailed(imported.refused.zh, imported.refused.en) };
      back = imported.text;
    } else {
      const out = exportText(text, report, layout ?? defaultLayout(to));
      bytes = Buffer.from(out.text, 'utf8');
      asWritten = out.asWritten;
      back = out.text;
    }
    const changed = changedCell(report, parseReport(back), asWritten);
    return changed ? { refused: readBackFailed(changed.zh, changed.en) } : { bytes, asWritten };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { refused: { zh: `导出时出错（请报告此问题）：${why}`, en: `the export failed (please report this): ${why}` } };
  }
}

const readBackFailed = (zh: string, en: string): Said => ({
  zh: `导出的文件读回后与原文不同，未导出（请报告此问题）：${zh}`,
  en: `the exported file does not read back as the report (please report this): ${en}`,
});

/** The first cell of a table drawn again (not kept as written) that reads back otherwise (its kind or its number), or undefined. */
export function changedCell(before: Report, after: Report, asWritten: TableKey[]): Said | undefined {
  for (const t of tablesOf(before)) {
    if (asWritten.includes(t.key)) continue;
    let found: Said | undefined;
    eachCell(t, (cell, row, col) => {
      const again = after.tables[t.key]?.rows[row]?.cells[col];
      if (!found && (again?.kind !== cell.kind || again.value !== cell.value)) {
        const name = cellName(t, row, col);
        found = { zh: `${name.zh}：${cell.raw || '空白'} → ${again ? again.raw || '空白' : '读不到'}`, en: `${name.en}: ${cell.raw || 'blank'} → ${again ? again.raw || 'blank' : 'not read'}` };
      }
    });
    if (found) return found;
  }
  return undefined;
}
