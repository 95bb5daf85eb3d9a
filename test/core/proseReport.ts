import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, type Finding } from '../../server/src/core/service';

// The report the prose attacks (proseAttack*.test.ts) put each sentence into: a 2023 township report
// (tab-separated tables, every applicant a natural person) whose tables are given by a few figures.

export type Row = 'new' | 'carried' | 'pub' | 'part' | 'w1' | 'w2' | 'w3' | 'w4' | 'w5' | 'w6' | 'w7' | 'w8'
  | 'u1' | 'u2' | 'u3' | 'n1' | 'n2' | 'n3' | 'n4' | 'n5' | 'o1' | 'o2' | 'o3' | 'fwd';
export type T3 = Partial<Record<Row, number>>;
export type Block = [number, number, number, number];
export interface T4 { review?: Block; direct?: Block; after?: Block }
export interface T2 { regulations?: [number, number, number]; normative?: [number, number, number]; licensing?: number; penalty?: number; coercion?: number; fees?: number }

const LABELS: [Row | 'total', string][] = [
  ['new', '一、本年新收政府信息公开申请数量\t'], ['carried', '二、上年结转政府信息公开申请数量\t'],
  ['pub', '三、本年度办理结果\t（一）予以公开'], ['part', '\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['w1', '\t（三）不予公开\t1.属于国家秘密'], ['w2', '\t\t2.其他法律行政法规禁止公开'], ['w3', '\t\t3.危及“三安全一稳定”'],
  ['w4', '\t\t4.保护第三方合法权益'], ['w5', '\t\t5.属于三类内部事务信息'], ['w6', '\t\t6.属于四类过程性信息'],
  ['w7', '\t\t7.属于行政执法案卷'], ['w8', '\t\t8.属于行政查询事项'],
  ['u1', '\t（四）无法提供\t1.本机关不掌握相关政府信息'], ['u2', '\t\t2.没有现成信息需要另行制作'], ['u3', '\t\t3.补正后申请内容仍不明确'],
  ['n1', '\t（五）不予处理\t1.信访举报投诉类申请'], ['n2', '\t\t2.重复申请'], ['n3', '\t\t3.要求提供公开出版物'],
  ['n4', '\t\t4.无正当理由大量反复申请'], ['n5', '\t\t5.要求行政机关确认或重新出具已获取信息'],
  ['o1', '\t（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['o2', '\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'], ['o3', '\t\t3.其他'],
  ['total', '\t（七）总计'], ['fwd', '四、结转下年度继续办理\t'],
];
const OUTCOMES: Row[] = ['pub', 'part', 'w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7', 'w8', 'u1', 'u2', 'u3', 'n1', 'n2', 'n3', 'n4', 'n5', 'o1', 'o2', 'o3'];

/** A 2023 township report (tab-separated tables, every applicant a natural person) with `prose` as its 总体情况. */
export function report(prose: string, t3: T3 = {}, t4: T4 = {}, t2: T2 = {}): string {
  const total = OUTCOMES.reduce((a, k) => a + (t3[k] ?? 0), 0);
  assert.equal((t3.new ?? 0) + (t3.carried ?? 0), total + (t3.fwd ?? 0), 'table 3 balances');
  const v = (k: Row | 'total') => (k === 'total' ? total : t3[k] ?? 0);
  const t3Rows = LABELS.map(([k, label]) => `${label}\t${[v(k), 0, 0, 0, 0, 0, v(k)].join('\t')}`);
  const block = (b: Block = [0, 0, 0, 0]) => [...b, b[0] + b[1] + b[2] + b[3]];
  const [rg, nm] = [t2.regulations ?? [0, 0, 0], t2.normative ?? [0, 0, 0]];
  return [
    '# 某某县某某镇2023年政府信息公开工作年度报告', '', '## 一、总体情况', '', prose, '',
    '## 二、主动公开政府信息情况', '',
    '第二十条第（一）项\t\t\t', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', `规章\t${rg.join('\t')}`, `行政规范性文件\t${nm.join('\t')}`,
    '第二十条第（五）项\t\t\t', '信息内容\t本年处理决定数量\t\t', `行政许可\t${t2.licensing ?? 0}\t\t`,
    '第二十条第（六）项\t\t\t', '信息内容\t本年处理决定数量\t\t', `行政处罚\t${t2.penalty ?? 0}\t\t`, `行政强制\t${t2.coercion ?? 0}\t\t`,
    '第二十条第（八）项\t\t\t', '信息内容\t本年收费金额（单位：万元）\t\t', `行政事业性收费\t${t2.fees ?? 0}\t\t`, '',
    '## 三、收到和处理政府信息公开申请情况', '',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t\t总计',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t', '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ...t3Rows, '',
    '## 四、政府信息公开行政复议、行政诉讼情况', '',
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    [...block(t4.review), ...block(t4.direct), ...block(t4.after)].join('\t'), '',
    '## 五、存在的主要问题及改进情况', '', '工作人员业务水平有待提高。下一步将加强培训。', '',
    '## 六、其他需要报告的事项', '', '本年度未收取信息处理费。', '',
  ].join('\n');
}

const PROSE = new Set(['prose-mismatch', 'prose-breakdown']);
/** The prose findings that blame the author (warnings and errors; prose-unclear's hints are fine). */
export const loud = (text: string): Finding[] => check(text).findings.filter((f) => PROSE.has(f.code) && (f.severity === 'warning' || f.severity === 'error'));
export const show = (fs: Finding[]) => fs.map((f) => `${f.code}: ${f.message}`).join(' | ');

/** A sentence of a prose attack, TRUE in its report; `bad` makes it FALSE and names the numbers a warning must name. */
export interface Bad { prose?: string; t3?: T3; t4?: T4; t2?: T2; names: string[] }
export interface Guard { id: string; prose: string; t3?: T3; t4?: T4; t2?: T2 }
export interface Case extends Guard { bad: Bad; todo?: string }

/** Whether every number of `names` is in some finding's message, as a number (not part of another). */
const names = (found: string, numbers: string[]) => numbers.every((n) => new RegExp(`(^|[^0-9.])${n.replace('.', '\\.')}($|[^0-9.])`).test(found));

/** A round of prose attacks: every case and guard true gets no prose warning; every case made false gets one naming its numbers. */
export function attackRound(round: number, cases: Case[], guards: Guard[]) {
  describe(`prose attack ${round}: true sentences get no prose warning`, () => {
    for (const c of [...cases, ...guards]) {
      it(c.id, () => {
        const found = loud(report(c.prose, c.t3, c.t4, c.t2));
        assert.deepEqual(found, [], show(found));
      });
    }
  });
  describe(`prose attack ${round}: one figure changed, the warning names it`, () => {
    for (const c of cases) {
      it(c.id, c.todo ? { todo: c.todo } : {}, () => {
        const b = c.bad;
        const found = loud(report(b.prose ?? c.prose, b.t3 ?? c.t3, b.t4 ?? c.t4, b.t2 ?? c.t2));
        assert.ok(found.length > 0, 'no warning');
        assert.ok(names(show(found), b.names), `${b.names.join(', ')} not named: ${show(found)}`);
      });
    }
  });
}
