import { SECTION_OF, TABLE_KEYS, tableSpec } from '../format/statute';
import type { TableKey } from '../format/schema';
import type { Range } from '../lineIndex';
import type { Report } from '../model';
import { tableName, tableNameEn } from './names';
import { reportElsewhere } from './report-attached';
import type { RawFinding, Rule } from './types';

const TOP: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where to report a missing table: its section's heading, or the top of the document. */
function placeOf(report: Report, key: TableKey): Range {
  return report.sections.find((s) => s.number === SECTION_OF[key])?.headingRange ?? TOP;
}

export const tableMissing: Rule = {
  code: 'table-missing', severity: 'error', statutoryOnly: true,
  title: { zh: '缺少法定统计表', en: 'A statutory table is missing' },
  description: {
    zh: '年度报告须包含表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）、表四（行政复议、行政诉讼情况）。检查按表内文字（第二十条第（一）项、申请人情况、行政复议）找表。所在部分里以图片给出的表不算缺少，由 table-unreadable 说明读不出。',
    en: 'An annual report must contain tables 2, 3 and 4. Tables are found by their own words (第二十条第（一）项, 申请人情况, 行政复议). A table given as a picture in its section is not missing: table-unreadable says that it cannot be read.',
  },
  check(ctx) {
    const { report } = ctx;
    if (reportElsewhere(ctx)) return [];
    const out: RawFinding[] = [];
    for (const key of TABLE_KEYS) {
      // A table given as a picture is there; that it cannot be read is table-unreadable's to say.
      if (report.tables[key] || report.pictures[key]) continue;
      const spec = tableSpec(report.format ?? '2021', key);
      out.push({
        code: 'table-missing', range: placeOf(report, key),
        message: { zh: `未找到${tableName(key)}“${spec.title}”。`, en: `${tableNameEn(key)} “${spec.title}” was not found.` },
      });
    }
    return out;
  },
};
