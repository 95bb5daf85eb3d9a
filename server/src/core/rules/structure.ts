import type { TableKey } from '../format/schema';
import { tableSpec } from '../format/statute';
import type { Report } from '../model';
import type { Range } from '../text';
import { rowName, tableName, tableNameEn } from './names';
import type { Check, RawFinding } from './types';

const SECTION_OF: Record<TableKey, number> = { t2: 2, t3: 3, t4: 4 };
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
    {
      code: 'row-cells', severity: 'warning',
      title: { zh: '一行的数字个数与列数不符，无法确定各数所属的列', en: 'A row has more or fewer numbers than columns' },
      description: {
        zh: '一行读到的数字比表头的列多或少时，无法确定哪一格缺了或多了。检查不会猜测，也不会把数字挪到别的列；这一行不参与核对，请补齐或删去多余的数字。',
        en: 'When a row has more or fewer numbers than the table has columns, the checker cannot tell which one is missing or extra. It does not guess or shift numbers; the row is left out of the arithmetic.',
      },
    },
  ],
  run({ report, idx }) {
    const out: RawFinding[] = [];
    for (const key of ['t2', 't3', 't4'] as TableKey[]) {
      const table = report.tables[key];
      const spec = tableSpec(table?.version ?? report.format ?? '2021', key);
      if (!table) {
        out.push({
          code: 'table-missing', range: placeOf(report, key),
          message: { zh: `未找到${tableName(key)}“${spec.title}”。`, en: `${tableNameEn(key)} “${spec.title}” was not found.` },
        });
        continue;
      }
      const missing = spec.rows.filter((r) => !r.isGroup && !table.rows[r.key]);
      for (const r of missing) {
        out.push({
          code: 'row-missing', range: { start: table.range.start, end: { line: table.range.start.line, character: idx.lineText(table.range.start.line).length } },
          message: { zh: `${tableName(key)}缺少“${r.label}”一行。`, en: `${tableNameEn(key)} has no row “${r.label}”.` },
        });
      }
      for (const p of table.problems) {
        const name = key === 't4' ? '数据行' : `“${rowName(table, p.row)}”一行`;
        const nameEn = key === 't4' ? 'the data row' : `row “${rowName(table, p.row)}”`;
        out.push({
          code: 'row-cells', range: p.range,
          message: p.kind === 'too-few'
            ? { zh: `${tableName(key)}${name}只读到 ${p.found} 个数，应有 ${p.expected} 个；无法确定缺的是哪一列，这一行暂不核对。没有的请填 0。`, en: `${tableNameEn(key)}, ${nameEn}: found ${p.found} numbers for ${p.expected} columns; which one is missing cannot be told, so the row is not checked.` }
            : { zh: `${tableName(key)}${name}读到 ${p.found} 个数，多于 ${p.expected} 列；无法确定哪个是多余的，这一行暂不核对。`, en: `${tableNameEn(key)}, ${nameEn}: found ${p.found} numbers for ${p.expected} columns; which one is extra cannot be told, so the row is not checked.` },
        });
      }
    }
    return out;
  },
};
