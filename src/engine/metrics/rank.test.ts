import { describe, expect, it } from 'vitest';
import { hitRate, ndcg, rankCases, rankOf, summarize } from './rank.ts';

describe('ranking metrics', () => {
  it('ranks the target among all items, excluding history', () => {
    const scores = [0.9, 0.1, 0.5, 0.7, 0.3];
    // target 2 (0.5): items 0 (0.9) and 3 (0.7) score higher.
    expect(rankOf(scores, 2)).toEqual({ greater: 2, ties: 0 });
    // Excluding item 0 from the ranking moves the target up one place.
    expect(rankOf(scores, 2, [0, 0, 4])).toEqual({ greater: 1, ties: 0 });
  });

  it('refuses a target that is in the excluded history', () => {
    expect(() => rankOf([1, 2], 1, [1])).toThrow(/target 1 is also excluded/);
    expect(() => rankOf([1, 2], 5)).toThrow(/target index 5/);
  });

  it('computes HR and NDCG by hand', () => {
    // rank 0 → ndcg 1; rank 2 → 1/log2(4) = 0.5; rank 6 is outside top 5.
    expect(hitRate({ greater: 0, ties: 0 }, 5)).toBe(1);
    expect(ndcg({ greater: 2, ties: 0 }, 5)).toBeCloseTo(0.5, 12);
    expect(hitRate({ greater: 6, ties: 0 }, 5)).toBe(0);
    expect(ndcg({ greater: 6, ties: 0 }, 5)).toBe(0);
    const m = summarize(
      [
        { greater: 0, ties: 0 },
        { greater: 2, ties: 0 },
        { greater: 6, ties: 0 },
        { greater: 30, ties: 0 },
      ],
      [5, 10],
    );
    expect(m['HR@5']).toBeCloseTo(2 / 4, 12);
    expect(m['HR@10']).toBeCloseTo(3 / 4, 12);
    expect(m['NDCG@5']).toBeCloseTo((1 + 0.5) / 4, 12);
    expect(m['NDCG@10']).toBeCloseTo((1 + 0.5 + 1 / Math.log2(8)) / 4, 12);
  });

  it('averages over tie orders', () => {
    // Target tied with 3 others after 1 better item: rank is 1, 2, 3 or 4 with equal chance.
    const r = rankOf([5, 1, 1, 1, 1], 2);
    expect(r).toEqual({ greater: 1, ties: 3 });
    expect(hitRate(r, 3)).toBeCloseTo(2 / 4, 12);
    expect(ndcg(r, 3)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(4)) / 4, 12);
    expect(hitRate(r, 20)).toBe(1);
  });
});

describe('rankCases', () => {
  // Item 1 scores highest, then 2, 3, 4, for every case.
  const scores = (chunk: readonly unknown[]) => new Float32Array(chunk.flatMap(() => [4, 3, 2, 1]));
  const items = (c: { history: number[] }) => c.history;

  it('leaves out each history (0 pads) and keeps the order of the cases', () => {
    const cases = [
      { history: [0, 1, 2], target: 3 },
      { history: [], target: 4 },
    ];
    expect(rankCases(cases, 4, scores, items, 1)).toEqual([
      { greater: 0, ties: 0 },
      { greater: 3, ties: 0 },
    ]);
  });

  it('refuses a target that is also in the history (such users are skipped)', () => {
    expect(() => rankCases([{ history: [2], target: 2 }], 4, scores, items, 8)).toThrow(/skip users/);
  });
});
