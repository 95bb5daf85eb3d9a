import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { check, checkAcrossYears, type Finding } from '../../server/src/core/service';
import { bodyKey, bodyOfTitle, shorterKeys } from '../../server/src/core/years/body';
import { pairByBody } from '../../server/src/core/years/pairing';
import { yearSummary, type YearSummary } from '../../server/src/core/years/summary';
import { SEEDS } from '../core/seeds';
import { changed, lastYearOf, THIS_YEAR } from './pairs';

// The checks across years on the pure core: a report's summary, pairing by body and year, and the three
// rules on pairs made from seed 002 (pairs.ts).

const summaryOf = (text: string): YearSummary => {
  const summary = yearSummary(check(text).report, new LineIndex(text));
  assert.ok(summary, 'a report with a body and a year');
  return summary;
};

function across(current: string, previous: string, copiedWarning = 0.5): Finding[] {
  return checkAcrossYears({ current: { ...summaryOf(current), file: 'this.txt' }, previous: { ...summaryOf(previous), file: 'last.txt' }, copiedWarning });
}

const line = (text: string, n: number) => text.split('\n')[n];

describe('who wrote a report, from its title', () => {
  it('reads the body from titles broken over lines, with the year before or after it', () => {
    const body = (text: string) => bodyOfTitle(new LineIndex(text));
    assert.deepEqual(SEEDS.map((s) => body(s.text)), ['北京市平谷区大兴庄镇', '卫滨区平原镇', '北京市大兴区西红门镇人民政府', '北京市通州区潞城镇', '北京市通州区人民政府北苑街道办事处']);
    assert.equal(body('正文\n2025 年上海市人民政府办公厅政府信息公开\n工作年度报告\n'), '上海市人民政府办公厅');
    assert.equal(body('标题: 平潭综合实验区2022年度政府信息公开工作年度报告\n'), '平潭综合实验区');
    assert.equal(body('- 1 -\n淮安市人民政府\n2024 年政府信息公开工作年度报告\n'), '淮安市人民政府');
    assert.equal(body('2024年政府信息公开工作年度报告\n'), undefined, 'no name');
    assert.equal(body('一、总体情况\n'), undefined, 'no title');
  });

  it('names one body the same in different years, and keeps different bodies apart', () => {
    assert.equal(bodyKey('北京市大兴区西红门镇人民政府'), bodyKey('北京市大兴区西红门镇'));
    assert.equal(bodyKey('西红门镇政府'), bodyKey('西红门镇'));
    assert.equal(bodyKey('北京市通州区人民政府北苑街道办事处'), bodyKey('北京市通州区北苑街道'));
    assert.equal(bodyKey('北京市 大兴区（西红门镇）'), bodyKey('北京市大兴区西红门镇'));
    assert.notEqual(bodyKey('北京市大兴区人民政府办公室'), bodyKey('北京市大兴区人民政府'));
    assert.notEqual(bodyKey('北京市大兴区旧宫镇'), bodyKey('北京市大兴区西红门镇'));
    assert.notEqual(bodyKey('上海市人民政府办公厅'), bodyKey('上海市人民政府'));
  });
});

describe('pairing', () => {
  const r = (body: string, year: number, name: string) => ({ name, body, year });

  it('pairs each report with the one of the year before of the same body', () => {
    const reports = [r('西红门镇人民政府', 2024, 'a'), r('西红门镇', 2023, 'b'), r('西红门镇', 2022, 'c'), r('旧宫镇', 2023, 'd'), r('旧宫镇', 2021, 'e')];
    assert.deepEqual(pairByBody(reports).map(([x, y]) => x.name + y.name), ['ab', 'bc']);
  });

  it('pairs one body named with fewer of its divisions in another year, only where no other pairing is possible', () => {
    assert.deepEqual(shorterKeys(bodyKey('北京市平谷区大兴庄镇')), ['平谷区大兴庄镇', '大兴庄镇']);
    assert.deepEqual(shorterKeys(bodyKey('上海市人民政府办公厅')), [], 'a government’s office is every government’s');
    assert.deepEqual(shorterKeys(bodyKey('淮安市人民政府')), [], 'nothing left but the division');
    const pairs = (...reports: ReturnType<typeof r>[]) => pairByBody(reports).map(([x, y]) => x.name + y.name);
    assert.deepEqual(pairs(r('北京市平谷区大兴庄镇', 2024, 'a'), r('大兴庄镇人民政府', 2023, 'b'), r('平谷区大兴庄镇', 2022, 'c')), ['ab', 'bc']);
    assert.deepEqual(pairs(r('大兴庄镇', 2024, 'a'), r('北京市平谷区大兴庄镇', 2023, 'b')), ['ab']);
    // Two bodies the short name may stand for: which one is meant is not known.
    assert.deepEqual(pairs(r('大兴庄镇', 2024, 'a'), r('平谷区大兴庄镇', 2023, 'b'), r('大兴区大兴庄镇', 2023, 'c')), []);
    assert.deepEqual(pairs(r('平谷区大兴庄镇', 2024, 'a'), r('大兴区大兴庄镇', 2024, 'b'), r('大兴庄镇', 2023, 'c')), []);
    // Different bodies of one name in different districts are not one body.
    assert.deepEqual(pairs(r('平谷区大兴庄镇', 2024, 'a'), r('大兴区大兴庄镇', 2023, 'b')), []);
    // The exact name comes first: last year's full name is this year's other report's.
    assert.deepEqual(pairs(r('大兴庄镇', 2024, 'a'), r('平谷区大兴庄镇', 2024, 'b'), r('平谷区大兴庄镇', 2023, 'c')), ['bc']);
  });

  it('pairs nothing where a year has two reports of the body, and follows an explicit choice', () => {
    const reports = [r('西红门镇', 2024, 'a'), r('西红门镇', 2023, 'b'), r('西红门镇', 2023, 'b2'), r('旧宫镇', 2024, 'd')];
    assert.deepEqual(pairByBody(reports), []);
    const chosen = (x: { name: string }) => (x.name === 'd' ? reports[1] : x.name === 'a' ? null : undefined);
    assert.deepEqual(pairByBody(reports, chosen).map(([x, y]) => x.name + y.name), ['db']);
  });
});

describe('the checks across years on seed 002 and its 2023 report', () => {
  it('a consistent pair has no finding, and last year’s report alone adds up', () => {
    const last = lastYearOf();
    assert.deepEqual(across(THIS_YEAR, last), []);
    assert.deepEqual(check(last).findings.filter((f) => /^table/.test(f.code)), []);
  });

  it('carryover-mismatch: exactly the one column that differs, on this year’s cell, with last year’s value as an unsafe fix', () => {
    const last = changed(lastYearOf(), '四、结转下年度继续办理', '0', '2'); // 商业企业
    const [f, ...rest] = across(THIS_YEAR, last);
    assert.deepEqual(rest, []);
    assert.equal(f.code, 'carryover-mismatch');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /“商业企业”列为 0，上年（2023年）报告“结转下年度继续办理”为 2/);
    assert.match(line(THIS_YEAR, f.range.start.line - 2), /二、上年结转/, 'the second cell of row 二 (natural, then commercial)');
    assert.equal(f.fix?.safe, false);
    assert.deepEqual(f.fix?.edits.map((e) => e.newText), ['2']);
    assert.deepEqual(f.fix?.edits[0].range, f.range);
    const [related] = f.related!;
    assert.equal(related.file, 'last.txt');
    assert.equal(line(last, related.range.start.line).slice(related.range.start.character, related.range.end.character), '2');
  });

  it('carryover-mismatch: a blank cell is not zero, nor is a placeholder', () => {
    const blank = changed(lastYearOf(), '四、结转下年度继续办理', '0', '');
    assert.deepEqual(across(THIS_YEAR, blank), []);
    const slash = changed(THIS_YEAR, '二、上年结转', '0', '/');
    assert.deepEqual(across(slash, changed(lastYearOf(), '四、结转下年度继续办理', '0', '2')), []);
  });

  it('normative-stock: names last year’s in force, this year’s issued and repealed, and what they give', () => {
    const [f, ...rest] = across(changed(THIS_YEAR, '行政规范性文件', '3', '5'), lastYearOf());
    assert.deepEqual(rest, []);
    assert.equal(f.code, 'normative-stock');
    assert.equal(f.message, '表二行政规范性文件“现行有效件数”为 5，但上年（2023年）现行有效 3 + 本年制发 0 − 本年废止 0 = 3。');
    assert.equal(f.fix, undefined);
    assert.equal(f.related?.[0].file, 'last.txt');
  });

  it('copied-text: 五 pasted whole is one finding on its heading, with the share, the count and each paragraph’s places; a warning above the threshold', () => {
    const last = lastYearOf(undefined, { copyFive: true });
    const findings = across(THIS_YEAR, last);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, line(THIS_YEAR, f.range.start.line)]), [['copied-text', 'warning', '五、存在的主要问题及改进情况']]);
    const [f] = findings;
    assert.match(f.message, /^“五、存在的主要问题及改进情况”有 100% 的文字照搬上年（2023年）报告：2 段（第 406、407 行起）与上年同一部分的段落几乎相同/);
    // Each copied paragraph: this year's (in this document), then last year's.
    assert.deepEqual(f.related!.map((r) => [r.file, (r.file ? line(last, r.range.start.line) : line(THIS_YEAR, r.range.start.line)).slice(0, 8)]), [
      [undefined, '（一）存在的问题'], ['last.txt', '（一）存在的问题'], [undefined, '（二）改进的措施'], ['last.txt', '（二）改进的措施'],
    ]);
    assert.match(f.related![0].message, /照搬上年的一段（与上年第 \d+ 行的一段 100% 相同）/);
    assert.deepEqual(across(THIS_YEAR, last, 1).map((x) => x.severity), ['information']);
    assert.match(checkAcrossYears({ current: { ...summaryOf(THIS_YEAR), file: 'this.txt' }, previous: { ...summaryOf(last), file: 'last.txt' }, copiedWarning: 0.5 }, { locale: 'en' })[0].message,
      /^100% of section 5 \(problems and improvements\) repeats last year’s \(2023\) report: 2 paragraphs \(at lines 406, 407\) are nearly the same/);
  });

  it('copied-text: one paragraph of 一 pasted is one finding on that paragraph, pointing at last year’s', () => {
    const pasted = line(THIS_YEAR, 7); // the second paragraph of 一 (121 of its 654 letters)
    const last = lastYearOf().replace('（二）主动公开情况。', `${pasted}\n（二）主动公开情况。`);
    const findings = across(THIS_YEAR, last);
    assert.deepEqual(findings.map((f) => [f.severity, f.range.start.line, f.range.end.line]), [['information', 7, 7]]);
    assert.match(findings[0].message, /^这一段与上年（2023年）报告第 \d+ 行的一段几乎相同（100%）；“一、总体情况”共有 19% 的文字照搬上年。$/);
    assert.equal(line(last, findings[0].related![0].range.start.line), pasted);
  });

  it('copied-text: the statement every report opens with (编制…统计期限为…), written inside 一 both years, is not copied text', () => {
    const statement = (year: number) => `本年报依据《中华人民共和国政府信息公开条例》要求编制，由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况以及其他需要报告的事项组成。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。`;
    const now = THIS_YEAR.replace('（二）主动公开情况。', `${statement(2024)}\n（二）主动公开情况。`);
    const last = lastYearOf().replace('（二）主动公开情况。', `${statement(2023)}\n（二）主动公开情况。`);
    assert.deepEqual(across(now, last), []);
  });

  it('copied-text: a few paragraphs of 一, less than half of it, are a finding each', () => {
    const last = lastYearOf().replace('（二）主动公开情况。', `${line(THIS_YEAR, 5)}\n${line(THIS_YEAR, 13)}\n（二）主动公开情况。`);
    assert.deepEqual(across(THIS_YEAR, last).map((f) => [f.code, f.range.start.line]), [['copied-text', 5], ['copied-text', 13]]);
  });

  it('copied-text: a long section pasted whole names its first ten paragraphs’ lines and relates every one', () => {
    const twelve = Array.from({ length: 12 }, () => line(THIS_YEAR, 7)).join('\n');
    const long = (text: string) => text.replace(line(THIS_YEAR, 7), twelve);
    const [f, ...rest] = across(long(THIS_YEAR), long(THIS_YEAR.replaceAll('2024', '2023'))).filter((x) => x.code === 'copied-text');
    assert.equal(rest.length, 1, 'and 五');
    assert.match(f.message, /：18 段（第 6、8、9、10、11、12、13、14、15、16…… 行起）/);
    assert.equal(f.related!.length, 36);
  });

  it('copied-text: figures and punctuation changed still count as copied; one paragraph of two is half the section', () => {
    const edited = lastYearOf(undefined, { copyFive: true })
      .replace(/（一）存在的问题。[^\n]*/, '（一）存在的问题。基层工作人员流动较大，业务培训覆盖面不足，个别信息发布前审核把关不够严格，存在错别字等问题。')
      .replace('二是会商审查，严谨答复。', '2.会商审查 严谨答复；').replace('涉及多个业务科室职责', '涉及3个业务科室职责');
    const findings = across(THIS_YEAR, edited);
    assert.equal(findings.length, 1, findings.map((f) => f.message).join('\n'));
    assert.match(findings[0].message, /共有 72% 的文字/);
    assert.match(line(THIS_YEAR, findings[0].range.start.line), /^（二）改进的措施/, 'one paragraph copied, though most of the section: on the paragraph');
  });

  it('bounded work: a huge section 五 on both sides is checked in seconds, not hung', () => {
    const huge = (text: string) => text.replace('（一）存在的问题。', '（一）存在的问题。' + '各项工作扎实推进，群众满意度不断提升；'.repeat(50_000));
    const start = performance.now();
    across(huge(THIS_YEAR), huge(lastYearOf(undefined, { copyFive: true })));
    assert.ok(performance.now() - start < 3000, `${performance.now() - start} ms`);
  });
});

describe('the checks across years on every seed and the report of its year before', () => {
  for (const { name, text } of SEEDS) {
    it(`${name}: last year's report word for word, years aside: one copied-text finding on each of 一 and 五, counting its paragraphs`, () => {
      const year = check(text).report.year!;
      const findings = across(text, text.replaceAll(String(year), String(year - 1))).filter((f) => f.code === 'copied-text');
      const summary = summaryOf(text);
      assert.deepEqual(findings.map((f) => f.range), [summary.headings[1], summary.headings[5]]);
      findings.forEach((f, i) => {
        const section = i ? 5 : 1;
        // Every paragraph long enough to compare (the short ones count in the share's whole only).
        const paragraphs = summary.paragraphs.filter((p) => p.section === section && p.letters.length >= 30);
        const share = Math.round((100 * paragraphs.reduce((n, p) => n + p.letters.length, 0)) / summary.sectionLetters[section]);
        assert.match(f.message, new RegExp(`有 ${share}% 的文字照搬上年（${year - 1}年）报告：${paragraphs.length} 段（第 [\\d、]+ 行起）`));
        assert.deepEqual(f.related!.filter((r) => r.file === undefined).map((r) => r.range), paragraphs.map((p) => p.range));
        assert.equal(f.related!.filter((r) => r.file === 'last.txt').length, paragraphs.length);
      });
    });

    it(`${name}: a consistent pair has no finding; last year's 结转下年度 changed in one column is named on this year's 上年结转 cell`, () => {
      const last = lastYearOf(text);
      assert.deepEqual(across(text, last).map((f) => f.message), []);
      const forward = check(last).report.tables.t3!.rows['4'].cells.natural;
      const broken = last.slice(0, new LineIndex(last).offset(forward.range.start)) + String(forward.value! + 1) + last.slice(new LineIndex(last).offset(forward.range.end));
      const findings = across(text, broken);
      assert.deepEqual(findings.map((f) => f.code), ['carryover-mismatch']);
      assert.deepEqual(findings[0].range, check(text).report.tables.t3!.rows['2'].cells.natural.range);
      assert.deepEqual(findings[0].fix?.edits.map((e) => e.newText), [String(forward.value! + 1)]);
    });
  }
});
