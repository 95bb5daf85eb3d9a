import { FORMAT_2021 } from '../../server/src/core/format/statute';
import type { Expected } from './expected';

// Renders a seed's expected tables as a Markdown report, the way a Markdown author (or a
// PDF-to-Markdown converter) writes them: one pipe row per table row, labels in their own columns.

const spec = (key: 't2' | 't3' | 't4') => FORMAT_2021.tables.find((t) => t.key === key)!;
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const sep = (n: number) => row(Array(n).fill('---'));

function table2(e: Expected): string[] {
  const lines: string[] = [];
  let block = '';
  for (const r of spec('t2').rows) {
    if (r.block !== block) {
      block = r.block!;
      const headers = r.columns.map((c) => spec('t2').columns.find((x) => x.key === c)!.header);
      lines.push('', row([block, ...headers.map(() => '')]), sep(headers.length + 1), row(['信息内容', ...headers]));
    }
    lines.push(row([r.label, ...e.t2[r.key]]));
  }
  return lines;
}

function table3(e: Expected): string[] {
  const cols = spec('t3').columns;
  const lines = [
    row(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', '总计']),
    sep(10),
    row(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '']),
    row(['', '', '', '', ...cols.slice(1, 6).map((c) => c.header), '']),
  ];
  let group = '';
  for (const r of spec('t3').rows) {
    if (r.isGroup) { group = r.label; continue; }
    const values = e.t3[r.key] ?? Array(7).fill(0);
    const depth = r.key.split('.').length;
    const labels = depth === 1 ? [r.label, '', ''] : depth === 2 ? [group, r.label, ''] : ['', group, r.label];
    if (depth === 3 && !r.key.endsWith('.1')) labels[1] = '';
    if (depth === 2 && r.key !== '3.1') labels[0] = '';
    lines.push(row([...labels, ...values]));
  }
  return lines;
}

function table4(e: Expected): string[] {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return [
    row(['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', '']),
    sep(15),
    row([...heads, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', '']),
    row(['', '', '', '', '', ...heads, ...heads]),
    row(e.t4),
  ];
}

export function markdownReport(e: Expected): string {
  return [
    `# 某某镇 ${e.year} 年政府信息公开工作年度报告`, '',
    '## 一、总体情况', '', '本年度工作情况如下。', '',
    '## 二、主动公开政府信息情况', ...table2(e), '',
    '## 三、收到和处理政府信息公开申请情况', '', ...table3(e), '',
    '## 四、政府信息公开行政复议、行政诉讼情况', '', ...table4(e), '',
    '## 五、存在的主要问题及改进情况', '', '无。', '',
    '## 六、其他需要报告的事项', '', '无。', '',
  ].join('\n');
}
