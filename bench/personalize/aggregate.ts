import { hitRate, ndcg, type RankOutcome } from '../../src/engine/node.ts';
import type { ShopperResult } from './evaluate-shopper.ts';
import {
  bootstrapMean,
  countChanges,
  HISTORY_BUCKETS,
  historyBucket,
  type BootstrapOptions,
} from './stats.ts';

export const VARIANTS = ['noFinetune', 'finetuned', 'guarded'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Metrics {
  'HR@10': number;
  'NDCG@10': number;
}

/** One variant against no fine-tuning, shopper by shopper. */
export interface PairedComparison {
  /** Mean per-shopper NDCG@10 difference (variant − no fine-tuning) with a bootstrap 95% interval. */
  mean: number;
  ci95: [number, number];
  /** By NDCG@10 (zero for both whenever the test item stays outside the top 10). */
  improved: number;
  unchanged: number;
  worse: number;
  /** By the test item's full rank, which moves even outside the top 10. */
  rank: { improved: number; unchanged: number; worse: number };
}

export interface GroupSummary {
  newShoppers: number;
  /** fineTune trained (enough next-item examples). */
  trained: number;
  /** The guardrail kept the head. */
  accepted: number;
  noFinetune: Metrics;
  finetuned: Metrics;
  guarded: Metrics;
  'finetuned-noFinetune': PairedComparison;
  'guarded-noFinetune': PairedComparison;
}

export interface CostSummary {
  trainableParams: number;
  /** Mean optimisation steps over shoppers fineTune trained. */
  meanSteps: number;
  /** Mean fineTune wall time over every evaluated new shopper (skipped ones cost ~0). */
  msPerUser: number;
  /** Mean fineTune wall time over trained shoppers only. */
  msPerTrainedUser: number;
  msPerStep: number;
  /** Why runs ended, counted (skipped / accepted / rejected by the guardrail). */
  outcomes: Record<string, number>;
}

const outcomeOf = (r: ShopperResult, v: Variant): RankOutcome => (v === 'noFinetune' ? r.none : r[v]);
const expectedRank = (o: RankOutcome) => o.greater + o.ties / 2;

function metrics(results: readonly ShopperResult[], v: Variant): Metrics {
  const n = Math.max(1, results.length);
  let hr = 0;
  let nd = 0;
  for (const r of results) {
    hr += hitRate(outcomeOf(r, v), 10);
    nd += ndcg(outcomeOf(r, v), 10);
  }
  return { 'HR@10': hr / n, 'NDCG@10': nd / n };
}

function compare(results: readonly ShopperResult[], v: Variant, boot: BootstrapOptions): PairedComparison {
  const diffs = results.map((r) => ndcg(outcomeOf(r, v), 10) - ndcg(r.none, 10));
  // A better rank is a smaller one, so "improved" means the rank went down.
  const rankDiffs = results.map((r) => expectedRank(r.none) - expectedRank(outcomeOf(r, v)));
  return { ...bootstrapMean(diffs, boot), ...countChanges(diffs), rank: countChanges(rankDiffs) };
}

export function summarizeGroup(results: readonly ShopperResult[], boot: BootstrapOptions): GroupSummary {
  return {
    newShoppers: results.length,
    trained: results.filter((r) => r.trained).length,
    accepted: results.filter((r) => r.accepted).length,
    noFinetune: metrics(results, 'noFinetune'),
    finetuned: metrics(results, 'finetuned'),
    guarded: metrics(results, 'guarded'),
    'finetuned-noFinetune': compare(results, 'finetuned', boot),
    'guarded-noFinetune': compare(results, 'guarded', boot),
  };
}

export function byHistoryLength(
  results: readonly ShopperResult[],
  boot: BootstrapOptions,
): Record<string, GroupSummary> {
  return Object.fromEntries(
    HISTORY_BUCKETS.map((b) => [
      b,
      summarizeGroup(
        results.filter((r) => historyBucket(r.historyLength) === b),
        boot,
      ),
    ]),
  );
}

/** Runs end as "skipped", "accepted" or "rejected"; the reason text carries the numbers, so only its first word is counted. */
export function summarizeCost(results: readonly ShopperResult[]): CostSummary {
  const trained = results.filter((r) => r.trained);
  const steps = trained.reduce((s, r) => s + r.steps, 0);
  const trainedMs = trained.reduce((s, r) => s + r.ms, 0);
  const outcomes: Record<string, number> = {};
  for (const r of results) {
    const key = r.reason.split(':')[0] ?? r.reason;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  return {
    trainableParams: results[0]?.trainableParams ?? 0,
    meanSteps: trained.length ? steps / trained.length : 0,
    msPerUser: results.length ? results.reduce((s, r) => s + r.ms, 0) / results.length : 0,
    msPerTrainedUser: trained.length ? trainedMs / trained.length : 0,
    msPerStep: steps ? trainedMs / steps : 0,
    outcomes,
  };
}
