import { COMPLETE_FAMILIES, type Family } from '../format/proseWords';
import type { Claim } from '../model';
import { num } from './names';
import { EPS, proseFindings } from './proseFindings';
import type { RawFinding, Rule } from './types';

const CONCLUDED = 't3.3.7.total';

/** 其中 lists: parts above their total are always wrong; a list complete by nature must add up. */
function breakdowns(claims: Claim[], flagged: Set<number>): RawFinding[] {
  // The parts of each total, one list per family: channels and outcomes of one total add up separately.
  const lists = new Map<string, { total: number; family?: Family; parts: number[] }>();
  // (其中网络平台收到3件，邮件收到1件，协助5件: a part of no known kind may be one more channel.)
  const unnamed = new Set<number>();
  claims.forEach((c, i) => {
    if (c.partOf === undefined) return;
    if (c.family === undefined) unnamed.add(c.partOf);
    const key = `${c.partOf} ${c.family ?? ''}`;
    const list = lists.get(key);
    if (list) list.parts.push(i); else lists.set(key, { total: c.partOf, family: c.family, parts: [i] });
  });
  const out: RawFinding[] = [];
  for (const { total: t, family, parts } of lists.values()) {
    // A figure already wrong against the tables explains the sum; one finding is enough.
    if (flagged.has(t) || parts.some((i) => flagged.has(i))) continue;
    const total = claims[t];
    // Outcomes add up to the applications concluded, not to those received (受理63件，其中予以公开…:
    // some are carried forward, some came from last year); each outcome is held against the table.
    if (family === 'outcome' && total.quantity !== CONCLUDED) continue;
    const sum = parts.reduce((a, i) => a + claims[i].value, 0);
    const distinct = new Set(parts.map((i) => (family === 'channel' ? claims[i].phrase : claims[i].quantity))).size;
    const complete = family !== undefined && !(family === 'channel' && unnamed.has(t)) && (COMPLETE_FAMILIES[family] ?? Infinity) <= distinct;
    const over = sum > total.value + EPS, under = complete && sum < total.value - EPS;
    if (!over && !under) continue;
    const unit = total.unit;
    const list = parts.map((i) => claims[i].phrase).join('、');
    const last = claims[parts[parts.length - 1]];
    const sameLine = last.range.end.line === total.range.start.line;
    out.push({
      code: 'prose-breakdown',
      message: over
        ? { zh: `“${total.phrase}”之下列出的各项（${list}）合计 ${num(sum)} ${unit}，超过了总数 ${num(total.value)} ${unit}。`, en: `The parts listed under “${total.phrase}” (${list}) add up to ${num(sum)}, more than the total ${num(total.value)}.` }
        : { zh: `“${total.phrase}”之下列出的各项（${list}）应涵盖全部，但合计只有 ${num(sum)} ${unit}，少于总数 ${num(total.value)} ${unit}。`, en: `The parts listed under “${total.phrase}” (${list}) should cover all of it, but add up to ${num(sum)}, less than the total ${num(total.value)}.` },
      range: sameLine ? { start: total.range.start, end: last.range.end } : total.range,
      related: () => parts.map((i) => ({ range: claims[i].range, message: { zh: `分项：${claims[i].phrase}`, en: `Part: ${claims[i].phrase}` } })),
    });
  }
  return out;
}

export const proseBreakdown: Rule = {
  code: 'prose-breakdown', severity: 'warning', statutoryOnly: true,
  title: { zh: '正文中分项之和与所述总数不符', en: 'Parts listed in the text do not add up to their total' },
  description: {
    zh: '“其中……”列出的分项之和不能超过所述总数。本身就完整的分类（申请的提交方式：当面、邮寄、网上等；办结总数之下办理结果的各类）列出两类以上时，之和须等于总数。只列出部分分项的“其中”（如“2488条，其中1855条……129条”）不报告。',
    en: 'The parts listed after 其中 cannot add up to more than their total. A breakdown that is complete by nature (how applications arrived: in person, by post, online …; the outcome categories under the number concluded) must add up to it exactly. A 其中 list that names only some parts is fine.',
  },
  check: ({ report }) => breakdowns(report.claims, proseFindings(report).flagged),
};
