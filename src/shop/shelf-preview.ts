import type { CatalogItem, Shelf } from '../engine/index.ts';

/** What a product card shows: kept with the last shelves, so a return visit draws them before the catalog has loaded. */
export type PreviewCard = Pick<
  CatalogItem,
  'id' | 'title' | 'brand' | 'price' | 'currency' | 'inStock' | 'image'
>;

/**
 * A page's last shelves as far as drawing them needs the catalog: their cards, and the
 * header's departments (without them the header would grow, and push the shelf down, once
 * the catalog arrives). Only what the server's catalog says; nothing about the shopper.
 */
export interface ShelfPreview {
  departments: string[];
  cards: PreviewCard[];
}

/** The header's departments: each item's top-level category, sorted. */
export function departmentsOf(items: readonly CatalogItem[]): string[] {
  return [...new Set(items.map((i) => i.category[0]!))].sort();
}

/** The preview of `shelves`: one card per item they show. */
export function previewOf(
  shelves: readonly Shelf[],
  items: ReadonlyMap<string, CatalogItem>,
  departments: readonly string[],
): ShelfPreview {
  const cards = new Map<string, PreviewCard>();
  for (const rec of shelves.flatMap((s) => s.items)) {
    const item = items.get(rec.itemId);
    if (!item || cards.has(item.id)) continue;
    const { id, title, brand, price, currency, inStock, image } = item;
    cards.set(id, { id, title, brand, price, currency, inStock, image });
  }
  return { departments: [...departments], cards: [...cards.values()] };
}

const isCard = (c: unknown): c is PreviewCard => {
  const card = c as Partial<PreviewCard> | null;
  return (
    typeof card === 'object' &&
    card !== null &&
    typeof card.id === 'string' &&
    typeof card.title === 'string' &&
    typeof card.brand === 'string' &&
    typeof card.price === 'number' &&
    typeof card.currency === 'string' &&
    typeof card.inStock === 'boolean' &&
    typeof card.image === 'string'
  );
};

/**
 * Card by id for drawing `shelf` from a stored preview; null when the preview is missing
 * (kept by an older version), malformed, or lacks a card the shelf shows.
 */
export function previewCards(preview: unknown, shelf: Shelf): Map<string, PreviewCard> | null {
  const p = preview as Partial<ShelfPreview> | null | undefined;
  if (!p || !Array.isArray(p.departments) || !Array.isArray(p.cards) || !p.cards.every(isCard)) return null;
  const cards = new Map(p.cards.map((c) => [c.id, c]));
  return shelf.items.every((r) => cards.has(r.itemId)) ? cards : null;
}
