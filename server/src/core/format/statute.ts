import type { ColumnSpec, FormatSpec, IdentitySpec, RowSpec, SectionSpec, TableKey, TableSpec } from './schema';

// The statutory format of 政府信息公开工作年度报告: 国办公开办函〔2021〕30号 and the 2019 trial
// format (国办公开办函〔2019〕60号). Keys are the canonical keys of shared/spec/report-format.md.
// `match` keywords are compared with label text after blanks and punctuation are removed.
// The zod schemas in schema.ts check this data in the tests (test/core/format.test.ts), so that
// the CLI and the server do not load zod at start-up.

const col = (key: string, header: string, match: string[], extra: Partial<ColumnSpec> = {}): ColumnSpec =>
  ({ key, header, match, decimals: false, signed: false, ...extra });
const row = (key: string, label: string, name: string, match: string[], columns: string[], extra: Partial<RowSpec> = {}): RowSpec =>
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

const T3_COLUMNS = [
  col('natural', '自然人', ['自然人']),
  col('commercial', '商业企业', ['商业企业']),
  col('research', '科研机构', ['科研机构']),
  col('nonprofit', '社会公益组织', ['社会公益组织']),
  col('legal', '法律服务机构', ['法律服务机构']),
  col('other', '其他', ['其他']),
  col('total', '总计', ['总计']),
];
const T3_COLS = T3_COLUMNS.map((c) => c.key);
const t3row = (key: string, label: string, name: string, match: string[], extra: Partial<RowSpec> = {}) =>
  row(key, label, name, match, T3_COLS, extra);
const t3group = (key: string, label: string, match: string[]) =>
  row(key, label, label, match, T3_COLS, { isGroup: true });

const T3_HEAD: RowSpec[] = [
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
const T3_TAIL: RowSpec[] = [
  t3row('3.7', '（七）总计', '办理结果总计', ['总计'], { group: '3' }),
  t3row('4', '四、结转下年度继续办理', '结转下年度继续办理', ['结转下年度']),
];
const T3_ROWS_2021: RowSpec[] = [
  ...T3_HEAD,
  t3group('3.6', '（六）其他处理', ['其他处理']),
  t3row('3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '其他处理·逾期不补正', ['逾期不补正', '逾期未补正'], { group: '3.6' }),
  t3row('3.6.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他处理·逾期未缴纳费用', ['缴纳费用', '收费通知', '处理费'], { group: '3.6' }),
  t3row('3.6.3', '3.其他', '其他处理·其他', ['其他'], { group: '3.6' }),
  ...T3_TAIL,
];
const T3_ROWS_2019: RowSpec[] = [...T3_HEAD, t3row('3.6', '（六）其他处理', '其他处理', ['其他处理'], { group: '3' }), ...T3_TAIL];

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
const table3 = (rows: RowSpec[], markers: string[]) => ({
  key: 't3' as const, number: 3, title: T3_TITLE, anchors: T3_ANCHORS, markers,
  columns: T3_COLUMNS, rows, identities: t3Identities(rows),
});

// ---- Table 4: the same in both versions ---------------------------------------------------

const T4_COLUMNS = [
  col('upheld', '结果维持', ['结果维持']),
  col('corrected', '结果纠正', ['结果纠正']),
  col('other', '其他结果', ['其他结果']),
  col('pending', '尚未审结', ['尚未审结']),
  col('total', '总计', ['总计']),
];
const T4_COLS = T4_COLUMNS.map((c) => c.key);
const TABLE4: TableSpec = {
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

const T2_TITLE = '主动公开政府信息情况';
const T2_ANCHORS = ['第二十条第'];

const TABLE2_2021: TableSpec = {
  key: 't2', number: 2, title: T2_TITLE, anchors: T2_ANCHORS, markers: ['本年制发件数', '本年废止件数', '现行有效件数'],
  columns: [
    col('issued', '本年制发件数', ['本年制发件数']),
    col('repealed', '本年废止件数', ['本年废止件数']),
    col('in_force', '现行有效件数', ['现行有效件数']),
    col('decisions', '本年处理决定数量', ['处理决定数量']),
    col('amount', '本年收费金额（单位：万元）', ['收费金额'], { decimals: true }),
  ],
  rows: [
    row('regulations', '规章', '规章', ['规章'], ['issued', 'repealed', 'in_force'], { block: '第二十条第（一）项' }),
    row('normative', '行政规范性文件', '行政规范性文件', ['规范性文件'], ['issued', 'repealed', 'in_force'], { block: '第二十条第（一）项' }),
    row('licensing', '行政许可', '行政许可', ['行政许可'], ['decisions'], { block: '第二十条第（五）项' }),
    row('penalty', '行政处罚', '行政处罚', ['行政处罚'], ['decisions'], { block: '第二十条第（六）项' }),
    row('coercion', '行政强制', '行政强制', ['行政强制'], ['decisions'], { block: '第二十条第（六）项' }),
    row('fees', '行政事业性收费', '行政事业性收费', ['行政事业性收费'], ['amount'], { block: '第二十条第（八）项' }),
  ],
  identities: [],
};

const CHANGE = ['prior_items', 'change', 'decisions'];
const TABLE2_2019: TableSpec = {
  key: 't2', number: 2, title: T2_TITLE, anchors: T2_ANCHORS, markers: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '政府集中采购', '上一年项目数量'],
  columns: [
    col('made', '本年新制作数量', ['本年新制作数量']),
    col('published', '本年新公开数量', ['本年新公开数量']),
    col('total_published', '对外公开总数量', ['对外公开总数量']),
    col('prior_items', '上一年项目数量', ['上一年项目数量']),
    col('change', '本年增/减', ['本年增减'], { signed: true }),
    col('decisions', '处理决定数量', ['处理决定数量']),
    col('projects', '采购项目数量', ['采购项目数量']),
    col('amount', '采购总金额', ['采购总金额'], { decimals: true }),
  ],
  rows: [
    row('regulations', '规章', '规章', ['规章'], ['made', 'published', 'total_published'], { block: '第二十条第（一）项' }),
    row('normative', '规范性文件', '规范性文件', ['规范性文件'], ['made', 'published', 'total_published'], { block: '第二十条第（一）项' }),
    row('licensing', '行政许可', '行政许可', ['行政许可'], CHANGE, { block: '第二十条第（五）项' }),
    row('other_services', '其他对外管理服务事项', '其他对外管理服务事项', ['其他对外管理服务事项'], CHANGE, { block: '第二十条第（五）项' }),
    row('penalty', '行政处罚', '行政处罚', ['行政处罚'], CHANGE, { block: '第二十条第（六）项' }),
    row('coercion', '行政强制', '行政强制', ['行政强制'], CHANGE, { block: '第二十条第（六）项' }),
    row('fees', '行政事业性收费', '行政事业性收费', ['行政事业性收费'], ['prior_items', 'change'], { block: '第二十条第（八）项' }),
    row('procurement', '政府集中采购', '政府集中采购', ['政府集中采购'], ['projects', 'amount'], { block: '第二十条第（九）项' }),
  ],
  identities: [],
};

export const FORMATS: FormatSpec[] = [
  {
    version: '2021', notice: '国办公开办函〔2021〕30号',
    // Table 3 shows the 2021 version by the three rows of （六）其他处理; the 2019 one, by their absence.
    tables: [TABLE2_2021, table3(T3_ROWS_2021, ['逾期不补正', '逾期未补正', '缴纳费用', '不再处理', '收费通知']), TABLE4],
  },
  {
    version: '2019', notice: '国办公开办函〔2019〕60号',
    tables: [TABLE2_2019, table3(T3_ROWS_2019, []), TABLE4],
  },
];

export const FORMAT_2021 = FORMATS[0];

export function tableSpec(version: FormatSpec['version'], key: TableSpec['key']): TableSpec {
  const format = FORMATS.find((f) => f.version === version) ?? FORMAT_2021;
  return format.tables.find((t) => t.key === key)!;
}

/** `build` run once per table format, its result kept: what the parser and rules derive from the data. */
export function perTableSpec<T>(build: (spec: TableSpec) => T): (spec: TableSpec) => T {
  // A handful of table formats exist: found by a look along a short list, faster than a WeakMap's hash.
  const specs: TableSpec[] = [], values: T[] = [];
  return (spec) => {
    for (let i = 0; i < specs.length; i++) if (specs[i] === spec) return values[i];
    const value = build(spec);
    specs.push(spec);
    values.push(value);
    return value;
  };
}
