import {
  hitRate,
  ndcg,
  rankCases,
  summarize,
  type EncodedHistory,
  type RankOutcome,
} from '../src/engine/node.ts';
import type { UserSequence } from './data/read-dataset.ts';
import { historyBefore } from './data/split.ts';

/** One test user: history before the test item (vocabulary indices, 1-based) and the test item. */
export interface TestCase {
  history: Int32Array;
  target: number;
}

export { summarize, type RankOutcome };

/**
 * The held-out test (BENCHMARKS.md §1) of every user with two or more items: the last item,
 * ranked after the whole history before it. A user whose target is already in that history is
 * left out and counted (ranking excludes history items, so the target could not be found).
 * `histories[i]` is case i's encoder input, its last `maxLen` steps.
 */
export function lastItemCases(
  users: readonly UserSequence[],
  index: ReadonlyMap<string, number>,
  maxLen: number,
): { cases: TestCase[]; histories: EncodedHistory[]; withHistory: number; skipped: number } {
  const cases: TestCase[] = [];
  const histories: EncodedHistory[] = [];
  let withHistory = 0;
  let skipped = 0;
  for (const u of users) {
    if (u.items.length < 2) continue;
    withHistory++;
    const lastId = u.items[u.items.length - 1] as string;
    const target = index.get(lastId);
    if (target === undefined)
      throw new Error(
        `test item ${JSON.stringify(lastId)} of user ${u.user} is not in the vocabulary; expected items the model knows`,
      );
    const full = historyBefore(u, index, u.items.length - 1);
    if (full.items.includes(target)) {
      skipped++;
      continue;
    }
    cases.push({ history: full.items, target });
    histories.push({
      items: full.items.slice(-maxLen),
      kinds: full.kinds.slice(-maxLen),
      recency: full.recency.slice(-maxLen),
    });
  }
  return { cases, histories, withHistory, skipped };
}

/** Full ranking of every case with a scorer returning [cases × numItems] scores for a chunk. */
export function rankAll(
  cases: readonly TestCase[],
  numItems: number,
  scoreChunk: (chunk: readonly TestCase[]) => Float32Array,
  chunkSize = 256,
): Record<string, number> {
  return summarize(rankOutcomes(cases, numItems, scoreChunk, chunkSize));
}

/** Each case's rank outcome, in the order of `cases` (the engine's rankCases over TestCase). */
export function rankOutcomes(
  cases: readonly TestCase[],
  numItems: number,
  scoreChunk: (chunk: readonly TestCase[]) => Float32Array,
  chunkSize = 256,
): RankOutcome[] {
  return rankCases(cases, numItems, scoreChunk, (c) => c.history, chunkSize);
}

/** Mean of per-user values and its standard error (sample standard deviation / √n). */
export function meanAndError(values: ArrayLike<number>): { mean: number; se: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, se: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += ((values[i] as number) - mean) ** 2;
  return { mean, se: n > 1 ? Math.sqrt(sq / (n - 1) / n) : NaN };
}

/** Per-user HR@k and NDCG@k (k = 10 by default) of rank outcomes. */
export function perUser(outcomes: readonly RankOutcome[], k = 10): { hr: Float64Array; ndcg: Float64Array } {
  return {
    hr: Float64Array.from(outcomes, (o) => hitRate(o, k)),
    ndcg: Float64Array.from(outcomes, (o) => ndcg(o, k)),
  };
}

/**
 * Standard errors of HR@10 and NDCG@10 for each model, and the paired difference of `reference`
 * minus each other model over the same users (its standard error is far smaller than either
 * model's alone when both rank the same users well or badly).
 */
export function errorReport(
  outcomes: Record<string, readonly RankOutcome[]>,
  reference: string,
): {
  standardErrors: Record<string, Record<string, number>>;
  paired: Record<string, Record<string, { diff: number; se: number }>>;
} {
  const users = Object.fromEntries(Object.entries(outcomes).map(([name, o]) => [name, perUser(o)]));
  const standardErrors: Record<string, Record<string, number>> = {};
  for (const [name, u] of Object.entries(users))
    standardErrors[name] = { 'HR@10': meanAndError(u.hr).se, 'NDCG@10': meanAndError(u.ndcg).se };
  const ref = users[reference];
  const paired: Record<string, Record<string, { diff: number; se: number }>> = {};
  if (ref)
    for (const [name, u] of Object.entries(users)) {
      if (name === reference) continue;
      if (u.hr.length !== ref.hr.length)
        throw new Error(
          `errorReport: ${name} has ${u.hr.length} users; expected ${ref.hr.length} as ${reference}`,
        );
      const d = (a: Float64Array, b: Float64Array) => {
        const m = meanAndError(a.map((x, i) => x - (b[i] as number)));
        return { diff: m.mean, se: m.se };
      };
      paired[name] = { 'HR@10': d(ref.hr, u.hr), 'NDCG@10': d(ref.ndcg, u.ndcg) };
    }
  return { standardErrors, paired };
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? (s[m] as number)
      : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
