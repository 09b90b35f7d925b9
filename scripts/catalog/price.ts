/** Prices: a brand's tier places it in the category's range; endings look like shop prices. */
import type { Rng } from './prng.ts';

/** Where in the range (0 cheapest, 1 dearest) each tier sells; ranges overlap as in real shops. */
const TIER_SPAN: Record<0 | 1 | 2, [number, number]> = { 0: [0, 0.4], 1: [0.25, 0.72], 2: [0.58, 1] };

/** Rounds to familiar endings: 4.49 / 4.99, 39.99, 1290.00 → 1289.99 style. */
export function charmPrice(raw: number): number {
  if (raw < 10) return Math.max(0.99, Math.round(raw * 2) / 2 - 0.01);
  if (raw < 200) return Math.round(raw) - 0.01;
  return Math.round(raw / 10) * 10 - 0.01;
}

export function drawPrice(range: readonly [number, number], tier: 0 | 1 | 2, rng: Rng): number {
  const [lo, hi] = range;
  const [a, b] = TIER_SPAN[tier];
  const q = a + (b - a) * rng.next();
  // Geometric interpolation: price differences within a category are multiplicative.
  const raw = lo * Math.pow(hi / lo, q);
  return Math.round(charmPrice(raw) * 100) / 100;
}
