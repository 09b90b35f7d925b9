import { encodeHistory, type EncodedHistory, type HistoryStep } from '../../src/engine/node.ts';
import { DEFAULT_DATASET_KIND, type UserSequence } from './read-dataset.ts';

/** Item vocabulary in first-seen order: vocabulary[i] has index i + 1. */
export function buildVocabulary(users: readonly UserSequence[], extra: readonly string[] = []): string[] {
  const seen = new Set<string>();
  for (const u of users) for (const id of u.items) seen.add(id);
  for (const id of extra) seen.add(id);
  // Numeric ids sort numerically so the vocabulary of a dataset file is stable and readable.
  return [...seen].sort((a, b) =>
    /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0,
  );
}

/** A user's steps as the model reads them. */
export function toSteps(u: UserSequence): HistoryStep[] {
  return u.items.map((itemId, i) => ({ itemId, kind: u.kinds?.[i] ?? DEFAULT_DATASET_KIND, ts: u.ts?.[i] }));
}

/** The history the model sees before the item at `position` (0-based), with recency relative to its own last step. */
export function historyBefore(
  u: UserSequence,
  index: ReadonlyMap<string, number>,
  position: number,
  maxLen = Number.MAX_SAFE_INTEGER,
): EncodedHistory {
  return encodeHistory(toSteps(u).slice(0, position), index, maxLen);
}
