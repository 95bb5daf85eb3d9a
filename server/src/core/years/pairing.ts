import { bodyKey, shorterKeys } from './body';
import type { Dated } from './summary';

// Which report is last year's of which: the same body (bodyKey) and the year before, when each of the
// two years has exactly one report of that body among those given (two reports of one body for one
// year — say a draft and the published PDF — pair with nothing: which one is meant is not known).
// A body named with fewer of its divisions in one year (平谷区大兴庄镇, 北京市平谷区大兴庄镇) is the same
// body when that pairing is the only one either report could have. An explicit choice (.nianbao.json
// `acrossYears.previous`) comes first. Linear: grouped by body.

/**
 * Pairs [this year's, last year's]. `chosen` gives a report's last year as the settings name it:
 * a report, null for none, undefined to pair by body and year.
 */
export function pairByBody<T extends Dated>(reports: T[], chosen: (r: T) => T | null | undefined = () => undefined): [T, T][] {
  const keys = new Map<T, string>();
  const keyOf = (r: T) => {
    let key = keys.get(r);
    if (key === undefined) keys.set(r, key = bodyKey(r.body));
    return key;
  };
  const at = (key: string, year: number) => `${key}\u0000${year}`;
  const groups = new Map<string, T[]>();
  const add = (map: Map<string, T[]>, key: string, r: T) => { const g = map.get(key); if (g) g.push(r); else map.set(key, [r]); };
  for (const r of reports) add(groups, at(keyOf(r), r.year), r);
  const alone = (r: T) => groups.get(at(keyOf(r), r.year))!.length === 1;
  // The reports each shorter name may stand for, by year: 大兴庄镇 for 北京市平谷区大兴庄镇.
  const longer = new Map<string, T[]>();
  for (const r of reports) if (alone(r)) for (const k of shorterKeys(keyOf(r))) add(longer, at(k, r.year), r);
  /** The reports of `year` that may be the body of `r` named otherwise, each the only one of its name. */
  const namedOtherwise = (r: T, year: number): T[] => {
    const found = new Set<T>();
    for (const k of shorterKeys(keyOf(r))) for (const x of groups.get(at(k, year)) ?? []) if (alone(x)) found.add(x);
    for (const x of longer.get(at(keyOf(r), year)) ?? []) found.add(x);
    return [...found];
  };

  const pairs: [T, T][] = [];
  for (const r of reports) {
    const explicit = chosen(r);
    if (explicit === null) continue;
    if (explicit !== undefined) {
      if (explicit !== r) pairs.push([r, explicit]);
      continue;
    }
    if (!alone(r)) continue;
    const last = groups.get(at(keyOf(r), r.year - 1));
    if (last) {
      if (last.length === 1) pairs.push([r, last[0]]);
      continue;
    }
    const [other, ...more] = namedOtherwise(r, r.year - 1);
    // Only when neither could be paired another way: the other names no report of this year but r.
    if (other && more.length === 0 && !groups.has(at(keyOf(other), r.year)) && namedOtherwise(other, r.year).length === 1) pairs.push([r, other]);
  }
  return pairs;
}
