import type { CatalogItem } from '../catalog/schema.ts';

/**
 * The shelves' diversity rule, one place for all of them:
 *
 * - A shelf of `limit` items holds at most ⌈limit / 4⌉ of one brand and ⌈limit / 4⌉ of one
 *   leaf category (2 of each on an 8-item shelf), and "for you" at most that many items that
 *   go with one and the same earlier item. "Similar items" is exempt from the leaf cap: its
 *   job is alternatives.
 * - Candidates are taken in ranked order; one that would break a cap is passed over, and only
 *   when the caps leave the shelf short are passed-over ones added back, still in ranked order.
 *   So the rule reorders, never empties, a shelf.
 * - Shelves shown after something was bought or put in the cart leave out substitutes of it
 *   (items in the same leaf category): see `substituteRows`.
 *
 * The quality benchmarks score the raw model and never pass through here.
 */
export function capOf(limit: number): number {
  return Math.max(1, Math.ceil(limit / 4));
}

/** What a candidate counts towards: "brand:…", "leaf:…", "anchor:…". */
export type DiversityKeys<T> = (candidate: T) => readonly string[];

/** Picks `limit` candidates in ranked order under the caps (see above). */
export function diversify<T>(ranked: readonly T[], limit: number, keysOf: DiversityKeys<T>): T[] {
  const cap = capOf(limit);
  const counts = new Map<string, number>();
  const picked: T[] = [];
  const passedOver: T[] = [];
  for (const candidate of ranked) {
    if (picked.length === limit) break;
    const keys = keysOf(candidate);
    if (keys.some((k) => (counts.get(k) ?? 0) >= cap)) {
      passedOver.push(candidate);
      continue;
    }
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
    picked.push(candidate);
  }
  if (picked.length < limit) {
    // Short: the passed-over ones come back in ranked order, placed by rank among the picked.
    const keep = new Set([...picked, ...passedOver.slice(0, limit - picked.length)]);
    return ranked.filter((c) => keep.has(c));
  }
  return picked;
}

/** A catalog item's leaf category, as one key ("Outdoors/Camping/Tents"). */
export function leafOf(item: CatalogItem): string {
  return item.category.join('/');
}

/** Brand and leaf keys of a catalog item; none for an item the catalog lacks. */
export function catalogKeys(item: CatalogItem | undefined, withLeaf = true): string[] {
  if (!item) return [];
  return withLeaf ? [`brand:${item.brand}`, `leaf:${leafOf(item)}`] : [`brand:${item.brand}`];
}

/**
 * Rows that are substitutes of what the shopper bought or has in the cart: the same leaf
 * category. After buying a head torch, another head torch is not a recommendation; a
 * battery is.
 */
export function substituteRows(
  owned: Iterable<string>,
  catalog: ReadonlyMap<string, CatalogItem> | null,
  rowsOfLeaf: ReadonlyMap<string, readonly number[]>,
): Set<number> {
  const out = new Set<number>();
  if (!catalog) return out;
  for (const id of owned) {
    const item = catalog.get(id);
    if (item) for (const row of rowsOfLeaf.get(leafOf(item)) ?? []) out.add(row);
  }
  return out;
}
