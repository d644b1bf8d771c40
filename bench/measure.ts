/** The median of some samples (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Collects garbage when node runs with --expose-gc, so one measurement does not pay for the last. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Milliseconds `run` takes. */
export function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The median of `runs` timings of `run`; `before` and a garbage collection precede each one, untimed. */
export function medianTime(runs: number, run: () => void, before?: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    collectGarbage();
    samples.push(timeOnce(run));
  }
  return median(samples);
}

/** Heap in use after a full collection, in MB. */
export function settledHeapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The highest resident set size of this process so far, in MB (maxRSS is in KiB). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
