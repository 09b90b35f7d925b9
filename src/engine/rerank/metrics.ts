/** 1-based rank of the best-placed clicked item when the list is sorted by `scores` (ties: list order); null without a click. */
export function clickedRank(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  let best: number | null = null;
  for (let i = 0; i < labels.length; i++) {
    if (!labels[i]) continue;
    let rank = 1;
    const s = scores[i] as number;
    for (let j = 0; j < scores.length; j++) {
      const t = scores[j] as number;
      if (t > s || (t === s && j < i)) rank++;
    }
    if (best === null || rank < best) best = rank;
  }
  return best;
}

export interface ListMetrics {
  MRR: number;
  'HR@1': number;
  'NDCG@5': number;
  lists: number;
}

/** MRR, HR@1 and NDCG@5 over ranks (one relevant item per list: the best-placed click). */
export function listMetrics(ranks: readonly number[]): ListMetrics {
  const n = ranks.length || 1;
  let mrr = 0;
  let hit1 = 0;
  let ndcg5 = 0;
  for (const r of ranks) {
    mrr += 1 / r;
    if (r === 1) hit1++;
    if (r <= 5) ndcg5 += 1 / Math.log2(r + 1);
  }
  return { MRR: mrr / n, 'HR@1': hit1 / n, 'NDCG@5': ndcg5 / n, lists: ranks.length };
}
