import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { chineseValue } from '../../server/src/core/prose/numbers';
import { toHalfWidth } from '../../server/src/core/strings';
import { renderT3Lines, renderT3Odd, T3_LINES_SHAPES, T3_LINES_WHOLE, T3_ODD, writtenCells, type T3LinesShape } from '../layouts/t3Lines';
import { EXPECTED } from './expected';
import { ARITHMETIC, assertPinpointed, sliceAt, tableFindings } from './seeds';

// Table 3 written a row a line, each figure after its column's words (（一）予以公开：自然人5件，…，总计5件。), for
// every seed's figures in both statutory versions and every shape of test/layouts/t3Lines.ts: each figure written
// is bound to its row and column by the words, its range on its digits; a column not written is not read as 0;
// what cannot be placed (法人或其他组织1件: five columns' sum) is said to be unreadable, never an arithmetic finding.

const FIGURES: { name: string; figures: Figures }[] = [
  ...Object.keys(EXPECTED).map((k) => ({ name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) })),
  ...Object.keys(EXPECTED).map((k) => ({ name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) })),
];

const dataRows = (f: Figures) => tableSpec(f.version, 't3').rows.filter((r) => !r.isGroup);

/** The number a cell's place holds: digits (full-width too, broken over a line end) or Chinese numerals. */
const valueOf = (s: string) => { const t = toHalfWidth(s).replace(/\s/g, ''); return /^\d+$/.test(t) ? Number(t) : chineseValue(t); };

/** Table 3's cells read otherwise than the shape writes them: empty when each written one is bound, on its digits, and no other is. */
function misread(text: string, f: Figures, shape: T3LinesShape): string[] {
  const t3 = parseReport(text).tables.t3;
  const out: string[] = [];
  if (t3?.version !== f.version) out.push(`version ${t3?.version}`);
  for (const r of dataRows(f)) {
    const written = writtenCells(f, shape, r.key);
    for (const col of r.columns) {
      const cell = t3?.rows[r.key]?.cells[col], want = f.cells.t3[r.key][col];
      if (!written.includes(col)) { if (cell) out.push(`${r.key} ${col} not written, read as ${cell.value}`); continue; }
      if (!cell) out.push(`${r.key} ${col} missing`);
      else if (cell.kind !== 'number' || cell.value !== Number(want)) out.push(`${r.key} ${col} reads ${cell.kind} ${cell.value}, not ${want}`);
      else if (valueOf(sliceAt(text, cell.range)) !== Number(want)) out.push(`${r.key} ${col}: its range holds “${sliceAt(text, cell.range)}”`);
    }
  }
  return out;
}

describe('table 3 written as lines that name their columns', () => {
  for (const shape of T3_LINES_SHAPES) {
    describe(shape, () => {
      for (const { name, figures } of FIGURES) {
        it(`${name}: every figure written bound by its words, on its digits; none not written; no finding that blames the figures`, () => {
          const text = renderT3Lines(figures, shape);
          assert.deepEqual(misread(text, figures, shape), []);
          const found = tableFindings(text).filter((f) => f.range.start.line >= text.slice(0, text.indexOf('本年新收')).split('\n').length - 1);
          assert.deepEqual(found.filter((f) => ARITHMETIC.has(f.code) || f.code === 'row-missing').map((f) => `${f.code} ${f.message}`), []);
          assert.deepEqual(check(text).findings.filter((f) => f.code === 'cell-unit' || f.code === 'format-version').map((f) => f.message), []);
          const codes = found.map((f) => f.code);
          if (T3_LINES_WHOLE.includes(shape)) assert.deepEqual(codes, []);
          if (shape === 'nonzero') {
            // A column left out is not 0: said to be not given, once for the table (its rows related), the cells blank.
            const leaving = dataRows(figures).filter((r) => writtenCells(figures, shape, r.key).length < 7);
            assert.deepEqual(codes, leaving.length ? ['row-cells'] : []);
            if (leaving.length > 1) {
              const blank = leaving.reduce((n, r) => n + 7 - writtenCells(figures, shape, r.key).length, 0);
              assert.match(found[0].message, new RegExp(`^表三有 ${leaving.length} 行没有写出全部列的数字（如“[^”]+”一行没有写出“[^”]+”），共 ${blank} 格；没有写出的不按 0 计`));
              assert.equal(found[0].related?.length, leaving.length);
            }
          }
          if (shape === 'legal-group') {
            const grouped = dataRows(figures).some((r) => writtenCells(figures, shape, r.key).length < 7);
            assert.deepEqual(codes, grouped ? ['table-unreadable'] : []);
            if (grouped) assert.match(found[0].message, /是“法人或其他组织”五列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和，分不出各列各是多少/);
          }
        });
      }
    });
  }
});

describe('table 3 as lines without its anchor words (no 申请人情况, no 本年新收政府信息公开申请数量)', () => {
  // Was table-missing: an error blaming the author for the reader's failure to find the table.
  const unanchored: [string, (text: string, f: Figures) => string][] = [
    ['本年新收政府信息公开申请63件，其中自然人…', (text, f) => text.replace('本年新收政府信息公开申请数量：', `本年新收政府信息公开申请${f.cells.t3['1'].total}件，其中`)],
    ['一、本年新收申请：自然人…', (text) => text.replace('本年新收政府信息公开申请数量：', '本年新收申请：')],
  ];
  for (const [shape, unanchor] of unanchored) {
    for (const lines of ['colon', 'short'] as T3LinesShape[]) {
      it(`${shape} (${lines}): every seed, both formats: every figure bound, no table finding`, () => {
        for (const { name, figures } of FIGURES) {
          const text = unanchor(renderT3Lines(figures, lines), figures);
          assert.ok(!/申请人情况|本年新收政府信息公开申请数量|勾稽关系/.test(text), name);
          assert.deepEqual(misread(text, figures, lines), [], name);
          assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), [], name);
        }
      });
    }
  }
});

describe('table 3 as lines, one figure changed', () => {
  T3_LINES_WHOLE.forEach((shape, i) => {
    for (const { name, figures } of [FIGURES[(i + 2) % 5], FIGURES[5 + ((i + 3) % 5)]]) {
      it(`${shape}, ${name}: each figure changed in turn is pinpointed, and its fix restores it`, () => {
        for (const r of dataRows(figures)) {
          for (const col of r.columns) {
            const value = figures.cells.t3[r.key][col], wrong = String(Number(value) + 1);
            const f = { ...figures, cells: { ...figures.cells, t3: { ...figures.cells.t3, [r.key]: { ...figures.cells.t3[r.key], [col]: wrong } } } };
            assertPinpointed(renderT3Lines(f, shape), { key: 't3', row: r.key, col }, value, wrong, `${r.key} ${col}`);
          }
        }
      });
    }
  });
});

describe('table 3 as lines, odder still: a PDF text layer broken every 33 or 40 characters, full-width digits, Chinese numerals, two rows on one line', () => {
  for (const odd of T3_ODD) {
    for (const shape of ['colon', 'bare', 'qizhong', 'short'] as T3LinesShape[]) {
      if (odd === 'chinese' && shape === 'bare') continue; // 自然人五、商业企业〇 without 件: not a count the reader takes
      it(`${odd}, ${shape}: every seed, both formats: every figure bound, on its place; no finding but that digits should be plain`, () => {
        for (const { name, figures } of FIGURES) {
          const text = renderT3Odd(figures, shape, odd);
          assert.deepEqual(misread(text, figures, shape), [], name);
          assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), [], name);
          assert.deepEqual(check(text).findings.filter((f) => f.code === 'cell-unit' || f.code === 'format-version').map((f) => f.message), [], name);
        }
      });
    }
  }
  it('pdf-33, colon: each figure changed in turn is pinpointed, and its fix restores it', () => {
    for (const { figures } of [FIGURES[2], FIGURES[8]]) {
      for (const r of dataRows(figures)) {
        for (const col of r.columns) {
          const value = figures.cells.t3[r.key][col], wrong = String(Number(value) + 1);
          const f = { ...figures, cells: { ...figures.cells, t3: { ...figures.cells.t3, [r.key]: { ...figures.cells.t3[r.key], [col]: wrong } } } };
          const text = renderT3Odd(f, 'colon', 'pdf-33');
          const found = tableFindings(text);
          assert.equal(found.length, 1, `${r.key} ${col}: ${found.map((x) => x.message).join('\n')}`);
          assert.ok(ARITHMETIC.has(found[0].code));
          assert.equal(sliceAt(text, found[0].range).replace(/\s/g, ''), wrong, `${r.key} ${col}`);
        }
      }
    }
  });
});

describe('table 3 as lines that cannot be read whole, or with prose after them', () => {
  const figures = figuresOf(EXPECTED['002']);
  const colon = renderT3Lines(figures, 'colon');

  it('a row reworded past recognition (（一）同意公开：…): table-unreadable naming its label, none of its numbers bound to another row, no arithmetic finding', () => {
    const text = colon.replace('（一）予以公开：', '（一）同意公开：');
    const found = tableFindings(text);
    assert.deepEqual(found.map((f) => f.code), ['table-unreadable']);
    assert.match(found[0].message, /“17件”前的“（一）同意公开”对不上表三中任何一行的名称/);
    const t3 = parseReport(text).tables.t3!;
    assert.equal(t3.rows['3.1'], undefined);
    assert.deepEqual(t3.rows['3.2'].cells.natural.value, 5);
  });

  it('a note after the lines that counts (注：…共63件。): no cell, no finding', () => {
    const text = colon.replace(/(四、结转下年度继续办理：[^\n]*\n)/, '$1注：本年度申请均在法定期限内答复，共63件。\n');
    assert.deepEqual(tableFindings(text).map((f) => f.message), []);
    assert.equal(parseReport(text).tables.t3!.rows['4'].cells.total.value, 6);
  });

  it('法人或其他组织 as one figure that is not 0: natural and total bound, the five blank, no arithmetic finding, no row-cells for the five', () => {
    const text = renderT3Lines(figures, 'legal-group');
    const t3 = parseReport(text).tables.t3!;
    assert.equal(t3.rows['1'].cells.natural.value, 55);
    assert.equal(t3.rows['1'].cells.total.value, 63);
    assert.equal(t3.rows['1'].cells.commercial, undefined);
    assert.deepEqual(check(text).findings.filter((f) => ARITHMETIC.has(f.code) || f.code === 'row-cells').map((f) => f.message), []);
  });
});
