import { describe, expect, it } from 'vitest';
import { cooccurrenceKnn } from './cooccurrence-knn.ts';
import { lastItem } from './last-item.ts';
import { popularity } from './popularity.ts';
import { baselineNdcg, tuneKnn } from './tune.ts';
import { errorReport, meanAndError, rankAll, rankOutcomes, summarize, type TestCase } from '../evaluate.ts';

const seqs = [
  Int32Array.from([1, 2, 3]),
  Int32Array.from([1, 2, 4]),
  Int32Array.from([4, 2, 3]),
  Int32Array.from([2]),
];

describe('baselines', () => {
  it('popularity counts items', () => {
    expect(Array.from(popularity(seqs, 4).score(Int32Array.from([1])))).toEqual([2, 4, 2, 2]);
  });

  it('last-item counts transitions from the last item, popularity breaking ties', () => {
    const s = lastItem(seqs, 4).score(Int32Array.from([4, 2]));
    // After 2: 3 twice, 4 once; items 1 and 2 only get the tie-break (< 1).
    expect(s[2]).toBeGreaterThan(2);
    expect(s[2]).toBeLessThan(3);
    expect(s[3]).toBeGreaterThan(1);
    expect(s[3]).toBeLessThan(2);
    expect(s[1]).toBeGreaterThan(s[0] as number); // 2 is more popular than 1
    expect(s[1]).toBeLessThan(1);
  });

  it('co-occurrence kNN weighs the latest item most', () => {
    const knn = cooccurrenceKnn([Int32Array.from([1, 2]), Int32Array.from([3, 4])], 4, {
      window: 1,
      lastItems: 2,
      decay: 0.5,
    });
    const s = knn.score(Int32Array.from([3, 1]));
    // 1 is latest (weight 1): its neighbour 2 beats 3's neighbour 4 (weight 0.5).
    expect(s[1]).toBeCloseTo(1, 5);
    expect(s[3]).toBeCloseTo(0.5, 5);
  });
});

describe('kNN tuning on validation', () => {
  it('picks the window that predicts the validation items, and counts what it tried', () => {
    // After item 1 comes a different item each time, then item 3: only a window of 2 sees 1 → 3.
    const train = [4, 5, 6, 7].map((x) => Int32Array.from([1, x, 3]));
    train.push(Int32Array.from([8, 9]));
    const validation = [
      { history: Int32Array.from([8, 1]), target: 3 },
      { history: Int32Array.from([9, 1]), target: 3 },
    ];
    const grid = { window: [1, 2], lastItems: [1], decay: [0.5], similarity: ['count'] as const };
    const tuned = tuneKnn(train, 9, validation, grid);
    expect(tuned.tried).toBe(2);
    expect(tuned.options.window).toBe(2);
    expect(tuned.validNdcg10).toBeCloseTo(1, 5);
    expect(baselineNdcg(cooccurrenceKnn(train, 9, { window: 1, lastItems: 1 }), validation, 9)).toBeLessThan(
      0.5,
    );
  });

  it('raw co-occurrence counts favour the popular neighbour that cosine discounts', () => {
    const train = [
      Int32Array.from([1, 2]),
      Int32Array.from([1, 3]),
      Int32Array.from([1, 3]),
      Int32Array.from([3, 4]),
    ];
    const count = cooccurrenceKnn(train, 4, { window: 1, lastItems: 1, similarity: 'count' }).score(
      Int32Array.from([1]),
    );
    expect(count[2]).toBeGreaterThan(count[1] as number);
    expect(() => cooccurrenceKnn(train, 4, { window: 0 })).toThrow(/window is 0; expected an integer ≥ 1/);
  });
});

describe('per-user outcomes and standard errors (lib/evaluate.ts)', () => {
  // Three items; the scorer puts item 1 first, then 2, then 3, whatever the history.
  const fixed = (chunk: readonly TestCase[]) => {
    const out = new Float32Array(chunk.length * 3);
    chunk.forEach((_, i) => out.set([3, 2, 1], i * 3));
    return out;
  };
  const cases: TestCase[] = [
    { history: Int32Array.from([1, 2]), target: 3 },
    { history: Int32Array.from([]), target: 2 },
    { history: Int32Array.from([3]), target: 1 },
  ];

  it('keeps the order of the cases although it scores them by history length', () => {
    const o = rankOutcomes(cases, 3, fixed, 1);
    expect(o.map((r) => r.greater)).toEqual([0, 1, 0]);
    expect(summarize(o)).toEqual(rankAll(cases, 3, fixed, 2));
  });

  it('gives the mean and its standard error, and paired differences user by user', () => {
    const m = meanAndError([0, 1, 0, 1]);
    expect(m.mean).toBe(0.5);
    expect(m.se).toBeCloseTo(Math.sqrt(1 / 3 / 4), 12);
    const a = rankOutcomes(cases, 3, fixed);
    const worse = a.map((r) => ({ greater: r.greater + 10, ties: r.ties }));
    const { standardErrors, paired } = errorReport({ ours: a, worse }, 'ours');
    expect(standardErrors['worse']?.['HR@10']).toBe(0);
    expect(paired['worse']?.['HR@10']?.diff).toBe(1);
    expect(paired['worse']?.['HR@10']?.se).toBe(0);
    expect(paired['ours']).toBeUndefined();
  });
});
