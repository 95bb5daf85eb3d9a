import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FORMAT_2021 } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { EXPECTED, type Expected } from './expected';
import { markdownReport } from './markdownReport';
import { SEEDS, sliceAt } from './seeds';

const spec = (key: 't2' | 't3' | 't4') => FORMAT_2021.tables.find((t) => t.key === key)!;

/** Every statutory cell is present, reads as the expected number, and its range covers exactly its text. */
function assertTables(text: string, e: Expected) {
  const report = parseReport(text);
  assert.equal(report.year, e.year);
  assert.equal(report.format, '2021');
  const check = (table: 't2' | 't3' | 't4', row: string, col: string, want: number) => {
    const cell = report.tables[table]?.rows[row]?.cells[col];
    assert.ok(cell, `${table} ${row} ${col} is missing`);
    assert.equal(cell.kind, 'number', `${table} ${row} ${col} reads “${cell.raw}”`);
    assert.equal(cell.value, want, `${table} ${row} ${col}`);
    assert.equal(sliceAt(text, cell.range), cell.raw, `${table} ${row} ${col} range`);
  };
  for (const r of spec('t2').rows) r.columns.forEach((c, i) => check('t2', r.key, c, e.t2[r.key][i]));
  for (const r of spec('t3').rows.filter((r) => !r.isGroup)) r.columns.forEach((c, i) => check('t3', r.key, c, (e.t3[r.key] ?? [0, 0, 0, 0, 0, 0, 0])[i]));
  spec('t4').rows.forEach((r, b) => r.columns.forEach((c, i) => check('t4', r.key, c, e.t4[b * 5 + i])));
  return report;
}

describe('parsing the seeds', () => {
  for (const { name, text } of SEEDS) {
    it(`${name}: every cell of tables 2, 3 and 4 as printed`, () => {
      const report = assertTables(text, EXPECTED[name.slice(0, 3)]);
      assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    });
  }

  it('reads a fee with its unit (seed 003: 373.91万元) as a number and keeps the unit', () => {
    const cell = parseReport(SEEDS[3].text).tables.t2!.rows.fees.cells.amount;
    assert.deepEqual([cell.value, cell.unit, cell.raw], [373.91, '万元', '373.91万元']);
  });

  it('finds section headings without numerals and with a wrong numeral style', () => {
    const s003 = parseReport(SEEDS[3].text).sections;
    assert.deepEqual(s003.slice(0, 3).map((s) => s.numeral), [null, null, null]);
    const s004 = parseReport(SEEDS[4].text).sections;
    assert.equal(s004[1].numeral, '2');
  });
});

describe('Markdown pipe tables', () => {
  for (const [key, e] of Object.entries(EXPECTED)) {
    it(`seed ${key}'s tables written in Markdown`, () => {
      const text = markdownReport(e);
      const report = assertTables(text, e);
      assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    });
  }
});

describe('the report year from its title, as reports and web pages print it', () => {
  const lines = SEEDS[0].text.split('\n');
  // Seed 000 (a 2023 report) without its title line.
  const body = lines.filter((l) => !l.includes('年度报告')).join('\n');
  const yearOf = (head: string) => parseReport(`${head}\n${body}`).year;
  it('with or without 工作, the year before the title words or in brackets after them, in Chinese numerals', () => {
    assert.equal(yearOf('某某镇人民政府2024年政府信息公开工作年度报告'), 2024);
    assert.equal(yearOf('某某镇人民政府2024年政府信息公开年度报告'), 2024);
    assert.equal(yearOf('某某镇人民政府政府信息公开工作年度报告（2024年度）'), 2024);
    assert.equal(yearOf('某某镇人民政府二〇二四年政府信息公开工作年度报告'), 2024);
    assert.equal(yearOf('某某镇人民政府\n2024年政府信息公开工作年度报告'), 2024);
  });
  it('not from a web page\'s navigation above the title, nor from a link to last year\'s report', () => {
    assert.equal(yearOf('首页 > 政务公开 > 2025年 > 政府信息公开工作年度报告\n某某镇人民政府2024年政府信息公开工作年度报告'), 2024);
    assert.equal(yearOf('当前位置：首页 > 政府信息公开 > 政府信息公开工作年度报告\n某某镇人民政府2024年政府信息公开工作年度报告'), 2024);
    assert.equal(yearOf('上一篇：某某镇人民政府2023年政府信息公开工作年度报告\n某某镇人民政府2024年政府信息公开工作年度报告'), 2024);
  });
});

describe('section headings as drafts write them', () => {
  const numbers = (text: string) => parseReport(text).sections.map((s) => s.number);
  const seed = SEEDS[0].text;
  it('a heading typed as a Markdown table\'s first row, over empty cells', () => {
    assert.deepEqual(numbers(seed.replace(/^二、(.*)$/m, '| 二、$1 |  |  |\n|---|---|---|')), [1, 2, 3, 4, 5, 6]);
  });
  it('a heading in other words with the section\'s own numeral, over the statute\'s title as the table\'s caption: the heading is the section', () => {
    const text = seed.replace(/^三、收到和处理政府信息公开申请情况$/m, '三、依申请公开情况\n收到和处理政府信息公开申请情况');
    const s3 = parseReport(text).sections.find((s) => s.number === 3)!;
    assert.equal(s3.title, '依申请公开情况');
    assert.deepEqual(check(text).findings.filter((f) => f.code.startsWith('section')).map((f) => f.code), ['section-title']);
  });
  it('a preamble that lists the six titles is no heading: a section really missing is said to be missing', () => {
    const text = seed.replace(/^(一、总体情况)$/m, '全文包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。\n$1')
      .replace(/^二、主动公开政府信息情况$/m, '');
    assert.deepEqual(numbers(text), [1, 3, 4, 5, 6]);
    assert.deepEqual(check(text).findings.filter((f) => f.code.startsWith('section')).map((f) => f.code), ['section-missing']);
  });
  it('section 五 in its own words (工作中存在的不足及下一步打算): the section, its title not the statute\'s', () => {
    const text = seed.replace(/^五、.*$/m, '五、工作中存在的不足及下一步打算');
    assert.deepEqual(numbers(text), [1, 2, 3, 4, 5, 6]);
  });
});
