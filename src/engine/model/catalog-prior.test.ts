import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { calibrateCatalogPrior, complementTable, leafTable } from './catalog-prior.ts';
import { createModel, getEncoder, scoreBatch } from './model.ts';
import { loadPretrained } from './pretrained.ts';
import type { EncodedHistory } from './history.ts';

const item = (id: string, complements: string[] = [], category = ['Outdoors']): CatalogItem => ({
  id,
  title: id,
  brand: 'Acme',
  category,
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

/** 12 items; item i goes with i+1 and i+2 (mod 12), as vocabulary indices 1..12; leaves: even / odd. */
function linkedModel() {
  const vocabulary = Array.from({ length: 12 }, (_, i) => `p${i}`);
  const catalog = vocabulary.map((id, i) =>
    item(id, [`p${(i + 1) % 12}`, `p${(i + 2) % 12}`], ['Outdoors', i % 2 ? 'Odd' : 'Even']),
  );
  const model = createModel({ numItems: 12, dim: 8, maxLen: 4, blocks: 1, complementsPerItem: 2, seed: 5 });
  getEncoder(model).setCatalogRelations(
    complementTable(vocabulary, catalog, 2),
    leafTable(vocabulary, catalog),
  );
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
    const leaves = leafTable(
      ['tent', 'bag', 'pan', 'gone'],
      [
        item('tent', [], ['Outdoors', 'Tents']),
        item('bag', [], ['Outdoors', 'Bags']),
        item('pan', [], ['Outdoors', 'Tents']),
      ],
    );
    expect(Array.from(leaves)).toEqual([0, 1, 2, 1, 0]);
  });

  it('adds the bonus of each recent position to what goes with it', () => {
    const { model } = linkedModel();
    const enc = getEncoder(model);
    const h = hist([5, 1]); // latest 1 (goes with 2, 3); before it 5 (goes with 6, 7)
    const before = scoreBatch(model, [h]);
    enc.setPriorBonus([2, 0.5, 0.5, 0]);
    const after = scoreBatch(model, [h]);
    const delta = Array.from(after, (v, i) => Math.round((v - (before[i] as number)) * 1000) / 1000);
    expect(delta).toEqual([0, 2, 2, 0, 0, 0.5, 0.5, 0, 0, 0, 0, 0]);
    // Same leaf as the latest item (index 1 = p0, "Even"): every even item gets the leaf bonus.
    enc.setPriorBonus([0, 0, 0, 1]);
    const leaf = scoreBatch(model, [h]);
    expect(Array.from(leaf, (v, i) => Math.round((v - (before[i] as number)) * 1000) / 1000)).toEqual([
      1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0,
    ]);
    expect(() => enc.setPriorBonus([1, Number.NaN, 0, 0])).toThrow(
      /got \[1, NaN, 0, 0\]; expected 4 finite numbers/,
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
    const followed = calibrateCatalogPrior(enc, following, score);
    expect(followed.bonus[0]).toBeGreaterThan(0);
    expect(followed.after).toBeGreaterThan(followed.before);
    // With the bonus every target ranks first or second among the 11 candidates.
    expect(followed.after).toBeGreaterThanOrEqual(1 / Math.log2(3) - 1e-9);
    enc.setPriorBonus([0, 0, 0, 0]);
    const ignoring = Array.from({ length: 12 }, (_, i) => ({
      history: hist([i + 1]),
      target: ((i + 5) % 12) + 1, // another leaf, not a complement
    }));
    const ignored = calibrateCatalogPrior(enc, ignoring, score);
    expect(ignored.bonus).toEqual([0, 0, 0, 0]);
    expect(ignored.after).toBe(ignored.before);
  });

  it('travels with the saved weights', async () => {
    const { model, vocabulary } = linkedModel();
    getEncoder(model).setPriorBonus([3, 1, 1, 0.5]);
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
    expect(Array.from(getEncoder(loaded.model).catalogPrior()?.bonus ?? [])).toEqual([3, 1, 1, 0.5]);
  });
});
