import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { attackRound, report, show, type Case, type Guard } from './proseReport';

// The fifth round on the prose: what the fourth left. A figure in brackets after its keyword (现行有效规范性文件（698件）),
// results said in other words (复议机关维持原行政行为, 结果为驳回, …与上年持平，未被纠错), a figure of those answered on time
// (按期答复10件: some of those answered, not their count), and a statistical period whose year is in Chinese numerals.
// As in proseAttack4.test.ts: each sentence is TRUE in its report (no prose warning), then one figure is changed so that it
// is FALSE, and a warning must name the numbers that disagree; the guards are true sentences near the new readings.

const CASES: Case[] = [
  // ---- a figure in brackets after its keyword ----
  { id: 'B1 现行有效规范性文件（698件）', prose: '本年度现行有效规范性文件（698件）。', t2: { normative: [0, 0, 698] }, bad: { t2: { normative: [0, 0, 690] }, names: ['698', '690'] } },
  { id: 'B2 制发规范性文件（3件）', prose: '本年度制发规范性文件（3件），现行有效规范性文件（12件）。', t2: { normative: [3, 0, 12] }, bad: { t2: { normative: [2, 0, 12] }, names: ['3', '2'] } },
  { id: 'B3 受理申请（6件）已办理完毕', prose: '本年度受理申请（6件）已办理完毕。', t3: { new: 6, pub: 6 }, bad: { t3: { new: 7, pub: 7 }, names: ['6', '7'] } },
  { id: 'B4 行政复议案件（2件）', prose: '本年度发生行政复议案件（2件）。', t4: { review: [2, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0] }, names: ['2', '1'] } },
  // ---- results said in other words ----
  { id: 'R1 复议机关维持原行政行为', prose: '本机关被申请行政复议1件，复议机关维持原行政行为。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'R2 经复议机关决定维持', prose: '行政复议1件，经复议机关决定维持本机关的答复。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'R3 复议机关驳回复议申请 (another result)', prose: '行政复议1件，复议机关驳回复议申请。', t4: { review: [0, 0, 1, 0] }, bad: { t4: { review: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'R4 结果为驳回 (upheld)', prose: '本年度发生行政复议1件，结果为驳回。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'R5 结果均为驳回原告诉讼请求', prose: '本年度发生行政诉讼2件，结果均为驳回原告诉讼请求。', t4: { direct: [2, 0, 0, 0] }, bad: { t4: { direct: [1, 0, 0, 1] }, names: ['1'] } },
  { id: 'R6 与上年持平，未被纠错', prose: '本年度发生行政复议1件，与上年持平，未被纠错。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'R7 与上年持平 before 办结', prose: '本年度共收到申请12件，与上年持平，办结12件。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 12, pub: 11, fwd: 1 }, names: ['12', '11'] } },
];

const GUARDS: Guard[] = [
  { id: 'G1 复议机关撤销原行政行为 (not upheld)', prose: '行政复议1件，复议机关撤销原行政行为。', t4: { review: [0, 1, 0, 0] } },
  { id: 'G2 结果为驳回，原告已上诉 (still pending)', prose: '行政诉讼1件，一审结果为驳回，原告已上诉。', t4: { direct: [0, 0, 0, 1] } },
  { id: 'G3 复议机关维持…，已上诉 after a review', prose: '行政复议1件，复议机关维持原行政行为，申请人不服提起上诉。', t4: { review: [0, 0, 0, 1] } },
  { id: 'G4 其中1件复议机关维持 (a part)', prose: '行政复议2件，其中1件复议机关维持原行政行为。', t4: { review: [1, 1, 0, 0] } },
  { id: 'G5 复议机关维持 after a lawsuit (the review is not this body)', prose: '本年度发生行政诉讼1件，复议机关维持原行政行为。', t4: { after: [0, 1, 0, 0] } },
  { id: 'G6 作为复议机关 (its own role)', prose: '作为行政复议机关，本年度受理行政复议案件3件，复议机关维持原行政行为。', t4: { review: [0, 1, 0, 0] } },
  { id: 'G7 复议机关部分维持', prose: '行政复议1件，复议机关维持部分答复内容并责令重新答复。', t4: { review: [0, 1, 0, 0] } },
  { id: 'G8 按期答复10件 of 12 answered', prose: '收到申请12件，按期答复10件，延期答复2件。', t3: { new: 12, pub: 12 } },
  { id: 'G9 其中按时答复10件', prose: '收到申请12件，其中按时答复10件。', t3: { new: 12, pub: 12 } },
  { id: 'G10 在法定期限内予以答复11件', prose: '收到申请12件，在法定期限内予以答复11件，延期答复1件。', t3: { new: 12, pub: 12 } },
];

attackRound(5, CASES, GUARDS);

describe('prose attack 5: a part answered on time is no hint either', () => {
  it('答复12件，其中按期答复10件，延期答复2件', () => {
    const found = check(report('本年度答复12件，其中按期答复10件，延期答复2件。', { new: 12, pub: 12 })).findings.filter((f) => f.code.startsWith('prose'));
    assert.deepEqual(found, [], show(found));
  });
});

describe('prose attack 5: a statistical period with its year in Chinese numerals', () => {
  const years = (prose: string) => check(report(prose, { new: 2, pub: 2 })).findings.filter((f) => f.code === 'year-mismatch');
  it('二〇二二年1月1日至12月31日 in a 2023 report: the year is named, the fix keeps the numerals', () => {
    const found = years('本报告统计期限为二〇二二年1月1日至12月31日。');
    assert.equal(found.length, 1, show(found));
    assert.match(found[0].message, /二〇二二年/);
    assert.equal(found[0].fix?.edits[0].newText, '二〇二三');
  });
  it('二零二二年一月一日至二零二二年十二月三十一日: both years', () => {
    assert.equal(years('本报告统计期限为二零二二年一月一日至二零二二年十二月三十一日。').length, 2);
  });
  it('二〇二三年1月1日至12月31日 in a 2023 report: nothing', () => {
    assert.deepEqual(years('本报告统计期限为二〇二三年1月1日至12月31日。'), []);
  });
  it('上年度（二〇二二年1月1日至12月31日）: last year named as such', () => {
    assert.deepEqual(years('上年度（二〇二二年1月1日至12月31日）共收到申请2件。'), []);
  });
});
