import * as tf from '@tensorflow/tfjs';
import { rng, shuffleInPlace } from '../model/train.ts';
import { RERANK_FEATURE_COUNT, RERANK_FEATURE_NAMES } from './features.ts';
import { stackLists, type LabelledList } from './lists.ts';
import { clickedRank, listMetrics, type ListMetrics } from './metrics.ts';
import { createRerankerNet, logits, Reranker, type RerankerCard } from './model.ts';
import type { PopulationCard } from './population.ts';

export interface PretrainOptions {
  /** Passes over the training rows at most. Default: 30. */
  epochs?: number;
  /** Rows per Adam step. Default: 512. */
  batchSize?: number;
  /** Adam learning rate. Default: 1e-3. */
  learningRate?: number;
  /** Epochs without a better validation MRR before stopping. Default: 4. */
  patience?: number;
  seed?: number;
  /** Learn only from lists with a click: a list nobody clicked says nothing about order. Default: true. */
  clickedListsOnly?: boolean;
  onEpoch?: (log: { epoch: number; loss: number; valid: ListMetrics; seconds: number }) => void;
}

/** Longest list a training batch holds; longer lists train on their first slots. */
const MAX_LIST_SLOTS = 64;

/** Mean and standard deviation of each feature column. */
export function featureMoments(x: Float32Array, width: number): { mean: number[]; std: number[] } {
  const n = x.length / width;
  const mean = new Array<number>(width).fill(0);
  const sq = new Array<number>(width).fill(0);
  for (let i = 0; i < x.length; i++) {
    mean[i % width]! += x[i]!;
    sq[i % width]! += x[i]! * x[i]!;
  }
  for (let j = 0; j < width; j++) {
    mean[j] = mean[j]! / Math.max(1, n);
    sq[j] = Math.sqrt(Math.max(0, sq[j]! / Math.max(1, n) - mean[j]! ** 2));
  }
  return { mean, std: sq.map((s) => (s > 1e-6 ? s : 1)) };
}

/** Ranking quality of a re-ranker on labelled lists (lists without a click are skipped). */
export function evaluateLists(reranker: Reranker, lists: readonly LabelledList[]): ListMetrics {
  const ranks: number[] = [];
  for (const l of lists) {
    if (!l.labels.some((y) => y > 0)) continue;
    ranks.push(clickedRank(reranker.predict(l.features), l.labels)!);
  }
  return listMetrics(ranks);
}

/**
 * Pretrains the re-ranker on a population's labelled lists: binary cross-entropy, Adam,
 * early stopping on the validation lists' MRR (the best epoch's weights are kept).
 */
export async function pretrainReranker(
  train: readonly LabelledList[],
  valid: readonly LabelledList[],
  population: PopulationCard,
  options: PretrainOptions = {},
): Promise<{ reranker: Reranker; epochs: number; bestEpoch: number; valid: ListMetrics }> {
  const width = RERANK_FEATURE_COUNT;
  const used = options.clickedListsOnly === false ? train : train.filter((l) => l.labels.some((v) => v > 0));
  const { x } = stackLists(used, width);
  const { mean, std } = featureMoments(x, width);
  const card: RerankerCard = {
    format: 'localshelf-reranker/1',
    version: 'unsaved',
    features: [...RERANK_FEATURE_NAMES],
    featureMean: mean,
    featureStd: std,
    population,
    training: {},
  };
  const reranker = new Reranker(createRerankerNet(width, options.seed ?? 7), card);
  // Batches of whole lists, each padded to the longest list (a mask drops the padding): every
  // list weighs the same in a step, whatever the shuffle.
  const slots = Math.min(MAX_LIST_SLOTS, Math.max(1, ...used.map((l) => l.labels.length)));
  const standardised = used.map((l) => reranker.standardise(l.features));
  const listsPerBatch = Math.max(1, Math.round((options.batchSize ?? 512) / slots));
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3);
  const variables = reranker.net.trainableWeights.map((w) => w.read() as tf.Variable);
  const random = rng(options.seed ?? 7);
  const order = Array.from({ length: used.length }, (_, i) => i);
  let best = { mrr: -Infinity, epoch: 0, weights: reranker.weights(), valid: evaluateLists(reranker, valid) };
  let epoch = 0;
  const bx = new Float32Array(listsPerBatch * slots * width);
  const by = new Float32Array(listsPerBatch * slots);
  const bm = new Float32Array(listsPerBatch * slots);
  try {
    for (; epoch < (options.epochs ?? 30); epoch++) {
      const started = performance.now();
      shuffleInPlace(order, random);
      let lossSum = 0;
      let steps = 0;
      for (let start = 0; start + listsPerBatch <= order.length; start += listsPerBatch) {
        bx.fill(0);
        by.fill(0);
        bm.fill(0);
        for (let k = 0; k < listsPerBatch; k++) {
          const index = order[start + k]!;
          const n = Math.min(slots, used[index]!.labels.length);
          bx.set(standardised[index]!.subarray(0, n * width), k * slots * width);
          by.set(used[index]!.labels.subarray(0, n), k * slots);
          bm.fill(1, k * slots, k * slots + n);
        }
        const loss = tf.tidy(() => {
          const xt = tf.tensor2d(bx, [listsPerBatch * slots, width]);
          const yt = tf.tensor1d(by);
          const mt = tf.tensor1d(bm);
          return optimizer.minimize(
            () => tf.losses.sigmoidCrossEntropy(yt, logits(reranker.net, xt), mt) as tf.Scalar,
            true,
            variables,
          )!;
        });
        lossSum += (await loss.data())[0]!;
        loss.dispose();
        steps++;
      }
      const metrics = evaluateLists(reranker, valid);
      options.onEpoch?.({
        epoch: epoch + 1,
        loss: lossSum / Math.max(1, steps),
        valid: metrics,
        seconds: (performance.now() - started) / 1000,
      });
      if (metrics.MRR > best.mrr)
        best = { mrr: metrics.MRR, epoch: epoch + 1, weights: reranker.weights(), valid: metrics };
      else if (epoch + 1 - best.epoch >= (options.patience ?? 4)) {
        epoch++;
        break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  reranker.setWeights(best.weights);
  return { reranker, epochs: epoch, bestEpoch: best.epoch, valid: best.valid };
}
