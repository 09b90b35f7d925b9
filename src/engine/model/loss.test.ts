import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { frozenItemsSoftmaxLoss, fullSoftmaxLoss, gbceLoss, sharedNegativesLoss } from './loss.ts';

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

  it('chunked over positions, the loss and both gradients equal the one-chunk result', () => {
    const hs = tf.randomNormal([7, 5], 0, 1, 'float32', 3) as tf.Tensor2D;
    const es = tf.randomNormal([11, 5], 0, 1, 'float32', 4) as tf.Tensor2D;
    const labels = Int32Array.from([3, 0, 10, 3, 7, 7, 1]);
    const bias = Float32Array.from({ length: 11 }, (_, j) => (j % 3) - 1);
    const run = (chunk: number) =>
      tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor) =>
        fullSoftmaxLoss(a as tf.Tensor2D, b as tf.Tensor2D, labels, bias, chunk),
      )([hs, es]);
    const whole = run(7);
    const expected = referenceLoss(hs.arraySync(), es.arraySync(), Array.from(labels), Array.from(bias));
    expect(whole.value.dataSync()[0]).toBeCloseTo(expected, 5);
    // The gradient against tfjs's own autodiff of the textbook formula.
    const reference = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
      tf.losses.softmaxCrossEntropy(
        tf.oneHot(tf.tensor1d(labels, 'int32'), 11),
        tf.matMul(a, b, false, true).add(tf.tensor1d(bias)),
      ),
    )([hs, es]);
    for (const chunk of [1, 2, 3]) {
      const part = run(chunk);
      expect(part.value.dataSync()[0]).toBeCloseTo(whole.value.dataSync()[0] as number, 5);
      part.grads.forEach((g, i) => {
        const diff = tf.max(tf.abs(g.sub(whole.grads[i] as tf.Tensor))).dataSync()[0] as number;
        expect(diff).toBeLessThan(1e-6);
        const vsRef = tf.max(tf.abs(g.sub(reference[i] as tf.Tensor))).dataSync()[0] as number;
        expect(vsRef).toBeLessThan(1e-5);
      });
    }
  });

  it('names a bad label or chunk size', () => {
    expect(() => fullSoftmaxLoss(tf.tensor2d(h), tf.tensor2d(items), Int32Array.from([2, 4]))).toThrow(
      /label 4 at position 1; expected an item index in \[0, 4\)/,
    );
    expect(() =>
      fullSoftmaxLoss(tf.tensor2d(h), tf.tensor2d(items), Int32Array.from([2, 0]), undefined, 0),
    ).toThrow(/chunkRows is 0/);
  });

  it('gBCE matches a hand-computed loss and skips a negative equal to the target', () => {
    const labels = Int32Array.from([2, 0]);
    const negatives = Int32Array.from([3, 0]);
    const t = 0.75;
    const alpha = 2 / 3;
    const beta = alpha * (t * (1 - 1 / alpha) + 1 / alpha);
    const dot = (a: number[], b: number[]) => a.reduce((s, v, d) => s + v * (b[d] as number), 0);
    const logSig = (x: number) => -Math.log(1 + Math.exp(-x));
    let total = 0;
    h.forEach((row, p) => {
      const y = labels[p] as number;
      total -= beta * logSig(dot(row, items[y] as number[]));
      for (const n of negatives) if (n !== y) total -= logSig(-dot(row, items[n] as number[]));
    });
    const got = gbceLoss(tf.tensor2d(h), tf.tensor2d(items), labels, negatives, 4, t).dataSync()[0];
    expect(got).toBeCloseTo(total / 2, 5);
  });

  it("the frozen-items loss (the adapter's) matches weighted cross-entropy by autodiff, value and gradient", () => {
    const labels = [2, 0];
    const weights = [0.25, 0.75];
    const E = tf.tensor2d(items);
    const ET = E.transpose() as tf.Tensor2D;
    const targets = tf.gather(E, tf.tensor1d(labels, 'int32')) as tf.Tensor2D;
    const w = tf.tensor1d(weights);
    const autodiff = (u: tf.Tensor) =>
      tf.sum(
        tf.mul(tf.sub(tf.logSumExp(tf.matMul(u as tf.Tensor2D, ET), 1), tf.sum(tf.mul(u, targets), 1)), w),
      );
    const fast = (u: tf.Tensor) => frozenItemsSoftmaxLoss(u as tf.Tensor2D, E, ET, targets, w);
    const u = tf.tensor2d(h);
    const expected = weights.reduce((s, wb, b) => s + wb * referenceLoss([h[b]!], items, [labels[b]!]), 0);
    expect(fast(u).dataSync()[0]).toBeCloseTo(expected, 5);
    expect(autodiff(u).dataSync()[0]).toBeCloseTo(expected, 5);
    const [gFast, gAuto] = [tf.grad(fast)(u), tf.grad(autodiff)(u)];
    const a = Array.from(gFast.dataSync());
    const b = Array.from(gAuto.dataSync());
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
    expect(a.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  });

  it('the frozen-items loss with per-item offsets (the blend and prior) matches autodiff of the offset logits', () => {
    const labels = [2, 0];
    const weights = [0.4, 0.6];
    const offsetRows = [
      [0.5, -1, 2, 0],
      [0, 0.3, -0.2, 1.5],
    ];
    const E = tf.tensor2d(items);
    const ET = E.transpose() as tf.Tensor2D;
    const targets = tf.gather(E, tf.tensor1d(labels, 'int32')) as tf.Tensor2D;
    const w = tf.tensor1d(weights);
    const all = tf.tensor2d(offsetRows);
    const targetOffsets = tf.tensor1d(labels.map((y, b) => offsetRows[b]![y]!));
    const autodiff = (u: tf.Tensor) =>
      tf.sum(
        tf.mul(
          tf.sub(
            tf.logSumExp(tf.add(tf.matMul(u as tf.Tensor2D, ET), all), 1),
            tf.add(tf.sum(tf.mul(u, targets), 1), targetOffsets),
          ),
          w,
        ),
      );
    const fast = (u: tf.Tensor) =>
      frozenItemsSoftmaxLoss(u as tf.Tensor2D, E, ET, targets, w, { all, targets: targetOffsets });
    const plain = (u: tf.Tensor) => frozenItemsSoftmaxLoss(u as tf.Tensor2D, E, ET, targets, w);
    const u = tf.tensor2d(h);
    const expected = weights.reduce(
      (s, wb, b) => s + wb * referenceLoss([h[b]!], items, [labels[b]!], offsetRows[b]),
      0,
    );
    expect(fast(u).dataSync()[0]).toBeCloseTo(expected, 5);
    // The offsets change the loss (so the test would notice them being dropped).
    expect(Math.abs(plain(u).dataSync()[0]! - expected)).toBeGreaterThan(0.05);
    const [gFast, gAuto] = [tf.grad(fast)(u), tf.grad(autodiff)(u)];
    const a = Array.from(gFast.dataSync());
    const b = Array.from(gAuto.dataSync());
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
  });
});
