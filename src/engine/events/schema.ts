/** Every kind of behaviour LocalShelf records. Order is stable: the model encodes kinds by index. */
export const EVENT_KINDS = [
  'view',
  'click',
  'add_to_cart',
  'remove_from_cart',
  'purchase',
  'search',
  'impression',
  'dwell',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

/** Fields every stored event has. */
export interface EventBase {
  /** Unique id, assigned by `track()` when absent. */
  id: string;
  /** Milliseconds since the epoch, assigned by `track()` when absent. */
  ts: number;
  /** The browsing session, assigned by `track()` when absent. */
  sessionId: string;
}

export interface ViewEvent extends EventBase {
  kind: 'view';
  itemId: string;
}
export interface ClickEvent extends EventBase {
  kind: 'click';
  itemId: string;
  /** The shelf the click came from, if any. */
  shelf?: string;
  /** 0-based position on that shelf. */
  position?: number;
}
export interface AddToCartEvent extends EventBase {
  kind: 'add_to_cart';
  itemId: string;
  quantity: number;
}
export interface RemoveFromCartEvent extends EventBase {
  kind: 'remove_from_cart';
  itemId: string;
  quantity: number;
}
export interface PurchaseEvent extends EventBase {
  kind: 'purchase';
  itemId: string;
  quantity: number;
  /** Unit price paid. */
  price?: number;
  /** Groups the items bought in one checkout. */
  orderId?: string;
}
export interface SearchEvent extends EventBase {
  kind: 'search';
  query: string;
  /** How many results were shown. */
  resultCount?: number;
  /** Items the search named or showed first (a search for one product names it); the re-ranker counts them as search hits. */
  itemIds?: string[];
}
export interface ImpressionEvent extends EventBase {
  kind: 'impression';
  shelf: string;
  /** The items the shelf showed, in order; `position` is 0-based; `price` is the price shown, when it differs by list. */
  items: { itemId: string; position: number; price?: number }[];
  /** The order the shopper chose for the list, when not the site's own (e.g. "price", "rating", "distance"). */
  sort?: string;
  /** Filters in force when the list was shown. */
  filters?: string[];
}
export interface DwellEvent extends EventBase {
  kind: 'dwell';
  itemId: string;
  /** Milliseconds the product was on screen. */
  ms: number;
}

export type ShopEvent =
  | ViewEvent
  | ClickEvent
  | AddToCartEvent
  | RemoveFromCartEvent
  | PurchaseEvent
  | SearchEvent
  | ImpressionEvent
  | DwellEvent;

type Optional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
type DistributiveOptional<T> = T extends ShopEvent & { quantity: number }
  ? Optional<T, 'id' | 'ts' | 'sessionId' | 'quantity'>
  : T extends ShopEvent
    ? Optional<T, 'id' | 'ts' | 'sessionId'>
    : never;

/** What callers pass to `track()`: id, ts and sessionId are filled in when absent; quantity defaults to 1. */
export type TrackInput = DistributiveOptional<ShopEvent>;

/** Events that name a single product. */
export type ItemEvent = Extract<ShopEvent, { itemId: string }>;

export function isItemEvent(event: ShopEvent): event is ItemEvent {
  return 'itemId' in event;
}
