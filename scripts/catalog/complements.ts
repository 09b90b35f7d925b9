/**
 * Links each product to a few items from the leaves its leaf's rules name
 * (tent → sleeping bags, stoves...). Same brand and a similar price tier are
 * preferred, the way a shop would cross-sell.
 */
import { createRng, hashString } from './prng.ts';

export interface ComplementCandidate {
  id: string;
  leaf: string;
  brand: string;
  style: string;
  /** 0..1 position of the price within its leaf. */
  priceRank: number;
}

export function assignComplements(
  items: readonly ComplementCandidate[],
  rules: ReadonlyMap<string, readonly string[]>,
  seed: number,
): Map<string, string[]> {
  const byLeaf = new Map<string, ComplementCandidate[]>();
  for (const item of items) {
    const list = byLeaf.get(item.leaf) ?? [];
    list.push(item);
    byLeaf.set(item.leaf, list);
  }
  const result = new Map<string, string[]>();
  for (const item of items) {
    const rng = createRng(hashString(`${seed}:complements:${item.id}`));
    const chosen: string[] = [];
    const targets = rules.get(item.leaf) ?? [];
    targets.forEach((target, t) => {
      const pool = byLeaf.get(target) ?? [];
      const scored = pool
        .filter((other) => other.id !== item.id)
        .map((other) => ({
          id: other.id,
          score:
            (other.brand === item.brand ? 2 : 0) +
            (other.style === item.style ? 0.7 : 0) -
            2 * Math.abs(other.priceRank - item.priceRank) +
            rng.next() * 1.5,
        }))
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      // The first rule is the strongest pairing: offer two choices there.
      const take = t === 0 ? 2 : 1;
      for (const entry of scored.slice(0, take)) chosen.push(entry.id);
    });
    result.set(item.id, chosen.slice(0, 6));
  }
  return result;
}
