import { identityRule } from './identityFindings';

export const table3RowTotal = identityRule({
  code: 'table3-row-total', severity: 'error',
  title: { zh: '表三各行：总计 = 自然人 + 各类法人或其他组织', en: 'Table 3 rows: total = natural persons + organisations' },
  description: {
    zh: '表三每一行的“总计”列，等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。',
    en: 'The total column of every table 3 row equals the sum of the six applicant columns.',
  },
});
