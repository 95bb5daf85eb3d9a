import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LINES_SHAPES, renderNamedLines } from '../layouts/namedLines';
import { EXPECTED } from './expected';
import { assertPinpointed, sliceAt, tableFindings } from './seeds';

// Table 2 written a row a line, each figure after its column's words (规章：本年制发0件，本年废止0件，现行有效0件。),
// for every seed's figures in both statutory versions and every shape of test/layouts/namedLines.ts: each figure
// bound to its row and column by the words, its range on its digits; no table finding; the rules work on them.

const FIGURES: { name: string; figures: Figures }[] = [
  ...Object.keys(EXPECTED).map((k) => ({ name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) })),
  ...Object.keys(EXPECTED).map((k) => ({ name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) })),
];

/** Table 2's cells, in the statute's order. */
const t2Cells = (f: Figures) => tableSpec(f.version, 't2').rows.filter((r) => !r.isGroup).flatMap((r) => r.columns.map((col) => ({ row: r.key, col, text: f.cells.t2[r.key][col] })));

/** The cells of table 2 read otherwise than printed: empty when every one is bound, on its digits. */
function misread(text: string, f: Figures): string[] {
  const t2 = parseReport(text).tables.t2;
  const out: string[] = [];
  for (const { row, col, text: want } of t2Cells(f)) {
    const cell = t2?.rows[row]?.cells[col];
    if (!cell) out.push(`${row} ${col} missing`);
    else if (cell.kind !== 'number' || cell.value !== Number(want)) out.push(`${row} ${col} reads ${cell.kind} ${cell.value}, not ${want}`);
    else if (Number(sliceAt(text, cell.range)) !== Number(want)) out.push(`${row} ${col}: its range holds “${sliceAt(text, cell.range)}”`);
  }
  return out;
}

/** The report with a sentence of section 一 stating the penalty decisions. */
const withClaim = (text: string, n: string) => text.replace('依申请公开方面，', `本年度共作出行政处罚决定${n}件。依申请公开方面，`);

describe('table 2 written as lines that name their columns', () => {
  for (const shape of LINES_SHAPES) {
    describe(shape, () => {
      for (const { name, figures } of FIGURES) {
        it(`${name}: every figure bound by its words, on its digits; no table finding; the version read`, () => {
          const text = renderNamedLines(figures, shape);
          assert.deepEqual(misread(text, figures), []);
          assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), []);
          assert.equal(parseReport(text).tables.t2!.version, figures.version);
          assert.deepEqual(check(text).findings.filter((f) => f.code === 'cell-unit').map((f) => f.message), []);
        });
      }
    });
  }
});

describe('table 4 written as lines too (行政复议：结果维持1件，…)', () => {
  const t4Cells = (f: Figures) => tableSpec(f.version, 't4').rows.flatMap((r) => r.columns.map((col) => ({ row: r.key, col, text: f.cells.t4[r.key][col] })));
  for (const { name, figures } of FIGURES) {
    it(`${name}: every figure bound by its words; no table finding; each changed in turn: table4-total on its block, whose fix makes it add up`, () => {
      const text = renderNamedLines(figures, 'colon', true);
      const t4 = parseReport(text).tables.t4!;
      for (const { row, col, text: want } of t4Cells(figures)) {
        const cell = t4.rows[row]?.cells[col];
        assert.equal(cell?.value, Number(want), `${row} ${col}`);
        assert.equal(sliceAt(text, cell.range), want, `${row} ${col}`);
      }
      assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), []);
      for (const { row, col, text: value } of t4Cells(figures)) {
        const wrong = String(Number(value) + 1);
        const f = { ...figures, cells: { ...figures.cells, t4: { ...figures.cells.t4, [row]: { ...figures.cells.t4[row], [col]: wrong } } } };
        assertPinpointed(renderNamedLines(f, 'colon', true), { key: 't4', row, col }, value, wrong, `${row} ${col}`);
      }
    });
  }
});

describe('table 2 as lines, one figure changed', () => {
  LINES_SHAPES.forEach((shape, i) => {
    for (const { name, figures } of [FIGURES[i % 5], FIGURES[5 + (i % 5)]]) {
      it(`${shape}, ${name}: each figure changed in turn reads as changed; the prose that states the penalty decisions disagrees only when they do`, () => {
        for (const { row, col, text } of t2Cells(figures)) {
          const wrong = String(Number(text) + 1);
          const f = { ...figures, cells: { ...figures.cells, t2: { ...figures.cells.t2, [row]: { ...figures.cells.t2[row], [col]: wrong } } } };
          const rendered = withClaim(renderNamedLines(f, shape), figures.cells.t2.penalty.decisions);
          assert.deepEqual(misread(rendered, f), [], `${row} ${col}`);
          const prose = check(rendered).findings.filter((x) => x.code.startsWith('prose-'));
          if (row === 'penalty' && col === 'decisions') {
            assert.equal(prose.length, 1, `${row} ${col}`);
            assert.match(prose[0].message, new RegExp(`行政处罚.*${wrong}`));
          } else assert.deepEqual(prose.map((x) => x.message), [], `${row} ${col}`);
        }
      });
    }
  });
});

describe('table 2 as lines that cannot be read whole', () => {
  const figures = figuresOf(EXPECTED['002']);
  const normative = figures.cells.t2.normative;
  const colon = renderNamedLines(figures, 'colon');
  const line = colon.split('\n').find((l) => l.startsWith('行政规范性文件：'))!;

  it('a line whose figures name no column: table-unreadable naming the line, no table-missing, the other rows read', () => {
    const text = colon.replace(line, `行政规范性文件：${normative.issued}件，${normative.repealed}件，${normative.in_force}件。`);
    const codes = check(text).findings.map((f) => f.code);
    assert.ok(!codes.includes('table-missing'), codes.join(' '));
    const unreadable = check(text).findings.filter((f) => f.code === 'table-unreadable');
    assert.equal(unreadable.length, 1);
    assert.match(unreadable[0].message, /行政规范性文件：.*没有写明是“行政规范性文件”一行的哪一列/);
    const t2 = parseReport(text).tables.t2!;
    assert.equal(t2.rows.licensing.cells.decisions.value, Number(figures.cells.t2.licensing.decisions));
    assert.equal(t2.rows.normative, undefined);
  });

  it('a line that leaves a column out: row-cells names the column; the others read', () => {
    const text = colon.replace(line, `行政规范性文件：本年制发${normative.issued}件，本年废止${normative.repealed}件。`);
    const found = tableFindings(text);
    assert.deepEqual(found.map((f) => f.code), ['row-cells']);
    assert.match(found[0].message, /“行政规范性文件”一行没有写出“现行有效件数”的数字/);
    assert.equal(parseReport(text).tables.t2!.rows.normative.cells.repealed.value, Number(normative.repealed));
  });

  it('a sentence in section 二 that opens with a row name but is no table: still table-missing, as before', () => {
    const start = colon.indexOf('规章：'), end = colon.indexOf('\n\n', start);
    const text = colon.slice(0, start) + '规章制度建设方面，本年制定内部制度3项。' + colon.slice(end);
    assert.ok(check(text).findings.some((f) => f.code === 'table-missing'));
  });
});
