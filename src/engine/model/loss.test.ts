import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fullSoftmaxLoss, sharedNegativesLoss } from './loss.ts';

/** Reference cross-entropy computed by hand in plain numbers. */
function referenceLoss(h: number[][], items: number[][], labels: number[], bias: number[] = []): number {
  let total = 0;
  h.forEach((row, p) => {
    const logits = items.map((e, j) => e.reduce((s, v, d) => s + v * (row[d] as number), 0) + (bias[j] ?? 0));
    const max = Math.max(...logits);
    const lse = Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0)) + max;
    total += lse - (logits[labels[p] as number] as number);
  });
  return total / h.length;
}

describe('softmax losses', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const h = [
    [0.5, -1, 0.2],
    [1.5, 0.3, -0.7],
  ];
  const items = [
    [0.1, 0.2, 0.3],
    [-0.4, 0.5, 0.1],
    [0.9, -0.2, 0.4],
    [0.0, 0.7, -0.6],
  ];

  it('full softmax matches a hand-computed cross-entropy, with and without a logit bias', () => {
    const labels = Int32Array.from([2, 0]);
    const plain = fullSoftmaxLoss(tf.tensor2d(h), tf.tensor2d(items), labels).dataSync()[0];
    expect(plain).toBeCloseTo(referenceLoss(h, items, [2, 0]), 5);
    const bias = [0.3, -1, 0, 2];
    const biased = fullSoftmaxLoss(
      tf.tensor2d(h),
      tf.tensor2d(items),
      labels,
      Float32Array.from(bias),
    ).dataSync()[0];
    expect(biased).toBeCloseTo(referenceLoss(h, items, [2, 0], bias), 5);
  });

  it('logQ lowers each candidate logit by log of its inclusion chance', () => {
    const labels = Int32Array.from([2, 0]);
    const negatives = Int32Array.from([3, 1]);
    const chance = [0.9, 0.2, 0.5, 0.1];
    const corrected = sharedNegativesLoss(
      tf.tensor2d(h),
      tf.tensor2d(items),
      labels,
      negatives,
      (j) => chance[j] as number,
    );
    // Candidates in order: the batch positives 2, 0, then negatives 3, 1.
    const order = [2, 0, 3, 1];
    const expected = referenceLoss(
      h,
      order.map((j) => items[j] as number[]),
      [0, 1],
      order.map((j) => -Math.log(chance[j] as number)),
    );
    expect(corrected.dataSync()[0]).toBeCloseTo(expected, 5);
    // A chance equal for every item shifts all logits alike: the loss does not change.
    const flat = sharedNegativesLoss(tf.tensor2d(h), tf.tensor2d(items), labels, negatives, () => 0.3);
    const none = sharedNegativesLoss(tf.tensor2d(h), tf.tensor2d(items), labels, negatives);
    expect(flat.dataSync()[0]).toBeCloseTo(none.dataSync()[0] as number, 5);
  });
});
