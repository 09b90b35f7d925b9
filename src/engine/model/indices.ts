/**
 * The two ways the engine numbers items, as types that do not mix: the model's vocabulary index
 * (1-based, 0 is the padding row, what the history encoder reads) and a row of a score vector or
 * of the item table (0-based). Both are plain numbers at run time; passing one where the other
 * is expected is a type error, and the conversions below are the one place the ±1 lives.
 */
declare const base: unique symbol;

/** 1-based index into the model's vocabulary; 0 is padding. */
export type VocabIndex = number & { readonly [base]: 'vocabulary, 1-based' };

/** 0-based row of a score vector, the item table or the vocabulary array. */
export type Row = number & { readonly [base]: 'row, 0-based' };

/** The row of a vocabulary index: its score's position. */
export const rowOf = (index: VocabIndex): Row => (index - 1) as Row;

/** The vocabulary index of a row (of a known item: new catalog items have none). */
export const vocabIndexOf = (row: Row): VocabIndex => (row + 1) as VocabIndex;

/** A list's positions as rows: the vocabulary array's `i`-th item is row `i`. */
export const asRow = (position: number): Row => position as Row;
