import { describe, expect, it } from 'vitest';
import { cooccurrenceKnn } from './cooccurrence-knn.ts';
import { lastItem } from './last-item.ts';
import { popularity } from './popularity.ts';

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
