// Digits run together without separators (the text of a web page: `713000074` for 71, 3, 0, 0, 0,
// 0, 74) are cut into a row's numbers by the row's identities: only cuts after which the row adds
// up are kept. No number is written with a leading zero, none is longer than MAX_DIGITS, and the
// search stops after LIMIT steps or MAX_FOUND cuts, so that a 200-digit run or a hostile text cannot
// hang the reader: it then says it gave up, and never offers an incomplete list as the whole.

const MAX_DIGITS = 12;
const LIMIT = 100_000;
const MAX_FOUND = 256;

/** One number cut from a run: the run's index and the number's offsets in it. */
export interface Part { run: number; from: number; to: number }

export interface Splits {
  /** The cuts that fit, each `n` parts in order. */
  found: Part[][];
  /** The search stopped at its step or result limit before it had tried every cut. */
  gaveUp: boolean;
}

/**
 * The ways to cut `runs` (strings of ASCII digits, in order) into `n` numbers, each run into at
 * least one, such that `fits(values, parts)` holds (`values`: the numbers the parts are written as).
 */
export function splitRuns(runs: string[], n: number, fits: (values: number[], parts: Part[]) => boolean): Splits {
  const found: Part[][] = [];
  const parts: Part[] = [], values: number[] = [];
  // The digits from each run on, for the bound on how many numbers they can still make.
  const after = runs.map((_, r) => runs.slice(r + 1).reduce((d, s) => d + s.length, 0));
  let steps = 0, gaveUp = false;
  const walk = (r: number, at: number): void => {
    if (gaveUp) return;
    if (++steps > LIMIT || found.length >= MAX_FOUND) { gaveUp = true; return; }
    const run = runs[r];
    if (at === run.length) {
      if (r + 1 < runs.length) walk(r + 1, 0);
      else if (parts.length === n && fits(values, parts)) found.push([...parts]);
      return;
    }
    const left = n - parts.length; // numbers still to cut, from here to the end
    const digits = run.length - at + after[r];
    if (left < runs.length - r || digits < left || digits > left * MAX_DIGITS) return;
    // The last number takes all that is left of the last run.
    const longest = Math.min(MAX_DIGITS, run.length - at);
    for (let len = left === 1 ? run.length - at : 1; len <= longest; len++) {
      if (len > 1 && run.charCodeAt(at) === 48) break; // “05” is no number
      parts.push({ run: r, from: at, to: at + len });
      values.push(Number(run.slice(at, at + len)));
      walk(r, at + len);
      parts.pop();
      values.pop();
    }
  };
  if (runs.length > 0 && runs.length <= n) walk(0, 0);
  return gaveUp ? { found: [], gaveUp } : { found, gaveUp };
}
