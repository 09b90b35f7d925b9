import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { ModelItemSpace } from '../ranking/model-space.ts';
import { coldItemVectors } from './cold-items.ts';
import { contentFeatures } from './content.ts';
import { createModel, getEncoder, itemMatrix } from './model.ts';

const item = (id: string, title: string, category: string[], brand: string, price = 12): CatalogItem => ({
  id,
  title,
  category,
  brand,
  price,
  currency: 'EUR',
  tags: [],
  image: 'x.svg',
  description: '',
  inStock: true,
});

const known = [
  item('sencha', 'Sencha green tea', ['Tea', 'Green'], 'Kyoto Leaf'),
  item('matcha', 'Matcha green tea', ['Tea', 'Green'], 'Kyoto Leaf'),
  item('brazil', 'Brazil coffee beans', ['Coffee', 'Beans'], 'Roastery', 10),
  item('kenya', 'Kenya coffee beans', ['Coffee', 'Beans'], 'Roastery', 15),
];
const vocabulary = known.map((i) => i.id);

function contentModel() {
  const model = createModel({ numItems: 4, dim: 8, maxLen: 4, hashBuckets: 64, tokensPerItem: 8, seed: 7 });
  const f = contentFeatures(vocabulary, known, 64, 8, 16);
  getEncoder(model).setContentFeatures(f.tokens, f.price);
  return model;
}

describe('cold items (catalog items added after pretraining)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('a content model embeds a new item from its own content plus the behaviour of the known items like it', async () => {
    const model = contentModel();
    // The same product under a new id: own content + the id embeddings of the known items sharing its tokens.
    const twin = { ...known[1]!, id: 'matcha-2' };
    const cold = await coldItemVectors(
      model,
      vocabulary,
      [...known, twin],
      itemMatrix(model).dataSync() as Float32Array,
    );
    expect(cold.method).toBe('content');
    expect(cold.ids).toEqual(['matcha-2']);
    const rows = itemMatrix(model).arraySync();
    const ids = getEncoder(model)
      .weights.find((w) => w.originalName.endsWith('/item_embedding'))!
      .read()
      .arraySync() as number[][];
    // Shared token weights: matcha all of them (title words .5 each, category 2 + 3, brand 2), sencha all but "matcha".
    const [wMatcha, wSencha] = [0.5 * 3 + 2 + 3 + 2, 0.5 * 2 + 2 + 3 + 2];
    const expected = rows[1]!.map(
      (v, d) => v - ids[2]![d]! + (wMatcha * ids[2]![d]! + wSencha * ids[1]![d]!) / (wMatcha + wSencha),
    );
    Array.from(cold.vectors).forEach((v, d) => expect(v).toBeCloseTo(expected[d]!, 5));
    model.dispose();
  });

  it('a model without content places a new item among the known items it shares category and brand with', async () => {
    const model = createModel({ numItems: 4, dim: 8, maxLen: 4, seed: 7 });
    const table = itemMatrix(model).dataSync() as Float32Array;
    const newcomer = item('gyokuro', 'Gyokuro', ['Tea', 'Green'], 'Kyoto Leaf');
    const stranger = item('kettle', 'Kettle', ['Equipment'], 'Brewcraft');
    const cold = await coldItemVectors(model, vocabulary, [...known, newcomer, stranger], table);
    expect(cold.method).toBe('neighbours');
    expect(cold.ids).toEqual(['gyokuro']);
    expect(cold.unplaced).toEqual(['kettle']);
    // Sencha and matcha share all its tokens equally: it sits at their mean.
    Array.from(cold.vectors).forEach((v, d) => expect(v).toBeCloseTo((table[d]! + table[8 + d]!) / 2, 5));
    model.dispose();
  });

  it('the item space ranks new items with the known ones, and reads a new item in a history as its nearest known item', async () => {
    const model = contentModel();
    const added = [
      item('gyokuro', 'Gyokuro green tea', ['Tea', 'Green'], 'Kyoto Leaf'),
      item('rwanda', 'Rwanda coffee beans', ['Coffee', 'Beans'], 'Roastery', 14),
    ];
    const space = await ModelItemSpace.create(model, vocabulary, [5, 3, 2, 1], null, [...known, ...added]);
    expect(space.vocabulary).toEqual([...vocabulary, 'gyokuro', 'rwanda']);
    expect(Array.from(space.popularity ?? [])).toEqual([5, 3, 2, 1, 0, 0]);
    // "Similar" to a green tea: the new green tea before either coffee.
    const similar = space.similarTo(space.indexOf('sencha')!);
    expect(similar[space.indexOf('gyokuro')!]).toBeGreaterThan(similar[space.indexOf('brazil')!]!);
    expect(similar[space.indexOf('gyokuro')!]).toBeGreaterThan(similar[space.indexOf('kenya')!]!);
    // A shopper who has only seen the new coffee still gets scores, new items included.
    const scores = await space.scoreAfter([{ itemId: 'rwanda', kind: 'view', ts: 1 }]);
    expect(scores).toHaveLength(6);
    expect(scores!.every(Number.isFinite)).toBe(true);
    space.dispose();
    model.dispose();
  });
});
