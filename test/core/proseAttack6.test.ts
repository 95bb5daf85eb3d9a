import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { quantityValue } from '../layouts/prose';
import { EXPECTED } from './expected';
import { attackRound, loud, report, show, type Case, type Guard, type T3 } from './proseReport';

// The sixth round on the prose. First what the fifth left: 驳回 with its count among the results, a result said as a sentence
// of its own (结果为维持。 复议机关维持原行政行为。), a number cut by a page number between blank lines. Then the seeds' figures
// written the ways reports write them: comparisons, percentages, ranges, approximations, counts of other things, other
// periods, a sub-office's figure, Chinese numerals (两, 〇, 一两件), negations, figures before their noun, 分别为, a note
// under a table. As in proseAttack5.test.ts: each sentence is TRUE in its report (no prose warning), then one figure is
// changed so that it is FALSE, and a warning must name the numbers that disagree; the guards are true sentences near them.

const CASES: Case[] = [
  // ---- left by the fifth round ----
  { id: 'A1 结果为维持1件、驳回1件 (驳回 a part)', prose: '本年度发生行政复议2件，结果为维持1件、驳回1件。', t4: { review: [1, 0, 1, 0] }, bad: { prose: '本年度发生行政复议2件，结果为维持1件、驳回2件。', names: ['3', '2'] } },
  { id: 'A2 结果为驳回1件 (the whole)', prose: '本年度发生行政复议1件，结果为驳回1件。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'A3 结果为维持。 a sentence of its own', prose: '本年度发生行政复议1件。结果为维持。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'A4 复议机关维持原行政行为。 a sentence of its own', prose: '本机关被申请行政复议1件。复议机关维持原行政行为。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'A5 结果均为驳回原告诉讼请求。 a sentence of its own', prose: '本年度发生行政诉讼2件。结果均为驳回原告诉讼请求。', t4: { direct: [2, 0, 0, 0] }, bad: { t4: { direct: [1, 1, 0, 0] }, names: ['1'] } },
  { id: 'A6 a number cut by 第 3 页 between blank lines', prose: '本年度共收到政府信息公开申请1\n\n第 3 页\n\n2件，其中予以公开10件，部分公开2件。', t3: { new: 12, pub: 10, part: 2 }, bad: { t3: { new: 13, pub: 11, part: 2 }, names: ['12', '13'] } },
  { id: 'A7 a number cut by - 3 - between blank lines', prose: '本年度共收到政府信息公开申请1\n\n- 3 -\n\n2件，办结12件。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 11, pub: 11 }, names: ['12', '11'] } },
  // ---- comparisons: the difference is no count, the figures around it are ----
  { id: 'C1 比上年减少3件 between two counts', prose: '共收到申请12件，比上年减少3件，办结12件。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 12, pub: 11, fwd: 1 }, names: ['12', '11'] } },
  { id: 'C2 同比增加5件，增长71.4%', prose: '本年度新收政府信息公开申请12件，同比增加5件，增长71.4%。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 10, pub: 10 }, names: ['12', '10'] } },
  { id: 'C3 较上年的7件 after the count', prose: '收到申请12件，较上年的7件有所增加。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 11, pub: 11 }, names: ['12', '11'] } },
  // ---- percentages and ratios beside counts ----
  { id: 'P1 占申请总数的83.3%', prose: '共收到申请12件，其中予以公开10件，占申请总数的83.3%。', t3: { new: 12, pub: 10, w4: 2 }, bad: { t3: { new: 12, pub: 9, w4: 3 }, names: ['10', '9'] } },
  { id: 'P2 (占比16.7%) in brackets', prose: '共收到申请12件，不予公开2件（占比16.7%），予以公开10件。', t3: { new: 12, pub: 10, w4: 2 }, bad: { t3: { new: 12, pub: 9, w4: 3 }, names: ['2', '3'] } },
  // ---- Chinese numerals ----
  { id: 'N1 结转两件', prose: '共收到申请十二件，办结十件，结转下年度两件。', t3: { new: 12, pub: 10, fwd: 2 }, bad: { t3: { new: 12, pub: 11, fwd: 1 }, names: ['两件', '1'] } },
  { id: 'N2 行政诉讼两起', prose: '本年度发生行政诉讼两起。', t4: { direct: [1, 0, 0, 1] }, bad: { t4: { direct: [1, 0, 0, 0] }, names: ['两起', '1'] } },
  // ---- negations ----
  { id: 'Z1 未发生因政府信息公开引起的行政复议、行政诉讼', prose: '本年度未发生因政府信息公开引起的行政复议、行政诉讼。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['0', '1'] } },
  { id: 'Z2 没有收到政府信息公开申请', prose: '本年度没有收到政府信息公开申请。', bad: { t3: { new: 1, pub: 1 }, names: ['0', '1'] } },
  { id: 'Z3 行政复议、行政诉讼均无', prose: '本年度行政复议、行政诉讼均无。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['0', '1'] } },
  { id: 'Z4 未被申请行政复议', prose: '本机关政府信息公开工作未被申请行政复议。', bad: { t4: { review: [0, 1, 0, 0] }, names: ['0', '1'] } },
  // ---- figures before their noun, or after a relative clause ----
  { id: 'F1 受理申请人提出的政府信息公开申请18件', prose: '本年度共受理申请人提出的政府信息公开申请18件，均已办结。', t3: { new: 18, pub: 18 }, bad: { t3: { new: 19, pub: 19 }, names: ['18', '19'] } },
  { id: 'F2 18件申请已全部办结', prose: '本年度18件申请已全部办结。', t3: { new: 18, pub: 18 }, bad: { t3: { new: 18, pub: 17, fwd: 1 }, names: ['1'] } },
  { id: 'F3 其中2件为重复申请', prose: '收到申请12件，其中2件为重复申请。', t3: { new: 12, pub: 10, n2: 2 }, bad: { t3: { new: 12, pub: 11, n2: 1 }, names: ['2', '1'] } },
  // ---- 分别为 ----
  { id: 'E1 新收申请和上年结转申请分别为10件和2件', prose: '新收申请和上年结转申请分别为10件和2件。', t3: { new: 10, carried: 2, pub: 12 }, bad: { t3: { new: 10, carried: 3, pub: 13 }, names: ['2', '3'] } },
  { id: 'E2 予以公开、不予公开的分别是8件、4件', prose: '予以公开、不予公开的分别是8件、4件。', t3: { new: 12, pub: 8, w4: 4 }, bad: { t3: { new: 12, pub: 9, w4: 3 }, names: ['8', '9'] } },
  { id: 'E3 行政复议、行政诉讼分别为1件、2件', prose: '行政复议、行政诉讼分别为1件、2件。', t4: { review: [1, 0, 0, 0], direct: [2, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] }, names: ['2', '1'] } },
  // ---- a total with the part carried over in brackets ----
  { id: 'K1 共收到申请12件（含上年结转2件）', prose: '本年度共收到申请12件（含上年结转2件），已全部办结。', t3: { new: 10, carried: 2, pub: 12 }, bad: { t3: { new: 10, carried: 2, pub: 11, fwd: 1 }, names: ['1'] } },
  // ---- a figure of the sub-offices beside the body's ----
  { id: 'S1 本机关受理 after 全县', prose: '全县共收到申请50件，本机关收到申请12件。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 11, pub: 11 }, names: ['12', '11'] } },
  // ---- more of the seeds' figures as reports write them ----
  { id: 'M1 其中， opening a sentence of its own', prose: '共收到申请12件。其中，予以公开10件，不予公开2件。', t3: { new: 12, pub: 10, w4: 2 }, bad: { t3: { new: 12, pub: 9, w4: 3 }, names: ['10', '9'] } },
  { id: 'M2 办结率83.3%（10件）', prose: '收到申请12件，办结率83.3%（10件），2件结转下年度办理。', t3: { new: 12, pub: 10, fwd: 2 }, bad: { t3: { new: 12, pub: 9, fwd: 3 }, names: ['10', '9'] } },
  { id: 'M3 2件申请尚在办理中', prose: '共收到申请12件，已办结10件，2件申请尚在办理中。', t3: { new: 12, pub: 10, fwd: 2 }, bad: { t3: { new: 12, pub: 9, fwd: 3 }, names: ['2', '3'] } },
  { id: 'M4 公开行政许可结果、行政处罚结果', prose: '公开行政许可结果100件，行政处罚结果50件。', t2: { licensing: 100, penalty: 50 }, bad: { t2: { licensing: 100, penalty: 40 }, names: ['50', '40'] } },
  { id: 'M5 行政事业性收费30.62万元', prose: '本年度行政事业性收费金额为30.62万元。', t2: { fees: 30.62 }, bad: { t2: { fees: 30.6 }, names: ['30.62', '30.6'] } },
  { id: 'M6 新收…上年结转…合计', prose: '本年度新收政府信息公开申请10件，上年结转2件，合计12件。', t3: { new: 10, carried: 2, pub: 12 }, bad: { prose: '本年度新收政府信息公开申请10件，上年结转2件，合计13件。', names: ['13', '12'] } },
  { id: 'M7 因不掌握相关信息无法提供2件', prose: '收到申请12件，因本机关不掌握相关信息无法提供2件。', t3: { new: 12, pub: 10, u1: 2 }, bad: { t3: { new: 12, pub: 11, u1: 1 }, names: ['2', '1'] } },
  { id: 'M8 被申请行政复议1件，被提起行政诉讼1件', prose: '本机关被申请行政复议1件，被提起行政诉讼1件。', t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0], direct: [0, 0, 0, 0] }, names: ['1', '0'] } },
  { id: 'M9 没有出现行政复议被纠错的情况', prose: '行政复议1件，没有出现行政复议被纠错的情况。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['0', '1'] } },
  { id: 'M10 无因政府信息公开申请引起的行政复议', prose: '本年度无因政府信息公开申请引起的行政复议。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['0', '1'] } },
  { id: 'M11 3件申请因涉及商业秘密不予公开', prose: '收到申请12件，3件申请因涉及商业秘密不予公开。', t3: { new: 12, pub: 9, w4: 3 }, bad: { t3: { new: 12, pub: 10, w4: 2 }, names: ['3', '2'] } },
  { id: 'M12 一十二件', prose: '本年度共收到政府信息公开申请一十二件。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 11, pub: 11 }, names: ['一十二件', '11'] } },
  { id: 'M13 １２件 (full-width)', prose: '本年度共收到政府信息公开申请１２件。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 11, pub: 11 }, names: ['１２', '11'] } },
];

const GUARDS: Guard[] = [
  // ---- left by the fifth round: results of their own that say nothing ----
  { id: 'a1 结果为维持。 after a part (其中1件尚未审结)', prose: '本年度发生行政复议2件，其中1件尚未审结。结果为维持。', t4: { review: [1, 0, 0, 1] } },
  { id: 'a2 结果为维持。 after last year\'s review', prose: '上年度发生行政复议1件。结果为维持。', t4: { review: [0, 1, 0, 0] } },
  { id: 'a3 复议机关维持。 then an appeal', prose: '本年度发生行政复议1件。复议机关维持原行政行为，申请人不服提起上诉。', t4: { review: [0, 0, 0, 1] } },
  { id: 'a4 结果为维持。 after applications', prose: '本年度收到申请2件。结果为维持。', t3: { new: 2, pub: 2 }, t4: { review: [0, 1, 0, 0] } },
  { id: 'a5 a paragraph between', prose: '本年度发生行政复议1件。\n\n本机关高度重视。结果为维持。', t4: { review: [0, 1, 0, 0] } },
  { id: 'a6 驳回1件 of 2 (a part)', prose: '行政复议2件，结果为驳回1件，另1件尚未审结。', t4: { review: [1, 0, 0, 1] } },
  { id: 'a7 主动公开 items cut by a page number', prose: '本年度主动公开政府信息总数2\n\n第 3 页\n\n488条，其中政府网站发布2000条，政务新媒体发布488条。' },
  { id: 'a8 a paragraph ending in a year, a page number, a date', prose: '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止，统计至2023\n\n第 3 页\n\n12月31日。收到申请12件。', t3: { new: 12, pub: 12 } },
  // ---- comparisons ----
  { id: 'c1 同比增加5件 (the difference)', prose: '本年度新收政府信息公开申请同比增加5件。', t3: { new: 12, pub: 12 } },
  { id: 'c2 比上年多受理5件', prose: '本年度比上年多受理申请5件。', t3: { new: 12, pub: 12 } },
  { id: 'c3 申请数量较上年增加5件，达12件', prose: '申请数量较上年增加5件，达12件。', t3: { new: 12, pub: 12 } },
  { id: 'c4 是上年的2倍', prose: '收到申请12件，是上年的2倍。', t3: { new: 12, pub: 12 } },
  { id: 'c5 下降了2件，降幅14.3%', prose: '与上年相比，申请量下降了2件，降幅14.3%。', t3: { new: 12, pub: 12 } },
  // ---- percentages ----
  { id: 'p1 公开率为100%', prose: '依申请公开答复率为100%，公开率为83%。', t3: { new: 12, pub: 10, w4: 2 } },
  // ---- ranges and approximations ----
  { id: 'r1 办理时间3至5个工作日', prose: '每件申请平均办理时间为3至5个工作日。', t3: { new: 12, pub: 12 } },
  { id: 'r2 每月收到申请3至5件', prose: '每月收到申请3至5件。', t3: { new: 12, pub: 12 } },
  { id: 'r3 100余件', prose: '本年度共收到申请100余件，办结100余件。', t3: { new: 103, pub: 103 } },
  { id: 'r4 约30件', prose: '共收到申请约30件。', t3: { new: 28, pub: 28 } },
  { id: 'r5 近百件', prose: '共收到申请近百件。', t3: { new: 97, pub: 97 } },
  { id: 'r6 数十件', prose: '本年度收到政府信息公开申请数十件。', t3: { new: 35, pub: 35 } },
  { id: 'r7 一两件 (one or two)', prose: '往常每年仅收到申请一两件，本年度共收到申请2件。', t3: { new: 2, pub: 2 } },
  { id: 'r8 二三十件', prose: '本年度收到政府信息公开申请二三十件。', t3: { new: 25, pub: 25 } },
  { id: 'r9 三五件', prose: '本年度收到政府信息公开申请三五件。', t3: { new: 4, pub: 4 } },
  { id: 'r10 十余件', prose: '本年度收到政府信息公开申请十余件。', t3: { new: 13, pub: 13 } },
  { id: 'r11 10多件', prose: '本年度收到政府信息公开申请10多件。', t3: { new: 13, pub: 13 } },
  // ---- counts of other things in the same unit ----
  { id: 'o1 接听咨询电话120件', prose: '全年接听咨询电话120件，收到申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'o2 政务微博发布信息3000条', prose: '政务微博发布信息3000条，其中政府信息公开类1200条。' },
  { id: 'o3 受理不动产登记申请5000件', prose: '全年受理不动产登记申请5000件，收到政府信息公开申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'o4 受理营业执照申请', prose: '受理营业执照办理申请300件。', t3: { new: 12, pub: 12 } },
  { id: 'o5 行政复议培训2次', prose: '组织工作人员参加行政复议应诉培训2次。' },
  { id: 'o6 旁听行政诉讼庭审1次', prose: '组织干部旁听行政诉讼庭审1次。' },
  { id: 'o7 依申请公开业务培训2次', prose: '组织依申请公开业务培训2次。', t3: { new: 12, pub: 12 } },
  { id: 'o8 办理人大代表建议12件', prose: '办理人大代表建议12件、政协提案8件，均已办结。', t3: { new: 2, pub: 1, fwd: 1 } },
  { id: 'o9 受理行政许可申请 (applications, not decisions)', prose: '全年受理行政许可申请1200件，作出行政许可决定1150件。', t2: { licensing: 1150 } },
  { id: 'o10 受理行政复议申请 as the reviewing body', prose: '本年度本府受理行政复议申请30件。' },
  { id: 'o11 公开行政处罚信息128条', prose: '公开行政处罚信息128条。', t2: { penalty: 120 } },
  { id: 'o12 收到申请人补正材料2件', prose: '收到申请12件，收到申请人补正材料2件。', t3: { new: 12, pub: 12 } },
  { id: 'o13 一件一档', prose: '按照一件一档要求，收到申请12件。', t3: { new: 12, pub: 12 } },
  // ---- other periods ----
  { id: 't1 2021年至2023年共收到申请30件', prose: '2021年至2023年共收到申请30件。', t3: { new: 12, pub: 12 } },
  { id: 't2 三年来累计受理申请30件', prose: '三年来累计受理申请30件。', t3: { new: 12, pub: 12 } },
  { id: 't3 自2008年以来累计收到申请300件', prose: '自2008年《条例》实施以来，累计收到申请300件。', t3: { new: 12, pub: 12 } },
  { id: 't4 截至2023年底累计受理申请300件', prose: '截至2023年底，本机关累计受理政府信息公开申请300件。', t3: { new: 12, pub: 12 } },
  { id: 't5 2022年、2023年分别收到申请7件、12件', prose: '2022年、2023年分别收到申请7件、12件。', t3: { new: 12, pub: 12 } },
  { id: 't6 12月份收到申请5件', prose: '12月份收到申请5件，结转下年度办理。', t3: { new: 12, pub: 7, fwd: 5 } },
  // ---- scope ----
  { id: 's1 其中县政府办公室受理5件', prose: '全县共收到申请50件，其中县政府办公室受理5件。', t3: { new: 5, pub: 5 } },
  { id: 's2 其中某某局转办5件', prose: '本年度共收到申请12件，其中转交某某局办理5件。', t3: { new: 12, pub: 12 } },
  // ---- negations that count none of some ----
  { id: 'z1 未出现因答复超期引发行政复议的情况', prose: '本年度未出现因答复超期引发行政复议的情况。', t4: { review: [1, 0, 0, 0] } },
  { id: 'z2 没有因逾期未补正而终止的申请', prose: '收到申请12件，没有因申请人逾期未补正而终止的申请。', t3: { new: 12, pub: 12 } },
  { id: 'z3 未收到申请人补正材料的2件', prose: '收到申请12件，因未收到申请人补正材料不再处理2件。', t3: { new: 12, pub: 10, o1: 2 } },
  { id: 'z4 未发生行政复议纠错', prose: '行政复议1件，未发生被纠错的情况。', t4: { review: [1, 0, 0, 0] } },
  // ---- figures before a noun ----
  { id: 'f1 18件申请中，予以公开15件', prose: '本年度18件申请中，予以公开15件，不予公开3件。', t3: { new: 18, pub: 15, w4: 3 } },
  { id: 'f2 对3件申请发出补正通知', prose: '收到申请12件，对3件申请发出补正通知。', t3: { new: 12, pub: 12 } },
  // ---- brackets, stages ----
  { id: 'b1 行政诉讼2件（一审1件、二审1件）', prose: '本年度发生行政诉讼2件（一审1件、二审1件）。', t4: { direct: [1, 0, 0, 1] } },
  { id: 'b2 共收到申请12件（含上年结转2件）: parts', prose: '共收到申请12件（含上年结转2件）。', t3: { new: 10, carried: 2, pub: 12 } },
  // ---- tables of contents ----
  { id: 'd1 a table of contents', prose: '目录\n一、总体情况…………………………1\n二、主动公开政府信息情况………………2\n三、收到和处理政府信息公开申请情况……3' },
  // ---- more true sentences near the readings ----
  { id: 'm1 两个部门的数 in one sentence', prose: '县自然资源局收到申请7件，县教育局收到申请5件。', t3: { new: 12, pub: 12 } },
  { id: 'm2 行政复议…其中上年结转1件', prose: '行政复议案件2件，其中上年结转1件。', t4: { review: [1, 0, 0, 1] } },
  { id: 'm3 罚没款100万元', prose: '作出行政处罚决定50件，罚没款100万元。', t2: { penalty: 50 } },
  { id: 'm4 行政事业性收费项目3项', prose: '行政事业性收费项目3项，收费金额30.62万元。', t2: { fees: 30.62 } },
  { id: 'm5 由12件下降至7件', prose: '申请数量由12件下降至7件。', t3: { new: 7, pub: 7 } },
  { id: 'm6 线上申请、线下申请 (no channel words)', prose: '共收到申请12件，其中线上申请10件，线下申请2件。', t3: { new: 12, pub: 12 } },
  { id: 'm7 上年结转的2件申请已全部办结', prose: '上年结转的2件申请已全部办结。', t3: { new: 10, carried: 2, pub: 10, fwd: 2 } },
  { id: 'm8 其余10件均已办结', prose: '收到申请12件，2件结转下年度，其余10件均已办结。', t3: { new: 12, pub: 10, fwd: 2 } },
  { id: 'm9 行政复议1件（上年度结转）', prose: '行政复议1件（上年度结转），尚未审结。', t4: { review: [0, 0, 0, 1] } },
  { id: 'm10 作为第三人参加行政诉讼1件', prose: '本机关作为第三人参加行政诉讼1件。' },
  { id: 'm11 较去年12件持平', prose: '受理申请12件，较去年12件持平。', t3: { new: 12, pub: 12 } },
  { id: 'm12 a number then a page number then a numbered item', prose: '本年度共收到政府信息公开申请12件，办结率达100\n\n- 3 -\n\n2. 主动公开情况良好。', t3: { new: 12, pub: 12 } },
  { id: 'm13 共收到申请12件次', prose: '共收到申请12件次，办结12件次。', t3: { new: 11, pub: 11 } },
  { id: 'm14 行政复议、诉讼各1件', prose: '行政复议、诉讼各1件。', t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] } },
  { id: 'm15 对12件申请均按期作出答复', prose: '收到申请15件，对12件申请均按期作出答复。', t3: { new: 15, pub: 12, fwd: 3 } },
  { id: 'm16 未出现因不予公开引发的行政复议', prose: '本年度未出现因不予公开引发的行政复议。', t4: { review: [1, 0, 0, 0] } },
];

attackRound(6, CASES, GUARDS);

/** The report with a note under table 3 (after its last row). */
const withNote = (text: string, note: string) => text.replace(/(四、结转下年度继续办理[^\n]*\n)/, `$1${note}\n`);

describe('prose attack 6: a note under table 3', () => {
  it('注：本年度新收申请12件，均已办结。 — true, nothing', () => {
    const found = loud(withNote(report('本年度工作平稳。', { new: 12, pub: 12 }), '注：本年度新收申请12件，均已办结。'));
    assert.deepEqual(found, [], show(found));
  });
  it('注：本年度新收申请13件。 — the table says 12', () => {
    const found = loud(withNote(report('本年度工作平稳。', { new: 12, pub: 12 }), '注：本年度新收申请13件。'));
    assert.ok(found.some((f) => /13/.test(f.message) && /12/.test(f.message)), show(found));
  });
});

describe('prose attack 6: the messages in English', () => {
  const en = (prose: string, t3 = {}, t4 = {}) => check(report(prose, t3, t4), { locale: 'en' }).findings.filter((f) => f.code.startsWith('prose') && f.severity !== 'hint');
  it('prose-mismatch: English, with both numbers and the phrase as written', () => {
    const found = en('本年度共收到政府信息公开申请13件。', { new: 12, pub: 12 });
    assert.equal(found.length, 1, show(found));
    assert.match(found[0].message, /^[\x20-\x7e“”‘’—…（）\u4e00-\u9fff]*$/);
    assert.match(found[0].message, /13/);
    assert.match(found[0].message, /12/);
    assert.match(found[0].message, /[a-z]{3,} [a-z]{3,}/);
  });
  it('prose-breakdown: English, with the sum and the total', () => {
    const found = en('共收到申请12件，其中网上申请10件，当面申请3件。', { new: 12, pub: 12 });
    assert.ok(found.length > 0, 'no finding');
    for (const f of found) assert.match(f.message, /[a-z]{3,} [a-z]{3,}/, f.message);
    assert.ok(found.some((f) => /13/.test(f.message)), show(found));
  });
  it('a statement of results (结果为维持): English', () => {
    const found = en('本年度发生行政复议1件，结果为维持。', {}, { review: [0, 1, 0, 0] });
    assert.equal(found.length, 1, show(found));
    assert.match(found[0].message, /[a-z]{3,} [a-z]{3,}/);
  });
});

// ---- the new readings over every seed's figures (2021 and 2019): true as written, false with one cell changed ----

const seeds = Object.entries(EXPECTED).flatMap(([seed, e]) => [figuresOf(e), figures2019(e)].map((f) => ({ name: `${seed}/${f.version}`, f })));
const q = (f: Figures, key: string) => quantityValue(f, key) ?? 0;
/** The seed's table 3 as proseReport writes it (every outcome under 予以公开: the prose here names none). */
const t3Of = (f: Figures): T3 => ({ new: q(f, 't3.1.total'), carried: q(f, 't3.2.total'), pub: q(f, 't3.3.7.total'), fwd: q(f, 't3.4.total') });

describe('prose attack 6 over the seeds: a number cut by a page number between blank lines', () => {
  for (const { name, f } of seeds) {
    const t3 = t3Of(f), n = String(t3.new);
    if (n.length < 2) continue;
    for (const page of ['第 3 页', '- 3 -', '第3页 共8页']) {
      const prose = `本年度共收到政府信息公开申请${n.slice(0, 1)}\n\n${page}\n\n${n.slice(1)}件，已办结${t3.pub}件。`;
      it(`${name} ${page}: true, nothing; one more in the table, named`, () => {
        assert.deepEqual(loud(report(prose, t3)), []);
        const found = loud(report(prose, { ...t3, new: t3.new! + 1, pub: t3.pub! + 1 }));
        assert.ok(found.some((x) => x.message.includes(`${n}件`) && x.message.includes(String(t3.new! + 1))), show(found));
      });
    }
  }
});

describe('prose attack 6 over the seeds: a result said in a sentence of its own', () => {
  for (const { name, f } of seeds) {
    for (const [rows, word, key] of [['review', '本机关被申请行政复议', 't4.review.total'], ['direct', '本机关被提起行政诉讼', 't4.suit_direct.total']] as const) {
      const total = q(f, key);
      if (!total) continue;
      for (const result of ['结果为维持。', '结果均为驳回。', rows === 'review' ? '复议机关维持原行政行为。' : '判决结果均为维持。']) {
        const prose = `${word}${total}件。${result}`;
        it(`${name} ${word}${total}件。${result}`, () => {
          assert.deepEqual(loud(report(prose, {}, { [rows]: [total, 0, 0, 0] })), []);
          const found = loud(report(prose, {}, { [rows]: [total - 1, 1, 0, 0] }));
          assert.ok(found.length > 0 && /纠正|corrected/.test(show(found)), show(found));
        });
      }
      it(`${name} ${word}${total}件，结果为驳回${total}件。`, () => {
        const prose = `${word}${total}件，结果为驳回${total}件。`;
        assert.deepEqual(loud(report(prose, {}, { [rows]: [0, 0, total, 0] })), []);
        assert.ok(loud(report(prose, {}, { [rows]: [total - 1, 0, 0, 1] })).length > 0);
      });
    }
  }
});
