import type { Paragraph, YearSummary } from '../years/summary';
import type { RawFinding, Related, YearRule } from './types';

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

/** A paragraph of this year's that is copied: last year's paragraph, and the share of its shingles found there. */
interface Copied { now: Paragraph; last: Paragraph; same: number }

/** This year's paragraphs of the section that are copied. */
function copiedIn(section: 1 | 5, current: YearSummary, previous: YearSummary): Copied[] {
  const lastYear = previous.paragraphs.filter((p) => p.section === section && p.letters.length >= MIN_LETTERS);
  if (!lastYear.length) return [];
  const index = new Map<string, number[]>();
  lastYear.forEach((p, i) => {
    for (const s of shingles(p.letters)) {
      const at = index.get(s);
      if (at) at.push(i); else index.set(s, [i]);
    }
  });
  const out: Copied[] = [];
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

/**
 * Above this share of a section copied, in two paragraphs or more, the section gets one finding rather
 * than one per paragraph: seven findings saying the same thing about a pasted section are noise.
 */
const MOSTLY = 0.5;
/** The lines of a section's copied paragraphs its message names. */
const LINES_SHOWN = 10;

export const copiedText: YearRule = {
  code: 'copied-text',
  severity: 'information',
  acrossYears: true,
  title: { zh: '文字照搬上年报告', en: 'Text repeats last year’s report' },
  description: {
    zh: '“一、总体情况”或“五、存在的主要问题及改进情况”中与上年报告同一部分几乎相同的段落（数字、年份、标点和空白不计；很短的段落不核对）。一个部分有一半以上的文字、两段以上照搬上年时，只在这一部分的标题上报告一次，说明照搬的比例和段数，相关信息逐段指向今年的段落和上年的那一段；只有个别段落照搬时，每段各报告一次，说明这一部分有多少文字照搬上年，并指向上年报告中的那一段。照搬的比例超过 `.nianbao.json` 中 `acrossYears.copiedTextWarning` 的值（默认 0.5，即一半）时为警告，否则为信息。',
    en: 'Paragraphs of section 1 (overview) or 5 (problems and improvements) nearly the same as one in the same section of last year’s report (figures, years, punctuation and blanks aside; short paragraphs are not compared). When more than half of a section’s text, in two paragraphs or more, is copied, the section gets one finding on its heading, giving the share and the number of paragraphs, with related places for each paragraph this year and last year; when only a few paragraphs are copied, each gets its own finding with the share of the section copied, pointing at last year’s paragraph. A warning when that share is above `acrossYears.copiedTextWarning` in `.nianbao.json` (default 0.5, half), else information.',
  },
  check({ current, previous, copiedWarning }) {
    const out: RawFinding[] = [];
    for (const section of [1, 5] as const) {
      const copied = copiedIn(section, current, previous);
      if (!copied.length) continue;
      const share = Math.min(1, copied.reduce((n, c) => n + c.now.letters.length, 0) / Math.max(current.sectionLetters[section], 1));
      const severity = share > copiedWarning ? 'warning' : 'information';
      const [zh, en] = SECTION_NAMES[section];
      const lastLine = (c: Copied) => c.last.range.start.line + 1;
      const lastYears = (c: Copied): Related => ({ file: previous.file, range: c.last.range, message: { zh: '上年报告中的这一段', en: 'the paragraph in last year’s report' } });
      const heading = current.headings[section];
      if (copied.length >= 2 && share > MOSTLY && heading) {
        // (A long list of lines says no more than its start: the related places list them all.)
        const lines = copied.slice(0, LINES_SHOWN).map((c) => c.now.range.start.line + 1), more = copied.length > LINES_SHOWN;
        out.push({
          code: 'copied-text',
          severity,
          message: {
            zh: `“${zh}”有 ${percent(share)} 的文字照搬上年（${previous.year}年）报告：${copied.length} 段（第 ${lines.join('、')}${more ? '……' : ''} 行起）与上年同一部分的段落几乎相同（数字、年份不计）。`,
            en: `${percent(share)} of ${en} repeats last year’s (${previous.year}) report: ${copied.length} paragraphs (at lines ${lines.join(', ')}${more ? ', …' : ''}) are nearly the same as paragraphs of the same section last year (figures and years aside).`,
          },
          range: heading,
          related: () => copied.flatMap((c) => [
            { range: c.now.range, message: { zh: `照搬上年的一段（与上年第 ${lastLine(c)} 行的一段 ${percent(c.same)} 相同）`, en: `a paragraph copied from last year’s (${percent(c.same)} the same as the one at line ${lastLine(c)})` } },
            lastYears(c),
          ]),
        });
        continue;
      }
      for (const c of copied) {
        out.push({
          code: 'copied-text',
          severity,
          message: {
            zh: `这一段与上年（${previous.year}年）报告第 ${lastLine(c)} 行的一段几乎相同（${percent(c.same)}）；“${zh}”共有 ${percent(share)} 的文字照搬上年。`,
            en: `This paragraph is nearly the same (${percent(c.same)}) as one of last year’s (${previous.year}) report at line ${lastLine(c)}; ${percent(share)} of ${en} repeats last year’s.`,
          },
          range: c.now.range,
          related: () => [lastYears(c)],
        });
      }
    }
    return out;
  },
};
