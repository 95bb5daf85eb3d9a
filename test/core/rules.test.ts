import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check, fixAllEdits, type Finding } from '../../server/src/core/service';
import { figures2019, figuresOf } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';
import { EXPECTED } from './expected';
import { ARITHMETIC, cellsOf, replaceAt, seed, SEEDS, sliceAt, TABLE_CODES } from './seeds';

const tableFindings = (text: string) => check(text).findings.filter((f) => TABLE_CODES.has(f.code));
const same = (a: Finding['range'], b: Finding['range']) => JSON.stringify(a) === JSON.stringify(b);

describe('the seeds', () => {
  for (const { name, text } of SEEDS) {
    it(`${name}: no table finding`, () => assert.deepEqual(tableFindings(text), []));
  }
});

/** Every cell of a table changed by +1, +7 and −1 (where it stays ≥ 0), with the table findings on the result. */
function* wrongCells(text: string, table: 't3' | 't4') {
  for (const { row, col, cell } of cellsOf(parseReport(text), table)) {
    for (const delta of [1, 7, -1]) {
      const wrong = cell.value! + delta;
      if (wrong < 0) continue;
      const mutated = replaceAt(text, cell.range, String(wrong));
      yield { row, col, cell, wrong, mutated, found: tableFindings(mutated), where: `${row}/${col} ${cell.value}→${wrong}` };
    }
  }
}

describe('one wrong cell (every table-3 and table-4 cell of every seed)', () => {
  for (const { name, text } of SEEDS) {
    const report = parseReport(text);
    it(`${name}: table 3 names the cell and its fix restores the text byte for byte`, () => {
      let n = 0;
      for (const { cell, wrong, mutated, found, where } of wrongCells(text, 't3')) {
        assert.equal(found.length, 1, `${where}: ${found.map((f) => f.code + ' ' + f.message).join('\n')}`);
        assert.ok(ARITHMETIC.has(found[0].code), where);
        assert.deepEqual(found[0].range.start, cell.range.start, where);
        assert.ok(found[0].message.includes(String(wrong)) && found[0].message.includes(String(cell.value)), where);
        assert.ok(found[0].related && found[0].related.length >= 2, `${where}: related`);
        assert.equal(applyEdits(mutated, found[0].fix!.edits), text, where);
        n++;
      }
      assert.ok(n >= 175 * 2);
    });

    it(`${name}: table 4 flags the block, and its fix makes the block consistent`, () => {
      for (const { row, mutated, found, where } of wrongCells(text, 't4')) {
        assert.equal(found.length, 1, where);
        assert.equal(found[0].code, 'table4-total', where);
        const total = parseReport(mutated).tables.t4!.rows[row].cells.total;
        assert.deepEqual(found[0].range, total.range, where);
        assert.deepEqual(tableFindings(applyEdits(mutated, found[0].fix!.edits)), [], where);
      }
    });

    it(`${name}: a blanked cell is reported as blank, never as an arithmetic error`, () => {
      for (const table of ['t2', 't3', 't4'] as const) {
        for (const { row, col, cell } of cellsOf(report, table)) {
          const blanked = replaceAt(text, cell.range, '');
          const where = `${table} ${row}/${col}`;
          const found = tableFindings(blanked);
          assert.deepEqual(found.filter((f) => ARITHMETIC.has(f.code)), [], where);
          const now = parseReport(blanked).tables[table]!.rows[row].cells[col];
          assert.equal(now?.kind, 'blank', where);
          assert.ok(Math.abs(now.range.start.line - cell.range.start.line) <= 1, where);
          assert.deepEqual(found.map((f) => f.code), ['cell-blank'], where);
          assert.ok(same(found[0].range, now.range), where);
        }
      }
    });
  }
});

describe('related places', () => {
  it('are built on request only: without them the findings are the same', () => {
    const text = seed('002').text;
    const wrong = replaceAt(text, parseReport(text).tables.t3!.rows['3.1'].cells.natural.range, '18');
    const full = check(wrong).findings, bare = check(wrong, { related: false }).findings;
    assert.ok(full.some((f) => f.related?.length), 'the pinpointed cell has related places');
    assert.ok(bare.every((f) => f.related === undefined));
    assert.deepEqual(bare, full.map(({ related: _, ...f }) => f));
  });
});

describe('several mistakes', () => {
  const text = seed('002').text;
  const t3 = parseReport(text).tables.t3!;

  it('are reported once per broken identity, on its total, naming the cells that may be wrong, without a fix', () => {
    // Two wrong cells in different rows and columns: no single cell explains them. Setting each broken
    // total to its sum, as the fixes once did, left four errors, two of them new.
    let mutated = replaceAt(text, t3.rows['3.4.1'].cells.commercial.range, '4');
    mutated = replaceAt(mutated, t3.rows['3.1'].cells.natural.range, '18');
    const found = tableFindings(mutated);
    assert.deepEqual(found.map((f) => f.code).sort(), ['table3-outcome-total', 'table3-outcome-total', 'table3-row-total', 'table3-row-total']);
    assert.deepEqual(found.filter((f) => f.fix), []);
    const rowTotal = found.find((f) => f.code === 'table3-row-total' && f.message.includes('予以公开'))!;
    const mt3 = parseReport(mutated).tables.t3!;
    assert.deepEqual(rowTotal.range, mt3.rows['3.1'].cells.total.range);
    assert.match(rowTotal.message, /总计为 20，但自然人与各类法人或其他组织之和为 21/);
    // The row's suspects are where the broken columns cross it; the other wrong cell is on 3.4.1.
    assert.match(rowTotal.message, /可能有误的是“自然人”（18）、“商业企业”（3）这 2 格/);
    assert.deepEqual(rowTotal.related?.map((r) => r.range), [mt3.rows['3.1'].cells.natural.range, mt3.rows['3.1'].cells.commercial.range]);
  });

  it('a broken identity with one cell that may be wrong names it as one, without “cannot tell which”', () => {
    // Seed 000: 23 received, (七) 总计 23. Its total typed 235, and 4 in the research column of row 一:
    // the column of totals breaks where only (七)'s total can be wrong.
    const t = seed('000').text;
    const r = parseReport(t).tables.t3!.rows;
    const mutated = replaceAt(replaceAt(t, r['3.7'].cells.total.range, '235'), r['1'].cells.research.range, '4');
    const found = tableFindings(mutated);
    const one = found.filter((f) => f.related?.length === 1 && f.code !== 'table3-balance');
    assert.ok(one.length > 0, found.map((f) => f.message).join('\n'));
    for (const f of one) {
      assert.match(f.message, /表中不止一处有误；这一关系中可能有误的是“[^”]+”（235）这一格，请核对。$/);
      assert.doesNotMatch(f.message, /无法确定是哪一格/);
    }
    const english = check(mutated, { locale: 'en' }).findings.filter((f) => f.related?.length === 1 && f.code !== 'table3-balance');
    for (const f of english) assert.match(f.message, /More than one figure of the table is wrong; in this identity, check “[^”]+”（235）\.$/);
  });

  it('a blank or placeholder cell gets the value the identities determine', () => {
    const blanked = replaceAt(text, t3.rows['1'].cells.natural.range, '/');
    const [f] = tableFindings(blanked);
    assert.equal(f.code, 'cell-blank');
    assert.match(f.message, /只填了“\/”/);
    assert.equal(f.fix!.edits[0].newText, '55');
  });
});

describe('cells', () => {
  const text = seed('000').text;
  const t3 = parseReport(text).tables.t3!;
  const t2 = parseReport(text).tables.t2!;
  const at = (raw: string, range = t3.rows['3.1'].cells.natural.range) => tableFindings(replaceAt(text, range, raw));

  it('negative, fractional and non-numeric counts are invalid, without arithmetic errors', () => {
    for (const raw of ['-5', '5.5', '五', '5O']) {
      const found = at(raw);
      assert.deepEqual(found.map((f) => f.code), ['cell-invalid'], raw);
      assert.equal(found[0].fix?.edits[0].newText, '5', raw);
    }
  });

  it('the fee amount may have decimals; a count may not', () => {
    assert.deepEqual(at('12.5', t2.rows.fees.cells.amount.range), []);
    assert.deepEqual(at('1.5', t2.rows.penalty.cells.decisions.range).map((f) => f.code), ['cell-invalid']);
  });

  it('placeholders are blank, not zero', () => {
    for (const raw of ['/', '-', '—', '无']) assert.deepEqual(at(raw).map((f) => f.code), ['cell-blank'], raw);
  });
});

describe('structure', () => {
  const text = seed('001').text;

  it('a missing row is named; its identities are not checked', () => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('重复申请'));
    const found = tableFindings(lines.filter((_, j) => j !== i).join('\n'));
    assert.deepEqual(found.map((f) => f.code), ['row-missing']);
    assert.match(found[0].message, /表三缺少“2.重复申请”一行/);
  });

  it('table 3 typed row by row: the rows not typed yet are one finding, not one each; up to three are each named', () => {
    // Every seed's figures in both formats, as Word's tabs and as a Markdown table, cut after each of table 3's rows.
    for (const [name, e] of Object.entries(EXPECTED)) {
      for (const figures of [figuresOf(e), figures2019(e)]) {
        for (const layout of LAYOUTS.filter((l) => l.name === 'tabs' || l.name === 'markdown/outer-pipes')) {
          const lines = layout.render(figures).split('\n');
          const first = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
          const last = lines.findIndex((l) => l.includes('四、结转下年度继续办理'));
          const rows = lines.slice(first, last + 1).filter((l) => /\d/.test(l)).length;
          for (let typed = 1; typed < rows; typed++) {
            let kept = 0;
            const cut = lines.filter((l, i) => i < first || i > last || (/\d/.test(l) ? ++kept <= typed : kept < typed));
            const { findings, report } = check(cut.join('\n'));
            const missing = findings.filter((f) => f.code === 'row-missing');
            const where = `${name} ${figures.version} ${layout.name}, ${typed} of ${rows} rows typed`;
            const left = tableSpec(report.tables.t3!.version, 't3').rows.filter((r) => !r.isGroup && !report.tables.t3!.rows[r.key]).length;
            assert.ok(left >= rows - typed, where);
            if (left > 3) {
              assert.equal(missing.length, 1, where);
              assert.match(missing[0].message, new RegExp(`^表三缺少 ${left} 行：“.+”、“.+”、“.+”等。$`), where);
            } else {
              assert.deepEqual(missing.map((f) => f.message.replace(/“.*”/, '“”')), Array(left).fill('表三缺少“”一行。'), where);
            }
          }
        }
      }
    }
  });

  it('a missing table is reported at its section heading', () => {
    const start = text.indexOf('行政复议\t');
    const end = text.indexOf('#### 五');
    const found = tableFindings(text.slice(0, start) + text.slice(end));
    assert.deepEqual(found.map((f) => f.code), ['table-missing']);
    assert.match(found[0].message, /未找到表四/);
    assert.equal(found[0].range.start.line, text.slice(0, start).split('\n').length - 3);
  });

  it('a row with a cell too many or too few is not bound to guessed columns', () => {
    const line = '一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0\t';
    assert.ok(text.includes(line));
    const more = tableFindings(text.replace(line, line + '5\t'));
    assert.deepEqual(more.map((f) => f.code), ['row-cells']);
    assert.match(more[0].message, /读到 8 个数，多于 7 列/);
    const fewer = tableFindings(text.replace(line, '一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0'));
    assert.deepEqual(fewer.map((f) => f.code), ['row-cells']);
    assert.match(fewer[0].message, /只读到 5 个数，应有 7 个/);
  });

  it('table 4 with a number too few: one finding for its data row, not one per row', () => {
    const zeros = (n: number) => Array(n).fill('0').join('\t');
    assert.ok(text.includes(`\n${zeros(15)}\n`));
    const found = tableFindings(text.replace(`\n${zeros(15)}\n`, `\n${zeros(14)}\n`));
    assert.deepEqual(found.map((f) => f.code), ['row-cells']);
    assert.match(found[0].message, /表四数据行只读到 14 个数，应有 15 个/);
  });

  it('a text that is not a report gets nothing', () => {
    assert.deepEqual(check('会议纪要\n\n今天开会讨论了三件事。\n').findings, []);
  });
});

describe('fix all', () => {
  it('applies every certain fix at once; table 4’s total stays an explicit quick fix', () => {
    const text = seed('003').text;
    const report = parseReport(text);
    let mutated = replaceAt(text, report.tables.t3!.rows['3.2'].cells.natural.range, '12');
    const t4 = parseReport(mutated).tables.t4!;
    mutated = replaceAt(mutated, t4.rows.suit_direct.cells.upheld.range, '9');
    const { findings } = check(mutated);
    const fixed = applyEdits(mutated, fixAllEdits(findings));
    // One equation cannot tell which of its five cells is wrong (here a part, not the total).
    const left = tableFindings(fixed);
    assert.deepEqual(left.map((f) => [f.code, f.fix?.safe]), [['table4-total', false]]);
    assert.match(left[0].fix!.title, /假定各项无误/);
    assert.deepEqual(left[0].fix!.edits.map((e) => e.newText), ['25'], 'the total written as the sum of the parts, 9 + 8 + 1 + 7');
  });
});

describe('the 2019 format', () => {
  it('reads （六）其他处理 as one row and checks the identities over it', () => {
    const text = seed('001').text
      .replace(/\t\(六\) 其他处理\t1\. 申请人无正当理由[^\n]*\n[^\n]*\n3\. 其他[^\n]*\n/, '(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0\n')
      .replace('本年制发件数', '本年新制作数量');
    const report = parseReport(text);
    assert.equal(report.tables.t3!.version, '2019');
    assert.equal(report.tables.t3!.rows['3.6'].cells.total.value, 0);
    assert.deepEqual(tableFindings(text).filter((f) => f.code !== 'row-missing' && f.code !== 'row-cells'), []);
  });
});

describe('the findings on the seeds at warning and error severity (test/fixtures/seed-findings.json)', () => {
  const expected: Record<string, { code: string; line: number; column: number; text: string | null }[]> =
    JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/seed-findings.json'), 'utf8'));
  for (const { name, text } of SEEDS) {
    it(`${name}: exactly these, each with its code on its text`, () => {
      const found = check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => ({
        code: f.code, line: f.range.start.line + 1, column: f.range.start.character + 1,
        text: f.range.start.line === f.range.end.line ? sliceAt(text, f.range) : null,
      }));
      assert.deepEqual(found, expected[name]);
    });
  }
});

describe('Windows line endings', () => {
  for (const { name, text } of SEEDS) {
    it(`${name} saved with CRLF: the same findings at the same places, and the fixes still apply`, () => {
      const crlf = text.replace(/\n/g, '\r\n');
      const at = (t: string) => check(t).findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
      assert.deepEqual(at(crlf), at(text));
      const fixed = applyEdits(crlf, fixAllEdits(check(crlf).findings));
      assert.deepEqual(at(fixed), at(applyEdits(text, fixAllEdits(check(text).findings))));
    });
  }
});
