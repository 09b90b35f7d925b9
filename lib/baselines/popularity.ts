import { itemCounts, type Baseline } from './types.ts';

/** Scores every item by how often it occurs in training: the same list for everyone. */
export function popularity(sequences: readonly Int32Array[], numItems: number): Baseline {
  const counts = itemCounts(sequences, numItems);
  return { name: 'popularity', score: () => counts.slice() };
}
