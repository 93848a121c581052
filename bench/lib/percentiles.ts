/** Latency summary of one side of a benchmark, in the samples' own unit. */
export interface Summary {
  count: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/**
 * Nearest-rank percentile of samples sorted ascending: always a value that was really observed,
 * so a p99 of 1,000 samples is the 990th, never an interpolation between two of them.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no samples');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0..100`);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    min: percentile(sorted, 0),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: total / sorted.length,
  };
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError('median of no samples');
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * value / baseline. `floor` raises both sides to at least that much first: a 1 ms tail against a
 * 3 ms tail is noise on a shared machine, not a threefold regression.
 */
export function ratio(value: number, baseline: number, floor = 0): number {
  const denominator = Math.max(baseline, floor);
  if (denominator <= 0) throw new RangeError('ratio to a baseline of zero');
  return Math.max(value, floor) / denominator;
}

/**
 * The exponent k in time ∝ size^k between two points of a scaling curve: 1 is linear, 2 quadratic.
 */
export function scalingExponent(
  small: { size: number; value: number },
  large: { size: number; value: number },
): number {
  return Math.log(large.value / small.value) / Math.log(large.size / small.size);
}
