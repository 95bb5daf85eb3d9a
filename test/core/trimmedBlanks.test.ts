import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { cellsOf, FIGURES, withCell } from '../import/cells';
import { LAYOUTS } from '../layouts/render';
import { tableFindings } from './seeds';

// One cell per line, indented, with a blank cell: a line of its indentation alone, which an editor that
// trims trailing whitespace leaves empty. The row is then one number short with no blank to be seen; it
// was `row-cells` (“无法确定缺的是哪一列”). Now the empty lines among the row's numbers (and just before or
// after them) are where the blank may stand, and the identities place it where they leave one place only;
// elsewhere (a row of zeros: every place fits) the row stays `row-cells`. Never a value in the wrong column.

const INDENTED = LAYOUTS.filter((l) => l.family === 'cell-per-line' && l.provesBlanks);
/** The text as an editor that trims trailing whitespace saves it. */
const trimmed = (text: string) => text.split('\n').map((l) => (l.trim() === '' ? '' : l)).join('\n');

describe('cell per line, a blank cell\'s line trimmed empty', () => {
  it(`every seed in ${INDENTED.length} indented layouts, every third cell of tables 3 and 4 blanked: the blank placed where the identities leave one place, else row-cells; never a wrong value`, () => {
    let placed = 0, short = 0;
    for (const l of INDENTED) {
      FIGURES.forEach(({ name, figures }, i) => {
        let j = 0;
        for (const { key, row, col } of cellsOf(figures)) {
          if (key === 't2' || j++ % 3 !== i % 3) continue;
          const f = withCell(figures, key, row, col, '');
          const text = trimmed(l.render(f));
          const where = `${l.name}, ${name}, ${key} ${row} ${col}`;
          const report = parseReport(text);
          for (const k of ['t3', 't4'] as const) {
            for (const [r, cols] of Object.entries(f.cells[k])) {
              for (const [c, want] of Object.entries(cols)) {
                const cell = report.tables[k]?.rows[r]?.cells[c];
                assert.ok(!cell || (want === '' ? cell.kind === 'blank' : cell.value === Number(want)), `${where}: ${k} ${r} ${c} reads ${cell?.kind} ${cell?.value}, not “${want}”`);
              }
            }
          }
          const codes = tableFindings(text).map((x) => x.code);
          if (report.tables[key]?.rows[row]?.cells[col]?.kind === 'blank') {
            assert.deepEqual(codes, ['cell-blank'], where);
            placed++;
          } else {
            assert.deepEqual(codes, ['row-cells'], where);
            short++;
          }
        }
      });
    }
    assert.ok(placed > 800 && short > 0, `${placed} placed, ${short} short`);
  });

  it('予以公开 17 3 0 0 0 0 with its 总计 line trimmed: the blank is 总计, its cell-blank fix writes 20 on that line', () => {
    const l = INDENTED.find((x) => x.name === 'cell-per-line/tab-indent/no-blank-lines')!;
    const f = withCell(FIGURES[2].figures, 't3', '3.1', 'total', ''); // seed 002
    const text = trimmed(l.render(f));
    assert.ok(text.includes('\t（一）予以公开\n\t17\n\t3\n\t0\n\t0\n\t0\n\t0\n\n'));
    const cell = parseReport(text).tables.t3!.rows['3.1'].cells.total;
    assert.equal(cell.kind, 'blank');
    const [blank] = check(text).findings.filter((x) => x.code === 'cell-blank');
    assert.equal(text.split('\n')[blank.range.start.line], '');
    assert.equal(blank.fix?.edits[0].newText, '20');
  });
});
