import type { SequenceStep } from '../events/queries.ts';
import type { ImpressionEvent, ShopEvent } from '../events/schema.ts';
import type { ItemSpace } from './shelves.ts';

/**
 * The sequence model's score of each item of the chosen impressions, as the shelf ranked it:
 * the scores after the shopper's steps before that impression. Keyed by the impression's index
 * in `events`; null where the model knew none of the steps. The worker (fine-tuning lists) and
 * the re-ranker's pretraining both read base scores from here, so they mean the same thing.
 * Scored up front, not inside the list walk, because the model is read without blocking.
 */
export async function sequenceBaseScores(
  space: ItemSpace,
  events: readonly ShopEvent[],
  steps: readonly SequenceStep[],
  include: (impression: ImpressionEvent, index: number) => boolean,
): Promise<Map<number, number[] | null>> {
  const out = new Map<number, number[] | null>();
  let cursor = 0;
  for (let index = 0; index < events.length; index++) {
    const impression = events[index]!;
    if (impression.kind !== 'impression' || !include(impression, index)) continue;
    while (cursor < steps.length && steps[cursor]!.ts < impression.ts) cursor++;
    const scores = await space.scoreAfter(steps.slice(0, cursor));
    out.set(
      index,
      scores &&
        impression.items.map((item) => {
          const row = space.indexOf(item.itemId);
          return row === undefined ? 0 : scores[row]!;
        }),
    );
  }
  return out;
}
