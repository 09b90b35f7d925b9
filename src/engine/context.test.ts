import { describe, expect, it, vi } from 'vitest';
import { ShopperContextCache } from './context.ts';
import type { TrackInput } from './events/schema.ts';
import { EventStore } from './events/store.ts';

/** Tracks through the store and tells the cache, as LocalShelf.track does. */
async function track(store: EventStore, cache: ShopperContextCache, input: TrackInput): Promise<void> {
  const event = await store.track(input);
  if (event) cache.appended(event, store.getSnapshot().revision);
}

/** What a cache that reads everything from the store sees. */
const fresh = (store: EventStore) => new ShopperContextCache(store).current();

describe('ShopperContextCache', () => {
  it('kept event by event, it equals a context read afresh from the store', async () => {
    const store = await EventStore.open({ memoryOnly: true });
    const cache = new ShopperContextCache(store);
    await cache.current();
    const t0 = Date.now() - 60_000;
    await track(store, cache, { kind: 'view', itemId: 'a', ts: t0 });
    await track(store, cache, { kind: 'add_to_cart', itemId: 'a', ts: t0 + 1000 });
    await track(store, cache, { kind: 'view', itemId: 'b', ts: t0 + 2000 });
    // Back-dated: it belongs before "b" in time, as the store orders it.
    await track(store, cache, { kind: 'view', itemId: 'c', ts: t0 + 1500 });
    await track(store, cache, { kind: 'purchase', itemId: 'a', ts: t0 + 3000 });
    await track(store, cache, { kind: 'add_to_cart', itemId: 'b', ts: t0 + 4000 });
    const kept = await cache.current();
    expect(kept).toEqual(await fresh(store));
    expect(kept.events.map((e) => e.kind === 'view' && e.itemId)).toEqual([
      'a',
      false,
      'c',
      'b',
      false,
      false,
    ]);
    expect(kept.inCart).toEqual(['b']);
    expect(kept.purchased).toEqual(['a']);
    store.close();
  });

  it('reads the store again after a change this page did not track (a deletion)', async () => {
    const store = await EventStore.open({ memoryOnly: true });
    const cache = new ShopperContextCache(store);
    await track(store, cache, { kind: 'view', itemId: 'a' });
    expect((await cache.current()).events).toHaveLength(1);
    await store.deleteAll();
    expect((await cache.current()).events).toEqual([]);
    // An event tracked without telling the cache is still seen: the revision moved.
    await store.track({ kind: 'view', itemId: 'z' });
    expect((await cache.current()).steps.map((s) => s.itemId)).toEqual(['z']);
    store.close();
  });

  it("merges this page's own writes that land while it reads, without reading again; another's write still rereads", async () => {
    const store = await EventStore.open({ memoryOnly: true });
    const t0 = Date.now() - 60_000;
    await store.track({ kind: 'view', itemId: 'a', ts: t0 });
    await store.track({ kind: 'add_to_cart', itemId: 'a', ts: t0 + 1 });
    const cache = new ShopperContextCache(store);
    const latest = vi.spyOn(store, 'latest');
    // The shelf drawn from the first read is shown (an impression) and carted while the read runs.
    const reading = cache.current();
    await track(store, cache, {
      kind: 'impression',
      shelf: 'for-you',
      items: [
        { itemId: 'a', position: 0 },
        { itemId: 'b', position: 1 },
      ],
      ts: t0 + 2,
    });
    await track(store, cache, { kind: 'add_to_cart', itemId: 'b', ts: t0 + 3 });
    await reading;
    const kept = await cache.current();
    expect(latest).toHaveBeenCalledTimes(1);
    expect(kept).toEqual(await fresh(store));
    expect(kept.inCart).toEqual(['a', 'b']);
    // A write this page did not track, landing mid-read beside its own, makes the next call read again.
    latest.mockClear();
    await store.track({ kind: 'view', itemId: 'c', ts: t0 + 4 });
    const again = cache.current();
    await track(store, cache, { kind: 'view', itemId: 'd', ts: t0 + 5 });
    await store.track({ kind: 'view', itemId: 'e', ts: t0 + 6 });
    await again;
    expect((await cache.current()).steps.map((s) => s.itemId)).toEqual(['a', 'a', 'b', 'c', 'd', 'e']);
    expect(latest).toHaveBeenCalledTimes(2);
    store.close();
  });
});
