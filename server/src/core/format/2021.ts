import { col, row, T2_ANCHORS, T2_TITLE, T3_HEAD, T3_TAIL, t3group, t3row, table3, TABLE4 } from './common';
import type { FormatSpec, RowSpec, TableSpec } from './schema';

// The statutory format of 国办公开办函〔2021〕30号, for the reports of 2021 on.

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

const T3_ROWS_2021: RowSpec[] = [
  ...T3_HEAD,
  t3group('3.6', '（六）其他处理', ['其他处理', '其它处理']),
  t3row('3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '其他处理·逾期不补正', ['逾期不补正', '逾期未补正'], { group: '3.6' }),
  t3row('3.6.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他处理·逾期未缴纳费用', ['缴纳费用', '收费通知', '处理费', '未缴费', '不缴费'], { group: '3.6' }),
  t3row('3.6.3', '3.其他', '其他处理·其他', ['其他', '其它'], { group: '3.6' }),
  ...T3_TAIL,
];
export const FORMAT_2021 = {
  version: '2021' as const, notice: '国办公开办函〔2021〕30号', firstYear: 2021,
  // Table 3 shows the 2021 version by the three rows of （六）其他处理; the 2019 one, by their absence.
  tables: [TABLE2_2021, table3(T3_ROWS_2021, ['逾期不补正', '逾期未补正', '缴纳费用', '不再处理', '收费通知']), TABLE4],
} satisfies FormatSpec;
