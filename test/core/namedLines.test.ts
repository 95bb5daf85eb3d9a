import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LINES_SHAPES, renderNamedLines, table2Lines, table4Lines, type LinesShape } from '../layouts/namedLines';
import { oddT3Lines, T3_ODD } from '../layouts/t3Lines';
import { chineseValue } from '../../server/src/core/prose/numbers';
import { toHalfWidth } from '../../server/src/core/strings';
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

/** The number a cell's place holds: digits (full-width too, broken over a line end, a decimal, signed) or Chinese numerals. */
const valueOf = (s: string) => { const t = toHalfWidth(s).replace(/\s/g, ''); return /^[+\-−]?[\d.]+$/.test(t) ? Number(t.replace('−', '-')) : chineseValue(t); };

/** The cells of table 2 read otherwise than printed: empty when every one is bound, on its digits (with `unsigned`, a change's without its sign: 减少3项). */
function misread(text: string, f: Figures, unsigned = false): string[] {
  const t2 = parseReport(text).tables.t2;
  const out: string[] = [];
  for (const { row, col, text: want } of t2Cells(f)) {
    const cell = t2?.rows[row]?.cells[col];
    if (!cell) out.push(`${row} ${col} missing`);
    else if (cell.kind !== 'number' || cell.value !== Number(want)) out.push(`${row} ${col} reads ${cell.kind} ${cell.value}, not ${want}`);
    else if (valueOf(sliceAt(text, cell.range)) !== (unsigned && col === 'change' ? Math.abs(Number(want)) : Number(want))) out.push(`${row} ${col}: its range holds “${sliceAt(text, cell.range)}”`);
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

describe('tables 2 and 4 as lines made odd as table 3 as lines is read: a PDF text layer broken every 33 or 40 characters, its numbers spaced, full-width digits, Chinese numerals, two rows on one line', () => {
  for (const odd of T3_ODD) {
    for (const shape of ['colon', 'numbered', 'label-above'] as LinesShape[]) {
      // (Numbered rows parted by ； as the numbered shape parts its columns: every row on one line, which in the 2019 form
      // is over 200 characters, the table's first line looked for no further — table 2 missing, every row row-missing —
      // until the thirteenth session: a line that long opening with a row's name is the table's first.)
      it(`${odd}, ${shape}: every seed, both formats: every figure of both tables bound, on its place; no table finding`, () => {
        for (const { name, figures } of FIGURES) {
          let text = renderNamedLines(figures, shape, true);
          for (const lines of [table2Lines(figures, shape), table4Lines(figures)]) text = text.replace(lines.join('\n'), oddT3Lines(lines, odd).join('\n'));
          assert.deepEqual(misread(text, figures), [], name);
          const t4 = parseReport(text).tables.t4!;
          for (const r of tableSpec(figures.version, 't4').rows) {
            for (const col of r.columns) {
              const cell = t4.rows[r.key]?.cells[col], want = figures.cells.t4[r.key][col];
              assert.equal(cell?.value, Number(want), `${name} t4 ${r.key} ${col}`);
              assert.equal(valueOf(sliceAt(text, cell.range)), Number(want), `${name} t4 ${r.key} ${col}`);
            }
          }
          assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), [], name);
        }
      });
    }
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

describe('2019 table 2 as lines: the signed 本年增/减 said by a word (本年减少3项, 较上年增加2项)', () => {
  const CHANGE_ROWS = ['licensing', 'other_services', 'penalty', 'coercion', 'fees'];
  /** The report with each 本年增/减N项 said by words: a decrease as 减少 and the count without its sign. */
  const said = (text: string, f: Figures, up: string, down: string, unit: string) => {
    for (const row of CHANGE_ROWS) {
      const v = Number(f.cells.t2[row].change);
      const line = text.split('\n').find((l) => l.startsWith(`${tableSpec('2019', 't2').rows.find((r) => r.key === row)!.label}：`))!;
      text = text.replace(line, line.replace(`本年增/减${f.cells.t2[row].change}项`, v < 0 ? `${down}${-v}${unit}` : `${up}${v}${unit}`));
    }
    return text;
  };
  const WORDS: [string, string, string][] = [['本年增加', '本年减少', '项'], ['增加', '减少', '件'], ['较上年增加', '较上年减少', '项']];
  for (const { name, figures } of FIGURES.filter((x) => x.figures.version === '2019')) {
    for (const [up, down, unit] of WORDS) {
      it(`${name}, ${up}/${down}N${unit}: each read signed, on its digits; the other cells as before; no table finding`, () => {
        const text = said(renderNamedLines(figures, 'colon'), figures, up, down, unit);
        assert.ok(text.includes(down) || CHANGE_ROWS.every((r) => Number(figures.cells.t2[r].change) >= 0));
        assert.deepEqual(misread(text, figures, true), []);
        assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), []);
      });
    }
  }

  it('减少 in a column that is not the signed one (规章, or the 2021 format): refused, not read as a count', () => {
    const f2019 = figures2019(EXPECTED['002']);
    let text = renderNamedLines(f2019, 'colon');
    const line = text.split('\n').find((l) => l.startsWith('规章：'))!;
    text = text.replace(line, '规章：本年新制作0件，本年新公开0件，减少3件。');
    const t2 = parseReport(text).tables.t2!;
    assert.equal(t2.rows.regulations.cells.total_published, undefined);
    assert.ok(!Object.values(t2.rows.regulations.cells).some((c) => c.value === -3 || c.value === 3));
    assert.ok(check(text).findings.some((x) => x.code === 'table-unreadable' || x.code === 'row-cells'));

    const f2021 = figuresOf(EXPECTED['002']);
    let t = renderNamedLines(f2021, 'colon');
    const l21 = t.split('\n').find((l) => l.startsWith('行政许可：'))!;
    t = t.replace(l21, '行政许可：本年处理决定数量5件，减少3件。');
    const licensing = parseReport(t).tables.t2!.rows.licensing.cells;
    assert.equal(licensing.decisions.value, 5);
    assert.ok(check(t).findings.some((x) => x.code === 'table-unreadable' && /减少3件/.test(x.message)));
  });

  it('减少 before a number already signed (减少-3项) is not read twice over: refused', () => {
    const f = figures2019(EXPECTED['002']);
    const text = renderNamedLines(f, 'colon').replace(`本年增/减${f.cells.t2.penalty.change}项`, `本年减少${f.cells.t2.penalty.change}项`);
    assert.ok(f.cells.t2.penalty.change.startsWith('-'));
    assert.equal(parseReport(text).tables.t2!.rows.penalty.cells.change, undefined);
    assert.ok(check(text).findings.some((x) => x.code === 'table-unreadable'));
  });
});

// Numbered rows parted by ；, two rows a line (as a PDF's or a web page's text runs two short rows together) and every row
// on one line (over 200 characters in the 2019 form, where the table's first line was looked for no further: table 2
// missing, seven row-missing), in both formats: every figure bound, no table finding; each figure changed in turn reads
// as changed.
describe('table 2 numbered, its columns parted by ；, rows run together', () => {
  const pairs = (lines: string[]) => lines.map((l, i) => (i % 2 ? '；' : i ? '\n' : '') + l).join('');
  const together = (lines: string[]) => lines.join('；');
  for (const [how, join] of [['two rows a line', pairs], ['every row on one line', together]] as const) {
    for (const { name, figures } of FIGURES) {
      it(`${how}, ${name}: every figure bound; each changed in turn reads as changed`, () => {
        const render = (f: Figures) => renderNamedLines(f, 'numbered').replace(table2Lines(f, 'numbered').join('\n'), join(table2Lines(f, 'numbered')));
        const text = render(figures);
        assert.ok(text.includes('；（二）'), name);
        assert.deepEqual(misread(text, figures), [], name);
        assert.deepEqual(tableFindings(text).map((f) => `${f.code} ${f.message}`), [], name);
        for (const { row, col, text: was } of t2Cells(figures)) {
          const f = { ...figures, cells: { ...figures.cells, t2: { ...figures.cells.t2, [row]: { ...figures.cells.t2[row], [col]: String(Number(was) + 1) } } } };
          assert.deepEqual(misread(render(f), f), [], `${name} ${row} ${col}`);
        }
      });
    }
  }
});
