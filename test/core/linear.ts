import assert from 'node:assert/strict';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { check } from '../../server/src/core/service';

/**
 * The fastest of five checks of `text`, in ms, less the garbage collector's pauses during each.
 * The pauses depend less on the work than on the heap: a small input's check often fits between two
 * collections, while a large one's many findings are still alive when the collector runs and get
 * copied (2,000 → 16,000 findings went from 1.2 to 53 ms that way, ×44, though the checking itself
 * grew ×10). Quadratic work shows in the checking, not in the pauses.
 */
async function fastest(text: string): Promise<number> {
  const observer = new PerformanceObserver(() => {});
  observer.observe({ entryTypes: ['gc'] });
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    check(text);
    runs.push({ start, end: performance.now() });
  }
  await setImmediate(); // Node reports a collection on the next turn of the event loop
  const pauses = observer.takeRecords();
  observer.disconnect();
  const paused = (from: number, to: number) =>
    pauses.filter((p) => p.startTime >= from && p.startTime < to).reduce((sum, p) => sum + p.duration, 0);
  return Math.min(...runs.map(({ start, end }) => end - start - paused(start, end)));
}

/**
 * The check's time grows linearly with `make(n)`: eight times the input may take about eight
 * times as long (quadratic work would take about 64 times). The bound, 32, leaves room for what
 * is not quite linear but harmless: sorting thousands of findings, and the caches.
 * A ratio, not a time limit: speed itself is measured by `npm run bench`.
 */
export async function assertLinear(name: string, make: (n: number) => string): Promise<void> {
  const small = await fastest(make(2000)), large = await fastest(make(16000));
  assert.ok(large / Math.max(small, 0.5) < 32, `${name}: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms (without the collector's pauses)`);
}
