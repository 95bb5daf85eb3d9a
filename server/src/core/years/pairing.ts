import { bodyKey } from './body';
import type { Dated } from './summary';

// Which report is last year's of which: the same body (bodyKey) and the year before, when each of the
// two years has exactly one report of that body among those given (two reports of one body for one
// year — say a draft and the published PDF — pair with nothing: which one is meant is not known).
// An explicit choice (.nianbao.json `acrossYears.previous`) comes first. Linear: grouped by body.

/**
 * Pairs [this year's, last year's]. `chosen` gives a report's last year as the settings name it:
 * a report, null for none, undefined to pair by body and year.
 */
export function pairByBody<T extends Dated>(reports: T[], chosen: (r: T) => T | null | undefined = () => undefined): [T, T][] {
  const groups = new Map<string, T[]>();
  const keys = new Map<T, string>();
  const keyOf = (r: T, year: number) => {
    let body = keys.get(r);
    if (body === undefined) keys.set(r, body = bodyKey(r.body));
    return `${body}\u0000${year}`;
  };
  for (const r of reports) {
    const key = keyOf(r, r.year);
    const group = groups.get(key);
    if (group) group.push(r); else groups.set(key, [r]);
  }
  const pairs: [T, T][] = [];
  for (const r of reports) {
    const explicit = chosen(r);
    if (explicit === null) continue;
    if (explicit !== undefined) {
      if (explicit !== r) pairs.push([r, explicit]);
      continue;
    }
    const last = groups.get(keyOf(r, r.year - 1));
    if (last?.length === 1 && groups.get(keyOf(r, r.year))?.length === 1) pairs.push([r, last[0]]);
  }
  return pairs;
}
