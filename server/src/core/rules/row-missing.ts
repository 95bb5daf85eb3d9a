import { TABLE_KEYS, tableSpec } from '../format/statute';
import { tableName, tableNameEn } from './names';
import type { RawFinding, Rule } from './types';

/** More missing rows than this are one finding naming the first of them (and their count). */
const MANY = 3;

export const rowMissing: Rule = {
  code: 'row-missing', severity: 'error', statutoryOnly: true,
  title: { zh: '统计表缺少法定的行', en: 'A statutory row is missing from a table' },
  description: {
    zh: '按国办公开办函〔2021〕30号（或 2019 年试行格式）的表样，表二、表三、表四的每一行都须列出，没有的数填 0。缺行时，涉及该行的勾稽关系不再核对。',
    en: 'Every row of the statutory table layout must be present, with 0 where there is nothing to count. Identities that involve a missing row are not checked.',
  },
  check({ report, idx }) {
    const out: RawFinding[] = [];
    for (const key of TABLE_KEYS) {
      const table = report.tables[key];
      // Where the reader lost track, the rows it did not find may be there: it says so itself (table-unreadable).
      if (!table || table.problems.some((p) => p.kind === 'unreadable' || p.kind === 'stray')) continue;
      const missing = tableSpec(table.version, key).rows.filter((r) => !r.isGroup && !table.rows[r.key]);
      const { start } = table.range;
      const range = { start, end: { line: start.line, character: Math.min(idx.lineText(start.line).length, start.character + 40) } };
      // A table still being typed lacks all its rows after the cursor: one finding for them, not one each on the same place.
      if (missing.length > MANY) {
        const named = missing.slice(0, MANY).map((r) => `“${r.label}”`);
        out.push({
          code: 'row-missing', range,
          message: {
            zh: `${tableName(key)}缺少 ${missing.length} 行：${named.join('、')}等。`,
            en: `${tableNameEn(key)} has no rows ${named.join(', ')} and ${missing.length - MANY} more (${missing.length} in all).`,
          },
        });
        continue;
      }
      for (const r of missing) {
        out.push({ code: 'row-missing', range, message: { zh: `${tableName(key)}缺少“${r.label}”一行。`, en: `${tableNameEn(key)} has no row “${r.label}”.` } });
      }
    }
    return out;
  },
};
