import { describe, expect, it } from 'vitest';
import type { ShopEvent } from '../../src/engine/node.ts';
import { interactedFirstScores, type ShopperResult } from './evaluate.ts';
import { aggregate } from './report.ts';

const base = { sessionId: 's', id: '' };
const list = (ts: number, ids: string[]): ShopEvent => ({
  ...base,
  id: `l${ts}`,
  ts,
  kind: 'impression',
  shelf: 'list',
  items: ids.map((itemId, position) => ({ itemId, position })),
});

describe('bench:rerank', () => {
  it('interacted-first puts earlier-touched items first, most recent first, then the site order', () => {
    const events: ShopEvent[] = [
      { ...base, id: 'v1', ts: 1, kind: 'view', itemId: 'c' },
      { ...base, id: 'v2', ts: 2, kind: 'view', itemId: 'a' },
      list(3, ['a', 'b', 'c', 'd']),
      { ...base, id: 'k', ts: 3, kind: 'click', itemId: 'd', shelf: 'list' },
      list(4, ['b', 'c', 'd', 'a']),
    ];
    const [first, second] = [...interactedFirstScores(events).values()];
    const order = (scores: Float32Array, ids: string[]) =>
      ids
        .map((id, i) => ({ id, s: scores[i]! }))
        .sort((x, y) => y.s - x.s)
        .map((x) => x.id);
    expect(order(first!, ['a', 'b', 'c', 'd'])).toEqual(['a', 'c', 'b', 'd']);
    // The click on d is the latest touch by the second list.
    expect(order(second!, ['b', 'c', 'd', 'a'])).toEqual(['d', 'a', 'c', 'b']);
  });

  it('aggregates ranks into MRR, groups by earlier clickouts, and pairs differences by shopper', () => {
    const shopper = (ranks: [number, number][]): ShopperResult => ({
      clickouts: ranks.map(([pre, guard], i) => ({
        earlierClickouts: i,
        ranks: { 'site-order': 4, 'interacted-first': 2, pretrained: pre, finetuned: pre, guarded: guard },
      })),
      fineTuneRuns: 0,
      fineTuneAccepted: 0,
      fineTuneMs: [],
      fineTuneSteps: [],
      rerankMs: [],
    });
    const agg = aggregate([
      shopper([
        [1, 1],
        [2, 1],
      ]),
      shopper([[1, 1]]),
    ]);
    expect(agg.clickouts).toBe(3);
    expect(agg.models.pretrained.MRR).toBeCloseTo((1 + 0.5 + 1) / 3);
    expect(agg.models.guarded.MRR).toBeCloseTo(1);
    expect(agg.models['site-order'].MRR).toBeCloseTo(0.25);
    expect(agg.pairedDiffMRR.guarded.mean).toBeCloseTo(0.5 / 3);
    expect(agg.byEarlierClickouts['0']!.clickouts).toBe(2);
    expect(agg.byEarlierClickouts['1-4']!.clickouts).toBe(1);
  });
});
