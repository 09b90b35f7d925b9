import { describe, expect, it } from 'vitest';
import { asRow } from '../model/indices.ts';
import type { CatalogItem } from '../catalog/schema.ts';
import { capOf, diversify } from './diversity.ts';
import { ShelfBuilder, type ItemSpace, type ShopperContext } from './shelves.ts';

describe('diversify', () => {
  const brands: Record<string, string> = { a1: 'A', a2: 'A', a3: 'A', a4: 'A', b1: 'B', c1: 'C' };
  const keys = (id: string) => [`brand:${brands[id]}`];

  it('caps a brand at a quarter of the shelf, keeping ranked order otherwise', async () => {
    expect(capOf(8)).toBe(2);
    expect(capOf(6)).toBe(2);
    expect(capOf(3)).toBe(1);
    expect(diversify(['a1', 'a2', 'a3', 'b1', 'a4', 'c1'], 4, keys)).toEqual(['a1', 'a2', 'b1', 'c1']);
  });

  it('fills a shelf the caps leave short from the passed-over candidates, in ranked order', async () => {
    expect(diversify(['a1', 'a2', 'a3', 'b1'], 4, keys)).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(diversify(['a1', 'a2', 'a3', 'a4'], 3, keys)).toEqual(['a1', 'a2', 'a3']);
  });
});

/**
 * A small shop where the model's order is clumped: six items in a row share a brand and three
 * a leaf category, so the model's own top eight would be six of one brand.
 */
const leaves = [
  ['Outdoors', 'Lighting', 'Head Torches'],
  ['Outdoors', 'Lighting', 'Lanterns'],
  ['Outdoors', 'Power', 'Batteries'],
  ['Outdoors', 'Camping', 'Stoves'],
];
const complements: Record<number, string[]> = { 0: ['p-6', 'p-4'], 9: ['p-15', 'p-19'] };
const items: CatalogItem[] = [];
for (let i = 0; i < 48; i++)
  items.push({
    id: `p-${i}`,
    title: `Item ${i}`,
    category: leaves[Math.floor(i / 3) % 4]!,
    brand: `Brand ${Math.floor(i / 6)}`,
    tags: [],
    price: 10,
    currency: 'EUR',
    image: 'x.svg',
    description: '',
    inStock: true,
    complements: complements[i] ?? [],
  });
const catalog = new Map(items.map((i) => [i.id, i]));
const vocabulary = items.map((i) => i.id);
/** The model's scores fall with the index, whatever the history. */
const space: ItemSpace = {
  vocabulary,
  indexOf: (id) => (vocabulary.includes(id) ? asRow(vocabulary.indexOf(id)) : undefined),
  scoreAfter: async (steps) => (steps.length ? Float32Array.from(vocabulary, (_, i) => 100 - i) : null),
  similarTo: () => Float32Array.from(vocabulary, (_, i) => 1 - i / 100),
  similarity: () => 0.5,
  popularity: Float32Array.from(vocabulary, (_, i) => 100 - i),
};
const context = (over: Partial<ShopperContext> = {}): ShopperContext => ({
  steps: [{ itemId: 'p-47', kind: 'view', ts: 1 }],
  inCart: new Set(),
  purchased: new Set(),
  ...over,
});
const brandOf = (id: string) => catalog.get(id)!.brand;
const leafOf = (id: string) => catalog.get(id)!.category.at(-1)!;
const most = (ids: string[], of: (id: string) => string) =>
  Math.max(...[...new Set(ids.map(of))].map((k) => ids.filter((id) => of(id) === k).length));

describe('shelves a merchandiser would sign off', () => {
  const shelves = new ShelfBuilder(space, catalog);

  it('"for you" and trending hold at most two of one brand and two of one leaf category in eight', async () => {
    for (const kind of ['for-you', 'trending'] as const) {
      const ids = (await shelves.build({ kind, limit: 8 }, context())).items.map((i) => i.itemId);
      expect(ids).toHaveLength(8);
      expect(most(ids, brandOf)).toBeLessThanOrEqual(2);
      expect(most(ids, leafOf)).toBeLessThanOrEqual(2);
    }
  });

  it('after buying a head torch, "for you" and "because you viewed" show no other head torch', async () => {
    const bought = context({
      purchased: new Set(['p-0']),
      steps: [{ itemId: 'p-0', kind: 'purchase', ts: 1 }],
    });
    for (const request of [
      { kind: 'for-you' as const, limit: 8 },
      { kind: 'because-viewed' as const, itemId: 'p-1', limit: 8 },
    ]) {
      const ids = (await shelves.build(request, bought)).items.map((i) => i.itemId);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.filter((id) => leafOf(id) === 'Head Torches')).toEqual([]);
    }
  });

  it('"similar" offers alternatives (same leaf allowed) but not one brand only', async () => {
    const ids = (await shelves.build({ kind: 'similar', itemId: 'p-0', limit: 8 }, context())).items.map(
      (i) => i.itemId,
    );
    expect(most(ids, brandOf)).toBeLessThanOrEqual(2);
  });

  it('goes with the whole cart, never with a substitute of what is in it', async () => {
    const cart = ['p-0', 'p-9']; // a head torch and a stove
    const shelf = await shelves.build(
      { kind: 'bought-together', itemIds: cart, limit: 6 },
      context({ inCart: new Set(cart) }),
    );
    const ids = shelf.items.map((i) => i.itemId);
    expect(ids).toHaveLength(6);
    expect(ids.filter((id) => ['Head Torches', 'Stoves'].includes(leafOf(id)))).toEqual([]);
    // Complements of both cart items, each saying which one it goes with.
    expect(ids).toEqual(expect.arrayContaining(['p-6', 'p-4', 'p-15', 'p-19']));
    const reasonOf = (id: string) => shelf.items.find((i) => i.itemId === id)!.reasons[0];
    expect(reasonOf('p-6')).toMatchObject({ type: 'complement', itemId: 'p-0' });
    expect(reasonOf('p-15')).toMatchObject({ type: 'complement', itemId: 'p-9' });
  });

  it('leaves out what the page’s other shelves show, keeping its own caps', async () => {
    const above = (await shelves.build({ kind: 'trending', limit: 8 }, context())).items.map((i) => i.itemId);
    const ids = (
      await shelves.build({ kind: 'similar', itemId: 'p-0', limit: 8, exclude: above }, context())
    ).items.map((i) => i.itemId);
    expect(ids).toHaveLength(8);
    expect(ids.filter((id) => above.includes(id))).toEqual([]);
    expect(most(ids, brandOf)).toBeLessThanOrEqual(2);
  });

  it('says why a shelf is empty', async () => {
    expect(
      (await shelves.build({ kind: 'bought-together', itemIds: [], limit: 6 }, context())).empty,
    ).toMatch(/nothing/);
    await expect(
      shelves.build({ kind: 'bought-together', itemIds: 'p-1' as unknown as string[] }, context()),
    ).rejects.toThrow('shelf itemIds is "p-1"; expected an array of item ids');
  });
});
