import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RERANK_FEATURE_COUNT, RERANK_FEATURE_NAMES, type RerankFeature } from './features.ts';
import { fineTuneReranker, priorCorrectionWeights } from './finetune.ts';
import type { LabelledList } from './lists.ts';
import type { Reranker } from './model.ts';
import { pretrainReranker } from './train.ts';

const W = RERANK_FEATURE_COUNT;
const col = (name: RerankFeature) => RERANK_FEATURE_NAMES.indexOf(name);

/**
 * A hand-made list of four candidates: the one at `clicked` is clicked. Each candidate carries
 * one of two signals, `carts` or `brand_share`; the clicked one carries `signal`, the others the
 * other one. The slot feature is set too, so lists differ.
 */
function handList(clicked: number, signal: 'carts' | 'brand_share'): LabelledList {
  const other = signal === 'carts' ? 'brand_share' : 'carts';
  const features = new Float32Array(4 * W);
  const labels = new Float32Array(4);
  for (let i = 0; i < 4; i++) {
    features[i * W + col('position')] = i / 25;
    features[i * W + col(i === clicked ? signal : other)] = 1;
  }
  labels[clicked] = 1;
  return { list: { shelf: 'for-you', ts: 0, candidates: [] }, features, labels };
}

const lists = (n: number, signal: 'carts' | 'brand_share', offset = 0) =>
  Array.from({ length: n }, (_, k) => handList((k + offset) % 4, signal));

let shipped: Reranker;

describe('re-ranker fine-tuning from the shipped weights', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    // The "population": shoppers click what carries brand_share, never what carries carts.
    const population = { items: [], shown: [], clicks: [], clickRate: 0.25 };
    shipped = (
      await pretrainReranker(lists(160, 'brand_share'), lists(20, 'brand_share', 1), population, {
        epochs: 15,
        batchSize: 32,
        learningRate: 0.01,
        patience: 15,
      })
    ).reranker;
  });

  it('corrects the shopper’s click rate to the global one', () => {
    const w = priorCorrectionWeights([1, 0, 0, 0], 0.1);
    // Local rate .25: positives weigh .1/.25, negatives .9/.75.
    expect(w[0]).toBeCloseTo(0.4, 6);
    expect(w[1]).toBeCloseTo(1.2, 6);
    const weighted = (w[0]! * 1) / Array.from(w).reduce((s, x) => s + x, 0);
    expect(weighted).toBeCloseTo(0.1, 6);
    // A shopper who clicks more than the population counts less per click, and the other way round.
    expect(priorCorrectionWeights([1, 1, 0, 0], 0.1)[0]).toBeLessThan(
      priorCorrectionWeights([1, 0, 0, 0, 0, 0, 0, 0], 0.1)[0]!,
    );
    // Nothing to correct without both classes.
    expect(Array.from(priorCorrectionWeights([0, 0, 0], 0.1))).toEqual([1, 1, 1]);
    expect(Array.from(priorCorrectionWeights([1, 1], 0.1))).toEqual([1, 1]);
  });

  it('accepts an update that ranks this shopper’s held-back clicks better than the shipped re-ranker', async () => {
    const before = await shipped.weights();
    const tensors = tf.memory().numTensors;
    // This shopper clicks what they carted, unlike the population.
    const { run, tuned } = await fineTuneReranker(shipped, lists(15, 'carts'), {
      steps: 40,
      learningRate: 0.01,
    });
    expect(run.accepted).toBe(true);
    expect(run.reason).toMatch(/^accepted: held-back MRR \d\.\d{3} vs shipped \d\.\d{3}/);
    expect(run.heldBackLists).toBe(3);
    expect(run.trainLists).toBe(12);
    expect(run.after.MRR).toBeGreaterThan(run.before.MRR);
    expect(run.after.auc).toBeGreaterThan(run.before.auc);
    expect(run.bestStep).toBeGreaterThan(0);
    expect(run.localClickRate).toBeCloseTo(0.25, 6);
    expect(run.globalClickRate).toBeCloseTo(0.25, 6);
    expect(tuned).not.toBeNull();
    // The candidate is a copy: the shipped weights never move.
    expect(await shipped.weights()).toEqual(before);
    expect(await tuned!.weights()).not.toEqual(before);
    tuned!.dispose();
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('rejects an update that the newest held-back lists contradict, and keeps the shipped weights', async () => {
    const tensors = tf.memory().numTensors;
    // Trained on cart clicks, but the newest lists go back to the population's habit.
    const { run, tuned } = await fineTuneReranker(
      shipped,
      [...lists(12, 'carts'), ...lists(3, 'brand_share')],
      {
        steps: 40,
        learningRate: 0.01,
      },
    );
    expect(run.accepted).toBe(false);
    expect(tuned).toBeNull();
    // The rejected candidate's own held-back score, not the shipped score twice.
    expect(run.bestStep).toBeGreaterThan(0);
    expect(run.reason).toMatch(
      /^rejected: no step beat the shipped re-ranker on the 3 newest clicked lists \(best step \d+: MRR/,
    );
    expect(run.after.logLoss).not.toBe(run.before.logLoss);
    expect(run.after.MRR < run.before.MRR || run.after.logLoss >= run.before.logLoss).toBe(true);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('skips a shopper with too few clicked lists, saying how many it needs', async () => {
    const noClick = handList(0, 'carts');
    noClick.labels.fill(0);
    const { run, tuned } = await fineTuneReranker(shipped, [
      handList(0, 'carts'),
      noClick,
      handList(1, 'carts'),
    ]);
    expect(tuned).toBeNull();
    expect(run.accepted).toBe(false);
    expect(run.steps).toBe(0);
    expect(run.reason).toBe(
      'skipped: 2 lists with a click among the last 3; need 3 (some to learn from, the newest held back)',
    );
  });
});
