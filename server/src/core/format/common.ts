import type { ColumnSpec, IdentitySpec, RowSpec, SectionSpec, TableKey, TableSpec } from './schema';

// What the statutory formats share: the six sections, where the tables stand, table 3's columns and
// most of its rows, table 4, and the builders the versions' files (2021.ts, 2019.ts) write their
// tables with. Keys are the canonical keys of shared/spec/report-format.md; `match` keywords are
// compared with label text after blanks and punctuation are removed.

export const col = (key: string, header: string, match: string[], extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  ({ key, header, match, decimals: false, signed: false, ...extra });
export const row = (key: string, label: string, name: string, match: string[], columns: string[], extra: Partial<RowSpec> = {}): RowSpec =>
  ({ key, label, name, match, columns, isGroup: false, ...extra });

export const SECTIONS: SectionSpec[] = [
  { number: 1, numeral: '一', title: '总体情况', variants: [] },
  { number: 2, numeral: '二', title: '主动公开政府信息情况', variants: [] },
  { number: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', variants: [] },
  { number: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'] },
  { number: 5, numeral: '五', title: '存在的主要问题及改进情况', variants: ['政府信息公开工作存在的主要问题及改进情况'] },
  { number: 6, numeral: '六', title: '其他需要报告的事项', variants: [] },
];

/** The statistical tables, in order, and the section each stands in (表二 in 二、主动公开政府信息情况, …). */
export const TABLE_KEYS: TableKey[] = ['t2', 't3', 't4'];
export const SECTION_OF: Record<TableKey, number> = { t2: 2, t3: 3, t4: 4 };

// ---- Table 3: the same columns in both versions --------------------------------------------

const LEGAL = { under: '法人或其他组织' };
export const T3_COLUMNS = [
  col('natural', '自然人', ['自然人']),
  col('commercial', '商业企业', ['商业企业'], LEGAL),
  col('research', '科研机构', ['科研机构'], LEGAL),
  col('nonprofit', '社会公益组织', ['社会公益组织'], LEGAL),
  col('legal', '法律服务机构', ['法律服务机构'], LEGAL),
  col('other', '其他', ['其他', '其它'], LEGAL),
  col('total', '总计', ['总计', '合计']),
];
export const T3_COLS = T3_COLUMNS.map((c) => c.key);
export const t3row = (key: string, label: string, name: string, match: string[], extra: Partial<RowSpec> = {}) =>
  row(key, label, name, match, T3_COLS, extra);
export const t3group = (key: string, label: string, match: string[]) =>
  row(key, label, label, match, T3_COLS, { isGroup: true });

export const T3_HEAD: RowSpec[] = [
  t3row('1', '一、本年新收政府信息公开申请数量', '本年新收申请', ['本年新收']),
  t3row('2', '二、上年结转政府信息公开申请数量', '上年结转申请', ['上年结转']),
  t3group('3', '三、本年度办理结果', ['本年度办理结果']),
  t3row('3.1', '（一）予以公开', '予以公开', ['予以公开'], { group: '3' }),
  t3row('3.2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开', ['部分公开'], { group: '3' }),
  t3group('3.3', '（三）不予公开', ['不予公开']),
  t3row('3.3.1', '1.属于国家秘密', '不予公开·属于国家秘密', ['国家秘密'], { group: '3.3' }),
  t3row('3.3.2', '2.其他法律行政法规禁止公开', '不予公开·其他法律行政法规禁止公开', ['禁止公开'], { group: '3.3' }),
  t3row('3.3.3', '3.危及“三安全一稳定”', '不予公开·危及“三安全一稳定”', ['三安全一稳定'], { group: '3.3' }),
  t3row('3.3.4', '4.保护第三方合法权益', '不予公开·保护第三方合法权益', ['第三方合法权益'], { group: '3.3' }),
  t3row('3.3.5', '5.属于三类内部事务信息', '不予公开·属于三类内部事务信息', ['内部事务'], { group: '3.3' }),
  t3row('3.3.6', '6.属于四类过程性信息', '不予公开·属于四类过程性信息', ['过程性信息'], { group: '3.3' }),
  t3row('3.3.7', '7.属于行政执法案卷', '不予公开·属于行政执法案卷', ['执法案卷'], { group: '3.3' }),
  t3row('3.3.8', '8.属于行政查询事项', '不予公开·属于行政查询事项', ['查询事项'], { group: '3.3' }),
  t3group('3.4', '（四）无法提供', ['无法提供']),
  t3row('3.4.1', '1.本机关不掌握相关政府信息', '无法提供·本机关不掌握相关政府信息', ['不掌握'], { group: '3.4' }),
  t3row('3.4.2', '2.没有现成信息需要另行制作', '无法提供·没有现成信息需要另行制作', ['另行制作'], { group: '3.4' }),
  t3row('3.4.3', '3.补正后申请内容仍不明确', '无法提供·补正后申请内容仍不明确', ['仍不明确'], { group: '3.4' }),
  t3group('3.5', '（五）不予处理', ['不予处理']),
  t3row('3.5.1', '1.信访举报投诉类申请', '不予处理·信访举报投诉类申请', ['信访举报'], { group: '3.5' }),
  t3row('3.5.2', '2.重复申请', '不予处理·重复申请', ['重复申请'], { group: '3.5' }),
  t3row('3.5.3', '3.要求提供公开出版物', '不予处理·要求提供公开出版物', ['公开出版物'], { group: '3.5' }),
  t3row('3.5.4', '4.无正当理由大量反复申请', '不予处理·无正当理由大量反复申请', ['大量反复'], { group: '3.5' }),
  t3row('3.5.5', '5.要求行政机关确认或重新出具已获取信息', '不予处理·要求行政机关确认或重新出具已获取信息', ['重新出具'], { group: '3.5' }),
];
export const T3_TAIL: RowSpec[] = [
  t3row('3.7', '（七）总计', '办理结果总计', ['总计', '合计'], { group: '3' }),
  t3row('4', '四、结转下年度继续办理', '结转下年度继续办理', ['结转下年']),
];
const leaves = (rows: RowSpec[]) => rows.filter((r) => r.key.startsWith('3.') && r.key !== '3.7' && !r.isGroup).map((r) => r.key);
const dataRows = (rows: RowSpec[]) => rows.filter((r) => !r.isGroup).map((r) => r.key);

function t3Identities(rows: RowSpec[]): IdentitySpec[] {
  return [
    {
      code: 'table3-balance', per: 'column', sum: ['1', '2'], equals: ['3.7', '4'], totalSide: 'equals', total: '4',
      description: '第一项加第二项之和，等于第三项加第四项之和（本年新收 + 上年结转 = 办理结果总计 + 结转下年度）',
    },
    {
      code: 'table3-outcome-total', per: 'column', sum: ['3.7'], equals: leaves(rows), totalSide: 'sum', total: '3.7',
      description: '（七）总计等于（一）至（六）各项办理结果之和',
    },
    {
      code: 'table3-row-total', per: 'row', sum: ['total'], equals: T3_COLS.slice(0, -1), rows: dataRows(rows), totalSide: 'sum', total: 'total',
      description: '总计列等于自然人与各类法人或其他组织之和',
    },
  ];
}

const T3_TITLE = '收到和处理政府信息公开申请情况';
const T3_ANCHORS = ['勾稽关系', '申请人情况', '本年新收政府信息公开申请数量'];
export const table3 = (rows: RowSpec[], markers: string[]) => ({
  key: 't3' as const, number: 3, title: T3_TITLE, anchors: T3_ANCHORS, markers,
  columns: T3_COLUMNS, rows, identities: t3Identities(rows),
});

// ---- Table 4: the same in both versions ---------------------------------------------------

export const T4_COLUMNS = [
  col('upheld', '结果维持', ['结果维持']),
  col('corrected', '结果纠正', ['结果纠正']),
  col('other', '其他结果', ['其他结果']),
  col('pending', '尚未审结', ['尚未审结']),
  col('total', '总计', ['总计', '合计']),
];
export const T4_COLS = T4_COLUMNS.map((c) => c.key);
export const TABLE4: TableSpec = {
  key: 't4', number: 4, title: '政府信息公开行政复议、行政诉讼情况',
  anchors: ['行政复议'], markers: [],
  columns: T4_COLUMNS,
  rows: [
    row('review', '行政复议', '行政复议', ['行政复议'], T4_COLS),
    row('suit_direct', '行政诉讼·未经复议直接起诉', '行政诉讼（未经复议直接起诉）', ['直接起诉'], T4_COLS),
    row('suit_after_review', '行政诉讼·复议后起诉', '行政诉讼（复议后起诉）', ['复议后起诉'], T4_COLS),
  ],
  identities: [{
    code: 'table4-total', per: 'row', sum: ['total'], equals: ['upheld', 'corrected', 'other', 'pending'], totalSide: 'sum', total: 'total',
    description: '每一类的总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  }],
};

// ---- Table 2 ----------------------------------------------------------------------------

export const T2_TITLE = '主动公开政府信息情况';
export const T2_ANCHORS = ['第二十条第'];
