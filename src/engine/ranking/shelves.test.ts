import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import type { SequenceStep } from '../events/queries.ts';
import { ShelfBuilder, type ItemSpace, type ShopperContext } from './shelves.ts';
import { asRow } from '../model/indices.ts';

// Shelf building over a stand-in for the model: fixed scores, no tfjs.
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

const item = (id: string, inStock = true): CatalogItem => ({
  id,
  title: `Item ${id.toUpperCase()}`,
  // A brand and a leaf category of its own, so the diversity caps never choose.
  brand: `brand-${id}`,
  category: ['Shop', `leaf-${id}`],
  price: 10,
  currency: 'EUR',
  tags: [],
  image: '',
  description: '',
  inStock,
});

/** Scores fall with the row (a first), popularity rises with it (l most popular). */
function space(popularity: Float32Array | null = Float32Array.from(IDS, (_, i) => i + 1)): ItemSpace {
  const row = new Map(IDS.map((id, i) => [id, asRow(i)]));
  return {
    vocabulary: IDS,
    indexOf: (id) => row.get(id),
    scoreAfter: async (steps: readonly SequenceStep[]) =>
      steps.some((s) => row.has(s.itemId)) ? Float32Array.from(IDS, (_, i) => 100 - i) : null,
    similarTo: (i) => Float32Array.from(IDS, (_, j) => (i === j ? 1 : 1 / (1 + Math.abs(i - j)))),
    similarity: (i, j) => (i === j ? 1 : 1 / (1 + Math.abs(i - j))),
    popularity,
  };
}

const catalog = (outOfStock: string[] = []) =>
  new Map(IDS.map((id) => [id, item(id, !outOfStock.includes(id))]));

const shopper = (over: Partial<ShopperContext> = {}): ShopperContext => ({
  steps: [],
  inCart: new Set(),
  purchased: new Set(),
  ...over,
});

const ids = (shelf: { items: { itemId: string }[] }) => shelf.items.map((r) => r.itemId);

describe('ShelfBuilder', () => {
  it('"for you" follows the model\'s scores and leaves out what was seen, is in the cart, was bought or is out of stock', async () => {
    const builder = new ShelfBuilder(space(), catalog(['e']));
    const shelf = await builder.build(
      { kind: 'for-you', limit: 4 },
      shopper({
        steps: [{ itemId: 'a', kind: 'view', ts: 1 }],
        inCart: new Set(['b']),
        purchased: new Set(['c']),
      }),
    );
    expect(shelf.kind).toBe('for-you');
    expect(ids(shelf)).toEqual(['d', 'f', 'g', 'h']);
    expect(shelf.items.map((r) => r.score)).toEqual([97, 95, 94, 93]);
    for (const r of shelf.items) expect(r.explanation.length).toBeGreaterThan(0);
  });

  it('"for you" without a known step falls back to trending and says why', async () => {
    const shelf = await new ShelfBuilder(space(), catalog()).build({ kind: 'for-you', limit: 3 }, shopper());
    expect(shelf.kind).toBe('for-you');
    expect(ids(shelf)).toEqual(['l', 'k', 'j']);
    expect(shelf.items[0]!.reasons[0]!.type).toBe('fallback');
    expect(shelf.items[0]!.reasons[1]).toEqual({ type: 'trending', rank: 1 });
  });

  it('trending ranks by popularity and leaves out what the page already shows', async () => {
    const shelf = await new ShelfBuilder(space(), catalog()).build(
      { kind: 'trending', limit: 3, exclude: ['l', 'j'] },
      shopper(),
    );
    expect(shelf.kind).toBe('trending');
    expect(ids(shelf)).toEqual(['k', 'i', 'h']);
    expect(shelf.items.map((r) => r.reasons)).toEqual([1, 2, 3].map((rank) => [{ type: 'trending', rank }]));
  });

  it('trending without popularity is empty and says what to re-run', async () => {
    const shelf = await new ShelfBuilder(space(null), catalog()).build({ kind: 'trending' }, shopper());
    expect(shelf.items).toEqual([]);
    expect(shelf.empty).toMatch(/no popularity.*npm run pretrain/);
  });

  it('"similar" never shows its anchor', async () => {
    const shelf = await new ShelfBuilder(space(), catalog()).build(
      { kind: 'similar', itemId: 'f', limit: 4 },
      shopper(),
    );
    expect(shelf.anchor).toBe('f');
    expect(ids(shelf)).not.toContain('f');
    expect(ids(shelf)).toHaveLength(4);
  });

  it('rejects a bad request by naming the bad value', async () => {
    const builder = new ShelfBuilder(space(), catalog());
    await expect(builder.build({ kind: 'trending', limit: 0 }, shopper())).rejects.toThrow(
      /shelf limit is 0; expected an integer from 1 to 200/,
    );
    await expect(
      builder.build({ kind: 'trending', exclude: 'a' as unknown as string[] }, shopper()),
    ).rejects.toThrow(/shelf exclude is "a"; expected an array of item ids/);
    await expect(builder.build({ kind: 'similar' }, shopper())).rejects.toThrow(
      /shelf "similar" needs an itemId/,
    );
    await expect(builder.build({ kind: 'popular' as never }, shopper())).rejects.toThrow(
      /shelf kind is "popular"; expected one of for-you, similar, bought-together, because-viewed, trending/,
    );
  });
});
