import { EVENT_KINDS, isItemEvent, type EventKind, type ShopEvent } from './schema.ts';

/** One step of a shopper's item history, as the model reads it. */
export interface SequenceStep {
  itemId: string;
  kind: EventKind;
  ts: number;
}

/** Item events in time order (oldest first); search and impression events carry no single item. */
export function itemSequence(events: readonly ShopEvent[]): SequenceStep[] {
  return events
    .filter(isItemEvent)
    .map((e) => ({ itemId: e.itemId, kind: e.kind, ts: e.ts }))
    .sort((a, b) => a.ts - b.ts);
}

export interface SessionSummary {
  sessionId: string;
  start: number;
  end: number;
  events: number;
}

/** Sessions, newest first. */
export function summarizeSessions(events: readonly ShopEvent[]): SessionSummary[] {
  const byId = new Map<string, SessionSummary>();
  for (const e of events) {
    const s = byId.get(e.sessionId);
    if (!s) byId.set(e.sessionId, { sessionId: e.sessionId, start: e.ts, end: e.ts, events: 1 });
    else {
      s.start = Math.min(s.start, e.ts);
      s.end = Math.max(s.end, e.ts);
      s.events++;
    }
  }
  return [...byId.values()].sort((a, b) => b.end - a.end);
}

export function countByKind(events: readonly ShopEvent[]): Record<EventKind, number> {
  const counts = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<EventKind, number>;
  for (const e of events) counts[e.kind]++;
  return counts;
}

/** How strongly each kind of event says "I am interested". Dwell adds per minute, capped. */
export const INTEREST_WEIGHTS: Record<EventKind, number> = {
  view: 1,
  click: 1,
  add_to_cart: 3,
  remove_from_cart: -1,
  purchase: 5,
  search: 0,
  impression: 0,
  dwell: 0,
};

export interface Interest {
  category: string;
  /** Share of the shopper's decayed interest, 0..1. */
  share: number;
  events: number;
}

/**
 * Top-level categories the shopper cares about, from decayed, kind-weighted
 * item events. `categoryOf` maps an item id to its category path.
 */
export function interestSummary(
  events: readonly ShopEvent[],
  categoryOf: (itemId: string) => readonly string[] | undefined,
  options: { now?: number; halfLifeDays?: number; top?: number } = {},
): Interest[] {
  const now = options.now ?? Date.now();
  const halfLifeMs = (options.halfLifeDays ?? 14) * 86_400_000;
  const score = new Map<string, { weight: number; events: number }>();
  let total = 0;
  for (const e of events) {
    if (!isItemEvent(e)) continue;
    const category = categoryOf(e.itemId)?.[0];
    if (!category) continue;
    const base = e.kind === 'dwell' ? Math.min(e.ms / 60_000, 3) : INTEREST_WEIGHTS[e.kind];
    const weight = base * Math.pow(0.5, Math.max(0, now - e.ts) / halfLifeMs);
    const entry = score.get(category) ?? { weight: 0, events: 0 };
    entry.weight += weight;
    entry.events++;
    score.set(category, entry);
    total += weight;
  }
  if (total <= 0) return [];
  return [...score.entries()]
    .filter(([, s]) => s.weight > 0)
    .map(([category, s]) => ({ category, share: s.weight / total, events: s.events }))
    .sort((a, b) => b.share - a.share)
    .slice(0, options.top ?? 5);
}
