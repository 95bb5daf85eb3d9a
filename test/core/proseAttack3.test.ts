import { attackRound, type Case, type Guard } from './proseReport';

// The third round of prose attacks. Each case is a sentence in the shape of one from a published
// 2019–2024 report (the source is named; rewritten in our own words, same structure) or a common
// variant of one, put into a report whose tables make it TRUE (no prose warning may fall on it); then
// one figure is changed, in the sentence or in the tables, so that it is FALSE, and a prose-mismatch /
// prose-breakdown warning must name the numbers that disagree. test/fixtures/odd/prose-attack.md
// (third round) lists what nianbao did with each before the fixes of this round.

const CASES: Case[] = [
 { id: 'R1 count-first received, past carried, concluded, forwarded (兴仁 2022)', prose: '2023年，共收到10件依申请公开请求，2022年结转政府信息公开申请2件，共办结10件，结转2024年度继续办理2件。', t3: { new: 10, carried: 2, pub: 10, fwd: 2 }, bad: { prose: '2023年，共收到10件依申请公开请求，2022年结转政府信息公开申请2件，共办结9件，结转2024年度继续办理2件。', names: ['9', '10'] } },
 { id: 'R2 申请公开件, review and suit cases (上饶 2022)', prose: '2023年共收到政府信息申请公开件8件，因政府信息公开引起的行政复议2件、行政诉讼案件1件。', t3: { new: 8, pub: 8 }, t4: { review: [2, 0, 0, 0], direct: [1, 0, 0, 0] }, bad: { prose: '2023年共收到政府信息申请公开件8件，因政府信息公开引起的行政复议2件、行政诉讼案件3件。', names: ['3', '1'] } },
 { id: 'R3 无下年度结转 (汉阳 2022)', prose: '共收到8份政府信息公开申请，均为自然人申请。无下年度结转。', t3: { new: 8, pub: 6, part: 2 }, bad: { t3: { new: 8, pub: 6, part: 1, fwd: 1 }, names: ['1'] } },
 { id: 'R4 请求, channel parts, 协助, 都妥善答复 (塘下 2024)', prose: '2023年，我镇依申请公开请求9件，其中网络平台收到3件，线下邮件收到1件，协助5件，都妥善答复。因政府信息公开申请引发行政复议2件，引发行政诉讼1件。', t3: { new: 9, pub: 9 }, t4: { review: [2, 0, 0, 0], direct: [1, 0, 0, 0] }, bad: { prose: '2023年，我镇依申请公开请求9件，其中网络平台收到3件，线下邮件收到1件，协助5件，都妥善答复。因政府信息公开申请引发行政复议3件，引发行政诉讼1件。', names: ['3', '2'] } },
 { id: 'R5a 按期答复, 无转结, 复议0件 (大云 2024)', prose: '全年共收到依申请公开件1件，已按期答复1件，无转结下年度继续办理件。涉及复议0件，诉讼0件，无被纠错和败诉。', t3: { new: 1, pub: 1 }, bad: { t3: { new: 1, pub: 1 }, t4: { review: [1, 0, 0, 0] }, names: ['0', '1'] } },
 { id: 'R5b 无转结下年度 against a forward', prose: '全年共收到依申请公开件2件，已按期答复2件，无转结下年度继续办理件。', t3: { new: 2, pub: 2 }, bad: { t3: { new: 2, carried: 1, pub: 2, fwd: 1 }, names: ['1'] } },
 { id: 'R6 zero received and concluded (良村 2024)', prose: '共收到申请0件，共办结0件。', bad: { t3: { new: 1, pub: 1 }, names: ['0', '1'] } },
 { id: 'R7 共N件 with channel parts (武山 2024)', prose: '收到政府信息依申请公开共3件，其中书面申请1件，通过信息公开平台申请2件，转办0件。', t3: { new: 3, pub: 3 }, bad: { prose: '收到政府信息依申请公开共4件，其中书面申请1件，通过信息公开平台申请2件，转办0件。', names: ['4', '3'] } },
 { id: 'R9 town not received (永安 2024)', prose: '2023年，本镇未收到政府信息公开申请。', bad: { t3: { new: 2, pub: 2 }, names: ['2'] } },
 { id: 'R10 申请 of all applicants, 均…予以答复, review pending (迎宾路 2021)', prose: '受理公民、法人和其他组织提出的政府信息公开申请5件，均在法定时限内予以答复。信息公开类行政复议1起，正在办理中。', t3: { new: 5, pub: 5 }, t4: { review: [0, 0, 0, 1] }, bad: { prose: '受理公民、法人和其他组织提出的政府信息公开申请5件，均在法定时限内予以答复。信息公开类行政复议2起，正在办理中。', names: ['2', '1'] } },
 { id: 'R11 都在法定期限内予以答复 (长春 2023)', prose: '本年度，共受理政府信息公开申请2件，都在法定期限内予以答复。', t3: { new: 2, pub: 2 }, bad: { prose: '本年度，共受理政府信息公开申请3件，都在法定期限内予以答复。', names: ['3', '2'] } },
 { id: 'R12 次 for applications and cases (中仓 2025)', prose: '依申请公开3次，行政复议0次，行政诉讼0次。', t3: { new: 3, pub: 3 }, bad: { t3: { new: 3, pub: 3 }, t4: { review: [1, 0, 0, 0] }, names: ['0', '1'] } },
 { id: 'R13 复议案 / 诉讼案 (街道 2019)', prose: '本街道受理信息公开申请2件；发生针对本部门有关政府信息公开事务的行政复议案0件，行政诉讼案0件。', t3: { new: 2, pub: 2 }, bad: { prose: '本街道受理信息公开申请2件；发生针对本部门有关政府信息公开事务的行政复议案1件，行政诉讼案0件。', names: ['1', '0'] } },
 { id: 'R15 未接到 (湛江 2023)', prose: '2023年，我办全年未收到行政许可申请；全年未接到信息公开申请。', bad: { t3: { new: 2, pub: 2 }, names: ['2'] } },
 { id: 'R16 规章 with 含新制定 (上海 2022)', prose: '主动公开规章3件（含新制定1件，修改1件，废止1件）。', t2: { regulations: [1, 1, 5] }, bad: { prose: '主动公开规章3件（含新制定2件，修改1件，废止1件）。', names: ['4', '3'] } },
 { id: 'S1 同比 then 均已按期答复', prose: '本年度受理政府信息公开申请15件，同比增长25%，均已按期答复。', t3: { new: 15, pub: 15 }, bad: { t3: { new: 15, pub: 14, fwd: 1 }, names: ['1'] } },
 { id: 'S2 含上年结转 in brackets, 已全部办结', prose: '本年共受理政府信息公开申请12件（含上年结转2件），已全部办结。', t3: { new: 10, carried: 2, pub: 12 }, bad: { prose: '本年共受理政府信息公开申请12件（含上年结转3件），已全部办结。', names: ['3', '2'] } },
 { id: 'S3 new, carried, 合计, concluded, forwarded', prose: '本年度新收政府信息公开申请20件，上年结转1件，合计21件，办结19件，结转下年度2件。', t3: { new: 20, carried: 1, pub: 19, fwd: 2 }, bad: { prose: '本年度新收政府信息公开申请20件，上年结转1件，合计22件，办结19件，结转下年度2件。', names: ['22', '21'] } },
 { id: 'S4 办理结果方面 outcome list', prose: '办理结果方面：予以公开8件，部分公开3件，不予公开1件，无法提供4件，不予处理1件，其他处理2件。', t3: { new: 19, pub: 8, part: 3, w4: 1, u1: 4, n2: 1, o3: 2 }, bad: { prose: '办理结果方面：予以公开8件，部分公开3件，不予公开1件，无法提供5件，不予处理1件，其他处理2件。', names: ['5', '4'] } },
 { id: 'S5 reason with 因…无法提供', prose: '其中因本机关不掌握相关政府信息无法提供3件。', t3: { new: 5, pub: 2, u1: 3 }, bad: { prose: '其中因本机关不掌握相关政府信息无法提供4件。', names: ['4', '3'] } },
 { id: 'S6 均为0件 for reviews and suits', prose: '本年度政府信息公开行政复议、行政诉讼案件均为0件。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
 { id: 'S7 review 起 with parts', prose: '本年度发生行政复议案件2起，其中维持1起，尚在审理中1起。', t4: { review: [1, 0, 0, 1] }, bad: { prose: '本年度发生行政复议案件2起，其中维持2起，尚在审理中1起。', names: ['2'] } },
 { id: 'S8 suit then a judgement clause', prose: '行政诉讼1件，法院判决驳回原告诉讼请求。', t4: { direct: [1, 0, 0, 0] }, bad: { prose: '行政诉讼2件，法院判决驳回原告诉讼请求。', names: ['2', '1'] } },
 { id: 'S9 penalty and licensing decisions', prose: '全年作出行政处罚决定125件，行政许可决定30件。', t2: { penalty: 125, licensing: 30 }, bad: { prose: '全年作出行政处罚决定126件，行政许可决定30件。', names: ['126', '125'] } },
 { id: 'S10 normative issued, repealed, in force', prose: '本年度制发行政规范性文件4件，废止2件，现行有效规范性文件35件。', t2: { normative: [4, 2, 35] }, bad: { prose: '本年度制发行政规范性文件4件，废止3件，现行有效规范性文件35件。', names: ['3', '2'] } },
 { id: 'S11 fees collected', prose: '本年度收取行政事业性收费12.5万元。', t2: { fees: 12.5 }, bad: { prose: '本年度收取行政事业性收费13万元。', names: ['13', '12.5'] } },
 { id: 'S12 新收依申请公开件, 均已…办结', prose: '全年新收依申请公开件6件，均已在法定期限内办结。', t3: { new: 6, pub: 6 }, bad: { prose: '全年新收依申请公开件7件，均已在法定期限内办结。', names: ['7', '6'] } },
 { id: 'S13 共计', prose: '收到政府信息公开申请共计6件。', t3: { new: 6, pub: 6 }, bad: { prose: '收到政府信息公开申请共计7件。', names: ['7', '6'] } },
 { id: 'S14 change first, then the count', prose: '申请数量较上年减少2件，共收到申请6件。', t3: { new: 6, pub: 6 }, bad: { prose: '申请数量较上年减少2件，共收到申请7件。', names: ['7', '6'] } },
 { id: 'S15 结转至次年 by year', prose: '结转至2024年度办理的申请1件。', t3: { new: 3, pub: 2, fwd: 1 }, bad: { prose: '结转至2024年度办理的申请2件。', names: ['2', '1'] } },
 { id: 'S16 未发生…行政复议和行政诉讼案件', prose: '本年度未发生因政府信息公开引起的行政复议和行政诉讼案件。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
 { id: 'S17 全年无行政复议、行政诉讼案件', prose: '全年无行政复议、行政诉讼案件。', bad: { t4: { direct: [1, 0, 0, 0] }, names: ['1'] } },
 { id: 'S18 我局无政府信息公开申请', prose: '本年度我局无政府信息公开申请。', bad: { t3: { new: 2, pub: 2 }, names: ['2'] } },
 { id: 'S19 依申请公开件为0', prose: '本年度依申请公开件为0。', bad: { t3: { new: 2, pub: 2 }, names: ['2'] } },
 { id: 'S20 数量为零 twice', prose: '行政复议数量为零，行政诉讼数量为零。', bad: { t4: { after: [0, 0, 0, 1] }, names: ['1'] } },
 { id: 'S21 处理 N, 其中 当年新收 and 上年结转', prose: '全年共处理政府信息公开申请30件，其中，当年新收28件，上年结转2件。', t3: { new: 28, carried: 2, pub: 30 }, bad: { prose: '全年共处理政府信息公开申请30件，其中，当年新收28件，上年结转3件。', names: ['3', '2'] } },
 { id: 'S22 reason in a bracket', prose: '共收到申请10件，其中予以公开7件，部分公开1件，不予公开2件（均为保护第三方合法权益）。', t3: { new: 10, pub: 7, part: 1, w4: 2 }, bad: { prose: '共收到申请10件，其中予以公开7件，部分公开1件，不予公开3件（均为保护第三方合法权益）。', names: ['3', '2'] } },
 { id: 'S23 review result in brackets, suit none', prose: '行政复议1件（结果维持），行政诉讼0件。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0], direct: [0, 0, 0, 1] }, names: ['0', '1'] } },
 { id: 'S24 经复议后被起诉, pending', prose: '经复议后被起诉1件，尚未审结。', t4: { after: [0, 0, 0, 1] }, bad: { prose: '经复议后被起诉2件，尚未审结。', names: ['2', '1'] } },
 { id: 'S25 申请量 with a later comparison', prose: '本年度信息公开申请量6件，较2022年增加2件。', t3: { new: 6, pub: 6 }, bad: { prose: '本年度信息公开申请量7件，较2022年增加2件。', names: ['7', '6'] } },
 { id: 'S26 the period spelled out', prose: '2023年1月1日至12月31日，共受理政府信息公开申请6件。', t3: { new: 6, pub: 6 }, bad: { prose: '2023年1月1日至12月31日，共受理政府信息公开申请7件。', names: ['7', '6'] } },
 { id: 'S27 截至 year end', prose: '截至2023年12月31日，共收到政府信息公开申请6件，办结6件。', t3: { new: 6, pub: 6 }, bad: { prose: '截至2023年12月31日，共收到政府信息公开申请6件，办结5件。', names: ['5', '6'] } },
 { id: 'S28 比上年的N件', prose: '共收到政府信息公开申请6件，比上年的4件有所增加。', t3: { new: 6, pub: 6 }, bad: { prose: '共收到政府信息公开申请7件，比上年的4件有所增加。', names: ['7', '6'] } },
 { id: 'S29 剩余…正在办理中', prose: '收到申请6件，已办结5件，剩余1件正在办理中。', t3: { new: 6, pub: 5, fwd: 1 }, bad: { prose: '收到申请6件，已办结5件，剩余2件正在办理中。', names: ['2', '1'] } },
 { id: 'S30 今年', prose: '今年收到政府信息公开申请6件。', t3: { new: 6, pub: 6 }, bad: { prose: '今年收到政府信息公开申请7件。', names: ['7', '6'] } },
 { id: 'S31 其他处理, withdrawn', prose: '其他处理2件，为申请人撤回申请。', t3: { new: 4, pub: 2, o3: 2 }, bad: { prose: '其他处理3件，为申请人撤回申请。', names: ['3', '2'] } },
 { id: 'S32 不予处理, 系重复申请', prose: '不予处理1件，系重复申请。', t3: { new: 4, pub: 3, n2: 1 }, bad: { prose: '不予处理2件，系重复申请。', names: ['2', '1'] } },
 { id: 'S33 办结上年结转申请', prose: '本年度办结上年结转申请1件。', t3: { new: 3, carried: 1, pub: 4 }, bad: { prose: '本年度办结上年结转申请2件。', names: ['2', '1'] } },
 { id: 'S34 Chinese numerals', prose: '本年度共收到政府信息公开申请十二件，办结十件，结转下年度两件。', t3: { new: 12, pub: 10, fwd: 2 }, bad: { prose: '本年度共收到政府信息公开申请十二件，办结十件，结转下年度三件。', names: ['三件', '2'] } },
 { id: 'S35 未制发规范性文件, in force', prose: '本年度未制发行政规范性文件，现行有效规范性文件5件。', t2: { normative: [0, 0, 5] }, bad: { t2: { normative: [1, 0, 5] }, names: ['1'] } },
 { id: 'S36 未作出行政强制决定', prose: '本年度未作出行政强制决定。', bad: { t2: { coercion: 2 }, names: ['2'] } },
 { id: 'S37 本年度未收取行政事业性收费', prose: '本年度未收取行政事业性收费。', bad: { t2: { fees: 3.2 }, names: ['3.2'] } },
 { id: 'S38 处罚 in section 2 with 处理决定', prose: '本年度行政处罚处理决定3件。', t2: { penalty: 3 }, bad: { prose: '本年度行政处罚处理决定4件。', names: ['4', '3'] } },
 { id: 'S39 未受理 and then received', prose: '本年度未受理不符合条件的申请，共受理政府信息公开申请4件。', t3: { new: 4, pub: 4 }, bad: { prose: '本年度未受理不符合条件的申请，共受理政府信息公开申请5件。', names: ['5', '4'] } },
 { id: 'S40 申请人 counted, not applications', prose: '本年度共有3名申请人提出政府信息公开申请5件。', t3: { new: 5, pub: 5 }, bad: { prose: '本年度共有3名申请人提出政府信息公开申请6件。', names: ['6', '5'] } },
];

/** Round one's contradictions that were still missed (none, all, zero in words), and guards around the new readings. */
const ZERO: Case[] = [
  { id: 'Z1 依申请公开数量为零', prose: '本年度依申请公开数量为零。', bad: { t3: { new: 3, pub: 3 }, names: ['3'] } },
  { id: 'Z2 行政复议、行政诉讼均为0', prose: '行政复议、行政诉讼均为0。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'Z3 未制发规范性文件', prose: '本年度未制发规范性文件。', t2: { normative: [0, 0, 5] }, bad: { t2: { normative: [2, 0, 5] }, names: ['2'] } },
  { id: 'Z4 无行政处罚事项', prose: '本年度无行政处罚事项。', bad: { t2: { penalty: 5 }, names: ['5'] } },
  { id: 'Z6 分别为0件 stays numbers (为0 before a unit is no zero word)', prose: '全年制发规章、规范性文件分别为0件、0件。', t2: { regulations: [0, 0, 3], normative: [0, 0, 5] }, bad: { t2: { regulations: [1, 0, 3], normative: [0, 0, 5] }, names: ['0', '1'] } },
  { id: 'Z5 未收取行政事业性收费', prose: '本年度未收取行政事业性收费。', bad: { t2: { fees: 12.5 }, names: ['12.5'] } },
];

/** True sentences near the new readings: none of them may get a warning. */
const GUARDS: Guard[] = [
  { id: 'G1 无行政处罚权 (a power, not decisions)', prose: '本单位无行政处罚权。', t2: { penalty: 5 } },
  { id: 'G2 未清理 (another verb)', prose: '本年度未清理规范性文件。', t2: { normative: [2, 0, 5] } },
  { id: 'G3 为0.5万元 is no zero', prose: '本年度行政事业性收费为0.5万元。', t2: { fees: 0.5 } },
  { id: 'G4 全县…为零 (scope)', prose: '全县行政复议数量为零。', t4: { review: [1, 0, 0, 0] } },
  { id: 'G5 上年度…为零 (last year)', prose: '上年度依申请公开数量为零，本年度收到申请3件。', t3: { new: 3, pub: 3 } },
  { id: 'G6 纠错率为零 (a rate)', prose: '行政复议纠错率为零。', t4: { review: [1, 0, 0, 0] } },
  { id: 'G7 未发布行政处罚信息', prose: '本年度未发布行政处罚信息。', t2: { penalty: 5 } },
  { id: 'G8 未制发…的科室', prose: '对未制发规范性文件的科室进行督导。', t2: { normative: [2, 0, 5] } },
  { id: 'G9 未受理不符合条件的申请', prose: '本年度未受理不符合条件的申请，共受理政府信息公开申请4件。', t3: { new: 4, pub: 4 } },
  { id: 'G10 协助 as a third, unnamed channel', prose: '本年度依申请公开请求9件，其中网络平台收到3件，线下邮件收到1件，协助5件。', t3: { new: 9, pub: 9 } },
  { id: 'G12 均已按期答复的 (a relative clause)', prose: '均已按期答复的申请共3件。', t3: { new: 4, pub: 3, fwd: 1 } },
  { id: 'G13 均…予以答复 after those answered (on time, not all)', prose: '本年度共受理政府信息公开申请12件，答复10件，均在法定期限内予以答复。', t3: { new: 12, pub: 10, fwd: 2 } },
  { id: 'G11 2022年结转 is no other year for the clauses after it', prose: '2023年，共收到10件依申请公开请求，2022年结转政府信息公开申请2件，共办结10件。', t3: { new: 10, carried: 2, pub: 10, fwd: 2 } },
];

attackRound(3, [...CASES, ...ZERO], GUARDS);
