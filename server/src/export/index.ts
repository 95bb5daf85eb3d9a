import type { Layout } from '../core/authoring/layout';
import type { TableKey } from '../core/format/schema';
import type { Report } from '../core/model';
import { tableName, tableNameEn } from '../core/rules/names';
import type { Said } from '../import/types';
import type { ExportFormat, ExportResult } from './types';

// The file that gets submitted: a report (any format nianbao reads, as its draft text) written as a
// Word file in the official-document look, or as text with its tables drawn in one layout. Shared by
// `nianbao export` and the editor's command “导出 Word” (request nianbao/export).

export { defaultLayout, type Exported, type ExportFormat, type ExportResult } from './types';

/**
 * The exporter and the docx package (~0.5 MB), loaded on the first export: a bundle of its own
 * (dist/exporter.js, see esbuild.mjs) that neither a check nor the server's start-up parses.
 * require, not import(): bin/nianbao runs the CLI's bundle as a vm.Script, which has no loader for import().
 */
const exporter = () => require('./exporter') as typeof import('./exporter');

/** The report (its text and its model) as a file's bytes, or why not. Never throws. */
export const exportReport = (text: string, report: Report, to: ExportFormat, layout?: Layout): Promise<ExportResult> =>
  exporter().exportReport(text, report, to, layout);

/** Why a text is not exported: it is no report (the check gives it no findings, so it would look clean). */
export const NOT_A_REPORT: Said = {
  zh: '不像政府信息公开工作年度报告（标题中没有“年度报告”，也找不到法定统计表）',
  en: 'does not look like an annual report (no title naming one, no statutory table)',
};

/** What the user is told about the tables exported as written. */
export function asWrittenNote(keys: TableKey[]): Said | undefined {
  if (!keys.length) return undefined;
  return {
    zh: `${keys.map(tableName).join('、')}没有完全读懂，按原文导出，没有画成法定表格`,
    en: `${keys.map(tableNameEn).join(', ')} could not be read whole: exported as written, not drawn as the statutory table`,
  };
}
