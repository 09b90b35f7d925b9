import { describeValue, ValidationError } from '../errors.ts';
import type { ClickEvent, ImpressionEvent, PurchaseEvent, SearchEvent } from './schema.ts';
import { EVENT_KINDS, type EventKind, type ShopEvent } from './schema.ts';

/** Longest accepted search query / id, so one bad call cannot fill the disk. */
export const MAX_STRING_LENGTH = 512;
export const MAX_IMPRESSION_ITEMS = 200;

function fail(field: string, value: unknown, expected: string): never {
  throw new ValidationError(field, `event field "${field}" is ${describeValue(value)}; expected ${expected}`);
}

function id(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STRING_LENGTH)
    fail(field, value, `a non-empty string of at most ${MAX_STRING_LENGTH} characters`);
  return value;
}

function count(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000)
    fail(field, value, 'an integer from 1 to 10000');
  return value;
}

function optionalPosition(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10_000)
    fail(field, value, 'an integer from 0 to 10000');
  return value;
}

const KNOWN_FIELDS: Record<EventKind, string[]> = {
  view: ['itemId'],
  click: ['itemId', 'shelf', 'position'],
  add_to_cart: ['itemId', 'quantity'],
  remove_from_cart: ['itemId', 'quantity'],
  purchase: ['itemId', 'quantity', 'price', 'orderId'],
  search: ['query', 'resultCount', 'itemIds'],
  impression: ['shelf', 'items', 'sort', 'filters'],
  dwell: ['itemId', 'ms'],
};

/**
 * Checks a complete event (id, ts and sessionId present) and returns a clean copy
 * holding only known fields, so nothing unexpected is ever stored.
 */
export function validateEvent(raw: unknown): ShopEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('event', raw, 'an object');
  const input = raw as Record<string, unknown>;
  const kind = input.kind;
  if (typeof kind !== 'string' || !(EVENT_KINDS as readonly string[]).includes(kind))
    fail('kind', kind, `one of ${EVENT_KINDS.join(', ')}`);
  const ts = input.ts;
  // Timestamps from before 2000 or more than a day ahead are clock bugs, not behaviour.
  if (typeof ts !== 'number' || !Number.isFinite(ts) || ts < 946_684_800_000 || ts > Date.now() + 86_400_000)
    fail('ts', ts, 'milliseconds since the epoch, between 2000 and now');
  const base = {
    id: id('id', input.id),
    ts,
    sessionId: id('sessionId', input.sessionId),
    kind: kind as EventKind,
  };

  for (const key of Object.keys(input)) {
    if (!['id', 'ts', 'sessionId', 'kind', ...KNOWN_FIELDS[base.kind]].includes(key))
      fail(
        key,
        input[key],
        `no such field on a "${base.kind}" event (allowed: ${KNOWN_FIELDS[base.kind].join(', ')})`,
      );
  }

  switch (base.kind) {
    case 'view':
      return { ...base, kind: 'view', itemId: id('itemId', input.itemId) };
    case 'click': {
      const event: ClickEvent = { ...base, kind: 'click', itemId: id('itemId', input.itemId) };
      if (input.shelf !== undefined) event.shelf = id('shelf', input.shelf);
      const position = optionalPosition('position', input.position);
      if (position !== undefined) event.position = position;
      return event;
    }
    case 'add_to_cart':
    case 'remove_from_cart': {
      const fields = { itemId: id('itemId', input.itemId), quantity: count('quantity', input.quantity ?? 1) };
      return base.kind === 'add_to_cart'
        ? { ...base, kind: 'add_to_cart', ...fields }
        : { ...base, kind: 'remove_from_cart', ...fields };
    }
    case 'purchase': {
      const event: PurchaseEvent = {
        ...base,
        kind: 'purchase',
        itemId: id('itemId', input.itemId),
        quantity: count('quantity', input.quantity ?? 1),
      };
      if (input.price !== undefined) {
        if (typeof input.price !== 'number' || !Number.isFinite(input.price) || input.price < 0)
          fail('price', input.price, 'a finite number >= 0');
        event.price = input.price;
      }
      if (input.orderId !== undefined) event.orderId = id('orderId', input.orderId);
      return event;
    }
    case 'search': {
      if (
        typeof input.query !== 'string' ||
        input.query.trim() === '' ||
        input.query.length > MAX_STRING_LENGTH
      )
        fail('query', input.query, `a non-empty string of at most ${MAX_STRING_LENGTH} characters`);
      const event: SearchEvent = { ...base, kind: 'search', query: input.query.trim() };
      if (input.resultCount !== undefined) {
        if (
          typeof input.resultCount !== 'number' ||
          !Number.isInteger(input.resultCount) ||
          input.resultCount < 0
        )
          fail('resultCount', input.resultCount, 'an integer >= 0');
        event.resultCount = input.resultCount;
      }
      if (input.itemIds !== undefined) {
        if (!Array.isArray(input.itemIds) || input.itemIds.length > MAX_IMPRESSION_ITEMS)
          fail('itemIds', input.itemIds, `an array of at most ${MAX_IMPRESSION_ITEMS} item ids`);
        event.itemIds = input.itemIds.map((itemId: unknown, i: number) => id(`itemIds[${i}]`, itemId));
      }
      return event;
    }
    case 'impression': {
      const shelf = id('shelf', input.shelf);
      if (
        !Array.isArray(input.items) ||
        input.items.length === 0 ||
        input.items.length > MAX_IMPRESSION_ITEMS
      )
        fail('items', input.items, `an array of 1 to ${MAX_IMPRESSION_ITEMS} {itemId, position} entries`);
      const items = input.items.map((entry: unknown, i: number) => {
        if (typeof entry !== 'object' || entry === null)
          fail(`items[${i}]`, entry, 'an object {itemId, position}');
        const { itemId, position, price } = entry as Record<string, unknown>;
        const checkedPosition = optionalPosition(`items[${i}].position`, position);
        if (checkedPosition === undefined)
          fail(`items[${i}].position`, position, 'an integer from 0 to 10000');
        const item: { itemId: string; position: number; price?: number } = {
          itemId: id(`items[${i}].itemId`, itemId),
          position: checkedPosition,
        };
        if (price !== undefined) {
          if (typeof price !== 'number' || !Number.isFinite(price) || price < 0)
            fail(`items[${i}].price`, price, 'a finite number >= 0');
          item.price = price;
        }
        return item;
      });
      const event: ImpressionEvent = { ...base, kind: 'impression', shelf, items };
      if (input.sort !== undefined) event.sort = id('sort', input.sort);
      if (input.filters !== undefined) {
        if (!Array.isArray(input.filters) || input.filters.length > 50)
          fail('filters', input.filters, 'an array of at most 50 filter names');
        event.filters = input.filters.map((f: unknown, i: number) => id(`filters[${i}]`, f));
      }
      return event;
    }
    case 'dwell': {
      const ms = input.ms;
      // Over a day on one product is a stuck timer.
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > 86_400_000)
        fail('ms', ms, 'milliseconds from 0 to 86400000');
      return { ...base, kind: 'dwell', itemId: id('itemId', input.itemId), ms: Math.round(ms) };
    }
  }
}
