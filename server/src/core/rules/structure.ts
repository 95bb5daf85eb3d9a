import type { TableKey } from '../format/schema';
import { SECTION_OF, TABLE_KEYS, tableSpec } from '../format/statute';
import type { Report } from '../model';
import type { Range } from '../lineIndex';
import { tableName, tableNameEn } from './names';
import type { Check, RawFinding } from './types';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where to report a missing table: its section's heading, or the top of the document. */
function placeOf(report: Report, key: TableKey): Range {
  return report.sections.find((s) => s.number === SECTION_OF[key])?.headingRange ?? TOP;
}


export const structure: Check = {
  statutoryOnly: true,
  rules: [
    {
      code: 'table-missing', severity: 'error',
      title: { zh: '缺少法定统计表', en: 'A statutory table is missing' },
      description: {
        zh: '年度报告须包含表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（行政复议、行政诉讼情况）。检查按表内文字（第二十条第（一）项、申请人情况、行政复议）找表。',
        en: 'An annual report must contain tables 2, 3 and 4. Tables are found by their own words (第二十条第（一）项, 申请人情况, 行政复议).',
      },
    },
    {
      code: 'row-missing', severity: 'error',
      title: { zh: '统计表缺少法定的行', en: 'A statutory row is missing from a table' },
      description: {
        zh: '按国办公开办函〔2021〕30号（或 2019 年试行格式）的表样，表二、表三、表四的每一行都须列出，没有的数填 0。缺行时，涉及该行的勾稽关系不再核对。',
        en: 'Every row of the statutory table layout must be present, with 0 where there is nothing to count. Identities that involve a missing row are not checked.',
      },
    },
  ],
  run({ report, idx }) {
    const out: RawFinding[] = [];
    for (const key of TABLE_KEYS) {
      const table = report.tables[key];
      const spec = tableSpec(table?.version ?? report.format ?? '2021', key);
      if (!table) {
        out.push({
          code: 'table-missing', range: placeOf(report, key),
          message: { zh: `未找到${tableName(key)}“${spec.title}”。`, en: `${tableNameEn(key)} “${spec.title}” was not found.` },
        });
        continue;
      }
      // Where the reader lost track, the rows it did not find may be there: it says so itself (table-unreadable).
      if (table.problems.some((p) => p.kind === 'unreadable' || p.kind === 'stray')) continue;
      const missing = spec.rows.filter((r) => !r.isGroup && !table.rows[r.key]);
      const { start } = table.range;
      for (const r of missing) {
        out.push({
          code: 'row-missing', range: { start, end: { line: start.line, character: Math.min(idx.lineText(start.line).length, start.character + 40) } },
          message: { zh: `${tableName(key)}缺少“${r.label}”一行。`, en: `${tableNameEn(key)} has no row “${r.label}”.` },
        });
      }
    }
    return out;
  },
};
