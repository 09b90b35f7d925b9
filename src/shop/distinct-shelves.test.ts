import { describe, expect, it } from 'vitest';
import { distinctShelves } from './distinct-shelves.ts';
import type { Shelf } from '../engine/index.ts';

const shelf = (kind: Shelf['kind'], ids: string[]): Shelf => ({
  kind,
  anchor: null,
  items: ids.map((itemId) => ({
    itemId,
    score: 1,
    reasons: [],
    explanation: '',
    message: { key: 'reason.picked-for-you', params: {} },
  })),
});
const ids = (s: Shelf | null) => s?.items.map((i) => i.itemId) ?? null;

describe('distinct shelves on one page', () => {
  it('never shows an item on two shelves, and keeps each shelf full from its own list', () => {
    const page = distinctShelves(
      [
        shelf('bought-together', ['a', 'b', 'c', 'x']),
        shelf('because-viewed', ['a', 'b', 'c', 'd', 'e', 'f']),
      ],
      [3, 3],
    );
    expect(page.map(ids)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('holds back a shelf until the shelves above it are there', () => {
    const page = distinctShelves([null, shelf('similar', ['a'])], [3, 3]);
    expect(page).toEqual([null, null]);
  });

  it('says why a shelf is left empty', () => {
    const page = distinctShelves([shelf('similar', ['a']), shelf('trending', ['a'])], [1, 1]);
    expect(page[1]).toMatchObject({ items: [], empty: 'everything it would show is on a shelf above' });
  });
});
