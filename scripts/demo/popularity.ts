import type { UserSequence } from '../data/read-dataset.ts';

/** Interaction counts per vocabulary entry (aligned with `vocabulary`), over every step of `users`. */
export function popularityCounts(users: readonly UserSequence[], vocabulary: readonly string[]): number[] {
  const index = new Map(vocabulary.map((id, i) => [id, i]));
  const counts = new Array<number>(vocabulary.length).fill(0);
  for (const u of users) {
    for (const id of u.items) {
      const i = index.get(id);
      if (i === undefined) throw new Error(`item ${JSON.stringify(id)} of shopper ${u.user} is not in the vocabulary; expected every pretraining item in it`);
      counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  return counts;
}
