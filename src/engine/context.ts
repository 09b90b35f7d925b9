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

/** The store's events that decide what is in the cart and what was bought. */
const CART_KINDS = new Set<ShopEvent['kind']>(['add_to_cart', 'remove_from_cart', 'purchase']);

/** Assembles the payload from events already in memory: the recent ones (oldest first) and every cart event. */
function contextFrom(
  recentOldestFirst: readonly ShopEvent[],
  cartEvents: readonly ShopEvent[],
  sessionId: string | null,
): ContextPayload {
  return {
    steps: itemSequence([...recentOldestFirst].reverse()),
    events: [...recentOldestFirst],
    ...(sessionId ? { sessionId } : {}),
    inCart: [...cartContents(cartEvents).keys()],
    purchased: [...new Set(cartEvents.flatMap((e) => (e.kind === 'purchase' ? [e.itemId] : [])))],
  };
}

/**
 * The shopper's context, kept up to date event by event: read from IndexedDB once, then
 * each event this page tracks is appended in memory. Rebuilding it from the store on every
 * call cost a main-thread long task (~110 ms for 600 events) while training ran. Anything
 * the page did not track itself (another tab, a deletion, a retention pass) shows up as a
 * store revision it has not seen, and the next read starts again from the store.
 */
export class ShopperContextCache {
  private recent: ShopEvent[] = [];
  private cartEvents: ShopEvent[] = [];
  /** The store revision `recent` and `cartEvents` reflect; -1 before the first read. */
  private revision = -1;
  private loading: { revision: number; done: Promise<void> } | null = null;
  /** Events this page stored while a read was in flight, with the revision each made. */
  private storedDuringRead: { event: ShopEvent; revision: number }[] = [];

  constructor(private readonly store: EventStore) {}

  /** Records an event this page just stored; `revision` is the store's revision right after it. */
  appended(event: ShopEvent, revision: number): void {
    if (this.loading) {
      this.storedDuringRead.push({ event, revision });
      return;
    }
    if (this.revision !== revision - 1) return; // not in step: the next read reloads
    this.insertRecent(event);
    if (CART_KINDS.has(event.kind)) this.cartEvents.push(event);
    this.revision = revision;
  }

  private insertRecent(event: ShopEvent): void {
    // Oldest first by time; an event with a back-dated ts goes where the store would sort it.
    let at = this.recent.length;
    while (at > 0 && this.recent[at - 1]!.ts > event.ts) at--;
    this.recent.splice(at, 0, event);
    if (this.recent.length > CONTEXT_EVENTS) this.recent.splice(0, this.recent.length - CONTEXT_EVENTS);
  }

  /** The context for the store as it is now. */
  async current(): Promise<ContextPayload> {
    return (await this.snapshot()).payload;
  }

  /** The same, with the store revision it reflects (-1 when the store could not be read in step). */
  async snapshot(): Promise<{ revision: number; payload: ContextPayload }> {
    // A write landing mid-read leaves the copy behind; read again (a few times at most).
    for (let attempt = 0; attempt < 3; attempt++) {
      const revision = this.store.getSnapshot().revision;
      if (revision === this.revision) break;
      await this.reload(revision);
    }
    // Read together, with no await between: the revision names exactly these events.
    return {
      revision: this.revision,
      payload: contextFrom(this.recent, this.cartEvents, this.store.currentSession()),
    };
  }

  private reload(revision: number): Promise<void> {
    if (this.loading?.revision === revision) return this.loading.done;
    const done = (async () => {
      const [recent, adds, removes, purchases] = await Promise.all([
        this.store.latest(CONTEXT_EVENTS),
        this.store.eventsOfKind('add_to_cart'),
        this.store.eventsOfKind('remove_from_cart'),
        this.store.eventsOfKind('purchase'),
      ]);
      const now = this.store.getSnapshot().revision;
      const stored = this.storedDuringRead
        .filter((s) => s.revision > revision)
        .sort((a, b) => a.revision - b.revision);
      this.storedDuringRead = [];
      // Writes landed while reading. When each was this page's own (the impressions of a shelf
      // just drawn, say), they are merged, by id since the read may hold some already; any
      // other write (another tab, a deletion) leaves the copy behind and the next call reads again.
      const ownWritesOnly =
        stored.length === now - revision && stored.every((s, i) => s.revision === revision + 1 + i);
      if (now !== revision && !ownWritesOnly) return;
      // Oldest first, as the re-ranker's signals fold them (ties keep the store's order).
      this.recent = [...recent].reverse().sort((a, b) => a.ts - b.ts);
      this.cartEvents = [...adds, ...removes, ...purchases];
      // The four reads are four transactions: a write may be in some and not in others.
      const inRecent = new Set(this.recent.map((e) => e.id));
      const inCart = new Set(this.cartEvents.map((e) => e.id));
      for (const { event } of stored) {
        if (!inRecent.has(event.id)) this.insertRecent(event);
        if (CART_KINDS.has(event.kind) && !inCart.has(event.id)) this.cartEvents.push(event);
      }
      this.revision = now;
    })();
    this.loading = { revision, done };
    return done.finally(() => {
      if (this.loading?.done === done) this.loading = null;
    });
  }
}
