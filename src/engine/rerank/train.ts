import * as tf from '@tensorflow/tfjs';
import { rng } from '../model/train.ts';
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
  onEpoch?: (log: { epoch: number; loss: number; valid: ListMetrics; seconds: number }) => void;
}

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
  const { x, y } = stackLists(train, width);
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
  const xs = reranker.standardise(x);
  const rows = y.length;
  const batch = options.batchSize ?? 512;
  const optimizer = tf.train.adam(options.learningRate ?? 1e-3);
  const variables = reranker.net.trainableWeights.map((w) => w.read() as tf.Variable);
  const random = rng(options.seed ?? 7);
  const order = Array.from({ length: rows }, (_, i) => i);
  let best = { mrr: -Infinity, epoch: 0, weights: reranker.weights(), valid: evaluateLists(reranker, valid) };
  let epoch = 0;
  try {
    for (; epoch < (options.epochs ?? 30); epoch++) {
      const started = performance.now();
      for (let i = rows - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let lossSum = 0;
      let steps = 0;
      const bx = new Float32Array(batch * width);
      const by = new Float32Array(batch);
      for (let start = 0; start + batch <= rows; start += batch) {
        for (let k = 0; k < batch; k++) {
          const r = order[start + k]!;
          bx.set(xs.subarray(r * width, (r + 1) * width), k * width);
          by[k] = y[r]!;
        }
        const loss = tf.tidy(() => {
          const xt = tf.tensor2d(bx, [batch, width]);
          const yt = tf.tensor1d(by);
          return optimizer.minimize(
            () => tf.losses.sigmoidCrossEntropy(yt, logits(reranker.net, xt)) as tf.Scalar,
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
      if (metrics.MRR > best.mrr) best = { mrr: metrics.MRR, epoch: epoch + 1, weights: reranker.weights(), valid: metrics };
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
