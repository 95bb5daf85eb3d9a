import type { Paragraph, YearSummary } from '../years/summary';
import type { RawFinding, YearRule } from './types';

// A paragraph of 一、总体情况 or 五、存在的主要问题及改进情况 that repeats last year's (provincial
// assessments deduct for it). Paragraphs are compared by their letters only (figures, years,
// punctuation and blanks dropped) as sets of 4-character shingles: a paragraph is copied when nearly
// all of its shingles are in one paragraph of last year's same section. An index of last year's
// shingles keeps the work linear in the text (summary.ts bounds the text).

/** Shorter paragraphs (in letters) are formulas every report shares: 现将有关情况报告如下. */
const MIN_LETTERS = 30;
const SHINGLE = 4;
/** The share of a paragraph's shingles found in last year's paragraph for it to count as copied. */
const COPIED = 0.8;

const SECTION_NAMES = { 1: ['一、总体情况', 'section 1 (overview)'], 5: ['五、存在的主要问题及改进情况', 'section 5 (problems and improvements)'] } as const;

function shingles(letters: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= letters.length; i++) out.add(letters.slice(i, i + SHINGLE));
  return out;
}

/** This year's paragraphs of the section that are copied, each with last year's paragraph and how much of it is the same. */
function copiedIn(section: 1 | 5, current: YearSummary, previous: YearSummary): { now: Paragraph; last: Paragraph; same: number }[] {
  const lastYear = previous.paragraphs.filter((p) => p.section === section && p.letters.length >= MIN_LETTERS);
  if (!lastYear.length) return [];
  const index = new Map<string, number[]>();
  lastYear.forEach((p, i) => {
    for (const s of shingles(p.letters)) {
      const at = index.get(s);
      if (at) at.push(i); else index.set(s, [i]);
    }
  });
  const out: { now: Paragraph; last: Paragraph; same: number }[] = [];
  for (const now of current.paragraphs) {
    if (now.section !== section || now.letters.length < MIN_LETTERS) continue;
    const own = shingles(now.letters);
    const hits = new Array<number>(lastYear.length).fill(0);
    for (const s of own) for (const i of index.get(s) ?? []) hits[i]++;
    let best = 0;
    for (let i = 1; i < hits.length; i++) if (hits[i] > hits[best]) best = i;
    const same = hits[best] / own.size;
    if (same >= COPIED) out.push({ now, last: lastYear[best], same });
  }
  return out;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

export const copiedText: YearRule = {
  code: 'copied-text',
  severity: 'information',
  acrossYears: true,
  title: { zh: '段落照搬上年报告', en: 'A paragraph repeats last year’s report' },
  description: {
    zh: '“一、总体情况”或“五、存在的主要问题及改进情况”中的一段与上年报告同一部分的一段几乎相同（数字、年份、标点和空白不计；很短的段落不核对）。说明中给出这一部分有多少文字照搬上年，并指向上年报告中的那一段。照搬的比例超过 `.nianbao.json` 中 `acrossYears.copiedTextWarning` 的值（默认 0.5，即一半）时为警告，否则为信息。',
    en: 'A paragraph of section 1 (overview) or 5 (problems and improvements) that is nearly the same as one in the same section of last year’s report (figures, years, punctuation and blanks aside; short paragraphs are not compared). The message gives the share of the section copied and points at last year’s paragraph. A warning when that share is above `acrossYears.copiedTextWarning` in `.nianbao.json` (default 0.5, half), else information.',
  },
  check({ current, previous, copiedWarning }) {
    const out: RawFinding[] = [];
    for (const section of [1, 5] as const) {
      const copied = copiedIn(section, current, previous);
      if (!copied.length) continue;
      const letters = current.sectionLetters[section];
      const share = Math.min(1, copied.reduce((n, c) => n + c.now.letters.length, 0) / Math.max(letters, 1));
      const [zh, en] = SECTION_NAMES[section];
      for (const { now, last, same } of copied) {
        const line = last.range.start.line + 1;
        out.push({
          code: 'copied-text',
          severity: share > copiedWarning ? 'warning' : 'information',
          message: {
            zh: `这一段与上年（${previous.year}年）报告第 ${line} 行的一段几乎相同（${percent(same)}）；“${zh}”共有 ${percent(share)} 的文字照搬上年。`,
            en: `This paragraph is nearly the same (${percent(same)}) as one of last year’s (${previous.year}) report at line ${line}; ${percent(share)} of ${en} repeats last year’s.`,
          },
          range: now.range,
          related: () => [{ file: previous.file, range: last.range, message: { zh: '上年报告中的这一段', en: 'the paragraph in last year’s report' } }],
        });
      }
    }
    return out;
  },
};
