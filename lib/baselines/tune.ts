import { rankAll, type TestCase } from '../evaluate.ts';
import {
  cooccurrenceKnn,
  cooccurrenceTable,
  type CooccurrenceTable,
  type KnnOptions,
} from './cooccurrence-knn.ts';
import type { Baseline } from './types.ts';

/** Values tried per kNN setting (every combination). */
export interface KnnGrid {
  window: readonly number[];
  lastItems: readonly number[];
  decay: readonly number[];
  similarity: readonly ('cosine' | 'count')[];
}

/** The settings searched for the co-occurrence kNN. */
export const KNN_GRID: KnnGrid = {
  // Beauty chose window 8 and 8 voters from [1..8]: the grid reaches past both.
  window: [1, 2, 3, 5, 8, 12, 20, 50],
  lastItems: [1, 2, 3, 5, 8, 12, 20],
  decay: [0.3, 0.6, 0.8, 1],
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
 * chooses the model's epoch, so the baseline is tuned as carefully as the model. Coordinate
 * search (window first, then voters × decay, then similarity, each from the best so far): the
 * full grid took over 7 minutes on Beauty on a shared core, and ranks almost the same way.
 */
export function tuneKnn(
  trainSeqs: readonly Int32Array[],
  numItems: number,
  validation: readonly TestCase[],
  grid: KnnGrid = KNN_GRID,
): { options: Required<KnnOptions>; validNdcg10: number; tried: number } {
  const first = <T>(values: readonly T[], name: string): T => {
    if (values.length === 0)
      throw new Error(`tuneKnn: the grid has no ${name} values; expected at least one`);
    return values[0] as T;
  };
  let best: Required<KnnOptions> = {
    window: first(grid.window, 'window'),
    lastItems: first(grid.lastItems, 'lastItems'),
    decay: first(grid.decay, 'decay'),
    similarity: first(grid.similarity, 'similarity'),
  };
  let bestScore = -Infinity;
  const tables = new Map<number, CooccurrenceTable>();
  const scored = new Map<string, number>();
  const tryOptions = (options: Required<KnnOptions>) => {
    const key = JSON.stringify(options);
    let score = scored.get(key);
    if (score === undefined) {
      let table = tables.get(options.window);
      if (!table) tables.set(options.window, (table = cooccurrenceTable(trainSeqs, options.window)));
      score = baselineNdcg(cooccurrenceKnn(trainSeqs, numItems, options, table), validation, numItems);
      scored.set(key, score);
    }
    if (score > bestScore) {
      bestScore = score;
      best = options;
    }
  };
  // Voters and decay as in the bench's earlier fixed setting while the window is chosen.
  const start = { ...best, lastItems: grid.lastItems.includes(3) ? 3 : best.lastItems };
  for (const window of grid.window) tryOptions({ ...start, window });
  const withWindow = best;
  for (const lastItems of grid.lastItems)
    for (const decay of grid.decay) {
      // With one voter the decay changes nothing: try it once.
      if (lastItems === 1 && decay !== grid.decay[0]) continue;
      tryOptions({ ...withWindow, lastItems, decay });
    }
  const withVoters = best;
  for (const similarity of grid.similarity) tryOptions({ ...withVoters, similarity });
  return { options: best, validNdcg10: bestScore, tried: scored.size };
}
