import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';
import { EXPECTED } from './expected';

// Table 3's cells as drafts write them beyond a bare number, over every seed's figures (both formats) in every
// layout whose cells are separated (test/layouts; the flattened web text runs cells together): each count with
// its unit a blank after it (86 件), and × for none (a form's “does not apply”). Every cell is read (the count,
// or a placeholder for ×), and the report gets no finding but cell-unit and cell-blank, which say what the
// author wrote. (Before the third attack on the table reader: no cell of table 3 read in any of these layouts,
// table-unreadable, row-cells and some row-missing errors.)

const FIGURES: { name: string; figures: Figures }[] = Object.keys(EXPECTED).flatMap((k) => [
  { name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) },
  { name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) },
]);

/** The figures with every table-3 cell's text rewritten. */
function withT3(f: Figures, write: (text: string) => string): Figures {
  const t3 = Object.fromEntries(Object.entries(f.cells.t3).map(([row, cols]) => [row, Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, write(v)]))]));
  return { ...f, cells: { ...f.cells, t3 } };
}

const SHAPES: { name: string; write: (text: string) => string; allowed: string; none: 'number' | 'placeholder' }[] = [
  { name: 'each count with its unit a blank after it (86 件)', write: (v) => `${v} 件`, allowed: 'cell-unit', none: 'number' },
  { name: '× for none', write: (v) => (v === '0' ? '×' : v), allowed: 'cell-blank', none: 'placeholder' },
];

for (const shape of SHAPES) {
  describe(`table 3 cells: ${shape.name}`, () => {
    for (const layout of LAYOUTS.filter((l) => l.family !== 'flattened')) {
      it(`${layout.name}: every cell read, no finding but ${shape.allowed}`, () => {
        for (const { name, figures } of FIGURES) {
          const { report, findings } = check(layout.render(withT3(figures, shape.write)));
          for (const r of tableSpec(figures.version, 't3').rows) {
            if (r.isGroup) continue;
            for (const col of r.columns) {
              const want = figures.cells.t3[r.key][col], cell = report.tables.t3?.rows[r.key]?.cells[col];
              const where = `${name} t3 ${r.key} ${col}`;
              if (want === '0' && shape.none === 'placeholder') assert.equal(cell?.kind, 'placeholder', where);
              else assert.equal(cell?.value, Number(want), where);
            }
          }
          const other = findings.filter((f) => f.severity !== 'information' && f.code !== shape.allowed);
          assert.deepEqual(other.map((f) => `${f.code} ${f.message}`), [], name);
        }
      });
    }
  });
}
