import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerGatherGradient } from './gather-grad.ts';

describe('GatherV2 gradient via scatterND', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    registerGatherGradient();
  });

  it('matches a one-hot matmul reference on axis 0, with repeated indices', () => {
    const table = tf.randomNormal([7, 3], 0, 1, 'float32', 1);
    const idx = tf.tensor2d(
      [
        [1, 4, 1],
        [6, 1, 0],
      ],
      [2, 3],
      'int32',
    );
    const up = tf.randomNormal([2, 3, 3], 0, 1, 'float32', 2);
    const viaGather = tf.grad((x: tf.Tensor) => tf.gather(x, idx).mul(up).sum())(table);
    const viaOneHot = tf.grad((x: tf.Tensor) =>
      tf
        .matMul(tf.oneHot(idx.reshape([6]), 7).toFloat(), x)
        .reshape([2, 3, 3])
        .mul(up)
        .sum(),
    )(table);
    expect(Array.from(viaGather.dataSync())).toEqual(
      Array.from(viaOneHot.dataSync()).map((v) => expect.closeTo(v, 5)),
    );
    expect(viaGather.shape).toEqual([7, 3]);
  });

  it('matches the reference on axis 1', () => {
    const x0 = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 3);
    const idx = tf.tensor1d([4, 4, 2], 'int32');
    const up = tf.randomNormal([2, 3, 3], 0, 1, 'float32', 4);
    const viaGather = tf.grad((x: tf.Tensor) => tf.gather(x, idx, 1).mul(up).sum())(x0);
    // One-hot reference: out[b, j, c] = Σ_i onehot[j, i] x[b, i, c]
    const oh = tf.oneHot(idx, 5).toFloat();
    const viaOneHot = tf.grad((x: tf.Tensor) =>
      tf
        .matMul(oh, x.transpose([1, 0, 2]).reshape([5, 6]))
        .reshape([3, 2, 3])
        .transpose([1, 0, 2])
        .mul(up)
        .sum(),
    )(x0);
    expect(Array.from(viaGather.dataSync())).toEqual(
      Array.from(viaOneHot.dataSync()).map((v) => expect.closeTo(v, 5)),
    );
  });
});
