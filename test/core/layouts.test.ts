import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TableKey } from '../../server/src/core/format/schema';
import { tableSpec } from '../../server/src/core/format/statute';
import type { Report } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LAYOUTS, renderReport, type Layout, type Noise, type Style } from '../layouts/render';
import { EXPECTED } from './expected';
import { ARITHMETIC, assertPinpointed, sliceAt, tableFindings } from './seeds';

// Every seed's figures written in every layout family real reports come in (test/layouts), read
// back: every cell bound to its row and column with its value and a range on its digits; a
// consistent report gets no table finding; a wrong cell is named with the value that restores it
// (where the cells are separated in the text); a blank cell is blank where the text shows it.

const KEYS: TableKey[] = ['t2', 't3', 't4'];
const SEEDS = Object.keys(EXPECTED);
const FIGURES: { name: string; figures: Figures }[] = [
  ...SEEDS.map((k) => ({ name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) })),
  ...SEEDS.map((k) => ({ name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) })),
];

/** Every statutory cell of the figures, in the statute's order (never the objects' key order). */
function* cellsOf(f: Figures): Generator<{ key: TableKey; row: string; col: string; text: string }> {
  for (const key of KEYS) {
    for (const r of tableSpec(f.version, key).rows) {
      if (r.isGroup) continue;
      for (const col of r.columns) yield { key, row: r.key, col, text: f.cells[key][r.key][col] };
    }
  }
}

const cellAt = (report: Report, key: TableKey, row: string, col: string) => report.tables[key]?.rows[row]?.cells[col];

/**
 * The cells read from `text` that are not bound to the figures' values: empty when every one is.
 * With `ambiguous`, a cell may instead be said to be ambiguous, if the value printed is among its readings.
 */
function misread(text: string, f: Figures, keys = KEYS, ambiguous = false): string[] {
  const report = parseReport(text);
  const out: string[] = [];
  for (const { key, row, col, text: want } of cellsOf(f)) {
    if (!keys.includes(key)) continue;
    const cell = cellAt(report, key, row, col);
    const where = `${key} ${row} ${col}`;
    const readings = report.tables[key]?.problems.find((p) => p.kind === 'ambiguous' && p.row === row)?.readings;
    if (ambiguous && cell?.kind === 'ambiguous' && readings?.some((r) => r[col].value === Number(want))) continue;
    if (!cell) out.push(`${where} missing`);
    else if (cell.kind !== 'number' || cell.value !== Number(want)) out.push(`${where} reads ${cell.kind} ${cell.value}, not ${want}`);
    // (A CSV's "1,092" holds its thousands separator: the range is the number as written.)
    else if (Number(sliceAt(text, cell.range).replace(/(?<=\d),(?=\d{3})/g, '')) !== Number(want)) out.push(`${where}: its range holds “${sliceAt(text, cell.range)}”`);
  }
  return out;
}

const withCell = (f: Figures, key: TableKey, row: string, col: string, text: string): Figures =>
  ({ ...f, cells: { ...f.cells, [key]: { ...f.cells[key], [row]: { ...f.cells[key][row], [col]: text } } } });

describe('every seed in every layout', () => {
  for (const layout of LAYOUTS) {
    describe(layout.name, () => {
      for (const { name, figures } of FIGURES) {
        // Run-together digits of a row without identities (table 2) can be cut in several ways: then ambiguous, honestly.
        it(`${name}: every cell bound with its value, its range on its digits${layout.separated ? '' : ', or said to be ambiguous'}; no table finding`, () => {
          const text = layout.render(figures);
          assert.deepEqual(misread(text, figures, KEYS, !layout.separated), []);
          assert.deepEqual(tableFindings(text).filter((f) => layout.separated || f.code !== 'cell-ambiguous').map((f) => `${f.code} ${f.message}`), []);
          assert.equal(parseReport(text).tables.t3!.version, figures.version);
        });
      }
    });
  }
});

describe('one wrong cell in every layout', () => {
  // Each layout with one seed (a different one for each layout): every cell of tables 3 and 4, one more.
  LAYOUTS.forEach((layout, i) => {
    const { name, figures } = FIGURES[i % SEEDS.length];
    it(`${layout.name}, ${name}: ${layout.separated ? 'the cell is named, and its fix restores the value' : 'never a fix that writes a wrong value'}`, () => {
      let n = 0;
      for (const { key, row, col, text } of cellsOf(figures)) {
        if (key === 't2') continue;
        const wrong = String(Number(text) + 1);
        const mutated = layout.render(withCell(figures, key, row, col, wrong));
        const found = tableFindings(mutated);
        const where = `${key} ${row} ${col} ${text}→${wrong}`;
        if (layout.separated) {
          assertPinpointed(mutated, { key, row, col }, text, wrong, where);
        } else {
          // Run-together digits with a wrong one: the honest results are “cannot read” or “ambiguous”;
          // a fix, if any, restores the value (table 3) or makes table 4's block add up.
          assert.ok(found.length > 0, `${where}: nothing noticed`);
          for (const f of found) {
            if (!f.fix) continue;
            const fixed = applyEdits(mutated, f.fix.edits);
            if (key === 't3') assert.equal(cellAt(parseReport(fixed), key, row, col)?.value, Number(text), `${where}: ${f.code} ${f.message}`);
            else assert.deepEqual(tableFindings(fixed), [], `${where}: ${f.code} ${f.message}`);
          }
        }
        n++;
      }
      assert.ok(n >= 175, `${n} cells`);
    });
  });
});

describe('a blank cell in every layout that shows one', () => {
  LAYOUTS.filter((l) => l.provesBlanks).forEach((layout, i) => {
    const { name, figures } = FIGURES[i % SEEDS.length];
    it(`${layout.name}, ${name}: every fifth cell blanked in turn is blank, not zero, and no arithmetic error`, () => {
      let k = 0;
      for (const { key, row, col } of cellsOf(figures)) {
        if (k++ % 5 !== 0) continue;
        const text = layout.render(withCell(figures, key, row, col, ''));
        const cell = cellAt(parseReport(text), key, row, col);
        const where = `${key} ${row} ${col}`;
        assert.equal(cell?.kind, 'blank', where);
        assert.deepEqual(tableFindings(text).map((f) => f.code), ['cell-blank'], where);
      }
    });
  });
});

describe('a blank cell in a space-aligned row', () => {
  it('stands where its column does, measured as the tokenizer measures (a curly quote is one column wide)', () => {
    const layout = LAYOUTS.find((l) => l.name === 'space-aligned/left')!;
    const text = layout.render(withCell(figuresOf(EXPECTED['002']), 't3', '3.1', 'legal', ''));
    const line = text.split('\n').find((l) => l.startsWith('  （一）予以公开'))!;
    // The same display width and the same number of characters before the numbers: the blank stays put.
    const quoted = text.replace(line, line.replace('  （一）', '“（一）”'));
    const at = (t: string) => cellAt(parseReport(t), 't3', '3.1', 'legal')?.range.start;
    assert.equal(cellAt(parseReport(quoted), 't3', '3.1', 'legal')?.kind, 'blank');
    assert.deepEqual(at(quoted), at(text));
    assert.ok(line.slice(at(text)!.character - 2, at(text)!.character + 2).trim() === '', 'in the gap');
  });
});

describe('a report that mixes the two statutory versions', () => {
  it('2021 table 2 with a 2019 table 3, in a 2023 report: both read, format-version on table 3 only', () => {
    const f2021 = figuresOf(EXPECTED['002']), f2019 = figures2019(EXPECTED['002']);
    const style: Style = { family: 'tabs', merges: 'word' };
    const t3 = renderReport(f2019, { t2: style, t3: style, t4: style }).match(/三、收到和处理[\s\S]*?(?=四、政府信息公开)/)![0];
    const text = renderReport(f2021, { t2: style, t3: style, t4: style }).replace(/三、收到和处理[\s\S]*?(?=四、政府信息公开)/, t3);
    const report = parseReport(text);
    assert.deepEqual([report.tables.t2!.version, report.tables.t3!.version], ['2021', '2019']);
    assert.deepEqual(misread(text, f2021, ['t2', 't4']), []);
    assert.deepEqual(misread(text, f2019, ['t3']), []);
    const versions = check(text).findings.filter((f) => f.code === 'format-version');
    assert.equal(versions.length, 1);
    assert.match(versions[0].message, /表三却是2019年格式/);
  });
});

describe('parse(render(figures)) = figures, for any layout per table and any noise', () => {
  const styles = LAYOUTS.filter((l) => l.family !== 'flattened').map((l) => l.style);
  const noise: fc.Arbitrary<Noise> = fc.record({
    blankLines: fc.constantFrom(undefined, 'none', 'between-rows', 'everywhere'),
    indent: fc.constantFrom(undefined, '', ' ', '\u3000'),
    pageMarkerAfter: fc.constantFrom(undefined, 1, 3, 9, 20),
    // What the page break leaves (docs/drafts.md, “Tables split across pages”).
    pageBreak: fc.constantFrom(undefined,
      { lines: ['第 {n} 页 共 {pages} 页'], repeatHeader: true },
      { lines: ['', '- {n} -', '', '{title}', ''], repeatHeader: true },
      { lines: ['{title}　第 {n} 页'], repeatHeader: false },
      { lines: ['', '（续表）', ''], repeatHeader: true }),
    crlf: fc.boolean(),
  }, { requiredKeys: [] });

  it('separated layouts: every cell bound', () => {
    fc.assert(fc.property(fc.constantFrom(...FIGURES), fc.constantFrom(...styles), fc.constantFrom(...styles), fc.constantFrom(...styles), noise,
      ({ figures }, t2, t3, t4, n) => {
        const text = renderReport(figures, { t2, t3, t4 }, n);
        assert.deepEqual(misread(text, figures), []);
      }), { numRuns: 150 });
  });
});

describe('flattened text never invents a value', () => {
  const flat: Layout[] = LAYOUTS.filter((l) => l.family === 'flattened');
  /** Table 3 figures that satisfy every identity: random leaves, the totals they make. */
  const table3 = fc.record({
    leaves: fc.array(fc.array(fc.nat({ max: 30 }).map((n) => (n > 20 ? n * 7 : n % 3 === 0 ? 0 : n)), { minLength: 6, maxLength: 6 }), { minLength: 21, maxLength: 21 }),
    carried: fc.array(fc.nat({ max: 9 }), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.nat({ max: 9 }), { minLength: 6, maxLength: 6 }),
  });

  it('a bound cell has the value printed; the others are said to be ambiguous or unreadable', () => {
    const base = figuresOf(EXPECTED['002']);
    const rows = tableSpec('2021', 't3').rows.filter((r) => !r.isGroup && r.key.startsWith('3.') && r.key !== '3.7');
    fc.assert(fc.property(table3, fc.constantFrom(...flat), ({ leaves, carried, forward }, layout) => {
      const sum = (vs: number[]) => vs.reduce((a, b) => a + b, 0);
      const line = (vs: number[]) => Object.fromEntries(tableSpec('2021', 't3').columns.map((c, i) => [c.key, String(i < 6 ? vs[i] : sum(vs))]));
      const concluded = [0, 1, 2, 3, 4, 5].map((c) => sum(leaves.map((l) => l[c])));
      const received = concluded.map((v, c) => Math.max(0, v + forward[c] - carried[c]));
      const carriedIn = received.map((v, c) => concluded[c] + forward[c] - v);
      const t3: Record<string, Record<string, string>> = { '1': line(received), '2': line(carriedIn), '3.7': line(concluded), '4': line(forward) };
      rows.forEach((r, i) => { t3[r.key] = line(leaves[i]); });
      const figures = { ...base, cells: { ...base.cells, t3 } };
      const text = layout.render(figures);
      const report = parseReport(text);
      const problems = report.tables.t3!.problems;
      for (const { key, row, col, text: want } of cellsOf(figures)) {
        if (key !== 't3') continue;
        const cell = cellAt(report, key, row, col);
        if (cell && cell.kind === 'number') assert.equal(cell.value, Number(want), `${row} ${col}`);
        else assert.ok(problems.some((p) => p.row === row), `${row} ${col}: neither bound nor said to be unread`);
      }
      const arithmetic = check(text).findings.filter((f) => ARITHMETIC.has(f.code));
      assert.deepEqual(arithmetic.map((f) => f.message), []);
    }), { numRuns: 40 });
  });
});
