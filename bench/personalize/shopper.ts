import type { SequenceStep } from '../../src/engine/node.ts';
import { DEFAULT_DATASET_KIND, type UserSequence } from '../../lib/data/read-dataset.ts';

/** A new shopper as the benchmark sees them: what their device holds, and the item to predict. */
export interface DeviceShopper {
  user: string;
  /** Every event before the last one, oldest first: all that fine-tuning may use. */
  steps: SequenceStep[];
  /** The last item: the test, never shown to fine-tuning. */
  testItem: string;
}

/**
 * Splits a user into device history and test item. The review datasets carry no kinds or
 * times: kinds fall back to the dataset default and times to NaN, which the model's recency
 * encoding reads as "unknown" — exactly how pretraining saw these sequences.
 */
export function deviceView(u: UserSequence): DeviceShopper {
  if (u.items.length < 2)
    throw new Error(`user ${u.user} has ${u.items.length} item(s); expected at least 2 (history + test)`);
  const last = u.items.length - 1;
  const steps = u.items.slice(0, last).map((itemId, i) => ({
    itemId,
    kind: u.kinds?.[i] ?? DEFAULT_DATASET_KIND,
    ts: u.ts?.[i] ?? NaN,
  }));
  return { user: u.user, steps, testItem: u.items[last] as string };
}
