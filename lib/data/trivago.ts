/**
 * The trivago RecSys Challenge 2019 session logs as LocalShelf events. Each row is one
 * action; a clickout becomes the list the site showed (an impression with positions and
 * prices) followed by a click on the chosen item. The mapping is in docs/reranker.md.
 */
import type { ShopEvent } from '../../src/engine/node.ts';
import { DatasetError } from './read-dataset.ts';

/** One row of the challenge's train/validation files, as JSON. */
export interface TrivagoRow {
  user_id: string;
  session_id: string;
  timestamp: number;
  step: number;
  action_type: string;
  reference: string | null;
  impressions?: string | null;
  prices?: string | null;
  current_filters?: string | null;
}

/** The challenge's sort filters and sort-order actions, as LocalShelf list sorts. */
const SORT_FILTERS: Record<string, string> = {
  'Sort by Price': 'price',
  'Sort By Distance': 'distance',
  'Sort By Rating': 'rating',
  'Sort By Popularity': 'popularity',
  'Best Value': 'best-value',
};
const SORT_ACTIONS: Record<string, string | null> = {
  'price only': 'price',
  'price and recommended': 'price',
  'distance only': 'distance',
  'distance and recommended': 'distance',
  'rating only': 'rating',
  'rating and recommended': 'rating',
  'our recommendations': null,
};

/** The shelf name a site list goes by: the site's own order, re-ranked on the device. */
export const SITE_LIST_SHELF = 'list';

/** Item actions and the LocalShelf kind each becomes (see docs/reranker.md for why). */
export const TRIVAGO_ITEM_ACTIONS: Record<string, 'view' | 'dwell' | 'add_to_cart'> = {
  'interaction item image': 'view',
  'interaction item rating': 'view',
  'interaction item info': 'dwell',
  'interaction item deals': 'add_to_cart',
};
/** List-level actions that carry no item; the list's own prices show a price sort. */
export const TRIVAGO_IGNORED_ACTIONS = new Set(['filter selection', 'change of sort order']);
/** What the logs put where an item action's item was not recorded. */
export const UNKNOWN_REFERENCE = 'unknown';
const SEARCH_ACTIONS = new Set(['search for destination', 'search for poi']);
/** Dwell inferred from the time to the next action, capped: a tab left open is not reading. */
const MAX_DWELL_MS = 5 * 60_000;

function field(line: number, name: string, value: unknown, expected: string): never {
  throw new DatasetError(line, `field "${name}" is ${JSON.stringify(value)}; expected ${expected}`);
}

/** Checks one parsed row; throws a DatasetError naming the line and the field. */
export function checkTrivagoRow(raw: unknown, line: number): TrivagoRow {
  if (!raw || typeof raw !== 'object') field(line, 'row', raw, 'a JSON object');
  const r = raw as Record<string, unknown>;
  for (const name of ['user_id', 'session_id', 'action_type'])
    if (typeof r[name] !== 'string' || r[name] === '') field(line, name, r[name], 'a non-empty string');
  if (typeof r.timestamp !== 'number' || !Number.isFinite(r.timestamp) || r.timestamp < 0)
    field(line, 'timestamp', r.timestamp, 'Unix seconds (a number >= 0)');
  if (typeof r.step !== 'number' || !Number.isInteger(r.step) || r.step < 1)
    field(line, 'step', r.step, 'an integer >= 1');
  const action = r.action_type as string;
  const itemAction =
    action === 'clickout item' || action === 'search for item' || action in TRIVAGO_ITEM_ACTIONS;
  if (!itemAction && !SEARCH_ACTIONS.has(action) && !TRIVAGO_IGNORED_ACTIONS.has(action))
    field(
      line,
      'action_type',
      action,
      `one of clickout item, ${Object.keys(TRIVAGO_ITEM_ACTIONS).join(', ')}, search for item, ${[...SEARCH_ACTIONS, ...TRIVAGO_IGNORED_ACTIONS].join(', ')}`,
    );
  // The challenge's logs say "unknown" where the item was not recorded; such a row is kept and skipped on conversion.
  const unknownItem = r.reference === UNKNOWN_REFERENCE && action !== 'clickout item';
  if (itemAction && !unknownItem && (typeof r.reference !== 'string' || !/^\d+$/.test(r.reference)))
    field(line, 'reference', r.reference, `an item id (digits) for "${action}"`);
  if (action === 'clickout item') {
    if (typeof r.impressions !== 'string' || !/^\d+(\|\d+)*$/.test(r.impressions))
      field(line, 'impressions', r.impressions, 'pipe-separated item ids on a clickout');
    const n = r.impressions.split('|').length;
    if (
      typeof r.prices !== 'string' ||
      !/^\d+(\.\d+)?(\|\d+(\.\d+)?)*$/.test(r.prices) ||
      r.prices.split('|').length !== n
    )
      field(line, 'prices', r.prices, `${n} pipe-separated prices, one per impression`);
  }
  return r as unknown as TrivagoRow;
}

/** Converts one user's rows (any order) into LocalShelf events, oldest first. */
export function trivagoEvents(rows: readonly TrivagoRow[]): ShopEvent[] {
  const sorted = [...rows].sort((a, b) => a.timestamp - b.timestamp || a.step - b.step);
  const events: ShopEvent[] = [];
  /** The sort the shopper last chose in each session (a filter on the clickout row wins). */
  const sessionSort = new Map<string, string | null>();
  sorted.forEach((r, i) => {
    const ts = r.timestamp * 1000;
    const base = { id: `${r.session_id}-${r.step}`, ts, sessionId: r.session_id };
    const ref = r.reference ?? '';
    const action = r.action_type;
    if (ref === UNKNOWN_REFERENCE && action !== 'search for destination' && action !== 'search for poi')
      return;
    if (action === 'change of sort order') {
      if (ref in SORT_ACTIONS) sessionSort.set(r.session_id, SORT_ACTIONS[ref]!);
      return;
    }
    if (action === 'clickout item') {
      const ids = r.impressions!.split('|');
      const prices = r.prices!.split('|').map(Number);
      const filters = r.current_filters ? r.current_filters.split('|').filter(Boolean) : [];
      const sort = filters.map((f) => SORT_FILTERS[f]).find(Boolean) ?? sessionSort.get(r.session_id) ?? null;
      events.push({
        ...base,
        id: `${base.id}-list`,
        kind: 'impression',
        shelf: SITE_LIST_SHELF,
        items: ids.map((itemId, position) => ({ itemId, position, price: prices[position]! })),
        ...(sort ? { sort } : {}),
        ...(filters.length ? { filters } : {}),
      });
      const position = ids.indexOf(ref);
      events.push({
        ...base,
        kind: 'click',
        itemId: ref,
        shelf: SITE_LIST_SHELF,
        ...(position >= 0 ? { position } : {}),
      });
    } else if (action === 'search for item') {
      events.push({ ...base, kind: 'search', query: `item ${ref}`, itemIds: [ref] });
    } else if (SEARCH_ACTIONS.has(action)) {
      if (ref) events.push({ ...base, kind: 'search', query: ref });
    } else if (action in TRIVAGO_ITEM_ACTIONS) {
      const kind = TRIVAGO_ITEM_ACTIONS[action]!;
      if (kind === 'dwell') {
        const next = sorted[i + 1];
        const gap = next && next.session_id === r.session_id ? (next.timestamp - r.timestamp) * 1000 : 0;
        events.push({ ...base, kind: 'dwell', itemId: ref, ms: Math.min(MAX_DWELL_MS, Math.max(1000, gap)) });
      } else if (kind === 'add_to_cart') events.push({ ...base, kind, itemId: ref, quantity: 1 });
      else events.push({ ...base, kind, itemId: ref });
    }
  });
  return events;
}

/** Parses a whole trivago JSONL text into users' event streams (users in first-seen order). */
export function parseTrivago(text: string): Map<string, ShopEvent[]> {
  const byUser = new Map<string, TrivagoRow[]>();
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (e) {
      throw new DatasetError(
        i + 1,
        `not JSON (${(e as Error).message}); expected one trivago row object per line`,
      );
    }
    const row = checkTrivagoRow(parsed, i + 1);
    let rows = byUser.get(row.user_id);
    if (!rows) byUser.set(row.user_id, (rows = []));
    rows.push(row);
  });
  if (byUser.size === 0) throw new DatasetError(1, 'the file has no rows; expected trivago JSONL');
  return new Map([...byUser].map(([user, rows]) => [user, trivagoEvents(rows)]));
}
