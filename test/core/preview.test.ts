import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { preview, type CellState, type Preview, type PreviewCell } from '../../server/src/core/authoring/preview';
import type { TableKey } from '../../server/src/core/format/schema';
import { check } from '../../server/src/core/service';
import { figuresOf, type Figures } from '../layouts/figures';
import { LAYOUTS, renderReport, type Style } from '../layouts/render';
import { EXPECTED } from './expected';
import { replaceAt, SEEDS, sliceAt } from './seeds';

// The table preview's model: the statutory tables drawn with their merges, each value cell with its
// value and its state, on the seeds as they are and with mistakes put in.

interface Located extends PreviewCell { table: TableKey; row: string; col: string }

/** The preview of a text, checked with every rule (or with the findings `keep` lets through). */
function previewOf(text: string, locale: 'zh' | 'en' = 'zh', keep: (code: string) => boolean = () => true): Preview {
  const { report, findings } = check(text, { locale });
  return preview(report, findings.filter((f) => keep(f.code)), { locale });
}

/** Every value cell with its table. */
const valueCells = (p: Preview): Located[] =>
  p.tables.flatMap((t) => t.rows.flat().filter((c) => c.kind === 'value').map((c) => ({ ...c, table: t.key, row: c.row!, col: c.col! })));

const states = (cells: PreviewCell[]) => new Set(cells.map((c) => c.state));
const tabs = (f: Figures, style: Style = LAYOUTS[0].style) => renderReport(f, { t2: style, t3: style, t4: style });

describe('table preview', () => {
  for (const { name, text } of SEEDS) {
    it(`${name}: tables 2–4 read; table 3 and 4 cells consistent, table 2 unchecked; each value is the text at its range`, () => {
      const p = previewOf(text);
      assert.deepEqual(p.tables.map((t) => [t.key, t.state]), [['t2', 'read'], ['t3', 'read'], ['t4', 'read']]);
      const cells = valueCells(p);
      assert.deepEqual(states(cells.filter((c) => c.table !== 't2')), new Set(['consistent']));
      assert.deepEqual(states(cells.filter((c) => c.table === 't2')), new Set(['unchecked']));
      for (const c of cells) assert.equal(sliceAt(text, c.range!), c.text);
      assert.equal(cells.filter((c) => c.table === 't3').length, 175);
      assert.equal(cells.filter((c) => c.table === 't4').length, 15);
    });

    it(`${name}: one wrong cell in table 3 is wrong, with the value the identities determine; every other cell consistent`, () => {
      const { report } = check(text);
      const cell = report.tables.t3!.rows['3.1'].cells.natural;
      const mutated = replaceAt(text, cell.range, String(cell.value! + 7));
      const cells = valueCells(previewOf(mutated)).filter((c) => c.table !== 't2');
      const wrong = cells.filter((c) => c.state === 'wrong');
      assert.deepEqual(wrong.map((c) => [c.row, c.col, c.value, c.expected, c.note]), [['3.1', 'natural', cell.value! + 7, cell.value, `应为 ${cell.value}`]]);
      assert.deepEqual(states(cells.filter((c) => c.state !== 'wrong')), new Set(['consistent']));
      assert.match(wrong[0].title!, /表三“予以公开”行“自然人”列/);
    });
  }

  const f = figuresOf(EXPECTED['002']);

  it('a blank cell is blank, with the value the identities give it', () => {
    const g = structuredClone(f);
    g.cells.t3['3.1'].natural = '';
    const text = tabs(g);
    const blank = valueCells(previewOf(text)).filter((c) => c.state === 'blank');
    assert.deepEqual(blank.map((c) => [c.row, c.col, c.text, c.value, c.expected]), [['3.1', 'natural', '', null, 17]]);
    assert.equal(blank[0].note, '空白，应为 17');
  });

  it('a placeholder, a typo and a fraction of a count are placeholder and invalid, not zero', () => {
    const g = structuredClone(f);
    g.cells.t4.review.upheld = '/';
    g.cells.t3['3.2'].commercial = '1O'; // 0, with the letter O
    g.cells.t3['3.4.2'].natural = '1.5'; // 2
    const text = tabs(g);
    const cells = valueCells(previewOf(text));
    assert.deepEqual(cells.filter((c) => c.state === 'placeholder').map((c) => [c.table, c.text, c.expected]), [['t4', '/', 2]]);
    assert.deepEqual(cells.filter((c) => c.state === 'invalid').map((c) => [c.row, c.text, c.value, c.expected]), [['3.2', '1O', null, 0], ['3.4.2', '1.5', 1.5, 2]]);
  });

  it('two wrong cells: no cell is called wrong; the cells that may be are doubtful, a broken total with what its parts add up to', () => {
    const g = structuredClone(f);
    g.cells.t3['3.1'].natural = '18'; // 17
    g.cells.t3['3.4.1'].commercial = '4'; // 3
    const text = tabs(g);
    const cells = valueCells(previewOf(text)).filter((c) => c.table === 't3');
    assert.equal(cells.filter((c) => c.state === 'wrong').length, 0);
    const doubtful = cells.filter((c) => c.state === 'doubtful');
    assert.ok(doubtful.some((c) => c.row === '3.1' && c.col === 'natural'), JSON.stringify(doubtful.map((c) => [c.row, c.col])));
    assert.ok(doubtful.some((c) => c.row === '3.4.1' && c.col === 'commercial'));
    // Row 3.1's total is 20 while its parts now add up to 21.
    assert.deepEqual(doubtful.filter((c) => c.row === '3.1' && c.col === 'total').map((c) => [c.expected, c.note]), [[21, '按各项 21']]);
  });

  it('a finding not shown (rule off, silenced) takes the wrong state with it', () => {
    const g = structuredClone(f);
    g.cells.t3['3.1'].natural = '18';
    const text = tabs(g);
    const cells = valueCells(previewOf(text, 'zh', (code) => !code.startsWith('table3')));
    assert.equal(cells.filter((c) => c.state === 'wrong').length, 0);
    assert.equal(cells.find((c) => c.row === '3.1' && c.col === 'natural')!.state, 'unchecked');
  });

  it('digits run together: cells cut from them are inferred, and digits that split several ways ambiguous with their readings', () => {
    const flattened = LAYOUTS.find((l) => l.family === 'flattened')!.style;
    const g = structuredClone(f);
    g.cells.t2.normative = { issued: '1', repealed: '2', in_force: '34' }; // 1234: no identity tells the cut
    const text = tabs(g, flattened);
    const cells = valueCells(previewOf(text));
    assert.deepEqual(states(cells.filter((c) => c.table === 't3')), new Set(['inferred']));
    const ambiguous = cells.filter((c) => c.state === 'ambiguous');
    assert.deepEqual(ambiguous.map((c) => [c.row, c.col]), [['normative', 'issued'], ['normative', 'repealed'], ['normative', 'in_force']]);
    assert.deepEqual(ambiguous.map((c) => c.readings!.includes(Number(g.cells.t2.normative[c.col]))), [true, true, true]);
    assert.match(ambiguous[0].title!, /1234/);
  });

  it('digits run together with a wrong one: the row is not read, and the table says why', () => {
    const flattened = LAYOUTS.find((l) => l.family === 'flattened')!.style;
    const g = structuredClone(f);
    g.cells.t3['3.1'].natural = '18'; // 17: no cut of 183000020 adds up
    const text = tabs(g, flattened);
    const p = previewOf(text);
    const t3 = p.tables.find((t) => t.key === 't3')!;
    assert.equal(t3.state, 'partly');
    assert.match(t3.notes.join('\n'), /读不懂表三的排版：“予以公开”一行的数字连在一起（183000020）/);
    const missing = valueCells(p).filter((c) => c.state === 'missing');
    assert.deepEqual(new Set(missing.map((c) => `${c.table} ${c.row}`)), new Set(['t3 3.1']));
    assert.equal(missing.length, 7);
    assert.deepEqual([missing[0].range, missing[0].note], [undefined, '未读到']);
  });

  it('a table not found is missing, and says so; a wrong table 4 total is doubtful with what its parts add up to', () => {
    const g = structuredClone(f);
    g.cells.t4.review.total = '3'; // 2
    const text = tabs(g);
    const p = previewOf(text);
    const review = valueCells(p).filter((c) => c.table === 't4' && c.row === 'review');
    assert.deepEqual(review.map((c) => c.state), ['doubtful', 'doubtful', 'doubtful', 'doubtful', 'doubtful']);
    assert.equal(review[4].note, '按各项 2');
    const { report } = check(text);
    const cut = replaceAt(text, report.tables.t4!.range, '');
    const t4 = previewOf(cut).tables.find((t) => t.key === 't4')!;
    assert.deepEqual([t4.state, t4.rows, t4.notes], ['missing', [], ['未找到这张表']]);
  });

  it('draws the statute\'s merges: every grid row is as wide as the table, 自然人 / 法人或其他组织 over their columns', () => {
    const p = previewOf(SEEDS[0].text);
    const widths = { t2: 4, t3: 10, t4: 15 };
    for (const t of p.tables) {
      const covered: number[] = t.rows.map(() => 0);
      t.rows.forEach((row, y) => row.forEach((c) => { for (let k = 0; k < c.rowspan; k++) covered[y + k] += c.colspan; }));
      assert.deepEqual(covered, t.rows.map(() => widths[t.key]), t.key);
    }
    const t3 = p.tables[1].rows;
    assert.deepEqual(t3[1].map((c) => [c.text, c.colspan, c.rowspan]), [['自然人', 1, 2], ['法人或其他组织', 5, 1], ['总计', 1, 2]]);
    assert.deepEqual(t3[3].slice(0, 1).map((c) => [c.text, c.colspan]), [['一、本年新收政府信息公开申请数量', 3]]);
    assert.deepEqual(t3[5].slice(0, 1).map((c) => [c.text, c.rowspan]), [['三、本年度办理结果', 22]]);
  });

  it('speaks English when asked: states, notes and titles', () => {
    const { report } = check(SEEDS[0].text);
    const cell = report.tables.t3!.rows['1'].cells.natural;
    const text = replaceAt(SEEDS[0].text, cell.range, '24');
    const p = previewOf(text, 'en');
    const wrong = p.tables.flatMap((t) => t.rows.flat()).find((c) => c.state === 'wrong')!;
    assert.equal(wrong.note, 'should be 23');
    assert.match(wrong.title!, /^Table 3, row/);
    assert.equal(p.tables[1].title, 'Table 3 收到和处理政府信息公开申请情况');
    assert.deepEqual(p.legend.map((l) => l.state), ['consistent', 'unchecked', 'wrong', 'doubtful', 'inferred', 'ambiguous', 'blank', 'placeholder', 'invalid', 'missing'] satisfies CellState[]);
    assert.equal(p.legend[2].label, 'wrong');
    assert.equal(JSON.stringify(JSON.parse(JSON.stringify(p))), JSON.stringify(p), 'plain data');
  });
});
