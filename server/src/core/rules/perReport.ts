import type { Report } from '../model';

/**
 * `compute` run once per report, for what several rules read (the identity findings, the prose
 * findings, the cells that are not plain counts; worked out for each rule instead, the 2,000-report
 * CLI batch takes ~8% longer, npm run bench): the rules run one report at a time, so the last
 * report's result is all that is kept. (A WeakMap per result cost a 2,000-report batch ~3% more
 * instructions, counted as docs/speed.md says: the collector visits every entry of a WeakMap.)
 */
export function perReport<T>(compute: (report: Report) => T): (report: Report) => T {
  let last: Report | undefined, value: T;
  return (report) => {
    if (report !== last) { value = compute(report); last = report; }
    return value;
  };
}
