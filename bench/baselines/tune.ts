import { rankAll, type TestCase } from '../evaluate.ts';
import { cooccurrenceKnn, cooccurrenceTable, type KnnOptions } from './cooccurrence-knn.ts';
import type { Baseline } from './types.ts';

/** Values tried per kNN setting (every combination). */
export interface KnnGrid {
  window: readonly number[];
  lastItems: readonly number[];
  decay: readonly number[];
  similarity: readonly ('cosine' | 'count')[];
}

/** The settings tried for the co-occurrence kNN. */
export const KNN_GRID: KnnGrid = {
  window: [1, 2, 3, 5],
  lastItems: [1, 2, 3, 5],
  decay: [0.3, 0.6, 1],
  similarity: ['cosine', 'count'],
};

/** NDCG@10 of a baseline on cases, full ranking with history items excluded. */
export function baselineNdcg(b: Baseline, cases: readonly TestCase[], numItems: number): number {
  const m = rankAll(cases, numItems, (chunk) => {
    const out = new Float32Array(chunk.length * numItems);
    chunk.forEach((c, i) => out.set(b.score(c.history), i * numItems));
    return out;
  });
  return m['NDCG@10'] ?? 0;
}

/**
 * Chooses the kNN's window, voters, decay and similarity by NDCG@10 on validation cases
 * (each user's second-to-last item), fitted on the training sequences — the same split that
 * chooses the model's epoch, so the baseline is tuned as carefully as the model.
 */
export function tuneKnn(
  trainSeqs: readonly Int32Array[],
  numItems: number,
  validation: readonly TestCase[],
  grid: KnnGrid = KNN_GRID,
): { options: Required<KnnOptions>; validNdcg10: number; tried: number } {
  let best: { options: Required<KnnOptions>; validNdcg10: number } | null = null;
  let tried = 0;
  for (const window of grid.window) {
    const table = cooccurrenceTable(trainSeqs, window);
    for (const lastItems of grid.lastItems)
      for (const decay of grid.decay) {
        // With one voter the decay changes nothing: try it once.
        if (lastItems === 1 && decay !== grid.decay[0]) continue;
        for (const similarity of grid.similarity) {
          const options = { window, lastItems, decay, similarity };
          const score = baselineNdcg(
            cooccurrenceKnn(trainSeqs, numItems, options, table),
            validation,
            numItems,
          );
          tried++;
          if (!best || score > best.validNdcg10) best = { options, validNdcg10: score };
        }
      }
  }
  if (!best) throw new Error('tuneKnn: the grid is empty; expected at least one value per setting');
  return { ...best, tried };
}
