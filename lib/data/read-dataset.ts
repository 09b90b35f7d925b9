import {
  EVENT_KINDS,
  isItemEvent,
  validateEvent,
  type CatalogItem,
  type EventKind,
  type ShopEvent,
} from '../../src/engine/node.ts';
import { parseInteractionCsv, parseInteractionJsonl, type LogStep } from './owner-logs.ts';

/** One user's behaviour in time order. `kinds`/`ts` are absent for plain item-id files. */
export interface UserSequence {
  user: string;
  items: string[];
  kinds?: EventKind[];
  ts?: number[];
}

/** A data file problem: names the file line (1-based) and what was wrong. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * Parses the sequential-recommendation text format: `user_id item_id item_id ...` per line,
 * items in time order, ids positive integers. Blank lines are skipped.
 */
export function parseItemSequences(text: string): UserSequence[] {
  const users: UserSequence[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const fields = raw.trim().split(/\s+/).filter(Boolean);
    if (fields.length === 0) return;
    const [user, ...items] = fields as [string, ...string[]];
    if (!/^\d+$/.test(user))
      throw new DatasetError(line, `user id ${JSON.stringify(user)}; expected a positive integer`);
    if (items.length === 0)
      throw new DatasetError(line, `user ${user} has no items; expected "user_id item_id item_id ..."`);
    const bad = items.find((t) => !/^[1-9]\d*$/.test(t));
    if (bad !== undefined)
      throw new DatasetError(line, `item id ${JSON.stringify(bad)}; expected a positive integer`);
    const earlier = seen.get(user);
    if (earlier !== undefined)
      throw new DatasetError(
        line,
        `user ${user} already appeared on line ${earlier}; expected one line per user`,
      );
    seen.set(user, line);
    users.push({ user, items });
  });
  if (users.length === 0)
    throw new DatasetError(1, 'the file has no users; expected lines "user_id item_id item_id ..."');
  return users;
}

/** How strongly a kind signals interest; of consecutive events on one item the strongest is kept. */
const INTENT: Partial<Record<EventKind, number>> = {
  view: 1,
  dwell: 2,
  click: 3,
  add_to_cart: 4,
  purchase: 5,
};

/**
 * Parses a JSONL file of simulated shoppers: `{"shopper":"s-1","events":[ShopEvent, ...]}`.
 * Item events become the sequence (time order); impressions, searches and cart removals are
 * not interest in an item and are skipped. Consecutive events on the same item merge into one
 * step with the strongest kind, so view → dwell → click on one product is one step.
 */
export function parseShopperJsonl(text: string): UserSequence[] {
  const users: UserSequence[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw new DatasetError(
        line,
        `not valid JSON (${(e as Error).message}); expected {"shopper": "...", "events": [...]}`,
      );
    }
    const rec = obj as { shopper?: unknown; events?: unknown };
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec))
      throw new DatasetError(line, 'expected a JSON object {"shopper": "...", "events": [...]}');
    if (typeof rec.shopper !== 'string' || rec.shopper === '')
      throw new DatasetError(
        line,
        `"shopper" is ${JSON.stringify(rec.shopper)}; expected a non-empty string`,
      );
    if (!Array.isArray(rec.events))
      throw new DatasetError(
        line,
        `"events" of shopper ${rec.shopper} is not an array; expected a list of events`,
      );
    const earlier = seen.get(rec.shopper);
    if (earlier !== undefined)
      throw new DatasetError(
        line,
        `shopper ${rec.shopper} already appeared on line ${earlier}; expected one line per shopper`,
      );
    seen.set(rec.shopper, line);
    const events: ShopEvent[] = rec.events.map((e, j) => {
      try {
        return validateEvent(e);
      } catch (err) {
        throw new DatasetError(line, `event ${j} of shopper ${rec.shopper}: ${(err as Error).message}`);
      }
    });
    const sorted = events.filter(isItemEvent).filter((e) => INTENT[e.kind] !== undefined);
    sorted.sort((a, b) => a.ts - b.ts);
    const seq = sequenceOf(rec.shopper, sorted);
    if (seq.items.length > 0) users.push(seq);
  });
  if (users.length === 0)
    throw new DatasetError(
      1,
      'the file has no shoppers with item events; expected JSONL lines {"shopper": "...", "events": [...]}',
    );
  return users;
}

/**
 * One user's steps in time order; consecutive steps on the same item merge into one with the
 * strongest kind (view → dwell → click on one product is one step).
 */
function sequenceOf(
  user: string,
  steps: readonly { itemId: string; kind: EventKind; ts: number }[],
): UserSequence {
  const seq: UserSequence = { user, items: [], kinds: [], ts: [] };
  for (const e of steps) {
    const last = seq.items.length - 1;
    if (last >= 0 && seq.items[last] === e.itemId) {
      const prev = seq.kinds![last] as EventKind;
      if ((INTENT[e.kind] ?? 0) > (INTENT[prev] ?? 0)) seq.kinds![last] = e.kind;
      seq.ts![last] = e.ts;
      continue;
    }
    seq.items.push(e.itemId);
    seq.kinds!.push(e.kind);
    seq.ts!.push(e.ts);
  }
  return seq;
}

/** Groups an owner's log rows by user, each in time order (ties in file order). */
export function sequencesFromLog(steps: readonly LogStep[]): UserSequence[] {
  if (steps.length === 0)
    throw new DatasetError(1, 'the file has no interactions; expected rows user,item,timestamp[,kind]');
  const byUser = new Map<string, LogStep[]>();
  for (const step of steps) {
    const list = byUser.get(step.user) ?? [];
    list.push(step);
    byUser.set(step.user, list);
  }
  return [...byUser.entries()].map(([user, list]) =>
    sequenceOf(
      user,
      [...list].sort((a, b) => a.ts - b.ts || a.line - b.line),
    ),
  );
}

/**
 * Picks the parser by content: JSONL (`{` first) is the simulator's `{"shopper", "events"}`
 * lines, or one interaction or LocalShelf event per line; a first line with commas is CSV
 * `user,item,timestamp[,kind]`; anything else the integer item-id sequence format.
 */
export function parseDataset(text: string): UserSequence[] {
  const trimmed = text.trimStart();
  const firstLine = trimmed.slice(0, trimmed.search(/\r?\n|$/));
  if (trimmed.startsWith('{'))
    return /"events"\s*:/.test(firstLine)
      ? parseShopperJsonl(text)
      : sequencesFromLog(parseInteractionJsonl(text));
  if (firstLine.includes(',')) return sequencesFromLog(parseInteractionCsv(text));
  return parseItemSequences(text);
}

/** What pretraining should tell the owner about their logs against their catalog. */
export function catalogCoverage(users: readonly UserSequence[], catalog: readonly CatalogItem[]): string[] {
  const ids = new Set(catalog.map((item) => item.id));
  const logged = new Set(users.flatMap((u) => u.items));
  const unknown = [...logged].filter((id) => !ids.has(id));
  const unseen = catalog.filter((item) => !logged.has(item.id)).length;
  const lines: string[] = [];
  if (unknown.length > 0)
    lines.push(
      `${unknown.length} item ids in the logs are not in the catalog (${unknown
        .slice(0, 3)
        .map((id) => JSON.stringify(id))
        .join(
          ', ',
        )}${unknown.length > 3 ? ', ...' : ''}); the model learns them, but the shelves show only catalog items`,
    );
  if (unseen > 0)
    lines.push(
      `${unseen} of ${catalog.length} catalog items have no interactions; they are scored by their content`,
    );
  if (logged.size > 0 && unknown.length === logged.size)
    throw new Error(
      'none of the item ids in the logs is in the catalog; expected the ids your catalog uses (check the item column)',
    );
  return lines;
}

/** Kind assumed for plain item-id files (review data: the shopper bought the item). */
export const DEFAULT_DATASET_KIND: EventKind = 'purchase';
export { EVENT_KINDS };
