/** Paired comparisons between two ways of ranking the same shoppers' test items. */

import { rng } from '../../src/engine/node.ts';

/** A seeded PRNG (mulberry32, the model's own `rng`): uniform in [0, 1), the same sequence for the same seed. */
export const mulberry32 = rng;

export interface BootstrapOptions {
  /** Number of resamples. Default: 2000. */
  resamples?: number;
  /** PRNG seed, so the interval is reproducible. Default: 1. */
  seed?: number;
  /** Coverage of the interval. Default: 0.95. */
  level?: number;
}

/** Mean with a percentile-bootstrap interval; NaNs (no values) when `values` is empty. */
export function bootstrapMean(
  values: readonly number[],
  options: BootstrapOptions = {},
): { mean: number; ci95: [number, number] } {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new RangeError(`bootstrap resamples is ${resamples}; expected a positive integer`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`bootstrap level is ${level}; expected a number in (0, 1)`);
  const n = values.length;
  if (n === 0) return { mean: NaN, ci95: [NaN, NaN] };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const random = mulberry32(options.seed ?? 1);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(random() * n)] as number;
    means[r] = sum / n;
  }
  means.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))] as number;
  return { mean, ci95: [at(tail), at(1 - tail)] };
}

/** Differences smaller than this are "unchanged": float noise, not a different ranking. */
export const UNCHANGED_EPSILON = 1e-9;

/** How many paired differences are above, at, or below zero. */
export function countChanges(
  diffs: readonly number[],
  epsilon = UNCHANGED_EPSILON,
): { improved: number; unchanged: number; worse: number } {
  let improved = 0;
  let worse = 0;
  for (const d of diffs) {
    if (Number.isNaN(d)) throw new Error('a paired difference is NaN; expected a number for every shopper');
    if (d > epsilon) improved++;
    else if (d < -epsilon) worse++;
  }
  return { improved, unchanged: diffs.length - improved - worse, worse };
}

/** The history-length groups of BENCHMARKS.md §2 (events on the device before the test item). */
export const HISTORY_BUCKETS = ['<10', '10-19', '>=20'] as const;
export type HistoryBucket = (typeof HISTORY_BUCKETS)[number];

export function historyBucket(events: number): HistoryBucket {
  if (!Number.isInteger(events) || events < 0)
    throw new RangeError(`history length is ${events}; expected a non-negative integer`);
  return events < 10 ? '<10' : events < 20 ? '10-19' : '>=20';
}
