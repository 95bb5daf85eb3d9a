// The words with which reports state, in prose, the figures the tables hold (the table in
// shared/spec/report-format.md, “Prose figures that must agree with the tables”), as data.
//
// A quantity key names what a table holds: `<table>.<rows>.<columns>`, where rows and columns may
// be joined with “+” (summed) and a row may be a group (t3 “3.3” = all of （三）不予公开) or an
// alias from ROW_ALIASES (t4 “suit” = both kinds of lawsuit). Examples: 't3.1.total',
// 't3.1+2.total' (new + carried over), 't4.suit.total', 't4.all.corrected+pending'.

/** Which figures add up with which when a report breaks a total down (其中 …). */
export type Family =
  | 'application' // received, handled, concluded
  | 'composition' // new and carried over: the two parts of all applications
  | 'carried_forward'
  | 'outcome' // 予以公开 … 其他处理
  | 'reason' // the numbered sub-rows of （三）–（六）
  | 'channel' // 当面, 邮寄, 网上 …: how applications arrived (no table holds them)
  | 'applicant' // 自然人, 法人 …
  | 'review'
  | 'suit'
  | 'result' // 维持, 纠正, 其他结果, 尚未审结: parts of a review or a lawsuit total
  | 'table2';

export interface ClaimKind {
  kind: string;
  /** The words that name it; the longest word wins where two overlap (“复议后起诉” over “复议”). */
  words: string[];
  family: Family;
  /** The table quantity; absent for figures no table holds (channels, applicants, results outside a total). */
  quantity?: string;
  /** Other quantities the wording may equally mean: the figure passes if it matches any. */
  alternatives?: string[];
  /** The sentence must contain one of these, or the word means something else (收到 a letter). */
  needs?: string[];
  /** Used only when no other word of a kind is in the clause (依申请公开 names the topic, not the count). */
  weak?: boolean;
  /** A noun (政府信息公开申请): weaker still, used only when no verb, weak or not, is near the number. */
  noun?: boolean;
  /** The wording leaves the scope open: a mismatch is a hint, not a warning. */
  unclear?: boolean;
  /** The quantity depends on a verb in the clause (规范性文件 制发 / 废止 / 现行有效); no verb, no claim. */
  byVerb?: { verbs: string[]; quantity: string; alternatives?: string[] }[];
  /** Table 4 results: the column, taken with the rows of the review or lawsuit total it is part of. */
  column?: string;
  /** Accepted units: 'count' (件, 起 …) by default; 'money' for 万元. */
  units?: 'count' | 'money';
  /** A figure with one of these words between the keyword and the number counts something else. */
  notBetween?: string[];
}

type Reading = Pick<ClaimKind, 'quantity' | 'alternatives' | 'family' | 'unclear'>;
const RECEIVED: Reading = { quantity: 't3.1.total', alternatives: ['t3.1+2.total'], family: 'application' };
// 办理 may mean received or concluded, and 依申请公开 N 件 names only the topic.
const HANDLED: Reading = { quantity: 't3.1.total', alternatives: ['t3.1+2.total', 't3.3.7.total'], family: 'application', unclear: true };
const DOCUMENT_VERBS = (row: string) => [
  { verbs: ['废止'], quantity: `t2.${row}.repealed` },
  { verbs: ['现行有效'], quantity: `t2.${row}.in_force`, alternatives: [`t2.${row}.total_published`] },
  { verbs: ['制发', '印发', '出台', '制定', '发布', '新制作'], quantity: `t2.${row}.issued`, alternatives: [`t2.${row}.made`] },
];
// (行政许可项目37项, 行政处罚职权126项, 行政强制权力清单12项: items of a list of powers, not decisions.)
const TABLE2_NOT_BETWEEN = ['信息', '事项', '公示', '栏目', '申请', '办件', '业务', '项目', '职权', '权力', '清单'];
/** Applications for other things than information (受理群众申请低保 20 件). */
export const OTHER_APPLICATIONS = ['低保', '救助', '补贴', '补助', '审批', '办件', '投诉', '意见',
  // …or other things received: 收到补正材料 2 件, 收到申请的部门有 3 个.
  '补正', '材料', '告知', '部门', '单位'];
/** Other things concluded (办结民生实事十件, 办结重点项目3个). */
const CONCLUDED_NOT_BETWEEN = ['实事', '项目', '问题', '任务', '民生', '议案'];
/** Events about reviews and lawsuits, not cases (行政复议应诉培训2次, 旁听行政诉讼庭审1次). */
const EVENTS = ['培训', '庭审', '讲座', '会议', '演练', '专题', '学习', '宣传'];
/** An outcome's word naming a thing, not a count of applications (部分公开栏 3 个, 不予公开事项清单). */
const OUTCOME_NOT_BETWEEN = ['栏', '清单', '目录', '制度', '平台', '事项'];

export const CLAIM_KINDS: ClaimKind[] = [
  // ---- table 3: applications ----
  { kind: 'received', words: ['收到', '受理', '接收', '接到', '共收', '收悉'], needs: ['申请'], notBetween: OTHER_APPLICATIONS, ...RECEIVED },
  { kind: 'received', words: ['申请总数', '申请总量', '申请数量', '申请件数', '申请量'], ...RECEIVED },
  // 本年度政府信息公开申请63件: the applications named without a verb; any verb in the clause speaks first.
  { kind: 'received', words: ['信息公开申请'], weak: true, noun: true, notBetween: OTHER_APPLICATIONS, ...RECEIVED },
  { kind: 'new', words: ['新收', '新受理', '新增申请', '新接收'], quantity: 't3.1.total', family: 'composition' },
  { kind: 'handled', words: ['办理', '处理'], needs: ['申请'], weak: true, notBetween: OTHER_APPLICATIONS, ...HANDLED },
  { kind: 'handled', words: ['依申请公开', '依申请'], weak: true, ...HANDLED },
  {
    kind: 'concluded', family: 'application', quantity: 't3.3.7.total', notBetween: CONCLUDED_NOT_BETWEEN,
    words: ['办结', '已办结', '答复', '已答复', '作出答复', '予以答复', '回复', '已回复', '办理完毕', '已办理完毕', '已办理', '处理完毕', '已处理', '办理完成', '完成办理', '办理结果'],
  },
  { kind: 'carried_over', words: ['上年结转', '上年度结转', '上一年度结转', '上一年结转', '往年结转', '上年遗留'], quantity: 't3.2.total', family: 'composition' },
  {
    kind: 'carried_forward', quantity: 't3.4.total', family: 'carried_forward',
    words: ['结转下年', '结转下年度', '继续办理', '结转下一年', '结转至下', '结转到下', '结转至', '结转到', '顺延到下', '顺延至下', '转入下一年', '转入下年', '未办结', '尚未办结', '正在办理', '仍在办理', '尚在办理', '在办理中', '办理中',
      // 无下年度结转, 无转结下年度继续办理件 (转结: a common slip for 结转).
      '下年度结转', '下一年度结转', '转结下年', '转结下一年', '转结至下', '转结到下'],
  },
  // ---- table 3: outcomes (a group's figure is the sum of its sub-rows) ----
  { kind: 'disclosed', words: ['予以公开', '同意公开', '全部公开'], quantity: 't3.3.1.total', family: 'outcome', notBetween: OUTCOME_NOT_BETWEEN },
  { kind: 'partly', words: ['部分公开', '部分予以公开'], quantity: 't3.3.2.total', family: 'outcome', notBetween: OUTCOME_NOT_BETWEEN },
  { kind: 'withheld', words: ['不予公开'], quantity: 't3.3.3.total', family: 'outcome', notBetween: OUTCOME_NOT_BETWEEN },
  { kind: 'unavailable', words: ['无法提供'], quantity: 't3.3.4.total', family: 'outcome', notBetween: OUTCOME_NOT_BETWEEN },
  { kind: 'not_processed', words: ['不予处理'], quantity: 't3.3.5.total', family: 'outcome', notBetween: OUTCOME_NOT_BETWEEN },
  { kind: 'other_processing', words: ['其他处理'], quantity: 't3.3.6.total', family: 'outcome', notBetween: OUTCOME_NOT_BETWEEN },
  // Applications withdrawn (申请人主动撤回2件): the table counts them among the outcomes, most under （六）3.其他, with
  // no row of their own (a part of 其他处理, as a reason is); a figure of those answered in the same sentence may
  // leave them out (claims.ts).
  { kind: 'withdrawn', words: ['撤回', '主动撤回', '撤回申请', '撤销申请'], family: 'reason', notBetween: OUTCOME_NOT_BETWEEN },
  ...([
    ['3.3.1', '国家秘密'], ['3.3.3', '三安全一稳定'], ['3.3.4', '第三方合法权益'], ['3.3.5', '内部事务'],
    ['3.3.6', '过程性信息'], ['3.3.7', '行政执法案卷'], ['3.3.8', '行政查询事项'], ['3.4.1', '不掌握'],
    ['3.4.2', '另行制作'], ['3.5.1', '信访举报', '信访举报投诉'], ['3.5.2', '重复申请'], ['3.5.3', '公开出版物'],
    ['3.5.4', '大量反复'],
    // The statute's rows as writers also put them (逾期未补正, 未按期补正: the same row as 逾期不补正).
    ['3.4.3', '仍不明确', '仍然不明确'], ['3.5.5', '确认或重新出具'],
    ['3.6.1', '逾期不补正', '逾期未补正', '未按期补正', '未按时补正', '逾期没有补正', '未在规定期限内补正', '未在期限内补正'],
    // (The row's own words hold 收费, which alone would veto the clause as one about fees: the longer word is read first.)
    ['3.6.2', '逾期未按收费通知要求缴纳', '未按收费通知要求缴纳', '逾期未缴纳', '逾期未缴费', '逾期不缴纳'],
  ] as const).map(([row, ...words]): ClaimKind => ({ kind: `reason ${row}`, words: [...words], quantity: `t3.${row}.total`, family: 'reason' })),
  // ---- table 4 ----
  { kind: 'review', words: ['行政复议', '复议'], quantity: 't4.review.total', family: 'review', notBetween: EVENTS },
  { kind: 'suit', words: ['行政诉讼', '诉讼', '起诉', '应诉', '被诉'], quantity: 't4.suit.total', family: 'suit', notBetween: EVENTS },
  { kind: 'suit_direct', words: ['直接起诉', '未经复议直接起诉'], quantity: 't4.suit_direct.total', family: 'suit' },
  { kind: 'suit_after_review', words: ['复议后起诉', '经复议后起诉', '复议后被起诉', '经复议后被起诉'], quantity: 't4.suit_after_review.total', family: 'suit' },
  { kind: 'upheld', words: ['维持', '结果维持'], column: 'upheld', family: 'result' },
  { kind: 'corrected', words: ['纠正', '结果纠正', '纠错', '败诉'], column: 'corrected', family: 'result' },
  { kind: 'other_result', words: ['其他结果'], column: 'other', family: 'result' },
  // 结果为驳回1件: dismissed, which the writer may have filled as upheld or as another result (only a whole total's: claims.ts).
  { kind: 'dismissed', words: ['驳回'], column: 'upheld+other', family: 'result' },
  { kind: 'pending', words: ['尚未审结', '未审结', '正在审理', '审理中'], column: 'pending', family: 'result' },
  // ---- table 2 ----
  { kind: 'penalty', words: ['行政处罚'], quantity: 't2.penalty.decisions', family: 'table2', notBetween: TABLE2_NOT_BETWEEN },
  { kind: 'licensing', words: ['行政许可'], quantity: 't2.licensing.decisions', family: 'table2', notBetween: TABLE2_NOT_BETWEEN },
  { kind: 'coercion', words: ['行政强制'], quantity: 't2.coercion.decisions', family: 'table2', notBetween: TABLE2_NOT_BETWEEN },
  // (发布规范性文件解读12件: interpretations of documents, not documents.)
  { kind: 'normative', words: ['规范性文件'], byVerb: DOCUMENT_VERBS('normative'), family: 'table2', notBetween: ['解读'] },
  { kind: 'regulations', words: ['规章'], byVerb: DOCUMENT_VERBS('regulations'), family: 'table2', notBetween: ['解读'] },
  { kind: 'fees', words: ['行政事业性收费'], quantity: 't2.fees.amount', family: 'table2', units: 'money' },
  // ---- parts no table holds ----
  { kind: 'channel', words: ['当面', '现场', '邮寄', '信函', '邮件', '电子邮件', '网络', '网上', '在线', '互联网', '传真', '书面'], family: 'channel' },
  { kind: 'applicant', words: ['自然人', '公民', '法人', '企业', '其他组织', '社会组织', '律师'], family: 'applicant' },
];

/** Which families may be the parts of a total of a family (其中 …); others end the list. */
export const PART_FAMILIES: Partial<Record<Family, Family[]>> = {
  application: ['composition', 'channel', 'applicant', 'outcome', 'reason'],
  composition: ['channel', 'applicant', 'outcome', 'reason'],
  outcome: ['reason'],
  review: ['result'],
  suit: ['result', 'suit'],
};

/** Lists that are complete by nature: their parts must add up to the total, not only stay below it. */
export const COMPLETE_FAMILIES: Partial<Record<Family, number>> = {
  channel: 2, // every application arrives by some channel: two or more named channels are the whole list
  composition: 2, // new + carried over
  outcome: 5, // five or six of the outcome groups named
};

/**
 * A result stated without a number after a table-4 figure (行政复议1件，结果为维持; 复议结果均为维持): every case
 * of that figure ended so. Read only in a clause without a figure of its own (结果为维持1件 is a part).
 */
export const ALL_RESULTS = ['结果为', '结果均为', '结果都为', '结果均是', '结果都是', '结果是', '均为维持', '都为维持', '均为胜诉', '都是维持',
  // 经复议维持原答复; 法院判决驳回原告诉讼请求 (claims.ts: not after 一审, nor before 率 — 复议维持率80%).
  '复议维持', '判决'];

/** Words that change what a clause counts. */
export type Marker =
  | 'veto' // the clause counts something else (咨询, 来信, 12345 …): no claim
  | 'scope' // 备案: a different set of documents; no claim
  | 'unclear' // 代表, 全区 …: another body's figures may be included; a mismatch is only a hint (to the sentence's end)
  | 'self' // 本机关, 我局: the body itself again, after a scope word
  | 'compare' // 同比, 增加 …: the figure is a change, not a count
  | 'approx' // 约, 近, 超过: not an exact figure
  | 'each' // 各, 分别: the figure is per item
  | 'zero' // 未, 无, 没有: a zero claim when a countable word follows
  | 'all' // 均, 全部: 均已办结 / 均获维持
  | 'nil' // 为零, 均为0: the words just before it count none (依申请公开数量为零)
  | 'part' // 其中, 含, 包括: a breakdown follows
  | 'cases' // 案件: may count reviews and lawsuits together
  | 'now' // 本年度: the figures after it are this year's again (2023年为50件，本年度受理63件)
  | 'past' // 上年度, 历年, 第一季度: the figures after it are another period's (a year, several, part of one)
  | 'later' // 截至目前, 截至发稿时: what follows is the state after the period, not this report's
  | 'cumulative' // 累计: after 截至 (截至2023年底，累计受理300件), a sum over the years
  | 'noop'; // words that only look like a marker (无法, 尚未 …) or a keyword (延期答复: some of those answered, not their count)

export const MARKERS: Record<Marker, string[]> = {
  veto: ['收费', '信息处理费', '咨询', '来信', '来电', '来访', '留言', '诉求', '热线', '12345', '提案', '建议', '议案', '信访', '规章制度', '人大代表',
    '每月', '每周', '每季度', '月均', '平均每', '问政', '工单',
    // Other things received and answered (局长信箱…信件5件，已办结5件; 群众投诉; 审批事项; 交办件; 来函; 矛盾纠纷):
    // the clauses after, without a subject of their own, speak of them too (claims.ts).
    '信箱', '来件', '来函', '投诉', '审批事项', '交办', '纠纷',
    // The body as the reviewing authority, or a third party: not its own cases (table 4).
    '复议机关', '行政复议机关', '第三人'],
  scope: ['备案'],
  self: ['本机关', '本单位', '我单位', '本部门', '我部门', '本局', '我局', '本委', '我委', '本办', '我办', '本厅', '我厅',
    '本镇', '我镇', '本乡', '我乡', '本街道', '我街道'],
  unclear: ['代表', '全区', '全县', '全市', '全省', '各部门', '各单位', '各乡镇', '各街道', '各级', '各类', '区政府', '县政府', '市政府', '本级', '系统内',
    '全镇', '全乡', '全街道', '各村', '村（社区）', '社区', '下属', '所属', '镇属', '街属'],
  compare: ['同比', '环比', '增加', '增长', '减少', '下降', '上升', '较上年', '较去年', '比上年', '比去年', '去年', '上年同期', '多出', '提高', '降低',
    // (与上年持平: a comparison; the figure before it is this year's, and so are the clauses after it.)
    '持平'],
  approx: ['约', '近', '逾', '超过', '将近', '大约', '不足', '不到', '多达', '以上', '左右'],
  each: ['各', '分别', '均为', '都是'],
  zero: ['未', '无', '没有', '不存在', '未曾'],
  all: ['均', '全部', '全都', ...ALL_RESULTS],
  nil: ['为零', '为0', '为０', '均为零', '均为0', '均为０', '都为零', '都为0', '皆为零', '皆为0'],
  part: ['其中', '含', '包括', '包含'],
  cases: ['案件'],
  now: ['本年度', '本年', '今年'],
  past: ['上年度', '上一年度', '上年', '前年', '历年', '往年', '多年来', '近年来', '季度', '上半年', '下半年', '月份'],
  cumulative: ['累计'],
  later: ['截至目前', '截止目前', '截至发稿', '截至本报告', '截至报告', '截止报告', '目前', '现已'],
  noop: ['无法', '无正当', '无论', '尚未', '未按', '未能', '有无', '无一例外', '无其他', '未来', '处理决定', '没有现成',
    '延期答复', '延长答复', '逾期答复', '超期答复', '延期办结', '逾期办结', '超期办结',
    // A lawsuit's outcome (一审判决驳回诉讼请求1件), not a lawsuit.
    '诉讼请求', '驳回起诉'],
};

/** Units after a number: counts of applications, cases and decisions; money (table 2 fees); other things. */
export const UNITS = {
  // 件次 counts applications as 件 may, or each submission of one (claims.ts: a hint, never a warning); 人次 counts people.
  count: ['件', '起', '宗', '例', '个', '项', '次', '件次'],
  money: ['万元'],
  other: ['条', '篇', '期', '份', '人次', '人', '家', '场', '元', '万件', '万条'],
};

/** A unit that is part of a word (一次性, 一件事): no count. */
export const WORDS_AFTER_UNITS = '性事';

/**
 * 个, 项, 起 and 次 count applications only when no other noun follows (20 个村 counts villages, 3次会议
 * meetings; 一起研究 is “together”, 一次答复 “at once”).
 */
export const LOOSE_UNITS = ['个', '项', '起', '次'];
export const NOUNS_AFTER_LOOSE_UNITS = ['申请', '案件', '复议', '诉讼', '行政复议', '行政诉讼', '政府信息', '依申请'];

/** The words that, after 均 / 全部, say every application was concluded or every case won. */
export const ALL_CONCLUDED = ['办结', '已办结', '已答复', '办理完毕', '已办理完毕', '处理完毕', '办理完成', '完成办理'];
/**
 * After 均 / 全部, on time: every one answered only when the figure before counts those received (受理申请15件，均已按期
 * 答复); after those answered (答复3050件，均在法定期限内予以答复) it says they were on time, not that none is left.
 */
export const ALL_ON_TIME = ['按期答复', '按时答复', '按期办结', '按时办结', '予以答复'];
export const ALL_WON = ['维持', '胜诉'];
/**
 * 结果为驳回, 复议机关驳回复议申请: a review application or a lawsuit's claims dismissed — upheld or another result, as the
 * writer filled it in; either way, none corrected and none pending.
 */
export const DISMISSED = '驳回';
/** 结果为撤销, 复议机关作出确认违法决定: every case corrected (the table's 结果纠正: 撤销, 变更, 确认违法, 责令履行; a lawsuit lost). */
export const CORRECTED = ['纠正', '撤销', '确认违法', '败诉'];
/** The reviewing authority (复议机关维持原行政行为): of the body's own reviews, what the authority decided. */
export const REVIEW_BODY = ['复议机关', '行政复议机关'];

/** Characters that may fill a clause around a bare number and still leave it about the previous clause's words. */
export const FILLER = '共计合总累达为是有了的约';

/** Rows a quantity key may name together (t4 “suit” = both kinds of lawsuit), with their names. */
export const ROW_ALIASES: Record<string, { rows: string[]; zh: string }> = {
  't4.suit': { rows: ['suit_direct', 'suit_after_review'], zh: '行政诉讼' },
  't4.all': { rows: ['review', 'suit_direct', 'suit_after_review'], zh: '行政复议与行政诉讼' },
};

/** Short names of the rows a sum is made of (表四行政诉讼总计为 0 件（未经复议直接起诉 0 + 复议后起诉 0）). */
export const TERM_NAMES: Record<string, { zh: string; en: string }> = {
  't3.1': { zh: '本年新收', en: 'new' },
  't3.2': { zh: '上年结转', en: 'carried over' },
  't4.review': { zh: '行政复议', en: 'reviews' },
  't4.suit_direct': { zh: '未经复议直接起诉', en: 'direct' },
  't4.suit_after_review': { zh: '复议后起诉', en: 'after review' },
};

/** The names of the quantities the vocabulary names, for messages (others are named from the statute). */
export const QUANTITY_NAMES: Record<string, { zh: string; en: string }> = {
  't3.1.total': { zh: '本年新收申请', en: 'new applications' },
  't3.1+2.total': { zh: '本年新收与上年结转申请合计', en: 'new and carried-over applications together' },
  't3.2.total': { zh: '上年结转申请', en: 'applications carried over' },
  't3.3.7.total': { zh: '办理结果总计', en: 'applications concluded' },
  't3.4.total': { zh: '结转下年度继续办理', en: 'applications carried forward' },
  't3.3.1.total': { zh: '予以公开', en: '予以公开 (disclosed)' },
  't3.3.2.total': { zh: '部分公开', en: '部分公开 (partly disclosed)' },
  't3.3.3.total': { zh: '不予公开各项合计', en: '不予公开 (withheld), all reasons' },
  't3.3.4.total': { zh: '无法提供各项合计', en: '无法提供 (unavailable), all reasons' },
  't3.3.5.total': { zh: '不予处理各项合计', en: '不予处理 (not processed), all reasons' },
  't3.3.6.total': { zh: '其他处理各项合计', en: '其他处理 (otherwise handled), all items' },
  't4.review.total': { zh: '行政复议总计', en: 'administrative reviews in total' },
  't4.suit.total': { zh: '行政诉讼总计', en: 'lawsuits in total' },
  't4.all.total': { zh: '行政复议与行政诉讼合计', en: 'reviews and lawsuits together' },
  't4.suit_direct.total': { zh: '未经复议直接起诉总计', en: 'lawsuits filed directly, in total' },
  't4.suit_after_review.total': { zh: '复议后起诉总计', en: 'lawsuits after review, in total' },
  't2.penalty.decisions': { zh: '行政处罚本年处理决定数量', en: 'administrative penalty decisions' },
  't2.licensing.decisions': { zh: '行政许可本年处理决定数量', en: 'administrative licensing decisions' },
  't2.coercion.decisions': { zh: '行政强制本年处理决定数量', en: 'administrative coercion decisions' },
  't2.fees.amount': { zh: '行政事业性收费金额（万元）', en: 'administrative fees (万元)' },
};
