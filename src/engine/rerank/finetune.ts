import * as tf from '@tensorflow/tfjs';
import { binaryMetrics, type BinaryMetrics } from '../metrics/binary.ts';
import { stackLists, type LabelledList } from './lists.ts';
import { clickedRank, listMetrics } from './metrics.ts';
import { logits, type Reranker } from './model.ts';

export interface FineTuneRerankerOptions {
  /** Adam steps at most (full batch). Default: 30. */
  steps?: number;
  /** Adam learning rate. Default: 3e-3. */
  learningRate?: number;
  /** Weight of the L2 pull toward the shipped weights (per parameter, summed). Default: 0.05. */
  l2?: number;
  /** Feature rows to learn from, newest first (older lists are dropped whole). Default: 200. */
  maxRows?: number;
  /** Clicked lists needed: at least one to learn from and one held back. Default: 3. */
  minClickedLists?: number;
  /** Steps between checks on the held-back lists (early stopping). Default: 5. */
  checkEvery?: number;
  /** Which layers learn: the output layer alone (the personal part stays small), or all three. Default: 'last'. */
  layers?: 'last' | 'all';
  /** Also return the weights after the last step, unguarded (benchmarks compare against them). Default: false. */
  keepLast?: boolean;
}

/** The verdict of one fine-tuning run, with the numbers behind it. */
export interface RerankerRun {
  accepted: boolean;
  reason: string;
  trainLists: number;
  trainRows: number;
  heldBackLists: number;
  steps: number;
  bestStep: number;
  losses: number[];
  /** Shipped vs fine-tuned on the held-back lists. */
  before: { MRR: number } & BinaryMetrics;
  after: { MRR: number } & BinaryMetrics;
  /** Click rate of the shopper's training rows, and the global rate it was corrected to. */
  localClickRate: number;
  globalClickRate: number;
  ms: number;
}

export const DEFAULT_FINETUNE: Required<FineTuneRerankerOptions> = {
  steps: 30,
  learningRate: 3e-3,
  l2: 0.05,
  maxRows: 200,
  minClickedLists: 3,
  checkEvery: 5,
  layers: 'last',
  keepLast: false,
};

/**
 * Sample weights that make the shopper's click rate count as the global one: a shopper who
 * clicks more (or less) than the population would otherwise shift every probability, and
 * per-user rates drift (arXiv 2211.01163). Positives get global/local, negatives the
 * complement ratio, so the weighted click rate equals `globalRate` exactly.
 */
export function priorCorrectionWeights(labels: ArrayLike<number>, globalRate: number): Float32Array {
  const n = labels.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += labels[i]! > 0 ? 1 : 0;
  const local = positives / Math.max(1, n);
  const w = new Float32Array(n);
  if (local <= 0 || local >= 1) return w.fill(1);
  const wPos = globalRate / local;
  const wNeg = (1 - globalRate) / (1 - local);
  for (let i = 0; i < n; i++) w[i] = labels[i]! > 0 ? wPos : wNeg;
  return w;
}

function heldScore(reranker: Reranker, held: readonly LabelledList[]): { MRR: number } & BinaryMetrics {
  const ranks: number[] = [];
  const probs: number[] = [];
  const labels: number[] = [];
  for (const l of held) {
    const p = reranker.predict(l.features);
    ranks.push(clickedRank(p, l.labels)!);
    probs.push(...p);
    labels.push(...l.labels);
  }
  return { MRR: listMetrics(ranks).MRR, ...binaryMetrics(probs, labels) };
}

/**
 * Fine-tunes a copy of the shipped re-ranker on one shopper's lists (oldest first):
 * holds back the newest clicked list(s), trains on the earlier rows with the prior-corrected
 * cross-entropy plus an L2 pull toward the shipped weights, stops early on the held-back
 * lists, and accepts only when the held-back MRR of clicked items beats the shipped model's
 * (a tie needs a lower log loss). Returns the candidate (caller owns it) only when accepted.
 */
export async function fineTuneReranker(
  shipped: Reranker,
  lists: readonly LabelledList[],
  options: Partial<FineTuneRerankerOptions> = {},
): Promise<{ run: RerankerRun; tuned: Reranker | null; last?: Reranker }> {
  const o = { ...DEFAULT_FINETUNE, ...options };
  const started = performance.now();
  const globalClickRate = shipped.card.population.clickRate;
  // Newest rows first, up to maxRows, whole lists only.
  const recent: LabelledList[] = [];
  let rowCount = 0;
  for (let i = lists.length - 1; i >= 0; i--) {
    const l = lists[i]!;
    if (rowCount + l.labels.length > o.maxRows && recent.length > 0) break;
    recent.unshift(l);
    rowCount += l.labels.length;
  }
  const clickedAt = recent.flatMap((l, i) => (l.labels.some((y) => y > 0) ? [i] : []));
  const empty = { MRR: NaN, accuracy: NaN, auc: NaN, logLoss: NaN, examples: 0, positives: 0 };
  const skip = (reason: string) => ({
    run: {
      accepted: false,
      reason,
      trainLists: 0,
      trainRows: 0,
      heldBackLists: 0,
      steps: 0,
      bestStep: 0,
      losses: [],
      before: empty,
      after: empty,
      localClickRate: NaN,
      globalClickRate,
      ms: performance.now() - started,
    },
    tuned: null,
  });
  if (clickedAt.length < o.minClickedLists)
    return skip(
      `skipped: ${clickedAt.length} lists with a click among the last ${recent.length}; need ${o.minClickedLists} (some to learn from, the newest held back)`,
    );
  // Hold back the newest fifth of clicked lists (at least one) and everything after the first of them.
  const heldCount = Math.max(1, Math.floor(clickedAt.length / 5));
  const cut = clickedAt[clickedAt.length - heldCount]!;
  const trainLists = recent.slice(0, cut);
  const held = recent.slice(cut).filter((l) => l.labels.some((y) => y > 0));
  const { x, y } = stackLists(trainLists, shipped.width);
  const n = y.length;
  const weights = priorCorrectionWeights(y, globalClickRate);
  const localClickRate = y.reduce((s, v) => s + v, 0) / Math.max(1, n);

  const before = heldScore(shipped, held);
  const tuned = shipped.clone();
  const layers = o.layers === 'all' ? tuned.net.layers : tuned.net.layers.slice(-1);
  const variables = layers.flatMap((layer) => layer.trainableWeights.map((w) => w.read() as tf.Variable));
  const anchor = variables.map((v) => v.clone());
  const optimizer = tf.train.adam(o.learningRate);
  const xt = tf.tensor2d(tuned.standardise(x), [n, shipped.width]);
  const yt = tf.tensor1d(y);
  const wt = tf.tensor1d(weights);
  const losses: number[] = [];
  let best = { step: 0, score: before, weights: tuned.weights() };
  try {
    for (let step = 1; step <= o.steps; step++) {
      const loss = optimizer.minimize(
        () =>
          tf.tidy(() => {
            const bce = tf.losses.sigmoidCrossEntropy(yt, logits(tuned.net, xt), wt);
            const pull = tf.addN(variables.map((v, i) => tf.sum(tf.square(tf.sub(v, anchor[i]!)))));
            return tf.add(bce, tf.mul(o.l2, pull)) as tf.Scalar;
          }),
        true,
        variables,
      )!;
      losses.push((await loss.data())[0]!);
      loss.dispose();
      if (step % o.checkEvery === 0 || step === o.steps) {
        const score = heldScore(tuned, held);
        if (
          score.MRR > best.score.MRR ||
          (score.MRR === best.score.MRR && score.logLoss < best.score.logLoss)
        )
          best = { step, score, weights: tuned.weights() };
      }
    }
  } finally {
    tf.dispose([xt, yt, wt, ...anchor]);
    optimizer.dispose();
  }
  const after = best.score;
  const accepted =
    best.step > 0 && after.MRR >= before.MRR && (after.MRR > before.MRR || after.logLoss < before.logLoss);
  const last = o.keepLast ? tuned.clone() : undefined;
  if (accepted) tuned.setWeights(best.weights);
  else tuned.dispose();
  const reason = accepted
    ? `accepted: held-back MRR ${after.MRR.toFixed(3)} vs shipped ${before.MRR.toFixed(3)}, log loss ${after.logLoss.toFixed(3)} vs ${before.logLoss.toFixed(3)} (${held.length} newest clicked lists held back)`
    : `rejected: no step beat the shipped re-ranker on the ${held.length} newest clicked lists (MRR ${before.MRR.toFixed(3)}, log loss ${before.logLoss.toFixed(3)}); keeping the shipped weights`;
  return {
    run: {
      accepted,
      reason,
      trainLists: trainLists.length,
      trainRows: n,
      heldBackLists: held.length,
      steps: losses.length,
      bestStep: best.step,
      losses,
      before,
      after,
      localClickRate,
      globalClickRate,
      ms: performance.now() - started,
    },
    tuned: accepted ? tuned : null,
    ...(last ? { last } : {}),
  };
}
