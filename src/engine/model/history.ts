import { EVENT_KINDS, type EventKind } from '../events/schema.ts';

/** One step of a shopper's history, as the model reads it. */
export interface HistoryStep {
  /** Catalog item id (string), looked up in the model's vocabulary. */
  itemId: string;
  /** What the shopper did. Default: 'view'. */
  kind?: EventKind;
  /** Milliseconds since the epoch; omitted means "unknown time". */
  ts?: number;
}

/** A history as index arrays, oldest first, at most maxLen long, no padding. */
export interface EncodedHistory {
  items: Int32Array;
  kinds: Int32Array;
  recency: Int32Array;
}

const HOUR = 3_600_000;
/** Upper bounds of the age buckets 2..8: 10 min, 1 h, 6 h, 1 day, 1 week, 30 days, older. */
const AGE_LIMITS = [HOUR / 6, HOUR, 6 * HOUR, 24 * HOUR, 7 * 24 * HOUR, 30 * 24 * HOUR];

/** Recency bucket of an event: 0 is padding, 1 is unknown time, 2.. grow with age. */
export function recencyBucket(ts: number | undefined, now: number): number {
  if (ts === undefined || !Number.isFinite(ts)) return 1;
  const age = Math.max(0, now - ts);
  const i = AGE_LIMITS.findIndex((limit) => age < limit);
  return 2 + (i === -1 ? AGE_LIMITS.length : i);
}

/** Kind index as embedded by the model: EVENT_KINDS index + 1 (0 is padding). */
export function kindIndex(kind: EventKind): number {
  const i = EVENT_KINDS.indexOf(kind);
  if (i < 0)
    throw new Error(`unknown event kind ${JSON.stringify(kind)}; expected one of ${EVENT_KINDS.join(', ')}`);
  return i + 1;
}

/**
 * Turns recent events into model input. Items missing from the vocabulary are skipped
 * (the model cannot embed them); only the latest maxLen steps are kept.
 * `now` defaults to the latest event's time, so ages are relative to the last action.
 */
export function encodeHistory(
  steps: readonly HistoryStep[],
  vocabulary: ReadonlyMap<string, number>,
  maxLen: number,
  now?: number,
): EncodedHistory {
  const known = steps.filter((s) => vocabulary.has(s.itemId)).slice(-maxLen);
  const latest = now ?? known.reduce((m, s) => (s.ts !== undefined && s.ts > m ? s.ts : m), -Infinity);
  const items = new Int32Array(known.length);
  const kinds = new Int32Array(known.length);
  const recency = new Int32Array(known.length);
  known.forEach((s, i) => {
    items[i] = vocabulary.get(s.itemId) ?? 0;
    kinds[i] = kindIndex(s.kind ?? 'view');
    recency[i] = recencyBucket(s.ts, latest);
  });
  return { items, kinds, recency };
}

/** Left-pads histories into [batch, time] arrays (time = longest history, at least 1). */
export function padBatch(
  histories: readonly EncodedHistory[],
  minTime = 1,
): { items: Int32Array; kinds: Int32Array; recency: Int32Array; time: number } {
  const time = Math.max(minTime, ...histories.map((h) => h.items.length));
  const n = histories.length * time;
  const items = new Int32Array(n);
  const kinds = new Int32Array(n);
  const recency = new Int32Array(n);
  histories.forEach((h, b) => {
    const offset = b * time + time - h.items.length;
    items.set(h.items, offset);
    kinds.set(h.kinds, offset);
    recency.set(h.recency, offset);
  });
  return { items, kinds, recency, time };
}
