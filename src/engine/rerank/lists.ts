import type { ImpressionEvent, ShopEvent } from '../events/schema.ts';
import { rerankFeatures, type PopulationOf, type RerankList } from './features.ts';
import { ShopperSignals, type FactsOf } from './signals.ts';

/** A click counts for a list when it is on one of its items, from the same shelf, within this window. */
export const CLICK_WINDOW_MS = 30 * 60_000;

/** One list the shopper was shown, its feature rows, and which items they clicked. */
export interface LabelledList {
  list: RerankList;
  /** Row-major feature rows, one per candidate. */
  features: Float32Array;
  /** 1 for each candidate clicked from this list, else 0. */
  labels: Float32Array;
}

/**
 * Which items of each impression were clicked: a click on an item from the same shelf (or
 * from no named shelf) within CLICK_WINDOW_MS of the latest impression that showed it there.
 * Keyed by the impression's index in `events` (oldest first).
 */
export function clickLabels(events: readonly ShopEvent[]): Map<number, Float32Array> {
  const labels = new Map<number, Float32Array>();
  /** shelf → item → the latest impression that showed it there, and its slot. */
  const shownAt = new Map<string, Map<string, { index: number; slot: number; ts: number }>>();
  events.forEach((e, index) => {
    if (e.kind === 'impression') {
      labels.set(index, new Float32Array(e.items.length));
      let byItem = shownAt.get(e.shelf);
      if (!byItem) shownAt.set(e.shelf, (byItem = new Map()));
      e.items.forEach((item, slot) => byItem.set(item.itemId, { index, slot, ts: e.ts }));
    } else if (e.kind === 'click') {
      const shelves = e.shelf !== undefined ? [shownAt.get(e.shelf)] : [...shownAt.values()];
      for (const byItem of shelves) {
        const hit = byItem?.get(e.itemId);
        if (hit && e.ts >= hit.ts && e.ts - hit.ts <= CLICK_WINDOW_MS) {
          labels.get(hit.index)![hit.slot] = 1;
          break;
        }
      }
    }
  });
  return labels;
}

export interface WalkOptions {
  facts?: FactsOf;
  population?: PopulationOf;
  globalClickRate?: number;
  /** Base scores for an impression's items (e.g. the sequence model's after the history so far); default: the site's order. */
  baseScores?: (impression: ImpressionEvent, index: number) => ArrayLike<number> | null;
}

/** The list an impression showed, as the re-ranker sees it. */
export function listOf(e: ImpressionEvent, scores: ArrayLike<number> | null): RerankList {
  return {
    shelf: e.shelf,
    ts: e.ts,
    sessionId: e.sessionId,
    ...(e.sort !== undefined ? { sort: e.sort } : {}),
    ...(e.filters !== undefined ? { filters: e.filters } : {}),
    candidates: e.items.map((item, i) => ({
      itemId: item.itemId,
      baseScore: scores ? (scores[i] as number) : null,
      ...(item.price !== undefined ? { price: item.price } : {}),
    })),
  };
}

/**
 * Walks one shopper's events oldest first and turns every stored impression into a labelled
 * list, its features from the signals strictly before it. Returns the lists in time order and
 * the signals after the last event.
 */
export function labelledLists(
  events: readonly ShopEvent[],
  options: WalkOptions = {},
): { lists: LabelledList[]; signals: ShopperSignals } {
  const labels = clickLabels(events);
  const signals = new ShopperSignals(options.facts);
  const lists: LabelledList[] = [];
  events.forEach((e, index) => {
    if (e.kind === 'impression') {
      const list = listOf(e, options.baseScores?.(e, index) ?? null);
      lists.push({
        list,
        features: rerankFeatures(list, signals, options.population, options.globalClickRate),
        labels: labels.get(index)!,
      });
    }
    signals.observe(e);
  });
  return { lists, signals };
}

/** Rows and labels of many lists, concatenated (for a training batch). */
export function stackLists(
  lists: readonly LabelledList[],
  width: number,
): { x: Float32Array; y: Float32Array } {
  const rows = lists.reduce((s, l) => s + l.labels.length, 0);
  const x = new Float32Array(rows * width);
  const y = new Float32Array(rows);
  let offset = 0;
  for (const l of lists) {
    x.set(l.features, offset * width);
    y.set(l.labels, offset);
    offset += l.labels.length;
  }
  return { x, y };
}
