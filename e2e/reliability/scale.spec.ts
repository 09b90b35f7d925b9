import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { TINY } from '../support/engine.ts';
import { openHarness, uniqueDbName } from '../support/harness.ts';
import { expect, test } from './support/report.ts';

/**
 * A shopper with 100,000 stored events (five times the default cap: a store written by an
 * older build, or a cap lowered later). The bounds below are generous on purpose: they catch
 * a query that went from indexed to full-scan, not a slow CI machine. Retention is checked
 * with a 90,000 cap: pruning deletes about one event per millisecond (a cursor step each), so
 * trimming 80,000 down to the default 20,000 would cost this suite over a minute.
 * It runs in a profile on disk, as a shopper's browser does: Playwright's default contexts are
 * incognito, whose in-memory IndexedDB slows down as it grows (each 10,000 writes took 5 s,
 * then 10, 13, 20, 26 s), while on disk they take about 3 s each.
 */
const N = 100_000;
const STEP_MS = 30_000;

test('100,000 stored events: the store stays fast, latest() is exact, training reads only the recent context, retention trims to the cap', async ({
  baseURL,
  row,
}, info) => {
  row.fault(
    'V1',
    `${N.toLocaleString('en')} events already stored (bulk-inserted, ${N / 20} impressions)`,
    'latest(50) exact and < 1 s; track() < 250 ms; a shelf < 5 s; training reads ≤ 600 recent events; opening with a 90,000 cap trims the oldest down to it',
  );
  test.setTimeout(240_000);
  const dbName = uniqueDbName(info.title);
  const profile = mkdtempSync(join(tmpdir(), 'localshelf-scale-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions(), baseURL });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }

  async function run(page: Page): Promise<void> {
    await openHarness(page);

    // Bulk insert straight into the engine's own schema (opened by the engine first).
    const insertMs = await page.evaluate(
      async ({ dbName, n, stepMs }) => {
        (await window.engine.EventStore.open({ dbName })).close();
        const started = performance.now();
        const now = Date.now();
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onerror = () => reject(request.error);
          request.onsuccess = () => resolve(request.result);
        });
        // Departments 0 and 1 only, so "for you" has unseen departments left to offer.
        const item = (k: number) => `t-${Math.floor(k / 12) % 2}${String(k % 12).padStart(2, '0')}`;
        // Chunks of 10,000 per transaction: one 100,000-write transaction is many times slower.
        for (let chunk = 0; chunk < n; chunk += 10_000) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('events', 'readwrite');
            const events = tx.objectStore('events');
            for (let i = chunk; i < Math.min(n, chunk + 10_000); i++) {
              const base = {
                id: `bulk-${i}`,
                ts: now - (n - i) * stepMs,
                sessionId: `s-${Math.floor(i / 200)}`,
              };
              if (i % 20 === 0)
                events.put({
                  ...base,
                  kind: 'impression',
                  shelf: 'for-you',
                  items: [0, 1, 2, 3].map((p) => ({ itemId: item(i + p), position: p })),
                });
              else events.put({ ...base, kind: 'view', itemId: item(i) });
            }
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        }
        db.close();
        return performance.now() - started;
      },
      { dbName, n: N, stepMs: STEP_MS },
    );

    const store = await page.evaluate(
      async ({ dbName, n }) => {
        const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
          const t = performance.now();
          const value = await fn();
          return [value, performance.now() - t];
        };
        const [s, openMs] = await time(() =>
          window.engine.EventStore.open({ dbName, retention: { maxEvents: 2 * n } }),
        );
        const count = await s.count();
        const [latest, latestMs] = await time(() => s.latest(50));
        const trackMs: number[] = [];
        for (let i = 0; i < 20; i++)
          trackMs.push((await time(() => s.track({ kind: 'view', itemId: 't-000' })))[1]);
        const newest = (await s.latest(1))[0];
        s.close();
        return { openMs, count, latestIds: latest.map((e) => e.id), latestMs, trackMs, newest };
      },
      { dbName, n: N },
    );
    expect(store.count).toBe(N);
    expect(store.latestIds).toEqual(Array.from({ length: 50 }, (_, i) => `bulk-${N - 1 - i}`));
    expect(store.latestMs).toBeLessThan(1000);
    const trackMean = store.trackMs.reduce((a, b) => a + b, 0) / store.trackMs.length;
    expect(trackMean).toBeLessThan(250);
    expect(store.newest).toMatchObject({ kind: 'view', itemId: 't-000' });

    // The engine on top of the big store: shelves and training read only the recent context.
    const engine = await page.evaluate(
      async ({ options }) => {
        const shelf = await window.engine.LocalShelf.create(options as never);
        await shelf.ready;
        let t = performance.now();
        const shown = (await shelf.recommend({ kind: 'for-you', limit: 6 })).items.length;
        const shelfMs = performance.now() - t;
        t = performance.now();
        const run = await window.engine.untilDone(shelf.train('test'));
        const trainMs = performance.now() - t;
        shelf.close();
        return { shown, shelfMs, run, trainMs };
      },
      { options: { ...TINY, dbName, store: { retention: { maxEvents: 2 * N } } } },
    );
    expect(engine.shown).toBe(6);
    expect(engine.shelfMs).toBeLessThan(5000);
    expect('skipped' in engine.run).toBe(false);
    const run = engine.run as { examples: number; heldBack: number; click?: { examples?: number } | null };
    // 600 recent events hold 540 item events at most: the other 99,400 are never read for training.
    expect(run.examples + run.heldBack).toBeGreaterThan(0);
    expect(run.examples + run.heldBack).toBeLessThanOrEqual(600);

    const trimmed = await page.evaluate(async (dbName) => {
      const t = performance.now();
      const s = await window.engine.EventStore.open({ dbName, retention: { maxEvents: 90_000 } });
      // Opening does not wait for retention; the trim runs in the background.
      await s.retained;
      const openMs = performance.now() - t;
      const count = await s.count();
      const newest = (await s.latest(1))[0];
      s.close();
      // The oldest survivor, read with one cursor step instead of loading 90,000 events.
      const oldest = await new Promise<string | undefined>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const cursor = db.transaction('events').objectStore('events').index('by-ts').openCursor();
          cursor.onsuccess = () => {
            db.close();
            resolve((cursor.result?.value as { id?: string } | undefined)?.id);
          };
          cursor.onerror = () => reject(cursor.error);
        };
      });
      return { openMs, count, oldest, newest };
    }, dbName);
    const total = N + 20;
    expect(trimmed.count).toBe(90_000);
    expect(trimmed.oldest).toBe(`bulk-${total - 90_000}`);
    expect(trimmed.newest).toMatchObject({ kind: 'view', itemId: 't-000' });
    expect(trimmed.openMs).toBeLessThan(120_000);

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    row.observe(`bulk insert ${s(insertMs)}; open ${Math.round(store.openMs)} ms; count ${store.count}`);
    row.observe(
      `latest(50) newest-first exact in ${Math.round(store.latestMs)} ms; track() mean ${Math.round(trackMean)} ms`,
    );
    row.observe(
      `for-you shelf in ${Math.round(engine.shelfMs)} ms; training used ${run.examples} + ${run.heldBack} held-back examples (${s(engine.trainMs)})`,
    );
    row.observe(
      `cap 90,000: trimmed ${total} → ${trimmed.count} in ${s(trimmed.openMs)}, oldest kept bulk-${total - 90_000}`,
    );
  }
});
