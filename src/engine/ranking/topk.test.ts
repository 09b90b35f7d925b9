import { describe, expect, it } from 'vitest';
import { topK } from './topk.ts';

describe('topK', () => {
  it('returns the best indices in order, skipping excluded ones', () => {
    const scores = [0.1, 0.9, 0.5, 0.7, 0.3];
    expect(topK(scores, 3)).toEqual([1, 3, 2]);
    expect(topK(scores, 3, new Set([1]))).toEqual([3, 2, 4]);
    expect(topK(scores, 10)).toEqual([1, 3, 2, 4, 0]);
    expect(topK(scores, 0)).toEqual([]);
  });

  it('breaks ties by lower index and ignores NaN', () => {
    expect(topK([1, 2, 2, NaN, 2], 2)).toEqual([1, 2]);
  });

  it('agrees with a full sort on random data', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const scores = Float32Array.from({ length: 5000 }, rand);
    const expected = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, 50);
    expect(topK(scores, 50)).toEqual(expected);
  });
});
