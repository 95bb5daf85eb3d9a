import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';
import { tablesOf } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check, fixAllEdits, type Finding } from '../../server/src/core/service';
import { MISTAKES } from './mistakes';
import { cellsOf, replaceAt, seed, SEEDS, sliceAt } from './seeds';

// Safe fixes (issue 18): a fix never copies a figure that another finding says is wrong, a table cell
// is fixed only where the identities pin it, and fix-all applies only what is certain.

/** Sets one cell, read afresh from `text`, to what `to` makes of its value; undefined where there is no such cell. */
const cell = (table: 't3' | 't4', row: string, col: string, to: (v: number) => string) => (text: string) => {
  const c = parseReport(text).tables[table]?.rows[row]?.cells[col];
  return c && c.value !== null ? replaceAt(text, c.range, to(c.value)) : undefined;
};

/** The first figure of the prose that a table reading checks (“收到申请 23 件”), with its quantity. */
function claim(text: string, quantity?: string) {
  return parseReport(text).claims.find((c) => c.form === 'arabic' && !c.unclear && (quantity ? c.quantity === quantity : c.quantity.startsWith('t')));
}

/** Table and prose mistakes, besides those of structure and text (mistakes.ts). */
const FIGURES: Record<string, (text: string) => string | undefined> = {
  't3 cell +1': cell('t3', '1', 'natural', (v) => String(v + 1)),
  't3 other cell +1': cell('t3', '3.4.1', 'commercial', (v) => String(v + 1)),
  't3 total +2': cell('t3', '3.7', 'total', (v) => String(v + 2)),
  't3 cell blank': cell('t3', '3.2', 'total', () => ''),
  't4 part +1': cell('t4', 'review', 'upheld', (v) => String(v + 1)),
  't4 total +1': cell('t4', 'suit_direct', 'total', (v) => String(v + 1)),
  'prose figure +1': (text) => {
    const c = claim(text);
    return c && applyEdits(text, [{ range: c.range, newText: String(c.value + 1) }]);
  },
  'prose copies a wrong table total': (text) => {
    const c = claim(text, 't3.1.total');
    const wrong = c && cell('t3', '1', 'total', (v) => String(v + 1))(text);
    return wrong && applyEdits(wrong, [{ range: c.range, newText: String(c.value + 1) }]);
  },
};
const ALL = { ...MISTAKES, ...FIGURES };
const NAMES = Object.keys(ALL);

/**
 * A finding by its code and line: fix-all edits inside lines, so a finding keeps its line; its text
 * and column may change with the edit (“23件” → “23” in a finding on that cell).
 */
const keyOf = (f: Finding) => `${f.code}|${f.range.start.line}`;

/** The places fix-all may write: table cells and section numerals, as the text before it has them. */
function writable(text: string): Range[] {
  const report = parseReport(text);
  return [...tablesOf(report).flatMap((t) => cellsOf(report, t.key).map((c) => c.cell.range)), ...report.sections.map((s) => s.numberingRange)];
}

/** Fix-all on `text` adds no finding (counted by code and line) and writes only table cells and section numerals. */
function assertFixAllSafe(text: string, where: string): void {
  const before = check(text).findings;
  const edits = fixAllEdits(before);
  const idx = new LineIndex(text);
  const places = writable(text).map((r) => [idx.offset(r.start), idx.offset(r.end)]);
  for (const e of edits) {
    const [from, to] = [idx.offset(e.range.start), idx.offset(e.range.end)];
    assert.ok(places.some(([a, b]) => a <= from && to <= b), `${where}: fix-all writes “${e.newText}” over “${sliceAt(text, e.range)}”, outside any table cell or section numeral (line ${e.range.start.line + 1})`);
  }
  const after = applyEdits(text, edits);
  const had = new Map<string, number>();
  for (const f of before) had.set(keyOf(f), (had.get(keyOf(f)) ?? 0) + 1);
  for (const f of check(after).findings) {
    const k = keyOf(f), n = had.get(k) ?? 0;
    assert.ok(n > 0, `${where}: fix-all added ${f.code} on line ${f.range.start.line + 1}: ${f.message}`);
    had.set(k, n - 1);
  }
}

describe('a prose figure is checked against the table as its identities say it should be', () => {
  const text = seed('000').text; // its prose: 收到 … 申请 23 件 (table 3, row 一, total 23)
  const total = parseReport(text).tables.t3!.rows['1'].cells.total;
  const prose = claim(text, 't3.1.total')!;
  const at = (found: Finding[], range: Range) => found.filter((f) => JSON.stringify(f.range) === JSON.stringify(range));

  it('a table total flagged “应为 23” does not make the right prose figure wrong', () => {
    const wrong = replaceAt(text, total.range, '24');
    const { findings } = check(wrong);
    const [flagged] = at(findings, total.range);
    assert.match(flagged.message, /填的是 24.*应为 23/);
    assert.deepEqual(at(findings, prose.range), [], 'no “改为 24” for the prose');
  });

  it('a prose figure that copied the wrong total is held against 23, and only the table is fixed by fix-all', () => {
    const wrong = applyEdits(replaceAt(text, total.range, '24'), [{ range: prose.range, newText: '24' }]);
    const { findings } = check(wrong);
    const [p] = at(findings, prose.range);
    assert.equal(p.code, 'prose-mismatch');
    assert.match(p.message, /为 23 件.*填的是 24，本身有误/);
    assert.deepEqual([p.fix?.edits[0].newText, p.fix?.safe], ['23', false]);
    const fixed = applyEdits(wrong, fixAllEdits(findings));
    assert.equal(sliceAt(fixed, total.range), '23');
    assert.equal(sliceAt(fixed, prose.range), '24', 'the prose is the author’s to fix');
    assert.deepEqual(at(check(fixed).findings, prose.range).map((f) => f.fix?.edits[0].newText), ['23']);
  });

  it('a prose figure on a cell the identities flag but cannot pin says so, without a fix', () => {
    // Two wrong cells in row 一: no one cell explains the broken identities.
    const t3 = parseReport(text).tables.t3!;
    const wrong = replaceAt(replaceAt(text, total.range, '25'), t3.rows['1'].cells.natural.range, '24');
    const [p] = at(check(wrong).findings, prose.range);
    assert.equal(p.code, 'prose-mismatch');
    assert.match(p.message, /表中该格本身有误/);
    assert.equal(p.fix, undefined);
  });

  it('a blank the identities fill in counts with that value', () => {
    const blank = replaceAt(text, total.range, '');
    const findings = check(blank).findings;
    assert.deepEqual(at(findings, prose.range), []);
    const copied = check(applyEdits(blank, [{ range: prose.range, newText: '24' }])).findings;
    assert.match(at(copied, prose.range)[0].message, /没有可用的数字/);
  });
});

describe('which fixes are certain (fix.safe)', () => {
  it('a pinned cell, a filled blank, a cleaned-up cell and a section numeral are; prose, years, titles and table 4’s total are not', () => {
    const text = seed('003').text;
    const t3 = parseReport(text).tables.t3!, t4 = parseReport(text).tables.t4!;
    let wrong = replaceAt(text, t4.rows.review.cells.total.range, '3');
    wrong = replaceAt(wrong, t3.rows['3.2'].cells.natural.range, '12');
    const safety = (w: string) => check(w).findings.filter((f) => f.fix).map((f) => `${f.code} ${f.fix!.safe}`);
    const got = new Set(safety(wrong));
    // The pinned cell's finding carries the code of the first identity it breaks.
    for (const want of ['table3-outcome-total true', 'table4-total false', 'prose-mismatch false', 'year-mismatch false', 'section-numbering true', 'cell-unit true']) {
      assert.ok(got.has(want), `${want} in ${[...got].join(', ')}`);
    }
    const blank = replaceAt(text, t3.rows['3.2'].cells.natural.range, '');
    assert.ok(safety(blank).includes('cell-blank true'), 'a table-3 blank: its row and its column agree');
    const blank4 = replaceAt(text, t4.rows.review.cells.upheld.range, '');
    assert.ok(safety(blank4).includes('cell-blank false'), 'a table-4 blank: one equation alone');
  });
});

describe('fix-all adds no finding and changes no prose', () => {
  for (const { name, text } of SEEDS) {
    it(`${name}: as it is, and with every mistake`, () => {
      assertFixAllSafe(text, name);
      for (const mistake of NAMES) {
        const mutated = ALL[mistake](text);
        if (mutated) assertFixAllSafe(mutated, `${name} + ${mistake}`);
      }
    });

    it(`${name}: with every pair of mistakes`, () => {
      for (const [i, a] of NAMES.entries()) {
        const once = ALL[a](text) ?? text;
        for (const b of NAMES.slice(i)) {
          const twice = ALL[b](once);
          if (twice) assertFixAllSafe(twice, `${name} + ${a} + ${b}`);
        }
      }
    });
  }

  it('property: any two table cells of any seed, each off by any amount, with any mistake besides', () => {
    const anyCell = fc.record({ table: fc.constantFrom('t3' as const, 't4' as const), pick: fc.nat(), delta: fc.integer({ min: -5, max: 30 }) });
    fc.assert(fc.property(fc.constantFrom(...SEEDS), anyCell, anyCell, fc.constantFrom(...NAMES), (s, x, y, mistake) => {
      let text = ALL[mistake](s.text) ?? s.text;
      for (const { table, pick, delta } of [x, y]) {
        const cells = cellsOf(parseReport(text), table).filter((c) => c.cell.value !== null);
        if (!cells.length) continue;
        const { cell: c } = cells[pick % cells.length];
        text = replaceAt(text, c.range, String(Math.max(0, c.value! + delta)));
      }
      assertFixAllSafe(text, `${s.name} + ${mistake} + ${JSON.stringify([x, y])}`);
    }), { numRuns: 300 });
  });
});
