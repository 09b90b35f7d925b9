import type { SequenceStep } from '../events/queries.ts';

/** Shelves the click model knows by name; anything else (search results, host widgets) counts as "other". */
const SHELVES = ['for-you', 'similar', 'bought-together', 'because-viewed', 'trending'] as const;
export const CLICK_FEATURES = 16;

/** What the click model needs to know about a product. */
export interface ItemFacts {
  topCategory: string | null;
  price: number | null;
  /** Popularity in [0, 1] (log-scaled interaction count relative to the most popular item). */
  popularity: number;
}

/** One candidate as a shelf is about to show it. */
export interface Candidate {
  itemId: string;
  /** The recommender's score for this shopper. */
  modelScore: number;
  /** 0-based slot on the shelf. */
  position: number;
}

/** The shopper's state at the moment of an impression (history strictly before it). */
export interface ClickContext {
  shelf: string;
  history: readonly SequenceStep[];
  /** Earlier shelf clicks per item. */
  priorClicks: ReadonlyMap<string, number>;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Feature rows for the click model, one per candidate, in candidate order:
 * the recommender's opinion (z-scored within the shelf, and rank), where the item
 * sits (slot, shelf), how it fits the shopper (category share, same category as
 * the last item, price against what they look at, seen before, clicked before)
 * and how popular it is.
 */
export function clickFeatures(
  candidates: readonly Candidate[],
  context: ClickContext,
  facts: (itemId: string) => ItemFacts | undefined,
): Float32Array {
  const out = new Float32Array(candidates.length * CLICK_FEATURES);
  const scores = candidates.map((c) => c.modelScore);
  const mean = scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length);
  const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, scores.length)) || 1;
  const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
  const rank = new Map(order.map((index, r) => [index, r]));

  const recent = context.history.slice(-50);
  const categoryCounts = new Map<string, number>();
  const seen = new Set<string>();
  const prices: number[] = [];
  for (const step of recent) {
    seen.add(step.itemId);
    const f = facts(step.itemId);
    if (f?.topCategory) categoryCounts.set(f.topCategory, (categoryCounts.get(f.topCategory) ?? 0) + 1);
    if (f?.price) prices.push(f.price);
  }
  const lastCategory = recent.length ? facts(recent[recent.length - 1]!.itemId)?.topCategory : null;
  const typicalPrice = median(prices);
  const shelfIndex = (SHELVES as readonly string[]).indexOf(context.shelf);

  candidates.forEach((c, i) => {
    const f = facts(c.itemId);
    const row = out.subarray(i * CLICK_FEATURES, (i + 1) * CLICK_FEATURES);
    row[0] = (c.modelScore - mean) / sd;
    row[1] = (rank.get(i) ?? 0) / Math.max(1, candidates.length);
    row[2] = Math.min(2, c.position / 10);
    if (shelfIndex >= 0) row[3 + shelfIndex] = 1;
    else row[8] = 1;
    row[9] = f?.topCategory ? (categoryCounts.get(f.topCategory) ?? 0) / Math.max(1, recent.length) : 0;
    row[10] = f?.topCategory && f.topCategory === lastCategory ? 1 : 0;
    row[11] = f?.popularity ?? 0;
    row[12] = f?.price ? Math.log10(f.price + 1) / 4 : 0;
    row[13] = f?.price && typicalPrice ? Math.max(-2, Math.min(2, Math.log(f.price / typicalPrice))) / 2 : 0;
    row[14] = seen.has(c.itemId) ? 1 : 0;
    row[15] = Math.log1p(context.priorClicks.get(c.itemId) ?? 0) / 3;
  });
  return out;
}

/** An impression as stored, and the clicks that followed. */
export interface ImpressionRecord {
  ts: number;
  shelf: string;
  items: { itemId: string; position: number }[];
}
export interface ClickRecord {
  ts: number;
  itemId: string;
  shelf?: string;
}

/** A click counts for an impression when it is on the same item and shelf within this window. */
export const CLICK_WINDOW_MS = 30 * 60_000;

export interface ClickExamples {
  features: Float32Array;
  labels: Float32Array;
  /** Impression time of each row, for a time-ordered hold-out. */
  ts: number[];
}

/**
 * Impression → click pairs as training rows. `scoreOf` gives the recommender's
 * scores for the items after a history (null when the model knows none of it).
 */
export function clickExamples(
  impressions: readonly ImpressionRecord[],
  clicks: readonly ClickRecord[],
  steps: readonly SequenceStep[],
  facts: (itemId: string) => ItemFacts | undefined,
  scoreOf: (history: readonly SequenceStep[], itemIds: readonly string[]) => ArrayLike<number> | null,
): ClickExamples {
  const sortedImpressions = [...impressions].sort((a, b) => a.ts - b.ts);
  const sortedClicks = [...clicks].sort((a, b) => a.ts - b.ts);
  const rows: Float32Array[] = [];
  const labels: number[] = [];
  const times: number[] = [];
  const priorClicks = new Map<string, number>();
  let clickCursor = 0;
  for (const impression of sortedImpressions) {
    while (clickCursor < sortedClicks.length && sortedClicks[clickCursor]!.ts < impression.ts) {
      const id = sortedClicks[clickCursor]!.itemId;
      priorClicks.set(id, (priorClicks.get(id) ?? 0) + 1);
      clickCursor++;
    }
    const history = steps.filter((s) => s.ts < impression.ts);
    const ids = impression.items.map((i) => i.itemId);
    const scores = scoreOf(history, ids);
    const candidates = impression.items.map((item, i) => ({
      itemId: item.itemId,
      position: item.position,
      modelScore: scores ? (scores[i] as number) : 0,
    }));
    rows.push(clickFeatures(candidates, { shelf: impression.shelf, history, priorClicks }, facts));
    for (const item of impression.items) {
      const clicked = sortedClicks.some(
        (c) =>
          c.itemId === item.itemId &&
          (c.shelf === undefined || c.shelf === impression.shelf) &&
          c.ts >= impression.ts &&
          c.ts <= impression.ts + CLICK_WINDOW_MS,
      );
      labels.push(clicked ? 1 : 0);
      times.push(impression.ts);
    }
  }
  const features = new Float32Array(labels.length * CLICK_FEATURES);
  let offset = 0;
  for (const row of rows) {
    features.set(row, offset);
    offset += row.length;
  }
  return { features, labels: Float32Array.from(labels), ts: times };
}
