import type { SequenceStep } from '../events/queries.ts';
import type { EventKind } from '../events/schema.ts';
import { encodeHistory, type EncodedHistory } from '../model/history.ts';

/** How much a next-item example counts, by what the shopper did with the target. */
export const TARGET_WEIGHTS: Partial<Record<EventKind, number>> = {
  view: 1,
  click: 1,
  add_to_cart: 2,
  purchase: 3,
};

/** One next-item example: after `history`, the shopper turned to `target`. */
export interface NextItemExample {
  history: EncodedHistory;
  /** Vocabulary index (1-based) of the target. */
  target: number;
  weight: number;
  /** Vocabulary indices already in the history: never recommended again, so excluded when ranking. */
  seen: number[];
  ts: number;
}

/**
 * Turns a shopper's item sequence into next-item examples, oldest first.
 * Dwell and cart removals are context, not targets; a target already in the
 * history is skipped (the shelves never show what was already seen).
 */
export function nextItemExamples(
  steps: readonly SequenceStep[],
  vocabulary: ReadonlyMap<string, number>,
  maxLen: number,
): NextItemExample[] {
  const examples: NextItemExample[] = [];
  const seen = new Set<number>();
  for (let t = 0; t < steps.length; t++) {
    const step = steps[t]!;
    const index = vocabulary.get(step.itemId);
    const weight = TARGET_WEIGHTS[step.kind];
    if (index !== undefined && weight !== undefined && t > 0 && !seen.has(index) && seen.size > 0) {
      examples.push({
        history: encodeHistory(steps.slice(Math.max(0, t - maxLen), t), vocabulary, maxLen, step.ts),
        target: index,
        weight,
        seen: [...seen],
        ts: step.ts,
      });
    }
    if (index !== undefined) seen.add(index);
  }
  return examples;
}

/** Splits examples into training and the most recent held-back ones (for early stopping and the guardrail). */
export function holdOutRecent<T>(
  examples: readonly T[],
  fraction = 0.2,
  max = 5,
): { train: T[]; heldBack: T[] } {
  const n = Math.min(max, Math.max(1, Math.round(examples.length * fraction)));
  return { train: examples.slice(0, examples.length - n), heldBack: examples.slice(examples.length - n) };
}
