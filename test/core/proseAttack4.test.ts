import { attackRound, type Case, type Guard } from './proseReport';

// The fourth round of prose attacks: what the third left (results stated without a number, the statute's
// rows in a writer's words, 办结率100% with applications carried forward), and the seeds' figures written the
// ways other reports write them. As in proseAttack3.test.ts: each sentence is TRUE in its report (no prose
// warning), then one figure is changed so that it is FALSE, and a warning must name the numbers that disagree.

const CASES: Case[] = [
  // ---- results stated without a number (table 4) ----
  { id: 'Q1 结果为维持 after one review', prose: '本年度发生行政复议1件，结果为维持。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'Q2 复议结果均为维持', prose: '本年度发生行政复议2件，复议结果均为维持。', t4: { review: [2, 0, 0, 0] }, bad: { t4: { review: [1, 1, 0, 0] }, names: ['1'] } },
  { id: 'Q3 均为维持 after a lawsuit', prose: '本年度发生行政诉讼2件，均为维持。', t4: { direct: [2, 0, 0, 0] }, bad: { t4: { direct: [1, 0, 0, 1] }, names: ['1'] } },
  { id: 'Q4 均未被纠错 after reviews and lawsuits', prose: '本年度发生行政复议2件，行政诉讼1件，均未被纠错。', t4: { review: [1, 0, 0, 1], direct: [1, 0, 0, 0] }, bad: { t4: { review: [1, 1, 0, 0], direct: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'Q5 未被纠错 after one review', prose: '行政复议1件，未被纠错。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'Q6 无败诉情况', prose: '行政诉讼2件，无败诉情况。', t4: { direct: [2, 0, 0, 0] }, bad: { t4: { direct: [1, 1, 0, 0] }, names: ['1'] } },
  { id: 'Q7 无被纠错和败诉 (大云 2024)', prose: '涉及复议1件，诉讼1件，无被纠错和败诉。', t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0], after: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'Q8 无尚未审结案件', prose: '行政诉讼1件，无尚未审结案件。', t4: { direct: [1, 0, 0, 0] }, bad: { t4: { direct: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'Q9 其中行政诉讼结果为维持 (the clause names whose result)', prose: '行政复议1件，行政诉讼2件，其中行政诉讼结果为维持。', t4: { review: [0, 0, 0, 1], direct: [2, 0, 0, 0] }, bad: { t4: { review: [0, 0, 0, 1], direct: [1, 1, 0, 0] }, names: ['1'] } },
  { id: 'Q10 a role only to the ；', prose: '作为行政复议机关，受理行政复议案件20件；本机关被申请行政复议1件。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [2, 0, 0, 0] }, names: ['1', '2'] } },
  { id: 'Q11 办结…无结转', prose: '收到申请12件，办结12件，无结转。', t3: { new: 12, pub: 12 }, bad: { prose: '收到申请12件，办结10件，无结转。', t3: { new: 12, pub: 10, fwd: 2 }, names: ['2'] } },
  { id: 'Q12 结果为维持2件、纠正1件 (a list of results, as after 其中)', prose: '行政复议3件，结果为维持2件、纠正1件。', t4: { review: [2, 1, 0, 0] }, bad: { t4: { review: [1, 2, 0, 0] }, names: ['2', '1'] } },
  // ---- the statute's rows in a writer's words ----
  { id: 'W1 逾期未补正 (table: 逾期不补正)', prose: '共收到申请4件，其中予以公开2件，申请人逾期未补正2件。', t3: { new: 4, pub: 2, o1: 2 }, bad: { prose: '共收到申请4件，其中予以公开2件，申请人逾期未补正3件。', names: ['3', '2'] } },
  { id: 'W2 未按期补正 before 不再处理', prose: '因申请人未按期补正不再处理2件。', t3: { new: 4, pub: 2, o1: 2 }, bad: { prose: '因申请人未按期补正不再处理3件。', names: ['3', '2'] } },
  { id: 'W3 逾期未缴纳 (its words hold 收费)', prose: '申请人逾期未按收费通知要求缴纳费用1件。', t3: { new: 4, pub: 3, o2: 1 }, bad: { t3: { new: 4, pub: 3, o3: 1 }, names: ['1', '0'] } },
  { id: 'W4 补正后仍不明确', prose: '补正后申请内容仍不明确1件。', t3: { new: 4, pub: 3, u3: 1 }, bad: { prose: '补正后申请内容仍不明确2件。', names: ['2', '1'] } },
  { id: 'W5 确认或重新出具', prose: '要求确认或重新出具已获取信息的1件。', t3: { new: 4, pub: 3, n5: 1 }, bad: { prose: '要求确认或重新出具已获取信息的2件。', names: ['2', '1'] } },
  // ---- the seeds' figures written other ways (these were read already; kept as guards of the reading) ----
  { id: 'V1 一百零三件', prose: '本年度共收到政府信息公开申请一百零三件，办结一百零三件。', t3: { new: 103, pub: 103 }, bad: { prose: '本年度共收到政府信息公开申请一百零三件，办结一百零二件。', names: ['一百零二件', '103'] } },
  { id: 'V2 两件 and 一件', prose: '发生行政复议两件，行政诉讼一件。', t4: { review: [2, 0, 0, 0], direct: [1, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] }, names: ['两件', '1'] } },
  { id: 'V3 Chinese numerals in a 其中 list', prose: '共收到申请十二件，其中予以公开八件，部分公开两件，不予公开两件。', t3: { new: 12, pub: 8, part: 2, w4: 2 }, bad: { prose: '共收到申请十二件，其中予以公开八件，部分公开两件，不予公开三件。', names: ['三件', '2'] } },
  { id: 'V4 分别为', prose: '予以公开、部分公开、不予公开分别为8件、2件、2件。', t3: { new: 12, pub: 8, part: 2, w4: 2 }, bad: { prose: '予以公开、部分公开、不予公开分别为8件、3件、1件。', names: ['3', '2'] } },
  { id: 'V5 a figure broken over a PDF line', prose: '本年度共收到政府信息公开申请1\n2件，办结12件。', t3: { new: 12, pub: 12 }, bad: { prose: '本年度共收到政府信息公开申请1\n3件，办结12件。', names: ['13', '12'] } },
];

/** True sentences near the new readings, and 办结率 with some carried forward: none of them may get a warning. */
const GUARDS: Guard[] = [
  // 办结率 may count only the applications due within the year; 按时办结率 those concluded. Neither says none is carried forward.
  { id: 'H1 办结率100% with one carried forward', prose: '本年度共收到政府信息公开申请10件，办结率100%。', t3: { new: 10, pub: 9, fwd: 1 } },
  { id: 'H2 按时办结率100% with one carried forward', prose: '本年度共收到政府信息公开申请10件，已办结9件，按时办结率100%。', t3: { new: 10, pub: 9, fwd: 1 } },
  { id: 'H3 结果为维持1件 counts a part', prose: '本年度发生行政复议2件，结果为维持1件，纠正1件。', t4: { review: [1, 1, 0, 0] } },
  { id: 'H4 其中一件…结果为维持 (a part before it)', prose: '本年度发生行政复议2件，其中一件已审结，结果为维持。', t4: { review: [1, 0, 0, 1] } },
  { id: 'H5 未被纠错 with no case named', prose: '本机关作出的答复未被纠错。', t4: { review: [0, 1, 0, 0] } },
  { id: 'H6 未被纠错的1件 (a count follows)', prose: '行政复议2件，未被纠错的1件。', t4: { review: [1, 1, 0, 0] } },
  { id: 'H7 无需纠正 is no result', prose: '行政复议1件，无需纠正。', t4: { review: [0, 1, 0, 0] } },
  { id: 'H8 结果为维持 after a pending review (a part, a number)', prose: '行政复议2件，1件尚未审结，另1件结果为维持。', t4: { review: [1, 0, 0, 1] } },
  { id: 'H15 全市…均未被纠错 (a wider scope)', prose: '全市行政复议20件，均未被纠错。', t4: { review: [1, 1, 0, 0] } },
  { id: 'H16 无新增行政复议案件 (one from last year still pending)', prose: '本年度无新增行政复议案件，上年结转的行政复议1件尚未审结。', t4: { review: [0, 0, 0, 1] } },
  { id: 'H17 办结民生实事十件 (other things concluded)', prose: '全年办结民生实事十件。', t3: { new: 2, pub: 2 } },
  { id: 'H18 a line break inside 案件 before a 、 list (平潭 2022)', prose: '在政府信息公开工作方面共有行政诉讼\n\n案件1件、行政复议案件2件。', t4: { review: [2, 0, 0, 0], direct: [1, 0, 0, 0] } },
  { id: 'H19 作为复议机关 speaks for the sentence', prose: '作为行政复议机关，本年度受理行政复议案件20件。', t4: { review: [1, 0, 0, 0] } },
  { id: 'H20 新收…无结转 (last year carried none)', prose: '本年新收申请10件，无结转，办结8件。', t3: { new: 10, pub: 8, fwd: 2 } },
  { id: 'H21 结果为维持2件 of 3 (one part named)', prose: '行政复议3件，结果为维持2件，另1件尚在审理中。', t4: { review: [2, 0, 0, 1] } },
  { id: 'H9 比上年多', prose: '共收到申请12件，比上年多5件。', t3: { new: 12, pub: 12 } },
  { id: 'H10 由上年的7件增至12件', prose: '申请数量由上年的7件增至12件。', t3: { new: 12, pub: 12 } },
  { id: 'H11 上年同期为', prose: '本年度共收到申请12件，上年同期为7件。', t3: { new: 12, pub: 12 } },
  { id: 'H12 a page marker inside a sentence', prose: '本年度共收到政府信息公开申请\n第 2 页 共 5 页\n12件，办结12件。', t3: { new: 12, pub: 12 } },
  { id: 'H13 每月2-3件', prose: '每月收到申请2-3件，全年共收到申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'H14 percentages after counts', prose: '共收到申请12件，其中予以公开10件，占83.3%，不予公开2件，占16.7%。', t3: { new: 12, pub: 10, w4: 2 } },
];

attackRound(4, CASES, GUARDS);
