import {
  ALL_CONCLUDED, ALL_ON_TIME, ALL_RESULTS, ALL_WON, CLAIM_KINDS, CORRECTED, DISMISSED, REVIEW_BODY, FILLER, MARKERS, OTHER_APPLICATIONS, PART_FAMILIES,
  type ClaimKind, type Family, type Marker,
} from '../format/proseWords';
import { headingLines, tableSpans, type Claim, type Report } from '../model';
import type { LineIndex, Range } from '../lineIndex';
import { NUMBER_STARTS, readNumber, unitAfter, type ProseNumber } from './numbers';
import { unwrap, type Unwrapped } from './unwrap';

// The prose is read once, outside the tables. It is cut into sentences (。 or a line break — a
// paragraph's: the soft breaks of text wrapped at a page's width are cut out first, prose/unwrap.ts)
// and clauses (，；（）：); a sentence that holds a count (or 未/无/均) is tokenised in one pass into
// numbers, keywords and markers, the others are skipped at one array read per character. A number
// speaks of the keyword in its own clause — the nearest before it, else the nearest after it
// (6件已办理完毕) — never of a keyword in another sentence. Scope words, comparisons, approximate
// figures and other years leave a figure out rather than risk a false alarm.

// ---- the vocabulary, indexed by first character -------------------------------------------------

interface Entry { word: string; kind: ClaimKind | undefined; marker: Marker | undefined }

// The kinds as data write only the fields they use; the reader sees them all in one shape (with
// every field, in one order), which keeps its property reads monomorphic
// (one of three memos — with normOf in parse/labels.ts and parsedKeys in prose/quantities.ts — that together save ~1.1% of the instructions of npm run bench's 2,000-report batch, counted as docs/speed.md says).
const ALL_FIELDS: { [K in keyof Required<ClaimKind>]: undefined } = {
  kind: undefined, words: undefined, family: undefined, quantity: undefined, alternatives: undefined, needs: undefined,
  weak: undefined, noun: undefined, unclear: undefined, byVerb: undefined, column: undefined, units: undefined, notBetween: undefined,
};

/** Entries by the code of their first character, longest word first. */
const BY_FIRST: (Entry[] | undefined)[] = new Array(65536).fill(undefined);
// The few first characters, for setting up the tables without walking all 65,536 codes at start-up.
const FIRSTS = new Map<number, Entry[]>();
{
  const add = (e: Entry) => {
    const c = e.word.charCodeAt(0), list = FIRSTS.get(c) ?? [];
    if (!list.some((x) => x.word === e.word)) list.push(e);
    FIRSTS.set(c, list);
  };
  for (const k of CLAIM_KINDS) {
    const kind = { ...ALL_FIELDS, ...k };
    for (const word of k.words) add({ word, kind, marker: undefined });
  }
  for (const [marker, words] of Object.entries(MARKERS)) for (const word of words) add({ word, kind: undefined, marker: marker as Marker });
  for (const [c, list] of FIRSTS) BY_FIRST[c] = list.sort((a, b) => b.word.length - a.word.length);
}

const NEEDS = [...new Set(CLAIM_KINDS.flatMap((k) => k.needs ?? []))];
const SENTENCE_END = '。！？!?\n\r';
const CLAUSE_SEP = '，,：:；;（）()【】';
const BLANKS = ' \t\u3000\u00a0';
const BRACKETS = '（）()【】';

interface Tok { start: number; end: number; num: ProseNumber | undefined; entry: Entry | undefined }
/** `semicolon`: the clause follows a ； (a new subject may begin); `bracket`: a bracket (各村（社区）受理…: the same subject). */
interface Clause { start: number; end: number; semicolon: boolean; bracket: boolean; toks: Tok[] }

// What each character may start or be, so that the scan skips ordinary text at one array read per
// character (and never makes a one-character string). TRIGGER: the first characters of 未/无/没有/不存在
// and 均/全部 (a sentence without a count may still say none or all) and of 其中/含/包括 (a list of
// counts of other things may add up wrong). OPEN: what may stand between a number and a bracket.
const SEP = 1, END = 2, WORD = 4, NUMBER = 8, TRIGGER = 16, BLANK = 32, OPEN = 64, FILL = 128;
const CLASS = new Uint8Array(65536);
const mark = (chars: string, bit: number) => { for (const ch of chars) CLASS[ch.charCodeAt(0)] |= bit; };
mark(CLAUSE_SEP, SEP);
mark(SENTENCE_END, END);
for (const c of FIRSTS.keys()) CLASS[c] |= WORD;
mark(NUMBER_STARTS, NUMBER);
// (结果为维持 is read only in a sentence read for another reason — a count, 均: its 结 would make every 结 of the prose a stop.)
for (const word of [...MARKERS.zero, ...MARKERS.all, ...MARKERS.part, ...MARKERS.nil]) if (!ALL_RESULTS.includes(word) || word.startsWith('均') || word.startsWith('都')) mark(word[0], TRIGGER);
mark(BLANKS, BLANK);
mark('（(，', OPEN);
mark(FILLER, FILL);

/** Cuts a sentence into clauses, with their tokens, in one pass. */
function tokenize(s: string, from: number, to: number): Clause[] {
  const sentence: Clause[] = [];
  let clause: Clause = { start: from, end: from, semicolon: false, bracket: false, toks: [] };
  for (let i = from; i < to;) {
    const cls = CLASS[s.charCodeAt(i)];
    if (cls === 0) { i++; continue; }
    if (cls & (SEP | END)) {
      clause.end = i;
      sentence.push(clause);
      const c = s.charCodeAt(i);
      clause = { start: i + 1, end: i + 1, semicolon: c === 0xff1b || c === 0x3b, bracket: BRACKETS.includes(s[i]), toks: [] };
      i++;
      continue;
    }
    if (cls & WORD) {
      const entry = entryAt(s, i);
      if (entry) {
        clause.toks.push({ start: i, end: i + entry.word.length, num: undefined, entry });
        i += entry.word.length;
        continue;
      }
    }
    if (cls & NUMBER) {
      const num = readNumber(s, i);
      if (num) clause.toks.push({ start: num.start, end: num.after, num, entry: undefined });
      // Past the whole run of digits even when it is no number, so that a long run is read once.
      i = Math.max(num ? num.after : unitAfter(s, i).end, i + 1);
      continue;
    }
    i++;
  }
  clause.end = to;
  sentence.push(clause);
  return sentence;
}

// ---- binding ----------------------------------------------------------------------------------

/** A number that may be a claim or a part of a breakdown. */
interface Figure {
  num: ProseNumber;
  kind: ClaimKind | undefined;
  quantity: string | undefined;
  alternatives: string[] | undefined;
  family: Family | undefined;
  /** The keyword follows the number (6件已办理完毕): a new statement, not a part of a list. */
  numberFirst: boolean;
  unclear: boolean;
  phrase: string;
  claim: number | undefined;
  /** The keyword it is bound to. */
  word: Tok | undefined;
  /** Those its keyword counts, in a manner (按期答复10件: on time), which may be some of them (claims.ts TIMELY). */
  timely?: boolean;
  /** 驳回1件 among other results: the rows' upheld+other, of which it is some (ProseReader.dismissals). */
  within?: string;
}

/** `bracket`: the list is a bracket's after its total (行政复议2件（维持2件）), and ends with it. */
interface Breakdown { total: Figure; allowed: Family[]; bracket?: boolean }

const DESCRIPTORS: Family[] = ['channel', 'applicant'];
const isDescriptor = (k: ClaimKind) => DESCRIPTORS.includes(k.family);
/** Only blanks or a bracket between two places a few characters apart: 64件（含…, 约 70. */
const near = (s: string, from: number, to: number) => {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) if (!(CLASS[s.charCodeAt(i)] & (BLANK | OPEN))) return false;
  return true;
};
const rowsOf = (quantity: string) => quantity.slice(0, quantity.lastIndexOf('.'));
/** Whether a table-3 group's quantity (t3.3.4.total) holds a row's (t3.3.4.1.total). */
const nests = (group: string, row: string) => group.startsWith('t3.') && row.startsWith(rowsOf(group) + '.');
/** Whether the last two figures are this year's new applications and last year's carried over, in either order. */
const composition = (placed: Figure[]) => {
  const [a, b] = placed.slice(-2).map((f) => f.quantity);
  return (a === 't3.1.total' && b === 't3.2.total') || (a === 't3.2.total' && b === 't3.1.total');
};
/** The families of application figures, which a review's or a lawsuit's word makes doubtful. */
const APPLICATION_SIDE: Family[] = ['application', 'composition', 'carried_forward', 'outcome', 'reason'];
const JOINERS = '及和与、或';
/** Some of the applications named before it (申请中, 处理中有). */
const PARTITIVE = /(?:申请|处理|公开|提供)中/;
/** Words before 申请 that make it an application for something else than information. */
const NOT_INFORMATION = ['许可', '处罚', '强制', '复议', '诉讼', '其他', '其它', ...OTHER_APPLICATIONS,
  // 未受理不符合条件的申请, 未收到重复申请: none of some applications, not none at all.
  '符合', '条件', '属于', '重复', '无效', '匿名'];
/** 截至/截止 (a date), then no word of this year, up to 累计. */
const SINCE = /截[至止](?!.*(?:本年|全年|今年|年内))/;
/** A cause other than the disclosure of information itself (因答复超期, 由于…): between 未 and 行政复议. */
const CAUSED = /(?:因|由于)(?!(?:政府)?信息公开|依申请公开)/;
/** What may follow a bare 结转 after 无 up to the clause's end (无结转, 无结转件). */
const BARE_FORWARD = ['', '件', '申请', '的申请', '情况', '的情况', '事项', '的事项'];
const ZERO_RESULT_NOUNS = ['', '案件', '的案件', '情况', '的情况', '情形', '的情形', '现象', '的现象'];
/** What may stand between 未/无 and a table-2 decision's keyword (未作出行政处罚决定), and after it up to the clause's end. */
const ZERO_TABLE2_VERBS = ['', '作出', '发生', '实施', '作出过'];
/** What may stand between 未/无 and a result (未被纠错, 没有发生败诉). */
const ZERO_RESULT_VERBS = ['', '被', '发生', '出现', '发生被', '出现被', '有被'];
const ZERO_TABLE2_NOUNS = ['', '决定', '事项', '案件', '行为', '的情况', '决定的情况', '案件的情况'];
/** What may stand between the last keyword and 为零 (依申请公开数量为零, 行政复议案件均为0). */
const NIL_BETWEEN = ['', '件', '数', '数量', '件数', '总数', '总量', '案件', '案件数', '的数量', '的件数', '案件数量', '的案件'];
const NIL_DIGIT = /[0０]$/;
const UNIT_FIRSTS = '件起宗例个项次万条篇期份人家场元%％\n';
/** After last year's number: carried over from it (2022年结转, 2022年度结转的). */
const CARRIED_FROM = /^年度?结转/;
/**
 * A time before 办结 / 答复 (按期答复10件, 在法定期限内予以答复): those concluded on time. Alone, it is some of those
 * concluded, all of them only if none was late (已按时答复18件): it disagrees only when it is more (Claim.atMost); as a part
 * of a list (答复12件，其中按期答复10件) or beside those answered late (按期答复10件，延期答复2件), it is no claim — 12
 * answered, 10 on time, is no inconsistency.
 */
const TIMELY = /(?:按期|按时|如期|及时|当场|当日|当天|即时|限期内|期限内|时限内|提前|延期|逾期|超期|延长)(?:予以|依法|进行|作出|已经?|的)?$/;
const LATE = ['延期答复', '延长答复', '逾期答复', '超期答复', '延期办结', '逾期办结', '超期办结', '延期办理', '延长办理'];
/** What opens one more part of a list (另有1件…). */
const ADDED = ['另有', '还有', '另', '此外'];
/** Words that name the rest of a list. */
const REST = ['其他', '其它', '其余'];

/** The vocabulary entry at `i`, the longest that matches. */
function entryAt(s: string, i: number): Entry | undefined {
  const list = BY_FIRST[s.charCodeAt(i)];
  if (!list) return undefined;
  const second = s.charCodeAt(i + 1);
  for (const e of list) {
    if (!((e.word.length === 1 || e.word.charCodeAt(1) === second) && s.startsWith(e.word, i))) continue;
    // 为0 is none, 为0.5万元 and 为05 are not; 为0件 is a count the number reader reads (分别为0件、0件), 均为0件 none of each.
    if (e.marker === 'nil' && NIL_DIGIT.test(e.word) && ((CLASS[s.charCodeAt(i + e.word.length)] & NUMBER) || '.．'.includes(s.charAt(i + e.word.length) || 'x') ||
      (e.word.length === 2 && UNIT_FIRSTS.includes(s.charAt(i + 2) || 'x')))) continue;
    return e;
  }
  return undefined;
}

/** What may stand between 收到/受理 and 申请 in an application for information (收到公民、法人和其他组织提出的申请). */
const APPLICATION_LEAD = /公民|法人|其他组织|组织|自然人|企业|群众|公众|个人|律师|网上|网络|在线|当面|现场|信函|邮寄|书面|电子|邮件|传真|各类|提出|提交|通过|方式|本年度?|新|有效|和处理|处理|的|和|或|及|与|等|共|计|了|、/g;
/** Whether `between` (a verb of receiving to its figure) names an application for something else: no 信息/公开 before 申请, and two characters or more there that are none of APPLICATION_LEAD. */
function otherApplication(between: string): boolean {
  const at = between.indexOf('申请');
  if (at < 2) return false;
  const lead = between.slice(0, at);
  return !/信息|公开/.test(lead) && lead.replace(APPLICATION_LEAD, '').trim().length >= 2;
}

/** Whether the words name some applicants, not both people and organisations (公民、法人和其他组织: all of them). */
function someApplicants(toks: Tok[]): boolean {
  let people = false, organisations = false;
  for (const t of toks) {
    if (t.entry?.kind?.family !== 'applicant') continue;
    if (PEOPLE.includes(t.entry.word)) people = true; else organisations = true;
  }
  return people !== organisations;
}
const PEOPLE = ['自然人', '公民', '律师'];
/** A keyword that 办结 / 答复 after it only qualifies (予以公开答复, 结转下年度答复). */
const answeredAs = (t: Tok) => t.entry!.kind!.family === 'outcome' || t.entry!.kind!.family === 'carried_forward';

const ALL_FIRST = new Set([...ALL_CONCLUDED, ...ALL_ON_TIME, ...ALL_WON, ...MARKERS.all].map((w) => w.charCodeAt(0)));

/**
 * 行政复议1件。结果为维持。 复议机关维持原行政行为。: a sentence without a count, read after one whose last figure is a
 * table-4 total when it speaks of results (结果, 复议机关) — the only sentences that pay for this look.
 */
const resultsOf = (previous: Figure, sentence: string) =>
  previous.quantity !== undefined && previous.quantity.startsWith('t4.') && /结果|复议机关/.test(sentence);

/** The results that follow 结果为 (and 判决, 复议机关作出…): upheld, won, dismissed, corrected. */
const RESULT_WORDS = [...ALL_WON, DISMISSED, ...CORRECTED];
/** A clause of one result word (维持, 尚未审结, 正在审理中, 已审结): 行政复议1件（维持）, 行政复议1件，尚未审结. */
const RESULT_ALONE = /^\s*(?:目前|现|现已|均|都|已|已经|全部)*(维持|驳回|纠正|撤销|确认违法|胜诉|败诉|审结|结案|正在审理中?|尚在审理中?|仍在审理中?|审理中|尚未审结|未审结|尚未判决|尚未结案)(?:原答复|原行政行为|原具体行政行为|原决定)?\s*$/;
const PENDING = /审理|未/;
/** The columns of table 4 that a result said of every case leaves empty. */
const othersThan = (result: string) =>
  result === '维持' ? 'corrected+other+pending' : CORRECTED.includes(result) ? 'upheld+other+pending' : 'corrected+pending';

const isFigure = (t: Tok) => !!t.num && !t.num.notCount && t.num.unitClass !== 'none';
/**
 * 各 right before a figure, its verb, or a short word and its figure (各1件, 各收到申请1件, 各发生1件), not a scope's (各类,
 * 各单位): the figure is each one's.
 */
const distributes = (toks: Tok[], i: number) => {
  const next = toks[i + 1];
  return toks[i].entry?.word === '各' && next !== undefined &&
    (isFigure(next) ? next.start - toks[i].end <= 3 : next.start === toks[i].end && !!next.entry?.kind);
};

class ProseReader {
  /** The text read: the document, or the document with its soft line breaks cut out. */
  private readonly s: string;
  /** The words of CLAIM_KINDS.needs that the sentence being read contains. */
  private met: string[] = [];
  /** The last figure of the sentence before: the subject of one that opens with 均 (收到申请6件。均已办结。). */
  private previous: Figure | undefined;
  /** The claims of 驳回 N 件 as a part, with the rows' upheld+other they are some of (this sentence's). */
  private dismissed: [number, string][] = [];

  constructor(
    private readonly view: Unwrapped,
    private readonly idx: LineIndex,
    private readonly year: number | null,
    private readonly claims: Claim[],
  ) {
    this.s = view.text;
  }

  /**
   * Reads the sentences of s[from, to) that hold a count, or a word that may say none or all (未收到,
   * 均已办结); the others — most of the prose — cost one array read per character.
   */
  read(from: number, to: number) {
    const { s } = this;
    // worth: a count, 未/无 or 均; items: a count of other things (条, 篇), worth reading only in a 其中 list.
    let start = from, worth = false, items = false, part = false;
    for (let i = from; i <= to;) {
      const cls = i < to ? CLASS[s.charCodeAt(i)] & (END | TRIGGER | NUMBER) : END;
      if (cls === 0) { i++; continue; }
      if (cls & END) {
        if (worth || (items && part) || (this.previous && resultsOf(this.previous, s.slice(start, i)))) this.sentence(tokenize(s, start, i));
        else this.previous = undefined;
        start = i + 1; worth = items = part = false; i++;
        continue;
      }
      if (cls & TRIGGER) {
        const m = entryAt(s, i)?.marker;
        if (m === 'zero' || m === 'all' || m === 'nil') worth = true;
        if (m === 'part') part = true;
      }
      if (cls & NUMBER) {
        const run = unitAfter(s, i);
        if (run.unit === 'count' || run.unit === 'money') worth = true;
        if (run.unit === 'other') items = true;
        i = Math.max(run.end, i + 1);
        continue;
      }
      i++;
    }
  }

  private sentence(clauses: Clause[]) {
    const { s } = this;
    const opening = this.previous;
    this.previous = undefined;
    let any = false;
    for (const c of clauses) for (const t of c.toks) {
      if ((t.num && !t.num.notCount && t.num.unitClass !== 'none') || t.entry?.marker === 'zero' || t.entry?.marker === 'all' || t.entry?.marker === 'nil') any = true;
    }
    // 复议机关维持原行政行为。 after a sentence's review figure.
    if (opening && clauses[0].toks.some((t) => REVIEW_BODY.includes(t.entry?.word ?? ''))) any = true;
    if (!any) return;
    const from = clauses[0].start, to = clauses[clauses.length - 1].end;
    this.met = [];
    for (const w of NEEDS) { const at = s.indexOf(w, from); if (at >= 0 && at + w.length <= to) this.met.push(w); }
    const subject = { review: false, suit: false };
    let pending: Tok[] | null = null, pendingFrom = 0;
    let last: Figure | undefined;
    let breakdown: Breakdown | undefined;
    // Last year's figures (2023年受理申请50件, a pasted paragraph) are not claims about this year's
    // tables; after a later date (截至2025年1月，…) only what is carried forward is. A year speaks of
    // what follows it, up to this year's (2024年1月1日至12月31日, 本年度), a ； or the sentence's end:
    // the figures before it (收到申请63件，比2023年的50件有所增加) are this year's. A later year
    // inside a clause (结转到2025年办理的6件), or an earlier one in a comparison (比2023年的50件有所
    // 增加), speaks of that clause only.
    let era: 'now' | 'past' | 'future' = 'now', eraInClause = false;
    const placed: Figure[] = [];
    let unclear = false, fresh = false, otherThing = false, role = false;
    /** The figure a bracket follows (行政复议2件（…）). */
    let aside: Figure | undefined;
    // Applications withdrawn, as this sentence counts them; and where its claims begin.
    let withdrawn = 0;
    const firstClaim = this.claims.length;
    const text = s.slice(from, to), late = LATE.some((w) => text.includes(w));

    for (let ci = 0; ci < clauses.length; ci++) {
      const clause = clauses[ci];
      if (clause.semicolon) { pending = null; subject.review = subject.suit = false; era = 'now'; fresh = true; role = false; }
      if (eraInClause) { era = 'now'; eraInClause = false; }
      const toks = clause.toks;
      const figures: number[] = [];
      let hits = 0, vetoed = false, cases = false, comparing = false, each = false;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i], m = t.entry?.marker;
        if (isFigure(t)) figures.push(i); else if (this.isHit(t)) hits++;
        if (m === 'veto' || m === 'scope') vetoed = true;
        if (m === 'cases') cases = true;
        if (m === 'compare') comparing = true;
      }
      // 局长信箱共受理群众信件5件，已办结5件: a clause that only goes on handling (no word but 办结, 答复 …,
      // no 申请) speaks of what the clause before counted: of the letters too.
      // 作为复议机关，本年度受理行政复议案件20件: a role named first speaks for the whole sentence.
      if (vetoed && !role && s.startsWith('作为', clause.start + (CLASS[s.charCodeAt(clause.start)] & BLANK ? 1 : 0))) role = true;
      if (role) vetoed = true;
      if (vetoed) otherThing = true;
      else if (otherThing && this.goesOn(clause)) vetoed = true;
      else otherThing = false;
      // After a change (同比增加) or figures given respectively (分别为), the clause's figures are not counts to check.
      let unchecked = false, k = 0;
      // 行政复议2件（维持2件）: a bracket right after a figure lists its parts, as 其中 does, up to its
      // close (不予公开 20 件（1.68%），因本机关不掌握等原因无法提供 564 件: not a part).
      const sep = s.charCodeAt(clause.start - 1);
      if ((sep === 0xff09 || sep === 0x29) && breakdown?.bracket) breakdown = undefined;
      // (共收到申请12件（含上年结转2件），已全部办结: after the bracket, the figure before it is the subject again.)
      if ((sep === 0xff09 || sep === 0x29) && aside) { last = aside; aside = undefined; }
      if (sep === 0xff08 || sep === 0x28) aside = last && near(s, last.num.after, clause.start - 1) ? last : undefined;
      const alone = sep === 0xff08 || sep === 0x28 ? aside : sep === 0xff0c || sep === 0x2c ? last : undefined;
      // (Only after a table-4 total, in a short clause: the other clauses pay one property read.)
      if (alone?.quantity?.startsWith('t4.') && alone.num.after >= clause.start - 16 && era === 'now' && !vetoed && clause.end - clause.start <= 12) {
        // (行政复议2件，维持，纠正各1件: one item of a list, the next result's clause holding the figure.)
        const next = clauses[ci + 1]?.toks[0];
        if (next?.entry?.kind?.family !== 'result' || next.start > clauses[ci + 1].start + 1) this.resultAlone(clause, alone);
      }
      if ((sep === 0xff08 || sep === 0x28) && last?.family && near(s, last.num.after, clause.start - 1)) {
        const own = PART_FAMILIES[last.family] ?? [];
        if (own.length) breakdown = { total: last, allowed: own, bracket: true };
      }

      for (let i = 0; i < toks.length; i++) {
        const tok = toks[i];
        const marker = tok.entry?.marker;
        const year = tok.num?.year;
        if (year !== undefined && this.year !== null) {
          era = year < this.year ? 'past' : year > this.year ? 'future' : 'now';
          // (2022年结转政府信息公开申请2件: carried over from last year into this one; only its clause is left out.)
          eraInClause = (era === 'future' && i > 0) || (era === 'past' && (comparing || CARRIED_FROM.test(s.slice(tok.num!.after, tok.num!.after + 4))));
        }
        // 上年度, 历年, 近3年, 截至目前: what follows counts another period, or more than this year (in
        // a comparison, 与上年度相比增加12件, only the clause's; so too in an aside with a figure and no word
        // of its own, 收到申请63件，上年度为40件，办结60件, which speaks of the figure before it).
        if (marker === 'past' || marker === 'later' || tok.num?.span) { era = 'past'; eraInClause = comparing || (marker === 'past' && hits === 0 && figures.length > 0); }
        if (marker === 'now') era = 'now';
        // 截至2023年底，累计受理申请300件: since the body began, not this year (截至12月31日，本年度累计…: this year's).
        if (marker === 'cumulative' && SINCE.test(s.slice(from, tok.start))) era = 'past';
        if (marker === 'compare') unchecked = true;
        // 不予公开、无法提供、不予处理的分别为1件、30件、2件: each figure is its word's, in order, when the
        // words and figures are as many; the figures are read here, and not one by one below.
        if (marker === 'each' && tok.entry!.word === '分别') {
          // (Once a clause: its figures are then unchecked, and the work stays linear in the clause.)
          if (!unchecked && !vetoed && era === 'now') this.respectively(clause, i, unclear, cases);
          unchecked = true;
        }
        // 行政复议、行政诉讼各1件, …各发生1件: one figure for each of the joined words before 各 (its own reading below leaves it
        // unread); 县发改局、县教育局各收到申请1件: a figure for each of others, no claim.
        if (marker === 'each' && distributes(toks, i)) {
          each = true;
          if (!unchecked && !vetoed && !unclear && era === 'now') this.respectively(clause, i, unclear, cases, true);
        }
        // A scope word (全市, 各村, 下属) speaks for the rest of the sentence (全市共办结820件，34件结转…), up
        // to a word of the body itself (全县收到200件，本机关收到12件).
        if (marker === 'unclear') unclear = true;
        if (marker === 'self') unclear = false;
        // 行政复议3件，结果为维持2件、纠正1件: 结果为 right after a review or lawsuit figure lists its parts, as 其中 does.
        const results = marker === 'all' && last && (last.family === 'review' || last.family === 'suit') && tok.entry!.word.startsWith('结果');
        if ((marker === 'part' || results) && last && (tok.entry!.word === '其中' || near(s, last.num.after, tok.start))) {
          const own = last.family ? PART_FAMILIES[last.family] ?? [] : [];
          // After a part that has no parts of its own, 其中 lists more parts of the same total:
          // “共收到申请19件，其中自然人17件，法人或其他组织2件；其中当面申请3件，网上申请14件…”.
          if (!(own.length === 0 && breakdown && last !== breakdown.total)) breakdown = { total: last, allowed: own };
        }
        if (marker === 'zero' && !vetoed && era === 'now') {
          const from = this.claims.length;
          this.zero(clause, i, unclear ? undefined : subject, last?.kind?.kind === 'concluded');
          // (全镇12个村（社区）均未收到申请: none in the villages, while the body itself may have had some.)
          if (unclear) for (let c = from; c < this.claims.length; c++) this.claims[c].unclear = true;
        }
        if (marker === 'nil' && !vetoed && !unclear && !unchecked && era === 'now') this.nil(clause, i);
        // (收到申请6件。均已办结。 复议1件。复议机关维持原行政行为。: the figure of the sentence before is the subject of one opening so.)
        if ((marker === 'veto' || marker === 'all') && era === 'now') {
          const lead = last ?? (clause === clauses[0] && (i === 0 || (ALL_RESULTS.includes(tok.entry!.word) && !placed.length)) ? opening : undefined);
          if (marker === 'veto' && !role && REVIEW_BODY.includes(tok.entry!.word)) this.reviewBody(clause, i, lead);
          if (marker === 'all' && !vetoed) this.all(clause, i, subject, lead);
        }
        if (this.isHit(tok)) {
          const family = tok.entry!.kind!.family;
          if (family === 'review') subject.review = true;
          if (family === 'suit') subject.suit = true;
        }
        if (figures[k] !== i) continue;

        // The keywords between the previous figure and this one; if none, those up to the next.
        const lo = k > 0 ? figures[k - 1] + 1 : 0, hi = k + 1 < figures.length ? figures[k + 1] : toks.length;
        k++;
        const n = tok.num!;
        const before: Tok[] = [], after: Tok[] = [];
        let negated = false;
        for (let j = i - 1; j >= lo; j--) {
          if (this.isHit(toks[j])) before.push(toks[j]);
          if (toks[j].entry?.marker === 'zero') negated = true;
        }
        // 63件申请均已办结: the number is the subject of 均, not the count of 办结.
        // 3件申请因未收到补正材料: a negated verb after it is not what the number counts either.
        // (案件1件、行政复议案件2件: a keyword after a 、 names the list's next item, not this number.)
        if (!before.length) {
          for (let j = i + 1; j < hi && toks[j].entry?.marker !== 'all' && toks[j].entry?.marker !== 'zero' && !s.slice(n.after, toks[j].start).includes('、'); j++) {
            if (this.isHit(toks[j])) after.push(toks[j]);
          }
        }
        let cands = before.length ? before : after;
        // 其中网上申请6件，当面申请3件，另有1件通过传真提交: a part added at the list's end, its word after it.
        const added = breakdown !== undefined && ADDED.includes(s.slice(clause.start, n.start).trim());
        const numberFirst = !before.length && after.length > 0 && !added;
        let inherited = false;
        if (!cands.length && pending && figures.length === 1 && hits === 0 && this.bare(clause, n)) { cands = [...pending].reverse(); inherited = true; }

        const prev = toks[i - 1], next = toks[i + 1];
        const inexact = n.approx || negated ||
          ((prev?.entry?.marker === 'approx' || prev?.entry?.marker === 'each') && near(s, prev.end, n.start)) ||
          (next?.entry?.marker === 'approx' && near(s, n.after, next.start));
        // 申请数量由12件下降至7件: the figure a change starts from.
        const changedFrom = comparing && (s.charCodeAt(n.start - 1) === 0x7531 /* 由 */ || s.charCodeAt(n.start - 1) === 0x4ece /* 从 */);
        // 行政复议零件: 零件 is 0 件 only right after its keyword (采购零件 are parts).
        const parts = s.charCodeAt(n.start) === 0x96f6 /* 零 */ && before[0]?.end !== n.start;
        if (inexact || vetoed || unchecked || changedFrom || parts || each || era === 'past') { last = undefined; breakdown = undefined; continue; }

        // (A figure that takes the words of the clause before, 现行有效规范性文件（698件）, takes its verbs too.)
        const window = { from: inherited ? pendingFrom : lo > 0 ? toks[lo - 1].end : clause.start, to: hi < toks.length ? toks[hi].start : clause.end };
        let fig = this.bind(n, cands, numberFirst, inherited, breakdown, cases, window);
        // 制发行政规范性文件4件，废止2件: a clause with only another verb of the same documents speaks of them
        // (not in a list of parts: 规章13件（含新制定5件，修改4件，废止4件）adds up first).
        const verbs = last?.kind?.byVerb;
        if (!fig.kind && !cands.length && hits === 0 && !breakdown && last?.word && verbs && verbs.some((v) => v.verbs.some((w) => s.slice(window.from, n.start).includes(w)))) {
          fig = this.bind(n, [last.word], false, true, breakdown, cases, window);
        }
        // 答复12件，其中按期答复10件; 按期答复10件，延期答复2件: those on time are some of those answered.
        if (fig.timely && (toks[0]?.entry?.marker === 'part' || breakdown?.total.kind?.kind === 'concluded' || late)) continue;
        // 有3件于2024年1月答复: a figure whose word follows another year's date counts what happened then.
        if (numberFirst && this.otherYearBetween(toks, i, after[0])) { last = undefined; continue; }
        // 新收行政复议2件，上年结转1件: the cases carried over beside new ones (no 申请 in the clause), not applications.
        if ((fig.family === 'composition' || fig.family === 'carried_forward') && (last?.family === 'review' || last?.family === 'suit') &&
          (subject.review || subject.suit) && !s.slice(window.from, window.to).includes('申请')) continue;
        // (新收行政复议2件: the new cases, while table 4 counts those carried over too.)
        if ((fig.family === 'review' || fig.family === 'suit') && /新收|新增|新发生|新受理/.test(s.slice(window.from, n.start))) fig.unclear = true;
        fig.unclear ||= unclear;
        if (fig.kind?.kind === 'withdrawn' && era === 'now') withdrawn += n.value;
        // 新收63件，上年结转1件，合计64件: a bare sum after the two parts of all applications is theirs.
        if (!cands.length && figures.length === 1 && hits === 0 && composition(placed) && this.bare(clause, n)) {
          fig.quantity = 't3.1+2.total';
          fig.family = 'application';
          fig.phrase = s.slice(clause.start, n.after).trim();
        }
        if (era === 'future' && fig.kind?.kind !== 'carried_forward') { last = undefined; continue; }
        // After a ；, a list of applications or cases goes on with its own words (；其中当面申请3件), not
        // with a figure of nothing named (；对3件申请发出补正通知); a list of items (其中网站发布1855条；
        // 公众号发布129条) goes on.
        if (fresh && !fig.kind && breakdown?.total.num.unitClass === 'count' && !this.listGoesOn(clause)) breakdown = undefined;
        fresh = false;
        breakdown = this.place(fig, breakdown);
        last = fig;
        placed.push(fig);
      }
      pending = null;
      // 予以公开（含部分公开）25件: a note in brackets of what is included leaves the figure's scope open.
      const includes = clause.bracket && toks.some((t) => t.entry?.marker === 'part');
      if (hits > 0 && figures.length === 0 && !includes) { pending = []; pendingFrom = clause.start; for (const t of toks) if (this.isHit(t)) pending.push(t); }
    }
    if (this.dismissed.length) this.dismissals();
    // 收到申请26件，撤回2件，依法答复处理24件: the applications received or answered may be counted without those withdrawn.
    if (withdrawn > 0) for (let c = firstClaim; c < this.claims.length; c++) if (this.claims[c].family === 'application') this.claims[c].less = withdrawn;
    // 行政复议2件、行政诉讼案件1件: with both figures given, 案件 counts its own word's cases, not both together.
    const own = this.claims.slice(firstClaim);
    // 县自然资源局收到申请7件，县教育局收到申请5件: one quantity twice, at two values, outside a list — figures of others
    // than the body (or one of them its own): which is the table's is open.
    // (Pair by pair in a short sentence, without allocating; by a map in a long one, so that the cost stays linear.)
    const plain = (c: Claim) => c.partOf === undefined && !c.unclear && c.form !== 'zero' && c.form !== 'all';
    if (own.length > 1 && own.length <= 8) {
      const mixed: Claim[] = [];
      for (let a = 0; a < own.length; a++) for (let b = a + 1; b < own.length; b++) {
        const x = own[a], y = own[b];
        if (x.quantity === y.quantity && x.value !== y.value && plain(x) && plain(y)) mixed.push(x, y);
      }
      for (const c of mixed) c.unclear = true;
    } else if (own.length > 8) {
      const first = new Map<string, number>(), mixed = new Set<string>();
      for (const c of own) { if (!plain(c)) continue; const v = first.get(c.quantity); if (v === undefined) first.set(c.quantity, c.value); else if (v !== c.value) mixed.add(c.quantity); }
      if (mixed.size) for (const c of own) if (mixed.has(c.quantity) && plain(c)) c.unclear = true;
    }
    if (own.some((c) => c.quantity === 't4.review.total') && own.some((c) => c.quantity === 't4.suit.total')) {
      for (const c of own) {
        if ((c.quantity !== 't4.review.total' && c.quantity !== 't4.suit.total') || !c.alternatives) continue;
        c.alternatives = c.alternatives.filter((q) => q !== 't4.all.total');
        if (!c.alternatives.length) delete c.alternatives;
      }
    }
    this.previous = last;
  }

  /**
   * 行政复议3件，结果为维持1件、驳回1件，1件尚未审结: the writer may count those dismissed as upheld or as another
   * result (proseWords.ts DISMISSED), so the 维持 (or 其他结果) listed beside them is some of its column, and with them
   * some of the two columns: 维持1件 + 驳回1件 cannot be more than the table's 结果维持 + 其他结果.
   */
  private dismissals() {
    // (Each list once, from its total to the sentence's end: the work stays linear.)
    const end = this.claims.length, dismissed = new Set(this.dismissed.map(([d]) => d)), done = new Set<number>();
    for (const [d, within] of this.dismissed) {
      const c = this.claims[d], rows = rowsOf(within), phrases: string[] = [];
      if (c.partOf !== undefined && done.has(c.partOf)) continue;
      let value = 0;
      for (let i = c.partOf === undefined ? d : c.partOf + 1; i < end; i++) {
        const o = this.claims[i];
        if (i !== d && (c.partOf === undefined || o.partOf !== c.partOf)) continue;
        if (!dismissed.has(i)) {
          if (o.quantity !== `${rows}.upheld` && o.quantity !== `${rows}.other`) continue;
          o.atMost = true;
        }
        value += o.value;
        phrases.push(o.phrase);
        if (c.partOf === undefined) break;
      }
      if (c.partOf !== undefined) done.add(c.partOf);
      this.claims.push({ quantity: within, value, raw: c.raw, range: c.range, form: c.form, unit: c.unit, phrase: phrases.join('、'), family: 'result', atMost: true });
    }
    this.dismissed = [];
  }

  /**
   * 行政复议、行政诉讼分别为2件、3件: the words joined by 、和及与或 just before 分别 (nothing but the
   * subject's words between them and it), and the figures after it, as many, each bound to its word
   * alone (`each`: 行政复议、行政诉讼各1件, the one figure after 各 for every word). Nothing is claimed unless every word names a quantity of its own: 自然人、法人提出的申请分别为…
   * (parts no table sums in prose) and lists the reader cannot pair stay unread.
   */
  private respectively(clause: Clause, at: number, unclear: boolean, cases: boolean, each = false) {
    const toks = clause.toks;
    let figures = toks.slice(at + 1).filter(isFigure);
    if (each) figures = figures.slice(0, 1);
    // The last run of joined words before 分别; the clause's other words (行政复议结果…, …政府信息公开申请) are its subject's.
    let end = at - 1;
    for (; end > 0 && !(this.isHit(toks[end]) && this.isHit(toks[end - 1]) && this.joined(toks[end - 1], toks[end])); end--) if (toks[end].num) return;
    let first = end;
    while (first > 0 && this.isHit(toks[first - 1]) && this.joined(toks[first - 1], toks[first])) first--;
    const words = toks.slice(first, end + 1);
    if (each && figures.length) figures = words.map(() => figures[0]);
    const context = toks.slice(0, at).filter((t, k) => (k < first || k > end) && this.isHit(t));
    if (words.length < 2 || words.length !== figures.length) return;
    const window = { from: clause.start, to: clause.end };
    const figs = words.map((w, k) => this.bind(figures[k].num!, [w, ...context], false, false, undefined, cases, window));
    const quantities = new Set(figs.map((f) => f.quantity));
    if (figs.some((f, k) => !f.quantity || f.kind !== words[k].entry!.kind) || quantities.size !== figs.length) return;
    figs.forEach((f, k) => {
      f.phrase = `${words[k].entry!.word}…${this.s.slice(f.num.start, f.num.after)}`;
      f.unclear ||= unclear;
      this.claim(f);
    });
  }

  /** Whether a date of another year stands between the figure at `i` and its word after it (有3件于2024年1月答复). */
  private otherYearBetween(toks: Tok[], i: number, word: Tok): boolean {
    for (let j = i + 1; j < toks.length && toks[j].start < word.start; j++) if (toks[j].num?.year !== undefined && toks[j].num!.year !== this.year) return true;
    return false;
  }

  /** Whether a clause names nothing of its own: no 申请, no keyword but handling's (办结, 答复, 受理 …). */
  private goesOn(clause: Clause): boolean {
    if (this.s.slice(clause.start, clause.end).includes('申请')) return false;
    for (const t of clause.toks) if (t.entry?.kind && t.entry.kind.family !== 'application') return false;
    return true;
  }

  /** Whether the clause opens with a part marker (其中, 含) or names the rest (其他渠道…, 其余…): a list of parts goes on. */
  private listGoesOn(clause: Clause): boolean {
    return clause.toks[0]?.entry?.marker === 'part' || REST.some((w) => this.s.startsWith(w, clause.start));
  }

  private needsMet(k: ClaimKind): boolean {
    if (!k.needs) return true;
    for (const w of k.needs) if (this.met.includes(w)) return true;
    return false;
  }

  private isHit(t: Tok): boolean {
    return !!t.entry?.kind && this.needsMet(t.entry.kind);
  }

  /** A clause that holds nothing but a number and filler (共计 23 件): it continues the clause before. */
  private bare(clause: Clause, n: ProseNumber): boolean {
    const { s } = this;
    for (let i = clause.start; i < clause.end; i++) {
      if (i >= n.start && i < n.after) continue;
      if (!(CLASS[s.charCodeAt(i)] & (BLANK | FILL))) return false;
    }
    return true;
  }

  private phrase(a: number, b: number, keyword?: Tok, n?: ProseNumber): string {
    const { s } = this;
    if (b - a <= 24) return s.slice(a, b).trim();
    return keyword && n ? (keyword.start < n.start ? `${keyword.entry!.word}…${s.slice(n.start, n.after)}` : `${s.slice(n.start, n.after)}…${keyword.entry!.word}`) : s.slice(a, a + 24);
  }

  /** What the number speaks of, given the keywords around it and the list it may be part of. */
  private bind(
    n: ProseNumber, cands: Tok[], numberFirst: boolean, inherited: boolean, breakdown: Breakdown | undefined,
    cases: boolean, window: { from: number; to: number },
  ): Figure {
    const fig: Figure = {
      num: n, numberFirst, unclear: false, phrase: this.s.slice(n.start, n.after),
      kind: undefined, quantity: undefined, alternatives: undefined, family: undefined, claim: undefined, word: undefined,
    };
    const unbound = () => { fig.kind = fig.family = undefined; return fig; };
    const kindOf = (t: Tok) => t.entry!.kind!;
    // Strong keywords first, then weak ones (办理), then a noun (政府信息公开申请), each in order.
    const ordered: Tok[] = [];
    // 予以公开答复15件, 顺延至下一年度答复3件: 答复 says how the outcome's (or next year's) were answered; they are what is counted.
    const answered = cands.some(answeredAs);
    for (const t of cands) if (!kindOf(t).weak && (kindOf(t).kind !== 'concluded' || !answered)) ordered.push(t);
    if (answered) for (const t of cands) if (kindOf(t).kind === 'concluded') ordered.push(t);
    for (const t of cands) if (kindOf(t).weak && !kindOf(t).noun) ordered.push(t);
    for (const t of cands) if (kindOf(t).noun) ordered.push(t);
    const block = this.blockOf(ordered, breakdown);
    let pick: Tok | undefined;
    if (breakdown && !numberFirst) for (const t of ordered) if (breakdown.allowed.includes(kindOf(t).family)) { pick = t; break; }
    // Channels and applicants describe parts of a list; a result (维持) needs a review or lawsuit to belong to.
    if (!pick) for (const t of ordered) if (!isDescriptor(kindOf(t)) && (kindOf(t).family !== 'result' || block)) { pick = t; break; }
    if (!pick) return fig;
    const kind = kindOf(pick);
    const lead = Math.max(window.from, pick.start - 12), time = kind.kind === 'concluded' ? TIMELY.exec(this.s.slice(lead, pick.start)) : null;
    if (time) fig.timely = true;
    if (APPLICATION_SIDE.includes(kind.family)) {
      // 行政复议答复 2 件, 经行政复议后予以公开 2 件: an application's word about a review or a lawsuit
      // counts neither the applications nor the cases for sure; 行政许可办结1200件 counts licences.
      if (cands.some((t) => kindOf(t).family === 'review' || kindOf(t).family === 'suit' || kindOf(t).family === 'table2')) return fig;
      // 收到网上申请6件 counts the applications of one channel, a part (通过网上、信函等方式收到申请21件: all of them).
      const channels = cands.filter((t) => kindOf(t).family === 'channel');
      if (channels.length === 1 && !this.s.slice(channels[0].end, n.start).includes('等')) return fig;
      // 新收申请中办结8件, 不予公开的申请中有1件, 其他处理中2件: some of them, not their count.
      if (PARTITIVE.test(this.s.slice(window.from, n.start))) return fig;
      // 行政复议案件2件，其中上年结转1件: a part of the cases, not of the applications.
      if (breakdown && (breakdown.total.family === 'review' || breakdown.total.family === 'suit') && (kind.family === 'composition' || kind.family === 'carried_forward') &&
        !this.s.slice(window.from, window.to).includes('申请')) return fig;
      // 自然人提出的申请 58 件 counts a part of the applications; 公民、法人和其他组织提出的申请 names them all.
      if (someApplicants(cands)) return fig;
      // 受理不动产登记申请5000件: an application named for something else between the verb and 申请.
      if ((kind.kind === 'received' || kind.kind === 'new') && !kind.weak && otherApplication(this.s.slice(pick.end, n.start))) return fig;
    }
    fig.kind = kind;
    fig.family = kind.family;
    fig.word = pick;
    // 结转下年度继续办理 6 件: the phrase starts at the first of adjacent words of the kind.
    let first = pick;
    for (const t of cands) if (t.start < first.start && t.end >= first.start - 1 && kindOf(t).kind === kind.kind) first = t;
    fig.phrase = inherited ? `${pick.entry!.word}…${this.s.slice(n.start, n.after)}`
      : pick.start > n.start ? this.phrase(n.start, pick.end, pick, n) : this.phrase(time ? lead + time.index : first.start, n.after, first, n);
    const units = kind.units ?? 'count';
    if (n.unitClass !== units) return unbound();
    if (kind.notBetween && kind.notBetween.some((w) => this.s.slice(pick!.end, n.start).includes(w))) return unbound();
    fig.unclear = !!kind.unclear || n.unit === '件次';
    if (kind.column) {
      // 驳回 N 件 beside 维持 M 件 may be counted in either column: only all of a total dismissed (结果为驳回1件) says how
      // many were upheld or ended otherwise; a part adds up with the others, and a first instance's (一审判决驳回) may be appealed.
      const dismissed = kind.kind === 'dismissed';
      const appeal = dismissed && (/一审|初审|上诉|二审|再审/.test(this.s.slice(window.from, window.to)) || this.appealed(n.after));
      const dismissedPart = dismissed && (breakdown?.total.num.value !== n.value || appeal);
      if (block && !dismissedPart) fig.quantity = `${block}.${kind.column}`;
      else if (block && dismissed && !appeal) fig.within = `${block}.${kind.column}`;
    } else if (kind.byVerb) {
      const text = this.s.slice(window.from, window.to);
      const verb = kind.byVerb.find((v) => v.verbs.some((w) => text.includes(w)));
      if (verb) { fig.quantity = verb.quantity; fig.alternatives = verb.alternatives; }
      const at = verb ? Math.min(...verb.verbs.map((w) => text.indexOf(w)).filter((x) => x >= 0)) + window.from : -1;
      if (at >= 0 && at < pick.start && !numberFirst && !inherited) fig.phrase = this.phrase(at, n.after, pick, n);
    } else if (kind.quantity) {
      fig.quantity = kind.quantity;
      fig.alternatives = kind.alternatives;
      if (kind.family === 'review' || kind.family === 'suit') {
        // 行政复议、行政诉讼（相关）案件 N 件 counts both; 行政诉讼案件 N 件 may too.
        const other = kind.family === 'review' ? 'suit' : 'review';
        if (cands.some((t) => kindOf(t).family === other)) {
          // 因不服复议决定提起行政诉讼 1 件 names both but counts one: either reading passes.
          fig.quantity = 't4.all.total';
          fig.alternatives = [kind.quantity, other === 'suit' ? 't4.suit.total' : 't4.review.total'];
          const first = cands[cands.length - 1];
          if (!numberFirst && !inherited) fig.phrase = this.phrase(first.start, n.after, first, n);
        }
        else if (cases) fig.alternatives = ['t4.all.total'];
        // 本府受理行政复议申请30件: applications for review received, as the reviewing body counts them, unless the sentence
        // ties them to its own disclosure (我单位受理有关政府信息公开行政复议申请0件); which is open.
        if (kind.family === 'review' && this.s.startsWith('申请', pick.end) && cands.some((t) => kindOf(t).kind === 'received') && !this.s.slice(window.from, window.to).includes('信息公开')) fig.unclear = true;
      }
      // 因本机关不掌握等原因无法提供 564 件 counts the group, 因不掌握相关信息无法提供 28 件 perhaps only
      // that reason: with both words, either reading passes.
      const own = kind.quantity;
      const nested = cands.map((t) => kindOf(t).quantity).find((q) => q !== undefined && q !== own && (nests(q, own) || nests(own, q)));
      if (nested) fig.alternatives = [...(fig.alternatives ?? []), nested];
      if (kind.family === 'outcome') {
        // 予以公开及部分公开 208 件 counts both outcomes.
        const other = cands.find((t) => t !== pick && kindOf(t).family === 'outcome' && (this.joined(t, pick!) || this.joined(pick!, t)));
        if (other) {
          const [a, b] = other.start < pick.start ? [other, pick] : [pick, other];
          fig.quantity = `t3.${rowsOf(kindOf(a).quantity!).slice(3)}+${rowsOf(kindOf(b).quantity!).slice(3)}.total`;
          if (!numberFirst && !inherited) fig.phrase = this.phrase(a.start, n.after, a, n);
        }
      }
    }
    return fig;
  }

  /** Two keywords joined by 及 和 与 、 或: 予以公开及部分公开, 新收申请和上年结转申请. */
  private joined(a: Tok, b: Tok): boolean {
    const gap = b.start - a.end, after = this.s.startsWith('申请', a.end) ? 2 : 0;
    return gap === after + 1 && JOINERS.includes(this.s[a.end + after]);
  }

  /** The rows of table 4 a result (维持, 尚未审结) belongs to: the total's, or a review/lawsuit word before it. */
  private blockOf(cands: Tok[], breakdown: Breakdown | undefined): string | undefined {
    const total = breakdown?.total;
    if (total?.quantity?.startsWith('t4.') && total.quantity.endsWith('.total')) return rowsOf(total.quantity);
    for (const t of cands) {
      const kind = t.entry!.kind!;
      if (kind.family === 'review' || kind.family === 'suit') return rowsOf(kind.quantity!);
    }
    return undefined;
  }

  /** Records the figure as a claim, and as a part of the breakdown it continues (or ends). */
  private place(fig: Figure, breakdown: Breakdown | undefined): Breakdown | undefined {
    if (breakdown) {
      const total = breakdown.total;
      const sameKind = fig.kind && total.kind && fig.kind.kind === total.kind.kind;
      // 行政诉讼3件，其中2件一审判决驳回原告诉讼请求: a part of the total, named by the total's own word.
      if (sameKind && fig.numberFirst) return breakdown;
      const fits = !fig.numberFirst && fig.num.unit === total.num.unit &&
        (!fig.family || breakdown.allowed.includes(fig.family) || sameKind);
      if (!fits) breakdown = undefined;
      else if (sameKind) {
        // 共收到 500 件，其中本机关受理 23 件: two scopes of one quantity; which is the table's is open.
        total.unclear = fig.unclear = true;
        if (total.claim !== undefined) this.claims[total.claim].unclear = true;
      } else {
        const totalIndex = this.claim(total, total.kind ? undefined : 'other');
        this.claim(fig, fig.quantity ? undefined : fig.family ?? 'other', totalIndex);
        return breakdown;
      }
    }
    if (fig.quantity) this.claim(fig);
    return breakdown;
  }

  private claim(fig: Figure, nonTable?: string, partOf?: number): number {
    if (fig.claim !== undefined) {
      if (partOf !== undefined) this.claims[fig.claim].partOf = partOf;
      return fig.claim;
    }
    const n = fig.num;
    const { raw, range } = this.source(n.start, n.end);
    const c: Claim = {
      quantity: fig.quantity ?? nonTable ?? 'other',
      value: n.value,
      raw,
      range,
      form: n.form,
      unit: n.unit === '件次' ? '件' : n.unit, // (the table counts 件)
      phrase: fig.phrase,
    };
    if (fig.quantity && fig.alternatives?.length) c.alternatives = fig.alternatives;
    // 已按时答复18件: those answered on time (条例第三十三条: within 20 working days, or the extension) are some of those
    // answered, all of them only if none was late — never more.
    if (fig.timely) c.atMost = true;
    if (fig.within) this.dismissed.push([this.claims.length, fig.within]);
    if (fig.family) c.family = fig.family;
    if (fig.unclear) c.unclear = true;
    if (partOf !== undefined) c.partOf = partOf;
    fig.claim = this.claims.push(c) - 1;
    return fig.claim;
  }

  /** Where s[a, b) stands in the document, and how it is written there (a soft line break included). */
  private source(a: number, b: number): { raw: string; range: Range } {
    const start = this.view.original(a, false), end = this.view.original(b, true);
    return { raw: this.idx.text.slice(start, end), range: this.idx.range(start, end) };
  }

  /** 未收到…申请, 无…行政复议, 未发生…行政复议、行政诉讼: a count of zero. */
  private zero(clause: Clause, at: number, subject: { review: boolean; suit: boolean } | undefined, afterConcluded: boolean) {
    const toks = clause.toks, z = toks[at];
    if (at > 0 && toks[at - 1].entry?.marker === 'zero') return; // 不存在未受理的申请
    // 行政复议、行政诉讼均无: none of each word before 均无, as 均为零 says.
    if (subject && at === toks.length - 1 && toks[at - 1]?.entry?.word === '均' && toks[at - 1].end === z.start && !this.s.slice(z.end, clause.end).trim()) {
      this.nil(clause, at);
      return;
    }
    // 办结10件，无结转: right after a figure of those concluded, a bare 结转 is what is carried forward (after a
    // figure of those received it might be last year's, 新收10件，无结转).
    if (afterConcluded && this.s.startsWith('结转', z.end) && BARE_FORWARD.includes(this.s.slice(z.end + 2, clause.end).trim())) {
      this.claims.push({ quantity: 't3.4.total', value: 0, ...this.source(z.start, z.end + 2), form: 'zero', unit: '件', phrase: this.s.slice(z.start, z.end + 2) });
      return;
    }
    // (subject: the cases the sentence named before, if it names no scope wider than the body's: 全市…均未被纠错 is not read.)
    const next = toks[at + 1];
    if (next?.entry?.kind?.family === 'result' && subject && (subject.review || subject.suit)) { this.zeroResult(clause, z, at, subject); return; }
    let review = false, suit = false, received: Tok | undefined, forward: Tok | undefined, lastHit: Tok | undefined, column: string | undefined;
    for (let i = at + 1; i < toks.length; i++) {
      const t = toks[i];
      if (t.num && t.num.unitClass !== 'none') return; // 未…的 3 件: a count follows
      if (t.entry?.marker === 'zero') return;
      if (t.start - z.end > 24) break;
      const kind = t.entry?.kind;
      if (!kind || !this.needsMet(kind)) continue;
      // 无新增行政复议案件: none new, while one from last year may still be counted.
      if ((kind.family === 'review' || kind.family === 'suit') && !lastHit && this.s.slice(z.end, t.start).includes('新')) return;
      // 未出现因答复超期引发行政复议的情况: none for that cause (因政府信息公开引起的: all of this report's).
      if ((kind.family === 'review' || kind.family === 'suit') && !lastHit && CAUSED.test(this.s.slice(z.end, t.start))) return;
      if (kind.family === 'review') { review = true; lastHit = t; }
      else if (kind.family === 'suit') { suit = true; lastHit = t; }
      // 未发生…被行政复议纠错或行政诉讼败诉: none lost, not none at all.
      else if (kind.family === 'result' && lastHit) {
        if (column && column !== kind.column) return;
        column = kind.column;
        lastHit = t;
      }
      // The verb itself is negated (未收到, 没有受理), not some adverb (未及时受理), and what it takes
      // is an application (未收到申请人补正 is not none received).
      // (依申请公开 names the applications itself: 无依申请公开事项.)
      // (无政府信息公开申请: the keyword names the application itself.)
      else if (!received && !lastHit && (t.start - z.end <= 1 || this.s.slice(z.end, t.start) === '政府') && (kind.kind === 'received' || kind.kind === 'new' || kind.kind === 'handled') &&
        (t.entry!.word.startsWith('依申请') || t.entry!.word.endsWith('申请') || this.takesApplication(t.end))) { received = t; }
      // 无结转下年度办理的申请: none carried forward.
      else if (!received && !lastHit && !forward && t.start - z.end <= 1 && kind.family === 'carried_forward') forward = t;
      // 未制发规范性文件, 无行政处罚事项, 未收取行政事业性收费: none of a table-2 figure.
      else if (!received && !lastHit && !forward && kind.family === 'table2' && i === at + 1) { this.zeroTable2(clause, z, t); return; }
    }
    const rows = review && suit ? 'all' : review ? 'review' : suit ? 'suit' : undefined;
    const quantity = rows ? `t4.${rows}.${column ?? 'total'}` : received ? 't3.1.total' : forward ? 't3.4.total' : undefined;
    const hit = lastHit ?? received ?? forward;
    if (!quantity || !hit) return;
    const end = hit.end - z.start <= 20 ? hit.end : z.end;
    const words = this.s.slice(z.start, end);
    this.claims.push({
      quantity, value: 0, ...this.source(z.start, end), form: 'zero', unit: '件',
      phrase: end === hit.end ? words : `${words}…${hit.entry!.word}`,
    });
  }

  /**
   * 行政复议2件，行政诉讼1件，均未被纠错; 无败诉案件: none of the cases the sentence named was lost (or is pending:
   * 无尚未审结案件), when the negation takes the result itself (未被纠错, 没有发生败诉) and nothing but another result of
   * the same column or a plain noun follows up to the clause's end. (未被复议机关纠错 is vetoed before: another body.)
   */
  private zeroResult(clause: Clause, z: Tok, at: number, subject: { review: boolean; suit: boolean }) {
    const { s } = this;
    const toks = clause.toks;
    const first = toks[at + 1], column = first.entry!.kind!.column!;
    if (column !== 'corrected' && column !== 'pending') return;
    if (!ZERO_RESULT_VERBS.includes(s.slice(z.end, first.start))) return;
    let last = first;
    for (let i = at + 2; i < toks.length; i++) {
      const t = toks[i];
      if (t.entry?.kind?.column !== column || !JOINERS.includes(s.slice(last.end, t.start))) break;
      last = t;
    }
    if (!ZERO_RESULT_NOUNS.includes(s.slice(last.end, clause.end).trim())) return;
    const rows = subject.review && subject.suit ? 'all' : subject.review ? 'review' : 'suit';
    this.claims.push({
      quantity: `t4.${rows}.${column}`, value: 0, ...this.source(z.start, last.end), form: 'zero', unit: '件',
      phrase: s.slice(z.start, last.end),
    });
  }

  /**
   * 未制发规范性文件, 本年度无行政处罚事项, 未作出行政强制决定, 未收取行政事业性收费: a table-2 figure of zero, when
   * the negation takes the verb of that figure (制发, not 清理 or 审核: 未清理规范性文件 says nothing of how many were
   * issued) and nothing but a plain noun follows the keyword up to the clause's end (无行政处罚权力清单调整 is another thing).
   */
  private zeroTable2(clause: Clause, z: Tok, t: Tok) {
    const { s } = this;
    const kind = t.entry!.kind!;
    const verb = s.slice(z.end, t.start).replace(/行政$/, ''), rest = s.slice(t.end, clause.end).trim();
    let quantity: string | undefined;
    if (kind.byVerb) {
      const v = kind.byVerb.find((b) => b.verbs.includes(verb));
      if (v && !['现行有效'].includes(verb) && ZERO_TABLE2_NOUNS.includes(rest)) quantity = v.quantity;
    } else if (kind.units === 'money') {
      if (verb === '收取' && (rest === '' || rest === '的情况')) quantity = kind.quantity;
    } else if (ZERO_TABLE2_VERBS.includes(verb) && ZERO_TABLE2_NOUNS.includes(rest)) quantity = kind.quantity;
    if (!quantity) return;
    const end = clause.end - (s.slice(t.end, clause.end).length - s.slice(t.end, clause.end).trimEnd().length);
    this.claims.push({
      quantity, value: 0, ...this.source(z.start, end), form: 'zero', unit: kind.units === 'money' ? '万元' : '件',
      phrase: s.slice(z.start, end),
    });
  }

  /**
   * 依申请公开数量为零, 行政复议、行政诉讼均为0: the keywords just before 为零 (joined by 、和及与, with at most a
   * word of count between them and it), each a count of zero. Only at the clause's end (为0.5万元, 为0件以上: not this).
   */
  private nil(clause: Clause, at: number) {
    const { s } = this;
    const toks = clause.toks, m = toks[at];
    const tail = s.slice(m.end, clause.end).trim();
    if (!['', '件', '起', '宗', '个', '次'].includes(tail)) return;
    const words: Tok[] = [];
    let to = m.start;
    for (let j = at - 1; j >= 0; j--) {
      const t = toks[j];
      if (!words.length && t.entry?.marker === 'cases') continue; // 行政诉讼案件均为0件
      if (!words.length && t.entry?.word === '均' && t.end === to) { to = t.start; continue; } // 行政复议、行政诉讼均无
      if (!this.isHit(t)) break;
      const between = s.slice(t.end, to);
      if (!(words.length ? between.length <= 1 && (between === '' || JOINERS.includes(between)) : NIL_BETWEEN.includes(between))) break;
      words.push(t);
      to = t.start;
    }
    for (const t of words) {
      const kind = t.entry!.kind!;
      if (!kind.quantity || kind.column || kind.units === 'money') continue;
      const quantity = kind.kind === 'handled' ? 't3.1.total' : kind.quantity;
      this.claims.push({
        quantity, value: 0, ...this.source(t.start, m.end), form: 'zero', unit: '件',
        phrase: s.slice(t.start, m.end),
      });
    }
  }

  /** 均已办结 (nothing carried forward), 均获维持 / 均胜诉 (no case lost or pending). */
  private all(clause: Clause, at: number, subject: { review: boolean; suit: boolean }, last: Figure | undefined) {
    const { s } = this;
    const a = clause.toks[at];
    // 其余均维持, 其余13件均已办结: all of the rest, not all.
    const before = s.slice(clause.start, a.start);
    if (REST.some((w) => before.includes(w))) return;
    const word = a.entry!.word;
    if (ALL_RESULTS.includes(word)) { this.allResults(clause, a, subject, last); return; }
    const limit = Math.min(a.end + 10, clause.end);
    for (let p = a.end; p < limit; p++) {
      if (CLASS[s.charCodeAt(p)] & NUMBER) return;
      if (!ALL_FIRST.has(s.charCodeAt(p))) continue;
      // 全部申请均已办结: the nearer 均 makes the statement.
      if (entryAt(s, p)?.marker === 'all') return;
      const onTime = last?.kind && last.kind.kind !== 'concluded' ? ALL_ON_TIME.find((w) => s.startsWith(w, p)) : undefined;
      const concluded = ALL_CONCLUDED.find((w) => s.startsWith(w, p)) ?? onTime;
      // 均已按期答复的申请共3件: a relative clause, of the applications it names, not a statement.
      if (concluded && s.charAt(p + concluded.length) === '的') return;
      if (concluded) {
        // Only about all applications: the figure before it counts them (received, handled: not only the new
        // ones or last year's, nor a figure of some of them, 12件申请中有10件已全部办结), or (without one) the sentence names them.
        // (本年度18件申请已全部办结: a figure of applications named after it, in this clause, not 对3件申请.)
        const nounFirst = last && !last.kind && last.num.start >= clause.start && this.s.startsWith('申请', last.num.after) &&
          this.s.charAt(last.num.after + 2) !== '人' && !/[中对其]/.test(before);
        if (last ? (last.family !== 'application' && !nounFirst) || before.includes('中') : !this.met.includes('申请')) return;
        this.statement(a.start, p + concluded.length, 't3.4.total');
        return;
      }
      const won = ALL_WON.find((w) => s.startsWith(w, p));
      if (won) {
        const rows = subject.review === subject.suit ? 'all' : subject.review ? 'review' : 'suit';
        this.statement(a.start, p + won.length, `t4.${rows}.${won === '维持' ? 'corrected+other+pending' : 'corrected+pending'}`);
        return;
      }
    }
  }

  /**
   * 行政复议1件，结果为维持; 行政复议2件，复议结果均为维持: every case of the table-4 figure just before ended so, when
   * the clause holds no figure of its own (结果为维持1件 counts a part) and the figure is a total (not 其中1件已审结).
   * The rows are the figure's, or all of table 4 when the sentence named both reviews and lawsuits.
   */
  private allResults(clause: Clause, a: Tok, subject: { review: boolean; suit: boolean }, last: Figure | undefined) {
    const { s } = this;
    const m = this.wholeTotal(clause, last);
    if (!m) return;
    const word = a.entry!.word;
    const inWord = ALL_WON.find((w) => word.endsWith(w));
    const won = inWord ?? RESULT_WORDS.find((w) => s.startsWith(w, a.end));
    if (!won) return;
    const end = inWord ? a.end : a.end + won.length;
    // (复议维持率80%: a rate; 一审判决驳回: the first instance's, which may be appealed.)
    if (s.charAt(end) === '率' || /一审|初审/.test(s.slice(clause.start, a.start)) || this.appealed(end)) return;
    // 其中行政诉讼结果为维持: the clause's own review or lawsuit word says whose result it is.
    let own: string | undefined;
    for (const t of clause.toks) {
      if (t.start >= a.start) break;
      const f = this.isHit(t) ? t.entry!.kind!.family : undefined;
      if (f === 'review' || f === 'suit') own = own && own !== rowsOf(t.entry!.kind!.quantity!).slice(3) ? 'all' : rowsOf(t.entry!.kind!.quantity!).slice(3);
    }
    const rows = own ?? (subject.review && subject.suit ? 'all' : m);
    this.statement(a.start, end, `t4.${rows}.${othersThan(won)}`);
  }

  /**
   * 行政复议1件（维持）, 行政复议1件，尚未审结, 行政诉讼1件，已审结，…: a clause (or a bracket) of a result word alone, right
   * after a table-4 total, says how all of it ended — or that none is pending (已审结).
   */
  private resultAlone(clause: Clause, total: Figure) {
    const r = RESULT_ALONE.exec(this.s.slice(clause.start, clause.end)), all = !!r && /均|都|全部/.test(r[0]);
    // (均维持, 均胜诉: all() reads them.)
    if (r && ALL_WON.includes(r[1]) && all) return;
    const m = r && this.wholeTotal(clause, total);
    if (!m) return;
    const at = clause.start + r[0].length - r[0].trimStart().length, end = clause.start + r[0].lastIndexOf(r[1]) + r[1].length;
    // (行政复议2件、行政诉讼1件，均已审结: all of both, named in the clause before; …，尚未审结: perhaps only the last.)
    const before = this.s.slice(Math.max(0, ...[...'，,；;。'].map((c) => this.s.lastIndexOf(c, total.num.start))), total.num.start);
    const rows = all && /复议/.test(before) && /诉讼/.test(before) ? 'all' : m;
    this.statement(at, end, `t4.${rows}.${PENDING.test(r[1]) ? 'upheld+corrected+other' : /审结|结案/.test(r[1]) ? 'pending' : othersThan(r[1])}`);
  }

  /**
   * The rows of the table-4 total just before (t4.review.total: review), when the clause holds no figure of its own and
   * that figure is a total of some cases, not a part (其中1件已审结), none, or a figure of an unclear scope.
   */
  private wholeTotal(clause: Clause, last: Figure | undefined): string | undefined {
    if (clause.toks.some(isFigure) || !last?.quantity || last.num.value === 0 || last.unclear) return undefined;
    return /^t4\.([a-z_]+)\.total$/.exec(last.quantity)?.[1];
  }

  /** 结果为驳回，原告已上诉: the case goes on (an appeal, a retrial) — its result is not the last word. */
  private appealed(from: number): boolean {
    const { s } = this;
    let to = from;
    while (to < s.length && to - from < 40 && !SENTENCE_END.includes(s[to])) to++;
    return /上诉|二审|再审/.test(s.slice(from, to));
  }

  /**
   * 本机关被申请行政复议1件，复议机关维持原行政行为 (or 驳回复议申请): every review of the figure just before ended so.
   * Only the authority's word right after it (决定, 依法, 均 between), nothing after it that says otherwise (纠正, 撤销,
   * 确认违法, 部分), no figure in the clause, and a review total just before (not a lawsuit's: the authority decides reviews).
   */
  private reviewBody(clause: Clause, at: number, last: Figure | undefined) {
    const { s } = this;
    const t = clause.toks[at];
    // (At the clause's head only — so once a clause, and each step bounded: the cost stays linear.)
    if (t.start - clause.start > 4 || !['', '经', '被', '均经', '均被', '经上级', '被上级', '上级'].includes(s.slice(clause.start, t.start).trim())) return;
    const r = /^(?:均|已|依法|决定|予以|作出)*(维持|驳回|撤销|纠正|确认违法)/.exec(s.slice(t.end, Math.min(clause.end, t.end + 12)));
    if (!r) return;
    const end = t.end + r[0].length;
    // (维持…并责令重新答复, 撤销…维持其余, 部分撤销: not one result for all.)
    const otherwise = CORRECTED.includes(r[1]) ? /维持|驳回|部分/ : /纠正|纠错|撤销|确认|责令|部分|变更|重新/;
    if (clause.end - end > 16 || otherwise.test(s.slice(end, clause.end)) || this.appealed(end)) return;
    if (this.wholeTotal(clause, last) !== 'review') return;
    this.statement(t.start, end, `t4.review.${othersThan(r[1])}`);
  }

  /**
   * Whether an application (申请, not 申请人) is named within a few characters after a verb, and one for
   * information: not 未收到行政许可申请, 未受理低保申请, 未收到其他申请.
   */
  private takesApplication(from: number): boolean {
    const at = this.s.slice(from, from + 16).indexOf('申请');
    if (at < 0 || this.s.charAt(from + at + 2) === '人') return false;
    const between = this.s.slice(from, from + at);
    return !NOT_INFORMATION.some((w) => between.includes(w));
  }

  private statement(a: number, b: number, quantity: string) {
    this.claims.push({ quantity, value: 0, ...this.source(a, b), form: 'all', unit: '件', phrase: this.s.slice(a, b) });
  }
}

/** Finds the figures the prose states, outside the tables, reading sentences on over soft line breaks. */
export function extractClaims(text: string, idx: LineIndex, report: Report): Claim[] {
  const claims: Claim[] = [];
  const view = unwrap(idx, headingLines(report.sections), true);
  const reader = new ProseReader(view, idx, report.year, claims);
  // The text between the tables.
  let at = 0;
  for (const [start, end] of tableSpans(idx, report)) {
    if (start > at) reader.read(view.local(at), view.local(start));
    at = Math.max(at, end);
  }
  if (at < text.length) reader.read(view.local(at), view.text.length);
  return claims;
}
