import { SECTIONS } from '../format/statute';
import { sectionBody, tableSpans, type Report, type Section, type SubtopicNumbering } from '../model';
import { type LineIndex, type Range } from '../lineIndex';
import { DI, isBlank, isDigit, isHanNumeral, readBracketNumbering, readNumbering, readSpokenNumbering, type Numbering } from '../numbering';
import { isIdeograph, matchesOf } from '../strings';
import { normalizeText } from './values';

/** Statute titles and their accepted variants, normalized, to the section number. */
const TITLES = new Map(SECTIONS.flatMap((s) => [s.title, ...s.variants].map((t) => [normalizeText(t), s.number] as const)));
const TITLE_STARTS = new Set([...TITLES.keys()].map((t) => t.charCodeAt(0)));
/** The same titles as printed (四's keeps its 、), for headings inside a line of prose. */
const PRINTED = SECTIONS.flatMap((s) => [s.title, ...s.variants].map((title) => ({ title, number: s.number })));
/**
 * A title one slip away from the statute's still names its section (行政法复议 for 行政复议), if it
 * is this long: one slip in 总体情况 makes another phrase (具体情况).
 */
const SLIP_MIN = 6;

/** Whether a and b[from, to) differ by at most one inserted, deleted or replaced character. */
function withinOneEdit(a: string, b: string, from = 0, to = b.length): boolean {
  const m = a.length, n = to - from;
  if (m - n > 1 || n - m > 1) return false;
  let i = 0;
  while (i < m && i < n && a.charCodeAt(i) === b.charCodeAt(from + i)) i++;
  if (i === m && i === n) return true;
  // Past the first difference the rest must be equal: a replacement skips a character of each, an
  // insertion one of b, a deletion one of a.
  let ai = m < n ? i : i + 1, bi = from + (m > n ? i : i + 1);
  while (ai < m && a.charCodeAt(ai) === b.charCodeAt(bi)) { ai++; bi++; }
  return ai === m && bi === to;
}

interface TitleMatch { number: number; statutory: boolean }
const NO_TITLE: TitleMatch = { number: 0, statutory: false };

/** The section whose title (or variant) is one slip from this one. */
function slipOf(title: string): TitleMatch {
  if (title.length < SLIP_MIN - 1) return NO_TITLE;
  for (const [t, number] of TITLES) if (t.length >= SLIP_MIN && withinOneEdit(t, title)) return { number, statutory: false };
  return NO_TITLE;
}

// The section a title names: by the statute's wording or a variant (statutory), or one slip from it.
// Titles as written repeat from report to report: remember the section each names.
const titleMatches = new Map<string, TitleMatch>();
function matchTitle(title: string): TitleMatch {
  let match = titleMatches.get(title);
  if (match === undefined) {
    const normalized = normalizeText(title);
    const number = TITLES.get(normalized);
    match = number ? { number, statutory: true } : slipOf(normalized);
    if (titleMatches.size > 5000) titleMatches.clear();
    titleMatches.set(title, match);
  }
  return match;
}

// Words that name a section whose title departs from the statute (二、主动公开情况). Such a
// heading is taken only with its own numeral, so that a sub-topic of 一 such as 二、依申请公开
// is not mistaken for section 3.
const LOOSE_WORDS: Record<number, string[]> = {
  1: ['总体', '概述', '概况', '基本情况'],
  2: ['主动公开'],
  3: ['申请'],
  4: ['复议', '诉讼'],
  5: ['问题', '改进', '不足', '整改', '打算'],
  6: ['其他', '其它', '需要报告'],
};

// Characters are tested by code (line.charCodeAt(i), NaN past the end): indexing a string by a
// Chinese character would make a new one-character string each time.

const isLead = (c: number) => isBlank(c) || c === 9 || c === 0x23 /* # */ || c === 0x2a /* * */ || c === 0x3e /* > */;

/** Where a line's text starts after blanks, tabs and Markdown marks (## **). */
export function textStart(line: string, end = line.length): number {
  let i = 0;
  while (i < end && isLead(line.charCodeAt(i))) i++;
  return i;
}

export interface Heading {
  number: number;
  numbering: Numbering | undefined;
  /** The title's offsets in the line. */
  titleStart: number;
  titleEnd: number;
  /** The statute's wording or an accepted variant (not other words, nor a title with a slip). */
  statutory: boolean;
}

/** A note in brackets at a title's end. */
const NOTE = /[（(][^（()）]*[)）]$/;
const NOTE_ONLY = /^[（(][^（()）]*[)）]$/;

/** Blanks, Markdown marks and colons after a title. */
const isTrailing = (c: number) => isBlank(c) || c === 0x2a || c === 0x23 || c === 0xff1a /* ： */ || c === 0x3a;
/** A pipe: a heading typed as a Markdown table's first row (| 二、主动公开政府信息情况 |  |  |). */
const isPipe = (c: number) => c === 0x7c || c === 0xff5c;

/**
 * Recognises a section heading line: an optional numbering and one of the six titles, or one slip
 * from it; or a title in other words (二、主动公开情况) when its numeral is the section's own.
 * Sub-topics — （一） (1) — are not sections, unless the title after them is a section's own (a drafter numbering the sections so).
 */
export function readHeading(line: string): Heading | undefined {
  if (line.length > 60) return undefined;
  let start = textStart(line);
  // A heading typed as a Markdown table's first row (| 二、主动公开政府信息情况 |  |  |): its text starts after the pipe.
  const piped = isPipe(line.charCodeAt(start));
  if (piped) for (start++; start < line.length && isLead(line.charCodeAt(start));) start++;
  if (start === line.length) return undefined;
  // A heading starts with its numeral, its title or a bracket (（二）): most short lines are none of these.
  const first = line.charCodeAt(start);
  if (!isHanNumeral(first) && !isDigit(first) && first !== DI && !TITLE_STARTS.has(first) && first !== 0xff08 && first !== 0x28) return undefined;
  let end = line.length;
  // A table row whose one cell spans the table (a heading typed as the table's first row) ends in the tabs of the cells it covers.
  // So too a Markdown table's row, in the empty cells after it.
  while (end > 0 && (isTrailing(line.charCodeAt(end - 1)) || line.charCodeAt(end - 1) === 9 || (piped && isPipe(line.charCodeAt(end - 1))))) end--;
  // (A tab before the heading is its indentation; one after its start, a table's cells.)
  if (start >= end || line.lastIndexOf('\t', end - 1) >= start || (piped && line.slice(start, end).includes('|'))) return undefined;
  // A section numbered like a sub-topic, （二）主动公开政府信息情况, or like a point of a speech, 二是主动公开政府信息情况:
  // taken only with its own numeral and a title of the statute's, the whole line (一's sub-topics are often
  // named after the sections: （一）主动公开政府信息情况; points are prose: 一是加强组织领导，…).
  const point = readBracketNumbering(line, start, end) ?? readSpokenNumbering(line, start, end);
  if (point) {
    const { number, statutory } = matchTitle(line.slice(point.end, end));
    return number && number === point.value ? { number, numbering: point, titleStart: point.end, titleEnd: end, statutory } : undefined;
  }
  if (first === 0xff08 || first === 0x28) return undefined;
  const numbering = readNumbering(line, start, end);
  const titleStart = numbering ? numbering.end : start;
  const title = line.slice(titleStart, end);
  if (numbering || title.endsWith('情况') || title.endsWith('事项')) {
    const { number, statutory } = matchTitle(title);
    if (number) return { number, numbering, titleStart, titleEnd: end, statutory };
    // A note in brackets after the title: 二、主动公开政府信息情况（单位：件）.
    const note = numbering ? NOTE.exec(title) : null;
    const bare = note && note.index > 0 ? matchTitle(title.slice(0, note.index)) : NO_TITLE;
    if (bare.number) return { number: bare.number, numbering, titleStart, titleEnd: titleStart + note!.index, statutory: bare.statutory };
  }
  if (!numbering || numbering.value > 6 || title.length < 2 || title.length > 30 || /[。；;，,：:\d]/.test(title)) return undefined;
  let loose = false;
  for (const w of LOOSE_WORDS[numbering.value]) if (title.includes(w)) { loose = true; break; }
  if (!loose) return undefined;
  return { number: numbering.value, numbering, titleStart, titleEnd: end, statutory: false };
}

/** A character a heading can be broken after or before: a Han character, or a numbering's 、 ． . */
const isTitleChar = (c: number) => isIdeograph(c) || c === 0x3001 || c === 0xff0e || c === 0x2e;

/** A heading broken over two lines (or three), as the lines are joined, with where each part lies in its line. */
export interface Wrapped {
  heading: Heading;
  /** The lines joined: the first up to `cut`, then the second from `from` (its blanks before left out), … */
  text: string;
  cut: number;
  from: number;
  /** Where the heading ends in its last line. */
  end: number;
  /** Each line after the first: where it begins in `text`, and from where in the line it is taken (cut, from for the second). */
  breaks: { at: number; from: number }[];
}

/** Where the text of a line broken off a heading starts (its blanks left out), and where the part before a break ends. */
const startOf = (line: string) => { let from = 0; while (from < line.length && isBlank(line.charCodeAt(from))) from++; return from; };
const endOf = (line: string) => { let cut = line.length; while (cut > 0 && isBlank(line.charCodeAt(cut - 1))) cut--; return cut; };

/**
 * A heading broken over two lines (a PDF's text layer, a narrow Word column): 二、主动公开政府信息 / 情况,
 * 三、收到和处理政府信息公开申 / 请情况; the second line may run on into the section's text after a colon
 * (事项：本机关…). Taken only when the two make a section's title (the statute's, or one slip from it) that
 * the first line alone is not, and the second line is all title (up to a colon): a heading followed by its
 * first line of text, or a title in other words followed by words, makes none. With `third`, a heading
 * broken over three lines in a narrower column (三、收到和处理 / 政府信息公开申 / 请情况): the middle line is
 * then all title characters, taken whole, and the third must add to the title.
 */
export function readWrapped(line: string, next: string, third?: string): Wrapped | undefined {
  const cut = endOf(line);
  const from = startOf(next);
  // (A tab after the first line's start, or in the second, is a table's.)
  if (cut === 0 || !isTitleChar(line.charCodeAt(cut - 1)) || !isTitleChar(next.charCodeAt(from)) || line.lastIndexOf('\t') >= textStart(line) || next.includes('\t')) return undefined;
  if (third === undefined) return joined(line.slice(0, cut), [{ at: cut, from }], next, from);
  // The middle line: title characters only, short, taken whole.
  const midEnd = endOf(next);
  if (midEnd - from > 20) return undefined;
  for (let i = from; i < midEnd; i++) if (!isTitleChar(next.charCodeAt(i))) return undefined;
  const from3 = startOf(third);
  if (!isTitleChar(third.charCodeAt(from3)) || third.includes('\t')) return undefined;
  const head = line.slice(0, cut) + next.slice(from, midEnd);
  return joined(head, [{ at: cut, from }, { at: head.length, from: from3 }], third, from3);
}

/** The heading made of `head` (the lines before the last, joined) and the last line from `from`, if the last line adds to a title and is all title. */
function joined(head: string, breaks: { at: number; from: number }[], last: string, from: number): Wrapped | undefined {
  // A colon (not one inside a note's brackets) ends the heading run into its text.
  let to = last.length;
  for (let i = from; i < to && i - from <= 30; i++) {
    const c = last.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) break;
    if (c === 0xff1a || c === 0x3a) to = i;
  }
  if (to - from > 30) return undefined;
  const text = head + last.slice(from, to);
  const heading = readHeading(text);
  const lastAt = breaks[breaks.length - 1].at;
  if (!heading || heading.titleEnd <= lastAt) return undefined;
  if (!heading.statutory && matchTitle(text.slice(heading.titleStart, heading.titleEnd)).number !== heading.number) return undefined;
  // The last line is the title's end (and a note, and the marks after it), not the start of words after it.
  let rest = text.length;
  while (rest > heading.titleEnd && isTrailing(text.charCodeAt(rest - 1))) rest--;
  if (rest !== heading.titleEnd && !NOTE_ONLY.test(text.slice(heading.titleEnd, rest))) return undefined;
  const end = to < last.length ? heading.titleEnd - lastAt + from : last.trimEnd().length;
  return { heading, text, cut: breaks[0].at, from: breaks[0].from, end, breaks };
}

/** What follows a title listed in a sentence, not a heading's. */
const LISTED = '；;，,、';

/** Where a heading inside a line may begin: at the line's start, after a blank or a sentence end. */
const isBreak = (c: number) => Number.isNaN(c) || isBlank(c) || c === 0x2a /* ** */ || c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0xff01 || c === 0xff1f;

/** The length of a statute title printed at `at`, or of the same title with one slip. */
function printedTitle(title: string, line: string, at: number): { length: number; statutory: boolean } | undefined {
  if (line.startsWith(title, at)) return { length: title.length, statutory: true };
  if (title.length < SLIP_MIN) return undefined;
  // The title runs on into the text: try it replaced, with a character too many, and with one too few.
  for (const length of [title.length, title.length + 1, title.length - 1]) {
    if (withinOneEdit(title, line, at, at + length)) return { length, statutory: false };
  }
  return undefined;
}

/**
 * The section headings inside a line of running text (flattened web text: “… 一、总体情况 2022年，…”):
 * a numeral, 、 and a statute title (or one slip from it), at the line's start or after a blank or a
 * sentence end. Table row labels such as 一、本年新收政府信息公开申请数量 name no section.
 */
function inlineHeadings(line: string): Heading[] {
  const out: Heading[] = [];
  for (let at = line.indexOf('、'); at > 0; at = line.indexOf('、', at + 1)) {
    if (!isHanNumeral(line.charCodeAt(at - 1)) || !isBreak(line.charCodeAt(at - 2))) continue;
    const numbering = readNumbering(line, at - 1);
    if (!numbering) continue;
    for (const { title, number } of PRINTED) {
      const found = printedTitle(title, line, numbering.end);
      if (!found) continue;
      // A title in a list of them (全文包括：一、总体情况；二、主动公开政府信息情况；…) is no heading.
      const next = line.charAt(numbering.end + found.length);
      if (next && LISTED.includes(next)) continue;
      out.push({ number, numbering, titleStart: numbering.end, titleEnd: numbering.end + found.length, statutory: found.statutory });
      break;
    }
  }
  return out;
}

/** A bit for each of the six sections' numbers. */
const ALL_SECTIONS = 0b1111110;

interface Found {
  line: number;
  /** Where its section starts in the text: the line's start, or (inside a line) its numbering's. */
  offset: number;
  heading: Heading;
  /** Inside a line of running text, not a line of its own. */
  inline: boolean;
  /** Broken over this line and the next (or the next two); the heading's offsets are in the lines joined. */
  wrap?: Wrapped;
}

/**
 * How well a heading's numbering fits its section; among repeated headings the better one is the section.
 * A point's numbering (（二）, 二是) fits no better than none: the later heading of the two is the section.
 */
const fit = ({ heading: h }: Found) => (!h.numbering || h.numbering.point ? 0 : h.numbering.value === h.number ? 2 : 1);

/**
 * The six sections in document order, each running to the next heading; at most one per number.
 * A heading is a short line of its own, or — in text that runs on without line breaks — a numbered
 * statute title inside a long line. A heading repeated (a caption under the heading, a sub-topic of
 * 一 numbered like a section) counts once: the one whose numeral fits, else the later one.
 */
export function findSections(idx: LineIndex): Section[] {
  let found: Found[] = [], long: number[] = [];
  let numbers = 0, titled = 0; // a bit for each section number found, and for each found by the statute's title
  let lone = false; // a line of a numbering alone (二、), its title maybe on the next
  const statutory = new Set<number>(); // the lines of headings by the statute's title
  for (let l = 0; l < idx.lineCount; l++) {
    // Most lines are blank or table cells (which start with a tab); a long line is running text.
    const line = idx.lineText(l);
    if (line.length < 2) continue;
    if (line.length > 60) { long.push(l); continue; }
    const heading = readHeading(line);
    // A heading run into its text (六、其他需要报告的事项：本年度未收取…) is one inside the line.
    if (!heading) {
      if (line.includes('、')) long.push(l);
      if (line.length <= 8 && !lone) {
        const numbering = readNumbering(line, textStart(line));
        lone = numbering !== undefined && numbering.end >= line.trimEnd().length;
      }
      continue;
    }
    found.push({ line: l, offset: idx.lineStart(l), heading, inline: false });
    numbers |= 1 << heading.number;
    if (heading.statutory) { statutory.add(l); titled |= 1 << heading.number; }
  }
  // Headings broken over two lines (二、 / 主动公开政府信息情况, 二、主动公开政府信息 / 情况) are looked for only
  // when a section has no heading by the statute's title on a line of its own, or a numbering stands alone.
  if (titled !== ALL_SECTIONS || lone) {
    const wraps: Found[] = [], wrapped = new Set<number>();
    for (let l = 0; l + 1 < idx.lineCount; l++) {
      const line = idx.lineText(l);
      if (line.length < 2 || line.length > 60 || statutory.has(l)) continue;
      // Over three lines only where two make none (and a third follows the two).
      const wrap = readWrapped(line, idx.lineText(l + 1)) ?? (l + 2 < idx.lineCount ? readWrapped(line, idx.lineText(l + 1), idx.lineText(l + 2)) : undefined);
      if (!wrap) continue;
      wraps.push({ line: l, offset: idx.lineStart(l), heading: wrap.heading, inline: false, wrap });
      numbers |= 1 << wrap.heading.number;
      wrapped.add(l);
      for (let k = 0; k < wrap.breaks.length; k++) wrapped.add(++l);
    }
    // Each stands for what either of its lines alone was taken for.
    if (wraps.length) {
      found = found.filter((f) => !wrapped.has(f.line)).concat(wraps).sort((a, b) => a.offset - b.offset);
      long = long.filter((l) => !wrapped.has(l));
    }
  }
  // Headings inside running text are looked for only when a section has no line of its own.
  if (numbers !== ALL_SECTIONS) {
    for (const l of long) {
      const line = idx.lineText(l);
      if (!line.includes('、')) continue;
      for (const heading of inlineHeadings(line)) found.push({ line: l, offset: idx.lineStart(l) + heading.numbering!.start, heading, inline: true });
    }
    found.sort((a, b) => a.offset - b.offset);
  }
  const chosen = new Map<number, Found>();
  for (const f of found) {
    if (!f.heading.statutory) continue;
    // The statute's title without a numeral just under a heading in other words with the section's own
    // (三、依申请公开情况 / 收到和处理政府信息公开申请情况): a table's caption; the heading is the section.
    if (!f.heading.numbering && found.some((g) => g.heading.number === f.heading.number && g.heading.numbering?.value === f.heading.number && !g.heading.numbering.point &&
      g.line < f.line && f.line - g.line <= 3)) continue;
    const prev = chosen.get(f.heading.number);
    if (!prev || fit(f) >= fit(prev)) chosen.set(f.heading.number, f);
  }
  // A title in other words (or with a slip) stands for a section only where that section belongs:
  // after the sections before it and before the sections after it; the last such heading (sub-topics come first).
  for (let n = 1; n <= 6; n++) {
    if (chosen.has(n)) continue;
    let lower = -1, upper = Infinity;
    for (const [m, f] of chosen) {
      if (m < n) lower = Math.max(lower, f.offset);
      else upper = Math.min(upper, f.offset);
    }
    let pick: Found | undefined;
    for (const f of found) if (!f.heading.statutory && f.heading.number === n && f.offset > lower && f.offset < upper) pick = f;
    if (pick) chosen.set(n, pick);
  }
  const heads = [...chosen.values()].sort((a, b) => a.offset - b.offset);
  const sections: Section[] = [];
  for (const { line: l, heading: h, inline, wrap } of heads) {
    const text = idx.lineText(l);
    // An offset in the heading's line, or in the two lines of a heading broken over them.
    // (The break itself is the end of what stands before it, the start of what follows.)
    const at = (character: number, isEnd = false) => {
      let k = wrap ? wrap.breaks.length : 0;
      while (k > 0 && !(isEnd ? character > wrap!.breaks[k - 1].at : character >= wrap!.breaks[k - 1].at)) k--;
      return k === 0 ? { line: l, character } : { line: l + k, character: character - wrap!.breaks[k - 1].at + wrap!.breaks[k - 1].from };
    };
    const start = h.numbering ? h.numbering.start : h.titleStart;
    const headingStart = inline ? start : text.length - text.trimStart().length;
    sections.push({
      number: h.number,
      title: (wrap?.text ?? text).slice(h.titleStart, h.titleEnd),
      numeral: h.numbering?.numeral ?? null,
      numeralValue: h.numbering?.value ?? null,
      headingRange: { start: at(headingStart), end: wrap ? { line: l + wrap.breaks.length, character: wrap.end } : at(inline ? h.titleEnd : text.trimEnd().length) },
      numberingRange: { start: at(start), end: at(h.titleStart, true) },
      titleRange: { start: at(h.titleStart), end: at(h.titleEnd) },
      statutory: h.statutory,
      range: { start: at(inline ? start : 0), end: { line: l, character: text.length } },
    });
  }
  // Each runs to the next: to the blanks before it inside a line, else to the end of the line before it.
  for (let i = 0; i < sections.length; i++) {
    const s = sections[i], next = heads[i + 1];
    if (next?.inline) {
      let end = next.offset;
      while (end > idx.offset(s.headingRange.end) && isBlank(idx.text.charCodeAt(end - 1))) end--;
      s.range.end = idx.position(end);
      continue;
    }
    const endLine = Math.max(s.range.start.line, next ? next.line - 1 : idx.lineCount - 1);
    s.range.end = { line: endLine, character: idx.lineText(endLine).length };
  }
  return sections;
}

/** The title's words (工作 is left out of many titles: …2023年政府信息公开年度报告). */
const TITLE_WORDS = /政府信息公开(?:工作)?年度报告/;
const TITLE_YEAR = /((?:19|20)\d\d)年(?:度)?/g;
/** The year written after the title's words: …工作年度报告（2023年度）. */
const YEAR_AFTER = /^[（(]((?:19|20)\d\d)年?度?[)）]/;
/** A web page's navigation above the title (首页 > 政务公开 > …, 上一篇：…): no part of it. */
const NAVIGATION = /[>＞»›]|^(?:当前位置|您当前的位置|您的位置|上一篇|下一篇|首页)/;
const HAN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 };
/** 二〇二三年 written as 2023年 (and ２０２３年), at the same length: offsets stay valid. */
export const arabicYears = (s: string) => s.replace(/[〇○零一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => HAN_DIGIT[c]).join(''))
  .replace(/[０-９]{4}(?=年)/g, (y) => [...y].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join(''));

/**
 * The report's year, from its title: the last year before the title's words (a title may be broken over
 * the first lines), or the one in brackets after them; a web page's navigation above it is left out.
 */
export function readTitle(idx: LineIndex): { year: number | null; titled: boolean; line: number } {
  let head = '', match: RegExpExecArray | null = null, l = 0;
  for (; l < Math.min(idx.lineCount, 12) && !match; l++) {
    const line = idx.lineText(l).replace(/[\s\u3000#*]/g, '');
    if (NAVIGATION.test(line)) continue;
    head += line;
    match = TITLE_WORDS.exec(head);
  }
  if (!match) return { year: null, titled: false, line: -1 };
  const years = matchesOf(TITLE_YEAR, arabicYears(head.slice(0, match.index)));
  const after = YEAR_AFTER.exec(arabicYears(head.slice(match.index + match[0].length)));
  const year = years.length ? Number(years[years.length - 1][1]) : after ? Number(after[1]) : null;
  return { year, titled: true, line: l - 1 };
}

const HAN_YEAR = /[〇○零一二三四五六七八九]{4}(?=\s*年)/g;

/**
 * Where the title's year stands in the title lines (a web page's navigation above them aside), if it is written
 * there: in digits, or in Chinese numerals (二〇二三年度).
 */
export function titleYearRange(idx: LineIndex, year: number): Range | undefined {
  const y = String(year);
  for (let l = 0; l < Math.min(idx.lineCount, 12); l++) {
    const line = idx.lineText(l);
    if (NAVIGATION.test(line.replace(/[\s\u3000#*]/g, ''))) continue;
    let at = line.indexOf(y);
    if (at < 0) at = line.indexOf(wide(y));
    if (at < 0 && line.includes('年')) {
      HAN_YEAR.lastIndex = 0;
      for (let m; at < 0 && (m = HAN_YEAR.exec(line));) if (arabicYears(`${m[0]}年`) === `${y}年`) at = m.index;
    }
    if (at >= 0) return { start: { line: l, character: at }, end: { line: l, character: at + 4 } };
  }
  return undefined;
}

/** ２０２３ for 2023. */
const wide = (digits: string) => [...digits].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

/** The year written as `written` is (2023, ２０２３, 二〇二三, 二○二三, 二零二三): a fix keeps the writer's numerals. */
export function yearLike(written: string, year: number): string {
  if (/^[０-９]{4}$/.test(written)) return wide(String(year));
  const zero = [...written].find((c) => HAN_DIGIT[c] === 0);
  if (!/^[〇○零一二三四五六七八九]{4}$/.test(written)) return String(year);
  return [...String(year)].map((d) => (d === '0' ? zero ?? '〇' : '〇一二三四五六七八九'[Number(d)])).join('');
}

/**
 * Lines inside 一、总体情况 that start with a numbering like the sections' (二、 三． 四.), where the
 * sub-topics' （二） （三） are meant. Table rows (一、本年新收…) are numbered like that too: lines
 * with a tab and lines inside a table are left out.
 */
export function findSubtopicNumberings(idx: LineIndex, report: Report): SubtopicNumbering[] {
  const overview = report.sections.find((s) => s.number === 1);
  if (!overview) return [];
  let tables: [number, number][] | undefined; // looked up only for a line numbered like a section
  const inTable = (offset: number) => (tables ??= tableSpans(idx, report)).some(([start, end]) => start <= offset && offset <= end);
  const out: SubtopicNumbering[] = [];
  for (const { line: l, from, text: line } of sectionBody(idx, overview)) {
    const start = textStart(line);
    if (start >= line.length || !isHanNumeral(line.charCodeAt(start)) || line.includes('\t') || inTable(idx.lineStart(l) + from)) continue;
    const n = readNumbering(line, start);
    if (!n || n.style !== 'han' || !(n.separator === '、' || n.separator === '．' || n.separator === '.')) continue;
    const end = n.start + n.numeral.length + (line.slice(n.start + n.numeral.length, n.end).indexOf(n.separator) + 1);
    out.push({
      range: { start: { line: l, character: from + n.start }, end: { line: l, character: from + end } },
      written: line.slice(n.start, end), numeral: n.numeral, value: n.value,
    });
  }
  return out;
}
