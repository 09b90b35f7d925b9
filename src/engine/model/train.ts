import * as tf from '@tensorflow/tfjs';
import { rankCases, summarize } from '../metrics/rank.ts';
import { getEncoder, scoreBatch } from './model.ts';
import type { EncodedHistory } from './history.ts';
import { fullSoftmaxLoss, gbceLoss, sharedNegativesLoss } from './loss.ts';
import { RateSchedule } from './lr-schedule.ts';
import { TRAIN_DEFAULTS } from './defaults.ts';
import { rowOf, type Row, type VocabIndex } from './indices.ts';

/** Held-out next item for early stopping: the model sees `history` and should rank `target` high. */
export interface ValidationCase {
  history: EncodedHistory;
  /** Vocabulary index (1-based, 0 is padding) of the held-out item. */
  target: number;
}

/** How `train()` runs (defaults: TRAIN_DEFAULTS in defaults.ts). */
export interface TrainOptions {
  /** Most passes over the data. Default: 200. */
  epochs?: number;
  /** Sequences per step. Default: 128. */
  batchSize?: number;
  /** Adam learning rate. Default: 0.003. */
  learningRate?: number;
  /** Shared sampled negatives per step; 0 = full softmax over every item. Default: 2048. */
  negatives?: number;
  /** With sampled negatives, correct each logit by its item's chance of being a candidate (logQ). Default: true. */
  logQ?: boolean;
  /** Epochs without a better validation NDCG@10 before stopping. Default: 6. */
  patience?: number;
  /**
   * Learning-rate factor applied when validation NDCG@10 has not improved for `lrPatience`
   * epochs in a row (reduce on plateau); 1 = constant rate. Default: 0.5.
   */
  lrDecay?: number;
  /** Epochs without a better validation score before the rate is lowered (a one-epoch dip is noise). Default: 2. */
  lrPatience?: number;
  /** Epochs over which the rate rises linearly from near 0 to `learningRate` (fractions allowed). Default: 1. */
  warmupEpochs?: number;
  /** Training loss: softmax (full or over shared negatives) or gBCE over shared negatives. Default: 'softmax'. */
  loss?: 'softmax' | 'gbce';
  /** gBCE calibration t in [0, 1] (gSASRec): 0 = plain BCE, 1 = fully calibrated. Default: 0.75. */
  gbceT?: number;
  /** Wall-clock budget in minutes; training stops (keeping the best weights) when spent. Default: Infinity. */
  maxMinutes?: number;
  /** Seed for shuffling and negative sampling. Default: 42. */
  seed?: number;
  /** Validation users scored per call (memory vs speed). Default: 256. */
  evalBatch?: number;
}

// Typed here, where the options are declared: an option the table lacks is a type error.
const DEFAULTS: Required<TrainOptions> = TRAIN_DEFAULTS;

/** The options actually given: an explicit `undefined` falls back to the default, as `??` did. */
function defined(options: TrainOptions): TrainOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as TrainOptions;
}

export type TrainLog =
  | { type: 'step'; epoch: number; step: number; steps: number; loss: number; elapsedMs: number }
  | {
      type: 'epoch';
      epoch: number;
      loss: number;
      valid: Record<string, number>;
      best: boolean;
      elapsedMs: number;
    };

export interface TrainResult {
  epochs: number;
  bestEpoch: number;
  valid: Record<string, number>;
  seconds: number;
  stoppedBy: 'patience' | 'epochs' | 'time';
  /** Wall time of each epoch's training steps, then of its validation scoring, in ms. */
  epochMs: number[];
  validationMs: number[];
  /** Per epoch: did validation NDCG@10 improve (what the rate schedule saw; a refit replays it). */
  improvements: boolean[];
}

/** Small fast PRNG (mulberry32) so shuffles and negatives repeat across runs and platforms. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle driven by `random` (e.g. rng(seed)), so the order repeats for a seed. */
export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

interface Batch {
  rows: number;
  time: number;
  items: Int32Array;
  kinds: Int32Array;
  recency: Int32Array;
  positions: Int32Array; // flat [row * time + t] of every position with a target
  labels: Int32Array; // the target items' rows (Row, 0-based)
}

/**
 * Every prefix of a sequence is a training example (causal attention): input = steps 0..m-2,
 * target = steps 1..m-1. Sequences are grouped by length so padding stays small.
 */
export function makeBatches(
  sequences: readonly EncodedHistory[],
  maxLen: number,
  batchSize: number,
  random: () => number,
): Batch[] {
  const usable = sequences.filter((s) => s.items.length >= 2);
  const order = usable.map((s, i) => ({ i, key: Math.min(s.items.length, maxLen + 1) + random() }));
  order.sort((a, b) => a.key - b.key);
  const batches: Batch[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const group = order.slice(start, start + batchSize).map((o) => usable[o.i] as EncodedHistory);
    const time = Math.max(...group.map((s) => Math.min(s.items.length, maxLen + 1) - 1));
    const rows = group.length;
    const items = new Int32Array(rows * time);
    const kinds = new Int32Array(rows * time);
    const recency = new Int32Array(rows * time);
    const positions: number[] = [];
    const labels: Row[] = [];
    group.forEach((s, r) => {
      const take = Math.min(s.items.length, maxLen + 1);
      const from = s.items.length - take;
      const len = take - 1;
      const offset = r * time + time - len;
      items.set(s.items.subarray(from, from + len), offset);
      kinds.set(s.kinds.subarray(from, from + len), offset);
      recency.set(s.recency.subarray(from, from + len), offset);
      for (let t = 0; t < len; t++) {
        positions.push(offset + t);
        labels.push(rowOf(s.items[from + t + 1] as VocabIndex));
      }
    });
    batches.push({
      rows,
      time,
      items,
      kinds,
      recency,
      positions: Int32Array.from(positions),
      labels: Int32Array.from(labels),
    });
  }
  shuffleInPlace(batches, random);
  return batches;
}

/**
 * HR/NDCG@5/10/20 on validation cases, full ranking with each history's items left out (cases
 * whose target is in their history are skipped by whoever builds them; see rankCases).
 */
export function evaluate(
  model: tf.LayersModel,
  cases: readonly ValidationCase[],
  evalBatch = DEFAULTS.evalBatch,
): Record<string, number> {
  // Averaged in order of history length, as pretraining always has: a model card's validation
  // numbers stay the same to the last bit.
  const byLength = [...cases].sort((a, b) => a.history.items.length - b.history.items.length);
  const outcomes = rankCases(
    byLength,
    getEncoder(model).cfg.numItems,
    (chunk) =>
      scoreBatch(
        model,
        chunk.map((c) => c.history),
      ),
    (c) => c.history.items,
    evalBatch,
  );
  return summarize(outcomes);
}

/**
 * Trains the model on next-item prediction, yielding a log after every step and epoch, and
 * early-stops on validation NDCG@10. The best weights are restored before returning.
 * Stop early by calling `.return()` on the generator (the best weights so far are kept).
 *
 * With `replay` (an earlier run's `improvements`, cut at the epoch it chose), it validates
 * nothing: it trains exactly that many epochs, lowers the rate where that run lowered it, and
 * keeps the last weights. That is a refit: the schedule chosen on validation, rerun on data that
 * now includes the validation items.
 */
export async function* train(
  model: tf.LayersModel,
  sequences: readonly EncodedHistory[],
  validation: readonly ValidationCase[],
  options: TrainOptions = {},
  replay?: readonly boolean[],
): AsyncGenerator<TrainLog, TrainResult> {
  const o = { ...DEFAULTS, ...defined(options) };
  const { batchSize, negatives, patience } = o;
  const epochs = replay ? replay.length : o.epochs;
  const budgetMs = o.maxMinutes * 60_000;
  const random = rng(o.seed);
  const encoder = getEncoder(model);
  const { numItems, maxLen, dim } = encoder.cfg;
  const vars = encoder.trainableWeights.map((w) => w.read() as tf.Variable);
  const warmupEpochs = o.warmupEpochs;
  if (!(warmupEpochs >= 0))
    throw new Error(`train option "warmupEpochs" is ${warmupEpochs}; expected a number ≥ 0`);
  const lossKind = o.loss;
  if (lossKind !== 'softmax' && lossKind !== 'gbce')
    throw new Error(`train option "loss" is ${JSON.stringify(lossKind)}; expected "softmax" or "gbce"`);
  if (lossKind === 'gbce' && negatives <= 0)
    throw new Error(
      'train option "loss" is "gbce" with negatives 0; gBCE needs sampled negatives (negatives > 0)',
    );
  const gbceT = o.gbceT;
  if (!(gbceT >= 0 && gbceT <= 1))
    throw new Error(`train option "gbceT" is ${gbceT}; expected a number in [0, 1]`);
  const baseRate = o.learningRate;
  const optimizer = tf.train.adam(baseRate);
  // Adam reads its rate on every step, so changing it mid-run needs no new optimizer state.
  const rate = optimizer as unknown as { learningRate: number };
  let schedule: RateSchedule | null = null;
  let globalStep = 0;
  const started = Date.now();
  let best: tf.Tensor[] | null = null;
  let bestScore = -Infinity;
  let bestEpoch = 0;
  let bestValid: Record<string, number> = {};
  let since = 0;
  let epoch = 0;
  let stoppedBy: TrainResult['stoppedBy'] = 'epochs';
  const epochMs: number[] = [];
  const validationMs: number[] = [];
  const improvements: boolean[] = [];
  // Share of training targets per item, for the logQ correction.
  const targetShare = new Float64Array(numItems);
  if (o.logQ && negatives > 0) {
    let total = 0;
    for (const s of sequences)
      for (let t = Math.max(1, s.items.length - maxLen); t < s.items.length; t++) {
        targetShare[rowOf(s.items[t] as VocabIndex)]! += 1;
        total++;
      }
    targetShare.forEach((c, i) => (targetShare[i] = c / Math.max(1, total)));
  }
  try {
    while (epoch < epochs) {
      epoch++;
      const epochStart = Date.now();
      const batches = makeBatches(sequences, maxLen, batchSize, random);
      schedule ??= new RateSchedule(
        baseRate,
        Math.round(warmupEpochs * batches.length),
        o.lrDecay,
        o.lrPatience,
      );
      let lossSum = 0;
      let lossCount = 0;
      let outOfTime = false;
      for (let step = 0; step < batches.length; step++) {
        const b = batches[step] as Batch;
        globalStep++;
        rate.learningRate = schedule.rateAt(globalStep);
        const negIds =
          negatives > 0
            ? Int32Array.from({ length: negatives }, () => Math.floor(random() * numItems))
            : null;
        const loss = optimizer.minimize(
          () => {
            const shape: [number, number] = [b.rows, b.time];
            const states = encoder.encode(
              tf.tensor2d(b.items, shape, 'int32'),
              tf.tensor2d(b.kinds, shape, 'int32'),
              tf.tensor2d(b.recency, shape, 'int32'),
              true,
            );
            const h = tf.gather(
              states.reshape([b.rows * b.time, dim]),
              tf.tensor1d(b.positions, 'int32'),
            ) as tf.Tensor2D;
            const table = encoder.itemVectors().slice([1, 0]) as tf.Tensor2D;
            // P(item among this step's candidates) = 1 − P(not a uniform draw) · P(no batch target is it).
            const uniformMiss = 1 - negatives / numItems;
            const inclusion =
              o.logQ && negIds
                ? (item: number) =>
                    1 - uniformMiss * Math.pow(1 - (targetShare[item] as number), b.labels.length)
                : undefined;
            if (lossKind === 'gbce' && negIds) return gbceLoss(h, table, b.labels, negIds, numItems, gbceT);
            return negIds
              ? sharedNegativesLoss(h, table, b.labels, negIds, inclusion)
              : fullSoftmaxLoss(h, table, b.labels);
          },
          true,
          vars,
        );
        const value = loss ? (loss.dataSync()[0] as number) : NaN;
        loss?.dispose();
        if (!Number.isFinite(value))
          throw new Error(
            `training diverged: loss is ${value} at epoch ${epoch}, step ${step + 1}; try a lower learning rate`,
          );
        lossSum += value;
        lossCount++;
        yield {
          type: 'step',
          epoch,
          step: step + 1,
          steps: batches.length,
          loss: lossSum / lossCount,
          elapsedMs: Date.now() - started,
        };
        if (Date.now() - started > budgetMs) {
          outOfTime = true;
          break;
        }
      }
      const validStart = Date.now();
      epochMs.push(validStart - epochStart);
      const valid = replay ? {} : evaluate(model, validation, o.evalBatch);
      validationMs.push(Date.now() - validStart);
      const score = valid['NDCG@10'] ?? 0;
      // Ties count as improvements, so a saturated validation set keeps the latest weights.
      const improved = replay ? (replay[epoch - 1] as boolean) : score >= bestScore;
      improvements.push(improved);
      if (replay) {
        bestEpoch = epoch;
        since = 0;
      } else if (improved) {
        best?.forEach((t) => t.dispose());
        best = vars.map((v) => v.clone());
        bestScore = score;
        bestEpoch = epoch;
        bestValid = valid;
        since = 0;
      } else {
        since++;
      }
      schedule.epochEnd(improved);
      yield {
        type: 'epoch',
        epoch,
        loss: lossSum / Math.max(1, lossCount),
        valid,
        best: improved,
        elapsedMs: Date.now() - started,
      };
      if (outOfTime) {
        stoppedBy = 'time';
        break;
      }
      if (since >= patience) {
        stoppedBy = 'patience';
        break;
      }
    }
  } finally {
    if (best) {
      const snapshot = best;
      vars.forEach((v, i) => v.assign(snapshot[i] as tf.Tensor));
      snapshot.forEach((t) => t.dispose());
    }
    optimizer.dispose();
  }
  return {
    epochs: epoch,
    bestEpoch,
    valid: bestValid,
    seconds: (Date.now() - started) / 1000,
    stoppedBy,
    epochMs,
    validationMs,
    improvements,
  };
}
