import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { calibrateComplementPrior, complementTable } from './complement-prior.ts';
import { createModel, getEncoder, scoreBatch } from './model.ts';
import { loadPretrained } from './pretrained.ts';
import type { EncodedHistory } from './history.ts';

const item = (id: string, complements: string[] = []): CatalogItem => ({
  id,
  title: id,
  brand: 'Acme',
  category: ['Outdoors'],
  price: 10,
  currency: 'EUR',
  tags: [],
  image: '',
  description: '',
  inStock: true,
  complements,
});

const hist = (items: number[]): EncodedHistory => ({
  items: Int32Array.from(items),
  kinds: new Int32Array(items.length).fill(1),
  recency: new Int32Array(items.length).fill(1),
});

/** 12 items; item i goes with i+1 and i+2 (mod 12), as vocabulary indices 1..12. */
function linkedModel() {
  const vocabulary = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const catalog = vocabulary.map((id, i) => item(id, [`p${(i + 1) % 12}`, `p${(i + 2) % 12}`]));
  const model = createModel({ numItems: 12, dim: 8, maxLen: 4, blocks: 1, complementsPerItem: 2, seed: 5 });
  getEncoder(model).setComplements(complementTable(vocabulary, catalog, 2));
  return { model, vocabulary };
}

describe('complement prior', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('tables complements by vocabulary index, dropping unknown ids and self links, capped per item', () => {
    const catalog = [item('tent', ['bag', 'gone', 'tent', 'mat', 'bag']), item('bag'), item('mat')];
    const table = complementTable(['tent', 'bag', 'mat'], catalog, 2);
    expect(Array.from(table)).toEqual([0, 0, 2, 3, 0, 0, 0, 0]);
  });

  it('adds the bonus of each recent position to what goes with it', () => {
    const { model } = linkedModel();
    const enc = getEncoder(model);
    const h = hist([5, 1]); // latest 1 (goes with 2, 3); before it 5 (goes with 6, 7)
    const before = scoreBatch(model, [h]);
    enc.setComplementBonus([2, 0.5, 0.5]);
    const after = scoreBatch(model, [h]);
    const delta = Array.from(after, (v, i) => Math.round((v - (before[i] as number)) * 1000) / 1000);
    expect(delta).toEqual([0, 2, 2, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0]);
    expect(() => enc.setComplementBonus([1, Number.NaN, 0])).toThrow(
      /got \[1, NaN, 0\]; expected 3 finite numbers/,
    );
  });

  it('calibrates a bonus when shoppers follow the links, and none when they do not', () => {
    const { model } = linkedModel();
    const enc = getEncoder(model);
    const score = (hs: readonly { items: Int32Array }[]) => scoreBatch(model, hs as EncodedHistory[]);
    const following = Array.from({ length: 12 }, (_, i) => ({
      history: hist([i + 1]),
      target: ((i + 1) % 12) + 1,
    }));
    const followed = calibrateComplementPrior(enc, following, score);
    expect(followed.bonus[0]).toBeGreaterThan(0);
    expect(followed.after).toBeGreaterThan(followed.before);
    // With the bonus every target ranks first or second among the 11 candidates.
    expect(followed.after).toBeGreaterThanOrEqual(1 / Math.log2(3) - 1e-9);
    enc.setComplementBonus([0, 0, 0]);
    const ignoring = Array.from({ length: 12 }, (_, i) => ({
      history: hist([i + 1]),
      target: ((i + 6) % 12) + 1,
    }));
    const ignored = calibrateComplementPrior(enc, ignoring, score);
    expect(ignored.bonus).toEqual([0, 0, 0]);
    expect(ignored.after).toBe(ignored.before);
  });

  it('travels with the saved weights', async () => {
    const { model, vocabulary } = linkedModel();
    getEncoder(model).setComplementBonus([3, 1, 1]);
    const h = hist([4, 9]);
    const expected = scoreBatch(model, [h]);
    let saved: tf.io.ModelArtifacts | undefined;
    await model.save(
      tf.io.withSaveHandler(async (a) => {
        saved = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const loaded = await loadPretrained({
      handler: tf.io.fromMemory(saved as tf.io.ModelArtifacts),
      meta: { vocabulary },
    });
    expect(Array.from(scoreBatch(loaded.model, [h]))).toEqual(Array.from(expected));
    expect(Array.from(getEncoder(loaded.model).complementPrior()?.bonus ?? [])).toEqual([3, 1, 1]);
  });
});
