import { predatesStatutoryFormat } from '../format/years';
import type { Rule } from './types';

export const formatPre2019: Rule = {
  code: 'format-pre-2019', severity: 'information',
  title: { zh: '2019年度以前的报告不适用法定格式', en: 'A report from before 2019 is not in the statutory format' },
  description: {
    zh: '统一的统计表从2019年度的报告开始使用。更早的报告只提示一次，不检查表格和各部分。',
    en: 'The statutory tables apply from the 2019 report on. An older report gets this one note; its tables and sections are not checked.',
  },
  check({ report, idx }) {
    const year = report.year;
    if (year === null || !predatesStatutoryFormat(year)) return [];
    return [{
      code: 'format-pre-2019', range: report.yearRange ?? idx.lineRange(0),
      message: {
        zh: `这是${year}年度的报告，早于法定格式（2019年度起使用统一的统计表）。不按法定格式检查，也不核对表格。`,
        en: `This is a ${year} report, older than the statutory format (statistical tables from the 2019 report on); it is not checked against the format and its tables are not checked.`,
      },
    }];
  },
};
