import type { WordCell, WordTable } from './word';

// The statute's row labels and column headers as clerks retype them in Word or WPS: numbering
// dropped or in another style, labels shortened, 合计 for 总计 and units in the headers, WPS's
// justification spaces and trailing colons, a label over two lines, a one-character slip of the
// input method, the whole table converted to traditional characters, a province's notes after labels. Each family rewrites every
// label and header it applies to; the statutory cells (numbers) are untouched.

export type LabelFamily =
  | 'numbering-dropped' | 'numbering-restyled' | 'rows-reworded' | 'headers-reworded'
  | 'spaced' | 'broken' | 'typos' | 'traditional' | 'notes' | 'mixed';

/** The families a 'mixed' table takes its labels from, one after another. */
const MIXED: LabelFamily[] = ['numbering-dropped', 'rows-reworded', 'spaced', 'numbering-restyled', 'typos', 'headers-reworded', 'broken', 'traditional', 'notes'];

/** The statute's numbering of a label: 一、 （一） 1. */
const NUMBERING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/;

/** Other ways of writing each level's numbering, taken in turn: the numeral kept, its marks changed, a space after it. */
function restyled(numbering: string, turn: number): string {
  const n = numbering.replace(/[、（）.]/g, '');
  const arabic = /\d/.test(n) ? n : String('一二三四五六七八九十'.indexOf(n) + 1);
  const styles = numbering.endsWith('、') ? [`${n}.`, `${n}．`, `${n} `, `${n}、 `]
    : numbering.startsWith('（') ? [`(${n})`, `（${arabic}）`, `(${arabic})`, `（${n}） `]
      : [`${n}、`, `（${n}）`, `${n}．`, `${n}. `];
  return styles[turn % styles.length];
}

/** Row labels as drafts shorten or reword them (2019 wording in a 2021 table, and the other way round). */
const REWORDED: Record<string, string> = {
  '一、本年新收政府信息公开申请数量': '一、本年新收申请数量',
  '二、上年结转政府信息公开申请数量': '二、上年结转申请数量',
  '三、本年度办理结果': '三、办理结果',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）': '（二）部分公开',
  '1.属于国家秘密': '1.国家秘密',
  '2.其他法律行政法规禁止公开': '2.法律行政法规禁止公开',
  '3.危及“三安全一稳定”': '3.危及三安全一稳定',
  '4.保护第三方合法权益': '4.第三方合法权益',
  '5.属于三类内部事务信息': '5.三类内部事务信息',
  '6.属于四类过程性信息': '6.四类过程性信息',
  '7.属于行政执法案卷': '7.行政执法案卷',
  '8.属于行政查询事项': '8.行政查询事项',
  '1.本机关不掌握相关政府信息': '1.不掌握相关政府信息',
  '2.没有现成信息需要另行制作': '2.需另行制作',
  '3.补正后申请内容仍不明确': '3.补正后仍不明确',
  '1.信访举报投诉类申请': '1.信访、举报、投诉类申请',
  '3.要求提供公开出版物': '3.公开出版物',
  '4.无正当理由大量反复申请': '4.大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息': '5.要求确认或重新出具已获取信息',
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请': '1.申请人逾期不补正',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请': '2.逾期未缴纳费用',
  '（七）总计': '（七）合计',
  '四、结转下年度继续办理': '四、结转下年继续办理',
  '行政规范性文件': '规范性文件',
  '规范性文件': '行政规范性文件',
  '第二十条第（一）项': '第二十条第一项',
};

/** The notes a province's form adds after row labels, in brackets (Hubei's 2020 form: 规章（设区的市、自治州人民政府应提供相关数据）). */
const NOTES: Record<string, string> = {
  '规章': '（设区的市、自治州人民政府应提供相关数据）',
  '行政规范性文件': '（含以本机关名义印发的规范性文件）',
  '行政许可': '（指本年办件量）',
  '行政处罚': '（含简易程序）',
  '3.其他': '（不属于以上情形的）',
  '（七）总计': '（件）',
  '四、结转下年度继续办理': '（截至12月31日）',
};

/** Column headers as drafts reword them: 合计, units, 法人或其他组织 over two header lines. */
const HEADERS: Record<string, string> = {
  '总计': '合计', '自然人': '自然人（件）', '其他': '其他（件）', '法律服务机构': '法律服务机构（件）',
  '本年处理决定数量': '处理决定数量（件）', '本年收费金额（单位：万元）': '收费金额（万元）', '处理决定数量': '本年处理决定数量',
  '结果维持': '结果维持（件）', '尚未审结': '尚未审结（件）',
};

/**
 * One character slipped in the input method (a homophone, a look-alike), in the words that name
 * the row: 部份公开, 制做, 出据, 交纳, 其它 — and 公升 for 公开 where the words are long.
 */
const TYPOS: [string, string][] = [
  ['予以公开', '于以公开'], ['部分公开', '部份公开'], ['国家秘密', '国家秘蜜'], ['禁止公开', '禁止公幵'],
  ['三安全一稳定', '三安全一稳订'], ['合法权益', '合法权宜'], ['内部事务', '内部事物'], ['过程性', '过称性'],
  ['执法案卷', '执法按卷'], ['查询事项', '查寻事项'], ['不掌握', '不掌卧'], ['另行制作', '另行制做'],
  ['仍不明确', '仍不明却'], ['信访举报', '信仿举报'], ['重复申请', '重复申清'], ['出版物', '出版务'],
  ['大量反复', '大量返复'], ['重新出具', '重新出据'], ['逾期不补正', '逾期不补证'], ['缴纳费用', '交纳费用'],
  ['本年新收政府信息公开申请', '本年新收政府信息公升申请'], ['上年结转政府信息公开申请', '上年结转政府信息公升申请'],
  ['结转下年度', '接转下年度'], ['本年度办理结果', '本年度办里结果'],
  ['规范性文件', '规范姓文件'], ['行政许可', '行政许科'], ['行政处罚', '行政处伐'], ['行政强制', '行政强治'], ['行政事业性收费', '行政事业姓收费'],
  ['其他处理', '其它处理'], ['其他', '其它'],
];

/** The characters of the statute's labels and headers that have a traditional form (WPS's 简转繁 run over the table). */
const TRADITIONAL = new Map([...'规規范範许許处處罚罰强強业業费費发發数數废廢现現决決额額单單万萬开開请請结結转轉办辦区區计計这這属屬于於国國稳穩护護权權类類内內务務过過执執询詢项項无無机機关關没沒补補后後确確访訪举舉报報诉訴复復当當认認获獲缴繳纳納总總继繼续續构構会會组組织織议議讼訟经經维維纠糾审審对對采採购購减減况況条條据據系係为為'].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]] as const] : [])));

const toTraditional = (s: string) => [...s].map((c) => TRADITIONAL.get(c) ?? c).join('');

/** A label's text in the family; `turn` varies the choice from label to label. */
function rewrite(c: WordCell, family: LabelFamily, turn: number): Pick<WordCell, 'text' | 'lines'> {
  const same = { text: c.text, lines: c.lines };
  const numbering = NUMBERING.exec(c.text)?.[0] ?? '';
  const rest = c.text.slice(numbering.length);
  const label = c.kind === 'label' || c.kind === 'group';
  switch (family) {
    case 'numbering-dropped': return label && numbering ? { text: rest, lines: [rest] } : same;
    case 'numbering-restyled': {
      if (!label || !numbering) return same;
      const text = restyled(numbering, turn) + rest;
      return { text, lines: [text] };
    }
    case 'rows-reworded': {
      const text = label ? REWORDED[c.text] ?? c.text : c.text;
      return { text, lines: [text] };
    }
    case 'headers-reworded': {
      if (c.kind !== 'head') return same;
      if (c.text === '法人或其他组织') return { text: c.text, lines: ['法人或', '其他组织'] };
      const text = HEADERS[c.text] ?? c.text;
      return text === c.text ? same : { text, lines: [text] };
    }
    case 'spaced': {
      // WPS justifies a short label across its cell (予 以 公 开, 总　计); a longer one ends in a colon now and then.
      if (c.text === '' || c.kind === 'value') return same;
      const chars = [...rest];
      const text = chars.length <= 4 ? numbering + chars.join(turn % 2 ? '\u3000' : ' ') : turn % 3 === 0 ? c.text + '：' : c.text;
      return { text, lines: [text] };
    }
    case 'broken': {
      // A long label wrapped inside its cell: Word saves the wrapped line as the cell's second line.
      if (!label || [...c.text].length <= 10) return same;
      const cut = Math.ceil([...c.text].length / 2);
      return { text: c.text, lines: [c.text.slice(0, cut), c.text.slice(cut)] };
    }
    case 'typos': {
      if (!label) return same;
      const typo = TYPOS.find(([right]) => c.text.includes(right));
      const text = typo ? c.text.replace(typo[0], typo[1]) : c.text;
      return { text, lines: [text] };
    }
    case 'notes': {
      const note = label ? NOTES[c.text] : undefined;
      return note ? { text: c.text + note, lines: [c.text + note] } : same;
    }
    case 'traditional': {
      if (c.kind === 'value') return same;
      return { text: toTraditional(c.text), lines: c.lines.map(toTraditional) };
    }
    case 'mixed': {
      // Each label rewritten in a family of its own: a label reworded next to one with a slip, one spaced out …
      const first = rewrite(c, MIXED[turn % MIXED.length], turn);
      return rewrite({ ...c, ...first }, MIXED[(turn * 3 + 1) % MIXED.length], turn);
    }
  }
}

/** One label, as the statute prints it (`label`), written otherwise (`as`): words that name another row, or none. */
export interface Renamed { label: string; as: string }

/** The table with its labels and headers rewritten in the family, or one label renamed. */
export function relabel(table: WordTable, labels: LabelFamily | Renamed | undefined): WordTable {
  if (!labels) return table;
  let turn = 0;
  const write = (c: WordCell) => typeof labels === 'string' ? rewrite(c, labels, turn++)
    : c.text === labels.label ? { text: labels.as, lines: [labels.as] } : c;
  return { ...table, rows: table.rows.map((row) => ({ ...row, cells: row.cells.map((c) => c.kind === 'value' || c.below ? c : { ...c, ...write(c) }) })) };
}
