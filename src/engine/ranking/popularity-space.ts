import type { SequenceStep } from '../events/queries.ts';
import { asRow, type Row } from '../model/indices.ts';
import type { ItemSpace } from './shelves.ts';

/**
 * An item space that knows only the model card's popularity: enough for "trending"
 * while the worker is still starting, so a newcomer's first shelf needs no model.
 */
export class PopularitySpace implements ItemSpace {
  readonly popularity: Float32Array;
  private readonly index: Map<string, Row>;

  constructor(
    readonly vocabulary: readonly string[],
    popularity: readonly number[],
  ) {
    if (popularity.length !== vocabulary.length)
      throw new Error(
        `popularity has ${popularity.length} entries; expected ${vocabulary.length}, one per vocabulary item`,
      );
    this.popularity = Float32Array.from(popularity);
    this.index = new Map(vocabulary.map((id, i) => [id, asRow(i)]));
  }

  indexOf(itemId: string): Row | undefined {
    return this.index.get(itemId);
  }

  scoreAfter(_steps: readonly SequenceStep[]): Promise<Float32Array | null> {
    return Promise.resolve(null);
  }

  similarity(_i: number, _j: number): number {
    return 0;
  }

  similarTo(_i: number): Float32Array {
    return new Float32Array(this.vocabulary.length);
  }
}
