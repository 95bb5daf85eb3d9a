// Digits run together without separators (the text of a web page: `713000074` for 71, 3, 0, 0, 0,
// 0, 74) are cut into a row's numbers by the row's identities: only cuts after which the row adds
// up are kept. No number is written with a leading zero, none is longer than MAX_DIGITS, and the
// search stops after LIMIT steps, so that a 200-digit run or a hostile text cannot hang the reader.

const MAX_DIGITS = 12;
const LIMIT = 200_000;

/** One number cut from a run: the run's index and the number's offsets in it. */
export interface Part { run: number; from: number; to: number }

export interface Splits {
  /** The cuts that fit, each `n` parts in order (at most `max` of them). */
  found: Part[][];
  /** The search stopped at its step limit before it had tried every cut. */
  gaveUp: boolean;
}

/**
 * The ways to cut `runs` (strings of ASCII digits, in order) into `n` numbers, each run into at
 * least one, such that `fits(values)` holds.
 */
export function splitRuns(runs: string[], n: number, fits: (values: number[]) => boolean, max = 256): Splits {
  const found: Part[][] = [];
  const parts: Part[] = [];
  let steps = 0, gaveUp = false;
  const digitsFrom = (r: number, at: number) => {
    let d = runs[r].length - at;
    for (let k = r + 1; k < runs.length; k++) d += runs[k].length;
    return d;
  };
  const walk = (r: number, at: number): void => {
    if (gaveUp || found.length >= max) return;
    if (++steps > LIMIT) { gaveUp = true; return; }
    if (at === runs[r].length) {
      if (r + 1 === runs.length) {
        if (parts.length === n && fits(parts.map((p) => Number(runs[p.run].slice(p.from, p.to))))) found.push([...parts]);
        return;
      }
      walk(r + 1, 0);
      return;
    }
    const left = n - parts.length; // numbers still to cut, from here to the end
    const digits = digitsFrom(r, at);
    if (left < runs.length - r || digits < left || digits > left * MAX_DIGITS) return;
    const run = runs[r];
    // The last number takes all that is left.
    const longest = left === 1 ? run.length - at : Math.min(MAX_DIGITS, run.length - at);
    for (let len = left === 1 ? longest : 1; len <= longest; len++) {
      if (len > 1 && run.charCodeAt(at) === 48) break; // “05” is no number
      parts.push({ run: r, from: at, to: at + len });
      walk(r, at + len);
      parts.pop();
    }
  };
  if (runs.length > 0 && runs.length <= n) walk(0, 0);
  return { found, gaveUp };
}
