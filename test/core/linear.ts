import assert from 'node:assert/strict';
import { check } from '../../server/src/core/service';

/** Median time to check `text`, in ms. */
function median(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = process.hrtime.bigint();
    check(text);
    runs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return runs.sort((a, b) => a - b)[2];
}

/**
 * The check's time grows linearly with `make(n)`: eight times the input may take about eight
 * times as long (quadratic work would take about 64 times); the bound leaves room for noise.
 * A ratio, not a time limit: speed itself is measured by `npm run bench`.
 */
export function assertLinear(name: string, make: (n: number) => string): void {
  const small = median(make(2000)), large = median(make(16000));
  assert.ok(large / Math.max(small, 0.5) < 24, `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
}
