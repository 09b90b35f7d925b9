import type { CatalogItem } from '../catalog/schema.ts';
import { asRow, vocabIndexOf } from './indices.ts';

/** FNV-1a: a tiny stable string hash, the same in Node and every browser. */
export function hashToken(token: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < token.length; i++) {
    h ^= token.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased word tokens of an item, each prefixed by its field so "brand:acme" ≠ "title:acme". */
export function itemTokens(item: CatalogItem): string[] {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1);
  const tokens: string[] = [];
  for (const w of words(item.title)) tokens.push(`t:${w}`);
  // Every prefix of the category path, so siblings share their parent's token.
  item.category.forEach((_, i) =>
    tokens.push(
      `c:${item.category
        .slice(0, i + 1)
        .join('/')
        .toLowerCase()}`,
    ),
  );
  if (item.brand) tokens.push(`b:${item.brand.toLowerCase()}`);
  for (const t of item.tags) tokens.push(`g:${t.toLowerCase()}`);
  return [...new Set(tokens)];
}

/** Hashed token id in 1..hashBuckets-1 (0 marks an empty slot). */
export function tokenId(token: string, hashBuckets: number): number {
  return 1 + (hashToken(token) % (hashBuckets - 1));
}

/** Price bucket on a log2 scale: 1 for < 2, then one per doubling, capped at `buckets`; 0 = unknown. */
export function priceBucket(price: number, buckets: number): number {
  if (!Number.isFinite(price) || price <= 0) return 0;
  return Math.min(buckets, 1 + Math.max(0, Math.floor(Math.log2(price))));
}

/**
 * Content features for the item table, row r = vocabulary index r (row 0 padding):
 * hashed token ids in 1..hashBuckets-1 (0 = empty slot) and price buckets.
 */
export function contentFeatures(
  vocabulary: readonly string[],
  catalog: readonly CatalogItem[],
  hashBuckets: number,
  tokensPerItem: number,
  priceBuckets: number,
): { tokens: Int32Array; price: Int32Array } {
  const byId = new Map(catalog.map((item) => [item.id, item]));
  const rows = vocabulary.length + 1;
  const tokens = new Int32Array(rows * tokensPerItem);
  const price = new Int32Array(rows);
  vocabulary.forEach((id, i) => {
    const item = byId.get(id);
    if (!item) return;
    // Rows by vocabulary index: row 0 is the padding item's.
    const at = vocabIndexOf(asRow(i));
    itemTokens(item)
      .slice(0, tokensPerItem)
      .forEach((t, j) => (tokens[at * tokensPerItem + j] = tokenId(t, hashBuckets)));
    price[at] = priceBucket(item.price, priceBuckets);
  });
  return { tokens, price };
}
