/**
 * What the simulator needs to know about a catalog, derived from the catalog
 * alone (so it works on any valid catalog): items grouped by mid and leaf
 * category, each item's price position within its leaf, a latent quality that
 * every shopper partly agrees on, and a tiny keyword search.
 */
import type { Catalog, CatalogItem } from '../../src/engine/node.ts';
import { createRng, hashString } from '../catalog/prng.ts';

export interface IndexedItem {
  item: CatalogItem;
  /** "Outdoors > Camping": the level shopper tastes are defined on. */
  mid: string;
  /** Full path, "Outdoors > Camping > Tents". */
  leaf: string;
  style: string;
  /** 0 for the cheapest item of its leaf, 1 for the dearest. */
  priceRank: number;
  /** Shared appeal (reviews, photos...): why some items are popular with everyone. */
  quality: number;
  tokens: ReadonlySet<string>;
}

export interface CatalogIndex {
  items: IndexedItem[];
  byId: Map<string, IndexedItem>;
  byMid: Map<string, IndexedItem[]>;
  byLeaf: Map<string, IndexedItem[]>;
  mids: string[];
  styles: string[];
  /** The best-rated items, from which the home page's shelf is drawn. */
  popular: IndexedItem[];
  /** Items matching every word of the query, best first. */
  search(query: string): IndexedItem[];
}

/** Crude stemming, applied to queries and items alike: "tents" and "tent" match. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9\u00e0-\u00ff]+/)
    .filter((w) => w.length > 1)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

export function indexCatalog(catalog: Catalog, seed: number): CatalogIndex {
  const items: IndexedItem[] = catalog.items.map((item) => {
    const rng = createRng(hashString(`${seed}:quality:${item.id}`));
    return {
      item,
      mid: item.category.slice(0, 2).join(' > '),
      leaf: item.category.join(' > '),
      style: item.attributes?.style ?? 'none',
      priceRank: 0.5,
      quality: 0.5 * rng.normal(),
      tokens: new Set(tokenize([item.title, item.brand, ...item.tags, ...item.category].join(' '))),
    };
  });
  const group = (key: (i: IndexedItem) => string): Map<string, IndexedItem[]> => {
    const map = new Map<string, IndexedItem[]>();
    for (const entry of items) {
      const list = map.get(key(entry));
      if (list) list.push(entry);
      else map.set(key(entry), [entry]);
    }
    return map;
  };
  const byLeaf = group((i) => i.leaf);
  for (const list of byLeaf.values()) {
    const sorted = list
      .slice()
      .sort((a, b) => a.item.price - b.item.price || (a.item.id < b.item.id ? -1 : 1));
    sorted.forEach((entry, rank) => (entry.priceRank = sorted.length > 1 ? rank / (sorted.length - 1) : 0.5));
  }
  const byMid = group((i) => i.mid);
  const tokenIndex = new Map<string, IndexedItem[]>();
  for (const entry of items)
    for (const t of entry.tokens) {
      const list = tokenIndex.get(t);
      if (list) list.push(entry);
      else tokenIndex.set(t, [entry]);
    }

  const searchCache = new Map<string, IndexedItem[]>();
  return {
    items,
    byId: new Map(items.map((i) => [i.item.id, i])),
    byMid,
    byLeaf,
    mids: [...byMid.keys()],
    styles: [...new Set(items.map((i) => i.style))].sort(),
    popular: items
      .slice()
      .sort((a, b) => b.quality - a.quality || (a.item.id < b.item.id ? -1 : 1))
      .slice(0, 200),
    search(query) {
      // Shoppers repeat the same queries; results depend only on the query.
      const cached = searchCache.get(query);
      if (cached) return cached;
      const words = tokenize(query);
      const first = words[0];
      const found =
        first === undefined
          ? []
          : (tokenIndex.get(first) ?? [])
              .filter((entry) => words.every((w) => entry.tokens.has(w)))
              .sort(
                (a, b) =>
                  Number(b.item.inStock) - Number(a.item.inStock) ||
                  b.quality - a.quality ||
                  (a.item.id < b.item.id ? -1 : 1),
              );
      searchCache.set(query, found);
      return found;
    },
  };
}
