import type { LineIndex } from '../lineIndex';
import { matchesOf, toHalfWidth } from '../strings';

// Who wrote a report, from its title: reports of one body for consecutive years are paired by it.
// Titles come broken over lines (北京市大兴区西红门镇人民政府 / 2024年政府信息公开工作年度报告), with
// the year before the name (2025年上海市人民政府办公厅政府信息公开…) or behind a web page's label
// (标题: 平潭综合实验区2022年度…).

const TITLE_WORDS = ['政府信息公开工作年度报告', '政府信息公开年度报告'];
const YEAR = /(?:19|20)\d\d年度?/g;

/** The body's name as the title writes it (blanks removed), or undefined when the title names none. */
export function bodyOfTitle(idx: LineIndex): string | undefined {
  // The first lines that are not blank, each without blanks and Markdown marks, up to the one that completes the title.
  const starts: number[] = [];
  let joined = '', at = -1;
  for (let l = 0; l < Math.min(idx.lineCount, 12) && at < 0; l++) {
    const line = idx.lineText(l).replace(/[\s\u3000#*]/g, '');
    if (!line) continue;
    starts.push(joined.length);
    joined += line;
    for (const words of TITLE_WORDS) if (at < 0) at = joined.indexOf(words);
  }
  if (at < 0) return undefined;
  const before = joined.slice(0, at);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  const years = matchesOf(YEAR, before);
  const year = years[years.length - 1];
  let name: string;
  if (year && at - (year.index + year[0].length) >= 2) {
    name = before.slice(year.index + year[0].length); // 2025年上海市人民政府办公厅…
  } else {
    // Before the year (or the title words): on its line, or the whole line before when it opens its line.
    const end = year ? year.index : at;
    const line = lineOf(end);
    name = end > starts[line] ? before.slice(starts[line], end) : line > 0 ? before.slice(starts[line - 1], starts[line]) : '';
  }
  name = name.replace(/^.*[:：]/, ''); // a web page's 标题:
  return name.length >= 2 ? name : undefined;
}

/** What a name is compared by: Chinese characters, Latin letters and digits (blanks and punctuation are how it was typed). */
const NOT_NAME = /[^\u3400-\u4dbf\u4e00-\u9fff〇A-Za-z0-9]+/g;

/**
 * The name as reports are paired by it: full-width forms and punctuation aside, and the ways one body
 * is named in different years made one — 西红门镇人民政府 and 西红门镇 (a trailing 人民政府 or 政府),
 * 北苑街道办事处 and 北苑街道, 通州区人民政府北苑街道办事处 and 通州区北苑街道. Nothing else is
 * dropped: 大兴区人民政府办公室 stays apart from 大兴区人民政府.
 */
export function bodyKey(name: string): string {
  let key = toHalfWidth(name).replace(NOT_NAME, '');
  key = key.replace(/街道办事处$/, '街道').replace(/人民政府(?=[^市区县旗]+街道$)/, '');
  const bare = key.replace(/(?:人民)?政府$/, '');
  return bare.length >= 2 ? bare : key;
}

/** One administrative division leading a name: 北京市, 平谷区, 广西壮族自治区, 延边朝鲜族自治州, 阿拉善盟… */
const DIVISION = /^[\u4e00-\u9fff]{1,8}?(?:省|自治区|特别行政区|市|地区|自治州|州|盟|自治县|县|区|旗)/;

/**
 * A body's key without its leading divisions, one at a time (北京市平谷区大兴庄镇 → 平谷区大兴庄镇 →
 * 大兴庄镇): the same body named with fewer of them in another year. What is left must still name a
 * body of its own: not a bare office of a government (人民政府办公室 is every government's).
 */
export function shorterKeys(key: string): string[] {
  const out: string[] = [];
  for (let rest = key, m = DIVISION.exec(rest); m; m = DIVISION.exec(rest)) {
    rest = rest.slice(m[0].length);
    if (rest.length < 2 || /^(?:人民)?政府/.test(rest)) break;
    out.push(rest);
  }
  return out;
}
