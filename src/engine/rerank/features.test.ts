import { describe, expect, it } from 'vitest';
import type { ShopEvent, TrackInput } from '../events/schema.ts';
import {
  RERANK_FEATURE_COUNT,
  RERANK_FEATURE_NAMES,
  rerankFeatures,
  type RerankFeature,
  type RerankList,
} from './features.ts';
import { ShopperSignals, type ItemFacts } from './signals.ts';

const T0 = 1_767_225_600_000;
const MIN = 60_000;

/** Hand-made events: ids and sessions filled in, times a minute apart unless given. */
function log(session: string, inputs: TrackInput[], start = T0): ShopEvent[] {
  return inputs.map(
    (e, i) =>
      ({
        quantity: 1,
        ...e,
        id: `${session}-${i}`,
        ts: e.ts ?? start + i * MIN,
        sessionId: e.sessionId ?? session,
      }) as ShopEvent,
  );
}

const FACTS: Record<string, ItemFacts> = {
  a: { category: 'Camping', brand: 'Trailhead', price: 10 },
  b: { category: 'Camping', brand: 'Trailhead', price: 20 },
  c: { category: 'Kitchen', brand: 'Copperpot', price: 40 },
  d: { category: 'Kitchen', brand: 'Copperpot', price: 80 },
};
const facts = (id: string) => FACTS[id];

function list(ids: string[], ts: number, sessionId?: string): RerankList {
  return {
    shelf: 'for-you',
    ts,
    ...(sessionId ? { sessionId } : {}),
    candidates: ids.map((itemId) => ({ itemId, baseScore: null })),
  };
}

/** Feature rows of a list as {itemId: {feature: value}}, for readable assertions. */
function rows(
  l: RerankList,
  signals: ShopperSignals,
  ...rest: [Parameters<typeof rerankFeatures>[2]?, number?]
) {
  const x = rerankFeatures(l, signals, ...rest);
  expect(x.length).toBe(l.candidates.length * RERANK_FEATURE_COUNT);
  return Object.fromEntries(
    l.candidates.map((c, i) => [
      c.itemId,
      Object.fromEntries(RERANK_FEATURE_NAMES.map((n, j) => [n, x[i * RERANK_FEATURE_COUNT + j]!])) as Record<
        RerankFeature,
        number
      >,
    ]),
  );
}

describe('rerankFeatures on hand-made event logs', () => {
  it('counts each kind of interaction with the item', () => {
    const events = log('s1', [
      { kind: 'view', itemId: 'a' },
      { kind: 'view', itemId: 'a' },
      { kind: 'click', itemId: 'a', shelf: 'for-you', position: 0 },
      { kind: 'add_to_cart', itemId: 'a' },
      { kind: 'purchase', itemId: 'a' },
      { kind: 'dwell', itemId: 'a', ms: 5000 },
      { kind: 'search', query: 'tent', itemIds: ['a'] },
    ]);
    const signals = ShopperSignals.from(events, facts);
    const r = rows(list(['a', 'b'], T0 + 10 * MIN, 's1'), signals);
    expect(r.a!.views_session).toBeCloseTo(Math.log1p(2), 6);
    expect(r.a!.views_before).toBe(0);
    expect(r.a!.clicks_session).toBeCloseTo(Math.log1p(1), 6);
    expect(r.a!.carts).toBeCloseTo(Math.log1p(1), 6);
    expect(r.a!.purchases).toBeCloseTo(Math.log1p(1), 6);
    expect(r.a!.dwell).toBeCloseTo(Math.log1p(5) / 4, 6);
    expect(r.a!.search_hits).toBeCloseTo(Math.log1p(1), 6);
    expect(r.a!.interacted).toBe(1);
    // The search was the last thing that touched it.
    expect(r.a!.last_kind_search).toBe(1);
    expect(r.a!.last_kind_view).toBe(0);
    expect(r.a!.steps_since).toBe(1);
    // b was never touched: every per-item count is zero.
    for (const f of [
      'views_session',
      'clicks_session',
      'carts',
      'purchases',
      'dwell',
      'search_hits',
      'interacted',
    ] as const)
      expect(r.b![f], f).toBe(0);
    // Category interest is weighted by kind (cart 3, purchase 5): all of it is Camping.
    expect(r.a!.category_share).toBeCloseTo(1, 6);
    expect(r.b!.category_share).toBeCloseTo(1, 6);
    expect(r.b!.brand_share).toBeCloseTo(1, 6);
  });

  it('tells this session from earlier ones', () => {
    const events = [
      ...log('s1', [{ kind: 'view', itemId: 'a' }], T0),
      ...log(
        's2',
        [
          { kind: 'view', itemId: 'a' },
          { kind: 'view', itemId: 'c' },
        ],
        T0 + 120 * MIN,
      ),
    ];
    const signals = ShopperSignals.from(events, facts);
    const now = rows(list(['a', 'c'], T0 + 125 * MIN, 's2'), signals);
    expect(now.a!.views_session).toBeCloseTo(Math.log1p(1), 6);
    expect(now.a!.views_before).toBeCloseTo(Math.log1p(1), 6);
    expect(now.a!.session_length).toBeCloseTo(Math.log1p(2) / 4, 6);
    expect(now.a!.earlier_sessions).toBeCloseTo(Math.log1p(1) / 3, 6);
    // This session's interest: one Camping view, one Kitchen view.
    expect(now.c!.category_session).toBeCloseTo(0.5, 6);
    // A list in a new session: nothing counts as "this session" any more.
    const later = rows(list(['a', 'c'], T0 + 600 * MIN, 's3'), signals);
    expect(later.a!.views_session).toBe(0);
    expect(later.a!.views_before).toBeCloseTo(Math.log1p(2), 6);
    expect(later.a!.session_length).toBe(0);
    expect(later.a!.category_session).toBe(0);
    expect(later.a!.is_last_item).toBe(0);
    expect(later.a!.earlier_sessions).toBeCloseTo(Math.log1p(2) / 3, 6);
    // Without a session id, a list more than 30 minutes after the last event starts a new session too.
    const idle = rows(list(['a'], T0 + 200 * MIN), signals);
    expect(idle.a!.views_session).toBe(0);
  });

  it('counts showings, and the shown-and-ignored streak that an interaction ends', () => {
    const shown = (positions: Record<string, number>) => ({
      kind: 'impression' as const,
      shelf: 'for-you',
      items: Object.entries(positions).map(([itemId, position]) => ({ itemId, position })),
    });
    const events = log('s1', [shown({ b: 0, a: 2 }), shown({ a: 0 }), shown({ c: 1, a: 5 })]);
    let signals = ShopperSignals.from(events, facts);
    let r = rows(list(['a', 'd'], T0 + 4 * MIN, 's1'), signals);
    expect(r.a!.shown).toBeCloseTo(Math.log1p(3) / 3, 6);
    expect(r.a!.shown_ignored).toBeCloseTo(Math.log1p(3) / 3, 6);
    expect(r.a!.last_shown_slot).toBeCloseTo(6 / 25, 6);
    expect(r.a!.shown_recency).toBeCloseTo(1 / (1 + 2 / 30), 6);
    expect(r.d!.shown).toBe(0);
    expect(r.d!.last_shown_slot).toBe(0);
    expect(r.d!.shown_recency).toBe(0);

    // A view ends the streak; the showings themselves still count.
    const more = [...events, ...log('s1', [{ kind: 'view', itemId: 'a' }], T0 + 3 * MIN)];
    signals = ShopperSignals.from(more, facts);
    r = rows(list(['a'], T0 + 4 * MIN, 's1'), signals);
    expect(r.a!.shown).toBeCloseTo(Math.log1p(3) / 3, 6);
    expect(r.a!.shown_ignored).toBe(0);
    // Shown once more after the view: a new streak of one.
    signals.observe({ ...shown({ a: 1 }), id: 'x', ts: T0 + 5 * MIN, sessionId: 's1' });
    r = rows(list(['a'], T0 + 6 * MIN, 's1'), signals);
    expect(r.a!.shown).toBeCloseTo(Math.log1p(4) / 3, 6);
    expect(r.a!.shown_ignored).toBeCloseTo(Math.log1p(1) / 3, 6);
  });

  it('marks the last item of the session and each candidate’s offset from it', () => {
    const events = log('s1', [
      { kind: 'view', itemId: 'd' },
      { kind: 'view', itemId: 'b' },
    ]);
    const signals = ShopperSignals.from(events, facts);
    const r = rows(list(['a', 'c', 'b', 'd'], T0 + 3 * MIN, 's1'), signals);
    expect(r.b!.is_last_item).toBe(1);
    expect(r.a!.is_last_item).toBe(0);
    expect(r.d!.is_last_item).toBe(0);
    for (const id of ['a', 'b', 'c', 'd']) expect(r[id]!.last_item_in_list).toBe(1);
    expect(r.a!.offset_from_last).toBeCloseTo(-2 / 25, 6);
    expect(r.b!.offset_from_last).toBe(0);
    expect(r.d!.offset_from_last).toBeCloseTo(1 / 25, 6);
    expect(r.d!.next_to_last).toBe(1);
    expect(r.c!.next_to_last).toBe(0);
    expect([r.a!.above_last, r.c!.above_last, r.b!.above_last, r.d!.above_last]).toEqual([1, 1, 0, 0]);
    // b is Camping: a shares its category, c and d do not.
    expect(r.a!.same_category_as_last).toBe(1);
    expect(r.c!.same_category_as_last).toBe(0);
    // d was interacted with one item event before b.
    expect(r.d!.steps_since).toBeCloseTo(1 / 2, 6);
    expect(r.b!.steps_since).toBe(1);
    // A list without the last item: no offsets at all.
    const other = rows(list(['a', 'c'], T0 + 3 * MIN, 's1'), signals);
    expect(other.a!.last_item_in_list).toBe(0);
    expect(other.c!.offset_from_last).toBe(0);
    expect(other.c!.above_last).toBe(0);
  });

  it('compares each price with the list and with what the shopper usually picks', () => {
    const events = log('s1', [
      { kind: 'view', itemId: 'a' },
      { kind: 'view', itemId: 'b' },
    ]);
    const signals = ShopperSignals.from(events, facts);
    const usual = (Math.log(10) + Math.log(20)) / 2;
    const l: RerankList = {
      shelf: 'list',
      ts: T0 + 3 * MIN,
      sessionId: 's1',
      candidates: [
        { itemId: 'c', baseScore: null },
        { itemId: 'a', baseScore: null },
        { itemId: 'unknown', baseScore: null },
        // A price shown on the list wins over the catalog's.
        { itemId: 'd', baseScore: null, price: 20 },
      ],
    };
    const r = rows(l, signals);
    expect(r.c!.price_vs_usual).toBeCloseTo(Math.log(40) - usual, 5);
    expect(r.c!.has_usual_price).toBe(1);
    expect(r.a!.price_vs_usual).toBeCloseTo(Math.log(10) - usual, 5);
    expect(r.d!.price_vs_usual).toBeCloseTo(Math.log(20) - usual, 5);
    expect(r.unknown!.price_vs_usual).toBe(0);
    expect(r.unknown!.has_usual_price).toBe(0);
    // Median of the known prices 10, 20, 40 is 20.
    expect(r.c!.price_vs_list).toBeCloseTo(Math.log(2), 5);
    expect(r.a!.price_vs_list).toBeCloseTo(Math.log(0.5), 5);
    expect(r.a!.price_rank).toBe(0);
    expect(r.c!.price_rank).toBeCloseTo(2 / 4, 6);
    expect(r.a!.price_sorted).toBe(0);
    // A newcomer has no usual price.
    const fresh = rows(l, new ShopperSignals(facts));
    expect(fresh.c!.has_usual_price).toBe(0);
    expect(fresh.c!.price_vs_usual).toBe(0);
  });

  it('reads the population click rate, smoothed toward the global rate for rarely shown items', () => {
    const population = (id: string) => (id === 'a' ? { shown: 80, clicks: 20 } : undefined);
    const r = rows(list(['a', 'b'], T0, 's1'), new ShopperSignals(facts), population, 0.05);
    expect(r.a!.pop_ctr).toBeCloseTo((10 * (20 + 20 * 0.05)) / (80 + 20), 5);
    expect(r.a!.pop_shown).toBeCloseTo(Math.log1p(80) / 8, 6);
    expect(r.a!.pop_clicks).toBeCloseTo(Math.log1p(20) / 6, 6);
    // Never shown to the population: the global rate itself.
    expect(r.b!.pop_ctr).toBeCloseTo(0.5, 6);
    expect(r.b!.pop_shown).toBe(0);
  });

  it('puts the base score, the position and the shelf where the spec says', () => {
    const l: RerankList = {
      shelf: 'search',
      ts: T0,
      candidates: [
        { itemId: 'a', baseScore: 1 },
        { itemId: 'b', baseScore: 3 },
        { itemId: 'c', baseScore: 2 },
      ],
    };
    const r = rows(l, new ShopperSignals(facts));
    expect(r.b!.base_rank).toBe(0);
    expect(r.a!.base_rank).toBeCloseTo(2 / 3, 6);
    expect(r.b!.base_z).toBeGreaterThan(r.c!.base_z);
    expect(r.a!.first_slot).toBe(1);
    expect(r.c!.position).toBeCloseTo(2 / 25, 6);
    expect(r.a!.shelf_search).toBe(1);
    expect(r.a!.shelf_for_you).toBe(0);
  });
});
