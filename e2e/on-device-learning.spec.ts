import { expect, test, type Page } from '@playwright/test';
import type { LocalShelf } from '../src/engine/index.ts';
import { createShelf } from './support/engine.ts';
import { openHarness, uniqueDbName } from './support/harness.ts';

declare global {
  interface Window {
    shelf: LocalShelf;
  }
}

/**
 * Alternates Camping and Books products: a taste the pretrained population never showed
 * (its shoppers stay in one department), so fine-tuning has something to learn.
 */
async function browseCampingAndBooks(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const start = Date.now() - count * 30_000;
    for (let i = 0; i < count; i++) {
      const department = i % 2 === 0 ? '0' : '3';
      const item = `t-${department}${String(Math.floor(i / 2) % 11).padStart(2, '0')}`;
      await window.shelf.track({ kind: 'view', itemId: item, ts: start + i * 30_000 });
    }
  }, count);
}

/** Views `count` Camping products (department 0 of the tiny catalog), a few seconds apart. */
async function browseCamping(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const start = Date.now() - count * 30_000;
    for (let i = 0; i < count; i++) {
      await window.shelf.track({
        kind: 'view',
        itemId: `t-0${String(i % 11).padStart(2, '0')}`,
        ts: start + i * 30_000,
      });
    }
  }, count);
}

async function forYouDepartments(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const shelf = await window.shelf.recommend({ kind: 'for-you', limit: 6 });
    return shelf.items.map((r) => r.itemId.slice(2, 3));
  });
}

test.describe('on-device learning in the worker', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('fine-tunes on WebGL, reports the renderer, logs the run with its verdict, and keeps the page responsive', async ({
    page,
  }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    await browseCamping(page, 24);
    const result = await page.evaluate(async () => {
      const longTasks: number[] = [];
      const observer = new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => longTasks.push(e.duration)),
      );
      observer.observe({ type: 'longtask', buffered: false });
      const stepsSeen: number[] = [];
      const unsubscribe = window.shelf.onAction((action) => {
        if (action.type === 'train-log' && action.log.type === 'step') stepsSeen.push(action.log.step);
      });
      const run = await window.shelf.train('test');
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      unsubscribe();
      return {
        run,
        longTasks,
        stepsSeen,
        state: window.shelf.getSnapshot(),
        runs: await window.shelf.runs(),
      };
    });
    expect(result.state.backend?.name).toBe('webgl');
    expect(result.state.backend?.renderer).toMatch(/SwiftShader/i);
    expect('skipped' in result.run).toBe(false);
    if ('skipped' in result.run) return;
    expect(result.run.backend).toBe('webgl');
    expect(result.run.steps).toBeGreaterThan(0);
    expect(result.stepsSeen.length).toBe(result.run.steps);
    expect(result.run.trainableParams).toBe(2 * 16 * 8 + 16);
    expect(result.run.before).not.toBeNull();
    expect(result.run.after).not.toBeNull();
    expect(result.run.reason).toMatch(/^(accepted|rejected): /);
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]!.reason).toBe(result.run.reason);
    expect(result.longTasks.filter((ms) => ms > 50)).toEqual([]);
  });

  test('after a shopper keeps viewing one department, "for you" shifts toward it', async ({ page }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    const newcomer = await page.evaluate(async () => window.shelf.recommend({ kind: 'for-you', limit: 6 }));
    expect(newcomer.kind).toBe('for-you');
    expect(newcomer.items[0]!.reasons[0]).toEqual({ type: 'fallback', why: 'no browsing history yet' });
    expect(newcomer.items[0]!.explanation).toBe('Popular with shoppers (no browsing history yet)');
    // Five of the eleven Camping products in stock: six unseen ones are left to recommend.
    await browseCamping(page, 5);
    const departments = await forYouDepartments(page);
    expect(departments.filter((d) => d === '0').length).toBeGreaterThanOrEqual(5);
    const explained = await page.evaluate(
      async () => (await window.shelf.recommend({ kind: 'for-you', limit: 3 })).items[0]!,
    );
    expect(explained.explanation).toMatch(/^Because you viewed Trailhead /);
    expect(explained.reasons[0]!.type).toBe('history');
  });

  test('personal weights survive a reload; reset returns to the pretrained model', async ({ page }, info) => {
    const dbName = uniqueDbName(info.title);
    await createShelf(page, dbName);
    await browseCampingAndBooks(page, 22);
    const run = await page.evaluate(() => window.shelf.train('test'));
    expect(run).toMatchObject({ accepted: true });
    const before = await page.evaluate(
      async () => (await window.shelf.recommend({ kind: 'for-you', limit: 8 })).items,
    );

    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    await createShelf(page, dbName);
    const after = await page.evaluate(async () => ({
      model: window.shelf.getSnapshot().model,
      items: (await window.shelf.recommend({ kind: 'for-you', limit: 8 })).items,
    }));
    expect(after.model?.personal.active).toBe(true);
    expect(after.items.map((i) => i.itemId)).toEqual(before.map((i) => i.itemId));
    after.items.forEach((item, i) => expect(item.score).toBeCloseTo(before[i]!.score, 4));

    const reset = await page.evaluate(async () => (await window.shelf.resetPersonal()).personal.active);
    expect(reset).toBe(false);
  });

  test('a corrupt saved personal model is discarded with a reason, and the pretrained model is used', async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    await createShelf(page, dbName);
    await page.evaluate(async (dbName) => {
      window.shelf.close();
      // Write a bad version and point the current pointer at it, as a crashed or tampered save would.
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['personal', 'meta'], 'readwrite');
          tx.objectStore('personal').put({
            key: 'head-bad',
            baseModel: 'tiny-1',
            savedAt: Date.now(),
            weights: { head: { dim: 16, rank: 8, down: [1, 2], up: [], bias: [] }, click: null },
          });
          tx.objectStore('meta').put({ key: 'personal-current', value: 'head-bad' });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }, dbName);
    await createShelf(page, dbName);
    const state = await page.evaluate(async () => ({
      model: window.shelf.getSnapshot().model,
      warnings: window.shelf.getSnapshot().warnings,
      shelf: (await window.shelf.recommend({ kind: 'trending', limit: 3 })).items.length,
    }));
    expect(state.model?.personal.active).toBe(false);
    expect(state.model?.personal.discarded).toBe(
      'unreadable weights: saved head "down" has 2 finite values; expected 128',
    );
    expect(state.warnings.join('\n')).toContain('personal weights discarded');
    expect(state.shelf).toBe(3);
  });

  test('a WebGL context lost mid-training falls back to another backend and the run completes', async ({
    page,
  }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    await browseCampingAndBooks(page, 22);
    const result = await page.evaluate(async () => {
      let lost = false;
      const unsubscribe = window.shelf.onAction((action) => {
        if (!lost && action.type === 'train-log' && action.log.type === 'step' && action.log.step === 2) {
          lost = true;
          void window.shelf.loseWebglContext();
        }
      });
      const run = await window.shelf.train('test');
      unsubscribe();
      const count = await window.shelf.events.count();
      const shelf = await window.shelf.recommend({ kind: 'for-you', limit: 4 });
      return { lost, run, backend: window.shelf.getSnapshot().backend, count, shelfSize: shelf.items.length };
    });
    expect(result.lost).toBe(true);
    expect(result.backend?.name).toBe('wasm');
    expect(result.backend?.fallbacks[0]).toEqual({
      backend: 'webgl',
      reason: 'WebGL context lost during training',
    });
    expect('skipped' in result.run).toBe(false);
    if (!('skipped' in result.run)) expect(result.run.backend).toBe('wasm');
    expect(result.count).toBe(22);
    expect(result.shelfSize).toBe(4);
  });

  test('two tabs never train at once: the second is told another tab is training', async ({
    context,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    const [a, b] = [await context.newPage(), await context.newPage()];
    for (const tab of [a, b]) {
      await openHarness(tab);
      await createShelf(tab, dbName);
    }
    await browseCamping(a, 30);
    const [first, second] = await Promise.all([
      a.evaluate(() => window.shelf.train('tab a')),
      // Start b once a holds the lock (its first step has been logged).
      b.evaluate(async () => {
        await new Promise((r) => setTimeout(r, 300));
        return window.shelf.train('tab b');
      }),
    ]);
    expect('skipped' in first).toBe(false);
    expect(second).toEqual({ skipped: 'another tab is training; this tab uses the saved weights' });
  });

  test('the click model (dense 50 → 100 → 1) learns from impressions and clicks and re-ranks "for you"', async ({
    page,
  }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    const result = await page.evaluate(async () => {
      // A shopper who browses Camping and, on shelves mixing departments, clicks the Camping items.
      let ts = Date.now() - 3_600_000;
      for (let k = 0; k < 24; k++) {
        await window.shelf.track({ kind: 'view', itemId: `t-0${String(k % 11).padStart(2, '0')}`, ts: ts++ });
        const items = Array.from({ length: 8 }, (_, p) => ({
          itemId: `t-${(p + k) % 4}${String((p * 5 + k) % 11).padStart(2, '0')}`,
          position: p,
        }));
        await window.shelf.track({ kind: 'impression', shelf: 'for-you', items, ts: ts++ });
        for (const item of items) {
          if (item.itemId.startsWith('t-0'))
            await window.shelf.track({
              kind: 'click',
              itemId: item.itemId,
              shelf: 'for-you',
              position: item.position,
              ts: ts++,
            });
        }
        ts += 60_000;
      }
      const run = await window.shelf.train('test');
      const shelf = await window.shelf.recommend({ kind: 'for-you', limit: 4 });
      return {
        run,
        model: window.shelf.getSnapshot().model,
        reasons: shelf.items.map((i) => i.reasons.map((r) => r.type)),
      };
    });
    expect('skipped' in result.run).toBe(false);
    if ('skipped' in result.run) return;
    const click = result.run.click!;
    expect(click.examples + click.heldBack).toBe(24 * 8);
    expect(click.positives).toBeGreaterThan(20);
    expect(click.accepted).toBe(true);
    expect(click.after!.auc).toBeGreaterThan(0.7);
    expect(click.after!.logLoss).toBeLessThan(click.baseline!.logLoss);
    expect(result.model?.clickModel.active).toBe(true);
    expect(result.reasons.every((types) => types.includes('click-model'))).toBe(true);
  });

  test('trains on its own after enough new events, once, when the shopper pauses', async ({ page }, info) => {
    await createShelf(page, uniqueDbName(info.title), { autoTrain: { minNewEvents: 6, debounceMs: 300 } });
    await browseCampingAndBooks(page, 14);
    await page.waitForFunction(() => window.shelf.getSnapshot().training.lastRun !== null, null, {
      timeout: 60_000,
    });
    await page.waitForTimeout(1500);
    const result = await page.evaluate(async () => ({
      state: window.shelf.getSnapshot(),
      runs: await window.shelf.runs(),
    }));
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]!.trigger).toMatch(/^auto: \d+ new events$/);
    expect(result.state.newEvents).toBe(0);
  });

  test('no tensor leak over 20 train + recommend cycles', async ({ page }, info) => {
    await createShelf(page, uniqueDbName(info.title), { backends: ['wasm'] });
    await browseCamping(page, 20);
    const counts = await page.evaluate(async () => {
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        await window.shelf.track({ kind: 'view', itemId: `t-0${String(i % 11).padStart(2, '0')}` });
        await window.shelf.train('cycle');
        await window.shelf.recommend({ kind: 'for-you', limit: 8 });
        await window.shelf.recommend({ kind: 'similar', itemId: 't-000', limit: 8 });
        out.push((await window.shelf.status()).memory.numTensors);
      }
      return out;
    });
    // The first cycle may add the accepted head's variables; after that the count must not grow.
    expect(new Set(counts.slice(2)).size).toBe(1);
  });
});
