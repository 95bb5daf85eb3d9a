import type { Figures } from './figures';
import { random, wrap } from './typeset';

// Prose that repeats a report's figures, as clerks write it: the 总体情况 paragraph about 主动公开,
// 依申请公开 and 行政复议/诉讼 in many phrasings (clauses reordered, 共/合计/累计, 件/宗/起, Chinese
// numerals, full-width digits, 其中 breakdowns, percentages in brackets, comparisons with last year,
// lines wrapped at a page's width mid-number). Each figure is written with the quantity key it
// speaks of (shared/spec/report-format.md), so a test knows where every number stands and what it
// means; numbers that count something no table holds (dates, 〔2023〕5号, 同比增长12件, 办结率100%)
// are written as distractors, which no reading may bind to a table quantity.

/** A number in the paragraph that repeats a table quantity (`key`), where the text has it. */
export interface ProseFigure {
  key: string;
  value: number;
  /** Offsets of the number (or, for a statement of none or all, of its first word) in `text`. */
  start: number;
  end: number;
  /** 'zero' (未收到…申请) and 'all' (均已办结, 维持, 尚未审结): a statement with no number, about `key` being 0. */
  form: 'number' | 'zero' | 'all';
  /** Which phrasing wrote it: “group/index”, for counting the reader's misses per phrasing. */
  phrasing: string;
}

/** A generated paragraph: its text, the figures it repeats, and the numbers that count something else. */
export interface ProseParagraph {
  text: string;
  figures: ProseFigure[];
  distractors: { start: number; end: number; phrasing: string }[];
}

/** How a variant writes its numbers. */
export type NumberStyle = 'arabic' | 'spaced' | 'fullwidth' | 'chinese';
export const NUMBER_STYLES: NumberStyle[] = ['arabic', 'spaced', 'fullwidth', 'chinese'];

const CN = '零一二三四五六七八九';
/** 63 → 六十三, 12 → 十二, 105 → 一百零五, 2 → 两 (as a count is said). */
export function chineseNumeral(n: number): string {
  if (n === 2) return '两';
  const digits = String(n).split('').map(Number);
  const units = ['', '十', '百', '千'];
  let out = '', zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) { zero = out !== ''; return; }
    if (zero) { out += '零'; zero = false; }
    out += (d === 1 && unit === '十' && out === '' ? '' : CN[d]) + unit;
  });
  return out || '零';
}

const FULL = (s: string) => s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

/** A value written in a style; Chinese numerals only for the whole counts a clerk writes so (1–999). */
export function writeNumber(value: number, style: NumberStyle): string {
  if (style === 'fullwidth') return FULL(String(value));
  if (style === 'chinese' && Number.isInteger(value) && value > 0 && value < 1000) return chineseNumeral(value);
  return String(value);
}

/** How a figure of `key` is written in a paragraph of `style`: an amount of money (30.62万元) never in Chinese numerals. */
export const figureStyle = (key: string, style: NumberStyle): NumberStyle =>
  style === 'spaced' || (style === 'chinese' && key.endsWith('.amount')) ? 'arabic' : style;

/** The value of a quantity key read off the figures by hand (not with the server's reader). */
export function quantityValue(f: Figures, key: string): number | undefined {
  const dot = key.lastIndexOf('.');
  const table = key.slice(0, 2) as 't2' | 't3' | 't4';
  const cells = f.cells[table];
  const rowsOf = (r: string): string[] => {
    if (table === 't4' && r === 'suit') return ['suit_direct', 'suit_after_review'];
    if (table === 't4' && r === 'all') return ['review', 'suit_direct', 'suit_after_review'];
    if (cells[r]) return [r];
    return Object.keys(cells).filter((k) => k.startsWith(r + '.'));
  };
  let sum = 0;
  for (const r of key.slice(3, dot).split('+')) {
    const rows = rowsOf(r);
    if (!rows.length) return undefined;
    for (const row of rows) for (const col of key.slice(dot + 1).split('+')) {
      const text = cells[row]?.[col];
      if (text === undefined) return undefined;
      sum += Number(text);
    }
  }
  return Math.round(sum * 100) / 100;
}

/**
 * A phrasing: text with `{key}` for a figure, `{=key}` before the words of a statement of none or
 * all, `{#text}` for a distractor number, `{Y}` `{Y-1}` `{Y+1}` for years.
 */
type Template = string;
/** A group of phrasings of one statement, each usable when its figures' values allow it. */
interface Group { name: string; phrasings: Template[]; when?: (v: (key: string) => number | undefined) => boolean[] }

const t2key = (f: Figures, row: string, col2021: string, col2019: string) => `t2.${row}.${f.version === '2021' ? col2021 : col2019}`;

/**
 * The statements of a 总体情况 paragraph, by topic. A phrasing is skipped when a value it needs is
 * missing or when it states something the figures do not hold (未收到 with applications received).
 */
function groups(f: Figures): Group[] {
  const issued = t2key(f, 'normative', 'issued', 'made');
  const inForce = t2key(f, 'normative', 'in_force', 'total_published');
  const g: Group[] = [
    {
      name: 'active',
      // Counts no table holds: the reader must leave them alone.
      phrasings: [
        '全年主动公开政府信息{#2488}条，其中通过政府网站发布信息{#1855}条，政务新媒体发布信息{#129}条',
        '通过区政府门户网站发布各类信息{#316}条，召开新闻发布会{#12}场，发布政策解读{#21}篇',
        '在{#20}个村（社区）设立政务公开栏，开展政务公开培训{#3}次，参训人员{#150}人次',
        '全年共组织{#4}次政务公开检查，12345热线转办件{#36}件均已按期回复',
        '便民服务中心全年受理群众申请低保{#20}件，行政许可办件量{#5000}件',
        '全镇设置部分公开栏{#3}个，答复网络问政{#200}件',
        '本机关作为复议机关办理行政复议案件{#20}件',
      ],
    },
    {
      name: 'documents',
      phrasings: [
        `全年制发规范性文件{${issued}}件`,
        `本年度印发行政规范性文件{${issued}}件，现行有效规范性文件{${inForce}}件`,
        `现行有效的规范性文件共{${inForce}}件`,
        `全年作出行政处罚决定{t2.penalty.decisions}件，行政许可决定{t2.licensing.decisions}件`,
        `办理行政处罚案件{t2.penalty.decisions}件，行政强制{t2.coercion.decisions}件`,
        `全年作出行政处罚、行政许可决定分别为{t2.penalty.decisions}件、{t2.licensing.decisions}件`,
        ...(f.version === '2021' ? [`收取行政事业性收费{t2.fees.amount}万元`] : []),
      ],
    },
    {
      name: 'received',
      phrasings: [
        '全年共收到政府信息公开申请{t3.1.total}件',
        '本年度新收政府信息公开申请{t3.1.total}件',
        '共受理政府信息公开申请{t3.1.total}件',
        '{Y}年受理依申请公开事项{t3.1.total}件',
        '收到各类政府信息公开申请共计{t3.1.total}件',
        '本年度共接收政府信息公开申请{t3.1.total}宗',
        '全年共收到{t3.1.total}件政府信息公开申请',
        '本机关新收政府信息公开申请数量为{t3.1.total}件',
        '依申请公开政府信息的申请总数为{t3.1.total}件',
        '全年共受理政府信息公开申请{t3.1+2.total}件（含上年结转{t3.2.total}件）',
        '受理政府信息公开申请{t3.1+2.total}件，其中本年新收{t3.1.total}件，上年结转{t3.2.total}件',
        '本年度新收政府信息公开申请{t3.1.total}件，上年结转{t3.2.total}件，合计{t3.1+2.total}件',
        '新收政府信息公开申请{t3.1.total}件，较上年增加{#12}件',
        '收到政府信息公开申请{t3.1.total}件，同比增长{#12.5}%',
        '政府信息公开申请数量为{t3.1.total}件，比{Y-1}年的{#40}件有所增加',
        '全年收到政府信息公开申请{t3.1.total}件，其中自然人申请{#n:t3.1.natural}件',
        '全年共收到政府信息公开申请{t3.1.total}件，上年度为{#40}件',
        '一年来，共受理政府信息公开申请{t3.1.total}件',
        '{Y}年1月1日至12月31日，共受理政府信息公开申请{t3.1.total}件',
        '申请件数为{t3.1.total}件',
        '全年收到政府信息公开申请共{t3.1.total}件',
        '共收到政府信息公开申请：{t3.1.total}件',
        '本年度新收、上年结转政府信息公开申请分别为{t3.1.total}件、{t3.2.total}件',
        '本年度政府信息公开申请共{t3.1.total}件',
        '{=t3.1.total}未收到政府信息公开申请',
        '{=t4.all.total}未发生政府信息公开行政复议、行政诉讼案件',
      ],
      when: (v) => [true, true, true, true, true, true, true, true, true, v('t3.2.total')! > 0, v('t3.2.total')! > 0, v('t3.2.total')! > 0,
        true, true, true, true, true, true, true, true, true, true, true, true, v('t3.1.total') === 0, v('t4.all.total') === 0],
    },
    {
      name: 'concluded',
      phrasings: [
        '办结{t3.3.7.total}件',
        '已按时答复{t3.3.7.total}件',
        '共答复{t3.3.7.total}件',
        '{t3.3.7.total}件已办理完毕',
        '已办理完毕{t3.3.7.total}件',
        '本年度办结政府信息公开申请{t3.3.7.total}件',
        '作出答复{t3.3.7.total}件，办结率{#100}%',
        '已答复{t3.3.7.total}件，平均答复时间为{#8}个工作日',
        '在法定期限内办结{t3.3.7.total}件，均未超过{#20}个工作日',
        '{t3.3.7.total}件已办结',
        '已办结{t3.3.7.total}件，{t3.4.total}件正在办理中',
        '{=t3.4.total}均已办结',
        '全部申请{=t3.4.total}均已办结',
      ],
      when: (v) => [...Array(11).fill(true), v('t3.4.total') === 0, v('t3.4.total') === 0],
    },
    {
      name: 'outcomes',
      phrasings: [
        '其中予以公开{t3.3.1.total}件，部分公开{t3.3.2.total}件，不予公开{t3.3.3.total}件，无法提供{t3.3.4.total}件，不予处理{t3.3.5.total}件，其他处理{t3.3.6.total}件',
        '从办理结果看，同意公开{t3.3.1.total}件，部分公开{t3.3.2.total}件，因本机关不掌握等原因无法提供{t3.3.4.total}件',
        '予以公开{t3.3.1.total}件（占{#34.5}%），不予处理{t3.3.5.total}件',
        '其中本机关不掌握相关政府信息{t3.3.4.1.total}件，没有现成信息需要另行制作{t3.3.4.2.total}件',
        '属于重复申请的{t3.3.5.2.total}件',
        '予以公开（含部分公开）{#n:t3.3.1+3.2.total}件，不予公开、无法提供、不予处理的分别为{t3.3.3.total}件、{t3.3.4.total}件、{t3.3.5.total}件',
        '予以公开、部分公开的分别有{t3.3.1.total}件和{t3.3.2.total}件',
        '其中因本机关不掌握相关政府信息无法提供{t3.3.4.1.total}件，没有现成信息需要另行制作{t3.3.4.2.total}件',
      ],
    },
    {
      name: 'carried_forward',
      phrasings: [
        '结转下年度继续办理{t3.4.total}件',
        '另有{t3.4.total}件结转至下一年度办理',
        '{t3.4.total}件结转下年度继续办理',
        '截至{Y}年12月31日，尚在办理中的申请{t3.4.total}件',
        '结转到{Y+1}年办理的{t3.4.total}件',
        '尚有{t3.4.total}件在办理中',
      ],
    },
    {
      name: 'review',
      phrasings: [
        '全年发生政府信息公开行政复议{t4.review.total}件',
        '被申请行政复议{t4.review.total}起',
        '因政府信息公开被申请行政复议{t4.review.total}件，其中结果维持{t4.review.upheld}件，结果纠正{t4.review.corrected}件，其他结果{t4.review.other}件，尚未审结{t4.review.pending}件',
        '发生政府信息公开行政复议案件{t4.review.total}件，较上年减少{#3}件',
        '行政复议{t4.review.total}件、行政诉讼{t4.suit.total}件',
        '收到行政复议申请{t4.review.total}件',
        '政府信息公开行政复议{t4.review.total}件（维持{t4.review.upheld}件，纠正{t4.review.corrected}件）',
        '政府信息公开行政复议、行政诉讼分别为{t4.review.total}件、{t4.suit.total}件',
        '{=t4.review.total}未发生政府信息公开行政复议',
        '政府信息公开行政复议{t4.review.total}件，{=t4.review.pending}均已审结',
        '政府信息公开行政复议{t4.review.total}件（{=t4.review.corrected+other+pending}维持）',
        '被申请行政复议{t4.review.total}件，{=t4.review.upheld+corrected+other}尚未审结',
      ],
      when: (v) => [true, true, true, true, true, true, true, true, v('t4.review.total') === 0,
        v('t4.review.total')! > 0 && v('t4.review.pending') === 0, v('t4.review.total')! > 0 && v('t4.review.total') === v('t4.review.upheld'),
        v('t4.review.total')! > 0 && v('t4.review.total') === v('t4.review.pending')],
    },
    {
      name: 'suit',
      phrasings: [
        '行政诉讼{t4.suit.total}件',
        '被提起政府信息公开行政诉讼{t4.suit.total}起',
        '政府信息公开行政诉讼{t4.suit.total}件，其中未经复议直接起诉{t4.suit_direct.total}件，复议后起诉{t4.suit_after_review.total}件',
        '政府信息公开行政复议、行政诉讼案件共{t4.all.total}件',
        '行政诉讼{t4.suit.total}件，其中结果维持{t4.suit.upheld}件，结果纠正{t4.suit.corrected}件，尚未审结{t4.suit.pending}件',
        '政府信息公开行政诉讼{t4.suit.total}件，其中{#1}件一审判决驳回原告诉讼请求',
        '{=t4.suit.total}无政府信息公开行政诉讼案件',
        '政府信息公开行政诉讼{t4.suit.total}件，{=t4.suit.pending}已全部审结',
      ],
      when: (v) => [true, true, true, true, true, v('t4.suit.total')! > 0, v('t4.suit.total') === 0, v('t4.suit.total')! > 0 && v('t4.suit.pending') === 0],
    },
    {
      name: 'history',
      // Other years' figures, spans of years, time limits: no table's.
      phrasings: [
        '近{#3}年累计受理政府信息公开申请{#150}件',
        '近三年累计收到政府信息公开申请{#一百五十}件',
        '上年度共收到政府信息公开申请{#40}件',
        '上一年度办结申请{#38}件',
        '历年累计受理政府信息公开申请{#420}件',
        '自{Y-3}年以来累计受理申请{#300}件',
        '按照《条例》第{#33}条规定，在{#20}个工作日内答复',
        '办理时限由{#20}个工作日压缩至{#10}个工作日',
        '本年度申请数量比上年增加{#23}件',
        '{Y-1}年受理申请{#40}件，办结{#38}件',
        '每月受理申请{#5}至{#6}件，单件办理用时{#3}-{#5}个工作日',
        '全年作出行政处罚决定{#1，092}件',
        '第一季度受理申请{#20}件，上半年共受理政府信息公开申请{#30}件',
        '对{#3}件申请发出补正通知，收到补正材料{#2}件，延期答复{#3}件',
        '截至目前，尚有{#2}件正在办理，受理申请后一次性告知申请人补正',
        '有{#3}件申请因未收到申请人的补正材料而终止办理',
      ],
    },
    {
      name: 'fees',
      phrasings: [
        '全年未收取信息处理费，收费金额为{#0}元',
        '本年度依据《政府信息公开信息处理费管理办法》（国办函〔{#2020}〕{#109}号）收取信息处理费{#0}元',
        '如有疑问请联系{#010-69241234}',
      ],
    },
  ];
  return g;
}

/** The options of one paragraph of the family. */
export interface ProseVariant {
  /** Which phrasing of each group: the n-th usable one (mod their number). */
  pick: number;
  numbers: NumberStyle;
  /** Shuffle the groups' order (a seeded order), or keep the usual 主动公开 → 依申请 → 复议 order. */
  shuffle: boolean;
  /** How clauses of different groups are joined. */
  join: '，' | '；' | '。';
}

/** A paragraph of the family: figures of `f` in the phrasings `v` picks. */
/** The names (“group/index”) of the phrasings that hold `word` and repeat a figure (not distractors only). */
export const phrasingsWith = (f: Figures, word: string): string[] =>
  groups(f).flatMap((g) => g.phrasings.map((p, i) => ({ p, name: `${g.name}/${i}` })))
    .filter(({ p }) => p.includes(word) && /\{t\d/.test(p)).map(({ name }) => name);

export function proseParagraph(f: Figures, v: ProseVariant): ProseParagraph {
  const value = (key: string) => quantityValue(f, key);
  const gs = groups(f);
  const order = gs.map((_, i) => i);
  if (v.shuffle) {
    const rnd = random(v.pick * 7919 + 17);
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
  }
  const para: ProseParagraph = { text: '', figures: [], distractors: [] };
  let k = 0;
  for (const gi of order) {
    const g = gs[gi];
    const fit = g.phrasings.map((p, i) => ({ p, i })).filter(({ p, i }) => (g.when?.(value)[i] ?? true) && readable(p, value));
    if (!fit.length) continue;
    // Different groups step through their phrasings at different rates, so that variants mix them.
    const { p, i } = fit[(v.pick * (gi + 1) + gi) % fit.length];
    if (k++ > 0) para.text += v.join;
    write(para, p, `${g.name}/${i}`, f, v.numbers);
  }
  para.text += '。';
  return para;
}

function readable(p: Template, value: (key: string) => number | undefined): boolean {
  for (const m of p.matchAll(/\{=?([^}#Y]+)\}/g)) if (value(m[1]) === undefined) return false;
  return true;
}

function write(para: ProseParagraph, p: Template, phrasing: string, f: Figures, style: NumberStyle) {
  let i = 0;
  for (const m of p.matchAll(/\{([^}]*)\}/g)) {
    para.text += p.slice(i, m.index);
    i = m.index! + m[0].length;
    const inner = m[1];
    const start = para.text.length;
    if (inner.startsWith('Y')) { para.text += String(f.year + Number(inner.slice(1) || 0)); continue; }
    if (inner.startsWith('#')) {
      // {#n:key}: a distractor that happens to be a table figure no claim covers (自然人申请 …).
      const text = inner.startsWith('#n:') ? String(quantityValue(f, inner.slice(3))) : inner.slice(1);
      para.text += text;
      para.distractors.push({ start, end: para.text.length, phrasing });
      continue;
    }
    if (inner.startsWith('=')) {
      para.figures.push({ key: inner.slice(1), value: 0, start, end: start, form: /^[未无没]/.test(p.slice(i)) ? 'zero' : 'all', phrasing });
      continue;
    }
    const value = quantityValue(f, inner)!;
    const number = writeNumber(value, figureStyle(inner, style));
    const at = style === 'spaced' ? start + 1 : start;
    para.text += style === 'spaced' ? ` ${number} ` : number;
    para.figures.push({ key: inner, value, start: at, end: at + number.length, form: 'number', phrasing });
  }
  para.text += p.slice(i);
}

/**
 * The paragraph as a PDF's text layer has it: lines `width` display columns wide, broken anywhere
 * (inside a number or a word). Offsets move by the line breaks before them.
 */
export function wrapParagraph(para: ProseParagraph, width: number, leadIn = ''): ProseParagraph {
  para = { text: leadIn + para.text, figures: para.figures.map((x) => ({ ...x, start: x.start + leadIn.length, end: x.end + leadIn.length })), distractors: para.distractors.map((d) => ({ ...d, start: d.start + leadIn.length, end: d.end + leadIn.length })) };
  const lines = wrap(para.text, width);
  const breaks: number[] = [];
  let at = 0;
  for (const l of lines.slice(0, -1)) { at += l.length; breaks.push(at); }
  const shift = (o: number, isEnd: boolean) => o + breaks.filter((b) => (isEnd ? b < o : b <= o)).length;
  return {
    text: lines.join('\n'),
    figures: para.figures.map((x) => ({ ...x, start: shift(x.start, false), end: x.form === 'number' ? shift(x.end, true) : shift(x.start, false) })),
    distractors: para.distractors.map((d) => ({ ...d, start: shift(d.start, false), end: shift(d.end, true) })),
  };
}

/** Whether a number of the wrapped paragraph has a line break inside it. */
export const brokenInside = (text: string, x: { start: number; end: number }) => text.slice(x.start, x.end).includes('\n');
