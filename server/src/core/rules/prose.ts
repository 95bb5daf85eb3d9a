import { COMPLETE_FAMILIES, type Family } from '../format/proseWords';
import type { Claim, Report } from '../model';
import { quantityName, readQuantity, termName, type Quantity } from '../prose/quantities';
import { columnName, num, tableName, tableNameEn } from './names';
import type { Check, Fix, Msg, RawFinding } from './types';

// The prose repeats figures of the tables; the parser's claims say which (prose/claims.ts). A claim
// passes when any reading of its words matches the table. A false alarm costs the author's trust,
// so a claim whose scope is open gets a hint, never a warning.

const EPS = 1e-6;

/** The table readings of a claim that exist in this report: its quantity first, then the alternatives. */
const readings = (report: Report, c: Claim) =>
  [c.quantity, ...(c.alternatives ?? [])].map((q) => readQuantity(report, q)).filter((q): q is Quantity => q !== undefined);

const same = (a: number, b: number) => Math.abs(a - b) < EPS;

/** “表四行政诉讼总计为 0 件（未经复议直接起诉 0 + 复议后起诉 0）” */
function says(q: Quantity, unit: string): Msg {
  const name = quantityName(q);
  const terms = q.terms.length >= 2 && q.terms.length <= 3 ? q.terms.map((t) => ({ name: termName(q.table, t.row), value: num(t.value) })) : [];
  return {
    zh: `${tableName(q.table.key)}${name.zh}为 ${num(q.value)} ${unit}${terms.length ? `（${terms.map((t) => `${t.name.zh} ${t.value}`).join(' + ')}）` : ''}`,
    en: `${tableNameEn(q.table.key)} gives ${num(q.value)} for ${name.en}${terms.length ? ` (${terms.map((t) => `${t.name.en} ${t.value}`).join(' + ')})` : ''}`,
  };
}

/** All readings with distinct values: “表三本年新收申请为 63 件，本年新收与上年结转申请合计为 64 件”. */
function saysAll(qs: Quantity[], unit: string): Msg {
  const distinct = qs.filter((q, i) => qs.findIndex((r) => same(r.value, q.value)) === i);
  const parts = distinct.map((q, i) => {
    if (i === 0) return says(q, unit);
    const name = quantityName(q);
    return { zh: `${name.zh}为 ${num(q.value)} ${unit}`, en: `${num(q.value)} for ${name.en}` };
  });
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', and ') };
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

/** The table value written as the author wrote the number: Arabic stays Arabic, ２３ stays full-width, 二十三 becomes 23. */
function fixFor(c: Claim, value: number): Fix | undefined {
  if (c.form === 'zero' || c.form === 'all' || value < 0) return undefined;
  const text = c.form === 'fullwidth' ? FULL_WIDTH(num(value)) : num(value);
  return { title: { zh: `改为 ${text}`, en: `Change to ${text}` }, edits: [{ range: c.range, newText: text }] };
}

/** 均胜诉 vs table 4: the cells that say otherwise, “行政复议尚未审结 7 件”. */
function against(q: Quantity): Msg {
  const bad = q.terms.filter((t) => t.value > 0);
  return {
    zh: bad.map((t) => `${termName(q.table, t.row).zh}${columnName(q.table, t.col)} ${num(t.value)} 件`).join('、'),
    en: bad.map((t) => `${termName(q.table, t.row).en} ${t.col} ${num(t.value)}`).join(', '),
  };
}

function mismatch(c: Claim, qs: Quantity[]): RawFinding {
  const q = qs[0];
  if (c.form === 'all') {
    const message: Msg = q.key === 't3.4.total'
      ? { zh: `正文说“${c.phrase}”，但表三结转下年度继续办理为 ${num(q.value)} 件：并非全部办结。`, en: `The text says “${c.phrase}” (all concluded), but table 3 carries ${num(q.value)} applications forward.` }
      : {
        zh: `正文说“${c.phrase}”，但表四有${against(q).zh}。`,
        en: `The text says “${c.phrase}” (all upheld or won), but table 4 has ${against(q).en}.`,
      };
    return { code: 'prose-mismatch', message, range: c.range };
  }
  const s = saysAll(qs, c.unit || '件');
  const zero = c.form === 'zero' ? { zh: '（即 0 件）', en: ' (that is, none)' } : { zh: '', en: '' };
  const finding: RawFinding = {
    code: c.unclear ? 'prose-unclear' : 'prose-mismatch',
    message: c.unclear
      ? { zh: `正文说“${c.phrase}”，而${s.zh}；若统计口径相同，请核对。`, en: `The text says “${c.phrase}”, while ${s.en}; if both count the same thing, check the figure.` }
      : { zh: `正文说“${c.phrase}”${zero.zh}，但${s.zh}。`, en: `The text says “${c.phrase}”${zero.en}, but ${s.en}.` },
    range: c.range,
  };
  const fix = c.unclear ? undefined : fixFor(c, q.value);
  if (fix) finding.fix = fix;
  return finding;
}

/** 其中 lists: parts above their total are always wrong; a list complete by nature must add up. */
function breakdowns(claims: Claim[], flagged: Set<number>): RawFinding[] {
  // The parts of each total, one list per family: channels and outcomes of one total add up separately.
  const lists = new Map<string, { total: number; family?: Family; parts: number[] }>();
  claims.forEach((c, i) => {
    if (c.partOf === undefined) return;
    const key = `${c.partOf} ${c.family ?? ''}`;
    const list = lists.get(key);
    if (list) list.parts.push(i); else lists.set(key, { total: c.partOf, family: c.family, parts: [i] });
  });
  const out: RawFinding[] = [];
  for (const { total: t, family, parts } of lists.values()) {
    // A figure already wrong against the tables explains the sum; one finding is enough.
    if (flagged.has(t) || parts.some((i) => flagged.has(i))) continue;
    const total = claims[t];
    const sum = parts.reduce((a, i) => a + claims[i].value, 0);
    const distinct = new Set(parts.map((i) => (family === 'channel' ? claims[i].phrase : claims[i].quantity))).size;
    const complete = family !== undefined && (COMPLETE_FAMILIES[family] ?? Infinity) <= distinct;
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

export const prose: Check = {
  statutoryOnly: true,
  rules: [
    {
      code: 'prose-mismatch', severity: 'warning',
      title: { zh: '正文中的数字与统计表不符', en: 'A figure in the text disagrees with the tables' },
      description: {
        zh: '正文（多在“总体情况”）复述的数字须与统计表一致：收到、上年结转、办结、结转下年度的申请件数，予以公开、部分公开、不予公开、无法提供、不予处理、其他处理的件数，行政复议、行政诉讼件数，行政处罚、行政许可决定数，规范性文件件数。“未收到申请”“无行政复议”按 0 件核对；“均已办结”与结转下年度、“均胜诉”“均获维持”与表四的纠正和尚未审结核对。“收到”可兼指本年新收与上年结转，“案件”可兼指复议与诉讼，“行政诉讼”是直接起诉与复议后起诉之和：任一读法相符即不报告。快速修复按作者的写法把正文中的数字改为表中的数字。',
        en: 'Figures the text repeats (mostly in 总体情况) must agree with the tables: applications received, carried over, concluded and carried forward; each outcome; administrative reviews and lawsuits; penalty and licensing decisions; normative documents. “未收到申请” and “无行政复议” are checked as zero; “均已办结” against the applications carried forward, “均胜诉” / “均获维持” against table 4. 收到 may count the carried-over applications too, 案件 may count reviews and lawsuits together, and 行政诉讼 is direct plus after-review lawsuits: any reading that matches passes. The quick fix writes the table value in place of the number, in the author\'s style.',
      },
    },
    {
      code: 'prose-breakdown', severity: 'warning',
      title: { zh: '正文中分项之和与所述总数不符', en: 'Parts listed in the text do not add up to their total' },
      description: {
        zh: '“其中……”列出的分项之和不能超过所述总数。本身就完整的分类（申请的提交方式：当面、邮寄、网上等；办理结果的各类）列出两类以上时，之和须等于总数。只列出部分分项的“其中”（如“2488条，其中1855条……129条”）不报告。',
        en: 'The parts listed after 其中 cannot add up to more than their total. A breakdown that is complete by nature (how applications arrived: in person, by post, online …; the outcome categories) must add up to it exactly. A 其中 list that names only some parts is fine.',
      },
    },
    {
      code: 'prose-unclear', severity: 'information',
      title: { zh: '正文数字的统计口径不明，且与统计表不一致', en: 'A figure in the text with an open scope differs from the tables' },
      description: {
        zh: '正文的说法可能另有统计口径（如“办理”可指收到或办结，“代表区政府受理”“全区”可能包括其他机关，“其中本机关受理”与总数口径不同），且与表中数字不一致。这只是提示：请确认正文与表格说的是否同一件事。',
        en: 'The wording may count something else (办理 can mean received or concluded; 代表区政府, 全区 may include other bodies; a 其中 figure of the same kind as its total), and the figure differs from the tables. A hint only: check that the text and the table speak of the same thing.',
      },
    },
  ],
  run({ report }) {
    const out: RawFinding[] = [];
    const flagged = new Set<number>();
    report.claims.forEach((c, i) => {
      const qs = readings(report, c);
      if (!qs.length || qs.some((q) => same(q.value, c.value))) return;
      flagged.add(i);
      out.push(mismatch(c, qs));
    });
    return [...out, ...breakdowns(report.claims, flagged)];
  },
};
