import { describe, expect, it } from 'vitest';
import { asRow } from '../model/indices.ts';
import type { ShopEvent, TrackInput } from '../events/schema.ts';
import {
  RERANK_FEATURE_COUNT,
  RERANK_FEATURE_NAMES,
  type RerankFeature,
  type RerankList,
} from '../rerank/features.ts';
import type { Reranker } from '../rerank/model.ts';
import { ShopperSignals } from '../rerank/signals.ts';
import { ModelListReranker, type ListReranker } from './list-reranker.ts';
import { ShelfBuilder, type ItemSpace, type ShopperContext } from './shelves.ts';

const col = (name: RerankFeature) => RERANK_FEATURE_NAMES.indexOf(name);
const T0 = Date.now() - 3_600_000;

function log(inputs: TrackInput[]): ShopEvent[] {
  return inputs.map(
    (e, i) => ({ quantity: 1, ...e, id: `e${i}`, ts: T0 + i * 60_000, sessionId: 's' }) as ShopEvent,
  );
}

const FACTS: Record<string, { category: string; brand: string; price: number }> = {
  a: { category: 'Kitchen', brand: 'Copperpot', price: 20 },
  b: { category: 'Kitchen', brand: 'Copperpot', price: 25 },
  c: { category: 'Garden', brand: 'Greenleaf', price: 30 },
  d: { category: 'Garden', brand: 'Greenleaf', price: 35 },
};

/**
 * A stand-in for a trained re-ranker with weights you can read: the logit is a weighted sum
 * of a few features. It likes what the shopper looked at and carted, and what they browsed
 * this session; it dislikes what was shown to them and passed over.
 */
function handModel(weights: Partial<Record<RerankFeature, number>>, bias = -2): Reranker {
  return {
    async predict(rows: Float32Array) {
      const n = rows.length / RERANK_FEATURE_COUNT;
      return Float32Array.from({ length: n }, (_, i) => {
        let z = bias;
        for (const [f, w] of Object.entries(weights))
          z += w * rows[i * RERANK_FEATURE_COUNT + col(f as RerankFeature)]!;
        return 1 / (1 + Math.exp(-z));
      });
    },
  } as unknown as Reranker;
}

const MODEL = handModel({
  views_session: 2,
  carts: 3,
  category_session: 2,
  shown_ignored: -6,
});

const list = (ids: string[]): RerankList => ({
  shelf: 'list',
  ts: T0 + 3_600_000,
  sessionId: 's',
  candidates: ids.map((itemId) => ({ itemId, baseScore: null })),
});

describe('ModelListReranker', () => {
  const events = log([
    { kind: 'view', itemId: 'a' },
    { kind: 'view', itemId: 'a' },
    { kind: 'view', itemId: 'b' },
    { kind: 'add_to_cart', itemId: 'b' },
    {
      kind: 'impression',
      shelf: 'list',
      items: ['c', 'd'].map((itemId, position) => ({ itemId, position })),
    },
    {
      kind: 'impression',
      shelf: 'list',
      items: ['c', 'd'].map((itemId, position) => ({ itemId, position })),
    },
    { kind: 'impression', shelf: 'list', items: ['c'].map((itemId, position) => ({ itemId, position })) },
  ]);
  const signals = ShopperSignals.from(events, (id) => FACTS[id]);
  const reranker = new ModelListReranker(
    () => MODEL,
    () => undefined,
    0.05,
    (id) => `Product ${id}`,
  );

  it('says what raised an item, from the features that raised it, strongest first', async () => {
    const scored = (await reranker.score(list(['c', 'a', 'd', 'b']), signals))!;
    const p = Object.fromEntries(['c', 'a', 'd', 'b'].map((id, i) => [id, scored.probabilities[i]!]));
    expect(p.a).toBeGreaterThan(p.d!);
    expect(p.b).toBeGreaterThan(p.a!);
    const why = Object.fromEntries(
      ['c', 'a', 'd', 'b'].map((id, i) => [id, scored.why[i]!.map((w) => w.text)]),
    );
    expect(why.a![0]).toBe('You looked at this twice');
    expect(why.b).toContain('You added this to your cart');
    expect(why.b!.indexOf('You added this to your cart')).toBeLessThan(why.b!.indexOf('You looked at this'));
    // The whole session so far is Kitchen: that lifts Kitchen items, and is said so.
    expect(why.a).toContain('You viewed Kitchen a lot today');
  });

  it('lowers what was shown and passed over, and never says so', async () => {
    const scored = (await reranker.score(list(['c', 'd']), signals))!;
    // c was shown three times, d twice: both sink, c further.
    expect(scored.probabilities[0]).toBeLessThan(scored.probabilities[1]!);
    expect(scored.why.flat()).toEqual([]);
    const everything = (await reranker.score(list(['a', 'b', 'c', 'd']), signals))!;
    for (const w of everything.why.flat()) expect(w.text).not.toMatch(/shown|skip|ignor|passed/i);
  });

  it('scores nothing without a model', async () => {
    const none = new ModelListReranker(
      () => null,
      () => undefined,
      0.05,
      (id) => id,
    );
    expect(await none.score(list(['a']), signals)).toBeNull();
  });
});

/** Items p-0..p-(n-1); the sequence model's score falls with the index. */
function space(n: number): ItemSpace {
  const vocabulary = Array.from({ length: n }, (_, i) => `p-${i}`);
  return {
    vocabulary,
    indexOf: (id) => {
      const i = vocabulary.indexOf(id);
      return i < 0 ? undefined : asRow(i);
    },
    scoreAfter: async (steps) => (steps.length ? Float32Array.from(vocabulary, (_, i) => n - i) : null),
    similarTo: () => new Float32Array(n),
    similarity: () => 0,
    popularity: null,
  };
}

/** A re-ranker that prefers higher item numbers, and records the lists it was asked about. */
function preferLater(seen: number[][]): ListReranker {
  return {
    async score(l) {
      seen.push(l.candidates.map((c) => Number(c.itemId.slice(2))));
      return {
        probabilities: Float32Array.from(l.candidates, (c) => Number(c.itemId.slice(2)) / 100),
        why: l.candidates.map(() => [{ signal: 'viewed' as const, text: 'You looked at this' }]),
      };
    },
  };
}

const context = (): ShopperContext => ({
  steps: [{ itemId: 'p-0', kind: 'view', ts: T0 }],
  inCart: new Set(),
  purchased: new Set(),
  signals: new ShopperSignals(),
});

describe('ShelfBuilder with a re-ranker', () => {
  it('re-ranks a site list by the re-ranker, and tells each item where it came from', async () => {
    const shelves = new ShelfBuilder(space(10), null);
    shelves.reranker = preferLater([]);
    const ranked = await shelves.rerankList(['p-3', 'p-7', 'p-5'], {}, context());
    expect(ranked.map((r) => r.itemId)).toEqual(['p-7', 'p-5', 'p-3']);
    expect(ranked.map((r) => r.from)).toEqual([1, 2, 0]);
    const reason = ranked[0]!.reasons.find((r) => r.type === 'reranker');
    expect(reason).toMatchObject({ type: 'reranker', moved: 1 });
    expect(ranked[0]!.explanation).toBe('You looked at this');
  });

  it('keeps search results within bands of equally good matches', async () => {
    const shelves = new ShelfBuilder(space(10), null);
    shelves.reranker = preferLater([]);
    // p-1 and p-2 match far better than p-8 and p-9: the re-ranker may swap within, not across.
    const ranked = await shelves.rerankList(
      ['p-1', 'p-2', 'p-8', 'p-9'],
      { shelf: 'search', relevance: [3, 2.9, 1, 0.95] },
      context(),
    );
    expect(ranked.map((r) => r.itemId)).toEqual(['p-2', 'p-1', 'p-9', 'p-8']);
    await expect(shelves.rerankList(['p-1'], { relevance: [1, 2] }, context())).rejects.toThrow(
      'rerank relevance has 2 finite numbers; expected one per item (1)',
    );
  });

  it('returns the site order when there is no re-ranker', async () => {
    const shelves = new ShelfBuilder(space(10), null);
    const ranked = await shelves.rerankList(['p-3', 'p-7', 'p-5'], { shelf: 'category' }, context());
    expect(ranked.map((r) => r.itemId)).toEqual(['p-3', 'p-7', 'p-5']);
    expect(ranked.every((r) => r.score === null)).toBe(true);
  });

  it('draws three times the shelf for "for you" and scores it as interleaved lists of the shelf’s size', async () => {
    const seen: number[][] = [];
    const shelves = new ShelfBuilder(space(40), null);
    shelves.reranker = preferLater(seen);
    const shelf = await shelves.build({ kind: 'for-you', limit: 4 }, context());
    // The pool is p-1..p-12 (p-0 was seen); each list spans it, in base order.
    expect(seen).toEqual([
      [1, 4, 7, 10],
      [2, 5, 8, 11],
      [3, 6, 9, 12],
    ]);
    expect(shelf.items.map((i) => i.itemId)).toEqual(['p-12', 'p-11', 'p-10', 'p-9']);
    expect(shelf.items.every((i) => i.reasons.at(-1)?.type === 'reranker')).toBe(true);
  });
});
