import { expect, test } from '@playwright/test';
import { openHarness, uniqueDbName } from './support/harness.ts';

test.describe('event store in real IndexedDB', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('events persist across a reload and export returns them', async ({ page }, info) => {
    const dbName = uniqueDbName(info.title);
    const tracked = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      const out = [];
      out.push(await store.track({ kind: 'view', itemId: 'p-1' }));
      out.push(await store.track({ kind: 'dwell', itemId: 'p-1', ms: 4200 }));
      out.push(await store.track({ kind: 'search', query: 'tent' }));
      out.push(
        await store.track({ kind: 'impression', shelf: 'for-you', items: [{ itemId: 'p-2', position: 0 }] }),
      );
      out.push(await store.track({ kind: 'add_to_cart', itemId: 'p-1', quantity: 2 }));
      store.close();
      return out;
    }, dbName);
    expect(tracked.every((e) => e && e.id && e.ts && e.sessionId)).toBe(true);

    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    const after = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      const exported = await store.exportAll();
      const sequence = await store.itemSequence();
      const counts = await store.countsByKind();
      const latest = await store.latest(2);
      const snapshot = store.getSnapshot();
      store.close();
      return { exported, sequence, counts, latest, snapshot };
    }, dbName);
    expect(after.snapshot.persistence).toBe('indexeddb');
    expect(after.exported.format).toBe('localshelf-events');
    expect(after.exported.events).toEqual(tracked);
    expect(after.sequence.map((s) => s.kind)).toEqual(['view', 'dwell', 'add_to_cart']);
    expect(after.counts).toMatchObject({
      view: 1,
      dwell: 1,
      search: 1,
      impression: 1,
      add_to_cart: 1,
      purchase: 0,
    });
    expect(after.latest.map((e) => e.kind)).toEqual(['add_to_cart', 'impression']);
  });

  test('delete empties the store, and it stays empty after a reload', async ({ page }, info) => {
    const dbName = uniqueDbName(info.title);
    const counts = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      for (let i = 0; i < 5; i++) await store.track({ kind: 'view', itemId: `p-${i}` });
      const before = await store.count();
      await store.deleteAll();
      const after = await store.count();
      store.close();
      return { before, after };
    }, dbName);
    expect(counts).toEqual({ before: 5, after: 0 });
    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    const reopened = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      const n = await store.count();
      store.close();
      return n;
    }, dbName);
    expect(reopened).toBe(0);
  });

  test('pause stops recording, survives a reload, and resume starts again', async ({ page }, info) => {
    const dbName = uniqueDbName(info.title);
    const first = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      await store.track({ kind: 'view', itemId: 'kept' });
      await store.pause();
      const ignored = await store.track({ kind: 'view', itemId: 'ignored' });
      store.close();
      return { ignored };
    }, dbName);
    expect(first.ignored).toBeNull();
    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    const second = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      const pausedAfterReload = store.getSnapshot().paused;
      await store.track({ kind: 'view', itemId: 'also-ignored' });
      await store.resume();
      await store.track({ kind: 'view', itemId: 'recorded' });
      const items = (await store.itemSequence()).map((s) => s.itemId);
      store.close();
      return { pausedAfterReload, items };
    }, dbName);
    expect(second).toEqual({ pausedAfterReload: true, items: ['kept', 'recorded'] });
  });

  test('retention prunes the oldest past the count cap and everything past the age cap', async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    const result = await page.evaluate(async (dbName) => {
      const day = 86_400_000;
      const now = Date.now();
      const store = await window.engine.EventStore.open({
        dbName,
        retention: { maxEvents: 10, maxAgeDays: 30 },
      });
      // Two events from before the age cap, then 15 recent ones.
      await store.track({ kind: 'view', itemId: 'ancient-1', ts: now - 90 * day });
      await store.track({ kind: 'view', itemId: 'ancient-2', ts: now - 45 * day });
      for (let i = 0; i < 15; i++)
        await store.track({ kind: 'view', itemId: `recent-${i}`, ts: now - (15 - i) * 1000 });
      const removed = await store.applyRetention();
      const items = (await store.itemSequence()).map((s) => s.itemId);
      store.close();
      return { removed, items };
    }, dbName);
    expect(result.removed).toBe(7);
    expect(result.items).toEqual(Array.from({ length: 10 }, (_, i) => `recent-${i + 5}`));
  });

  test('bad events are refused with a clear message and the store is unchanged', async ({ page }, info) => {
    const dbName = uniqueDbName(info.title);
    const result = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      await store.track({ kind: 'view', itemId: 'p-1' });
      const before = await store.exportAll();
      const errors: { name: string; message: string }[] = [];
      const bad: unknown[] = [
        { kind: 'clik', itemId: 'p-1' },
        { kind: 'view' },
        { kind: 'dwell', itemId: 'p-1', ms: 'long' },
        { kind: 'add_to_cart', itemId: 'p-1', quantity: -3 },
        { kind: 'impression', shelf: 'x', items: [] },
      ];
      for (const input of bad) {
        try {
          // Deliberately untyped: this is what a careless caller sends.
          await store.track(input as never);
        } catch (error) {
          errors.push({ name: (error as Error).name, message: (error as Error).message });
        }
      }
      const after = await store.exportAll();
      store.close();
      return { errors, before: before.events, after: after.events };
    }, dbName);
    expect(result.errors.map((e) => e.name)).toEqual(Array(5).fill('ValidationError'));
    expect(result.errors[0]!.message).toContain('event field "kind" is "clik"; expected one of view, click');
    expect(result.errors[1]!.message).toContain('event field "itemId" is undefined');
    expect(result.errors[2]!.message).toContain('event field "ms" is "long"');
    expect(result.errors[3]!.message).toContain('event field "quantity" is -3');
    expect(result.errors[4]!.message).toContain('event field "items" is an array of 0');
    expect(result.after).toEqual(result.before);
  });

  test('opens a database written by schema version 1 and keeps its events', async ({ page }, info) => {
    const dbName = uniqueDbName(info.title);
    const result = await page.evaluate(async (dbName) => {
      // Write a version-1 database by hand, exactly as version 1 of the engine laid it out.
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onupgradeneeded = () => {
          const events = request.result.createObjectStore('events', { keyPath: 'id' });
          events.createIndex('by-ts', 'ts');
          events.createIndex('by-kind', 'kind');
          const ts = Date.now() - 60_000;
          events.add({ id: 'old-1', ts, sessionId: 'old', kind: 'view', itemId: 'p-9' });
          events.add({
            id: 'old-2',
            ts: ts + 1,
            sessionId: 'old',
            kind: 'purchase',
            itemId: 'p-9',
            quantity: 1,
          });
        };
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const store = await window.engine.EventStore.open({ dbName });
      await store.track({ kind: 'view', itemId: 'p-10' });
      const forItem = await store.eventsForItem('p-9');
      const sessions = await store.sessions();
      const version = await new Promise<number>((resolve) => {
        const r = indexedDB.open(dbName);
        r.onsuccess = () => {
          resolve(r.result.version);
          r.result.close();
        };
      });
      store.close();
      return { forItem: forItem.map((e) => e.id), sessions: sessions.length, version };
    }, dbName);
    expect(result.forItem).toEqual(['old-1', 'old-2']);
    expect(result.sessions).toBe(2);
    expect(result.version).toBe(4);
  });

  test('upgrades a version-3 database: the unused by-session index goes, every record stays', async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    const result = await page.evaluate(async (dbName) => {
      const opened = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName, version);
          request.onupgradeneeded = () => upgrade?.(request.result);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      // A version-3 database laid out as versions 2 and 3 of the engine made it, with records in every store.
      const ts = Date.now() - 60_000;
      const v3 = await opened(3, (db) => {
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('by-ts', 'ts');
        events.createIndex('by-kind', 'kind');
        events.createIndex('by-item', 'itemId');
        events.createIndex('by-session', 'sessionId');
        for (let i = 0; i < 30; i++)
          events.add({
            id: `old-${i}`,
            ts: ts + i,
            sessionId: `s-${i % 3}`,
            kind: 'view',
            itemId: `p-${i % 7}`,
          });
        events.add({
          id: 'old-shown',
          ts: ts + 40,
          sessionId: 's-0',
          kind: 'impression',
          shelf: 'for-you',
          items: ['p-1'],
        });
        db.createObjectStore('meta', { keyPath: 'key' }).add({ key: 'paused', value: true });
        db.createObjectStore('personal', { keyPath: 'key' }).add({
          key: 'head-1',
          baseModel: 'm',
          savedAt: 1,
          weights: [],
        });
        db.createObjectStore('runs', { keyPath: 'seq', autoIncrement: true }).add({ trigger: 'old' });
      });
      v3.close();
      const store = await window.engine.EventStore.open({ dbName });
      const exported = await store.exportAll();
      store.close();
      const db = await opened();
      const tx = db.transaction(['events', 'meta', 'personal', 'runs'], 'readonly');
      const count = (name: string) =>
        new Promise<number>((resolve) => {
          const r = tx.objectStore(name).count();
          r.onsuccess = () => resolve(r.result);
        });
      const counts = await Promise.all(['events', 'meta', 'personal', 'runs'].map(count));
      const out = {
        version: db.version,
        indexes: Array.from(tx.objectStore('events').indexNames),
        counts,
        exported: exported.events.length,
        paused: exported.paused,
      };
      db.close();
      return out;
    }, dbName);
    expect(result.version).toBe(4);
    expect(result.indexes).toEqual(['by-item', 'by-kind', 'by-ts']);
    expect(result.counts).toEqual([31, 1, 1, 1]);
    expect(result.exported).toBe(31);
    expect(result.paused).toBe(true);
  });

  test('meta keys read ahead at open serve the first read of each, until the key or the store changes', async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    const result = await page.evaluate(async (dbName) => {
      const { EventStore } = window.engine;
      const setup = await EventStore.open({ dbName });
      await setup.setMeta('shop.a', { n: 1 });
      await setup.setMeta('shop.b', { n: 1 });
      // A second connection writes behind the reading store's back: what the first read returns
      // tells whether it came from the read at open (n: 1) or from IndexedDB (n: 2).
      const reader = await EventStore.open({ dbName, readAhead: ['shop.a', 'shop.b', 'shop.none'] });
      await setup.setMeta('shop.a', { n: 2 });
      await setup.setMeta('shop.b', { n: 2 });
      const firstA = await reader.getMeta('shop.a');
      const secondA = await reader.getMeta('shop.a');
      const none = await reader.getMeta('shop.none');
      await reader.setMeta('shop.b', { n: 3 });
      const ownWrite = await reader.getMeta('shop.b');
      const tracker = await EventStore.open({ dbName, readAhead: ['shop.a'] });
      await setup.setMeta('shop.a', { n: 4 });
      await tracker.track({ kind: 'view', itemId: 'p-1' });
      const afterTrack = await tracker.getMeta('shop.a');
      const bad = await EventStore.open({ dbName, readAhead: 'shop.a' as unknown as string[] }).then(
        () => 'opened',
        (e: Error) => e.message,
      );
      for (const s of [setup, reader, tracker]) s.close();
      return { firstA, secondA, none, ownWrite, afterTrack, bad };
    }, dbName);
    expect(result.firstA).toEqual({ n: 1 });
    expect(result.secondA).toEqual({ n: 2 });
    expect(result.none).toBeUndefined();
    expect(result.ownWrite).toEqual({ n: 3 });
    expect(result.afterTrack).toEqual({ n: 4 });
    expect(result.bad).toBe('store.readAhead is "shop.a"; expected an array of meta keys (strings)');
  });

  test('falls back to memory when IndexedDB is unavailable, and says so', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    const result = await page.evaluate(async () => {
      const store = await window.engine.EventStore.open({ dbName: 'unused' });
      await store.track({ kind: 'view', itemId: 'p-1' });
      await store.track({ kind: 'purchase', itemId: 'p-1' });
      const snapshot = store.getSnapshot();
      const events = (await store.exportAll()).events.map((e) => e.kind);
      return { snapshot, events };
    });
    expect(result.snapshot.persistence).toBe('memory');
    expect(result.snapshot.fallbackReason).toBe('IndexedDB is not available in this browser');
    expect(result.events).toEqual(['view', 'purchase']);
  });

  test('quota exceeded: prunes and retries, then keeps new events in memory without throwing', async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    const result = await page.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      for (let i = 0; i < 300; i++)
        await store.track({ kind: 'view', itemId: `p-${i}`, ts: Date.now() - 1e6 + i });
      const realAdd = IDBObjectStore.prototype.add;
      let failuresLeft = 1;
      IDBObjectStore.prototype.add = function (...args: Parameters<IDBObjectStore['add']>) {
        if (failuresLeft-- > 0) throw new DOMException('disk full', 'QuotaExceededError');
        return realAdd.apply(this, args);
      };
      // One failure: the store prunes the oldest tenth (at least 100) and the retry lands on disk.
      const afterPrune = await store.track({ kind: 'view', itemId: 'after-prune' });
      const countAfterPrune = await store.count();
      const fullAfterPrune = store.getSnapshot().storageFull;
      // Persistent failure: the event is kept in memory, flagged, and nothing throws.
      failuresLeft = Infinity;
      const overflow = await store.track({ kind: 'view', itemId: 'overflow' });
      IDBObjectStore.prototype.add = realAdd;
      const latest = (await store.latest(2)).map((e) => 'itemId' in e && e.itemId);
      const snapshot = store.getSnapshot();
      store.close();
      return {
        afterPrune: !!afterPrune,
        countAfterPrune,
        fullAfterPrune,
        overflow: !!overflow,
        latest,
        snapshot,
      };
    }, dbName);
    expect(result.afterPrune).toBe(true);
    expect(result.countAfterPrune).toBe(300 - 100 + 1);
    expect(result.fullAfterPrune).toBe(false);
    expect(result.overflow).toBe(true);
    expect(result.latest).toEqual(['overflow', 'after-prune']);
    expect(result.snapshot.storageFull).toBe(true);
  });

  test('two tabs writing at once lose nothing, and pause in one tab reaches the other', async ({
    context,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    const tabs = [await context.newPage(), await context.newPage()];
    await Promise.all(tabs.map((tab) => openHarness(tab)));
    const write = (tab: (typeof tabs)[number], prefix: string) =>
      tab.evaluate(
        async ({ dbName, prefix }) => {
          const store = await window.engine.EventStore.open({ dbName });
          await Promise.all(
            Array.from({ length: 100 }, (_, i) => store.track({ kind: 'view', itemId: `${prefix}-${i}` })),
          );
          store.close();
        },
        { dbName, prefix },
      );
    await Promise.all([write(tabs[0]!, 'a'), write(tabs[1]!, 'b')]);
    const result = await tabs[0]!.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      const items = (await store.itemSequence()).map((s) => s.itemId);
      return { count: items.length, a: items.filter((i) => i.startsWith('a-')).length };
    }, dbName);
    expect(result).toEqual({ count: 200, a: 100 });

    // Pause from tab 0; tab 1's open store learns it and records nothing more.
    await tabs[1]!.evaluate(async (dbName) => {
      (window as unknown as { store: unknown }).store = await window.engine.EventStore.open({ dbName });
    }, dbName);
    await tabs[0]!.evaluate(async (dbName) => {
      const store = await window.engine.EventStore.open({ dbName });
      await store.pause();
    }, dbName);
    await tabs[1]!.waitForFunction(
      () =>
        (window as unknown as { store: { getSnapshot(): { paused: boolean } } }).store.getSnapshot().paused,
    );
    const recorded = await tabs[1]!.evaluate(() =>
      (window as unknown as { store: { track(e: unknown): Promise<unknown> } }).store.track({
        kind: 'view',
        itemId: 'x',
      }),
    );
    expect(recorded).toBeNull();
  });
});
