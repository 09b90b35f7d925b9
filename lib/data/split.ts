import {
  encodeHistory,
  rng,
  shuffleInPlace,
  type EncodedHistory,
  type HistoryStep,
  type ValidationCase,
} from '../../src/engine/node.ts';
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

/**
 * Each user's history without their last `heldOut` items: 2 = the training split (validation
 * and test items held out), 1 = what a refit learns from (only the test item held out).
 */
export function withoutLast(
  users: readonly UserSequence[],
  index: ReadonlyMap<string, number>,
  heldOut: 1 | 2,
): EncodedHistory[] {
  return users.map((u) => historyBefore(u, index, Math.max(0, u.items.length - heldOut)));
}

/**
 * The validation cases early stopping and the baselines' tuning score: each user's second-to-last
 * item after the (last `maxLen`) steps before it, users whose target is already in that history
 * left out (ranking excludes history items). With `sample` > 0, a seeded sample of that many,
 * the same one for every caller with the same seed.
 */
export function validationCases(
  users: readonly UserSequence[],
  index: ReadonlyMap<string, number>,
  maxLen: number,
  sample: { users: number; seed: number },
): ValidationCase[] {
  const cases: ValidationCase[] = [];
  for (const u of users) {
    if (u.items.length < 3) continue;
    const history = historyBefore(u, index, u.items.length - 2, maxLen);
    const target = index.get(u.items[u.items.length - 2] as string) as number;
    if (!history.items.includes(target)) cases.push({ history, target });
  }
  if (sample.users > 0 && cases.length > sample.users) {
    shuffleInPlace(cases, rng(sample.seed + 7919));
    cases.length = sample.users;
  }
  return cases;
}
