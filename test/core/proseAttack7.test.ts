import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { quantityValue } from '../layouts/prose';
import { EXPECTED } from './expected';
import { attackRound, loud, report, show, type Case, type Guard, type T3 } from './proseReport';

// The seventh round on the prose. First what the sixth left: zero written 〇件 / 零件 (〇 as a digit, 一〇二件; 二〇二三年 still
// a year), a result in a second clause (…1件，已审结，结果为维持; 复议机关作出维持决定), 驳回 N below the total (some of the
// upheld and other results, not a part summed alone), 件次 / 人次, 各1件, a word cut by a page number between blank lines,
// a lone 按时答复N件 (some of those answered: never more). Then sentences in the register of ministries', provinces',
// counties' and townships' reports of 2019–2024, true in their report and made false by one figure, and their false friends.

const CASES: Case[] = [
  // ---- left by the sixth round ----
  { id: 'L1 申请〇件', prose: '本年度收到政府信息公开申请〇件，行政复议〇件，行政诉讼〇件。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['〇', '1'] } },
  { id: 'L2 申请零件', prose: '本年度收到政府信息公开申请零件。', bad: { t3: { new: 1, pub: 1 }, names: ['零件', '1'] } },
  { id: 'L3 一〇二件 (〇 a digit)', prose: '本年度共收到政府信息公开申请一〇二件。', t3: { new: 102, pub: 102 }, bad: { t3: { new: 103, pub: 103 }, names: ['一〇二件', '103'] } },
  { id: 'L4 二〇二三年 a year, then the count', prose: '二〇二三年，本机关收到政府信息公开申请30件。', t3: { new: 30, pub: 30 }, bad: { t3: { new: 31, pub: 31 }, names: ['30', '31'] } },
  { id: 'L5 …1件，已审结，结果为维持', prose: '本年度镇政府被申请行政复议1件，已审结，结果为维持。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 0, 1, 0] }, names: ['1'] } },
  { id: 'L6 复议机关作出维持决定', prose: '本年度发生行政复议1件，复议机关作出维持决定。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'L7 驳回1件 of 2, the other pending', prose: '本年度行政复议2件，其中驳回1件，1件尚未审结。', t4: { review: [0, 0, 1, 1] }, bad: { t4: { review: [0, 1, 0, 1] }, names: ['1', '0'] } },
  { id: 'L8 维持1件、驳回1件 with the dismissal filled as upheld', prose: '本年度行政复议2件，结果为维持1件、驳回1件。', t4: { review: [2, 0, 0, 0] }, bad: { t4: { review: [1, 1, 0, 0] }, names: ['1'] } },
  { id: 'L9 驳回原告诉讼请求2件，撤诉1件', prose: '本年度行政诉讼3件，其中驳回原告诉讼请求2件，原告撤诉1件。', t4: { direct: [0, 0, 3, 0] }, bad: { t4: { direct: [0, 2, 1, 0] }, names: ['2', '1'] } },
  { id: 'L10 行政复议、行政诉讼各1件', prose: '本年度共发生政府信息公开行政复议、行政诉讼各1件。', t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0], direct: [0, 0, 0, 0] }, names: ['1', '0'] } },
  { id: 'L10b 行政复议和行政诉讼各发生1件', prose: '本年度行政复议和行政诉讼各发生1件，均已审结。', t4: { review: [1, 0, 0, 0], direct: [0, 0, 1, 0] }, bad: { t4: { review: [2, 0, 0, 0], direct: [0, 0, 1, 0] }, names: ['1', '2'] } },
  { id: 'L11 予以公开、不予公开各6件', prose: '收到申请12件，予以公开、不予公开各6件。', t3: { new: 12, pub: 6, w4: 6 }, bad: { t3: { new: 12, pub: 7, w4: 5 }, names: ['6', '7'] } },
  { id: 'L12 行政复议、行政诉讼分别为3件、2件', prose: '本年度行政复议、行政诉讼分别为3件、2件。', t4: { review: [3, 0, 0, 0], direct: [2, 0, 0, 0] }, bad: { t4: { review: [3, 0, 0, 0], direct: [1, 0, 0, 0] }, names: ['2', '1'] } },
  { id: 'L13 行政⏎⏎第 3 页⏎⏎复议 (a word cut by a page number)', prose: '本年度共收到政府信息公开申请12件，因政府信息公开被申请行政\n\n第 3 页\n\n复议2件。', t3: { new: 12, pub: 12 }, t4: { review: [2, 0, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0] }, names: ['2', '1'] } },
  { id: 'L14 申⏎⏎- 3 -⏎⏎请12件', prose: '本年度共收到政府信息公开申\n\n- 3 -\n\n请12件，均已办结。', t3: { new: 12, pub: 12 }, bad: { t3: { new: 11, pub: 11 }, names: ['12', '11'] } },
  { id: 'L15 按时答复N件 (never more than those answered)', prose: '本年度按时答复政府信息公开申请20件。', t3: { new: 20, pub: 20 }, bad: { t3: { new: 19, pub: 19 }, names: ['20', '19'] } },
  // ---- results in other words, found by this round ----
  { id: 'W1 复议结果为撤销', prose: '本年度政府信息公开行政复议案件1件，复议结果为撤销。', t4: { review: [0, 1, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'W2 复议机关作出撤销决定', prose: '本年度行政复议1件，复议机关作出撤销决定。', t4: { review: [0, 1, 0, 0] }, bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'W3 法院判决驳回原告诉讼请求', prose: '本年度涉及政府信息公开的行政诉讼1件，法院判决驳回原告诉讼请求。', t4: { direct: [0, 0, 1, 0] }, bad: { t4: { direct: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'W4 行政复议1件（维持），行政诉讼1件（驳回）', prose: '本年度行政复议1件（维持），行政诉讼1件（驳回）。', t4: { review: [1, 0, 0, 0], direct: [0, 0, 1, 0] }, bad: { t4: { review: [1, 0, 0, 0], direct: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'W5 经复议维持原答复', prose: '因依申请公开答复引发行政复议1件，经复议维持原答复。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'W6 结果为败诉', prose: '本年度行政诉讼2件，结果为败诉。', t4: { direct: [0, 2, 0, 0] }, bad: { t4: { direct: [1, 1, 0, 0] }, names: ['1'] } },
  { id: 'W7 行政复议1件，尚未审结', prose: '本年度行政复议1件，尚未审结。', t4: { review: [0, 0, 0, 1] }, bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'W8 行政复议1件，目前正在审理中', prose: '本年度行政复议1件，目前正在审理中。', t4: { review: [0, 0, 0, 1] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'W9 行政复议2件，均已审结', prose: '本年度行政复议2件，均已审结。', t4: { review: [1, 1, 0, 0] }, bad: { t4: { review: [1, 0, 0, 1] }, names: ['1'] } },
  { id: 'W10 …已审结，结果为维持', prose: '本年度行政复议1件，已审结，结果为维持。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'W11 行政复议1件（尚未审结）', prose: '本年度行政复议1件（尚未审结）。', t4: { review: [0, 0, 0, 1] }, bad: { t4: { review: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'W12 复议机关维持了我局的答复', prose: '针对1件行政复议案件，我局认真做好答复工作，复议机关维持了我局的答复。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'W13 行政复议1件（维持原答复）', prose: '行政复议1件（维持原答复）。', t4: { review: [1, 0, 0, 0] }, bad: { t4: { review: [0, 1, 0, 0] }, names: ['1'] } },
  { id: 'W14 …；行政诉讼1件，已审结', prose: '本年度行政复议1件，尚未审结；行政诉讼1件，已审结。', t4: { review: [0, 0, 0, 1], direct: [1, 0, 0, 0] }, bad: { t4: { review: [0, 0, 0, 1], direct: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'W15 行政复议、行政诉讼各0件', prose: '全年行政复议、行政诉讼各0件。', bad: { t4: { review: [1, 0, 0, 0] }, names: ['0', '1'] } },
  { id: 'W16 复议机关均维持了本部门的答复 (a ministry)', prose: '本部门作出的政府信息公开答复被申请行政复议9件，复议机关均维持了本部门的答复。', t4: { review: [9, 0, 0, 0] }, bad: { t4: { review: [8, 1, 0, 0] }, names: ['1'] } },
  { id: 'W17 人民法院均判决驳回原告诉讼请求', prose: '被提起行政诉讼24件，人民法院均判决驳回原告诉讼请求。', t4: { direct: [24, 0, 0, 0] }, bad: { t4: { direct: [20, 0, 0, 4] }, names: ['4'] } },
  { id: 'W18 行政诉讼案件一起，目前尚在审理中', prose: '本年度发生行政诉讼案件一起，目前尚在审理中。', t4: { direct: [0, 0, 0, 1] }, bad: { t4: { direct: [1, 0, 0, 0] }, names: ['1'] } },
  { id: 'W19 省政府办公厅：网上281件，信函45件', prose: '2023年，省政府办公厅共收到政府信息公开申请326件，其中网上申请281件，信函申请45件。', t3: { new: 326, pub: 326 }, bad: { prose: '2023年，省政府办公厅共收到政府信息公开申请326件，其中网上申请281件，信函申请46件。', names: ['327', '326'] } },
  // ---- townships ----
  { id: 'T1 均已按时答复，无结转', prose: '2023年，本镇共受理政府信息公开申请3件，均已按时答复，无结转。', t3: { new: 3, pub: 3 }, bad: { t3: { new: 3, pub: 2, fwd: 1 }, names: ['1'] } },
  { id: 'T2 未收到申请，未发生复议诉讼', prose: '本年度本街道办事处未收到政府信息公开申请，未发生行政复议和行政诉讼案件。', bad: { t3: { new: 1, pub: 1 }, names: ['0', '1'] } },
  { id: 'T3 依申请公开件2件，已全部办结', prose: '全年共收到依申请公开件2件，已全部办结，其中予以公开1件，无法提供1件。', t3: { new: 2, pub: 1, u1: 1 }, bad: { t3: { new: 2, pub: 2 }, names: ['1', '2'] } },
  { id: 'T4 复议、诉讼均为零', prose: '本年度因政府信息公开引起的行政复议、行政诉讼均为零。', bad: { t4: { direct: [0, 0, 0, 1] }, names: ['1'] } },
  { id: 'T5 办结2件，结转1件', prose: '全年受理申请3件，办结2件，结转下年度1件。', t3: { new: 3, pub: 2, fwd: 1 }, bad: { t3: { new: 3, pub: 3 }, names: ['1', '0'] } },
  // ---- counties and districts ----
  { id: 'C1 当面2件、网上24件；上年结转1件', prose: '2022年，县政府办公室共收到政府信息公开申请26件，其中当面申请2件、网上申请24件；上年结转1件。其中予以公开15件，部分公开3件，无法提供7件，不予处理2件。', t3: { new: 26, carried: 1, pub: 15, part: 3, u1: 7, n1: 2 }, bad: { t3: { new: 26, carried: 1, pub: 15, part: 3, u1: 6, n1: 2, o3: 1 }, names: ['7', '6'] } },
  { id: 'C2 45件（含上年结转3件）', prose: '本年度办理政府信息公开申请45件（含上年结转3件），已办结43件，结转下年度2件。', t3: { new: 42, carried: 3, pub: 43, fwd: 2 }, bad: { t3: { new: 42, carried: 3, pub: 44, fwd: 1 }, names: ['43', '44'] } },
  { id: 'C4 不予公开的理由', prose: '全年办结申请20件，其中因属于国家秘密不予公开1件，因本机关不掌握相关政府信息无法提供5件，其余14件予以公开。', t3: { new: 20, pub: 14, w1: 1, u1: 5 }, bad: { t3: { new: 20, pub: 15, w1: 1, u1: 4 }, names: ['5', '4'] } },
  { id: 'C5 被起诉2件，一审维持1件', prose: '本年度被提起行政诉讼2件，其中1件法院判决维持，1件尚未审结。', t4: { direct: [1, 0, 0, 1] }, bad: { t4: { direct: [0, 0, 0, 2] }, names: ['1', '0'] } },
  { id: 'C6 撤回申请', prose: '收到申请26件，申请人撤回2件，依法答复24件。', t3: { new: 26, pub: 24, o3: 2 }, bad: { t3: { new: 27, pub: 24, o3: 3 }, names: ['26', '27'] } },
  { id: 'C7 规范性文件', prose: '本年度制发行政规范性文件4件，废止2件，现行有效26件。', t2: { normative: [4, 2, 26] }, bad: { t2: { normative: [4, 2, 25] }, names: ['26', '25'] } },
  { id: 'C8 行政处罚、行政强制', prose: '全年作出行政处罚决定136件，行政强制决定3件。', t2: { penalty: 136, coercion: 3 }, bad: { t2: { penalty: 136, coercion: 4 }, names: ['3', '4'] } },
  // ---- ministries and provinces ----
  { id: 'M1 1,236件，较上年增长8.2%', prose: '2021年，本部共收到政府信息公开申请1,236件，较上年增长8.2%；办结1,198件，结转下年度38件。', t3: { new: 1236, pub: 1198, fwd: 38 }, bad: { t3: { new: 1236, pub: 1199, fwd: 37 }, names: ['1199'] } },
  { id: 'M2 新收458件，上年结转27件，合计485件', prose: '本年度新收政府信息公开申请458件，上年结转27件，合计485件。', t3: { new: 458, carried: 27, pub: 485 }, bad: { t3: { new: 458, carried: 26, pub: 484 }, names: ['27', '26'] } },
  { id: 'M3 办结485件，其中…', prose: '全年办结申请485件，其中予以公开210件，部分公开85件，不予公开40件，无法提供120件，不予处理20件，其他处理10件。', t3: { new: 485, pub: 210, part: 85, w4: 40, u1: 120, n1: 20, o3: 10 }, bad: { t3: { new: 485, pub: 210, part: 85, w4: 40, u1: 119, n1: 20, o3: 11 }, names: ['120', '119'] } },
  { id: 'M4 复议12件，维持8件…', prose: '因政府信息公开工作被申请行政复议12件，其中维持8件，纠正1件，其他结果1件，尚未审结2件。', t4: { review: [8, 1, 1, 2] }, bad: { t4: { review: [7, 2, 1, 2] }, names: ['8', '7'] } },
  { id: 'M5 行政诉讼5件，其中复议后起诉2件', prose: '被提起行政诉讼5件，其中未经复议直接起诉3件，复议后起诉2件。', t4: { direct: [3, 0, 0, 0], after: [2, 0, 0, 0] }, bad: { t4: { direct: [4, 0, 0, 0], after: [1, 0, 0, 0] }, names: ['2', '1'] } },
  { id: 'M6 行政事业性收费', prose: '本年度收取行政事业性收费1,203.5万元。', t2: { fees: 1203.5 }, bad: { t2: { fees: 1200 }, names: ['1200'] } },
];

const GUARDS: Guard[] = [
  // ---- zero, 〇 and 零 ----
  { id: 'z1 统计期限 in Chinese numerals', prose: '本报告统计期限为二〇二三年一月一日至二〇二三年十二月三十一日，收到申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'z2 last year in Chinese numerals', prose: '二〇二二年收到申请40件，二〇二三年收到申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'z3 一〇〇件', prose: '本年度共收到政府信息公开申请一〇〇件。', t3: { new: 100, pub: 100 } },
  { id: 'z4 零容忍、零投诉', prose: '坚持对泄密零容忍，收到申请12件，实现零投诉、零差错。', t3: { new: 12, pub: 12 } },
  { id: 'z5 汽车零件', prose: '办结汽车零件进口许可事项，收到申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'z6 零起 not at a clause end', prose: '努力实现行政复议零起的目标，本年度行政复议1件。', t4: { review: [1, 0, 0, 0] } },
  { id: 'z7 零件 not right after its keyword', prose: '受理申请12件，涉及零件采购信息。', t3: { new: 12, pub: 12 } },
  // ---- results in a second clause ----
  { id: 'r1 尚未审结 then 结果为维持 of last year', prose: '上年度行政复议1件，结果为维持；本年度行政复议1件，尚未审结。', t4: { review: [0, 0, 0, 1] } },
  { id: 'r2 其中1件已审结，结果为维持', prose: '本年度行政复议2件，其中1件已审结，结果为维持。', t4: { review: [1, 0, 0, 1] } },
  { id: 'r3 复议机关作出维持决定，申请人不服起诉', prose: '本年度行政复议1件，复议机关作出维持决定，申请人不服提起行政诉讼，目前尚在审理中。', t4: { review: [1, 0, 0, 0], after: [0, 0, 0, 1] } },
  { id: 'r4 复议机关作出撤销决定', prose: '本年度行政复议1件，复议机关作出撤销决定。', t4: { review: [0, 1, 0, 0] } },
  { id: 'r5 全市 results', prose: '全市行政复议案件结果为维持的占85%，本机关行政复议1件。', t4: { review: [0, 1, 0, 0] } },
  { id: 'r6 维持1件，确认违法1件', prose: '本年度行政复议2件，复议机关作出维持决定1件，作出确认违法决定1件。', t4: { review: [1, 1, 0, 0] } },
  { id: 'r7 结果为部分撤销', prose: '本年度行政复议1件，复议结果为部分撤销。', t4: { review: [1, 0, 0, 0] } },
  { id: 'r8 复议机关部分撤销', prose: '本年度行政复议1件，复议机关部分撤销原答复。', t4: { review: [1, 0, 0, 0] } },
  { id: 'r9 一审判决驳回', prose: '本年度行政诉讼1件，一审判决驳回原告诉讼请求。', t4: { direct: [0, 0, 0, 1] } },
  { id: 'r10 判决驳回，原告上诉', prose: '本年度行政诉讼1件，法院判决驳回原告诉讼请求，原告不服已提起上诉。', t4: { direct: [0, 0, 0, 1] } },
  { id: 'r11 复议维持率', prose: '行政复议5件，复议维持率为80%。', t4: { review: [4, 1, 0, 0] } },
  { id: 'r12 （上年度结转）', prose: '本年度行政复议1件（上年度结转）。', t4: { review: [0, 0, 0, 1] } },
  { id: 'r13 （维持1件、纠正1件）', prose: '本年度行政复议2件（维持1件、纠正1件）。', t4: { review: [1, 1, 0, 0] } },
  { id: 'r14 撤销并责令重新答复', prose: '本年度行政复议1件，复议机关撤销原答复并责令重新答复。', t4: { review: [0, 1, 0, 0] } },
  { id: 'r15 复议2件、诉讼1件，尚未审结 (perhaps the last only)', prose: '行政复议2件、行政诉讼1件，尚未审结。', t4: { review: [1, 0, 0, 1], direct: [0, 0, 0, 1] } },
  { id: 'r16 其中1件，尚未审结', prose: '本年度行政复议2件，其中1件，尚未审结。', t4: { review: [1, 0, 0, 1] } },
  { id: 'r17 上年度…尚未审结', prose: '上年度行政复议1件，尚未审结。', t4: { review: [1, 0, 0, 0] } },
  { id: 'r18 申请…尚未审结', prose: '本年度收到申请5件，尚未审结。', t3: { new: 5, pub: 5 } },
  { id: 'r19 全镇…各村均未收到 (a hint at most)', prose: '全镇12个村（社区）均未收到政府信息公开申请。', t3: { new: 3, pub: 3 } },
  { id: 'r20 维持，纠正各1件 (a list, not a result for all)', prose: '本年度行政复议2件，维持，纠正各1件。', t4: { review: [1, 1, 0, 0] } },
  { id: 'r21 一审判决维持，二审尚未审结', prose: '本年度行政诉讼1件，一审判决维持，二审尚未审结。', t4: { direct: [0, 0, 0, 1] } },
  { id: 'r22 （其中维持1件）', prose: '行政复议1件（其中维持1件）。', t4: { review: [1, 0, 0, 0] } },
  { id: 'r23 （复议机关已受理）', prose: '行政复议1件（复议机关已受理）。', t4: { review: [0, 0, 0, 1] } },
  { id: 'r24 新收行政复议2件，上年结转1件 (cases, a part)', prose: '本年度新收行政复议2件，上年结转1件，已全部审结。', t4: { review: [3, 0, 0, 0] } },
  { id: 'r25 有3件于2024年1月答复', prose: '当年受理的申请中，有3件于2024年1月答复。', t3: { new: 12, pub: 9, fwd: 3 } },
  { id: 'r26 全省5.2万件', prose: '全省各级行政机关共收到政府信息公开申请5.2万件。', t3: { new: 326, pub: 326 } },
  { id: 'r27 全年依申请公开申请零件，主动公开信息1,203条', prose: '全年依申请公开申请零件，主动公开信息1,203条。' },
  // ---- 驳回 ----
  // (复议机关驳回1件 with its count is not read: 复议机关 leaves its clause out; left.)
  { id: 'd0 复议机关驳回1件，另1件尚未审结', prose: '本机关作为被申请人的行政复议案件2件，复议机关驳回1件，另1件尚未审结。', t4: { review: [0, 0, 1, 1] } },
  { id: 'd1 驳回不合理诉求', prose: '收到申请12件，依法驳回不合理诉求3件。', t3: { new: 12, pub: 12 } },
  { id: 'd2 驳回1件 as another result', prose: '本年度行政复议2件，其中驳回复议申请1件，维持1件。', t4: { review: [1, 0, 1, 0] } },
  { id: 'd3 一审驳回，已上诉', prose: '本年度行政诉讼2件，一审判决驳回1件，原告已上诉，另1件尚未审结。', t4: { direct: [0, 0, 0, 2] } },
  { id: 'd4 驳回1件 of 3, the rest unnamed', prose: '本年度行政复议3件，其中驳回1件。', t4: { review: [1, 1, 0, 1] } },
  // ---- 件次, 人次, 各, 分别 ----
  { id: 'e1 12件次 (a hint at most)', prose: '全年共收到申请12件次，办结12件次。', t3: { new: 11, pub: 11 } },
  { id: 'e2 人次 counts people', prose: '全年共接待申请人15人次，收到政府信息公开申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'e3 申请12人次', prose: '全年共收到政府信息公开申请12人次。', t3: { new: 10, pub: 10 } },
  { id: 'e4 各乡镇各收到申请1件', prose: '各乡镇各收到申请1件。', t3: { new: 12, pub: 12 } },
  { id: 'e5 每个科室各1件', prose: '每个科室各1件。', t3: { new: 12, pub: 12 } },
  { id: 'e6 两部门各收到申请1件', prose: '县发改局、县教育局各收到申请1件。', t3: { new: 12, pub: 12 } },
  { id: 'e7 2022年、2023年分别为', prose: '2022年、2023年收到申请分别为7件、12件。', t3: { new: 12, pub: 12 } },
  { id: 'e7b 各类申请', prose: '本年度收到各类政府信息公开申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'e8 各1次 (meetings)', prose: '召开行政复议、行政诉讼应诉工作会议各1次。' },
  { id: 'e9 各县（市、区）各收到申请1件以上', prose: '各县（市、区）各收到申请1件以上。', t3: { new: 12, pub: 12 } },
  { id: 'e10 市、县两级各1件', prose: '市、县两级各1件。', t3: { new: 12, pub: 12 } },
  { id: 'e11 土地征收、房屋拆迁各1件', prose: '申请公开事项主要涉及土地征收、房屋拆迁各1件。', t3: { new: 2, pub: 2 } },
  { id: 'e12 行政复议机关、人民法院各1件', prose: '行政复议机关、人民法院各1件。', t4: { review: [1, 0, 0, 0], direct: [1, 0, 0, 0] } },
  // ---- page numbers between blank lines ----
  { id: 'p1 上一年度⏎⏎- 3 -⏎⏎办结申请38件', prose: '本年度共收到政府信息公开申请12件，上一年度\n\n- 3 -\n\n办结申请38件。', t3: { new: 12, pub: 12 } },
  { id: 'p2 上年度⏎⏎第 3 页⏎⏎共收到申请40件', prose: '本年度共收到政府信息公开申请12件，上年度\n\n第 3 页\n\n共收到申请40件。', t3: { new: 12, pub: 12 } },
  { id: 'p3 a paragraph without its 。 before a page number', prose: '本机关工作人员业务水平有待进一步提高\n\n第 3 页\n\n下一步将加强培训，收到申请12件。', t3: { new: 12, pub: 12 } },
  { id: 'p4 全市⏎⏎第 3 页⏎⏎共收到申请', prose: '本年度全市\n\n第 3 页\n\n共收到政府信息公开申请500件，本机关收到申请12件。', t3: { new: 12, pub: 12 } },
  // ---- on time ----
  { id: 'o1 按时答复10件 of 12 (2 late)', prose: '本年度按时答复10件。', t3: { new: 12, pub: 12 } },
  { id: 'o2 按时答复率100%', prose: '本年度收到申请12件，按时答复率100%。', t3: { new: 12, pub: 12 } },
  { id: 'o3 当场答复3件', prose: '本年度收到申请12件，当场答复3件。', t3: { new: 12, pub: 12 } },
  { id: 'o4 延期答复2件', prose: '本年度收到申请12件，延期答复2件。', t3: { new: 12, pub: 12 } },
  { id: 'o5 在法定期限内答复11件', prose: '本年度共收到申请12件，在法定期限内答复11件。', t3: { new: 12, pub: 12 } },
  { id: 'o6 当场答复2件，按时答复10件 (parts)', prose: '本年度收到申请12件，本年度办结12件，其中当场答复2件，按时答复10件。', t3: { new: 12, pub: 12 } },
  { id: 'o7 按时答复率100%，按时答复12件', prose: '本年度按时答复率100%，按时答复12件。', t3: { new: 12, pub: 12 } },
  { id: 'o8 依法按时答复申请12件 of 12, none late', prose: '本年度依法按时答复申请12件，未出现逾期答复情况。', t3: { new: 12, pub: 12 } },
  // ---- the register: other things counted, other periods, other bodies ----
  { id: 'g1 12345热线', prose: '全年办理12345热线工单1,520件，办结率100%。', t3: { new: 12, pub: 12 } },
  { id: 'g2 信访', prose: '全年受理信访事项35件，已全部办结。', t3: { new: 12, pub: 10, fwd: 2 } },
  { id: 'g3 人大建议政协提案', prose: '全年承办人大代表建议42件、政协提案38件，办复率100%。', t3: { new: 12, pub: 12 } },
  { id: 'g4 2019年以来', prose: '2019年以来，本机关累计收到政府信息公开申请86件。', t3: { new: 12, pub: 12 } },
  { id: 'g5 委托下属单位', prose: '收到申请12件，其中转下属单位办理3件。', t3: { new: 12, pub: 12 } },
  { id: 'g6 作为复议机关', prose: '作为行政复议机关，本年度办结行政复议案件56件，其中维持40件。' },
  { id: 'g7 政府信箱', prose: '县长信箱共受理群众来信120件，已办结118件。', t3: { new: 12, pub: 12 } },
  { id: 'g8 依申请公开培训', prose: '组织开展依申请公开业务培训3期，培训120人次。', t3: { new: 12, pub: 12 } },
];

attackRound(7, CASES, GUARDS);

describe('prose attack 7: 件次 is a hint, never a warning', () => {
  it('共收到申请12件次 against 11: prose-unclear, naming both, in 件', () => {
    const found = check(report('全年共收到申请12件次。', { new: 11, pub: 11 })).findings.filter((f) => f.code.startsWith('prose'));
    assert.equal(found.length, 1, show(found));
    assert.equal(found[0].code, 'prose-unclear');
    assert.match(found[0].message, /12件次.*11 件/);
  });
});

// ---- the new readings over every seed's figures (2021 and 2019): true as written, false with one cell changed ----

const seeds = Object.entries(EXPECTED).flatMap(([seed, e]) => [figuresOf(e), figures2019(e)].map((f) => ({ name: `${seed}/${f.version}`, f })));
const q = (f: Figures, key: string) => quantityValue(f, key) ?? 0;
const t3Of = (f: Figures): T3 => ({ new: q(f, 't3.1.total'), carried: q(f, 't3.2.total'), pub: q(f, 't3.3.7.total'), fwd: q(f, 't3.4.total') });
/** 102 → 一〇二: digit by digit, as a year is written. */
const digitwise = (n: number) => [...String(n)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
const warned = (text: string, ...numbers: string[]) => {
  const found = loud(text);
  assert.ok(found.length > 0 && numbers.every((n) => show(found).includes(n)), `${numbers.join(', ')}: ${show(found)}`);
};

describe('prose attack 7 over the seeds: zero and digit-by-digit numerals', () => {
  for (const { name, f } of seeds) {
    const t3 = t3Of(f);
    for (const [word, key, rows] of [['行政复议', 't4.review.total', 'review'], ['行政诉讼', 't4.suit_direct.total', 'direct']] as const) {
      if (q(f, key) !== 0) continue;
      for (const zero of ['〇件', '零件', '0件']) {
        it(`${name} 本年度${word}${zero}`, () => {
          const prose = `本年度收到政府信息公开申请${t3.new}件，${word}${zero}。`;
          assert.deepEqual(loud(report(prose, t3)), []);
          warned(report(prose, t3, { [rows]: [1, 0, 0, 0] }), zero.slice(0, 1), '1');
        });
      }
    }
    for (const [key, row] of [['t3.1.total', 'new'], ['t3.3.7.total', 'pub']] as const) {
      const n = q(f, key);
      if (!String(n).includes('0')) continue;
      it(`${name} ${key} ${digitwise(n)}件 (〇 a digit), after 二〇二三年`, () => {
        const prose = `${digitwise(2023)}年，本机关${row === 'new' ? '共收到政府信息公开申请' : '共办结申请'}${digitwise(n)}件。`;
        assert.deepEqual(loud(report(prose, t3)), []);
        const more: T3 = row === 'new' ? { ...t3, new: t3.new! + 1, pub: t3.pub! + 1 } : { ...t3, pub: t3.pub! + 1, fwd: t3.fwd! - 1 };
        if (row === 'pub' && !t3.fwd) return;
        warned(report(prose, more), digitwise(n), String(n + 1));
      });
    }
  }
});

describe('prose attack 7 over the seeds: results in a second clause, 驳回 below the total, 各', () => {
  for (const { name, f } of seeds) {
    for (const [rows, word, key] of [['review', '本机关被申请行政复议', 't4.review.total'], ['direct', '本机关被提起行政诉讼', 't4.suit_direct.total']] as const) {
      const total = q(f, key);
      if (!total) continue;
      for (const result of ['已全部审结，结果为维持', '经审理，结果均为维持']) {
        it(`${name} ${word}${total}件，${result}`, () => {
          const prose = `${word}${total}件，${result}。`;
          assert.deepEqual(loud(report(prose, {}, { [rows]: [total, 0, 0, 0] })), []);
          warned(report(prose, {}, { [rows]: [total - 1, 1, 0, 0] }), '1');
        });
      }
      it(`${name} ${word}${total}件（维持）; …，结果为撤销`, () => {
        const upheld = `${word}${total}件（维持）。`, corrected = `${word}${total}件，结果为撤销。`;
        assert.deepEqual(loud(report(upheld, {}, { [rows]: [total, 0, 0, 0] })), []);
        warned(report(upheld, {}, { [rows]: [total - 1, 0, 0, 1] }), '尚未审结 1');
        assert.deepEqual(loud(report(corrected, {}, { [rows]: [0, total, 0, 0] })), []);
        warned(report(corrected, {}, { [rows]: [1, total - 1, 0, 0] }), '结果维持 1');
      });
      if (total >= 2) {
        it(`${name} ${word}${total}件，其中驳回1件，其余尚未审结`, () => {
          const prose = `${word}${total}件，其中驳回1件，${total - 1}件尚未审结。`;
          assert.deepEqual(loud(report(prose, {}, { [rows]: [0, 0, 1, total - 1] })), []);
          assert.deepEqual(loud(report(prose, {}, { [rows]: [1, 0, 0, total - 1] })), []);
          warned(report(prose, {}, { [rows]: [0, 1, 0, total - 1] }), '驳回1件');
        });
      }
      it(`${name} 行政复议、行政诉讼各${total}件`, () => {
        const prose = `本年度行政复议、行政诉讼各${total}件。`;
        const both = { review: [total, 0, 0, 0] as [number, number, number, number], direct: [total, 0, 0, 0] as [number, number, number, number] };
        assert.deepEqual(loud(report(prose, {}, both)), []);
        warned(report(prose, {}, { ...both, [rows]: [total + 1, 0, 0, 0] }), String(total), String(total + 1));
      });
    }
  }
});

describe('prose attack 7 over the seeds: a word cut by a page number, answered on time', () => {
  for (const { name, f } of seeds) {
    const t3 = t3Of(f);
    if (!t3.new) continue;
    for (const page of ['第 3 页', '- 3 -']) {
      const prose = `本年度共收到政府信息公开申\n\n${page}\n\n请${t3.new}件。`;
      it(`${name} 申⏎⏎${page}⏎⏎请${t3.new}件: true, nothing; one more in the table, named`, () => {
        assert.deepEqual(loud(report(prose, t3)), []);
        warned(report(prose, { ...t3, new: t3.new! + 1, pub: t3.pub! + 1 }), `${t3.new}件`, String(t3.new! + 1));
      });
    }
    const answered = t3.pub!;
    if (!answered) continue;
    it(`${name} 已按时答复${answered}件: all or some of those answered pass, more warns`, () => {
      const prose = `本年度已按时答复${answered}件。`;
      assert.deepEqual(loud(report(prose, t3)), []);
      assert.deepEqual(loud(report(prose, { ...t3, new: t3.new! + 2, pub: answered + 2 })), []);
      if (answered >= 1 && t3.new! + t3.carried! >= 1) {
        const fewer: T3 = { ...t3, pub: answered - 1, fwd: t3.fwd! + 1 };
        warned(report(prose, fewer), String(answered), String(answered - 1));
      }
    });
  }
});
