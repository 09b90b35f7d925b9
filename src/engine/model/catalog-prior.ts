import type { CatalogItem } from '../catalog/schema.ts';
import { rankOf, summarize, type RankOutcome } from '../metrics/rank.ts';
import { PRIOR_DEPTH } from './config.ts';
import type { LocalShelfEncoder } from './encoder-layer.ts';
import { asRow, rowOf, vocabIndexOf, type VocabIndex } from './indices.ts';

/**
 * The catalog prior: the catalog says what goes with what (a tent → its sleeping bags) and what
 * sits in the same category, and shoppers follow both, but a dot-product model has to squeeze
 * every such pair into a few dozen dimensions. So the model adds a bonus to the score of each
 * complement of the latest items (one bonus per recent position) and to the items in the latest
 * item's leaf category, calibrated on the validation split after pretraining.
 */

/** Each item's complements as vocabulary indices (1-based; 0 = none), `perItem` per row, row 0 padding. */
export function complementTable(
  vocabulary: readonly string[],
  catalog: readonly CatalogItem[],
  perItem: number,
): Int32Array {
  const index = new Map(vocabulary.map((id, i) => [id, vocabIndexOf(asRow(i))]));
  const byId = new Map(catalog.map((item) => [item.id, item]));
  const table = new Int32Array((vocabulary.length + 1) * perItem);
  vocabulary.forEach((id, i) => {
    const own = vocabIndexOf(asRow(i));
    const targets = (byId.get(id)?.complements ?? [])
      .map((c) => index.get(c))
      .filter((j): j is VocabIndex => j !== undefined && j !== own);
    [...new Set(targets)].slice(0, perItem).forEach((j, k) => (table[own * perItem + k] = j));
  });
  return table;
}

/** Each item's leaf category as an id (1-based, in order of first appearance; 0 = not in the catalog), row 0 padding. */
export function leafTable(vocabulary: readonly string[], catalog: readonly CatalogItem[]): Int32Array {
  const byId = new Map(catalog.map((item) => [item.id, item]));
  const ids = new Map<string, number>();
  const leaves = new Int32Array(vocabulary.length + 1);
  vocabulary.forEach((id, i) => {
    const item = byId.get(id);
    if (!item || item.category.length === 0) return;
    const path = item.category.join('/');
    if (!ids.has(path)) ids.set(path, ids.size + 1);
    leaves[vocabIndexOf(asRow(i))] = ids.get(path) as number;
  });
  return leaves;
}

type Prior = { table: Int32Array; leaves: Int32Array; bonus: ArrayLike<number>; perItem: number };

/**
 * Visits every complement the prior lifts after `history` (vocabulary indices, 1-based), latest
 * history item first: `visit(complement, bonus, anchor)`, both as vocabulary indices.
 */
export function forEachPriorComplement(
  prior: Prior,
  history: ArrayLike<number>,
  visit: (complement: VocabIndex, bonus: number, anchor: VocabIndex) => void,
): void {
  for (let r = 0; r < PRIOR_DEPTH && r < history.length; r++) {
    const bonus = prior.bonus[r] as number;
    const item = history[history.length - 1 - r] as VocabIndex;
    if (bonus === 0 || item <= 0) continue;
    for (let k = 0; k < prior.perItem; k++) {
      const j = prior.table[item * prior.perItem + k] as VocabIndex;
      if (j > 0) visit(j, bonus, item);
    }
  }
}

/** Adds the prior in place to one history's scores (row of numItems, by Row). */
function addPriorRow(prior: Prior, history: ArrayLike<number>, row: Float32Array): void {
  forEachPriorComplement(prior, history, (j, bonus) => (row[rowOf(j)]! += bonus));
  const leafBonus = prior.bonus[PRIOR_DEPTH] as number;
  const latest = history[history.length - 1] as number | undefined;
  const leaf = latest === undefined ? 0 : (prior.leaves[latest] as number);
  if (leafBonus === 0 || leaf === 0) return;
  for (let j = 1 as VocabIndex; j < prior.leaves.length; j++)
    if (prior.leaves[j] === leaf) row[rowOf(j)]! += leafBonus;
}

/** Adds the model's catalog prior in place to scores [histories × numItems]; no-op without one. */
export function addCatalogPrior(
  encoder: LocalShelfEncoder,
  histories: readonly ArrayLike<number>[],
  scores: Float32Array,
): void {
  const prior = encoder.catalogPrior();
  if (!prior || !prior.bonus.some((b) => b !== 0)) return;
  const n = encoder.cfg.numItems;
  histories.forEach((h, b) => addPriorRow(prior, h, scores.subarray(b * n, (b + 1) * n)));
}

/** Bonus grid: complements of the latest item × of the two before it (same bonus) × same leaf. */
const LATEST = [0, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16];
const EARLIER = [0, 0.5, 1, 2];
const SAME_LEAF = [0, 0.25, 0.5, 1, 2, 3];

export interface PriorCalibration {
  /** Complements of the latest, second, third latest item; then same leaf as the latest. */
  bonus: number[];
  /** Validation NDCG@10 without the prior and with the chosen bonus. */
  before: number;
  after: number;
}

/**
 * Chooses the bonuses that maximise validation NDCG@10 (ties keep the earlier, smaller ones) and
 * writes them into the model. `scoreChunk` returns the model's scores without the prior.
 */
export function calibrateCatalogPrior(
  encoder: LocalShelfEncoder,
  cases: readonly { history: { items: Int32Array }; target: number }[],
  scoreChunk: (histories: readonly { items: Int32Array }[]) => Float32Array,
  chunkSize = 256,
): PriorCalibration {
  const prior = encoder.catalogPrior();
  if (!prior) throw new Error('calibrateCatalogPrior: the model has complementsPerItem 0; expected > 0');
  const n = encoder.cfg.numItems;
  const grid = LATEST.flatMap((a) => EARLIER.flatMap((b) => SAME_LEAF.map((c) => [a, b, b, c])));
  const outcomes: RankOutcome[][] = grid.map(() => []);
  const row = new Float32Array(n);
  for (let start = 0; start < cases.length; start += chunkSize) {
    const chunk = cases.slice(start, start + chunkSize);
    const scores = scoreChunk(chunk.map((c) => c.history));
    chunk.forEach((c, i) => {
      const base = scores.subarray(i * n, (i + 1) * n);
      const exclude = Array.from(c.history.items, (j) => j - 1).filter((j) => j >= 0 && j !== c.target - 1);
      grid.forEach((bonus, g) => {
        row.set(base);
        addPriorRow({ ...prior, bonus }, c.history.items, row);
        outcomes[g]!.push(rankOf(row, c.target - 1, exclude));
      });
    });
  }
  const ndcg = outcomes.map((o) => summarize(o)['NDCG@10'] ?? 0);
  let best = 0;
  ndcg.forEach((v, g) => {
    if (v > (ndcg[best] as number)) best = g;
  });
  const bonus = grid[best] as number[];
  encoder.setPriorBonus(bonus);
  return { bonus, before: ndcg[0] as number, after: ndcg[best] as number };
}
