import { tableSpec, versionForYear, type FormatVersion } from '../format/statute';
import { predatesStatutoryFormat } from '../format/years';
import { lineSpan, type LineIndex, type Range } from '../lineIndex';
import type { Table } from '../model';
import { tableName, tableNameEn } from './names';
import type { RawFinding, Rule } from './types';

const NOTICE: Record<FormatVersion, string> = { 2021: '国办公开办函〔2021〕30号', 2019: '国办公开办函〔2019〕60号（试行）' };

/** Where the table shows its version: the first header word only that version prints (a table may start and end inside a line). */
function markerRange(table: Table, idx: LineIndex): Range {
  const markers = table.key === 't3' && table.version === '2019' ? ['其他处理'] : tableSpec(table.version, table.key).markers;
  const { start, end } = table.range;
  for (let l = start.line; l <= end.line; l++) {
    const line = idx.lineText(l);
    const from = l === start.line ? start.character : 0, to = l === end.line ? end.character : line.length;
    for (const m of markers) {
      const at = line.indexOf(m, from);
      if (at >= 0 && at + m.length <= to) return lineSpan(l, at, at + m.length);
    }
  }
  return start.character === 0 ? idx.lineRange(start.line) : table.range;
}

/** How a table shows its version, in words: its marker words, or (table 3, 2019) its single row of 其他处理. */
const shows = (key: 't2' | 't3', version: FormatVersion) =>
  key === 't3' && version === '2019' ? '（六）其他处理只有一行' : tableSpec(version, key).markers.slice(0, 3).join('、');

export const formatVersion: Rule = {
  code: 'format-version', severity: 'warning',
  title: { zh: '统计表的格式版本与报告年度不符', en: 'The tables are in the wrong format version for the report year' },
  description: {
    zh: '2021年度起的报告使用国办公开办函〔2021〕30号的表格（表二为“本年制发件数、本年废止件数、现行有效件数”，表三的（六）其他处理分三项）；2019、2020年度的报告使用2019年试行格式（“本年新制作数量、本年新公开数量、对外公开总数量”）。每张用错格式的表报告一次。',
    en: 'Reports for 2021 and later use the 2021 tables (国办公开办函〔2021〕30号); reports for 2019 and 2020 use the 2019 trial tables. Each table in the other version is reported.',
  },
  check({ report, idx }) {
    const year = report.year;
    if (year === null || predatesStatutoryFormat(year)) return [];
    const want = versionForYear(year)!;
    const out: RawFinding[] = [];
    for (const key of ['t2', 't3'] as const) {
      const table = report.tables[key];
      if (!table || table.version === want) continue;
      out.push({
        code: 'format-version', range: markerRange(table, idx),
        message: {
          zh: `这是${year}年度的报告，应使用${NOTICE[want]}的表格；${tableName(key)}却是${table.version}年格式（${shows(key, table.version)}）。${want === '2021' ? (key === 't2' ? '2021年度起表二的列为“本年制发件数、本年废止件数、现行有效件数”。' : '2021年度起表三的（六）其他处理分为三项。') : '2019、2020年度的报告使用2019年试行格式。'}`,
          en: `This is a ${year} report and must use the ${want} format (${NOTICE[want]}); ${tableNameEn(key)} is in the ${table.version} format.`,
        },
      });
    }
    return out;
  },
};
