import { describe, expect, it } from 'vitest';
import { loadCatalog, storedCatalog, validateCatalog } from './validate.ts';

const item = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Item ${id}`,
  category: ['Outdoors', 'Camping'],
  brand: 'Acme',
  price: 10,
  currency: 'EUR',
  tags: ['camping'],
  image: `images/${id}.svg`,
  description: 'A thing.',
  inStock: true,
  ...extra,
});

describe('validateCatalog', () => {
  it('accepts a valid catalog', () => {
    const catalog = { version: '1', items: [item('a', { complements: ['b'] }), item('b')] };
    expect(validateCatalog(catalog)).toBe(catalog);
  });

  it('names the item and the field', () => {
    expect(() => validateCatalog({ version: '1', items: [item('a'), item('a')] })).toThrow(
      'catalog items[1].id is "a"; expected an id not used by an earlier item (duplicate id)',
    );
    expect(() => validateCatalog({ version: '1', items: [item('a', { title: '' })] })).toThrow(
      'catalog items[0] (id "a").title is ""; expected a non-empty string',
    );
    expect(() => validateCatalog({ version: '1', items: [item('a', { price: -1 })] })).toThrow(
      'catalog items[0] (id "a").price is -1; expected a finite number >= 0',
    );
    expect(() => validateCatalog({ version: '1', items: [item('a', { currency: 'euro' })] })).toThrow(
      '.currency is "euro"',
    );
    expect(() => validateCatalog({ version: '1', items: [item('a', { complements: ['zzz'] })] })).toThrow(
      'complements[0] is "zzz"; expected the id of an item in this catalog',
    );
    expect(() => validateCatalog({ items: [] })).toThrow('catalog version is undefined');
  });

  it('loadCatalog names the URL on HTTP and parse errors', async () => {
    const notFound = (async () => new Response('nope', { status: 404 })) as typeof fetch;
    await expect(loadCatalog('/c.json', notFound)).rejects.toThrow(
      'could not fetch catalog "/c.json": HTTP 404',
    );
    const garbage = (async () => new Response('{not json')) as typeof fetch;
    await expect(loadCatalog('/c.json', garbage)).rejects.toThrow('catalog "/c.json" is not valid JSON');
  });
});

describe('storedCatalog', () => {
  it('reads back a catalog the asset cache stored, checking its shape only', () => {
    const catalog = { version: '1', items: [item('a'), item('b')] };
    expect(storedCatalog(JSON.parse(JSON.stringify(catalog)))).toEqual(catalog);
  });

  it('turns a damaged entry into an error, which the asset cache counts as a miss', () => {
    expect(() => storedCatalog(null)).toThrow('expected an object');
    expect(() => storedCatalog({ version: '', items: [] })).toThrow('catalog version is ""');
    expect(() => storedCatalog({ version: '1', items: {} })).toThrow('catalog items is');
  });
});
