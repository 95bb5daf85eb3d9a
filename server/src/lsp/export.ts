import { check, type Finding, type Locale } from '../core/service';
import { asWrittenNote, exportReport, NOT_A_REPORT } from '../export/index';
import { importFile } from '../import/index';
import { findingsInSource } from '../import/inSource';
import type { ExportReply, FileParams } from './protocol';

// The client's command “导出 Word” (request nianbao/export): the report as the Word file to submit,
// made here with the CLI's code (server/src/export/); the client asks the user, picks the path and
// writes the bytes (so that it works in virtual workspaces too). A document the editor has open is
// exported as it is there, unsaved changes included.


/** `shown`: the findings the user sees, of which the errors are counted. */
export async function exportForEditor(params: FileParams, open: string | undefined, locale: Locale, shown: (findings: Finding[]) => Finding[]): Promise<ExportReply> {
  const imported = await importFile(params.name, open === undefined ? Buffer.from(params.data, 'base64') : Buffer.from(open, 'utf8'));
  if ('refused' in imported) return { refused: imported.refused[locale] };
  const { report, findings } = check(imported.text, { locale, related: false });
  if (!report.looksLikeReport) {
    return { refused: locale === 'en' ? `it ${NOT_A_REPORT.en}` : NOT_A_REPORT.zh };
  }
  // Counted where the user sees them (a text's HTML tables are read as a draft made of them).
  const placed = imported.source ? findingsInSource(findings, imported.text, imported.source) : findings;
  const errors = shown(placed).filter((f) => f.severity === 'error').length;
  const result = await exportReport(imported.text, report, 'docx');
  if ('refused' in result) return { refused: result.refused[locale] };
  const note = asWrittenNote(result.asWritten);
  return { data: Buffer.from(result.bytes).toString('base64'), errors, notes: note ? [note[locale]] : [] };
}
