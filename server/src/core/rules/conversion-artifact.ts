import type { LineIndex } from '../lineIndex';
import type { RawFinding, Rule, TextEdit } from './types';

interface Artifact {
  start: number;
  end: number;
  what: { zh: string; en: string };
  /** How to remove it: delete the span (with one adjacent space), these edits, or nothing (a lost character). */
  fix: 'delete' | 'none' | { start: number; end: number; text: string }[];
}

/** The artifact's span widened by one adjacent space, so that deleting it leaves no double blank. */
function withSpace(text: string, start: number, end: number): { start: number; end: number } {
  if (text[end] === ' ') return { start, end: end + 1 };
  if (text[start - 1] === ' ') return { start: start - 1, end };
  return { start, end };
}

/** The end of `close` after `at` on the same line, within `max` characters; -1 when there is none. */
function closed(text: string, at: number, close: string, max: number): number {
  const stop = Math.min(text.length, at + max);
  for (let i = at; i < stop; i++) {
    if (text[i] === '\n') return -1;
    if (text.startsWith(close, i)) return i + close.length;
  }
  return -1;
}

/** The `[` that opens the span ending just before `at` on the same line, within 200 characters. */
function opening(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= 200; i--) {
    if (text[i] === '[') return i;
    if (text[i] === '\n' || text[i] === ']') return -1;
  }
  return -1;
}

const ESCAPABLE = '*_[]#.-()>!+`|{}~<';
const ATTRIBUTES = /^\{[.#][\w\-.#=" ]*\}$/;

function artifacts(text: string): Artifact[] {
  const found: Artifact[] = [];
  const each = (needle: string, visit: (at: number) => number) => {
    let at = text.indexOf(needle);
    while (at >= 0) at = text.indexOf(needle, Math.max(at + 1, visit(at)));
  };
  each('[bookmark:', (at) => {
    const end = closed(text, at, ']', 120);
    if (end > 0) found.push({ start: at, end, what: { zh: 'Word 书签标记', en: 'a Word bookmark' }, fix: 'delete' });
    return end;
  });
  each('<!--', (at) => {
    const end = closed(text, at, '-->', 200);
    if (end > 0) found.push({ start: at, end, what: { zh: 'HTML 注释', en: 'an HTML comment' }, fix: 'delete' });
    return end;
  });
  each('{', (at) => {
    const c = text[at + 1];
    if (c !== '.' && c !== '#') return at + 1;
    const end = closed(text, at, '}', 80);
    if (end < 0 || !ATTRIBUTES.test(text.slice(at, end))) return at + 1;
    const what = { zh: '格式标记', en: 'markup' };
    // Pandoc writes [文字]{.underline} and []{#_Toc123 .anchor}: keep the words, drop the brackets.
    if (text[at - 1] === ']') {
      const open = opening(text, at - 1);
      if (open >= 0) {
        found.push(open === at - 2
          ? { start: open, end, what, fix: 'delete' }
          : { start: open, end, what, fix: [{ start: open, end: open + 1, text: '' }, { start: at - 1, end, text: '' }] });
        return end;
      }
    }
    found.push({ start: at, end, what, fix: 'delete' });
    return end;
  });
  each('\\', (at) => {
    if (!ESCAPABLE.includes(text[at + 1] ?? '\n')) return at + 1;
    let end = at;
    while (text[end] === '\\' && ESCAPABLE.includes(text[end + 1] ?? '\n')) end += 2;
    const run = text.slice(at, end);
    // Escaped emphasis (\*\*) marked nothing in the original: drop it; otherwise keep the character.
    const emphasis = /^(?:\\[*_])+$/.test(run);
    const what = { zh: '转义符', en: 'escape characters' };
    found.push({ start: at, end, what, fix: emphasis ? 'delete' : [{ start: at, end, text: run.replace(/\\(.)/g, '$1') }] });
    return end;
  });
  each('\uFFFD', (at) => {
    found.push({ start: at, end: at + 1, what: { zh: '乱码字符“\uFFFD”', en: 'the replacement character “\uFFFD”' }, fix: 'none' });
    return at + 1;
  });
  found.sort((a, b) => a.start - b.start);
  return found.filter((a, i) => i === 0 || a.start >= found[i - 1].end);
}

function conversion(text: string, idx: LineIndex): RawFinding[] {
  return artifacts(text).map((a): RawFinding => {
    const span = text.slice(a.start, a.end);
    const range = idx.range(a.start, a.end);
    if (a.fix === 'none') {
      return {
        code: 'conversion-artifact', range,
        message: { zh: `这里有文档转换时丢失文字留下的${a.what.zh}，请对照原文补上。`, en: `Here is ${a.what.en}, where a character was lost in conversion; restore it from the original.` },
      };
    }
    if (a.fix === 'delete') {
      const { start, end } = withSpace(text, a.start, a.end);
      return {
        code: 'conversion-artifact', range,
        message: { zh: `“${span}”是文档转换留下的${a.what.zh}，不是报告内容，应删去。`, en: `“${span}” is left over from document conversion (${a.what.en}); delete it.` },
        fix: { title: { zh: '删去', en: 'Delete it' }, edits: [{ range: idx.range(start, end), newText: '' }], safe: false },
      };
    }
    // Keep the words: “[严格遵守]{.underline}” → “严格遵守”, “1\\.” → “1.”.
    let kept = '', at = a.start;
    for (const e of a.fix) { kept += text.slice(at, e.start) + e.text; at = e.end; }
    kept += text.slice(at, a.end);
    const edits: TextEdit[] = a.fix.map((e) => ({ range: idx.range(e.start, e.end), newText: e.text }));
    return {
      code: 'conversion-artifact', range,
      message: { zh: `“${span}”里有文档转换留下的${a.what.zh}，应写作“${kept}”。`, en: `“${span}” carries ${a.what.en} left over from document conversion; it should read “${kept}”.` },
      fix: { title: { zh: `改为“${kept}”`, en: `Change to “${kept}”` }, edits, safe: false },
    };
  });
}

export const conversionArtifact: Rule = {
  code: 'conversion-artifact', severity: 'warning',
  title: { zh: '文档转换留下的标记', en: 'Leftovers of document conversion' },
  description: {
    zh: '从 Word 或网页转换时留下的标记，如“[bookmark: _GoBack]”、“<!-- -->”、“{.underline}”、“\\*\\*”，以及转换时丢失文字留下的乱码“\uFFFD”。快速修复删去标记（乱码须对照原文补上）。',
    en: 'Markup left by converting from Word or the web: [bookmark: _GoBack], <!-- -->, {.underline}, \\*\\*, and “\uFFFD” where a character was lost. The quick fix deletes the markup.',
  },
  check: ({ text, idx }) => conversion(text, idx),
};
