import type * as tf from '@tensorflow/tfjs';
import { getEncoder, scoreBatch, TRANSITION_DEPTH, type EncodedHistory } from '../../src/engine/node.ts';
import { cooccurrenceKnn, type KnnOptions } from '../../lib/baselines/cooccurrence-knn.ts';
import { lastItem } from '../../lib/baselines/last-item.ts';
import { popularity } from '../../lib/baselines/popularity.ts';
import type { Baseline } from '../../lib/baselines/types.ts';
import { lastItemCases, rankAll } from '../../lib/evaluate.ts';
import type { UserSequence } from '../../lib/data/read-dataset.ts';
import { withoutLast } from '../../lib/data/split.ts';

/** The same baseline settings as the quality benchmark (bench/quality.ts). */
export const KNN_OPTIONS: KnnOptions = { window: 3, lastItems: 3, decay: 0.5 };

export interface HeldOutEvaluation {
  heldOutShoppers: number;
  /** Held-out shoppers with at least two items, so they have a history and a test item. */
  withHistory: number;
  testUsers: number;
  skippedTargetInHistory: number;
  models: Record<string, Record<string, number>>;
}

/**
 * Leave-one-out by time on held-out shoppers: the last item is the test item, everything before
 * it the history; ranked against every catalog item with the history excluded. Shoppers whose
 * test item already occurs in their history are left out (and counted), as in bench/quality.ts.
 * Baselines are fitted on the pretraining population's training split: the held-out shoppers
 * are strangers to every model alike.
 */
export function evaluateHeldOut(
  model: tf.LayersModel,
  index: ReadonlyMap<string, number>,
  maxLen: number,
  population: readonly UserSequence[],
  heldOut: readonly UserSequence[],
): HeldOutEvaluation {
  const numItems = index.size;
  const { cases, histories, withHistory, skipped } = lastItemCases(heldOut, index, maxLen);
  const historyOf = new Map(cases.map((c, i) => [c, histories[i] as EncodedHistory]));
  const models: Record<string, Record<string, number>> = {};
  const rankModel = () =>
    rankAll(
      cases,
      numItems,
      (chunk) =>
        scoreBatch(
          model,
          chunk.map((c) => historyOf.get(c) as EncodedHistory),
        ),
      64,
    );
  models['localshelf'] = rankModel();
  // Ablation, as in bench:quality: the same model with the transition blend's weights at 0,
  // so the report shows what the blend adds on shoppers nobody calibrated it on.
  const encoder = getEncoder(model);
  const blend = encoder.transitionBlend();
  if (blend) {
    const voters = Array.from(blend.voters);
    encoder.setTransitions(blend, new Array<number>(TRANSITION_DEPTH).fill(0));
    models['localshelf-without-blend'] = rankModel();
    encoder.setTransitions(blend, voters);
  }

  // Same data as the model (like bench/quality.ts): each population shopper's items before the
  // two that pretraining held back for validation and its own test.
  const fitSeqs = withoutLast(population, index, 2).map((h) => h.items);
  const baselines: Baseline[] = [
    popularity(fitSeqs, numItems),
    lastItem(fitSeqs, numItems),
    cooccurrenceKnn(fitSeqs, numItems, KNN_OPTIONS),
  ];
  for (const b of baselines) {
    models[b.name] = rankAll(cases, numItems, (chunk) => {
      const out = new Float32Array(chunk.length * numItems);
      chunk.forEach((c, i) => out.set(b.score(c.history), i * numItems));
      return out;
    });
  }
  return {
    heldOutShoppers: heldOut.length,
    withHistory,
    testUsers: cases.length,
    skippedTargetInHistory: skipped,
    models,
  };
}
