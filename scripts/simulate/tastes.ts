/**
 * Hidden shopper tastes. The simulator acts on them; they are written apart
 * from the events so evaluation can check what a model recovered.
 */
import type { Rng } from '../catalog/prng.ts';
import type { CatalogIndex } from './catalog-index.ts';

export interface Taste {
  /** Interest per mid category ("Outdoors > Camping"), summing to 1. */
  categories: Record<string, number>;
  /** Extra appeal of favourite brands (utility units; absent = 0). */
  brands: Record<string, number>;
  /** Appeal of styles, positive or negative (absent = 0). */
  styles: Record<string, number>;
  /** Preferred position in a category's price range (0 cheapest, 1 dearest) and tolerance. */
  price: { center: number; width: number };
  /** Mean sessions per week. */
  sessionsPerWeek: number;
  /** Scales every add-to-cart decision. */
  buyPropensity: number;
  /** Chance a session starts with a search rather than browsing. */
  searchPropensity: number;
  /** Spread of the per-session random walk of category interests. */
  drift: number;
}

/** Some departments draw more shoppers than others, roughly as in real shops. */
function midPopularity(mid: string, index: CatalogIndex): number {
  return Math.sqrt(index.byMid.get(mid)?.length ?? 1);
}

export function drawTaste(rng: Rng, index: CatalogIndex): Taste {
  const mids = index.mids;
  const interests: string[] = [];
  const k = rng.weightedIndex([0.3, 0.45, 0.25]) + 1;
  while (interests.length < k) {
    const last = interests[interests.length - 1];
    // Interests cluster: someone into Camping is often into Hiking too.
    const sameTop =
      last !== undefined && rng.chance(0.4)
        ? mids.filter((m) => m.split(' > ')[0] === last.split(' > ')[0] && !interests.includes(m))
        : [];
    const pool = sameTop.length > 0 ? sameTop : mids.filter((m) => !interests.includes(m));
    interests.push(pool[rng.weightedIndex(pool.map((m) => midPopularity(m, index)))] as string);
  }
  const raw = interests.map((_, i) => (i === 0 ? 1.6 : 0.4) + rng.exponential(0.5));
  const total = raw.reduce((s, x) => s + x, 0);
  const categories: Record<string, number> = {};
  interests.forEach((m, i) => (categories[m] = (raw[i] ?? 0) / total));

  const brands: Record<string, number> = {};
  for (const m of interests) {
    const names = [...new Set((index.byMid.get(m) ?? []).map((e) => e.item.brand))].sort();
    for (const name of rng.sample(names, rng.int(0, 2))) brands[name] = 0.8 + rng.next() * 1.2;
  }
  const styles: Record<string, number> = {};
  const picked = rng.sample(index.styles, 3);
  picked.forEach((name, i) => (styles[name] = i < 2 ? (i === 0 ? 1.2 : 0.6) + rng.next() * 0.5 : -0.8));

  return {
    categories,
    brands,
    styles,
    price: { center: 0.1 + 0.8 * rng.next(), width: 0.18 + 0.2 * rng.next() },
    sessionsPerWeek: Math.min(5, 0.5 * Math.exp(0.6 * rng.normal()) + 0.3),
    buyPropensity: 0.35 + 0.6 * rng.next(),
    searchPropensity: 0.15 + 0.45 * rng.next(),
    drift: 0.05 + 0.15 * rng.next(),
  };
}

/** The mid with the most interest. */
export function topInterest(taste: Taste): string {
  return Object.entries(taste.categories).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

/** One step of slow drift: interests wander, and now and then a new one appears. */
export function driftTaste(taste: Taste, index: CatalogIndex, rng: Rng): void {
  const cats = taste.categories;
  for (const m of Object.keys(cats)) cats[m] = (cats[m] ?? 0) * Math.exp(taste.drift * rng.normal());
  if (rng.chance(0.03)) {
    const fresh = rng.pick(index.mids);
    cats[fresh] = (cats[fresh] ?? 0) + 0.12;
  }
  const total = Object.values(cats).reduce((s, x) => s + x, 0);
  // Interests that fade away are dropped so the taste stays a short list.
  for (const m of Object.keys(cats)) if ((cats[m] ?? 0) / total < 0.01) delete cats[m];
  const kept = Object.values(cats).reduce((s, x) => s + x, 0);
  for (const m of Object.keys(cats)) cats[m] = (cats[m] ?? 0) / kept;
}
