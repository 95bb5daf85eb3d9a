import { proseFindings } from './proseFindings';
import type { Rule } from './types';

export const proseMismatch: Rule = {
  code: 'prose-mismatch', severity: 'warning', statutoryOnly: true,
  title: { zh: '正文中的数字与统计表不符', en: 'A figure in the text disagrees with the tables' },
  description: {
    zh: '正文（多在“总体情况”）复述的数字须与统计表一致：收到、上年结转、办结、结转下年度的申请件数，予以公开、部分公开、不予公开、无法提供、不予处理、其他处理的件数，行政复议、行政诉讼件数，行政处罚、行政许可决定数，规范性文件件数。“未收到申请”“无行政复议”按 0 件核对；“均已办结”与结转下年度、“均胜诉”“均获维持”与表四的纠正和尚未审结核对。“收到”可兼指本年新收与上年结转，“案件”可兼指复议与诉讼，“行政诉讼”是直接起诉与复议后起诉之和：任一读法相符即不报告。其他时期的数字（2023年、上年度、近3年、第一季度、1-6月）、范围（3-5件）、每月数字、同比变化，以及本机关作为复议机关或第三人的案件，不作核对；信箱来信、投诉、审批事项、交办件等其他事务的“办结”“答复”，某一渠道（网上申请 6 件）或其中一部分（新收申请中办结 8 件）的数字，也不当作申请总数核对。“全市”“下属单位”等范围词之后到句末（遇“本机关”“我局”为止）的数字只作提示。正文按勾稽关系所定的表中数字核对：表中某格被指出有误且能算出应为多少的，按算出的数字核对；算不出的，只说明表中该格本身有误，不给修正。快速修复按作者的写法把正文中的数字改为表中的数字，只能逐条使用：“修正全部”不改正文，因为正文也可能才是对的一方。',
    en: 'Figures the text repeats (mostly in 总体情况) must agree with the tables: applications received, carried over, concluded and carried forward; each outcome; administrative reviews and lawsuits; penalty and licensing decisions; normative documents. “未收到申请” and “无行政复议” are checked as zero; “均已办结” against the applications carried forward, “均胜诉” / “均获维持” against table 4. 收到 may count the carried-over applications too, 案件 may count reviews and lawsuits together, and 行政诉讼 is direct plus after-review lawsuits: any reading that matches passes. Figures of other periods (2023年, 上年度, 近3年, 第一季度, 1-6月), ranges (3-5件), per-month figures, changes (同比), and cases where the body is the reviewing authority or a third party are not checked; nor are 办结 / 答复 said of letters, complaints, approvals or assigned matters, or the figure of one channel (网上申请 6 件) or of some of the applications (新收申请中办结 8 件), taken for the applications\' total. After a scope word (全市, 下属单位), the figures to the sentence\'s end (up to 本机关, 我局) only get a hint. The figures are checked against the table as its identities say it should be: a cell they locate as wrong counts with the value they give, and where they cannot give it the finding says the table figure is itself wrong and offers no fix. The quick fix writes the table value in place of the number, in the author\'s style; fix-all never rewrites the text, which may be the right side.',
  },
  check: ({ report }) => proseFindings(report).mismatches.filter((f) => f.code === 'prose-mismatch'),
};
