/**
 * A baseline sees training sequences of vocabulary indices (1-based) and scores every item
 * for a history: scores[i] is the score of vocabulary index i + 1, higher is better.
 */
export interface Baseline {
  name: string;
  score(history: Int32Array): Float32Array;
}

/** Item counts over all training sequences, index i = vocabulary index i + 1. */
export function itemCounts(sequences: readonly Int32Array[], numItems: number): Float32Array {
  const counts = new Float32Array(numItems);
  for (const s of sequences) for (const i of s) if (i > 0) counts[i - 1]! += 1;
  return counts;
}

/**
 * Popularity scaled into [0, 1): added to integer-like scores it only breaks ties, so count
 * baselines are not judged by the arbitrary order of tied items.
 */
export function popularityTieBreak(counts: Float32Array, scale: number): Float32Array {
  let max = 0;
  for (const c of counts) max = Math.max(max, c);
  return counts.map((c) => (c / (max + 1)) * scale);
}
