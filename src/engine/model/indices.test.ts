import { describe, expect, it } from 'vitest';
import { asRow, rowOf, vocabIndexOf, type Row, type VocabIndex } from './indices.ts';

describe('item indices', () => {
  it('convert between the 1-based vocabulary index and the 0-based row, and do not mix', () => {
    const row = asRow(4);
    const index = vocabIndexOf(row);
    expect(index).toBe(5);
    expect(rowOf(index)).toBe(4);
    // @ts-expect-error: a vocabulary index is not a row (the ±1 would be lost).
    const mixed: Row = index;
    // @ts-expect-error: nor a row a vocabulary index.
    const back: VocabIndex = row;
    expect([mixed, back]).toEqual([5, 4]);
  });
});
