import type { TableKey } from '../../server/src/core/format/schema';
import { tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import type { Finding } from '../../server/src/core/service';
import { EXPECTED } from '../core/expected';
import { sliceAt } from '../core/seeds';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { renderReport, type Style } from '../layouts/render';

// What the tests of imported documents (web pages, Word files) compare: every seed's figures in both
// formats, their cells, and the same report as text.

export const KEYS: TableKey[] = ['t2', 't3', 't4'];
const SEEDS = Object.keys(EXPECTED);
export const FIGURES: { name: string; figures: Figures }[] = [
  ...SEEDS.map((k) => ({ name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) })),
  ...SEEDS.map((k) => ({ name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) })),
];

export function* cellsOf(f: Figures) {
  for (const key of KEYS) {
    for (const r of tableSpec(f.version, key).rows) {
      if (r.isGroup) continue;
      for (const col of r.columns) yield { key, row: r.key, col, text: f.cells[key][r.key][col] };
    }
  }
}

/** The cells not bound with their value, and how many are. */
export function bound(draft: string, f: Figures): { wrong: string[]; bound: number; total: number } {
  const report = parseReport(draft);
  const wrong: string[] = [];
  let n = 0, total = 0;
  for (const { key, row, col, text } of cellsOf(f)) {
    total++;
    const cell = report.tables[key]?.rows[row]?.cells[col];
    if (cell?.kind !== 'number' || cell.value !== Number(text)) wrong.push(`${key} ${row} ${col}: ${cell ? `${cell.kind} ${cell.value}` : 'missing'}, not ${text}`);
    else n++;
  }
  return { wrong, bound: n, total };
}

/** The same report as a Word table pasted as text, with its merges' tabs: the findings an HTML or .docx must give too. */
const TABS: Style = { family: 'tabs', merges: 'pad' };
export const asText = (f: Figures) => renderReport(f, { t2: TABS, t3: TABS, t4: TABS });
export const said = (findings: Finding[], text: string) => findings.map((f) => `${f.code} “${sliceAt(text, f.range)}” ${f.message}`);

export const withCell = (f: Figures, key: TableKey, row: string, col: string, text: string): Figures =>
  ({ ...f, cells: { ...f.cells, [key]: { ...f.cells[key], [row]: { ...f.cells[key][row], [col]: text } } } });

/** Whole sentences with numbers of their own, as drafters put them in a table's cells (a 备注, a note across the table, after a label). */
export const CELL_SENTENCES = [
  '其他（含申请人撤回申请2件，经沟通后不再处理1件）',
  '注：本表数据统计截至2023年12月31日，共3件',
  '注：本表数据统计截至2023年12月31日。',
  '其中：网上申请12件，信函申请3件，当面申请5件。',
  '含撤回2件、转办1件',
  '说明：本表数据由县政务服务中心汇总，涉及3个单位',
  // Remarks without a clause mark that end in a count: 合计 once named row （七）总计 (row-cells “written twice”).
  '（一）至（六）项合计3件',
  '其中依申请公开2件',
];
