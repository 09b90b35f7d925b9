import { beforeAll, describe, expect, it } from 'vitest';
import { validateEvent, type Catalog, type ShopEvent } from '../../src/engine/node.ts';
import { generateCatalog } from '../catalog/generate.ts';
import { createRng } from '../catalog/prng.ts';
import { parseArgs } from './args.ts';
import { LIST_RULES, SIM_SHELVES, chooseClicks, fatigue, positionBias, type ListRule } from './behaviour.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { ATTRIBUTION_WINDOW_MS, logStats, type LogStats } from './log-stats.ts';
import { SIM_EPOCH, simulate, type SimulatedShopper } from './run.ts';
import { topInterest } from './tastes.ts';

const DAY = 86_400_000;
let catalog: Catalog;
let index: CatalogIndex;
let population: SimulatedShopper[];
let stats: LogStats;

beforeAll(() => {
  catalog = generateCatalog().catalog;
  index = indexCatalog(catalog, 7);
  population = [...simulate({ catalog, shoppers: 800, seed: 7 }, index)];
  stats = logStats(population);
});

const leafOf = (id: string): string => index.byId.get(id)?.leaf ?? '';
const views = (events: readonly ShopEvent[]): Extract<ShopEvent, { kind: 'view' }>[] =>
  events.filter((e): e is Extract<ShopEvent, { kind: 'view' }> => e.kind === 'view');
type Impression = Extract<ShopEvent, { kind: 'impression' }>;
const impressions = (events: readonly ShopEvent[]): Impression[] =>
  events.filter((e): e is Impression => e.kind === 'impression');
const ctr = (r: { shown: number; clicked: number }): number => r.clicked / r.shown;

describe('shopper simulator', () => {
  it('emits only valid events: unique ids, time-ordered, in the past, known items', () => {
    // Plain checks collected into one list: an expect() per event would dominate the run time.
    const problems: string[] = [];
    const ids = new Set<string>();
    const kinds = new Set<string>();
    const now = Date.now();
    for (const { shopper, events } of population) {
      if (events.length === 0) problems.push(`${shopper} has no events`);
      let last = SIM_EPOCH;
      for (const event of events) {
        const where = `${shopper} ${event.id}`;
        try {
          if (JSON.stringify(validateEvent(event)) !== JSON.stringify(event))
            problems.push(`${where}: validation changed the event`);
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`);
        }
        if (ids.has(event.id)) problems.push(`${where}: duplicate id`);
        ids.add(event.id);
        kinds.add(event.kind);
        if (event.ts < last || event.ts >= now || !Number.isInteger(event.ts))
          problems.push(`${where}: ts ${event.ts} out of order, in the future or fractional`);
        last = event.ts;
        if (!event.sessionId.startsWith(`${shopper}-s`))
          problems.push(`${where}: session ${event.sessionId}`);
        if ('itemId' in event && !index.byId.has(event.itemId))
          problems.push(`${where}: unknown item ${event.itemId}`);
        if (
          event.kind === 'purchase' &&
          (event.price !== index.byId.get(event.itemId)?.item.price || !event.orderId)
        )
          problems.push(`${where}: purchase without the catalog price or an order id`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...kinds].sort()).toEqual([
      'add_to_cart',
      'click',
      'dwell',
      'impression',
      'purchase',
      'remove_from_cart',
      'search',
      'view',
    ]);
  });

  it('is deterministic for a seed, and shopper n does not depend on the population size', () => {
    const a = JSON.stringify([...simulate({ catalog, shoppers: 30, seed: 7 }, index)]);
    const b = JSON.stringify(population.slice(0, 30));
    expect(a).toBe(b);
    const other = JSON.stringify([...simulate({ catalog, shoppers: 30, seed: 8 })]);
    expect(other).not.toBe(a);
  });

  it('has shoppers who come back over several sessions and buy', () => {
    const sessions = population.map((s) => new Set(s.events.map((e) => e.sessionId)).size);
    const returning = sessions.filter((n) => n >= 3).length / sessions.length;
    expect(returning).toBeGreaterThan(0.7);
    const buyers = population.filter((s) => s.events.some((e) => e.kind === 'purchase')).length;
    expect(buyers / population.length).toBeGreaterThan(0.5);
    const queries = population.flatMap((s) => s.events.flatMap((e) => (e.kind === 'search' ? [e] : [])));
    expect(queries.filter((q) => (q.resultCount ?? 0) > 0).length / queries.length).toBeGreaterThan(0.95);
  });

  it('shoppers with a Camping taste view mostly Camping things', () => {
    const campers = population.filter(
      (s) =>
        topInterest(s.taste) === 'Outdoors > Camping' &&
        (s.taste.categories['Outdoors > Camping'] ?? 0) >= 0.5,
    );
    expect(campers.length).toBeGreaterThanOrEqual(10);
    const seen = campers.flatMap((s) => views(s.events));
    const share =
      seen.filter((v) => index.byId.get(v.itemId)?.mid === 'Outdoors > Camping').length / seen.length;
    expect(share).toBeGreaterThan(0.5);
    // Over everyone: most views fall in the shopper's own interests.
    let inTaste = 0;
    let total = 0;
    for (const s of population)
      for (const v of views(s.events)) {
        total++;
        if (s.taste.categories[index.byId.get(v.itemId)?.mid ?? ''] !== undefined) inTaste++;
      }
    expect(inTaste / total).toBeGreaterThan(0.65);
  });

  it('after buying, shoppers look at complements: a tent is followed by sleeping bags', () => {
    let before = 0;
    let beforeN = 0;
    let after = 0;
    let afterN = 0;
    let buyers = 0;
    for (const { events } of population) {
      const tent = events.find(
        (e) => e.kind === 'purchase' && leafOf(e.itemId) === 'Outdoors > Camping > Tents',
      );
      if (!tent) continue;
      buyers++;
      for (const v of views(events)) {
        const bag = leafOf(v.itemId) === 'Outdoors > Camping > Sleeping Bags' ? 1 : 0;
        if (v.ts < tent.ts) {
          before += bag;
          beforeN++;
        } else if (v.ts <= tent.ts + 28 * DAY) {
          after += bag;
          afterN++;
        }
      }
    }
    // Enough tent buyers for the shares below to mean something (fatigue makes buyers rarer than before).
    expect(buyers).toBeGreaterThanOrEqual(8);
    const chance = (index.byLeaf.get('Outdoors > Camping > Sleeping Bags')?.length ?? 0) / index.items.length;
    expect(after / afterN).toBeGreaterThan(5 * chance);
    expect(after / afterN).toBeGreaterThan(before / beforeN);
  });

  it('after any purchase, views shift toward the purchase\u2019s complement categories', () => {
    let before = 0;
    let beforeN = 0;
    let after = 0;
    let afterN = 0;
    for (const { events } of population) {
      const seen = views(events);
      for (const p of events) {
        if (p.kind !== 'purchase') continue;
        const leaves = new Set((index.byId.get(p.itemId)?.item.complements ?? []).map(leafOf));
        for (const v of seen) {
          const hit = leaves.has(leafOf(v.itemId)) ? 1 : 0;
          if (v.ts < p.ts && v.ts >= p.ts - 28 * DAY) {
            before += hit;
            beforeN++;
          } else if (v.ts > p.ts && v.ts <= p.ts + 28 * DAY) {
            after += hit;
            afterN++;
          }
        }
      }
    }
    // The month before already leans that way (complements share a department and
    // link both ways), so the lift is modest but clear: about 0.33 → 0.42 at this seed.
    expect(after / afterN).toBeGreaterThan(1.2 * (before / beforeN));
  });

  it('parses its command line and rejects bad values', () => {
    expect(parseArgs(['--shoppers', '10', '--seed', '3', '--out', 'x'])).toMatchObject({
      shoppers: 10,
      seed: 3,
      out: 'x',
    });
    expect(() => parseArgs(['--shoppers', 'ten'])).toThrow(/--shoppers is "ten"/);
    expect(() => parseArgs(['--shopers', '1'])).toThrow(/unknown option "--shopers"/);
  });
});

describe('click rule', () => {
  // No attention gate and no cap, so every slot's chance shows through.
  const open: ListRule = { attention: 1, threshold: 1, maxClicks: 99 };

  it('fatigue: an item shown and ignored several times is clicked less often than a fresh one of equal utility', () => {
    const rng = createRng(11);
    const draws = 40_000;
    let fresh = 0;
    let tired = 0;
    for (let i = 0; i < draws; i++) {
      // The tired item takes the first slot half the time, so position does not favour either.
      const tiredFirst = i % 2 === 0;
      const slots = tiredFirst
        ? [
            { u: 1.5, ignored: 4 },
            { u: 1.5, ignored: 0 },
          ]
        : [
            { u: 1.5, ignored: 0 },
            { u: 1.5, ignored: 4 },
          ];
      for (const p of chooseClicks(slots, open, rng)) {
        if ((p === 0) === tiredFirst) tired++;
        else fresh++;
      }
    }
    expect(tired).toBeLessThan(0.6 * fresh);
    expect(tired / fresh).toBeCloseTo(fatigue(4), 1);
    // Each further ignored showing lowers the chance, and it levels off above zero.
    for (let n = 0; n < 10; n++) expect(fatigue(n + 1)).toBeLessThan(fatigue(n));
    expect(fatigue(50)).toBeGreaterThan(0.1);
  });

  it('position bias: equal items are clicked more in the first slots', () => {
    const rng = createRng(12);
    const clicks = new Array<number>(12).fill(0);
    for (let i = 0; i < 20_000; i++)
      for (const p of chooseClicks(new Array(12).fill({ u: 1, ignored: 0 }), open, rng))
        clicks[p] = (clicks[p] ?? 0) + 1;
    for (let p = 1; p < 6; p++) expect(clicks[p]).toBeLessThan(clicks[p - 1] ?? 0);
    expect((clicks[0] ?? 0) / (clicks[5] ?? 1)).toBeCloseTo(positionBias(0) / positionBias(5), 0);
  });

  it("clicks follow the hidden utility, up to the list's click cap, and none without attention", () => {
    const rng = createRng(13);
    let good = 0;
    let bad = 0;
    for (let i = 0; i < 10_000; i++)
      for (const p of chooseClicks(
        [
          { u: -1, ignored: 0 },
          { u: 3, ignored: 0 },
          { u: -1, ignored: 0 },
        ],
        open,
        rng,
      )) {
        if (p === 1) good++;
        else bad++;
      }
    expect(good).toBeGreaterThan(2 * bad);
    const capped: ListRule = { attention: 1, threshold: -10, maxClicks: 2 };
    expect(chooseClicks(new Array(8).fill({ u: 0, ignored: 0 }), capped, rng)).toEqual([0, 1]);
    expect(chooseClicks(new Array(8).fill({ u: 9, ignored: 0 }), { ...capped, attention: 0 }, rng)).toEqual(
      [],
    );
  });
});

describe('simulated impression logs', () => {
  it("use only the demo shop's shelf names, and every one of them", () => {
    const used = new Set<string>();
    for (const { events } of population)
      for (const e of events)
        if (e.kind === 'impression' || e.kind === 'click') used.add(e.shelf ?? '(none)');
    expect([...used].sort()).toEqual([...SIM_SHELVES].sort());
  });

  it('show realistic list lengths: 8-12 on shelves, 12-24 on category pages, at most 24 search results', () => {
    const bad: string[] = [];
    for (const { events } of population)
      for (const e of impressions(events)) {
        const n = e.items.length;
        const ok =
          e.shelf === 'search'
            ? n >= 1 && n <= 24
            : e.shelf === 'category'
              ? n >= 12 && n <= 24
              : n >= 8 && n <= 12;
        if (
          !ok ||
          e.items.some((item, i) => item.position !== i) ||
          new Set(e.items.map((i) => i.itemId)).size !== n
        )
          bad.push(`${e.id} ${e.shelf} ${n}`);
      }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('every click follows an impression of the same item, at that position, on the same shelf within 30 minutes', () => {
    const orphans: string[] = [];
    let clicks = 0;
    for (const { events } of population) {
      const shown: Impression[] = [];
      for (const e of events) {
        if (e.kind === 'impression') shown.push(e);
        if (e.kind !== 'click') continue;
        clicks++;
        const match = shown.some(
          (imp) =>
            imp.shelf === e.shelf &&
            imp.ts <= e.ts &&
            e.ts - imp.ts <= ATTRIBUTION_WINDOW_MS &&
            imp.items.some((i) => i.itemId === e.itemId && i.position === e.position),
        );
        if (!match) orphans.push(`${e.id} ${e.shelf} ${e.itemId}`);
      }
    }
    expect(clicks).toBeGreaterThan(10_000);
    expect(orphans.slice(0, 5)).toEqual([]);
    expect(stats.orphanClicks).toBe(0);
  });

  it('show trending to shoppers with no history and for-you after, repeating items across page views and sessions', () => {
    let trendingAfter = 0;
    let forYouBefore = 0;
    let later = 0;
    let repeated = 0;
    for (const { events } of population) {
      const firstView = events.find((e) => e.kind === 'view')?.ts ?? Infinity;
      const earlier = new Map<string, Set<string>>();
      for (const e of impressions(events)) {
        if (e.shelf === 'trending' && e.ts > firstView) trendingAfter++;
        if (e.shelf === 'for-you' && e.ts < firstView) forYouBefore++;
        if (e.shelf !== 'for-you' && e.shelf !== 'category') continue;
        // Items this list showed in an earlier session.
        const before = new Set(
          [...earlier].filter(([session]) => session !== e.sessionId).flatMap(([, ids]) => [...ids]),
        );
        if (before.size > 0) {
          later += e.items.length;
          repeated += e.items.filter((i) => before.has(`${e.shelf}:${i.itemId}`)).length;
        }
        const ids = earlier.get(e.sessionId) ?? new Set<string>();
        for (const i of e.items) ids.add(`${e.shelf}:${i.itemId}`);
        earlier.set(e.sessionId, ids);
      }
    }
    expect(trendingAfter).toBe(0);
    expect(forYouBefore).toBe(0);
    expect(repeated / later).toBeGreaterThan(0.3);
    expect(stats.ignoredBefore[3]?.shown ?? 0).toBeGreaterThan(stats.ignoredBefore[0]?.shown ?? 0);
  });

  it('have a clear position bias and fatigue, and no-click impressions common on shelves, rarer in search', () => {
    const p = stats.positions.map(ctr);
    expect(p[0]).toBeGreaterThan(1.5 * (p[1] ?? 1));
    expect(p[1]).toBeGreaterThan(p[2] ?? 1);
    expect(p[2]).toBeGreaterThan(p[5] ?? 1);
    // Logged fatigue is mixed up with which items get shown again; the first slots compare like with like.
    const f = stats.ignoredBeforeTop3.map(ctr);
    expect(f[0]).toBeGreaterThan(f[1] ?? 1);
    expect(f[1]).toBeGreaterThan(f[3] ?? 1);
    expect(f[3]).toBeLessThan(0.7 * (f[0] ?? 0));
    const noClick = (shelf: string): number => {
      const s = stats.shelves[shelf];
      return s ? s.noClick / s.impressions : NaN;
    };
    for (const shelf of ['for-you', 'trending', 'bought-together', 'similar', 'because-viewed'])
      expect(noClick(shelf), shelf).toBeGreaterThan(0.5);
    expect(noClick('search')).toBeLessThan(0.3);
    expect(noClick('search')).toBeGreaterThan(0.02);
    expect(noClick('category')).toBeLessThan(noClick('for-you'));
    // Search is read more closely than any shelf.
    for (const shelf of SIM_SHELVES)
      if (shelf !== 'search')
        expect(LIST_RULES.search.attention).toBeGreaterThanOrEqual(LIST_RULES[shelf].attention);
  });
});

describe('log statistics', () => {
  it('matches clicks to impressions and counts ignored showings', () => {
    const base = { sessionId: 's-1' };
    const events: ShopEvent[] = [
      {
        ...base,
        id: '1',
        ts: 0,
        kind: 'impression',
        shelf: 'for-you',
        items: [
          { itemId: 'a', position: 0 },
          { itemId: 'b', position: 1 },
        ],
      },
      { ...base, id: '2', ts: 1000, kind: 'click', itemId: 'b', shelf: 'for-you', position: 1 },
      {
        ...base,
        id: '3',
        ts: 2000,
        kind: 'impression',
        shelf: 'for-you',
        items: [
          { itemId: 'a', position: 0 },
          { itemId: 'b', position: 1 },
        ],
      },
      { ...base, id: '4', ts: 3000, kind: 'click', itemId: 'a', shelf: 'for-you', position: 0 },
      // Too late for the impression at ts 2000, and no impression on "similar" at all.
      {
        ...base,
        id: '5',
        ts: 2000 + ATTRIBUTION_WINDOW_MS + 1,
        kind: 'click',
        itemId: 'b',
        shelf: 'for-you',
        position: 1,
      },
      {
        ...base,
        id: '6',
        ts: 2000 + ATTRIBUTION_WINDOW_MS + 2,
        kind: 'click',
        itemId: 'a',
        shelf: 'similar',
        position: 0,
      },
    ];
    const s = logStats([{ events }]);
    expect(s.orphanClicks).toBe(2);
    expect(s.shelves['for-you']).toEqual({ impressions: 2, noClick: 0, shown: 4, clicked: 2 });
    // a: fresh and ignored, then shown after one ignored showing and clicked; b: clicked, then shown again (0 ignored) and not.
    expect(s.ignoredBefore.slice(0, 2)).toEqual([
      { shown: 3, clicked: 1 },
      { shown: 1, clicked: 1 },
    ]);
    expect(s.positions).toEqual([
      { shown: 2, clicked: 1 },
      { shown: 2, clicked: 1 },
    ]);
    expect(s.repeatedSlots).toBe(2);
  });
});
