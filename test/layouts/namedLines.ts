import { tableSpec } from '../../server/src/core/format/statute';
import type { Figures } from './figures';
import { renderReport, renderTable, type Style } from './render';

// Table 2 written a row a line, each figure after the words of its column (规章：本年制发0件，本年废止0件，
// 现行有效0件。), as many reports give it instead of the statutory table: the same whole report as
// renderReport's, tables 3 and 4 tab-separated, table 2 in one of these shapes.

export type LinesShape =
  /** 规章：本年制发0件，本年废止0件，现行有效0件。 — no 第二十条 headings. */
  | 'colon'
  /** The same under the statute's 第二十条第（一）项 … headings, the figures parted by 、. */
  | 'anchored'
  /** （一）规章：本年制发件数0；本年废止件数0；现行有效件数0 — numbered, the header's words, no unit, parted by ；. */
  | 'numbered'
  /** 本年制发规章0件、行政规范性文件3件；… — block （一） a column a clause, the row's name after the column's. */
  | 'column-first'
  /** The row's name on a line of its own, its figures on the next. */
  | 'label-above';

export const LINES_SHAPES: LinesShape[] = ['colon', 'anchored', 'numbered', 'column-first', 'label-above'];

/** The words a sentence says each column by, and the unit after its figure. */
const SAID: Record<string, [string, string]> = {
  issued: ['本年制发', '件'], repealed: ['本年废止', '件'], in_force: ['现行有效', '件'],
  decisions: ['本年处理决定数量', '件'], amount: ['本年收费金额', '万元'],
  made: ['本年新制作', '件'], published: ['本年新公开', '件'], total_published: ['对外公开总数量', '件'],
  prior_items: ['上一年项目数量', '项'], change: ['本年增/减', '项'], projects: ['采购项目数量', '个'],
};
/** As the header says it (the numbered shape): without a unit. */
const HEADER: Record<string, string> = { issued: '本年制发件数', repealed: '本年废止件数', in_force: '现行有效件数', amount: '本年收费金额（单位：万元）' };
/** 2019's procurement: 采购总金额. */
const said = (version: string, col: string): [string, string] => version === '2019' && col === 'amount' ? ['采购总金额', '万元'] : SAID[col];

/** Table 2's lines in a shape. */
export function table2Lines(f: Figures, shape: LinesShape): string[] {
  const spec = tableSpec(f.version, 't2');
  const cells = f.cells.t2;
  const out: string[] = [];
  const rows = spec.rows.filter((r) => !r.isGroup);
  let block = '';
  rows.forEach((r, i) => {
    if (shape === 'anchored' && r.block && r.block !== block) out.push((block = r.block));
    const parts = r.columns.map((c) => {
      const [words, unit] = said(f.version, c);
      return shape === 'numbered' ? `${(f.version === '2021' && HEADER[c]) || words}${cells[r.key][c]}` : `${words}${cells[r.key][c]}${unit}`;
    });
    if (shape === 'column-first' && r.key === 'normative') return; // written with the regulations' line
    if (shape === 'column-first' && r.key === 'regulations') {
      const other = rows.find((x) => x.key === 'normative')!;
      out.push(r.columns.map((c) => {
        const [words, unit] = said(f.version, c);
        return `${words}${r.label}${cells[r.key][c]}${unit}、${other.label}${cells.normative[c]}${unit}`;
      }).join('；') + '。');
      return;
    }
    if (shape === 'label-above') { out.push(r.label, parts.join('，') + '。'); return; }
    if (shape === 'numbered') { out.push(`（${'一二三四五六七八九'[i]}）${r.label}：${parts.join('；')}`); return; }
    out.push(`${r.label}：${parts.join(shape === 'anchored' ? '、' : '，')}。`);
  });
  return out;
}

const TABS: Style = { family: 'tabs', merges: 'word' };

/** Table 4's lines: a block a line (行政复议：结果维持1件，结果纠正0件，其他结果0件，尚未审结0件，总计1件。). */
export function table4Lines(f: Figures): string[] {
  const spec = tableSpec(f.version, 't4');
  return spec.rows.map((r) => `${r.name}：${spec.columns.map((c) => `${c.header}${f.cells.t4[r.key][c.key]}件`).join('，')}。`);
}

/** A whole report (renderReport's, tab-separated) with table 2 written as lines in a shape, and table 4 too with `t4`. */
export function renderNamedLines(f: Figures, shape: LinesShape, t4 = false): string {
  let text = renderReport(f, { t2: TABS, t3: TABS, t4: TABS });
  const swap = (key: 't2' | 't4', lines: string[]) => {
    const table = renderTable(f, key, TABS).replace(/\n$/, '');
    if (!text.includes(table)) throw new Error(`${key} not found in the report`);
    text = text.replace(table, lines.join('\n'));
  };
  swap('t2', table2Lines(f, shape));
  if (t4) swap('t4', table4Lines(f));
  return text;
}
