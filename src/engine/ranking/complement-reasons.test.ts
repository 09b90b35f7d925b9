import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { complementTable, leafTable } from '../model/catalog-prior.ts';
import { createModel, getEncoder } from '../model/model.ts';
import { ModelItemSpace } from './model-space.ts';
import { ShelfBuilder } from './shelves.ts';

const item = (id: string, title: string, complements: string[] = []): CatalogItem => ({
  id,
  title,
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

describe('"for you" with the complement prior', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const catalog = [
    item('tent', 'Trail tent', ['bag']),
    item('bag', 'Down sleeping bag'),
    ...Array.from({ length: 10 }, (_, i) => item(`x${i}`, `Other ${i}`)),
  ];
  const vocabulary = catalog.map((c) => c.id);
  const context = {
    steps: [{ itemId: 'tent', kind: 'view' as const, ts: 1 }],
    inCart: new Set<string>(),
    purchased: new Set<string>(),
  };

  async function shelfWithBonus(bonus: number[]) {
    const model = createModel({
      numItems: vocabulary.length,
      dim: 8,
      maxLen: 4,
      blocks: 1,
      complementsPerItem: 2,
      seed: 3,
    });
    const encoder = getEncoder(model);
    encoder.setCatalogRelations(complementTable(vocabulary, catalog, 2), leafTable(vocabulary, catalog));
    encoder.setPriorBonus(bonus);
    const space = await ModelItemSpace.create(model, vocabulary, null);
    return new ShelfBuilder(space, new Map(catalog.map((c) => [c.id, c]))).build(
      { kind: 'for-you', limit: 3 },
      context,
    );
  }

  it('ranks what goes with the latest item first and says why', async () => {
    const shelf = await shelfWithBonus([100, 0, 0, 0]);
    const top = shelf.items[0];
    expect(top?.itemId).toBe('bag');
    expect(top?.reasons[0]).toEqual({ type: 'complement', itemId: 'tent', title: 'Trail tent' });
    expect(top?.explanation).toBe('Goes with Trail tent, which you viewed');
    // Items without the bonus keep the model's own reasons.
    expect(shelf.items.slice(1).every((r) => r.reasons.every((x) => x.type !== 'complement'))).toBe(true);
  });

  it('claims no complement reason when the calibrated bonus is zero', async () => {
    const shelf = await shelfWithBonus([0, 0, 0, 0]);
    expect(shelf.items.flatMap((r) => r.reasons).some((x) => x.type === 'complement')).toBe(false);
  });
});
