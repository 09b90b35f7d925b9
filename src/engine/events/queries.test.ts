import { describe, expect, it } from 'vitest';
import { countByKind, interestSummary, itemSequence, summarizeSessions } from './queries.ts';
import type { ShopEvent } from './schema.ts';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1);
const events: ShopEvent[] = [
  { id: '1', ts: now - 3 * DAY, sessionId: 'a', kind: 'view', itemId: 'tent' },
  { id: '2', ts: now - 3 * DAY + 1000, sessionId: 'a', kind: 'search', query: 'stove' },
  { id: '3', ts: now - DAY, sessionId: 'b', kind: 'add_to_cart', itemId: 'stove', quantity: 1 },
  { id: '4', ts: now - 2 * DAY, sessionId: 'a', kind: 'view', itemId: 'phone' },
  {
    id: '5',
    ts: now,
    sessionId: 'b',
    kind: 'impression',
    shelf: 'x',
    items: [{ itemId: 'tent', position: 0 }],
  },
];
const categories: Record<string, string[]> = {
  tent: ['Outdoors', 'Tents'],
  stove: ['Outdoors'],
  phone: ['Electronics'],
};

describe('event queries', () => {
  it('builds the item sequence in time order, skipping searches and impressions', () => {
    expect(itemSequence(events).map((s) => s.itemId)).toEqual(['tent', 'phone', 'stove']);
  });

  it('summarizes sessions newest first', () => {
    expect(summarizeSessions(events)).toEqual([
      { sessionId: 'b', start: now - DAY, end: now, events: 2 },
      { sessionId: 'a', start: now - 3 * DAY, end: now - 2 * DAY, events: 3 },
    ]);
  });

  it('counts every kind, zero included', () => {
    const counts = countByKind(events);
    expect(counts.view).toBe(2);
    expect(counts.purchase).toBe(0);
  });

  it('weights interests by kind and recency', () => {
    const interests = interestSummary(events, (id) => categories[id], { now, halfLifeDays: 14 });
    expect(interests.map((i) => i.category)).toEqual(['Outdoors', 'Electronics']);
    // Outdoors: view (decayed 3 days) + add_to_cart (3, decayed 1 day); Electronics: one view at 2 days.
    const outdoors = Math.pow(0.5, 3 / 14) + 3 * Math.pow(0.5, 1 / 14);
    const electronics = Math.pow(0.5, 2 / 14);
    expect(interests[0]!.share).toBeCloseTo(outdoors / (outdoors + electronics), 10);
  });
});
