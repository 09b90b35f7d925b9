import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EncodedHistory } from './history.ts';
import { createModel } from './model.ts';
import { train, type TrainOptions } from './train.ts';

const hist = (items: number[]): EncodedHistory => ({
  items: Int32Array.from(items),
  kinds: new Int32Array(items.length).fill(5),
  recency: new Int32Array(items.length).fill(1),
});

describe('training memory', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const losses: [string, TrainOptions][] = [
    ['the full softmax', { negatives: 0 }],
    ['shared negatives with logQ', { negatives: 5, logQ: true }],
    ['gBCE', { negatives: 5, loss: 'gbce' }],
  ];
  for (const [name, options] of losses)
    it(`leaves no tensors behind after a run with ${name}, warm-up and plateau decay`, async () => {
      const model = createModel({ numItems: 15, dim: 8, maxLen: 6, blocks: 1, seed: 2 });
      const sequences = Array.from({ length: 20 }, (_, s) =>
        hist(Array.from({ length: 2 + (s % 5) }, (_, k) => ((s * 3 + k) % 15) + 1)),
      );
      const validation = [{ history: hist([1, 2]), target: 3 }];
      const before = tf.memory().numTensors;
      const gen = train(model, sequences, validation, {
        ...options,
        epochs: 4,
        batchSize: 8,
        learningRate: 0.01,
        warmupEpochs: 1,
        lrDecay: 0.5,
        lrPatience: 1,
      });
      let next = await gen.next();
      while (!next.done) next = await gen.next();
      expect(next.value.epochs).toBeGreaterThan(0);
      expect(next.value.epochMs.length).toBe(next.value.epochs);
      expect(tf.memory().numTensors).toBe(before);
    });

  it('names gBCE without negatives as a bad combination', async () => {
    const model = createModel({ numItems: 4, dim: 8, maxLen: 3, blocks: 1 });
    const gen = train(model, [hist([1, 2, 3])], [], { loss: 'gbce', negatives: 0 });
    await expect(gen.next()).rejects.toThrow(/gBCE needs sampled negatives/);
  });
});
