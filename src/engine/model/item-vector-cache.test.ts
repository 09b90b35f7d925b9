import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeHistory } from './history.ts';
import { createModel, getEncoder, userRepresentation } from './model.ts';

describe('the inference cache of item vectors', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is reused between forward passes and recomputed after any weight changes', () => {
    const model = createModel({
      numItems: 5,
      dim: 8,
      maxLen: 4,
      hashBuckets: 32,
      tokensPerItem: 4,
      dropout: 0,
      seed: 5,
    });
    const enc = getEncoder(model);
    const index = new Map(['a', 'b', 'c', 'd', 'e'].map((id, i) => [id, i + 1]));
    const history = encodeHistory(
      [
        { itemId: 'a', kind: 'view', ts: 1 },
        { itemId: 'c', kind: 'view', ts: 2 },
      ],
      index,
      4,
    );
    const user = () => {
      const t = userRepresentation(model, [history]);
      const values = Array.from(t.dataSync());
      t.dispose();
      return values;
    };
    const first = user();
    const tensors = tf.memory().numTensors;
    expect(user()).toEqual(first);
    expect(tf.memory().numTensors).toBe(tensors);
    // Change the item embeddings as training or a restore would: the cached table must not be used.
    const weights = model.getWeights();
    const names = model.weights.map((w) => w.originalName ?? w.name);
    const token = names.findIndex((n) => n.endsWith('item_embedding'));
    expect(token).toBeGreaterThanOrEqual(0);
    const changed = weights.map((w, i) => (i === token ? tf.add(w, 0.5) : w));
    model.setWeights(changed);
    const after = user();
    const direct = tf.tidy(() => {
      const h = history;
      const shape: [number, number] = [1, h.items.length];
      const states = enc.encode(
        tf.tensor2d(h.items, shape, 'int32'),
        tf.tensor2d(h.kinds, shape, 'int32'),
        tf.tensor2d(h.recency, shape, 'int32'),
        true,
      );
      return Array.from(states.slice([0, h.items.length - 1, 0], [1, 1, 8]).dataSync());
    });
    expect(after).not.toEqual(first);
    after.forEach((v, i) => expect(v).toBeCloseTo(direct[i]!, 5));
  });
});
