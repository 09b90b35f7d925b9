import { hitRate, ndcg, rankOf, type RankOutcome } from '../metrics/rank.ts';
import { TRANSITION_DEPTH } from './config.ts';
import { rowOf, type VocabIndex } from './indices.ts';

/**
 * The transition blend: the item-to-item co-occurrence statistics the simple baselines rank by
 * (an item kNN over the training sequences) added to the model's logits. The two get different
 * shoppers right (on Beauty and Sports their per-user NDCG@10 correlate at only 0.6–0.7), and a
 * dot-product model squeezes every pair into a few dozen dimensions where the table keeps them
 * exact. Score of item j after a history = logit_j + Σ_r voter[r] · sim(history[latest − r], j),
 * over each item's `perItem` strongest neighbours. The table is built from the training
 * sequences at pretraining, the voter weights calibrated on the validation split after training
 * (like the catalog prior, catalog-prior.ts), and both travel in the weight file.
 */

export interface TransitionTable {
  /** Neighbours kept per item (the table's row width). */
  perItem: number;
  /** Row i (vocabulary index, row 0 padding): item i's neighbours as vocabulary indices, 0 = none, strongest first. */
  neighbours: Int32Array;
  /** Their similarities (same layout), scaled so the mean strongest neighbour over items is 1. */
  weights: Float32Array;
}

export interface TransitionTableOptions {
  /** Items at most this many steps apart in a training sequence co-occur (pairs count 1/distance). */
  window: number;
  /** Neighbours kept per item. */
  perItem: number;
  /** 'cosine' = c_ab / √(n_a n_b); 'count' = c_ab (favours popular neighbours). */
  similarity: 'cosine' | 'count';
}

/**
 * Each item's `perItem` strongest co-occurring items in `sequences` (vocabulary indices, 1-based,
 * 0 = padding): symmetric, pairs within `window` steps counted 1/distance, the same statistic as
 * the co-occurrence kNN baseline (lib/baselines/cooccurrence-knn.ts). Ties keep the lower index.
 */
export function transitionTable(
  sequences: readonly ArrayLike<number>[],
  numItems: number,
  opts: TransitionTableOptions,
): TransitionTable {
  const { window, perItem, similarity } = opts;
  if (!Number.isInteger(window) || window < 1)
    throw new Error(`transitionTable: window is ${window}; expected an integer ≥ 1`);
  if (!Number.isInteger(perItem) || perItem < 1)
    throw new Error(`transitionTable: perItem is ${perItem}; expected an integer ≥ 1`);
  const rows: Map<number, number>[] = Array.from({ length: numItems + 1 }, () => new Map());
  const counts = new Float64Array(numItems + 1);
  const add = (a: number, b: number, w: number) => {
    const row = rows[a] as Map<number, number>;
    row.set(b, (row.get(b) ?? 0) + w);
  };
  for (const s of sequences) {
    for (let t = 0; t < s.length; t++) {
      const a = s[t] as number;
      if (a <= 0 || a > numItems) continue;
      counts[a]! += 1;
      for (let d = 1; d <= window && t + d < s.length; d++) {
        const b = s[t + d] as number;
        if (b <= 0 || b > numItems || a === b) continue;
        add(a, b, 1 / d);
        add(b, a, 1 / d);
      }
    }
  }
  const neighbours = new Int32Array((numItems + 1) * perItem);
  const raw = new Float64Array((numItems + 1) * perItem);
  let topSum = 0;
  let topCount = 0;
  for (let a = 1; a <= numItems; a++) {
    const row = rows[a] as Map<number, number>;
    if (row.size === 0) continue;
    const scored = [...row].map(([b, c]) => [
      b,
      similarity === 'cosine' ? c / Math.sqrt((counts[a] || 1) * (counts[b] || 1)) : c,
    ]) as [number, number][];
    scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    scored.slice(0, perItem).forEach(([b, w], k) => {
      neighbours[a * perItem + k] = b;
      raw[a * perItem + k] = w;
    });
    topSum += (scored[0] as [number, number])[1];
    topCount++;
  }
  // One scale for every similarity and window, so one grid of blend weights fits them all.
  const scale = topCount > 0 && topSum > 0 ? topCount / topSum : 1;
  return { perItem, neighbours, weights: Float32Array.from(raw, (w) => w * scale) };
}

/** The blend as the encoder holds it: the table and one weight per recent position, latest first. */
export interface TransitionBlend extends TransitionTable {
  voters: Float32Array;
}

/**
 * What the blend needs of the encoder that holds it (LocalShelfEncoder): written here, so this
 * file does not import the encoder that imports its types.
 */
export interface BlendHolder {
  readonly cfg: { readonly numItems: number; readonly neighboursPerItem: number };
  transitionBlend(): TransitionBlend | null;
  setTransitions(table: TransitionTable, voters: readonly number[]): void;
}

/**
 * Visits the neighbours the blend lifts after `history` (vocabulary indices, 1-based), latest
 * history item first: `visit(neighbour, amount)`, the neighbour as a vocabulary index.
 */
function forEachTransition(
  blend: TransitionBlend,
  history: ArrayLike<number>,
  visit: (neighbour: VocabIndex, amount: number) => void,
): void {
  const { perItem, neighbours, weights, voters } = blend;
  for (let r = 0; r < voters.length && r < history.length; r++) {
    const v = voters[r] as number;
    const item = history[history.length - 1 - r] as number;
    if (v === 0 || item <= 0) continue;
    for (let k = 0; k < perItem; k++) {
      const j = neighbours[item * perItem + k] as VocabIndex;
      if (j > 0) visit(j, v * (weights[item * perItem + k] as number));
    }
  }
}

/**
 * Adds the model's transition blend in place to scores [histories × numItems] (rows may be
 * wider: the browser's rows go on with new catalog items, which have no transitions); no-op
 * for a model without a table or with every voter weight 0 (old model files).
 */
export function addTransitions(
  encoder: BlendHolder,
  histories: readonly ArrayLike<number>[],
  scores: Float32Array,
): void {
  const blend = encoder.transitionBlend();
  if (!blend || !blend.voters.some((v) => v !== 0)) return;
  const width = scores.length / Math.max(1, histories.length);
  histories.forEach((h, b) => {
    const row = scores.subarray(b * width, (b + 1) * width);
    forEachTransition(blend, h, (j, amount) => (row[rowOf(j)]! += amount));
  });
}

/** What the calibration searches: tables (window × similarity), voters × decay, and the blend weight. */
export interface TransitionGrid {
  window: readonly number[];
  similarity: readonly ('cosine' | 'count')[];
  /** How many of the latest history items vote (at most TRANSITION_DEPTH). */
  voters: readonly number[];
  /** Weight of each older voter relative to the next newer one. */
  decay: readonly number[];
  /** The blend weight, in units of the model's logits per unit of (scaled) similarity. */
  weight: readonly number[];
}

/**
 * The default grid, the same for every file. Windows and voters span what the tuned kNN
 * baseline chose on Beauty (window 50, 5 voters, decay 0.6, raw counts) and Sports (20, 8, 0.6,
 * cosine); weights are log-spaced across the range where the blend moved validation NDCG@10.
 */
export const TRANSITION_GRID: TransitionGrid = {
  window: [3, 8, 20, 50],
  similarity: ['cosine', 'count'],
  voters: [1, 2, 3, 5, 8, 12, 20],
  decay: [0.3, 0.6, 0.8, 1],
  weight: [0, 0.25, 0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32],
};

export interface TransitionCalibration {
  /** The chosen table's settings. */
  window: number;
  similarity: 'cosine' | 'count';
  perItem: number;
  /** The chosen voters, decay and weight (voter r's weight is weight · decay^r, r < voters). */
  voters: number;
  decay: number;
  weight: number;
  /** Validation NDCG@10 without the blend and with the chosen one. */
  before: number;
  after: number;
  /** Validation HR@10 without the blend and with the chosen one. */
  beforeHr10: number;
  afterHr10: number;
  /** Settings tried (tables × voters × decay × weights). */
  tried: number;
}

/** Voter weights for `voters` latest items with `decay`, scaled by `weight`, padded to TRANSITION_DEPTH. */
export function voterWeights(voters: number, decay: number, weight: number): number[] {
  return Array.from({ length: TRANSITION_DEPTH }, (_, r) => (r < voters ? weight * decay ** r : 0));
}

/** Counts of values in ascending `sorted` greater than and equal to `s`. */
function countAbove(sorted: Float32Array, s: number): { greater: number; equal: number } {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= s) lo = mid + 1;
    else hi = mid;
  }
  let eq = lo;
  while (eq > 0 && sorted[eq - 1] === s) eq--;
  return { greater: sorted.length - lo, equal: lo - eq };
}

/**
 * Chooses the table, voters, decay and weight that maximise validation NDCG@10 (ties keep the
 * earlier setting: smaller weights come first, so weight 0 wins unless the blend helps) and
 * writes them into the model. Tables are built from `sequences`, the training split only.
 * `scoreChunk` returns the model's scores without the blend. Each setting is ranked exactly
 * (full ranking, history excluded) without scoring every item again: the blend moves only the
 * neighbours of the latest items, so the rank of the target among the rest is read off each
 * history's sorted base scores.
 */
export function calibrateTransitions(
  encoder: BlendHolder,
  sequences: readonly ArrayLike<number>[],
  cases: readonly { history: { items: Int32Array }; target: number }[],
  scoreChunk: (histories: readonly { items: Int32Array }[]) => Float32Array,
  grid: TransitionGrid = TRANSITION_GRID,
  chunkSize = 256,
): TransitionCalibration {
  const perItem = encoder.cfg.neighboursPerItem;
  if (perItem === 0) throw new Error('calibrateTransitions: the model has neighboursPerItem 0; expected > 0');
  const n = encoder.cfg.numItems;
  for (const name of ['window', 'similarity', 'voters', 'decay', 'weight'] as const)
    if (grid[name].length === 0)
      throw new Error(`calibrateTransitions: the grid has no ${name} values; expected at least one`);
  if (grid.voters.some((v) => !Number.isInteger(v) || v < 1 || v > TRANSITION_DEPTH))
    throw new Error(
      `calibrateTransitions: voters [${grid.voters.join(', ')}]; expected integers in [1, ${TRANSITION_DEPTH}]`,
    );
  const tables = grid.window.flatMap((window) =>
    grid.similarity.map((similarity) => ({
      window,
      similarity,
      table: transitionTable(sequences, n, { window, perItem, similarity }),
    })),
  );
  // Voters × decay, once each (with one voter the decay changes nothing).
  const shapes = grid.voters.flatMap((voters) =>
    (voters === 1 ? grid.decay.slice(0, 1) : grid.decay).map((decay) => ({
      voters,
      decay,
      weights: Float32Array.from(voterWeights(voters, decay, 1)),
    })),
  );
  const settings = tables.length * shapes.length * grid.weight.length;
  const ndcgSum = new Float64Array(settings);
  const hrSum = new Float64Array(settings);
  const lift = new Float64Array(n + 1);
  const touched: VocabIndex[] = [];
  const mark = new Uint8Array(n + 1);
  for (let start = 0; start < cases.length; start += chunkSize) {
    const chunk = cases.slice(start, start + chunkSize);
    const scores = scoreChunk(chunk.map((c) => c.history));
    chunk.forEach((c, i) => {
      const base = scores.subarray(i * n, (i + 1) * n);
      const sorted = Float32Array.from(base).sort();
      const items = c.history.items;
      const t = c.target as VocabIndex;
      // The history holds vocabulary indices (0 = padding).
      const excluded = [...new Set(Array.from(items).filter((j) => j > 0 && j !== t))] as VocabIndex[];
      let g = 0;
      tables.forEach(({ table }) => {
        shapes.forEach(({ weights }) => {
          touched.length = 0;
          forEachTransition({ ...table, voters: weights }, items, (j, amount) => {
            if (!mark[j]) {
              mark[j] = 1;
              touched.push(j);
            }
            lift[j]! += amount;
          });
          for (const w of grid.weight) {
            const s = (base[rowOf(t)] as number) + w * (lift[t] as number);
            let { greater, equal: ties } = countAbove(sorted, s);
            // The items the blend moved (and the target itself) leave the count at their base
            // score and come back at their blended one; excluded items leave it for good.
            const moved = (j: VocabIndex, back: boolean) => {
              const b = base[rowOf(j)] as number;
              if (b > s) greater--;
              else if (b === s) ties--;
              if (!back) return;
              const v = b + w * (lift[j] as number);
              if (v > s) greater++;
              else if (v === s) ties++;
            };
            moved(t, false);
            for (const j of touched) if (j !== t) moved(j, true);
            for (const j of excluded) {
              if (mark[j]) {
                const v = (base[rowOf(j)] as number) + w * (lift[j] as number);
                if (v > s) greater--;
                else if (v === s) ties--;
              } else moved(j, false);
            }
            const outcome: RankOutcome = { greater, ties };
            ndcgSum[g]! += ndcg(outcome, 10);
            hrSum[g]! += hitRate(outcome, 10);
            g++;
          }
          for (const j of touched) {
            lift[j] = 0;
            mark[j] = 0;
          }
        });
      });
    });
  }
  let best = 0;
  for (let g = 1; g < settings; g++) if ((ndcgSum[g] as number) > (ndcgSum[best] as number)) best = g;
  const perTable = shapes.length * grid.weight.length;
  const chosen = tables[Math.floor(best / perTable)] as (typeof tables)[number];
  const shape = shapes[Math.floor((best % perTable) / grid.weight.length)] as (typeof shapes)[number];
  const weight = grid.weight[best % grid.weight.length] as number;
  // Weight 0 of any setting is the model alone; the first setting's is the reference.
  const zero = grid.weight.indexOf(0);
  const count = Math.max(1, cases.length);
  const before = zero >= 0 ? (ndcgSum[zero] as number) / count : NaN;
  const beforeHr10 = zero >= 0 ? (hrSum[zero] as number) / count : NaN;
  encoder.setTransitions(chosen.table, voterWeights(shape.voters, shape.decay, weight));
  return {
    window: chosen.window,
    similarity: chosen.similarity,
    perItem,
    voters: shape.voters,
    decay: shape.decay,
    weight,
    before,
    after: (ndcgSum[best] as number) / count,
    beforeHr10,
    afterHr10: (hrSum[best] as number) / count,
    tried: settings,
  };
}

/** Reference ranking of one blended row (for tests): what `calibrateTransitions` computes without the shortcut. */
export function blendedRank(
  base: Float32Array,
  blend: TransitionBlend,
  history: Int32Array,
  target: number,
): RankOutcome {
  const row = Float32Array.from(base);
  forEachTransition(blend, history, (j, amount) => (row[rowOf(j)]! += amount));
  return rankOf(
    row,
    rowOf(target as VocabIndex),
    Array.from(history, (j) => rowOf(j as VocabIndex)).filter(
      (j) => j >= 0 && j !== rowOf(target as VocabIndex),
    ),
  );
}
