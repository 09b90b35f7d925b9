import type { Browser, Page } from '@playwright/test';
import type { BackendName, LocalShelf } from '../../src/engine/index.ts';
import { median, quantile, round } from './stats.ts';

declare global {
  interface Window {
    engine: typeof import('../../src/engine/index.ts');
    engineReady?: boolean;
    bench?: LocalShelf;
  }
}

/** Time from navigation to the first rendered shelf, cold (new profile) and warm (reload, HTTP cache warm). */
export async function firstRecommendation(
  browser: Browser,
  baseURL: string,
  backend: BackendName,
  runs: number,
) {
  const cold: number[] = [];
  const warm: number[] = [];
  const mark = async (page: Page) => {
    await page.waitForFunction(
      () => performance.getEntriesByName('localshelf:first-recommendation').length > 0,
      null,
      { timeout: 180_000 },
    );
    return page.evaluate(() => performance.getEntriesByName('localshelf:first-recommendation')[0]!.startTime);
  };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseURL}/?backend=${backend}&softwareWebgl=1#/`);
    cold.push(await mark(page));
    await page.reload();
    warm.push(await mark(page));
    await context.close();
  }
  return {
    coldMs: round(median(cold)),
    warmMs: round(median(warm)),
    coldRuns: cold.map((x) => round(x)),
    warmRuns: warm.map((x) => round(x)),
  };
}

async function openBench(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/bench/browser/page.html`);
  await page.waitForFunction(() => window.engineReady === true);
}

async function createEngine(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (options) => {
    window.bench?.close();
    window.bench = await window.engine.LocalShelf.create(options as never);
    await window.bench.ready;
  }, options);
}

/** Recommendation latency seen by the page (context read, message to the worker, scoring, top-k, reply). */
export async function recommendLatency(
  page: Page,
  baseURL: string,
  backend: BackendName,
  modelUrl: string,
  items: number,
  samples: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl,
    dbName: `bench-latency-${backend}-${items}-${Date.now()}`,
    backends: [backend],
    allowSoftwareWebgl: true,
    autoTrain: false,
  });
  const times = await page.evaluate(
    async ({ items, samples }) => {
      const shelf = window.bench!;
      for (let i = 0; i < 20; i++) await shelf.track({ kind: 'view', itemId: `s-${(i * 7919) % items}` });
      for (let i = 0; i < 5; i++) await shelf.recommend({ kind: 'for-you', limit: 10 });
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const start = performance.now();
        await shelf.recommend({ kind: 'for-you', limit: 10 });
        out.push(performance.now() - start);
      }
      return out;
    },
    { items, samples },
  );
  await page.evaluate(() => window.bench?.close());
  return {
    p50Ms: round(quantile(times, 0.5), 2),
    p95Ms: round(quantile(times, 0.95), 2),
    samples: times.length,
  };
}

/** Tracks `count` events of a plausible shopper on the demo catalog (views, some dwell, carts, purchases). */
async function trackHistory(page: Page, itemIds: readonly string[], count: number): Promise<void> {
  await page.evaluate(
    async ({ itemIds, count }) => {
      const start = Date.now() - count * 20_000;
      for (let i = 0; i < count; i++) {
        const itemId = itemIds[(i * 13) % itemIds.length]!;
        const ts = start + i * 20_000;
        if (i % 10 === 9) await window.bench!.track({ kind: 'add_to_cart', itemId, ts });
        else if (i % 25 === 24) await window.bench!.track({ kind: 'purchase', itemId, ts });
        else await window.bench!.track({ kind: 'view', itemId, ts });
      }
    },
    { itemIds, count },
  );
}

/** Fine-tuning time for a shopper with `events` stored events, and the main thread's long tasks meanwhile. */
export async function fineTuning(
  page: Page,
  baseURL: string,
  backend: BackendName,
  itemIds: readonly string[],
  events: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl: '/models/demo/',
    catalogUrl: '/catalog.json',
    dbName: `bench-train-${backend}-${events}-${Date.now()}`,
    backends: [backend],
    allowSoftwareWebgl: true,
    autoTrain: false,
  });
  await trackHistory(page, itemIds, events);
  const result = await page.evaluate(async () => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => longTasks.push(e.duration)),
    );
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    const run = await window.bench!.train('bench');
    const wallMs = performance.now() - start;
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    return { wallMs, run, longTasks };
  });
  await page.evaluate(() => window.bench?.close());
  const run = 'skipped' in result.run ? null : result.run;
  return {
    wallMs: round(result.wallMs),
    steps: run?.steps ?? 0,
    examples: run ? run.examples + run.heldBack : 0,
    msPerStep: run ? round(run.msPerStep, 2) : null,
    accepted: run?.accepted ?? null,
    longTasksOver50ms: result.longTasks.filter((d) => d > 50).length,
    longestTaskMs: round(Math.max(0, ...result.longTasks)),
  };
}

/** Tensors in the worker and the page's JS heap after 1 and after `cycles` train + recommend cycles. */
export async function cycles(
  page: Page,
  baseURL: string,
  backend: BackendName,
  itemIds: readonly string[],
  cycleCount: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl: '/models/demo/',
    catalogUrl: '/catalog.json',
    dbName: `bench-cycles-${backend}-${Date.now()}`,
    backends: [backend],
    allowSoftwareWebgl: true,
    autoTrain: false,
  });
  await trackHistory(page, itemIds, 60);
  const samples = await page.evaluate(
    async ({ itemIds, cycleCount }) => {
      // No named helper functions in here: tsx would wrap them in a __name() call the page does not have.
      const shelf = window.bench!;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      const out: { cycle: number; numTensors: number; numBytes: number; heap: number; ms: number }[] = [];
      for (let c = 1; c <= cycleCount; c++) {
        const start = performance.now();
        await shelf.track({ kind: 'view', itemId: itemIds[(c * 31) % itemIds.length]! });
        await shelf.train('cycle');
        await shelf.recommend({ kind: 'for-you', limit: 10 });
        const status = await shelf.status();
        if (c === 1 || c === cycleCount)
          out.push({
            cycle: c,
            numTensors: status.memory.numTensors,
            numBytes: status.memory.numBytes,
            heap: memory?.usedJSHeapSize ?? NaN,
            ms: performance.now() - start,
          });
      }
      return out;
    },
    { itemIds, cycleCount },
  );
  await page.evaluate(() => window.bench?.close());
  const [first, last] = [samples[0]!, samples[samples.length - 1]!];
  return {
    cycles: cycleCount,
    numTensorsAfter1: first.numTensors,
    numTensorsAfterN: last.numTensors,
    tensorBytesAfter1: first.numBytes,
    tensorBytesAfterN: last.numBytes,
    pageHeapMBAfter1: round(first.heap / 2 ** 20, 2),
    pageHeapMBAfterN: round(last.heap / 2 ** 20, 2),
  };
}

/** The WebGL renderer the worker reports for this browser (or why WebGL is unavailable). */
export async function renderer(page: Page, baseURL: string): Promise<string> {
  await openBench(page, baseURL);
  return page.evaluate(async () => {
    const client = window.engine.WorkerClient.start();
    try {
      const info = await client.call('init', { backends: ['webgl'], allowSoftwareWebgl: true });
      return info.renderer ?? 'unknown';
    } catch (e) {
      return `WebGL unavailable: ${(e as Error).message}`;
    } finally {
      client.terminate();
    }
  });
}

/**
 * The re-ranker in the browser: a shopper with ~200 impression rows (20 shelves of 10, some
 * clicked), then page-seen latency of re-ranking a 50-item site list, and one fine-tuning run
 * of the re-ranker from the shipped weights (its worker-side time, from the run log).
 */
export async function reranker(page: Page, baseURL: string, backend: BackendName, itemIds: readonly string[], samples: number) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl: '/models/demo/',
    catalogUrl: '/catalog.json',
    dbName: `bench-reranker-${backend}-${Date.now()}`,
    backends: [backend],
    allowSoftwareWebgl: true,
    autoTrain: false,
  });
  const result = await page.evaluate(
    async ({ itemIds, samples }) => {
      const shelf = window.bench!;
      const start = Date.now() - 3_600_000;
      for (let l = 0; l < 20; l++) {
        const ts = start + l * 60_000;
        const items = Array.from({ length: 10 }, (_, i) => ({
          itemId: itemIds[(l * 7 + i * 13) % itemIds.length]!,
          position: i,
        }));
        await shelf.track({ kind: 'impression', shelf: 'for-you', items, ts });
        // This shopper clicks the third slot, not the first: something to learn.
        const picked = items[2]!;
        await shelf.track({ kind: 'click', itemId: picked.itemId, shelf: 'for-you', position: 2, ts: ts + 5_000 });
        await shelf.track({ kind: 'view', itemId: picked.itemId, ts: ts + 6_000 });
      }
      const list = itemIds.slice(0, 50) as string[];
      for (let i = 0; i < 5; i++) await shelf.rerank(list);
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const t = performance.now();
        await shelf.rerank(list);
        times.push(performance.now() - t);
      }
      const run = await shelf.train('bench');
      const r = 'skipped' in run ? null : (run.reranker ?? null);
      return { times, reranker: r ? { ms: r.ms, rows: r.trainRows, lists: r.lists, steps: r.steps, accepted: r.accepted, verdict: r.verdict } : null };
    },
    { itemIds, samples },
  );
  await page.evaluate(() => window.bench?.close());
  return {
    rerank50P50Ms: round(quantile(result.times, 0.5), 2),
    rerank50P95Ms: round(quantile(result.times, 0.95), 2),
    fineTuneMs: result.reranker ? round(result.reranker.ms, 1) : null,
    fineTuneRows: result.reranker?.rows ?? 0,
    fineTuneSteps: result.reranker?.steps ?? 0,
    fineTuneVerdict: result.reranker?.verdict ?? 'no re-ranker run',
  };
}
