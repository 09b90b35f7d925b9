import { moments } from '../metrics/moments.ts';
import { INTERACTION_KINDS, type ShopperSignals } from './signals.ts';

/**
 * Every re-ranker input, in order, with what it means. This table is the feature spec:
 * it ships in the re-ranker's card and docs/reranker.md prints it.
 */
export const RERANK_FEATURES = [
  ['base_z', 'base score (sequence model, or minus the site position) z-scored within the list'],
  ['base_rank', 'rank by base score / list length (0 = best)'],
  ['position', 'slot in the list / 25, capped at 2'],
  ['first_slot', '1 if shown first'],
  ['list_length', 'items in the list / 25'],
  ['price_vs_list', 'log(price / list median price), clipped to ±2; 0 without prices'],
  ['price_rank', 'rank by price in the list / list length (0 = cheapest)'],
  ['price_sorted', '1 if the list is sorted by ascending price (the shopper chose price order)'],
  ['sort_price', '1 if the shopper sorted the list by price'],
  ['sort_rating', '1 if sorted by rating or popularity'],
  ['sort_other', '1 if sorted some other way (distance, best value, …)'],
  ['filters', 'log1p(filters in force) / 2'],
  ['price_vs_usual', 'log(price / geometric mean price of what the shopper interacted with), clipped to ±2'],
  ['has_usual_price', '1 when the shopper has a usual price'],
  ['shown', 'log1p(times this item was shown to this shopper before) / 3'],
  ['shown_ignored', 'log1p(showings since the shopper last interacted with it) / 3'],
  ['last_shown_slot', '(slot at the last showing + 1) / 25; 0 if never shown'],
  ['shown_recency', '1 / (1 + minutes since last shown / 30); 0 if never'],
  ['views_session', 'log1p(views of this item in this session)'],
  ['views_before', 'log1p(views in earlier sessions)'],
  ['clicks_session', 'log1p(clicks on this item in this session)'],
  ['clicks_before', 'log1p(clicks in earlier sessions)'],
  ['carts', 'log1p(add-to-carts of this item)'],
  ['purchases', 'log1p(purchases of this item)'],
  ['dwell', 'log1p(seconds dwelt on this item) / 4'],
  ['search_hits', 'log1p(searches that named or showed this item first)'],
  ['interacted', '1 if the shopper ever interacted with this item'],
  ['is_last_item', '1 if it is the item of the last interaction in this session'],
  ['steps_since', '1 / (1 + item events since the last interaction with it); 0 if never'],
  ['recency', '1 / (1 + minutes since the last interaction with it / 30); 0 if never'],
  ['recency_fast', '1 / (1 + seconds since the last interaction with it / 60); 0 if never'],
  [
    'interacted_rank',
    '1 / (1 + rank among this list’s interacted items, most recent first); 0 if not interacted',
  ],
  ['session_touches', 'log1p(all interactions with this item in this session)'],
  ['session_focus', 'share of this session’s item events that were on this item'],
  ['touches_rank', '1 / (1 + rank among this list’s items by interactions this session); 0 if none'],
  ...INTERACTION_KINDS.map(
    (k) => [`last_kind_${k}`, `1 if the last interaction with this item was ${k}`] as const,
  ),
  ['last_item_in_list', '1 if the session’s last interacted item is in this list'],
  ['offset_from_last', '(slot − slot of the last interacted item) / 25, clipped to ±1; 0 if absent'],
  ['next_to_last', '1 if directly below the last interacted item'],
  ['above_last', '1 if above the last interacted item in the list'],
  ['category_share', 'share of the shopper’s weighted interest in this item’s category'],
  ['category_session', 'share of this session’s interest in this item’s category'],
  ['same_category_as_last', '1 if it shares the category of the last interacted item'],
  ['brand_share', 'share of the shopper’s weighted interest in this item’s brand'],
  ['session_length', 'log1p(events in this session so far) / 4'],
  ['session_minutes', 'log1p(minutes since the session started) / 4'],
  ['earlier_sessions', 'log1p(sessions before this one) / 3'],
  ['interacted_in_list', 'log1p(items of this list the shopper interacted with) / 2'],
  ['lists_in_session', 'log1p(lists shown earlier in this session) / 2'],
  ['idle_seconds', 'log1p(seconds since the shopper’s last event) / 8'],
  [
    'price_vs_session',
    'log(price / geometric mean price of what was interacted with this session), clipped to ±2',
  ],
  ['pop_shown', 'log1p(showings over the pretraining population) / 8'],
  ['pop_ctr', 'population click rate of the item, smoothed toward the global rate, ×10'],
  ['pop_clicks', 'log1p(clicks over the pretraining population) / 6'],
  ['pop_ctr_rank', 'rank by population click rate within the list / list length (0 = highest)'],
  ['shelf_for_you', '1 on "for you"'],
  ['shelf_item', '1 on an item page shelf (because viewed, similar, bought together)'],
  ['shelf_search', '1 on search results'],
  ['shelf_list', '1 on a site list (category page, the site’s own order)'],
  ['shelf_other', '1 on any other shelf (trending, a host’s widget)'],
] as const satisfies readonly (readonly [string, string])[];

export type RerankFeature = (typeof RERANK_FEATURES)[number][0];
export const RERANK_FEATURE_NAMES: readonly RerankFeature[] = RERANK_FEATURES.map(([n]) => n);
export const RERANK_FEATURE_COUNT = RERANK_FEATURES.length;
const F = Object.fromEntries(RERANK_FEATURE_NAMES.map((n, i) => [n, i])) as Record<RerankFeature, number>;

/** One candidate of a list about to be shown, in the list's order. */
export interface RerankCandidate {
  itemId: string;
  /** The base ranker's score (higher is better); null ranks by position. */
  baseScore: number | null;
  /** The price shown on this list, when it differs from the catalog's. */
  price?: number;
}

/** A list to re-rank: its shelf, when it is shown, its candidates in base order. */
export interface RerankList {
  shelf: string;
  ts: number;
  /** The order the shopper chose, when not the site's own, and the filters in force. */
  sort?: string;
  filters?: readonly string[];
  /** The session the list is shown in; without it, a list within 30 minutes of the last event counts as the same session. */
  sessionId?: string;
  candidates: readonly RerankCandidate[];
}

/** How often the pretraining population saw and clicked an item (no individual's data). */
export type PopulationOf = (itemId: string) => { shown: number; clicks: number } | undefined;

const ITEM_SHELVES = new Set(['because-viewed', 'similar', 'bought-together', 'goes-with']);
const LIST_SHELVES = new Set(['category', 'list', 'site-list']);
/** Pseudo-showings behind the population click rate's prior. */
const CTR_PRIOR_WEIGHT = 20;

const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

function sortFeatureOf(sort: string | undefined): RerankFeature | null {
  if (!sort) return null;
  if (/price/i.test(sort)) return 'sort_price';
  if (/rating|popular/i.test(sort)) return 'sort_rating';
  return 'sort_other';
}

function shelfFeature(shelf: string): RerankFeature {
  if (shelf === 'for-you') return 'shelf_for_you';
  if (ITEM_SHELVES.has(shelf)) return 'shelf_item';
  if (shelf === 'search') return 'shelf_search';
  if (LIST_SHELVES.has(shelf)) return 'shelf_list';
  return 'shelf_other';
}

/**
 * Feature rows for a list, one per candidate (row-major, RERANK_FEATURE_COUNT wide), from
 * the shopper's signals strictly before the list is shown. The one feature function of the
 * re-ranker: pretraining, `bench:rerank` and the worker all call it.
 */
export function rerankFeatures(
  list: RerankList,
  signals: ShopperSignals,
  population: PopulationOf = () => undefined,
  globalClickRate = 0.05,
): Float32Array {
  const n = list.candidates.length;
  const width = RERANK_FEATURE_COUNT;
  const out = new Float32Array(n * width);
  if (n === 0) return out;

  const base = list.candidates.map((c, i) => c.baseScore ?? -i);
  const { mean, sd } = moments(base);
  const baseRank = rankOf(base, (a, b) => b - a);

  const prices = list.candidates.map((c) => c.price ?? signals.priceOf(c.itemId));
  const known = prices.filter((p): p is number => p !== null && p > 0);
  const median = known.length ? [...known].sort((a, b) => a - b)[Math.floor(known.length / 2)]! : null;
  const priceRank = rankOf(
    prices.map((p) => p ?? Infinity),
    (a, b) => a - b,
  );
  const sorted = known.length === n && n > 2 && prices.every((p, i) => i === 0 || p! >= prices[i - 1]!);
  const usual = signals.usualLogPrice;
  const sortFeature = sortFeatureOf(list.sort);

  // Session features describe the session the list is shown in: a new session starts empty.
  const sameSession =
    signals.sessionId !== '' &&
    (list.sessionId !== undefined
      ? list.sessionId === signals.sessionId
      : list.ts - signals.lastTs < 30 * 60_000);
  const last = sameSession ? signals.lastItem : null;
  const lastSlot = last ? list.candidates.findIndex((c) => c.itemId === last.itemId) : -1;
  const lastCategory = last ? signals.factsOf(last.itemId)?.category : null;
  const lastSteps = list.candidates.map((c) => signals.items.get(c.itemId)?.lastStep ?? -1);
  const interactedInList = lastSteps.filter((step) => step >= 0).length;
  const recentFirst = rankOf(lastSteps, (a, b) => b - a);
  const sessionLogPrice = sameSession ? signals.sessionLogPrice : null;
  const touches = list.candidates.map((c) => {
    const s = signals.items.get(c.itemId);
    return sameSession && s && s.sessionId === signals.sessionId ? s.session.reduce((a, b) => a + b, 0) : 0;
  });
  const touchRank = rankOf(touches, (a, b) => b - a);
  const popCtr = list.candidates.map((c) => {
    const pop = population(c.itemId);
    return (
      (10 * ((pop?.clicks ?? 0) + CTR_PRIOR_WEIGHT * globalClickRate)) /
      ((pop?.shown ?? 0) + CTR_PRIOR_WEIGHT)
    );
  });
  const popCtrRank = rankOf(popCtr, (a, b) => b - a);
  const shelf = F[shelfFeature(list.shelf)];
  const minutes = (ms: number) => Math.max(0, list.ts - ms) / 60_000;

  list.candidates.forEach((c, i) => {
    const row = out.subarray(i * width, (i + 1) * width);
    const s = signals.items.get(c.itemId);
    const facts = signals.factsOf(c.itemId);
    row[F.base_z] = clip((base[i]! - mean) / sd, -4, 4);
    row[F.base_rank] = baseRank[i]! / n;
    row[F.position] = Math.min(2, i / 25);
    row[F.first_slot] = i === 0 ? 1 : 0;
    row[F.list_length] = n / 25;
    const price = prices[i];
    if (price !== null && price !== undefined && price > 0) {
      if (median) row[F.price_vs_list] = clip(Math.log(price / median), -2, 2);
      row[F.price_rank] = priceRank[i]! / n;
      if (usual !== null) {
        row[F.price_vs_usual] = clip(Math.log(price) - usual, -2, 2);
        row[F.has_usual_price] = 1;
      }
    }
    row[F.price_sorted] = sorted ? 1 : 0;
    if (sortFeature) row[F[sortFeature]] = 1;
    row[F.filters] = Math.log1p(list.filters?.length ?? 0) / 2;
    if (s) {
      row[F.shown] = Math.log1p(s.shown) / 3;
      row[F.shown_ignored] = Math.log1p(s.shownSinceInteraction) / 3;
      if (s.shown > 0) {
        row[F.last_shown_slot] = (s.lastShownPosition + 1) / 25;
        row[F.shown_recency] = 1 / (1 + minutes(s.lastShownTs) / 30);
      }
      const inSession = sameSession && s.sessionId === signals.sessionId;
      const session = (k: number) => (inSession ? s.session[k]! : 0);
      row[F.views_session] = Math.log1p(session(0));
      if (touches[i]! > 0) {
        row[F.session_touches] = Math.log1p(touches[i]!);
        row[F.session_focus] = signals.sessionItemEvents > 0 ? touches[i]! / signals.sessionItemEvents : 0;
        row[F.touches_rank] = 1 / (1 + touchRank[i]!);
      }
      row[F.views_before] = Math.log1p(s.total[0]! - session(0));
      row[F.clicks_session] = Math.log1p(session(1));
      row[F.clicks_before] = Math.log1p(s.total[1]! - session(1));
      row[F.carts] = Math.log1p(s.total[2]!);
      row[F.purchases] = Math.log1p(s.total[3]!);
      row[F.dwell] = Math.log1p(s.dwellMs / 1000) / 4;
      row[F.search_hits] = Math.log1p(s.total[5]!);
      if (s.lastStep >= 0) {
        row[F.interacted] = 1;
        row[F.steps_since] = 1 / (1 + signals.steps - 1 - s.lastStep);
        row[F.recency] = 1 / (1 + minutes(s.lastTs) / 30);
        row[F.recency_fast] = 1 / (1 + minutes(s.lastTs));
        row[F.interacted_rank] = 1 / (1 + recentFirst[i]!);
        row[F[`last_kind_${INTERACTION_KINDS[s.lastKind]!}`]] = 1;
      }
    }
    if (last && last.itemId === c.itemId) row[F.is_last_item] = 1;
    if (lastSlot >= 0) {
      row[F.last_item_in_list] = 1;
      row[F.offset_from_last] = clip((i - lastSlot) / 25, -1, 1);
      row[F.next_to_last] = i === lastSlot + 1 ? 1 : 0;
      row[F.above_last] = i < lastSlot ? 1 : 0;
    }
    if (facts?.category) {
      if (signals.groupWeightTotal > 0)
        row[F.category_share] = (signals.categoryTotal.get(facts.category) ?? 0) / signals.groupWeightTotal;
      if (sameSession && signals.groupWeightSession > 0)
        row[F.category_session] =
          (signals.categorySession.get(facts.category) ?? 0) / signals.groupWeightSession;
      if (lastCategory && lastCategory === facts.category) row[F.same_category_as_last] = 1;
    }
    if (facts?.brand && signals.groupWeightTotal > 0)
      row[F.brand_share] = (signals.brandTotal.get(facts.brand) ?? 0) / signals.groupWeightTotal;
    row[F.session_length] = sameSession ? Math.log1p(signals.sessionEvents) / 4 : 0;
    row[F.session_minutes] = sameSession ? Math.log1p(minutes(signals.sessionStart)) / 4 : 0;
    row[F.earlier_sessions] = Math.log1p(Math.max(0, signals.sessions - (sameSession ? 1 : 0))) / 3;
    row[F.interacted_in_list] = Math.log1p(interactedInList) / 2;
    row[F.lists_in_session] = sameSession ? Math.log1p(signals.sessionLists) / 2 : 0;
    row[F.idle_seconds] =
      signals.lastTs > 0 ? Math.log1p(Math.max(0, list.ts - signals.lastTs) / 1000) / 8 : 1;
    if (sessionLogPrice !== null && price !== null && price !== undefined && price > 0)
      row[F.price_vs_session] = clip(Math.log(price) - sessionLogPrice, -2, 2);
    const pop = population(c.itemId);
    row[F.pop_shown] = Math.log1p(pop?.shown ?? 0) / 8;
    row[F.pop_ctr] = popCtr[i]!;
    row[F.pop_clicks] = Math.log1p(pop?.clicks ?? 0) / 6;
    row[F.pop_ctr_rank] = popCtrRank[i]! / n;
    row[shelf] = 1;
  });
  return out;
}

/** 0-based rank of each value under `compare`; ties keep list order. */
function rankOf(values: readonly number[], compare: (a: number, b: number) => number): number[] {
  const order = values.map((_, i) => i).sort((a, b) => compare(values[a]!, values[b]!) || a - b);
  const rank = new Array<number>(values.length);
  order.forEach((index, r) => (rank[index] = r));
  return rank;
}
