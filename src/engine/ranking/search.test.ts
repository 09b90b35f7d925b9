import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../catalog/schema.ts';
import { CatalogSearch, editDistance } from './search.ts';
import { RELEVANCE_BAND } from './shelves.ts';

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

describe('search respects the query', () => {
  const shop = new CatalogSearch([
    item(
      'kettle-e',
      'Hearthstone Electric Kettle 1.7 L',
      ['Kitchen', 'Appliances', 'Kettles'],
      'Hearthstone',
      ['electric kettle'],
    ),
    item('kettle', 'Saltbox Aspen Kettle', ['Kitchen', 'Appliances', 'Kettles'], 'Saltbox', ['kettle']),
    item('bell', 'Stridex Cast Iron Kettlebell', ['Sports', 'Fitness', 'Kettlebells'], 'Stridex', [
      'kettlebell',
    ]),
    item('brush', 'Voltix Electric Toothbrush', ['Beauty', 'Oral Care'], 'Voltix', ['electric toothbrush']),
    item('shoe-red', 'Kite Nova Sneakers', ['Fashion', 'Shoes', 'Sneakers'], 'Kite', [
      'running shoes',
      'red',
    ]),
    item('shoe-blue', 'Oslo Running Shoes Running Edition', ['Fashion', 'Shoes', 'Sneakers'], 'Oslo', [
      'running shoes',
      'blue',
    ]),
    item('pack', 'Camply Hiking Backpack', ['Outdoors', 'Hiking', 'Backpacks'], 'Camply', [
      'hiking backpack',
    ]),
    item('nappy', 'Tiny Tide Nappy Backpack', ['Baby', 'Travel', 'Changing Bags'], 'Tiny Tide', [
      'nappy backpack',
    ]),
  ]);

  it('puts every item that matches all words above any partial match, however strong', () => {
    const hits = shop.search('red running shoes');
    expect(hits[0]).toMatchObject({ itemId: 'shoe-red', complete: true });
    expect(hits.find((h) => h.itemId === 'shoe-blue')?.complete).toBe(false);
    const kettles = shop.search('electric kettle');
    expect(kettles[0]).toMatchObject({ itemId: 'kettle-e', complete: true });
    expect(kettles.filter((h) => h.complete).map((h) => h.itemId)).toEqual(['kettle-e']);
  });

  it('separates complete and partial matches by more than a relevance band', () => {
    const hits = shop.search('electric kettle');
    const worstComplete = Math.min(...hits.filter((h) => h.complete).map((h) => h.score));
    const bestPartial = Math.max(...hits.filter((h) => !h.complete).map((h) => h.score));
    expect(bestPartial).toBeLessThan(worstComplete * RELEVANCE_BAND);
  });

  it('reads a whole word as that word: "kettle" ranks kettles far above kettlebells', () => {
    const hits = shop.search('kettle');
    const score = (id: string) => hits.find((h) => h.itemId === id)!.score;
    expect(score('kettle')).toBeGreaterThan(score('bell') / 0.5);
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.itemId)
        .sort(),
    ).toEqual(['kettle', 'kettle-e']);
  });

  it('counts plurals for their singular and a word filed in several fields above one field', () => {
    // "backpak": one typo from "backpack"; the hiking one is also filed under Backpacks.
    const hits = shop.search('backpak');
    const score = (id: string) => hits.find((h) => h.itemId === id)!.score;
    expect(hits[0]!.itemId).toBe('pack');
    expect(score('nappy')).toBeLessThan(score('pack') * 0.9);
    expect(shop.search('tents')).toEqual([]);
    expect(shop.search('kettles')[0]!.complete).toBe(true);
  });
});
