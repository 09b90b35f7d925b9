import { beforeAll, describe, expect, it } from 'vitest';
import { validateEvent, type Catalog, type ShopEvent } from '../../src/engine/index.ts';
import { generateCatalog } from '../catalog/generate.ts';
import { parseArgs } from './args.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { SIM_EPOCH, simulate, type SimulatedShopper } from './run.ts';
import { topInterest } from './tastes.ts';

const DAY = 86_400_000;
let catalog: Catalog;
let index: CatalogIndex;
let population: SimulatedShopper[];

beforeAll(() => {
  catalog = generateCatalog().catalog;
  index = indexCatalog(catalog, 7);
  population = [...simulate({ catalog, shoppers: 800, seed: 7 }, index)];
});

const leafOf = (id: string): string => index.byId.get(id)?.leaf ?? '';
const views = (events: readonly ShopEvent[]): Extract<ShopEvent, { kind: 'view' }>[] =>
  events.filter((e): e is Extract<ShopEvent, { kind: 'view' }> => e.kind === 'view');

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
          if (JSON.stringify(validateEvent(event)) !== JSON.stringify(event)) problems.push(`${where}: validation changed the event`);
        } catch (error) {
          problems.push(`${where}: ${(error as Error).message}`);
        }
        if (ids.has(event.id)) problems.push(`${where}: duplicate id`);
        ids.add(event.id);
        kinds.add(event.kind);
        if (event.ts < last || event.ts >= now || !Number.isInteger(event.ts)) problems.push(`${where}: ts ${event.ts} out of order, in the future or fractional`);
        last = event.ts;
        if (!event.sessionId.startsWith(`${shopper}-s`)) problems.push(`${where}: session ${event.sessionId}`);
        if ('itemId' in event && !index.byId.has(event.itemId)) problems.push(`${where}: unknown item ${event.itemId}`);
        if (event.kind === 'purchase' && (event.price !== index.byId.get(event.itemId)?.item.price || !event.orderId))
          problems.push(`${where}: purchase without the catalog price or an order id`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect([...kinds].sort()).toEqual(['add_to_cart', 'click', 'dwell', 'impression', 'purchase', 'remove_from_cart', 'search', 'view']);
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
    const campers = population.filter((s) => topInterest(s.taste) === 'Outdoors > Camping' && (s.taste.categories['Outdoors > Camping'] ?? 0) >= 0.5);
    expect(campers.length).toBeGreaterThanOrEqual(10);
    const seen = campers.flatMap((s) => views(s.events));
    const share = seen.filter((v) => index.byId.get(v.itemId)?.mid === 'Outdoors > Camping').length / seen.length;
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
      const tent = events.find((e) => e.kind === 'purchase' && leafOf(e.itemId) === 'Outdoors > Camping > Tents');
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
    expect(buyers).toBeGreaterThanOrEqual(10);
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
    expect(parseArgs(['--shoppers', '10', '--seed', '3', '--out', 'x'])).toMatchObject({ shoppers: 10, seed: 3, out: 'x' });
    expect(() => parseArgs(['--shoppers', 'ten'])).toThrow(/--shoppers is "ten"/);
    expect(() => parseArgs(['--shopers', '1'])).toThrow(/unknown option "--shopers"/);
  });
});
