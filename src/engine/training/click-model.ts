import * as tf from '@tensorflow/tfjs';
import { binaryMetrics, type BinaryMetrics } from '../ranking/binary-metrics.ts';
import { CLICK_FEATURES, type ClickExamples } from './click-features.ts';

/**
 * The classic CTR net, trained on the device on impression → click pairs:
 * dense 50 (relu) → dense 100 (relu) → dense 1 (sigmoid), binary cross-entropy, Adam.
 * It re-ranks the recommender's candidates by how likely this shopper is to click.
 */
export function createClickModel(seed = 11): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const model = tf.sequential({ name: 'localshelf-click' });
  model.add(
    tf.layers.dense({
      inputShape: [CLICK_FEATURES],
      units: 50,
      activation: 'relu',
      kernelInitializer: init(0),
    }),
  );
  model.add(tf.layers.dense({ units: 100, activation: 'relu', kernelInitializer: init(1) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(2) }));
  return model;
}

/** Click probabilities for feature rows (length = rows). */
export function predictClicks(model: tf.LayersModel, features: Float32Array): Float32Array {
  const rows = features.length / CLICK_FEATURES;
  if (rows === 0) return new Float32Array(0);
  const out = tf.tidy(() =>
    (model.predict(tf.tensor2d(features, [rows, CLICK_FEATURES])) as tf.Tensor).reshape([rows]),
  );
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

export interface ClickTrainingReport {
  examples: number;
  heldBack: number;
  positives: number;
  epochs: number;
  losses: number[];
  /** A constant predictor at the training click rate: what the model must beat. */
  baseline: BinaryMetrics | null;
  after: BinaryMetrics | null;
  accepted: boolean;
  reason: string;
}

export interface ClickTrainingOptions {
  /** Fewest impression rows, and fewest clicks, worth training on. Default: 30 rows, 3 clicks. */
  minRows?: number;
  minClicks?: number;
  /** Passes over the rows. Default: 40. */
  epochs?: number;
  /** Adam learning rate. Default: 0.01. */
  learningRate?: number;
}

function rows(data: ClickExamples, from: number, to: number) {
  return {
    features: data.features.subarray(from * CLICK_FEATURES, to * CLICK_FEATURES),
    labels: data.labels.subarray(from, to),
  };
}

/**
 * Trains `model` on all but the most recent fifth of the rows (rows are in time order)
 * and judges it there: kept only if its held-back log loss beats the constant
 * click-rate predictor and its AUC beats chance. The caller keeps `model` only if accepted.
 */
export async function trainClickModel(
  model: tf.LayersModel,
  data: ClickExamples,
  options: ClickTrainingOptions = {},
): Promise<ClickTrainingReport> {
  const n = data.labels.length;
  const positives = data.labels.reduce((s, y) => s + y, 0);
  const empty = {
    examples: n,
    heldBack: 0,
    positives,
    epochs: 0,
    losses: [],
    baseline: null,
    after: null,
    accepted: false,
  };
  if (n < (options.minRows ?? 30) || positives < (options.minClicks ?? 3))
    return {
      ...empty,
      reason: `skipped: ${n} impression rows with ${positives} clicks; need at least ${options.minRows ?? 30} rows and ${options.minClicks ?? 3} clicks`,
    };
  const split = Math.floor(n * 0.8);
  const train = rows(data, 0, split);
  const held = rows(data, split, n);
  const trainRate = train.labels.reduce((s, y) => s + y, 0) / Math.max(1, train.labels.length);
  const baseline = binaryMetrics(new Float32Array(held.labels.length).fill(trainRate), held.labels);
  const optimizer = tf.train.adam(options.learningRate ?? 0.01);
  // Only the click net's own variables: the recommender and the personal head stay untouched.
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const losses: number[] = [];
  const x = tf.tensor2d(train.features, [split, CLICK_FEATURES]);
  const y = tf.tensor2d(train.labels, [split, 1]);
  // Early stopping on the held-back rows: a few hundred rows overfit fast, and an
  // overconfident click model is worse than none.
  let best = { logLoss: Infinity, weights: clickWeights(model) };
  try {
    for (let epoch = 0; epoch < (options.epochs ?? 40); epoch++) {
      const loss = optimizer.minimize(
        () => tf.losses.sigmoidCrossEntropy(y, logits(model, x)) as tf.Scalar,
        true,
        variables,
      );
      losses.push((await loss!.data())[0] ?? NaN);
      loss!.dispose();
      const heldLoss = binaryMetrics(predictClicks(model, held.features), held.labels).logLoss;
      if (heldLoss < best.logLoss) best = { logLoss: heldLoss, weights: clickWeights(model) };
    }
  } finally {
    tf.dispose([x, y]);
    optimizer.dispose();
  }
  restoreClickWeights(model, best.weights);
  const after = binaryMetrics(predictClicks(model, held.features), held.labels);
  const beatsBaseline = after.logLoss < baseline.logLoss;
  const beatsChance = Number.isNaN(after.auc) ? false : after.auc > 0.5;
  const accepted = beatsBaseline && beatsChance;
  const reason = accepted
    ? `accepted: held-back log loss ${after.logLoss.toFixed(4)} < click-rate baseline ${baseline.logLoss.toFixed(4)}, AUC ${after.auc.toFixed(3)}`
    : `rejected: held-back log loss ${after.logLoss.toFixed(4)} vs baseline ${baseline.logLoss.toFixed(4)}, AUC ${Number.isNaN(after.auc) ? 'undefined (one class held back)' : after.auc.toFixed(3)}`;
  return {
    examples: split,
    heldBack: n - split,
    positives,
    epochs: losses.length,
    losses,
    baseline,
    after,
    accepted,
    reason,
  };
}

/** The pre-sigmoid output, for a numerically stable loss: the last layer's sigmoid is undone by computing its input. */
function logits(model: tf.LayersModel, x: tf.Tensor2D): tf.Tensor {
  let h: tf.Tensor = x;
  const layers = model.layers;
  for (let i = 0; i < layers.length - 1; i++) h = layers[i]!.apply(h) as tf.Tensor;
  const last = layers[layers.length - 1] as tf.layers.Layer;
  const [kernel, bias] = last.getWeights();
  return tf.add(tf.matMul(h, kernel!), bias!);
}

/** The click model's weights as plain arrays (saved with the personal weights). */
export function clickWeights(model: tf.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

/** Restores saved click weights; throws naming the tensor whose size is wrong. */
export function restoreClickWeights(model: tf.LayersModel, saved: unknown): void {
  const current = model.getWeights();
  if (!Array.isArray(saved) || saved.length !== current.length)
    throw new Error(
      `saved click model has ${Array.isArray(saved) ? saved.length : 'no'} weight tensors; expected ${current.length}`,
    );
  const tensors = current.map((w, i) => {
    const values = saved[i] as unknown;
    if (
      !Array.isArray(values) ||
      values.length !== w.size ||
      values.some((v) => typeof v !== 'number' || !Number.isFinite(v))
    )
      throw new Error(
        `saved click weight ${i} has ${Array.isArray(values) ? values.length : 'no'} finite values; expected ${w.size}`,
      );
    return tf.tensor(values as number[], w.shape);
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}
