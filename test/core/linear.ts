import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service';

/** The fastest of five checks of `text`, in ms: a busy machine only ever slows a run down. */
function fastest(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    check(text);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return best;
}

/**
 * The check's time grows linearly with `make(n)`: eight times the input may take about eight
 * times as long (quadratic work would take about 64 times). The bound, 32, leaves room for what
 * is not quite linear but harmless: sorting thousands of findings, and the collector, which once
 * pushed a linear case to 25 times in CI (1.8 → 45 ms for 2,000 → 16,000 findings).
 * A ratio, not a time limit: speed itself is measured by `npm run bench`.
 */
export function assertLinear(name: string, make: (n: number) => string): void {
  const small = fastest(make(2000)), large = fastest(make(16000));
  assert.ok(large / Math.max(small, 0.5) < 32, `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
}
