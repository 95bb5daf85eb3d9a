import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MISSPELLINGS } from '../../server/src/core/format/laws';
import { SECTIONS } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import type { Table } from '../../server/src/core/model';
import { applyEdits, check, type Finding } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/lineIndex';
import { formatVersion } from '../../server/src/core/rules/format-version';
import { sectionMissing } from '../../server/src/core/rules/section-missing';
import { assertLinear } from './linear';
import { MISTAKES } from './mistakes';
import { replaceAt, seed, SEEDS, sliceAt } from './seeds';

// The structure of a report — its six sections, years, format version, fee statement — and the
// text-level slips (units and full-width digits in cells, misspelt law names, conversion leftovers).

const CODES = new Set([
  'section-missing', 'section-order', 'section-numbering', 'section-title', 'subtopic-numbering',
  'format-version', 'format-pre-2019', 'year-mismatch', 'fee-statement',
  'cell-unit', 'cell-fullwidth', 'statute-name', 'conversion-artifact',
]);
const mine = (text: string) => check(text).findings.filter((f) => CODES.has(f.code));
const serious = (text: string) => mine(text).filter((f) => f.severity === 'error' || f.severity === 'warning');
const codes = (fs: Finding[]) => fs.map((f) => f.code);
/** The 0-based line of the first line that contains `needle` (after `from`). */
const lineOf = (text: string, needle: string, from = 0) => {
  const i = text.split('\n').findIndex((l, j) => j >= from && l.includes(needle));
  assert.ok(i >= 0, `no line contains “${needle}”`);
  return i;
};
const lines = (text: string) => text.split('\n');
const fixed = (text: string, f: Finding) => applyEdits(text, f.fix!.edits);
const only = (fs: Finding[], code: string) => {
  const found = fs.filter((f) => f.code === code);
  assert.equal(found.length, 1, `${code}: ${JSON.stringify(fs.map((f) => `${f.code} ${f.message}`), null, 1)}`);
  return found[0];
};

describe('the seeds: structure findings, each on its line', () => {
  it('002: the headings of 二 and 三 lack their numerals; the fixes insert 二、 and 三、', () => {
    const { text } = seed('002');
    const found = serious(text);
    assert.deepEqual(codes(found), ['section-numbering', 'section-numbering']);
    const [two, three] = found;
    assert.equal(two.range.start.line, lineOf(text, '主动公开政府信息情况'));
    assert.equal(three.range.start.line, lineOf(text, '收到和处理政府信息公开申请情况'));
    assert.equal(lines(fixed(text, two))[two.range.start.line], '二、主动公开政府信息情况');
    assert.equal(lines(fixed(text, three))[three.range.start.line], '三、收到和处理政府信息公开申请情况');
    assert.match(two.message, /缺少序号，应为“二、主动公开政府信息情况”/);
  });

  it('003: three headings without numerals, 2020 inside the 2021 report\'s 五, 373.91万元', () => {
    const { text } = seed('003');
    const found = serious(text);
    assert.deepEqual(codes(found).sort(), ['cell-unit', 'section-numbering', 'section-numbering', 'section-numbering', 'year-mismatch']);
    const numbering = found.filter((f) => f.code === 'section-numbering');
    const want = [['总体情况', '一、总体情况'], ['主动公开政府信息情况', '二、主动公开政府信息情况'], ['收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况']];
    numbering.forEach((f, i) => {
      assert.equal(lines(text)[f.range.start.line], want[i][0]);
      assert.equal(lines(fixed(text, f))[f.range.start.line], want[i][1]);
    });

    const year = only(found, 'year-mismatch');
    assert.equal(year.range.start.line, lineOf(text, '我镇在2020年政府信息公开工作方面'));
    assert.equal(sliceAt(text, year.range), '2020');
    assert.ok(year.range.start.line > lineOf(text, '五、存在的主要问题及改进情况'));
    assert.match(year.message, /2020年.*2021年度报告/);

    const unit = only(found, 'cell-unit');
    assert.equal(unit.range.start.line, lineOf(text, '373.91万元'));
    assert.equal(sliceAt(text, unit.range), '万元');
    const after = fixed(text, unit);
    assert.equal(lines(after)[unit.range.start.line], '\t373.91');
    assert.equal(parseReport(after).tables.t2!.rows.fees.cells.amount.value, 373.91);
  });

  it('004: 2、 主动公开政府信息情况, 保守价格秘密法, [bookmark: _GoBack]', () => {
    const { text } = seed('004');
    const found = serious(text);
    assert.deepEqual(codes(found).sort(), ['conversion-artifact', 'section-numbering', 'statute-name']);

    const numbering = only(found, 'section-numbering');
    const headingLine = lineOf(text, '2、 主动公开政府信息情况');
    assert.equal(numbering.range.start.line, headingLine);
    assert.equal(sliceAt(text, numbering.range), '2、 ');
    assert.equal(lines(fixed(text, numbering))[headingLine], '二、主动公开政府信息情况');

    const law = only(found, 'statute-name');
    assert.equal(sliceAt(text, law.range), '保守价格秘密法');
    assert.ok(fixed(text, law).includes('《中华人民共和国保守国家秘密法》'));

    const artifact = only(found, 'conversion-artifact');
    const line = lineOf(text, '[bookmark: _GoBack]');
    assert.equal(sliceAt(text, artifact.range), '[bookmark: _GoBack]');
    assert.ok(lines(fixed(text, artifact))[line].startsWith('北京市通州区人民政府网站网址为'));
  });

  it('001: nothing at warning or error', () => assert.deepEqual(serious(seed('001').text), []));
  it('000: nothing at warning or error from these rules', () => assert.deepEqual(serious(seed('000').text), []));

  it('no finding at all besides the ones above (information included)', () => {
    const count = SEEDS.map(({ text }) => mine(text).length);
    assert.deepEqual(count, [0, 0, 2, 5, 3]);
  });

  it('sub-topics of 一 written （一） (1) 1. and headings like （一）主动公开政府信息情况 are not sections', () => {
    for (const { text } of SEEDS) assert.deepEqual(parseReport(text).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    const s003 = parseReport(seed('003').text).sections;
    assert.equal(s003[1].range.start.line, lineOf(seed('003').text, '主动公开政府信息情况', lineOf(seed('003').text, '（一）主动公开政府信息情况') + 1));
  });
});

describe('sections', () => {
  const text = seed('001').text;
  const without = (t: string, needle: string) => lines(t).filter((l) => !l.includes(needle)).join('\n');

  it('a missing section is reported where it belongs; sections 2–4 get their heading back before the table', () => {
    const noTwo = without(text, '## 二、主动公开政府信息情况');
    const f = only(mine(noTwo), 'section-missing');
    assert.match(f.message, /缺少第二部分“二、主动公开政府信息情况”/);
    assert.equal(lines(noTwo)[f.range.start.line], '第二十条第（一）项\t\t\t');
    const back = fixed(noTwo, f);
    assert.deepEqual(mine(back), []);
    assert.deepEqual(parseReport(back).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);

    const noFive = without(text, '#### 五、存在的主要问题及改进情况');
    const five = only(mine(noFive), 'section-missing');
    assert.equal(five.fix, undefined);
    assert.equal(lines(noFive)[five.range.start.line], '#### 六、其他需要报告的事项');
    assert.match(five.message, /应在“六、其他需要报告的事项”之前/);
  });

  it('a report without any section heading gets one finding, not six', () => {
    const bare = '2023年政府信息公开工作年度报告\n\n本年度我镇未收到政府信息公开申请。\n';
    assert.deepEqual(codes(mine(bare)), ['section-missing']);
  });

  it('sections out of order: the one out of place is named', () => {
    const all = lines(text);
    const five = lineOf(text, '#### 五、'), six = lineOf(text, '#### 六、');
    const swapped = [...all.slice(0, five), ...all.slice(six), '', ...all.slice(five, six)].join('\n');
    const found = mine(swapped);
    const f = only(found, 'section-order');
    assert.match(f.message, /位置不对/);
    assert.deepEqual(codes(found), ['section-order']);
  });

  it('a shifted block: every numeral off by one, each with its fix', () => {
    const shifted = text.replace('## 二、主动公开', '## 三、主动公开').replace('### 三、收到', '### 四、收到')
      .replace('#### 四、政府', '#### 五、政府').replace('#### 五、存在', '#### 六、存在').replace('#### 六、其他', '#### 七、其他');
    const found = mine(shifted);
    assert.deepEqual(codes(found), Array(5).fill('section-numbering'));
    assert.ok(found.every((f) => /错了位/.test(f.message)), found[0].message);
    assert.deepEqual(found.map((f) => f.fix!.edits[0].newText), ['二、', '三、', '四、', '五、', '六、']);
    assert.equal(applyEdits(shifted, found.flatMap((f) => f.fix!.edits)), text);
  });

  it('wrong numeral styles: 2、 二. 二． 2.', () => {
    for (const written of ['2、', '二.', '二．', '2.', '２、']) {
      const t = text.replace('## 二、主动公开', `## ${written}主动公开`);
      const f = only(mine(t), 'section-numbering');
      assert.equal(sliceAt(t, f.range), written);
      assert.equal(fixed(t, f), text, written);
    }
  });

  it('sub-topics of 一 numbered like sections', () => {
    const t = text.replace('### （二）依申请公开办理情况', '二、依申请公开办理情况');
    const f = only(mine(t), 'subtopic-numbering');
    assert.equal(sliceAt(t, f.range), '二、');
    assert.match(f.message, /会与“二、主动公开政府信息情况”混淆/);
    assert.ok(fixed(t, f).includes('\n（二）依申请公开办理情况'));
    assert.deepEqual(codes(mine(fixed(t, f))), []);

    // The sub-topic even has a section's exact title: the later heading is the section.
    const exact = text.replace('### （一）主动公开情况', '二、主动公开政府信息情况');
    assert.deepEqual(parseReport(exact).sections.map((s) => s.range.start.line), parseReport(text).sections.map((s) => s.range.start.line));
    assert.deepEqual(codes(mine(exact)), ['subtopic-numbering']);
  });

  it('一是 二是, 1、 2、 and (1) (2) inside 一 are not reported', () => {
    const t = text.replace('### （二）依申请公开办理情况', '二是依申请公开。\n2、依申请公开\n(2) 依申请公开\n2. 依申请公开');
    assert.deepEqual(mine(t), []);
  });

  it('a title in other words is information, with the statute title as fix; the statute variants pass', () => {
    const t = text.replace('## 二、主动公开政府信息情况', '## 二、主动公开情况');
    const found = mine(t);
    const f = only(found, 'section-title');
    assert.equal(f.severity, 'information');
    assert.equal(fixed(t, f), text);
    assert.deepEqual(parseReport(t).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    for (const s of SECTIONS) for (const variant of s.variants) {
      const v = text.replace(`${s.numeral}、${s.title}`, `${s.numeral}、${variant}`);
      assert.notEqual(v, text);
      assert.deepEqual(mine(v), [], variant);
    }
  });

  it('heading forms: Markdown marks and the statute numbering pass; 第二部分 and 二. are numberings to fix', () => {
    const heading = '## 二、主动公开政府信息情况';
    const cases: [string, string | undefined][] = [
      ['**二、主动公开政府信息情况**', undefined],
      ['## 二、主动公开政府信息情况', undefined],
      ['二、主动公开政府信息情况：', undefined],
      ['第二部分 主动公开政府信息情况', '第二部分 '],
      ['第二部分：主动公开政府信息情况', '第二部分：'],
      ['第2部分 主动公开政府信息情况', '第2部分 '],
      ['二.主动公开政府信息情况', '二.'],
      ['二. 主动公开政府信息情况', '二. '],
    ];
    for (const [written, numbering] of cases) {
      const t = text.replace(heading, written);
      const two = parseReport(t).sections;
      assert.deepEqual(two.map((s) => s.number), [1, 2, 3, 4, 5, 6], written);
      assert.equal(two[1].range.start.line, lineOf(t, written), written);
      assert.equal(two[1].title, '主动公开政府信息情况', written);
      if (!numbering) { assert.deepEqual(mine(t), [], written); continue; }
      const f = only(mine(t), 'section-numbering');
      assert.equal(sliceAt(t, f.range), numbering);
      assert.equal(f.fix!.edits[0].newText, '二、');
      assert.equal(lines(fixed(t, f))[f.range.start.line], '二、主动公开政府信息情况', written);
      assert.deepEqual(mine(fixed(t, f)), [], written);
    }
    assert.match(only(mine(text.replace(heading, '第二部分：主动公开政府信息情况')), 'section-numbering').message, /序号“第二部分：”应写作“二、”/);
  });

  it('a statute title with one slip is still its section: information, with the statute title as fix', () => {
    const heading = '政府信息公开行政复议、行政诉讼情况';
    for (const slip of ['政府信息公开行政法复议、行政诉讼情况', '政府信息公开行政复议、行政诉讼情', '政府信息公开行政复议、行政述讼情况']) {
      const t = text.replace(heading, slip);
      assert.deepEqual(parseReport(t).sections.map((s) => [s.number, s.statutory]), [[1, true], [2, true], [3, true], [4, false], [5, true], [6, true]], slip);
      const f = only(mine(t), 'section-title');
      assert.equal(sliceAt(t, f.range), slip);
      assert.equal(fixed(t, f), text, slip);
      assert.equal(mine(t).length, 1, slip);
    }
    // Without its numeral: one slip is still the title, two slips are another phrase; so is one slip in a title as short as 总体情况.
    const bare = text.replace(`四、${heading}`, '政府信息公开行政法复议、行政诉讼情况');
    assert.deepEqual(codes(mine(bare)), ['section-numbering', 'section-title']);
    for (const [from, to] of [[`四、${heading}`, '政府信息公开行政法复议、行政诉讼情形'], ['## 一、总体情况', '## 一、具体情况']]) {
      const t = text.replace(from, to);
      assert.ok(codes(mine(t)).includes('section-missing'), to);
    }
  });

  it('table-3 row labels (一、本年新收…) are neither sections nor sub-topics', () => {
    const t = without(text, '## 二、主动公开政府信息情况').replace(/#+ [三四五六]、[^\n]*\n/g, '');
    assert.ok(!codes(mine(t)).includes('subtopic-numbering'));
  });
});

describe('headings inside a line (flattened web text: the whole report on one line)', () => {
  const text = readFileSync(join(process.cwd(), 'test/fixtures/corpus/pingtan_2022_flattened-web-text.txt'), 'utf8');
  const body = lineOf(text, '一、总体情况');
  const report = parseReport(text);

  it('Pingtan 2022: the six sections, in order, each from its numeral to the blanks before the next', () => {
    const s = report.sections;
    assert.deepEqual(s.map((x) => [x.number, x.numeral, x.statutory]), [[1, '一', true], [2, '二', true], [3, '三', true], [4, '四', false], [5, '五', true], [6, '六', true]]);
    assert.ok(s.every((x) => x.range.start.line === body && x.range.end.line === body));
    const slices = s.map((x) => sliceAt(text, x.range));
    assert.ok(slices[0].startsWith('一、总体情况 2022年，平潭综合实验区') && slices[0].endsWith('造成不良影响或者严重后果的情况。'), slices[0].slice(-40));
    assert.ok(slices[1].startsWith('二、主动公开政府信息情况第二十条第（一）项') && slices[1].endsWith('行政事业性收费9116.36'));
    assert.ok(slices[2].startsWith('三、收到和处理政府信息公开申请情况（本列数据') && slices[2].endsWith('四、结转下年度继续办理 0000000'));
    assert.ok(slices[3].startsWith('四、政府信息公开行政法复议、行政诉讼情况行政复议') && slices[3].endsWith('0 0 0 0 0'));
    assert.ok(slices[4].startsWith('五、存在的主要问题及改进情况 2022年') && slices[4].endsWith('提高解读效果。'));
    assert.equal(slices[5], '六、其他需要报告的事项 2022年，无收取信息处理费情况。');
    assert.deepEqual(s.map((x) => sliceAt(text, x.headingRange)), SECTIONS.map((x) => `${x.numeral}、${x.number === 4 ? '政府信息公开行政法复议、行政诉讼情况' : x.title}`));
    // Table row labels numbered like sections (一、本年新收…, 三、本年度办理结果, 四、结转下年度继续办理) are not sections.
  });

  it('Pingtan 2022: the typo 行政法复议 is the section-title information, and its fix writes the statute title', () => {
    const found = mine(text);
    assert.deepEqual(codes(found), ['section-title']);
    assert.equal(sliceAt(text, found[0].range), '政府信息公开行政法复议、行政诉讼情况');
    const after = fixed(text, found[0]);
    assert.ok(after.includes(' 四、政府信息公开行政复议、行政诉讼情况行政复议 '));
    assert.deepEqual(mine(after), []);
  });

  it('the rules read the sections inside the line: the fee statement in 六, last year in 五, a missing section', () => {
    const noFee = text.replace('2022年，无收取信息处理费情况。', '无。');
    assert.equal(sliceAt(noFee, only(mine(noFee), 'fee-statement').range), '六、其他需要报告的事项');
    const pasted = text.replace('2023年，我区将采取以下措施', '2021年，我区将采取以下措施');
    const year = only(mine(pasted), 'year-mismatch');
    assert.equal(sliceAt(pasted, year.range), '2021');
    assert.equal(fixed(pasted, year), pasted.replace('2021年，我区将', '2022年，我区将'));
    // 2021 in 一 is not in 五.
    assert.ok(!codes(mine(text.replace('2022年，平潭综合实验区坚持', '2021年，平潭综合实验区坚持'))).includes('year-mismatch'));
    // Table 2 is read: the missing heading is reported on it, with the fix that puts the heading back before it.
    const noTwo = text.replace('二、主动公开政府信息情况', '');
    const missing = only(mine(noTwo), 'section-missing');
    assert.ok(sliceAt(noTwo, missing.range).startsWith('第二十条第（一）项'));
    assert.deepEqual(parseReport(applyEdits(noTwo, missing.fix!.edits)).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  });

  it('a missing heading goes back just before its table, inside the line', () => {
    const noTwo = text.replace('二、主动公开政府信息情况', '');
    const idx = new LineIndex(noTwo);
    const report = parseReport(noTwo, idx);
    // The table parser decides where a table starts and ends; here table 2 is given its place by hand.
    const start = noTwo.indexOf('第二十条第（一）项'), end = noTwo.indexOf('9116.36') + 7;
    const t2: Table = { key: 't2', version: '2021', range: idx.range(start, end), rows: {}, problems: [] };
    report.tables.t2 = t2;
    const [f] = sectionMissing.check({ report, text: noTwo, idx });
    assert.ok(sliceAt(noTwo, f.range).startsWith('第二十条第（一）项') && sliceAt(noTwo, f.range).endsWith('9116.36'));
    const back = applyEdits(noTwo, f.fix!.edits);
    assert.equal(back, text.replace('二、主动公开政府信息情况', '二、主动公开政府信息情况 '));
    assert.deepEqual(parseReport(back).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
  });

  it('in a draft whose heading of 二 went into the paragraph before it, that heading is found; a section named in passing is not', () => {
    const draft = seed('001').text;
    const glued = draft.replace('\n\n## 二、主动公开政府信息情况', ' 二、主动公开政府信息情况');
    const two = parseReport(glued).sections[1];
    assert.equal(two.number, 2);
    assert.equal(sliceAt(glued, two.headingRange), '二、主动公开政府信息情况');
    assert.ok(two.range.start.character > 0);
    const passing = draft.replace('\n\n## 二、主动公开政府信息情况', '').replace('现将年度政务公开情况编制如下：', '现将年度政务公开情况编制如下：内容包括二、主动公开政府信息情况等。');
    assert.deepEqual(parseReport(passing).sections.map((s) => s.number), [1, 3, 4, 5, 6]);
  });
});

describe('format version', () => {
  const text = seed('001').text;

  it('2019 tables in a 2023 report: one finding on the table-2 header', () => {
    const t = text.replace('本年制发件数\t本年废止件数\t现行有效件数', '本年新制作数量\t本年新公开数量\t对外公开总数量');
    const report = parseReport(t);
    assert.equal(report.tables.t2!.version, '2019');
    const f = only(mine(t), 'format-version');
    assert.equal(sliceAt(t, f.range), '本年新制作数量');
    assert.match(f.message, /2023年度.*国办公开办函〔2021〕30号/);
  });

  it('a table inside a line: the version is shown by its own header word, not by the same word before it', () => {
    const t = '2023年政府信息公开工作年度报告 一、总体情况 旧表样的“本年新制作数量”已停用。 二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年新制作数量 本年新公开数量 对外公开总数量 规章 0 0 0';
    const idx = new LineIndex(t);
    const report = parseReport(t, idx);
    const start = t.indexOf('第二十条');
    report.tables.t2 = { key: 't2', version: '2019', range: idx.range(start, t.length), rows: {}, problems: [] };
    const [f] = formatVersion.check({ report, text: t, idx });
    assert.equal(sliceAt(t, f.range), '本年新制作数量');
    assert.ok(idx.offset(f.range.start) > start);
  });

  it('2021 tables in a 2020 report: tables 2 and 3', () => {
    const t = text.replace('卫滨区平原镇 2023 年', '卫滨区平原镇 2020 年');
    assert.deepEqual(codes(mine(t)), ['format-version', 'format-version']);
  });

  it('a report from before 2019 gets one note, and no section, cell or table findings', () => {
    const t = text.replace('卫滨区平原镇 2023 年', '卫滨区平原镇 2017 年').replace('## 二、主动公开政府信息情况', '二、主动公开情况')
      .replace('行政处罚\t0', '行政处罚\t５件').replace('一、本年新收政府信息公开申请数量\t\t0', '一、本年新收政府信息公开申请数量\t\t7');
    assert.ok(codes(check(text.replace('一、本年新收政府信息公开申请数量\t\t0', '一、本年新收政府信息公开申请数量\t\t7')).findings).includes('table3-balance'));
    const found = check(t).findings;
    assert.deepEqual(codes(found), ['format-pre-2019']);
    assert.equal(found[0].severity, 'information');
    assert.equal(sliceAt(t, found[0].range), '2017');
  });
});

describe('years', () => {
  const text = seed('004').text;

  it('the statistical period disagrees with the title', () => {
    const t = text.replace('2023年1月1日——2023年12月31日', '2022年1月1日——2022年12月31日');
    const found = mine(t);
    assert.deepEqual(codes(found).filter((c) => c === 'year-mismatch'), ['year-mismatch', 'year-mismatch']);
    const year = found.filter((f) => f.code === 'year-mismatch');
    assert.deepEqual(year.map((f) => sliceAt(t, f.range)), ['2022', '2022']);
    assert.equal(applyEdits(t, year.flatMap((f) => f.fix!.edits)), text);
    for (const p of ['统计期限为2022年1月1日至12月31日', '自2022 年 1 月 1 日起至 2023 年 12 月 31 日止']) {
      const v = text.replace('2023年1月1日——2023年12月31日', p);
      assert.deepEqual(mine(v).filter((f) => f.code === 'year-mismatch').map((f) => sliceAt(v, f.range)), ['2022'], p);
    }
  });

  it('comparisons, references to last year\'s report and next year\'s plans in 五 pass', () => {
    const ok = ['较2022年增长了一倍。', '与2022年相比有所提高。', '2022年以来持续改进。', '2022年政府信息公开工作年度报告中提出的问题已整改。', '2024年将加强培训。', '2023年我街道开展培训。'];
    const t = text.replace('在信息公开工作中还存在以下问题。', '在信息公开工作中还存在以下问题。' + ok.join(''));
    assert.deepEqual(codes(mine(t)).filter((c) => c === 'year-mismatch'), []);
    const pasted = text.replace('在信息公开工作中还存在以下问题。', '2022年我街道在信息公开工作中还存在以下问题。');
    assert.equal(sliceAt(pasted, only(mine(pasted), 'year-mismatch').range), '2022');
  });

  it('last year\'s period quoted as last year\'s is not the report\'s period', () => {
    // test/fixtures/rules-attack/year-period-of-last-year-quoted.txt (branch rules-attack): 统计期限写的是2022年, twice.
    for (const p of ['上年度（2022年1月1日至2022年12月31日）同样', '上一年度（2022年1月1日—2022年12月31日）', '去年同期（2022年1月1日至12月31日）',
      '较2022年1月1日至2022年12月31日', '与2022年1月1日至2022年12月31日相比，']) {
      const t = text.replace('严格落实工作责任完成全年信息公开工作。', `严格落实工作责任完成全年信息公开工作，${p}有所提高。`);
      assert.notEqual(t, text);
      assert.deepEqual(mine(t).filter((f) => f.code === 'year-mismatch').map((f) => sliceAt(t, f.range)), [], p);
    }
    // The report's own period pasted from last year still is one, whatever follows it.
    const t = text.replace('2023年1月1日——2023年12月31日', '2022年1月1日——2022年12月31日，与上年相比');
    assert.deepEqual(mine(t).filter((f) => f.code === 'year-mismatch').map((f) => sliceAt(t, f.range)), ['2022', '2022']);
  });

  it('the period written to the month (统计期限为2022年1月至12月) pasted from last year is one too; not the months of a sentence that is no period', () => {
    const statement = (y: number) => text.replace('严格落实工作责任完成全年信息公开工作。', `严格落实工作责任完成全年信息公开工作。本报告所列数据的统计期限为${y}年1月至12月。`);
    const t = statement(2022);
    assert.deepEqual(mine(t).filter((f) => f.code === 'year-mismatch').map((f) => sliceAt(t, f.range)), ['2022']);
    assert.deepEqual(mine(statement(2023)).filter((f) => f.code === 'year-mismatch'), []);
    const other = text.replace('严格落实工作责任完成全年信息公开工作。', '严格落实工作责任完成全年信息公开工作，2022年1月至12月开展了专项检查。');
    assert.deepEqual(mine(other).filter((f) => f.code === 'year-mismatch' && f.message.startsWith('统计期限')), []);
  });

  it('last year in 五 as last year passes: its problems rectified, a dated event, 上年（2022年）, a list of years, a document\'s title', () => {
    // test/fixtures/rules-attack/year-section5-last-year-legit.txt (branch rules-attack): all nine were flagged, with the fix 改为2023.
    const ok = [
      '（一）2022年度存在问题的整改情况', '针对上年报告指出的解读形式单一问题，已制作图解6期。', '2022年度发现的问题均已整改到位。',
      '针对2022年政务公开第三方评估中指出的栏目更新不及时问题，已逐项完成整改。', '上级在2022年12月督查中反馈的2个问题已于今年3月前整改完毕。',
      '本年度依申请公开数量比上年（2022年）有所增加。', '依申请公开数量由2022年的3件增至本年的7件。', '2021年、2022年连续两年考核为优秀等次。',
      '镇政府于2022年底完成机构改革，部分公开栏目归属调整。', '对照《国务院办公厅关于印发2022年政务公开工作要点的通知》逐条梳理了落实情况。', '（二）存在的主要问题',
    ];
    const t = text.replace('在信息公开工作中还存在以下问题。', ok.join('\n') + '\n在信息公开工作中还存在以下问题。');
    assert.deepEqual(mine(t).filter((f) => f.code === 'year-mismatch').map((f) => lines(t)[f.range.start.line]), []);
    // Last year's 五 pasted as this year's still is: its plans, its problems, and plans that only look rectified or dated.
    for (const p of ['下一步，我局将在2022年加强培训。', '2022年存在的问题：一是公开内容不够丰富。', '下一步，我局将于2022年底前完成栏目整合。',
      '2022年存在的问题，我局将于年底前整改完毕。', '2022年存在的问题和整改措施如下。', '2022年我局开展自查，发现栏目更新不及时。']) {
      const pasted = text.replace('在信息公开工作中还存在以下问题。', p + '在信息公开工作中还存在以下问题。');
      assert.equal(sliceAt(pasted, only(mine(pasted), 'year-mismatch').range), '2022', p);
    }
  });

  it('a title whose year was kept from last year (2020年 over a text that says 2021 throughout): the title is blamed, not the right period', () => {
    const text = seed('003').text;
    const t = text.replace('北京市通州区潞城镇2021年政府信息公开', '北京市通州区潞城镇2020年政府信息公开');
    assert.notEqual(t, text);
    const report = parseReport(t);
    assert.deepEqual([report.year, report.titleYear], [2021, 2020]);
    const years = check(t).findings.filter((f) => f.code === 'year-mismatch');
    // The title's year, and seed 003's own 2020 pasted into 五, as in the seed.
    assert.deepEqual(years.map((f) => [f.range.start.line, sliceAt(t, f.range)]), [[0, '2020'], ...check(text).findings.filter((f) => f.code === 'year-mismatch').map((f) => [f.range.start.line, '2020'])]);
    assert.match(years[0].message, /^标题写的是2020年度，而统计期限是2021年，正文写2021年的有 \d+ 处、写2020年的有 1 处：标题的年份可能是沿用上一年报告的，应为2021年度。$/);
    // A title more than a year off (a slip of the keys, not last year's report kept) is not said to be last year's.
    const far = text.replace('北京市通州区潞城镇2021年政府信息公开', '北京市通州区潞城镇2012年政府信息公开');
    assert.match(only(check(far).findings.filter((f) => f.range.start.line === 0), 'year-mismatch').message, /^标题写的是2012年度，[^：]*：应为2021年度。$/);
    assert.equal(fixed(t, years[0]), text);
    // Nothing else blames the text for the title's year: the 2021 tables are the 2021 report's, the prose is this year's.
    const others = (x: string) => check(x).findings.filter((f) => f.code !== 'year-mismatch').map((f) => f.message);
    assert.deepEqual(others(t), others(text));
    // A title in Markdown, and with the year after its words, alike (seed 000 with its period stated).
    const zero = seed('000').text.replace('依申请公开工作流程。', '依申请公开工作流程。本报告统计期限为2023年1月1日至12月31日。');
    for (const title of ['# 北京市平谷区大兴庄镇 2022 年政府信息公开工作年度报告', '北京市平谷区大兴庄镇政府信息公开工作年度报告（2022年度）']) {
      const v = zero.replace('北京市平谷区大兴庄镇 2023 年政府信息公开工作年度报告', title);
      assert.notEqual(v, zero);
      const [f, ...more] = check(v).findings.filter((x) => x.code === 'year-mismatch');
      assert.deepEqual([sliceAt(v, f.range), f.range.start.line, more.length], ['2022', 2, 0], title);
    }
    // Without a period stated, the prose alone does not outvote the title.
    assert.equal(parseReport(seed('000').text.replace(' 2023 年政府信息公开工作年度报告', ' 2022 年政府信息公开工作年度报告')).year, 2022);
  });

  it('a title year in Chinese numerals (二〇二二年, 二○二二年度, 二零二二年) or full-width digits kept from last year: the finding names it as written and its fix writes the year in the same numerals', () => {
    const text = seed('003').text;
    for (const [han, right] of [['二〇二〇', '二〇二一'], ['二○二〇', '二○二一'], ['二零二零', '二零二一'], ['２０２０', '２０２１']]) {
      const t = text.replace('北京市通州区潞城镇2021年政府信息公开', `北京市通州区潞城镇${han}年政府信息公开`);
      assert.notEqual(t, text);
      const [f] = check(t).findings.filter((x) => x.code === 'year-mismatch' && x.range.start.line === 0);
      assert.ok(f, han);
      assert.equal(sliceAt(t, f.range), han);
      assert.match(f.message, new RegExp(`^标题写的是${han}年度，而统计期限是2021年`));
      assert.equal(fixed(t, f), text.replace('北京市通州区潞城镇2021年政府信息公开', `北京市通州区潞城镇${right}年政府信息公开`));
    }
    // Full-width digits are the title's year too (before, no year was read: every rule that needs one was silent).
    for (const title of ['北京市通州区潞城镇２０２１年政府信息公开\n\n工作年度报告', '北京市通州区潞城镇政府信息公开工作年度报告（２０２１年度）']) {
      const t = text.replace('北京市通州区潞城镇2021年政府信息公开\n\n工作年度报告', title);
      assert.notEqual(t, text);
      assert.equal(parseReport(t).titleYear, 2021, title);
    }
  });

  it('a title with the right year keeps it: a period pasted from last year is blamed, also with one more year of last year in the text; a tie keeps the title', () => {
    const t = text.replace('2023年1月1日——2023年12月31日', '2022年1月1日——2022年12月31日').replace('结合2023年实际', '结合2022年实际');
    assert.equal(parseReport(t).year, 2023);
    assert.deepEqual(mine(t).filter((f) => f.code === 'year-mismatch').map((f) => [sliceAt(t, f.range), f.message.slice(0, 21)]), [['2022', '统计期限写的是2022年，而标题是2023'], ['2022', '统计期限写的是2022年，而标题是2023']]);
    // A text that names no year but its period: the title stands.
    const bare = ['某某镇2023年政府信息公开工作年度报告', '', '本报告统计期限为2022年1月1日至2022年12月31日。', '一、总体情况', '本年度我镇认真贯彻落实条例。'].join('\n');
    assert.equal(parseReport(bare).year, 2023);
    assert.deepEqual(mine(bare).filter((f) => f.code === 'year-mismatch').map((f) => sliceAt(bare, f.range)), ['2022', '2022']);
  });

  it('last year\'s number outside 五 is not reported', () => {
    const t = text.replace('结合2023年实际', '结合2022年实际');
    assert.deepEqual(codes(mine(t)).filter((c) => c === 'year-mismatch'), []);
  });
});

describe('fee statement', () => {
  it('a clear “no fees” statement counts (seeds 000 and 001); saying nothing is a warning on 六', () => {
    const text = seed('001').text;
    const t = text.replace('我单位 2023 年度政务公开工作不存在收费情况。', '无其他需要报告的事项。');
    const f = only(mine(t), 'fee-statement');
    assert.equal(f.severity, 'warning');
    assert.equal(lines(t)[f.range.start.line], '#### 六、其他需要报告的事项');
    assert.match(f.message, /发出收费通知的件数和总金额、实际收取的总金额/);
    // The fee rules (国办函〔2020〕109号) apply from the 2021 report on.
    const t2020 = t.replace('卫滨区平原镇 2023 年', '卫滨区平原镇 2020 年');
    assert.ok(!codes(mine(t2020)).includes('fee-statement'));
  });

  it('“free of charge” and “no cost incurred” state the fees', () => {
    // test/fixtures/rules-attack/fee-free-of-charge.txt, fee-no-cost-incurred.txt (branch rules-attack): 没有说明信息处理费情况.
    const text = seed('001').text;
    for (const said of ['本机关依申请提供政府信息，一律免费。', '本年度办理政府信息公开申请未产生任何费用。']) {
      const t = text.replace('我单位 2023 年度政务公开工作不存在收费情况。', said);
      assert.notEqual(t, text);
      assert.deepEqual(codes(mine(t)).filter((c) => c === 'fee-statement'), [], said);
    }
  });

  it('fee notices in table 3 (3.6.2 > 0) against “no fee notice was sent”', () => {
    const text = seed('004').text;
    const cell = parseReport(text).tables.t3!.rows['3.6.2'].cells.total;
    const t = replaceAt(text, cell.range, '1');
    const f = only(mine(t), 'fee-statement');
    assert.equal(sliceAt(t, f.range), '发出收费通知的件数为0');
    assert.deepEqual(f.related![0].range, parseReport(t).tables.t3!.rows['3.6.2'].cells.total.range);
    const s002 = seed('002').text;
    const t2 = replaceAt(s002, parseReport(s002).tables.t3!.rows['3.6.2'].cells.total.range, '2');
    assert.match(sliceAt(t2, only(mine(t2), 'fee-statement').range), /^发出收费通知.*均为0$/);
    for (const said of ['本年度未向申请人发出收费通知。', '没有发出收费通知。']) {
      const t3 = t.replace(/2023年度北苑街道收取信息处理费情况为：[^\n]*/, said);
      assert.equal(sliceAt(t3, only(mine(t3), 'fee-statement').range).slice(-4), '收费通知', said);
    }
  });

  it('a fee notice sent is not read as none sent (无正当理由的申请发出收费通知; 均为0 of the amounts after the count)', () => {
    // test/fixtures/rules-attack/fee-notice-sent-*.txt (branch rules-attack): 这里说没有发出收费通知, with 3.6.2 = 1.
    const text = seed('004').text;
    const t = replaceAt(text, parseReport(text).tables.t3!.rows['3.6.2'].cells.total.range, '1');
    for (const said of ['本年度对1件申请数量明显超过合理范围且无正当理由的申请发出收费通知，申请人逾期未缴纳，实际收取0元。',
      '本年度发出收费通知1件，实收金额、减免金额均为0。', '本年度发出收费通知一件，实收金额、减免金额均为0。']) {
      const t2 = t.replace(/2023年度北苑街道收取信息处理费情况为：[^\n]*/, said);
      assert.ok(t2.includes(said));
      assert.deepEqual(codes(mine(t2)).filter((c) => c === 'fee-statement'), [], said);
    }
    const none = t.replace(/2023年度北苑街道收取信息处理费情况为：[^\n]*/, '本年度未向无正当理由的申请人发出收费通知，发出收费通知的件数和总金额均为0。');
    assert.match(sliceAt(none, only(mine(none), 'fee-statement').range), /^发出收费通知.*均为0$/);
  });
});

describe('cells', () => {
  const text = seed('000').text;
  const t2 = parseReport(text).tables.t2!;

  it('full-width digits and thousands separators are normalised', () => {
    for (const [written, want] of [['４５７', '457'], ['1,457', '1457'], ['１，４５７', '1457']]) {
      const t = replaceAt(text, t2.rows.penalty.cells.decisions.range, written);
      const f = only(mine(t), 'cell-fullwidth');
      assert.equal(f.severity, 'information');
      assert.equal(f.fix!.edits[0].newText, want);
      assert.deepEqual(mine(fixed(t, f)), []);
    }
  });

  it('元 in the 万元 column is converted; 件 in a count is dropped', () => {
    const t = replaceAt(text, t2.rows.fees.cells.amount.range, '306200元');
    const f = only(mine(t), 'cell-unit');
    assert.equal(f.fix!.edits[0].newText, '30.62');
    assert.equal(fixed(t, f), text);
    const c = replaceAt(text, t2.rows.penalty.cells.decisions.range, '457件');
    assert.equal(fixed(c, only(mine(c), 'cell-unit')), text);
  });
});

describe('names and leftovers', () => {
  const text = seed('001').text;
  const para = '严格遵守《中华人民共和国保守国家秘密法》';

  it('misspelt law names', () => {
    for (const m of MISSPELLINGS) {
      assert.ok(!MISSPELLINGS.some((n) => n.right.includes(m.wrong) || n.law.includes(m.wrong)), `${m.wrong} is inside a right name`);
      const t = text.replace(para, `严格遵守《中华人民共和国政府信息公开条例》和《${m.wrong}》`);
      const f = only(mine(t), 'statute-name');
      assert.equal(sliceAt(t, f.range), m.wrong);
      assert.deepEqual(mine(fixed(t, f)), []);
    }
  });

  it('a misspelling that runs on into a word is no name: 条理化, 机密法规', () => {
    // test/fixtures/rules-attack/statute-tiaoli-hua.txt, statute-jimi-fagui.txt (branch rules-attack): the fix wrote 条例化.
    for (const said of ['推动政府信息公开条理化、规范化', '政府信息公开条理清晰', '严格遵守保守国家机密法规和保密纪律', '遵守保守国家机密法律法规']) {
      const t = text.replace(para, said);
      assert.notEqual(t, text);
      assert.deepEqual(codes(mine(t)).filter((c) => c === 'statute-name'), [], said);
    }
    for (const [said, wrong] of [['依据政府信息公开条理第五十条', '政府信息公开条理'], ['依照保守国家机密法规定', '保守国家机密法'], ['《政府信息公开条理》', '政府信息公开条理']]) {
      const t = text.replace(para, said);
      assert.equal(sliceAt(t, only(mine(t), 'statute-name').range), wrong, said);
    }
  });

  it('conversion leftovers are deleted with one adjacent space; pandoc spans keep their words', () => {
    const cases: [string, string][] = [
      ['[bookmark: _GoBack] ', ''],
      ['<!-- --> ', ''],
      ['[严格遵守]{.underline}', '严格遵守'],
      ['[]{#_Toc123 .anchor}', ''],
      ['\\*\\*', ''],
      ['第1\\.项', '第1.项'],
    ];
    for (const [junk, kept] of cases) {
      const t = text.replace(para, junk + para);
      const f = only(mine(t), 'conversion-artifact');
      assert.equal(fixed(t, f), text.replace(para, kept + para), junk);
    }
    const lost = text.replace(para, para + '\uFFFD');
    assert.equal(only(mine(lost), 'conversion-artifact').fix, undefined);
  });

  it('a text that is not a report gets none of these', () => {
    assert.deepEqual(mine('会议纪要\n保守价格秘密法 [bookmark: _GoBack]\n二、主动公开情况\n'), []);
  });
});

// ---- Every fix removes its finding and adds none --------------------------------------------

/**
 * A finding as it reads in its document — its code and the text it marks — so that the same finding
 * has the same key after an edit elsewhere moved it (its message may mention a neighbour).
 */
const keyOf = (text: string, f: Finding) => `${f.code}|${sliceAt(text, f.range)}`;

function assertFixesClean(text: string, where: string) {
  const before = check(text).findings;
  for (const f of before.filter((x) => CODES.has(x.code) && x.fix)) {
    const after = applyEdits(text, f.fix!.edits);
    const want = before.filter((x) => x !== f).map((x) => keyOf(text, x)).sort();
    const got = check(after).findings.map((x) => keyOf(after, x)).sort();
    assert.deepEqual(got, want, `${where}: fixing ${f.code} “${f.message}”`);
  }
}

describe('every fix removes its finding and adds none', () => {
  for (const { name, text } of SEEDS) {
    it(`${name} as it is`, () => assertFixesClean(text, name));
    for (const [mistake, inject] of Object.entries(MISTAKES)) {
      it(`${name} with ${mistake}`, () => {
        const mutated = inject(text);
        assert.ok(mutated && mutated !== text, 'the mistake was injected');
        assert.notDeepEqual(mine(mutated).map((f) => keyOf(mutated, f)), mine(text).map((f) => keyOf(text, f)), 'the mistake is found');
        assertFixesClean(mutated, `${name} + ${mistake}`);
      });
    }
  }

  it('two mistakes at once, any seed', () => {
    const names = Object.keys(MISTAKES).filter((m) => m !== 'heading of 二 deleted' && m !== 'shifted block');
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.constantFrom(...names), fc.constantFrom(...names), (s, a, b) => {
      const once = MISTAKES[a](s.text) ?? s.text;
      const twice = MISTAKES[b](once) ?? once;
      assertFixesClean(twice, `${s.name} + ${a} + ${b}`);
    }), { numRuns: 40 });
  });
});

describe('cost', () => {
  const title = '2023年政府信息公开工作年度报告\n一、总体情况\n';
  const shapes: Record<string, (n: number) => string> = {
    'unclosed bookmarks': (n) => title + '[bookmark:'.repeat(n),
    'attribute spans without [': (n) => title + ']{.u}'.repeat(n),
    'escapes': (n) => title + '\\*'.repeat(n),
    'sub-topics in 一': (n) => title + '二、主动公开情况\n'.repeat(n) + '六、其他需要报告的事项\n',
    'dates on one line': (n) => title + '2022年1月1日至 '.repeat(n) + '12月31日\n五、存在的主要问题及改进情况\n' + '2022年'.repeat(n),
    'fee notices': (n) => title + '六、其他需要报告的事项\n' + '未发出'.repeat(n) + '收费通知\n',
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`time grows linearly: ${name}`, () => assertLinear(name, make));
  }
});
