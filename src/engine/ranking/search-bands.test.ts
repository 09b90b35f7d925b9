import { describe, expect, it } from 'vitest';
import { asRow } from '../model/indices.ts';
import type { CatalogItem } from '../catalog/schema.ts';
import { ShopperSignals } from '../rerank/signals.ts';
import type { ListReranker } from './list-reranker.ts';
import { CatalogSearch } from './search.ts';
import { ShelfBuilder, type ItemSpace } from './shelves.ts';

const item = (id: string, title: string, tags: string[]): CatalogItem => ({
  id,
  title,
  category: ['Kitchen', 'Appliances'],
  brand: 'Acme',
  tags,
  price: 10,
  currency: 'EUR',
  image: 'x.svg',
  description: '',
  inStock: true,
});

const items = [
  item('e1', 'Electric Kettle 1.7 L', ['electric kettle']),
  item('e2', 'Electric Kettle Glass', ['electric kettle']),
  item('k1', 'Stovetop Kettle', ['kettle']),
  item('b1', 'Cast Iron Kettlebell', ['kettlebell']),
];
const vocabulary = items.map((i) => i.id);
const space: ItemSpace = {
  vocabulary,
  indexOf: (id) => (vocabulary.includes(id) ? asRow(vocabulary.indexOf(id)) : undefined),
  scoreAfter: async (steps) => (steps.length ? Float32Array.from(vocabulary, () => 1) : null),
  similarTo: () => new Float32Array(vocabulary.length),
  similarity: () => 0,
  popularity: null,
};

/** A re-ranker that loves the kettlebell (the shopper carted it) and nothing else. */
const lovesKettlebell: ListReranker = {
  score: async (list) => ({
    probabilities: Float32Array.from(list.candidates, (c) => (c.itemId === 'b1' ? 0.99 : 0.01)),
    why: list.candidates.map((c) =>
      c.itemId === 'b1' ? [{ signal: 'carted' as const, text: 'You added this to your cart' }] : [],
    ),
  }),
};

describe('search results re-ranked for the shopper', () => {
  it('never lifts a partial match above one that matches every word, however much the shopper likes it', async () => {
    const hits = new CatalogSearch(items).search('electric kettle');
    const shelves = new ShelfBuilder(space, new Map(items.map((i) => [i.id, i])));
    shelves.reranker = lovesKettlebell;
    const ranked = await shelves.rerankList(
      hits.map((h) => h.itemId),
      { shelf: 'search', relevance: hits.map((h) => h.score) },
      {
        steps: [{ itemId: 'b1', kind: 'add_to_cart', ts: 1 }],
        inCart: new Set(),
        purchased: new Set(),
        signals: new ShopperSignals(),
      },
    );
    const order = ranked.map((r) => r.itemId);
    expect(order.slice(0, 2).sort()).toEqual(['e1', 'e2']);
    // Among the partial matches "kettle" (a whole word) still beats "kettlebell" (a longer word it starts).
    expect(order.indexOf('k1')).toBeLessThan(order.indexOf('b1'));
  });
});
