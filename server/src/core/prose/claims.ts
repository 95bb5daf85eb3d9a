import type { LineIndex, Range } from '../text';
import type { Report } from '../model';

/** A figure the prose states about a quantity the tables hold (filled in by issue 4). */
export interface Claim {
  /** The table quantity it speaks of, e.g. 't3.1.total' (see format/claims data). */
  quantity: string;
  value: number;
  /** The number as written (“23”, “二十三”, “２３”). */
  raw: string;
  /** Where the number stands. */
  range: Range;
}

/** Finds the figures the prose states. */
export function extractClaims(_text: string, _idx: LineIndex, _report: Report): Claim[] {
  return [];
}
