import { FIRST_FEE_STATEMENT_YEAR } from '../format/years';
import { lineSpan, type LineIndex } from '../lineIndex';
import { sectionBody, type Report } from '../model';
import { toHalfWidth } from '../strings';
import type { RawFinding, Rule } from './types';

// 一律免费 and 未产生任何费用 state the fees too.
const MENTIONS_FEES = /收费|处理费|收取|免费|费用/;
// Statements that no fee notice was sent: 未发出收费通知, 发出收费通知的件数为0件, 发出收费通知的件数和总金额…均为0.
// Not a 无 that ends in a noun phrase (对…且无正当理由的申请发出收费通知: a notice was sent), nor 均为0 after a count of
// notices (发出收费通知1件，实收金额、减免金额均为0: the amounts are 0).
const NO_NOTICES = [
  /(?:未|没有|无|不存在)[^。；，,的]{0,12}?发出[^。；，,]{0,6}?收费通知/g,
  /发出收费通知的?件数\s*(?:为|是|：|:)?\s*(?:0|零)(?!\.\d|\d)/g,
  /发出收费通知(?:(?![1-9]|[一二两三四五六七八九十]件)[^。；]){0,30}?均为\s*(?:0|零)(?!\.\d|\d)/g,
];

function fees(report: Report, idx: LineIndex): RawFinding[] {
  const other = report.sections.find((s) => s.number === 6);
  if (!other) return [];
  const body = sectionBody(idx, other);
  if (!body.some((b) => MENTIONS_FEES.test(b.text))) {
    return [{
      code: 'fee-statement', range: other.headingRange,
      message: {
        zh: '第六部分没有说明信息处理费情况。按《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），应写明本年发出收费通知的件数和总金额、实际收取的总金额（没有的写0）。',
        en: 'Section 6 does not state the information processing fees: the number and amount of fee notices sent and the amount collected (国办函〔2020〕109号), 0 where none.',
      },
    }];
  }
  // 3.6.2 counts applications dropped because the fee was not paid: a fee notice was sent for each.
  const unpaid = report.tables.t3?.rows['3.6.2']?.cells.total;
  if (!unpaid || !(unpaid.value! > 0)) return [];
  const out: RawFinding[] = [];
  for (const { line: l, from, text } of body) {
    const line = toHalfWidth(text);
    if (!line.includes('收费通知')) continue;
    for (const re of NO_NOTICES) {
      const m = re.exec(line);
      re.lastIndex = 0;
      if (!m) continue;
      out.push({
        code: 'fee-statement', range: lineSpan(l, from + m.index, from + m.index + m[0].length),
        message: {
          zh: `这里说没有发出收费通知，但表三“申请人逾期未按收费通知要求缴纳费用”为${unpaid.value}件，说明本年发出过收费通知。请核对收费通知的件数和金额。`,
          en: `This says no fee notice was sent, but table 3 counts ${unpaid.value} application(s) dropped for an unpaid fee notice.`,
        },
        related: () => [{ range: unpaid.range, message: { zh: '表三：逾期未缴纳费用', en: 'Table 3: fee not paid' } }],
      });
      break;
    }
  }
  return out;
}

export const feeStatement: Rule = {
  code: 'fee-statement', severity: 'warning',
  title: { zh: '信息处理费情况没有说明或与表三矛盾', en: 'Fees not stated, or stated against table 3' },
  description: {
    zh: '2021年度起，第六部分应写明信息处理费情况：发出收费通知的件数和总金额、实际收取的总金额（国办函〔2020〕109号）；“不存在收费情况”“一律免费”“未产生任何费用”这类说明也算写明。表三“申请人逾期未按收费通知要求缴纳费用”大于0时，说明发出过收费通知，正文不能说没有发出。',
    en: 'From the 2021 report on, section 6 states the fees: notices sent (count, amount) and amount collected; a clear “no fees” statement (不存在收费情况, 一律免费, 未产生任何费用) counts. When table 3 row 3.6.2 is above 0, fee notices were sent, and the text cannot say none were.',
  },
  check({ report, idx }) {
    const year = report.year;
    return (year === null ? report.format === '2021' : year >= FIRST_FEE_STATEMENT_YEAR) ? fees(report, idx) : [];
  },
};
