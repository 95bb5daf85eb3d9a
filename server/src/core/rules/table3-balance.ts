import { identityRule } from './identityFindings';

export const table3Balance = identityRule({
  code: 'table3-balance', severity: 'error',
  title: { zh: '表三各列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度', en: 'Table 3 columns balance: received + carried over = concluded + carried forward' },
  description: {
    zh: '表三每一列都须满足表中印明的勾稽关系：第一项加第二项之和，等于第三项加第四项之和。若只有一格出错，检查会指出是哪一格并给出正确数字；若不止一格出错，则列出可能有误的格，不给修正（改其中一格只会把另一处错误抄进去）。',
    en: 'Every column of table 3 must satisfy the identity printed in the table: item 1 + item 2 = item 3 + item 4. When one cell explains the mismatch, it is named with its correct value; with more than one wrong cell, the cells that may be wrong are listed and no fix is offered (setting one would copy the other mistake).',
  },
});
