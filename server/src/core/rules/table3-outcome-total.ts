import { identityRule } from './identityFindings';

export const table3OutcomeTotal = identityRule({
  code: 'table3-outcome-total', severity: 'error',
  title: { zh: '表三各列：（七）总计 = （一）至（六）各项之和', en: 'Table 3 columns: outcome total = sum of outcomes' },
  description: {
    zh: '“三、本年度办理结果”的（七）总计，等于（一）予以公开至（六）其他处理各小项之和（（三）至（六）是分组标题，不是小计）。',
    en: 'Row （七）总计 equals the sum of every outcome row （一）…（六）; the group labels （三）–（六） are not subtotals.',
  },
});
