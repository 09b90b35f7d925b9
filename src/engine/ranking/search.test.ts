import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { CatalogSearch, editDistance } from './search.ts';

const item = (
  id: string,
  title: string,
  category: string[],
  brand = 'Acme',
  tags: string[] = [],
): CatalogItem => ({
  id,
  title,
  category,
  brand,
  tags,
  price: 10,
  currency: 'EUR',
  image: 'x.svg',
  description: '',
  inStock: true,
});

const items = [
  item('tent', 'Trailhead Dome Tent 2P', ['Outdoors', 'Camping', 'Tents'], 'Trailhead', ['waterproof']),
  item('bag', 'Summit Sleeping Bag', ['Outdoors', 'Camping', 'Sleeping Bags'], 'Summit'),
  item('phone', 'Voltix Smartphone X', ['Electronics', 'Phones'], 'Voltix'),
  item('case', 'Voltix Phone Case', ['Electronics', 'Phones', 'Cases'], 'Voltix', ['smartphone']),
];
const search = new CatalogSearch(items);

describe('catalog search', () => {
  it('measures edit distance with swaps, stopping early', () => {
    expect(editDistance('tent', 'tnet', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });

  it('finds products despite typos and by prefix', () => {
    expect(search.search('tnet')[0]!.itemId).toBe('tent');
    expect(search.search('tnet')[0]!.matched).toEqual(['tent']);
    expect(search.search('sleping bag')[0]!.itemId).toBe('bag');
    expect(search.search('smartphon')[0]!.itemId).toBe('phone');
    expect(search.search('waterprof tent')[0]!.itemId).toBe('tent');
  });

  it('ranks items that match every word above those matching some', () => {
    const hits = search.search('voltix case');
    expect(hits[0]!.itemId).toBe('case');
    expect(hits.map((h) => h.itemId)).toContain('phone');
  });

  it('returns nothing for an empty or unknown query', () => {
    expect(search.search('  ')).toEqual([]);
    expect(search.search('zzzzqqq')).toEqual([]);
  });
});
