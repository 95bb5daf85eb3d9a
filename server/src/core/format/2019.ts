import { col, row, T2_ANCHORS, T2_TITLE, T3_HEAD, T3_TAIL, t3row, table3, TABLE4 } from './common';
import type { FormatSpec, RowSpec, TableSpec } from './schema';

// The trial format of 国办公开办函〔2019〕60号, for the reports of 2019 and 2020.

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

const T3_ROWS_2019: RowSpec[] = [...T3_HEAD, t3row('3.6', '（六）其他处理', '其他处理', ['其他处理', '其它处理'], { group: '3' }), ...T3_TAIL];


export const FORMAT_2019 = {
  version: '2019' as const, notice: '国办公开办函〔2019〕60号', firstYear: 2019,
  tables: [TABLE2_2019, table3(T3_ROWS_2019, []), TABLE4],
} satisfies FormatSpec;
