import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { LocalShelf } from '../src/engine/index.ts';
import { readDb, writePersonal } from './reliability/support/engine.ts';
import { createShelf } from './support/engine.ts';
import { scrollsToTheEnd } from './support/shoppers.ts';
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

const TINY_CATALOG = JSON.parse(readFileSync('e2e/fixtures/tiny/catalog.json', 'utf8')) as {
  items: { id: string; inStock: boolean }[];
};

/** The fixture re-ranker: features → 50 → 100 → 1, weights and biases of the three layers. */
const FEATURES = (
  JSON.parse(readFileSync('e2e/fixtures/tiny/reranker/card.json', 'utf8')) as { features: string[] }
).features.length;
const RERANKER_PARAMS = FEATURES * 50 + 50 + 50 * 100 + 100 + 100 + 1;

/** Statistics of the re-ranker weights in use (exact: equal stats mean the same weights). */
async function rerankerStats(page: Page) {
  const summary = await page.evaluate(() => window.shelf.modelSummary());
  return {
    sizes: summary.reranker.map((w) => w.params),
    norms: summary.reranker.map((w) => w.norm),
    means: summary.reranker.map((w) => w.mean),
    drift: summary.reranker.map((w) => w.drift ?? null),
  };
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
    await browseCampingAndBooks(page, 24);
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
      const run = await window.engine.untilDone(window.shelf.train('test'));
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

  test('train() streams the run as it happens and ends with it; leaving early cancels the run', async ({
    page,
  }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    await browseCampingAndBooks(page, 24);
    const result = await page.evaluate(async () => {
      const logs: string[] = [];
      const run = window.shelf.train('streamed');
      let next = await run.next();
      for (; !next.done; next = await run.next()) logs.push(next.value.type);
      const finished = next.value;
      // A second run, left at its first adapter step: the worker stops, the state is idle again.
      let stoppedAt = 0;
      for await (const log of window.shelf.train('left early'))
        if (log.type === 'step') {
          stoppedAt = log.step;
          break;
        }
      // A run never asked for its first log never starts.
      void window.shelf.train('never iterated');
      await new Promise((r) => setTimeout(r, 300));
      return { logs, finished, stoppedAt, state: window.shelf.getSnapshot().training };
    });
    expect('skipped' in result.finished).toBe(false);
    if ('skipped' in result.finished) return;
    expect(result.logs.filter((t) => t === 'step')).toHaveLength(result.finished.steps);
    expect(result.logs.at(-1)).toBe('done');
    expect(result.stoppedAt).toBe(1);
    expect(result.state).toMatchObject({ active: false, lastSkip: 'training was cancelled' });
    expect(result.state.runs.map((r) => r.trigger)).toEqual(['streamed']);
  });

  test('after a shopper keeps viewing one department, "for you" shifts toward it', async ({ page }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    const newcomer = await page.evaluate(async () => window.shelf.recommend({ kind: 'for-you', limit: 6 }));
    expect(newcomer.kind).toBe('for-you');
    expect(newcomer.items[0]!.reasons[0]).toEqual({ type: 'fallback', why: 'no browsing history yet' });
    expect(newcomer.items[0]!.explanation).toBe('Popular with shoppers (no browsing history yet)');
    // Five of the eleven Camping products in stock: six unseen ones are left to recommend.
    await browseCamping(page, 5);
    // The model turned: of the items not yet seen, the six it scores highest are mostly Camping.
    const inStock = TINY_CATALOG.items.filter((i) => i.inStock && !/^t-00[0-4]$/.test(i.id)).map((i) => i.id);
    const unseen = await page.evaluate(async (ids) => {
      const scores = await window.shelf.scoreItems(ids);
      return scores
        .filter((s) => s.score !== null)
        .sort((a, b) => b.score! - a.score!)
        .slice(0, 6)
        .map((s) => s.itemId.slice(2, 3));
    }, inStock);
    expect(unseen.filter((d) => d === '0').length).toBeGreaterThanOrEqual(5);
    // The shelf shows that turn within its diversity caps (the tiny catalog has one brand per
    // department, ⌈6/4⌉ = 2 per brand): Camping leads, as many as the cap allows.
    const departments = await forYouDepartments(page);
    expect(departments[0]).toBe('0');
    expect(departments.filter((d) => d === '0').length).toBe(2);
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
    const run = await page.evaluate(() => window.engine.untilDone(window.shelf.train('test')));
    expect(run).toMatchObject({ accepted: true });
    // The adapter's scores (the sequence model through the personal head) for every product:
    // the order of "for you" also depends on the re-ranker's clock-dependent features.
    const ids = Array.from(
      { length: 4 * 11 },
      (_, i) => `t-${Math.floor(i / 11)}${String(i % 11).padStart(2, '0')}`,
    );
    const before = await page.evaluate(async (ids) => window.shelf.scoreItems(ids), ids);

    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    await createShelf(page, dbName);
    const after = await page.evaluate(
      async (ids) => ({
        model: window.shelf.getSnapshot().model,
        scores: await window.shelf.scoreItems(ids),
      }),
      ids,
    );
    expect(after.model?.personal.active).toBe(true);
    after.scores.forEach((item, i) => expect(item.score!).toBeCloseTo(before[i]!.score!, 4));

    const reset = await page.evaluate(async () => (await window.shelf.resetPersonal()).personal.active);
    expect(reset).toBe(false);
    const pretrained = await page.evaluate(async (ids) => window.shelf.scoreItems(ids), ids);
    expect(pretrained.some((item, i) => Math.abs(item.score! - before[i]!.score!) > 1e-3)).toBe(true);
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
      const run = await window.engine.untilDone(window.shelf.train('test'));
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
    await browseCampingAndBooks(a, 30);
    const [first, second] = await Promise.all([
      a.evaluate(() => window.engine.untilDone(window.shelf.train('tab a'))),
      // Start b once a holds the lock (its first step has been logged).
      b.evaluate(async () => {
        await new Promise((r) => setTimeout(r, 300));
        return window.engine.untilDone(window.shelf.train('tab b'));
      }),
    ]);
    expect('skipped' in first).toBe(false);
    expect(second).toEqual({ skipped: 'another tab is training; this tab uses the saved weights' });
  });

  test('a session of ~40 events with shelf impressions and clicks: the re-ranker is fine-tuned from the shipped weights, kept, and the log says why', async ({
    page,
  }, info) => {
    await createShelf(page, uniqueDbName(info.title));
    await scrollsToTheEnd(page);
    const result = await page.evaluate(async () => {
      const before = window.shelf.getSnapshot().model;
      const logs: string[] = [];
      const off = window.shelf.onAction((action) => {
        if (action.type === 'train-log') logs.push(action.log.type);
      });
      const run = await window.engine.untilDone(window.shelf.train('test'));
      off();
      return {
        before,
        run,
        logs,
        model: window.shelf.getSnapshot().model,
        runs: await window.shelf.runs(),
        events: await window.shelf.events.count(),
      };
    });
    expect(result.events).toBe(40);
    expect(result.before?.reranker).toMatchObject({
      active: true,
      personal: false,
      discarded: null,
      unavailable: null,
    });
    expect(result.before?.reranker.version).toMatch(/^reranker-[0-9a-f]{8}$/);
    expect(result.before?.reranker.params).toBe(RERANKER_PARAMS);
    if ('skipped' in result.run) throw new Error(`training skipped: ${result.run.skipped}`);
    const r = result.run.reranker!;
    expect(r.version).toBe(result.before?.reranker.version);
    expect(r.lists).toBe(10);
    expect(r.heldBackLists).toBe(2);
    expect(r.trainLists).toBe(8);
    expect(r.localClickRate).toBeCloseTo(1 / 6, 3);
    expect(r.accepted).toBe(true);
    expect(r.after.MRR).toBeGreaterThanOrEqual(r.before.MRR);
    expect(r.after.MRR > r.before.MRR || r.after.logLoss < r.before.logLoss).toBe(true);
    expect(r.verdict).toMatch(
      /^kept: held-back MRR \.\d\d → \.\d\d, AUC .+, log loss .+ \(newest 2 clicked lists held back; learned from 48 rows in \d+ steps\)$/,
    );
    // The log the devtools show has the same verdict, and the personal weights are in use.
    expect(result.logs[0]).toBe('reranker');
    expect(result.logs.at(-1)).toBe('done');
    expect(result.runs).toHaveLength(1);
    expect(result.runs[0]!.reranker?.verdict).toBe(r.verdict);
    expect(result.model?.reranker.personal).toBe(true);
    expect(result.model?.personal.savedAt).not.toBeNull();
    const note = `${r.ms.toFixed(0)} ms on ${result.run.backend} for ${r.steps} steps over ${r.trainRows} rows: ${r.verdict}`;
    info.annotations.push({ type: 're-ranker fine-tuning', description: note });
    console.log(`re-ranker fine-tuning: ${note}`);
  });

  test("the re-ranker's fine-tuned weights survive a reload; reset returns to the shipped ones", async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    await createShelf(page, dbName);
    const shipped = await rerankerStats(page);
    await scrollsToTheEnd(page);
    const run = await page.evaluate(() => window.engine.untilDone(window.shelf.train('test')));
    expect(run).toMatchObject({ reranker: { accepted: true } });
    const tuned = await rerankerStats(page);
    expect(tuned.drift.some((d) => d! > 0)).toBe(true);
    expect(tuned.norms).not.toEqual(shipped.norms);

    await page.reload();
    await page.waitForFunction(() => window.engineReady === true);
    await createShelf(page, dbName);
    const model = await page.evaluate(() => window.shelf.getSnapshot().model);
    expect(model?.reranker).toMatchObject({ active: true, personal: true, discarded: null });
    expect(await rerankerStats(page)).toEqual(tuned);

    const reset = await page.evaluate(async () => (await window.shelf.resetPersonal()).reranker.personal);
    expect(reset).toBe(false);
    expect((await rerankerStats(page)).norms).toEqual(shipped.norms);
  });

  test('a corrupt or version-mismatched re-ranker record falls back to the shipped weights with a reason', async ({
    page,
  }, info) => {
    const dbName = uniqueDbName(info.title);
    await createShelf(page, dbName);
    const version = (await page.evaluate(() => window.shelf.getSnapshot().model?.reranker.version))!;
    const shipped = await rerankerStats(page);
    const list = ['t-004', 't-302', 't-001', 't-305', 't-007'];
    const order = () =>
      page.evaluate(async (list) => (await window.shelf.rerank(list)).map((r) => r.itemId), list);
    const shippedOrder = await order();
    // A valid adapter beside the bad re-ranker part: only the bad part may go.
    const head = {
      dim: 16,
      rank: 8,
      down: Array(128).fill(0.01),
      up: Array(128).fill(0),
      bias: Array(16).fill(0),
    };
    const cases = [
      {
        rerankerVersion: 'reranker-00000000',
        reranker: shipped.sizes.map((n) => Array(n).fill(0)),
        reason: `fine-tuned from re-ranker "reranker-00000000"; the loaded re-ranker is "${version}"`,
      },
      {
        rerankerVersion: version,
        reranker: [[1, 2]],
        reason: `unreadable re-ranker weights: saved re-ranker has 1 weight tensors; expected ${shipped.sizes.length}`,
      },
      {
        rerankerVersion: version,
        reranker: shipped.sizes.map((n, i) => Array(n).fill(i === 2 ? Number.NaN : 0)),
        reason: `unreadable re-ranker weights: saved re-ranker weight 2 has ${shipped.sizes[2]} finite values; expected ${shipped.sizes[2]}`,
      },
    ];
    for (const c of cases) {
      await page.evaluate(() => window.shelf.close());
      await writePersonal(page, dbName, {
        key: 'head-bad',
        baseModel: 'tiny-1',
        rerankerVersion: c.rerankerVersion,
        weights: { format: 'localshelf-personal/2', head, reranker: c.reranker },
      });
      await createShelf(page, dbName);
      const state = await page.evaluate(() => window.shelf.getSnapshot());
      expect(state.model?.reranker).toMatchObject({ active: true, personal: false, discarded: c.reason });
      expect(state.model?.personal).toMatchObject({ active: true, discarded: null });
      expect(state.warnings.join('\n')).toContain(
        `personal re-ranker weights discarded: ${c.reason}; using the shipped re-ranker`,
      );
      expect(await rerankerStats(page)).toEqual(shipped);
      expect(await order()).toEqual(shippedOrder);
      // The record was rewritten without the bad part: the next load has nothing to discard.
      const disk = await readDb(page, dbName);
      expect(disk.personalKeys).toHaveLength(1);
      expect(disk.personalKeys[0]).not.toBe('head-bad');
    }
  });

  test('a model without a re-ranker works as before: shelves in the sequence model’s order, and ModelInfo says why', async ({
    page,
  }, info) => {
    await createShelf(page, uniqueDbName(info.title), { rerankerUrl: '/e2e/fixtures/no-such-reranker/' });
    await scrollsToTheEnd(page, 4);
    const result = await page.evaluate(async () => ({
      model: window.shelf.getSnapshot().model,
      forYou: await window.shelf.recommend({ kind: 'for-you', limit: 4 }),
      ranked: await window.shelf.rerank(['t-004', 't-302', 't-001']),
      run: await window.engine.untilDone(window.shelf.train('test')),
    }));
    expect(result.model?.reranker).toMatchObject({
      active: false,
      version: null,
      params: 0,
      personal: false,
    });
    expect(result.model?.reranker.unavailable).toMatch(
      /^no re-ranker at http:\/\/127\.0\.0\.1:\d+\/e2e\/fixtures\/no-such-reranker\/ \(.+\); lists keep the sequence model's order$/,
    );
    expect(result.forYou.items).toHaveLength(4);
    expect(result.forYou.items.every((i) => i.reasons.every((r) => r.type !== 'reranker'))).toBe(true);
    expect(result.ranked.map((r) => [r.itemId, r.from, r.score])).toEqual([
      ['t-004', 0, null],
      ['t-302', 1, null],
      ['t-001', 2, null],
    ]);
    expect(result.run).toMatchObject({ reranker: null });
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
    // Fourteen views fit the tiny model's 20-event window: the adapter has nothing to add, and says so.
    expect(result.runs[0]!.reason).toBe(
      "skipped: history of 14 events fits the model's 20-event window; the sequence model already reads all of it",
    );
    expect(result.runs[0]!.reranker?.verdict).toMatch(/^not run: 0 lists with a click/);
  });

  test('no tensor growth over 20 recommend + train cycles', async ({ page }, info) => {
    await createShelf(page, uniqueDbName(info.title), { backends: ['wasm'] });
    await scrollsToTheEnd(page);
    const cycles = await page.evaluate(async () => {
      const out: { tensors: number; head: boolean; reranker: boolean; kept: boolean; ms: number | null }[] =
        [];
      for (let i = 0; i < 20; i++) {
        const department = i % 2 === 0 ? '0' : '3';
        const items = Array.from({ length: 6 }, (_, p) => ({
          itemId: `t-${department}${String((i * 3 + p * 2) % 11).padStart(2, '0')}`,
          position: p,
        }));
        await window.shelf.track({ kind: 'impression', shelf: 'for-you', items });
        await window.shelf.track({ kind: 'click', itemId: items[5]!.itemId, shelf: 'for-you', position: 5 });
        await window.shelf.track({ kind: 'view', itemId: items[5]!.itemId });
        const run = await window.engine.untilDone(window.shelf.train('cycle'));
        await window.shelf.recommend({ kind: 'for-you', limit: 8 });
        await window.shelf.recommend({ kind: 'because-viewed', itemId: 't-000', limit: 8 });
        await window.shelf.recommend({ kind: 'similar', itemId: 't-000', limit: 8 });
        await window.shelf.rerank(
          items.map((x) => x.itemId),
          { shelf: 'category' },
        );
        const model = window.shelf.getSnapshot().model!;
        out.push({
          tensors: (await window.shelf.status()).memory.numTensors,
          head: model.personal.active,
          reranker: model.reranker.personal,
          kept: !('skipped' in run) && !!run.reranker?.accepted,
          ms: 'skipped' in run || !run.reranker?.steps ? null : run.reranker.ms,
        });
      }
      return out;
    });
    // What is held beyond the pretrained model: the adapter's 3 tensors and a fine-tuned re-ranker's 6, once each.
    const base = cycles.map((c) => c.tensors - (c.head ? 3 : 0) - (c.reranker ? 6 : 0));
    expect(new Set(base).size, JSON.stringify(cycles)).toBe(1);
    expect(cycles.some((c) => c.kept)).toBe(true);
    const ms = cycles.flatMap((c) => (c.ms === null ? [] : [c.ms])).sort((a, b) => a - b);
    const note = `${ms.length} re-ranker fine-tuning runs on wasm, median ${ms[Math.floor(ms.length / 2)]?.toFixed(0)} ms, ${cycles.filter((c) => c.kept).length} kept`;
    info.annotations.push({ type: 're-ranker fine-tuning', description: note });
    console.log(note);
  });
});
