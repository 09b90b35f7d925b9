import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { contentFeatures, priceBucket, tokenId } from './content.ts';
import { createModel } from './model.ts';

const item = (id: string, title: string): CatalogItem => ({
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
});

describe('content features', () => {
  it('writes token ids and a price bucket per vocabulary row, row 0 padding', () => {
    const f = contentFeatures(['mat', 'gone'], [item('mat', 'Sleeping mat')], 64, 4, 16);
    expect(f.tokens).toHaveLength(3 * 4);
    expect(Array.from(f.tokens.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(f.tokens[4]).toBe(tokenId('t:sleeping', 64));
    // An id the catalog lacks keeps empty slots and an unknown price.
    expect(Array.from(f.tokens.subarray(8, 12))).toEqual([0, 0, 0, 0]);
    expect(Array.from(f.price)).toEqual([0, priceBucket(50, 16), 0]);
  });
});

describe('model files from before link tokens were removed', () => {
  it('load with linksPerItem 0, and one pretrained with links is refused by name', () => {
    expect(() => createModel({ numItems: 2, linksPerItem: 0 } as never)).not.toThrow();
    expect(() => createModel({ numItems: 2, linksPerItem: 4 } as never)).toThrow(
      /"linksPerItem" is 4; expected 0 or none: catalog link tokens are no longer supported, pretrain the model again/,
    );
  });
});
