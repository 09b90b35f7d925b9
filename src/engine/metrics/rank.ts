/**
 * Full-ranking metrics for next-item recommendation. Ties are broken uniformly at random
 * *in expectation*, so a model that gives many items the same score (popularity, counts)
 * is neither rewarded nor punished by the order items happen to be listed in.
 */

/** Where the target landed among the candidates: how many scored higher, how many tied. */
export interface RankOutcome {
  greater: number;
  ties: number;
}

export const DEFAULT_KS = [5, 10, 20] as const;

/**
 * Ranks `target` among all items of `scores`, leaving out `exclude` (e.g. the history).
 * Throws when the target itself is excluded: callers must skip such users and count them.
 */
export function rankOf(
  scores: ArrayLike<number>,
  target: number,
  exclude: Iterable<number> = [],
): RankOutcome {
  if (!Number.isInteger(target) || target < 0 || target >= scores.length)
    throw new Error(`rankOf: target index ${target}; expected an integer in [0, ${scores.length})`);
  const s = scores[target] as number;
  if (Number.isNaN(s)) throw new Error(`rankOf: the target's score is NaN; expected a number`);
  let greater = 0;
  let ties = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i] as number;
    if (v > s) greater++;
    else if (v === s) ties++;
  }
  ties--; // the target itself
  for (const i of new Set(exclude)) {
    if (i === target)
      throw new Error(
        `rankOf: target ${target} is also excluded; skip users whose target is in their history`,
      );
    const v = scores[i];
    if (v === undefined)
      throw new Error(`rankOf: excluded index ${i}; expected an integer in [0, ${scores.length})`);
    if (v > s) greater--;
    else if (v === s) ties--;
  }
  return { greater, ties };
}

/** Hit rate at k: the probability that the target is in the top k (0-based rank < k). */
export function hitRate(r: RankOutcome, k: number): number {
  const hits = Math.min(Math.max(k - r.greater, 0), r.ties + 1);
  return hits / (r.ties + 1);
}

/** NDCG at k with one relevant item: 1 / log2(rank + 2) if rank < k, averaged over tie orders. */
export function ndcg(r: RankOutcome, k: number): number {
  let sum = 0;
  for (let rank = r.greater; rank < Math.min(k, r.greater + r.ties + 1); rank++)
    sum += 1 / Math.log2(rank + 2);
  return sum / (r.ties + 1);
}

/** Averages HR@k and NDCG@k over users, keyed "HR@10", "NDCG@10", ... */
export function summarize(
  outcomes: readonly RankOutcome[],
  ks: readonly number[] = DEFAULT_KS,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of ks) {
    let hr = 0;
    let nd = 0;
    for (const r of outcomes) {
      hr += hitRate(r, k);
      nd += ndcg(r, k);
    }
    out[`HR@${k}`] = outcomes.length ? hr / outcomes.length : 0;
    out[`NDCG@${k}`] = outcomes.length ? nd / outcomes.length : 0;
  }
  return out;
}

/**
 * Each held-out case's rank outcome, in the order of `cases`: the target (a vocabulary index,
 * 1-based) among every item, the case's history (1-based, 0 pads) left out. Callers skip users
 * whose target is in their history, as the published protocols do (rankOf throws for one).
 * Scored in chunks of similar history length: a model pads a chunk to its longest history, and
 * attention costs grow with its square.
 */
export function rankCases<C extends { target: number }>(
  cases: readonly C[],
  numItems: number,
  scoreChunk: (chunk: readonly C[]) => Float32Array,
  historyOf: (c: C) => ArrayLike<number>,
  chunkSize: number,
): RankOutcome[] {
  const outcomes = new Array<RankOutcome>(cases.length);
  const order = cases
    .map((_, i) => i)
    .sort((a, b) => historyOf(cases[a] as C).length - historyOf(cases[b] as C).length);
  for (let start = 0; start < order.length; start += chunkSize) {
    const ids = order.slice(start, start + chunkSize);
    const chunk = ids.map((i) => cases[i] as C);
    const scores = scoreChunk(chunk);
    chunk.forEach((c, b) => {
      const row = scores.subarray(b * numItems, (b + 1) * numItems);
      outcomes[ids[b] as number] = rankOf(
        row,
        c.target - 1,
        Array.from(historyOf(c), (i) => i - 1).filter((i) => i >= 0),
      );
    });
  }
  return outcomes;
}
