import type { Claim } from '../../server/src/core/model';
import { check, type Finding } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/lineIndex';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import {
  brokenInside, figureStyle, NUMBER_STYLES, proseParagraph, quantityValue, wrapParagraph, writeNumber,
  type ProseFigure, type ProseParagraph, type ProseVariant,
} from '../layouts/prose';
import { LAYOUTS } from '../layouts/render';
import { EXPECTED } from './expected';

// The prose family (test/layouts/prose.ts) put into whole reports and read back: for every figure
// the prose repeats, whether the reader bound it to the quantity it speaks of, missed it, or bound
// it to another; for every distractor number, that no table quantity was read from it; and, with
// one figure changed, that exactly that figure gets the one prose finding, naming the table's value.

const PROSE = new Set(['prose-mismatch', 'prose-breakdown', 'prose-unclear']);

export interface Member {
  name: string;
  figures: Figures;
  variant: ProseVariant;
  /**
   * One line; wrapped as a PDF's text layer wraps it at the page's width (the tables then in pdf-text
   * too); or hard-wrapped in narrow lines (a text box, a Markdown file converted from a PDF) in a draft.
   */
  wrap: 'none' | 'page' | 'narrow';
}

/** Every seed's figures, 2021 and 2019, in `picks` variants each: numbers, order, joints and wrapping vary together. */
export function family(picks = 20): Member[] {
  const out: Member[] = [];
  for (const [seed, e] of Object.entries(EXPECTED)) {
    for (const figures of [figuresOf(e), figures2019(e)]) {
      for (let pick = 0; pick < picks; pick++) {
        const variant: ProseVariant = {
          pick, numbers: NUMBER_STYLES[pick % NUMBER_STYLES.length], shuffle: pick % 3 === 1, join: (['，', '；', '。'] as const)[pick % 3],
        };
        out.push({ name: `${seed}/${figures.version}/${pick}`, figures, variant, wrap: pick % 2 ? 'page' : pick % 4 === 2 ? 'narrow' : 'none' });
      }
    }
  }
  return out;
}

/** A member's report: its tables and, under 一、总体情况, the paragraph (with figure `change` written as another value). */
export function reportOf(m: Member, change?: { index: number; value: number }): { text: string; para: ProseParagraph } {
  let para = proseParagraph(m.figures, m.variant);
  if (change) para = rewrite(para, change.index, writeNumber(change.value, figureStyle(para.figures[change.index].key, m.variant.numbers)));
  if (m.wrap !== 'none') {
    const width = m.wrap === 'page' ? PAGE_WIDTH : NARROW[m.variant.pick % NARROW.length];
    para = wrapParagraph(para, width, leadIn(proseParagraph(m.figures, m.variant), width));
  }
  const layout = LAYOUTS.find((l) => l.name === (m.wrap === 'page' ? 'pdf-text' : 'tabs'))!;
  const report = layout.render(m.figures);
  const heading = report.indexOf('一、总体情况\n') + '一、总体情况\n'.length;
  const before = report.slice(0, heading) + (m.wrap === 'page' ? '' : '\n');
  const text = before + para.text + '\n' + report.slice(heading);
  const move = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + before.length, end: x.end + before.length });
  return { text, para: { text: para.text, figures: para.figures.map(move), distractors: para.distractors.map(move) } };
}

/** The width the pdf-text renderer wraps a report's prose at: one page, one width. */
const PAGE_WIDTH = 58;
/** Narrow lines, 12 to 18 Chinese characters, too narrow to be a page's. */
const NARROW = [24, 30, 36];
const LEAD_IN = '本年度，某某镇人民政府认真落实政府信息公开各项要求，';

/**
 * The start of the lead-in that puts most line breaks inside numbers (the way a PDF's lines cut
 * “35\n1 件”), chosen on the unchanged paragraph so that a changed figure keeps its line.
 */
function leadIn(unchanged: ProseParagraph, width: number): string {
  let best = '', most = -1;
  for (let k = 0; k <= LEAD_IN.length; k++) {
    const w = wrapParagraph(unchanged, width, LEAD_IN.slice(0, k));
    const n = w.figures.filter((x) => x.form === 'number' && brokenInside(w.text, x)).length;
    if (n > most) { most = n; best = LEAD_IN.slice(0, k); }
  }
  return best;
}

/** The paragraph with figure `index` written as `text` (the offsets after it moved). */
function rewrite(para: ProseParagraph, index: number, text: string): ProseParagraph {
  const x = para.figures[index], delta = text.length - (x.end - x.start);
  const move = <T extends { start: number; end: number }>(y: T): T => y.start >= x.end ? { ...y, start: y.start + delta, end: y.end + delta } : y;
  return {
    text: para.text.slice(0, x.start) + text + para.text.slice(x.end),
    figures: para.figures.map((y, i) => i === index ? { ...y, end: y.start + text.length } : move(y)),
    distractors: para.distractors.map(move),
  };
}

export type Outcome = 'right' | 'missed' | 'wrong';

export interface Tally {
  figures: number;
  right: number;
  missed: number;
  wrong: number;
  /** Figures with a line break inside the number, and how many of them were bound right. */
  broken: number;
  brokenRight: number;
  brokenMissed: string[];
  /** Distractor numbers read as a table quantity. */
  distractorsBound: number;
  /** Prose findings on a report whose prose and tables agree. */
  falseAlarms: number;
  /** Figures changed: caught once on the number naming the table's value / silent where unbound / otherwise. */
  mutations: number;
  caught: number;
  silent: number;
  mutationFailures: string[];
  /** What went wrong, for reading: “phrasing: detail”. */
  details: string[];
  /** Missed figures by phrasing. */
  misses: Map<string, number>;
  /** Figures bound right, by phrasing. */
  rightAt: Map<string, number>;
  /** One missed figure of each phrasing, in its context. */
  missedAt: Map<string, string>;
}

const newTally = (): Tally => ({
  figures: 0, right: 0, missed: 0, wrong: 0, broken: 0, brokenRight: 0, brokenMissed: [], distractorsBound: 0, falseAlarms: 0,
  mutations: 0, caught: 0, silent: 0, mutationFailures: [], details: [], misses: new Map(), rightAt: new Map(), missedAt: new Map(),
});

const startOf = (idx: LineIndex, c: { range: Claim['range'] }) => idx.offset(c.range.start);
const isTable = (c: Claim) => c.quantity.startsWith('t');

/** How the reader took one figure. */
function outcome(claims: Claim[], idx: LineIndex, x: ProseFigure): { outcome: Outcome; claim?: Claim } {
  const at = claims.filter((c) => startOf(idx, c) === x.start && (x.form === 'number' ? c.form !== 'zero' && c.form !== 'all' : c.form === x.form));
  const claim = at.find(isTable);
  if (!claim) return { outcome: 'missed' };
  const keys = [claim.quantity, ...(claim.alternatives ?? [])];
  return { outcome: keys.includes(x.key) && claim.value === x.value ? 'right' : 'wrong', claim };
}

const proseFindings = (fs: Finding[]) => fs.filter((f) => PROSE.has(f.code));

/** Reads every member, with every figure changed in turn. */
export function measure(members: Member[], mutate = true): Tally {
  const t = newTally();
  for (const m of members) {
    const { text, para } = reportOf(m);
    const idx = new LineIndex(text);
    const { report, findings } = check(text);
    for (const f of proseFindings(findings)) {
      t.falseAlarms++;
      t.details.push(`${m.name} false alarm: ${f.message}`);
    }
    for (const d of para.distractors) {
      for (const c of report.claims) {
        const s = startOf(idx, c);
        if (isTable(c) && s >= d.start && s < d.end) { t.distractorsBound++; t.details.push(`${m.name} ${d.phrasing}: distractor “${text.slice(d.start, d.end)}” read as ${c.quantity}=${c.value}`); }
      }
    }
    para.figures.forEach((x, index) => {
      const o = outcome(report.claims, idx, x);
      t.figures++;
      t[o.outcome]++;
      const broken = x.form === 'number' && brokenInside(text, x);
      if (broken) { t.broken++; if (o.outcome === 'right') t.brokenRight++; else t.brokenMissed.push(`${m.name} ${x.phrasing}: ${text.slice(x.start - 20, x.end + 5)}`); }
      if (o.outcome === 'right') t.rightAt.set(x.phrasing, (t.rightAt.get(x.phrasing) ?? 0) + 1);
      if (o.outcome === 'missed') {
        t.misses.set(x.phrasing, (t.misses.get(x.phrasing) ?? 0) + 1);
        t.missedAt.set(x.phrasing, m.name + ' ' + text.slice(Math.max(x.start - 30, text.lastIndexOf('\n', x.start) + 1), x.end + 8));
      }
      if (o.outcome === 'wrong') t.details.push(`${m.name} ${x.phrasing}: ${x.key}=${x.value} read as ${o.claim!.quantity}=${o.claim!.value} (${o.claim!.phrase})`);
      if (!mutate || x.form !== 'number' || o.outcome === 'wrong') return;
      t.mutations++;
      const failure = mutation(m, index, x, o.outcome === 'right' ? o.claim! : undefined);
      if (failure) t.mutationFailures.push(`${m.name} ${x.phrasing} ${x.key}: ${failure}`);
      else if (o.outcome === 'right') t.caught++;
      else t.silent++;
    });
  }
  return t;
}

/**
 * Changes one figure: a bound one must get exactly one prose finding, on its number, naming the
 * table's value; an unbound one none. Returns what went wrong, if anything.
 */
function mutation(m: Member, index: number, x: ProseFigure, claim: Claim | undefined): string | undefined {
  // A value that no reading of the claim accepts.
  const accepted = new Set([x.value, ...(claim ? [claim.quantity, ...(claim.alternatives ?? [])] : []).map((k) => quantityValue(m.figures, k))]);
  let wrong = Math.round((x.value + 11) * 100) / 100;
  while (accepted.has(wrong)) wrong++;
  const { text, para } = reportOf(m, { index, value: wrong });
  const y = para.figures[index];
  const idx = new LineIndex(text);
  const fs = proseFindings(check(text).findings);
  if (!claim) return fs.length ? `unbound, yet ${fs.map((f) => f.message).join(' | ')}` : undefined;
  const on = fs.filter((f) => idx.offset(f.range.start) === y.start && idx.offset(f.range.end) === y.end);
  if (on.length !== 1 || fs.length !== 1) return `${wrong}: ${fs.length} findings, ${on.length} on the number: ${fs.map((f) => f.message).join(' | ')}`;
  const table = quantityValue(m.figures, x.key)!;
  if (!on[0].message.includes(String(table))) return `${wrong}: the message does not name ${table}: ${on[0].message}`;
  return undefined;
}

/** The tally as a few lines. */
export function summary(t: Tally): string {
  const misses = [...t.misses].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p}×${n}`).join(' ');
  return [
    `figures ${t.figures}: right ${t.right}, missed ${t.missed}, wrong ${t.wrong}; broken by a line ${t.broken} (right ${t.brokenRight})`,
    `distractors bound ${t.distractorsBound}; false alarms ${t.falseAlarms}`,
    `mutations ${t.mutations}: caught ${t.caught}, silent ${t.silent}, failed ${t.mutationFailures.length}`,
    `missed by phrasing: ${misses}`,
  ].join('\n');
}

