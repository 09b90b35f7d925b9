import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel, getEncoder, itemMatrix, scoreAll, scoreBatch, userRepresentation } from './model.ts';
import { encodeHistory, type EncodedHistory } from './history.ts';
import { evaluate, train } from './train.ts';
import { loadPretrained } from './pretrained.ts';
import { contentFeatures } from './content.ts';
import type { CatalogItem } from '../catalog/schema.ts';

const hist = (items: number[]): EncodedHistory => ({
  items: Int32Array.from(items),
  kinds: new Int32Array(items.length).fill(5),
  recency: new Int32Array(items.length).fill(1),
});

describe('LocalShelf model', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('learns a deterministic next item (i → i+1 mod 12)', async () => {
    const n = 12;
    const model = createModel({ numItems: n, dim: 16, maxLen: 6, blocks: 1, dropout: 0, seed: 3 });
    const sequences: EncodedHistory[] = [];
    for (let s = 0; s < n; s++) sequences.push(hist(Array.from({ length: 6 }, (_, k) => ((s + k) % n) + 1)));
    const validation = [0, 5, 9].map((s) => ({
      history: hist([s + 1, ((s + 1) % n) + 1]),
      target: ((s + 2) % n) + 1,
    }));
    const gen = train(model, sequences, validation, {
      epochs: 50,
      batchSize: 12,
      learningRate: 0.02,
      patience: 50,
      // The full softmax at a constant rate, as this test was written (the defaults sample negatives).
      negatives: 0,
      warmupEpochs: 0,
      lrDecay: 1,
      seed: 1,
    });
    let next = await gen.next();
    while (!next.done) next = await gen.next();
    expect(next.value.valid['HR@5']).toBe(1);
    const scores = scoreAll(model, hist([3, 4, 5]));
    expect(scores.length).toBe(n);
    // Item 6 follows 5 (score index 5); history items are excluded from a recommendation.
    const candidates = Array.from(scores, (v, i) => ({ v, i })).filter(({ i }) => ![2, 3, 4].includes(i));
    candidates.sort((a, b) => b.v - a.v);
    expect(candidates[0]?.i).toBe(5);
    expect(evaluate(model, validation)['NDCG@10']).toBeGreaterThan(0.9);
  }, 30_000);

  it('rejects a learning-rate decay outside (0, 1] by name', async () => {
    const model = createModel({ numItems: 4, dim: 8, maxLen: 3, blocks: 1 });
    const gen = train(model, [hist([1, 2, 3])], [], { lrDecay: 1.5 });
    await expect(gen.next()).rejects.toThrow(/"lrDecay" is 1.5; expected a number in \(0, 1\]/);
  });

  it('keeps tensor memory flat across scoring calls', () => {
    const model = createModel({ numItems: 20, dim: 8, maxLen: 5 });
    scoreAll(model, hist([1, 2]));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) scoreBatch(model, [hist([1, 2, 3]), hist([4])]);
    userRepresentation(model, [hist([1])]).dispose();
    itemMatrix(model).dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('saves and loads to identical scores', async () => {
    const model = createModel({ numItems: 30, dim: 8, maxLen: 5, heads: 2, seed: 9 });
    const h = hist([3, 1, 7]);
    const before = scoreAll(model, h);
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const vocabulary = Array.from({ length: 30 }, (_, i) => `sku-${i}`);
    const loaded = await loadPretrained({
      handler: tf.io.fromMemory(saved as tf.io.ModelArtifacts),
      meta: { vocabulary },
    });
    expect(Array.from(scoreAll(loaded.model, h))).toEqual(Array.from(before));
    expect(loaded.index.get('sku-2')).toBe(3);
    await expect(
      loadPretrained({
        handler: tf.io.fromMemory(saved as tf.io.ModelArtifacts),
        meta: { vocabulary: ['a'] },
      }),
    ).rejects.toThrow(/vocabulary has 1 items; expected 30/);
  });

  it('scores items never seen in training by their content', () => {
    const item = (id: string, title: string, brand: string): CatalogItem => ({
      id,
      title,
      brand,
      category: ['Outdoors', 'Tents'],
      price: 120,
      currency: 'EUR',
      tags: [],
      image: '',
      description: '',
      inStock: true,
    });
    const catalog = [
      item('a', 'Trail tent', 'Acme'),
      item('b', 'Trail tent XL', 'Acme'),
      item('c', 'Rain jacket', 'Other'),
    ];
    const model = createModel({
      numItems: 3,
      dim: 8,
      maxLen: 4,
      hashBuckets: 64,
      tokensPerItem: 8,
      dropout: 0,
    });
    const enc = getEncoder(model);
    const f = contentFeatures(['a', 'b', 'c'], catalog, 64, 8, 16);
    enc.setContentFeatures(f.tokens, f.price);
    enc.zeroItemRows([1, 2, 3]); // no behaviour at all: content only
    const m = itemMatrix(model).arraySync();
    const dist = (x: number[], y: number[]) => Math.hypot(...x.map((v, i) => v - (y[i] ?? 0)));
    // Items sharing title words and brand sit closer than an unrelated item.
    expect(dist(m[0] as number[], m[1] as number[])).toBeLessThan(dist(m[0] as number[], m[2] as number[]));
    const scores = scoreAll(
      model,
      encodeHistory(
        [{ itemId: 'a', kind: 'view', ts: 1 }],
        new Map([
          ['a', 1],
          ['b', 2],
          ['c', 3],
        ]),
        4,
      ),
    );
    expect(scores.every(Number.isFinite)).toBe(true);
  });
});
