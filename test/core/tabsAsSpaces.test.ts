import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { cellsOf, FIGURES } from '../import/cells';
import { LAYOUTS } from '../layouts/render';

// A table copied from Word and pasted where tabs become a fixed run of spaces (a web form, a mail, an editor set to
// put spaces for tabs): the columns do not line up, and an empty cell is only a wider gap. The header's words then
// stand on the lines of its rows, 总计 (spanning them) on the first beside 申请人情况, before 自然人 on the second:
// read as the header's order of columns, table 3's 自然人 went to 其他 and 总计 took the first number, where the row
// totals hold either way (23 0 0 0 0 0 23), without a finding. Every cell is now read right, or not read and said.

const TABS = LAYOUTS.filter((l) => l.family === 'tabs');

/** Table 3's header with 总计 on its first row, beside 申请人情况 (as the seeds have it), not beside 自然人. */
function totalOnTop(text: string): string {
  const lines = text.split('\n'), top = lines.findIndex((l) => l.includes('申请人情况')), next = lines[top + 1];
  if (top < 0 || !next.includes('总计')) return text;
  lines[top + 1] = next.replace('总计', '');
  lines[top] = lines[top].replace(/\t*$/, (tabs) => `\t总计${tabs}`);
  return lines.join('\n');
}
const SAID = new Set(['table-unreadable', 'cell-ambiguous', 'row-cells']);

describe('tabs turned into runs of spaces: no cell read wrong, unsaid', () => {
  for (const spaces of ['\t', '  ', '    ', '\u3000']) {
    it(`each tab as ${JSON.stringify(spaces)}, every seed in both formats, every tabs layout`, () => {
      let read = 0, total = 0;
      for (const layout of TABS) for (const top of [false, true]) {
        for (const { name, figures } of FIGURES) {
          const tabs = layout.render(figures), text = (top ? totalOnTop(tabs) : tabs).replace(/\t/g, spaces), report = parseReport(text);
          const codes = new Set(check(text).findings.map((f) => f.code));
          for (const { key, row, col, text: want } of cellsOf(figures)) {
            total++;
            const cell = report.tables[key]?.rows[row]?.cells[col];
            if (cell?.kind === 'number' && cell.value === Number(want)) { read++; continue; }
            const at = `${layout.name}${top ? ' 总计 on top' : ''} ${name} ${key} ${row} ${col}: ${cell ? `${cell.kind} ${cell.value}` : 'missing'}, not ${want}`;
            assert.ok(cell?.kind !== 'number', `read wrong: ${at}`);
            assert.ok([...codes].some((c) => SAID.has(c)), `not read, unsaid: ${at}`);
          }
        }
      }
      assert.ok(read > 0.9 * total, `${read}/${total} cells read`);
    });
  }
});
