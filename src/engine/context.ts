import { itemSequence } from './events/queries.ts';
import type { ShopEvent } from './events/schema.ts';
import type { EventStore } from './events/store.ts';
import type { ContextPayload } from './worker/protocol.ts';

/** Most recent events read to build the shopper's context: enough for training, cheap to read. */
export const CONTEXT_EVENTS = 600;

/** What is in the cart now: adds minus removals, emptied by a purchase. */
export function cartContents(events: readonly ShopEvent[]): Map<string, number> {
  const cart = new Map<string, number>();
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.kind === 'add_to_cart') cart.set(e.itemId, (cart.get(e.itemId) ?? 0) + e.quantity);
    else if (e.kind === 'remove_from_cart')
      cart.set(e.itemId, Math.max(0, (cart.get(e.itemId) ?? 0) - e.quantity));
    else if (e.kind === 'purchase') cart.delete(e.itemId);
  }
  for (const [id, quantity] of cart) if (quantity <= 0) cart.delete(id);
  return cart;
}

/** Builds the context the worker ranks and trains with, from the store's indexes. */
export async function shopperContext(store: EventStore): Promise<ContextPayload> {
  const [recent, adds, removes, purchases] = await Promise.all([
    store.latest(CONTEXT_EVENTS),
    store.eventsOfKind('add_to_cart'),
    store.eventsOfKind('remove_from_cart'),
    store.eventsOfKind('purchase'),
  ]);
  // Oldest first, as the re-ranker's signals fold them (ties keep the store's order).
  const events = [...recent].reverse().sort((a, b) => a.ts - b.ts);
  const sessionId = store.currentSession();
  return {
    steps: itemSequence(recent),
    events,
    ...(sessionId ? { sessionId } : {}),
    inCart: [...cartContents([...adds, ...removes, ...purchases]).keys()],
    purchased: [...new Set(purchases.map((p) => (p.kind === 'purchase' ? p.itemId : '')))].filter(Boolean),
  };
}
