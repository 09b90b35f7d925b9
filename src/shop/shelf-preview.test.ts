import { describe, expect, it } from 'vitest';
import type { CatalogItem, Shelf } from '../engine/index.ts';
import { departmentsOf, previewCards, previewOf } from './shelf-preview.ts';

const item = (id: string, department: string): CatalogItem => ({
  id,
  title: `Title ${id}`,
  category: [department, 'Sub'],
  brand: 'Brand',
  price: 9.5,
  currency: 'EUR',
  tags: ['a'],
  image: `images/${id}.svg`,
  description: 'Long text the card does not show.',
  inStock: true,
});
const items = new Map(['a', 'b', 'c'].map((id, i) => [id, item(id, i ? 'Garden' : 'Home')]));
const shelf = (...ids: string[]): Shelf =>
  ({ kind: 'for-you', anchor: null, items: ids.map((itemId) => ({ itemId })) }) as unknown as Shelf;

describe('the preview kept with the last shelves', () => {
  it('keeps one slim card per shown item, and the departments', () => {
    const preview = previewOf([shelf('a', 'b'), shelf('b')], items, departmentsOf([...items.values()]));
    expect(preview.departments).toEqual(['Garden', 'Home']);
    expect(preview.cards.map((c) => c.id)).toEqual(['a', 'b']);
    expect(preview.cards[0]).toEqual({
      id: 'a',
      title: 'Title a',
      brand: 'Brand',
      price: 9.5,
      currency: 'EUR',
      inStock: true,
      image: 'images/a.svg',
    });
  });

  it('draws a shelf only when it has every card the shelf shows', () => {
    const preview = previewOf([shelf('a', 'b')], items, ['Home']);
    expect([...previewCards(preview, shelf('b', 'a'))!.keys()]).toEqual(['a', 'b']);
    expect(previewCards(preview, shelf('a', 'c'))).toBeNull();
  });

  it('ignores what an older version kept, or a damaged record', () => {
    expect(previewCards(undefined, shelf('a'))).toBeNull();
    expect(previewCards({ departments: [], cards: [{ id: 'a' }] }, shelf('a'))).toBeNull();
    expect(previewCards({ cards: [] }, shelf())).toBeNull();
  });
});
