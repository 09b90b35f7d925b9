import { itemCounts, popularityTieBreak, type Baseline } from './types.ts';

export interface KnnOptions {
  /** Items at most this many steps apart in a sequence co-occur. Default: 3. */
  window?: number;
  /** How many of the latest history items vote. Default: 3. */
  lastItems?: number;
  /** Weight of each older voter relative to the next newer one. Default: 0.5. */
  decay?: number;
  /** Similarity: 'cosine' = c_ab / √(n_a n_b); 'count' = c_ab (favours popular neighbours). Default: 'cosine'. */
  similarity?: 'cosine' | 'count';
}

/** Symmetric co-occurrence weights within `window` steps (pairs count 1/distance), per item. */
export type CooccurrenceTable = Map<number, Map<number, number>>;

export function cooccurrenceTable(sequences: readonly Int32Array[], window: number): CooccurrenceTable {
  if (!Number.isInteger(window) || window < 1)
    throw new Error(`co-occurrence window is ${window}; expected an integer ≥ 1`);
  const co: CooccurrenceTable = new Map();
  const add = (a: number, b: number, w: number) => {
    let row = co.get(a);
    if (!row) co.set(a, (row = new Map()));
    row.set(b, (row.get(b) ?? 0) + w);
  };
  for (const s of sequences) {
    for (let t = 0; t < s.length; t++) {
      for (let d = 1; d <= window && t + d < s.length; d++) {
        const a = s[t] as number;
        const b = s[t + d] as number;
        if (a === b) continue;
        add(a, b, 1 / d);
        add(b, a, 1 / d);
      }
    }
  }
  return co;
}

/**
 * Item kNN over co-occurrence: pairs within `window` steps count 1/distance, similarity is
 * cosine-normalised (c_ab / sqrt(n_a n_b)) or the raw weight, and the latest `lastItems`
 * history items vote with exponentially decaying weight. `table` reuses a co-occurrence table
 * built with the same window (tuning tries many voter settings on one table).
 */
export function cooccurrenceKnn(
  sequences: readonly Int32Array[],
  numItems: number,
  opts: KnnOptions = {},
  table?: CooccurrenceTable,
): Baseline {
  const window = opts.window ?? 3;
  const lastItems = opts.lastItems ?? 3;
  const decay = opts.decay ?? 0.5;
  const cosine = (opts.similarity ?? 'cosine') === 'cosine';
  const co = table ?? cooccurrenceTable(sequences, window);
  const counts = itemCounts(sequences, numItems);
  const tie = popularityTieBreak(counts, 1e-6);
  return {
    name: 'cooccurrence-knn',
    score(history) {
      const scores = tie.slice();
      let w = 1;
      for (let k = 0; k < lastItems && k < history.length; k++) {
        const a = history[history.length - 1 - k] as number;
        const row = co.get(a);
        if (row) {
          const na = counts[a - 1] || 1;
          for (const [b, c] of row)
            scores[b - 1]! += cosine ? (w * c) / Math.sqrt(na * (counts[b - 1] || 1)) : w * c;
        }
        w *= decay;
      }
      return scores;
    },
  };
}
