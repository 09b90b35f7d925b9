/** Pure decision rules: how much a shopper likes an item and how that turns into actions. */
import type { Rng } from '../catalog/prng.ts';
import type { IndexedItem } from './catalog-index.ts';
import type { Taste } from './tastes.ts';

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Utility of an item for a shopper; `needs` holds leaves they currently want (complements of a purchase). */
export function utility(taste: Taste, entry: IndexedItem, needs: ReadonlySet<string>): number {
  const offset = (entry.priceRank - taste.price.center) / taste.price.width;
  return (
    entry.quality +
    (taste.brands[entry.item.brand] ?? 0) +
    (taste.styles[entry.style] ?? 0) -
    0.35 * offset * offset +
    // Category interest matters on mixed shelves (home page, "goes with").
    0.9 * Math.log(1 + 12 * (taste.categories[entry.mid] ?? 0)) +
    (needs.has(entry.leaf) ? 1.2 : 0) -
    (entry.item.inStock ? 0 : 1.5)
  );
}

/** Milliseconds on a product page: longer for things the shopper likes. */
export function dwellMs(u: number, rng: Rng): number {
  const ms = Math.exp(Math.log(9000) + 0.35 * u + 0.6 * rng.normal());
  return Math.round(Math.min(600_000, Math.max(800, ms)));
}

/** Seconds between two actions. */
export function pauseMs(rng: Rng): number {
  return Math.round(2000 + rng.exponential(9000));
}

/**
 * Picks up to k distinct positions from a shelf: weight exp(u) with a position
 * bias, so the first slots get more clicks, as on real shelves.
 */
export function chooseClicks(utilities: readonly number[], k: number, rng: Rng): number[] {
  const weights = utilities.map((u, pos) => Math.exp(u) / (1 + 0.18 * pos));
  const chosen: number[] = [];
  while (chosen.length < Math.min(k, weights.length)) {
    const i = rng.weightedIndex(weights);
    chosen.push(i);
    weights[i] = 0;
    if (weights.every((w) => w === 0)) break;
  }
  return chosen;
}

/** Weighted sampling without replacement (Efraimidis–Spirakis keys). */
export function weightedSample<T>(list: readonly T[], weight: (x: T) => number, k: number, rng: Rng): T[] {
  return list
    .map((x, i) => ({ x, i, key: Math.log(1 - rng.next()) / Math.max(1e-9, weight(x)) }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .slice(0, k)
    .map((e) => e.x);
}
