import type { Report } from '../model';

/**
 * `compute` run once per report, its result kept while the report lives: for what several rules
 * read (the identity findings, the prose findings, the cells that are not plain counts).
 */
export function perReport<T>(compute: (report: Report) => T): (report: Report) => T {
  const kept = new WeakMap<Report, T>();
  return (report) => {
    let value = kept.get(report);
    if (value === undefined) kept.set(report, (value = compute(report)));
    return value;
  };
}
