import { describe, expect, it } from 'vitest';
import type { CatalogItem, LocalShelf, Shelf } from '../engine/index.ts';
import { homePreview, homeShelves } from './home-shelves.ts';
import { readAtLoad } from './load-reads.ts';
import { requestsKey, SHELF_CACHE_KEY, type ShelfCache } from './shelf-cache.ts';
import { previewOf } from './shelf-preview.ts';

const item = (id: string): CatalogItem => ({
  id,
  title: `Title ${id}`,
  category: ['Garden'],
  brand: 'Brand',
  price: 3,
  currency: 'EUR',
  tags: [],
  image: `images/${id}.svg`,
  description: '',
  inStock: true,
});
const items = new Map(['a', 'b', 'c'].map((id) => [id, item(id)]));
const shelf = (kind: string, ...ids: string[]): Shelf =>
  ({ kind, anchor: null, items: ids.map((itemId) => ({ itemId })) }) as unknown as Shelf;
const home = homeShelves(true);
const newcomer = homeShelves(false);

/** An engine whose page load read `cache` (only what load-reads touches). */
async function engineThatRead(cache: ShelfCache): Promise<LocalShelf> {
  const engine = { events: { getSnapshot: () => ({ revision: 1 }) } } as unknown as LocalShelf;
  await readAtLoad(engine, SHELF_CACHE_KEY, () => Promise.resolve(cache));
  return engine;
}
function entry(savedAt: number, requests = requestsKey(home.requests)): ShelfCache[string] {
  const shelves = [shelf('for-you', 'a', 'b'), shelf('trending', 'c')];
  return { savedAt, requests, shelves, preview: previewOf(shelves, items, ['Garden']) };
}

describe("Home's preview before the catalog", () => {
  it('is the last "for you" with its cards, when Home last showed a returning shopper\'s page', async () => {
    const engine = await engineThatRead({ [home.page]: entry(2), [newcomer.page]: entry(1) });
    const preview = homePreview(engine);
    expect(preview?.shelf.kind).toBe('for-you');
    expect([...preview!.cards.keys()]).toEqual(['a', 'b', 'c']);
    expect(preview?.departments).toEqual(['Garden']);
  });

  it("is not drawn when the newcomer's page was shown since, for other requests, or without kept cards", async () => {
    expect(
      homePreview(await engineThatRead({ [home.page]: entry(1), [newcomer.page]: entry(2) })),
    ).toBeNull();
    expect(homePreview(await engineThatRead({ [home.page]: entry(1, 'for-you|||4') }))).toBeNull();
    const { preview: _, ...older } = entry(1);
    expect(homePreview(await engineThatRead({ [home.page]: older }))).toBeNull();
    expect(homePreview(await engineThatRead({}))).toBeNull();
  });
});
