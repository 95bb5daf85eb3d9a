import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Range } from '../core/lineIndex';
import { check, type Finding, type Locale } from '../core/service';
import { applyRuleLevels, type Settings } from '../core/settings';
import { documentKind, importFile } from '../import/index';
import { toDiagnostic } from './diagnostics';
import { findingsInSource } from '../import/inSource';
import type { CheckFileReply, FileParams, ImportReply } from './protocol';

// Files the editor has not opened: a Word or PDF report converted to a draft, and every report of
// the workspace checked at once. The client reads the bytes (so that remote and virtual workspaces
// work too) and sends them here; the server decodes or imports them with the CLI's code.

const bytesOf = (params: FileParams) => Buffer.from(params.data, 'base64');

export async function importForEditor(params: FileParams, locale: Locale): Promise<ImportReply> {
  const imported = await importFile(params.name, bytesOf(params));
  return 'refused' in imported ? { refused: imported.refused[locale] } : { text: imported.text };
}

/**
 * Checks a file that is not open and publishes its findings. Text that is not a report gets none.
 * A Word or PDF document's findings have no place in the file itself: they are shown on its first
 * line, each saying where in the converted draft it is.
 */
export async function checkFile(connection: Connection, params: FileParams, locale: Locale, rules: Settings['rules']): Promise<CheckFileReply> {
  const imported = await importFile(params.name, bytesOf(params));
  if ('refused' in imported) return { refused: imported.refused[locale] };
  const { report, findings } = check(imported.text, { locale });
  const shown = report.looksLikeReport ? applyRuleLevels(findings, rules) : [];
  // Where the file shows them: in a text; in a web page's HTML (or a text's, for its HTML tables); else on its first line.
  const placed = imported.source ? findingsInSource(shown, imported.text, imported.source) : shown;
  const inPlace = imported.source !== undefined || (documentKind(params.name) ?? 'text') === 'text';
  const diagnostics = placed.map((f) => (inPlace ? toDiagnostic(f, params.uri) : onFirstLine(f, params.uri, locale)));
  await connection.sendDiagnostics({ uri: params.uri, diagnostics });
  return { findings: diagnostics.length, report: report.looksLikeReport };
}

function onFirstLine(f: Finding, uri: string, locale: Locale): Diagnostic {
  return toDiagnostic({ ...atFileStart(f, locale), related: undefined, fix: undefined }, uri);
}

/**
 * A place in a Word or PDF file's converted draft (whose lines are not the file's): put at the file's
 * start, its message saying which line of the draft it is.
 */
export function atFileStart<T extends { range: Range; message: string }>(place: T, locale: Locale): T {
  const line = place.range.start.line + 1;
  const start = { line: 0, character: 0 };
  return { ...place, range: { start, end: start }, message: place.message + (locale === 'en' ? ` (converted draft, line ${line})` : `（转为草稿后第 ${line} 行）`) };
}
