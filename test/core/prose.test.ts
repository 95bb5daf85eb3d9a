import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CLAIM_KINDS, MARKERS } from '../../server/src/core/format/proseWords';
import { chineseValue, readNumber } from '../../server/src/core/prose/numbers';
import type { Claim } from '../../server/src/core/model';
import { extractClaims } from '../../server/src/core/prose/claims';
import { parseReport } from '../../server/src/core/parse/report';
import { readQuantity } from '../../server/src/core/prose/quantities';
import { applyEdits, check, type Finding } from '../../server/src/core/service';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';
import { assertLinear } from './linear';
import { seed, SEEDS, sliceAt } from './seeds';

const PROSE = new Set(['prose-mismatch', 'prose-breakdown', 'prose-unclear']);
const prose = (text: string) => check(text).findings.filter((f) => PROSE.has(f.code));
const loud = (fs: Finding[]) => fs.filter((f) => f.severity === 'warning' || f.severity === 'error');

/** The range of `digits` inside the first occurrence of `phrase`. */
function at(text: string, phrase: string, digits: string): Range {
  const p = text.indexOf(phrase);
  assert.ok(p >= 0, `“${phrase}” is in the text`);
  const d = p + phrase.indexOf(digits);
  return new LineIndex(text).range(d, d + digits.length);
}

function claimAt(claims: Claim[], range: Range): Claim | undefined {
  return claims.find((c) => JSON.stringify(c.range) === JSON.stringify(range));
}

/** Asserts that the extractor found the figure as a claim about `quantity`, and returns it. */
function found(text: string, phrase: string, digits: string, quantity: string, value: number): Claim {
  const c = claimAt(check(text).report.claims, at(text, phrase, digits));
  assert.ok(c, `“${phrase}” is recognised as a claim`);
  assert.equal(c.quantity, quantity, phrase);
  assert.equal(c.value, value, phrase);
  return c;
}

/** The one prose warning on the digits of `phrase`. */
function flagged(text: string, phrase: string, digits: string, code = 'prose-mismatch'): Finding {
  const range = at(text, phrase, digits);
  const hits = prose(text).filter((f) => JSON.stringify(f.range) === JSON.stringify(range));
  assert.equal(hits.length, 1, `one finding on “${phrase}”: ${prose(text).map((f) => f.message).join(' | ')}`);
  assert.equal(hits[0].code, code);
  return hits[0];
}

describe('prose figures in the seeds', () => {
  it('000: 行政诉讼 2 件 disagrees with table 4; 行政复议 2 件 and 受理 23 件 agree', () => {
    const { text } = seed('000');
    const f = flagged(text, '行政诉讼 2 件', '2');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /行政诉讼 2 件.*表四行政诉讼总计为 0 件（未经复议直接起诉 0 \+ 复议后起诉 0）/);
    assert.equal(f.fix!.edits[0].newText, '0');
    found(text, '行政复议 2 件', '2', 't4.review.total', 2);
    found(text, '受理依申请公开 23 件', '23', 't3.1.total', 23);
    assert.deepEqual(loud(prose(text)).map((x) => x.range), [f.range]);
  });

  it('001: 未收到政府信息公开申请 is a zero claim that agrees; nothing at warning or error', () => {
    const { text } = seed('001');
    const c = check(text).report.claims.find((x) => x.form === 'zero');
    assert.ok(c);
    assert.equal(c.quantity, 't3.1.total');
    assert.equal(sliceAt(text, c.range), '未收到');
    assert.deepEqual(loud(check(text).findings), []);
  });

  it('002: 受理依申请公开事项69件 agrees with neither 63 new nor 64 with the carried-over', () => {
    const { text } = seed('002');
    const f = flagged(text, '受理依申请公开事项69件', '69');
    assert.match(f.message, /63/);
    assert.match(f.message, /64/);
    assert.equal(f.fix!.edits[0].newText, '63');
    assert.equal(loud(prose(text)).length, 1);
  });

  it('003: 已答复17件, 行政复议申请0件 and 行政诉讼案件0件 disagree; 申请总数为19件 agrees', () => {
    const { text } = seed('003');
    assert.match(flagged(text, '已答复17件', '17').message, /18/);
    assert.match(flagged(text, '行政复议申请0件', '0').message, /9/);
    assert.match(flagged(text, '行政诉讼案件0件', '0').message, /25/);
    found(text, '申请总数为19件', '19', 't3.1.total', 19);
    assert.equal(loud(prose(text)).length, 3);
  });

  it('004: 收到依申请公开件6件 and 6件已办理完毕 agree; 当面 3 + 邮件 3 make the 6', () => {
    const { text } = seed('004');
    found(text, '收到依申请公开件6件', '6', 't3.1.total', 6);
    found(text, '6件已办理完毕', '6', 't3.3.7.total', 6);
    const claims = check(text).report.claims;
    const total = claims.indexOf(claimAt(claims, at(text, '收到依申请公开件6件', '6'))!);
    const parts = claims.filter((c) => c.partOf === total);
    assert.deepEqual(parts.map((p) => [p.quantity, p.value]), [['channel', 3], ['channel', 3]]);
    assert.deepEqual(prose(text), []);
  });

  it('no other prose finding on any seed', () => {
    const expected: Record<string, number> = { '000': 1, '001': 0, '002': 1, '003': 3, '004': 0 };
    for (const { name, text } of SEEDS) assert.equal(prose(text).length, expected[name.slice(0, 3)], name);
  });
});

// Seed 002's tables: 63 new + 1 carried over, 58 concluded (20 予以公开, 5 部分公开, 1 不予公开,
// 30 无法提供, 2 不予处理), 6 carried forward; 2 reviews (upheld), 3 direct lawsuits (corrected);
// 1092 penalty decisions, 0 licensing decisions, 3 normative documents in force.
const T = seed('002').text;
const withProse = (line: string) => T.replace('一、总体情况\n', `一、总体情况\n${line}\n`);
const proseOn = (line: string) => {
  const text = withProse(line);
  const row = text.split('\n').indexOf(line);
  return { text, findings: prose(text).filter((f) => f.range.start.line === row), claims: check(text).report.claims.filter((c) => c.range.start.line === row) };
};
const quantities = (claims: Claim[]) => claims.filter((c) => !['other', 'channel', 'applicant'].includes(c.quantity)).map((c) => `${c.quantity}=${c.value}`);

describe('traps: what the prose means, not the first number after a keyword', () => {
  const agree: [string, string, string[]][] = [
    ['收到 may mean new + carried over', '本年度共收到政府信息公开申请64件，其中上年结转1件。', ['t3.1.total=64', 't3.2.total=1']],
    ['…or only the new ones', '本年度共收到政府信息公开申请63件。', ['t3.1.total=63']],
    ['含 names what the total includes', '本年度受理政府信息公开申请64件（含上年结转1件）。', ['t3.1.total=64', 't3.2.total=1']],
    ['相关案件 counts reviews and lawsuits together', '本年度发生政府信息公开行政复议、行政诉讼相关案件5件。', ['t4.all.total=5']],
    ['行政诉讼 is direct + after review', '本年度行政复议2件，行政诉讼3件。', ['t4.review.total=2', 't4.suit.total=3']],
    ['a lawsuit after a review names both words but counts one', '申请人不服复议决定提起行政诉讼3件。', ['t4.all.total=3']],
    ['备案 documents are not the documents issued', '全年备案审查规范性文件12件。', []],
    ['a percentage of a stated denominator is not a count', '予以公开20件，占办结总数的34.5%，同比增加5件。', ['t3.3.1.total=20']],
    ['a change is not a count', '受理申请数量较去年增加12件。', []],
    ['last year’s figures are not this year’s; this year’s after them are', '2023年受理申请50件，2024年受理申请63件。', ['t3.1.total=63']],
    ['本年度 names this year again', '2023年受理申请50件，本年度受理申请63件。', ['t3.1.total=63']],
    ['a comparison with an earlier year speaks of its own clause', '全年受理申请63件，比2023年的50件有所增加，办结58件。', ['t3.1.total=63', 't3.3.7.total=58']],
    ['上年度 and spans of years count other years', '上年度共收到申请40件，办结38件；近3年累计受理申请150件，近三年累计收到申请一百五十件，历年累计受理申请420件。', []],
    ['parts of the year are not the year', '第一季度受理申请20件；上半年共受理申请30件；1-6月受理申请30件；12月份受理申请5件。', []],
    ['…the whole of it is', '2024年1月至12月，共受理申请63件。', ['t3.1.total=63']],
    ['一年来 is this year, 二〇二三年 another', '一年来，共受理申请63件；二〇二三年受理申请50件。', ['t3.1.total=63']],
    ['a ； ends what a year speaks of', '2023年受理申请50件；全年受理申请63件。', ['t3.1.total=63']],
    ['a later year inside a clause speaks of that clause', '结转到2025年办理的6件，行政复议2件。', ['t3.4.total=6', 't4.review.total=2']],
    ['after a date past the period, only what is carried forward', '截至2025年1月，已办结60件，仍有6件正在办理。', ['t3.4.total=6']],
    ['approximate figures are not claims', '受理申请约70件，办结60余件，其他处理10件以上。', []],
    ['a 其中 list may name only some parts', '全年收到申请64件，其中自然人申请60件。', ['t3.1.total=64']],
    ['two outcomes joined by 及 count together', '予以公开及部分公开25件，不予公开1件。', ['t3.3.1+3.2.total=25', 't3.3.3.total=1']],
    ['顺延到下年度 is carried forward, not concluded', '答复58件，另有6件顺延到下年度答复。', ['t3.3.7.total=58', 't3.4.total=6']],
    ['none lost is not none at all', '本年度未发生行政复议被纠错的情况。', ['t4.review.corrected=0']],
    ['complete outcome lists add up', '办结58件，其中予以公开20件，部分公开5件，不予公开1件，无法提供30件，不予处理2件。', ['t3.3.7.total=58', 't3.3.1.total=20', 't3.3.2.total=5', 't3.3.3.total=1', 't3.3.4.total=30', 't3.3.5.total=2']],
    ['Chinese numerals', '本年新收政府信息公开申请六十三件，上年结转一件，行政复议两件。', ['t3.1.total=63', 't3.2.total=1', 't4.review.total=2']],
    ['full-width digits', '全年受理依申请公开６３件，办结５８件，结转下年度继续办理６件。', ['t3.1.total=63', 't3.3.7.total=58', 't3.4.total=6']],
    ['the number before its keyword', '另有6件结转下年度继续办理。', ['t3.4.total=6']],
    ['a number that is the subject of 均 is not the count of 办结', '63件申请均在法定期限内答复。', []],
    ['results of the reviews', '行政复议2件，其中结果维持2件。', ['t4.review.total=2', 't4.review.upheld=2']],
    ['均获维持 against table 4', '本年度行政复议2件，均获维持。', ['t4.review.total=2', 't4.review.corrected+other+pending=0']],
    ['table 2 figures', '全年作出行政处罚决定1092件，行政许可0件，现行有效规范性文件3件。', ['t2.penalty.decisions=1092', 't2.licensing.decisions=0', 't2.normative.in_force=3']],
    ['counts of other things are not claims', '全年公开行政处罚信息1000条，在20个村设立公开栏，受理咨询和来信120件。', []],
    ['dates and ordinals are not claims', '第1件申请于3月受理，2024年1月31日前答复。', []],
    ['a reason named with its group may count either', '其中因本机关不掌握相关政府信息无法提供28件，没有现成信息需要另行制作2件。', ['t3.3.4.total=28', 't3.3.4.2.total=2']],
    ['ranges, per-month figures and numbers cut at a separator are not claims', '全年作出行政处罚决定1，092件，受理申请3-5件，每月受理申请5至6件。', []],
    ['a part named by its total’s own word is no total', '行政诉讼3件，其中2件一审判决驳回原告诉讼请求。', ['t4.suit.total=3']],
    ['a bare sum after new and carried over is theirs', '本年度新收申请63件，上年结转1件，合计64件。', ['t3.1.total=63', 't3.2.total=1', 't3.1+2.total=64']],
    ['a thing named by an outcome’s word is no count', '全镇设置部分公开栏3个，对不予公开的事项清单3项进行了梳理。', []],
    ['网络问政, and the body as the reviewing authority, are not the tables’ figures', '答复网络问政200件，本机关作为复议机关办理行政复议案件20件。', []],
    ['complaints about applications are not applications', '本年度共处理政府信息公开申请相关投诉2件。', []],
    ['other things received, and answers given late, are not the counts', '收到申请的部门有3个，收到补正材料2件；全年共收到申请63件，延期答复3件，延期办结0件。', ['t3.1.total=63']],
    ['the state at the time of writing is not the year’s', '本年度共收到申请63件，截至发稿时已全部办结；截至目前，尚有2件正在办理。', ['t3.1.total=63']],
    ['a note in brackets of what is included leaves the scope open', '其中予以公开（含部分公开）25件；受理申请（含上年结转）64件；行政复议（含行政诉讼）5件。', []],
    ['figures given respectively are each their word’s, in order', '不予公开、无法提供、不予处理的分别为1件、30件、2件。', ['t3.3.3.total=1', 't3.3.4.total=30', 't3.3.5.total=2']],
    ['reviews and lawsuits given respectively', '本年度政府信息公开行政复议、行政诉讼分别为2件和3件。', ['t4.review.total=2', 't4.suit.total=3']],
    ['results given respectively belong to the review before them', '行政复议结果维持、纠正的分别为2件、0件。', ['t4.review.upheld=2', 't4.review.corrected=0']],
    ['documents given respectively take the clause’s verb', '全年制发规章、规范性文件分别为0件、0件。', ['t2.regulations.issued=0', 't2.normative.issued=0']],
    ['words and figures given respectively but not as many are not paired', '予以公开、部分公开、不予公开的分别为20件、5件。', []],
    ['applicants given respectively are parts no claim names', '自然人、法人或其他组织提出的申请分别为58件、5件。', []],
    ['percentages given respectively are no counts', '予以公开、部分公开的分别占31.7%、7.9%。', []],
    ['what an applicant did not send is not none received', '有3件申请因未收到申请人的补正材料而终止办理，未收到申请人对答复的异议。', []],
    ['a bracket right after a figure lists its parts', '本年度政府信息公开行政复议2件（维持2件），行政诉讼3件（其中直接起诉3件）。', ['t4.review.total=2', 't4.review.upheld=2', 't4.suit.total=3', 't4.suit_direct.total=3']],
    ['outcomes under the applications received need not add up to them', '全年共受理申请63件，其中予以公开20件，部分公开5件，不予公开1件，无法提供30件，不予处理2件。', ['t3.1.total=63', 't3.3.1.total=20', 't3.3.2.total=5', 't3.3.3.total=1', 't3.3.4.total=30', 't3.3.5.total=2']],
    ['a unit inside a word is no count', '受理申请后一次性告知申请人补正，推进“一件事一次办”。', []],
    ['在办理中 is carried forward', '本年度共收到申请63件，尚有6件在办理中。', ['t3.1.total=63', 't3.4.total=6']],
    ['an application’s word about a review counts neither', '全年办理政府信息公开行政复议答复2件。', []],
    ['applications for other things, and 办件量, are not claims', '全年受理群众申请低保20件，行政许可办件量5000件。', []],
    ['a negated adverb is not a zero claim', '对未及时受理的申请进行了整改。', []],
    ['applications named without a verb', '本年度，本机关共有政府信息公开申请63件，办结政府信息公开申请58件。', ['t3.1.total=63', 't3.3.7.total=58']],
    ['an applicant’s applications named without a verb are a part', '本年度政府信息公开申请63件，其中自然人政府信息公开申请58件。', ['t3.1.total=63']],
    ['an aside on last year’s figure speaks of the figure before it', '全年共收到政府信息公开申请63件，上年度为40件，办结58件。', ['t3.1.total=63', 't3.3.7.total=58']],
    ['last year’s figures with their own words go on to the sentence’s end', '上年度受理申请40件，办结38件。', []],
    ['last year named alone before its figures', '上年度，本机关共受理政府信息公开申请40件。', []],
    ['an applicant’s applications alone are no total', '自然人提出的政府信息公开申请58件，法人或其他组织提出的政府信息公开申请5件。', []],
    ['applications of people and organisations are all of them', '全年共收到公民、法人和其他组织提出的政府信息公开申请63件。', ['t3.1.total=63']],
    ['an organisation’s applications received are a part', '本年度收到法人或其他组织的政府信息公开申请5件。', []],
    ['complaints about applications named without a verb are not applications', '涉及政府信息公开申请的投诉2件。', []],
  ];
  for (const [why, line, claims] of agree) {
    it(`${why}: ${line}`, () => {
      const r = proseOn(line);
      assert.deepEqual(quantities(r.claims), claims);
      assert.deepEqual(r.findings, []);
    });
  }

  const disagree: [string, string, string, string, RegExp][] = [
    ['收到 that is neither reading', '本年度共收到政府信息公开申请70件。', '70', 'prose-mismatch', /63.*64/],
    ['本年新收 is only the new ones', '本年新收政府信息公开申请64件。', '64', 'prose-mismatch', /63/],
    ['a lawsuit count', '本年度行政诉讼二件。', '二', 'prose-mismatch', /3 件/],
    ['a part of a complete list', '办结58件，其中予以公开20件，部分公开5件，不予公开1件，无法提供40件，不予处理2件。', '40', 'prose-mismatch', /30/],
    ['代表…受理 is only a hint', '区政府办公室代表区政府受理政府信息公开申请500件。', '500', 'prose-unclear', /63/],
    ['办理 is only a hint', '全年办理依申请公开30件。', '30', 'prose-unclear', /58/],
    ['the villages’ applications are only a hint, through a bracket', '各村（社区）受理政府信息公开申请共计10件。', '10', 'prose-unclear', /63/],
    ['a bare sum after new and carried over', '本年度新收申请63件，上年结转1件，共计65件。', '65', 'prose-mismatch', /合计为 64 件/],
    ['a part in brackets', '行政诉讼3件（纠正2件）。', '2', 'prose-mismatch', /结果纠正为 3 件/],
    ['a figure given respectively, named by its own word', '行政复议、行政诉讼分别为2件、4件。', '4', 'prose-mismatch', /正文说“行政诉讼…4件”.*行政诉讼.*3 件/],
  ];
  for (const [why, line, digits, code, message] of disagree) {
    it(`${why}: ${line}`, () => {
      const r = proseOn(line);
      assert.equal(r.findings.length, 1, r.findings.map((f) => f.message).join(' | '));
      const [f] = r.findings;
      assert.equal(f.code, code);
      assert.equal(sliceAt(r.text, f.range), digits);
      assert.match(f.message, message);
      assert.equal(f.severity, code === 'prose-unclear' ? 'information' : 'warning');
      if (code === 'prose-unclear') assert.equal(f.fix, undefined);
    });
  }

  it('二十三 in seed 000 (23 new applications) agrees; 二十四 does not, and its fix writes 23', () => {
    const text = seed('000').text.replace('受理依申请公开 23 件', '受理依申请公开二十三件');
    found(text, '受理依申请公开二十三件', '二十三', 't3.1.total', 23);
    assert.deepEqual(prose(text).filter((f) => f.message.includes('二十三')), []);
    const wrong = text.replace('二十三件', '二十四件');
    const f = flagged(wrong, '受理依申请公开二十四件', '二十四');
    assert.equal(f.fix!.edits[0].newText, '23');
  });

  it('zero claims: 未收到 申请, 无 行政诉讼, 未发生 复议和诉讼', () => {
    for (const [line, words, total] of [
      ['本年度未收到政府信息公开申请。', '未收到', 63],
      ['本年度无政府信息公开行政诉讼。', '无政府信息公开行政诉讼', 3],
      ['本年度未发生政府信息公开行政复议和行政诉讼。', '未发生政府信息公开行政复议和行政诉讼', 5],
      ['本年度未发生行政复议被纠错或行政诉讼败诉情形。', '未发生行政复议被纠错或行政诉讼败诉', 3],
    ] as const) {
      const r = proseOn(line);
      assert.equal(r.findings.length, 1, line);
      assert.equal(sliceAt(r.text, r.findings[0].range), words);
      assert.match(r.findings[0].message, new RegExp(`为 ${total} 件`));
      assert.equal(r.findings[0].fix, undefined, 'a zero claim needs rewording, not a number');
    }
  });

  it('均已办结 with applications carried forward, 均胜诉 with lawsuits lost', () => {
    const done = proseOn('全年受理申请64件，均已办结。');
    assert.deepEqual(done.findings.map((f) => sliceAt(done.text, f.range)), ['均已办结']);
    assert.match(done.findings[0].message, /结转下年度继续办理为 6 件/);
    // A sentence that opens with 均 speaks of the figure the one before ended with.
    const next = proseOn('全年受理申请64件。均已办结。');
    assert.deepEqual(next.findings.map((f) => sliceAt(next.text, f.range)), ['均已办结']);
    assert.deepEqual(proseOn('行政诉讼3件。均已办结。').findings, []);
    // One statement, one finding: 全部 and 均 say it together.
    const both = proseOn('全部申请均已办结。');
    assert.deepEqual(both.findings.map((f) => sliceAt(both.text, f.range)), ['均已办结']);
    const won = proseOn('本年度行政复议2件，均获维持；行政诉讼3件，均胜诉。');
    assert.deepEqual(won.findings.map((f) => sliceAt(won.text, f.range)), ['均胜诉']);
    assert.match(won.findings[0].message, /结果纠正 3 件/);
  });

  it('breakdowns: parts above the total, and channels that do not cover it', () => {
    const over = proseOn('本年度收到申请64件，其中当面申请30件，网上申请40件。');
    assert.deepEqual(over.findings.map((f) => f.code), ['prose-breakdown']);
    assert.match(over.findings[0].message, /合计 70 件，超过了总数 64 件/);
    const under = proseOn('本年度收到申请64件，其中当面申请30件，网上申请30件。');
    assert.deepEqual(under.findings.map((f) => f.code), ['prose-breakdown']);
    assert.match(under.findings[0].message, /少于总数 64 件/);
    const items = proseOn('全年发布信息500条，其中网站发布300条，公众号发布150条；其他渠道发布100条。');
    assert.deepEqual(items.findings.map((f) => f.code), ['prose-breakdown']);
    assert.deepEqual(proseOn('全年发布信息2488条，其中网站1855条；公众号129条。').findings, []);
    // After a ；, a figure of nothing named does not go on a list of applications (其他…, 其中… do);
    // a list of items goes on.
    assert.deepEqual(proseOn('全年办结58件；其中予以公开20件；对30件申请发出补正通知，收到补正材料20件。').findings, []);
    assert.deepEqual(proseOn('全年发布信息500条，其中网站发布300条；公众号发布250条。').findings.map((f) => f.code), ['prose-breakdown']);
  });

  it('a second 其中 after the parts of a total lists more parts of that total, not of the last part', () => {
    // The seed's figures: 64 received (58 from natural persons, 6 from organisations), by channel.
    const lists = (channels: string) => proseOn(`本年度收到申请64件，其中自然人申请58件，法人或其他组织申请6件；其中${channels}。`);
    assert.deepEqual(lists('当面申请4件，网上申请58件，信函申请2件').findings, []);
    const over = lists('当面申请4件，网上申请60件，信函申请2件');
    assert.deepEqual(over.findings.map((f) => f.code), ['prose-breakdown']);
    assert.match(over.findings[0].message, /“收到申请64件”之下.*合计 66 件，超过了总数 64 件/);
    // A part that has parts of its own keeps them: 其中 after 不予公开 lists its reasons.
    const { claims } = check(withProse('全年办结58件，其中予以公开20件，不予公开1件，其中属于国家秘密1件。')).report;
    const secret = claims.find((c) => c.phrase.includes('国家秘密'))!;
    assert.match(claims[secret.partOf!].phrase, /不予公开1件/);
  });
});

describe('the tables are skipped by their offsets', () => {
  it('a table that starts and ends inside a line (flattened text) leaves the prose around it on that line', () => {
    const text = '2023年政府信息公开工作年度报告 本年度受理政府信息公开申请5件。表三 受理申请9件，办结9件 行政复议2件。';
    const idx = new LineIndex(text);
    const report = parseReport(text, idx);
    const start = text.indexOf('表三'), end = text.indexOf('办结9件') + 4;
    report.tables.t3 = { key: 't3', version: '2021', range: idx.range(start, end), rows: {}, problems: [] };
    const claims = extractClaims(text, idx, report);
    assert.deepEqual(claims.map((c) => `${c.quantity}=${c.value}`), ['t3.1.total=5', 't4.review.total=2']);
    assert.deepEqual(claims.map((c) => sliceAt(text, c.range)), ['5', '2']);
  });
});

describe('the vocabulary', () => {
  it('names each word once', () => {
    const words = [...CLAIM_KINDS.flatMap((k) => k.words), ...Object.values(MARKERS).flat()];
    assert.deepEqual(words.filter((w, i) => words.indexOf(w) !== i), []);
  });

  it('names only quantities the statutory tables hold', () => {
    const { report } = check(T);
    const only2019 = /\.(made|total_published)$/;
    const keys = CLAIM_KINDS.flatMap((k) => [k.quantity, ...(k.alternatives ?? []), ...(k.byVerb ?? []).flatMap((v) => [v.quantity, ...(v.alternatives ?? [])])]);
    for (const key of keys) if (key && !only2019.test(key)) assert.ok(readQuantity(report, key), key);
    for (const column of ['upheld', 'corrected', 'other', 'pending']) assert.ok(readQuantity(report, `t4.all.${column}`));
  });
});

describe('numbers as prose writes them', () => {
  it('reads Chinese numerals', () => {
    for (const [s, v] of [['二十三', 23], ['两', 2], ['十二', 12], ['一百零五', 105], ['十', 10], ['三千零二', 3002], ['一万二千', 12000], ['二三', 23]] as const) {
      assert.equal(chineseValue(s), v, s);
    }
  });

  it('tells counts from years, dates, percentages and ordinals', () => {
    const read = (s: string) => readNumber(s, 0)!;
    assert.deepEqual([read('２３件').value, read('２３件').form, read('２３件').unitClass], [23, 'fullwidth', 'count']);
    assert.equal(read('2,488条').value, 2488);
    assert.equal(read('30.62万元').unitClass, 'money');
    assert.equal(read('2023年').year, 2023);
    assert.ok(read('2023年').notCount && read('23%').notCount && read('12月').notCount);
    assert.ok(readNumber('第3件', 1)!.notCount);
    assert.equal(readNumber('一是', 0), undefined);
    assert.equal(read('20个村').unitClass, 'other');
    assert.equal(read('20个申请').unitClass, 'count');
    assert.ok(read('70余件').approx);
    assert.ok(readNumber('3-5件', 2)!.approx && readNumber('五至六件', 2)!.approx);
    assert.ok(readNumber('1，092件', 2)!.notCount && readNumber('1 092件', 2)!.notCount && read('092件').notCount);
    assert.equal(readNumber('二〇二三年', 0)!.year, 2023);
    assert.ok(readNumber('6３件', 1)!.notCount);
    assert.ok(read('3年').span && readNumber('近三年', 1)!.span && !readNumber('一年来', 0)?.span);
  });
});

describe('fixes', () => {
  it('write the table value in the author’s style', () => {
    const style = (line: string) => proseOn(line).findings[0].fix!.edits[0].newText;
    assert.equal(style('本年新收政府信息公开申请６４件。'), '６３');
    assert.equal(style('本年新收政府信息公开申请六十四件。'), '63');
    assert.equal(style('本年新收政府信息公开申请 64 件。'), '63');
  });

  it('property: a mistake injected into any recognised claim of any seed is found once and fixed', () => {
    const key = (f: Finding) => `${f.code}@${f.range.start.line}:${f.message}`;
    for (const { name, text } of SEEDS) {
      const { report } = check(text);
      const figures = report.claims.filter((c) => (c.form === 'arabic' || c.form === 'fullwidth' || c.form === 'chinese') &&
        !c.unclear && readQuantity(report, c.quantity));
      assert.ok(figures.length > 0 || name.startsWith('001'), `${name} has figures`);
      for (const c of figures) {
        const accepted = [c.quantity, ...(c.alternatives ?? [])].map((q) => readQuantity(report, q)?.value);
        fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), (wrong) => {
          fc.pre(!accepted.includes(wrong));
          const mutated = applyEdits(text, [{ range: c.range, newText: String(wrong) }]);
          const before = check(mutated).findings;
          const on = before.filter((f) => PROSE.has(f.code) && f.range.start.line === c.range.start.line &&
            f.range.start.character === c.range.start.character);
          assert.equal(on.length, 1, `${name} ${c.phrase} → ${wrong}`);
          assert.equal(on[0].code, 'prose-mismatch');
          assert.ok(on[0].fix, `${name} ${c.phrase}: a fix`);
          const after = check(applyEdits(mutated, on[0].fix.edits)).findings;
          const expected = before.filter((f) => f !== on[0]).map(key).sort();
          assert.deepEqual(after.map(key).sort(), expected, `${name} ${c.phrase} → ${wrong}: the fix adds nothing`);
        }), { numRuns: 15 });
      }
    }
  });
});

describe('any text', () => {
  // Pieces of prose claims, so that random strings reach every branch of the reader.
  const piece = fc.constantFrom('受理', '收到', '申请', '依申请公开', '件', '条', '个', '其中', '含', '（', '）', '，', '。', '；', '、', ' ',
    '\n', '均已办结', '均胜诉', '未收到', '无', '不存在', '行政复议', '行政诉讼', '案件', '予以公开', '结转下年度', '上年结转', '维持',
    '规范性文件', '制发', '行政处罚', '万元', '约', '余', '%', '第', '2023年', '2,488', '3.5', '２３', '二十三', '两', '十', '百', '0', '7', '64',
    '代表', '同比', '各', '备案', '上年度', '本年度', '近', '3年', '三年', '季度', '-', '至', '1，092', '各村', '2025年', '合计', '办理中', '复议机关');
  const drafty = fc.array(fc.oneof(piece, fc.string({ maxLength: 3 })), { maxLength: 300 }).map((p) => p.join(''));

  it('never throws, and its ranges and fixes stay inside the text', () => {
    fc.assert(fc.property(drafty, fc.boolean(), (prose, inSeed) => {
      const text = inSeed ? withProse(prose) : prose;
      const { report, findings } = check(text);
      const idx = new LineIndex(text);
      const inside = (r: Range) => idx.offset(r.start) <= idx.offset(r.end) && idx.offset(r.end) <= text.length &&
        r.end.character <= idx.lineText(r.end.line).length;
      for (const c of report.claims) assert.ok(inside(c.range) && sliceAt(text, c.range) === c.raw, c.phrase);
      for (const f of findings) if (f.fix) applyEdits(text, f.fix.edits);
    }), { numRuns: 400 });
  });

  it('grows linearly with the prose, whatever its shape', async () => {
    const shapes: Record<string, (n: number) => string> = {
      'paragraphs of claims': (n) => withProse('本年度共收到政府信息公开申请64件，其中当面申请30件，网上申请34件；办结58件，均已办结。行政复议2件、行政诉讼3件，均胜诉。'.repeat(n / 4)),
      'one clause of many figures': (n) => '行政复议2件行政诉讼3件受理申请5件'.repeat(n),
      'one long 其中 list': (n) => '收到申请64件，其中' + '当面申请3件，'.repeat(n),
      'negations without end': (n) => '未收到'.repeat(n) + '申请',
      'all without end': (n) => '均'.repeat(n) + '已办结',
      'a run of digits': (n) => '受理申请' + '1'.repeat(n * 10) + '件',
      'a run of Chinese numerals': (n) => '受理申请' + '一'.repeat(n * 10) + '件',
      'respectively without end': (n) => '行政复议、行政诉讼分别为2件、3件'.repeat(n) + '分别'.repeat(n * 5),
      'years and ranges without end': (n) => '受理申请63件，'.repeat(n) + '2023年1-6月3至5件，本年度上年度'.repeat(n),
    };
    for (const [name, make] of Object.entries(shapes)) await assertLinear(name, make);
  });
});
