// Small text helpers shared by the renderers: display width, wrapping as a narrow table cell
// wraps Chinese text, and a seeded random source (every rendering must be reproducible).

/** Columns a character takes in a monospaced terminal or editor: two for Chinese and full-width forms. */
function charWidth(code: number): number {
  const wide =
    (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    // “ ” ‘ ’ are “ambiguous” in Unicode; Chinese fonts draw them full width.
    (code >= 0x2018 && code <= 0x201d);
  return wide ? 2 : 1;
}

export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
export const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;
export const center = (s: string, w: number) => {
  const left = Math.floor(Math.max(0, w - width(s)) / 2);
  return padEnd(' '.repeat(left) + s, w);
};

// Chinese line breaking (禁则): a line does not start with closing punctuation, which stays on the
// line before — so “三、本年度办理结果” in a one-character column reads 三、 / 本 / 年 / …
const NO_LINE_START = new Set([...'、，。；：？！）》」』”’】〕,.;:)%']);

/** Breaks `text` into lines at most `max` display columns wide (a punctuation mark may overhang). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line !== '' && width(line + ch) > max && !NO_LINE_START.has(ch)) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed, the same “random” choices. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A line that holds an empty cell and nothing else (one cell per line, without indentation): kept
 * apart from the blank lines that only space the text until the very end, when it becomes ''.
 */
export const EMPTY_CELL_LINE = '\uE000';
