import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { contentFeatures, linkedFrom, linkTokens, tokenId } from './content.ts';
import { createModel, getEncoder, itemMatrix } from './model.ts';

const item = (id: string, title: string, complements: string[] = []): CatalogItem => ({
  id,
  title,
  brand: 'Acme',
  category: ['Outdoors', 'Camping'],
  price: 50,
  currency: 'EUR',
  tags: [],
  image: '',
  description: '',
  inStock: true,
  complements,
});

describe('catalog link tokens', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('lists, for each item, the items that name it as a complement', () => {
    const catalog = [
      item('tent', 'Tent', ['bag', 'mat', 'gone', 'tent']),
      item('bag', 'Sleeping bag', ['mat']),
      item('mat', 'Sleeping mat'),
    ];
    const sources = linkedFrom(catalog);
    expect(sources.get('mat')).toEqual(['tent', 'bag']);
    expect(sources.get('bag')).toEqual(['tent']);
    // Self links and ids the catalog lacks are ignored.
    expect(sources.has('tent')).toBe(false);
    expect(sources.has('gone')).toBe(false);
    expect(linkTokens('mat', sources.get('mat'))).toEqual(['l:mat', 'l:tent', 'l:bag']);
  });

  it('writes link token ids per vocabulary row, own link first, capped per item', () => {
    const catalog = [
      item('tent', 'Tent', ['mat']),
      item('bag', 'Sleeping bag', ['mat']),
      item('mat', 'Sleeping mat'),
    ];
    const f = contentFeatures(['mat', 'tent', 'bag'], catalog, 64, 4, 16, 2);
    expect(f.links).toHaveLength(4 * 2);
    expect(Array.from(f.links.subarray(0, 2))).toEqual([0, 0]); // padding row
    expect(Array.from(f.links.subarray(2, 4))).toEqual([tokenId('l:mat', 64), tokenId('l:tent', 64)]);
    expect(Array.from(f.links.subarray(4, 6))).toEqual([tokenId('l:tent', 64), 0]);
    expect(contentFeatures(['mat'], catalog, 64, 4, 16).links).toHaveLength(0);
  });

  it('puts an item closer to what goes with it than to an unlinked twin', () => {
    // Same title words, brand, category and price: only the links tell them apart.
    const catalog = [
      item('tent', 'Trail tent', ['stakes']),
      item('stakes', 'Trail pegs'),
      item('pegs', 'Trail pegs'),
    ];
    const model = createModel({
      numItems: 3,
      dim: 16,
      maxLen: 4,
      hashBuckets: 256,
      tokensPerItem: 8,
      linksPerItem: 4,
      dropout: 0,
    });
    const enc = getEncoder(model);
    const f = contentFeatures(['tent', 'stakes', 'pegs'], catalog, 256, 8, 16, 4);
    enc.setContentFeatures(f.tokens, f.price, f.links);
    enc.zeroItemRows([1, 2, 3]);
    const [tent, stakes, pegs] = itemMatrix(model).arraySync() as [number[], number[], number[]];
    const dist = (x: number[], y: number[]) => Math.hypot(...x.map((v, i) => v - (y[i] ?? 0)));
    expect(dist(tent, stakes)).toBeLessThan(dist(tent, pegs));
  });

  it('refuses missing link tokens on a model that has links', () => {
    const model = createModel({
      numItems: 2,
      dim: 8,
      maxLen: 4,
      hashBuckets: 64,
      tokensPerItem: 4,
      linksPerItem: 2,
    });
    const f = contentFeatures(['a', 'b'], [item('a', 'A'), item('b', 'B')], 64, 4, 16, 0);
    expect(() => getEncoder(model).setContentFeatures(f.tokens, f.price)).toThrow(
      /got no link tokens; expected 6 \(linksPerItem 2\)/,
    );
  });

  it('rejects a negative linksPerItem by name', () => {
    expect(() => createModel({ numItems: 2, linksPerItem: -1 })).toThrow(
      /"linksPerItem" is -1; expected an integer ≥ 0/,
    );
  });
});
