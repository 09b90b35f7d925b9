import type { Browser, Page } from '@playwright/test';
import type { BackendInfo, LocalShelf } from '../../src/engine/index.ts';
import type { Column } from './columns.ts';
import { median, quantile, round } from './stats.ts';

declare global {
  interface Window {
    engine: typeof import('../../src/engine/index.ts');
    engineReady?: boolean;
    bench?: LocalShelf;
  }
}

/**
 * When the page set performance mark `name` (ms from navigation start), waiting inside the page
 * for it. Not page.waitForFunction: its first use injects Playwright's selector engine (~330 KB),
 * which the page's main thread then evaluates in the middle of the load being timed (50–80 ms
 * of a warm first shelf here); one evaluate of this small function costs ~3 ms.
 */
function untilMark(page: Page, name: string, timeoutMs = 180_000): Promise<number> {
  return page.evaluate(
    ({ name, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const already = performance.getEntriesByName(name)[0];
        if (already) return resolve(already.startTime);
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntriesByName(name)[0];
          if (!entry) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(entry.startTime);
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`no performance mark "${name}" within ${timeoutMs} ms`));
        }, timeoutMs);
        observer.observe({ type: 'mark' });
      }),
    { name, timeoutMs },
  );
}

/**
 * Until the page before a timed reload has settled, as a shopper who comes back finds the
 * browser: its model loaded (so the worker's start-up no longer shares the cores), then a second
 * (what it keeps for the next visit, the catalog and model card in the Cache API, is written
 * when the page is idle).
 */
async function settle(page: Page): Promise<void> {
  await untilModelLoaded(page);
  await page.waitForTimeout(1000);
}

/** Until the shop's engine has its model (not on a timed page: waitForFunction injects Playwright's script). */
async function untilModelLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { localShelf?: { getSnapshot(): { status: string } } }).localShelf?.getSnapshot()
        .status === 'ready',
    null,
    { timeout: 180_000 },
  );
}

/**
 * Time from navigation to the first rendered shelf of a newcomer's home page: cold (new
 * profile), then reloaded at once (the first page's worker and its writes for the next visit
 * still under way), then warm: reloaded after the page before has settled (`settle`), like the
 * returning shopper's measure. The warm target reads the settled reloads; all are reported.
 */
export async function firstRecommendation(browser: Browser, baseURL: string, column: Column, runs: number) {
  const cold: number[] = [];
  const atOnce: number[] = [];
  const warm: number[] = [];
  const mark = (page: Page) => untilMark(page, 'localshelf:first-recommendation');
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseURL}/${column.query}#/`);
    cold.push(await mark(page));
    await page.reload();
    atOnce.push(await mark(page));
    await settle(page);
    await page.reload();
    warm.push(await mark(page));
    await context.close();
  }
  return {
    coldMs: round(median(cold)),
    warmMs: round(median(warm)),
    warmAtOnceMs: round(median(atOnce)),
    coldRuns: cold.map((x) => round(x)),
    warmRuns: warm.map((x) => round(x)),
    warmAtOnceRuns: atOnce.map((x) => round(x)),
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
  column: Column,
  modelUrl: string,
  items: number,
  samples: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl,
    dbName: `bench-latency-${column.id}-${items}-${Date.now()}`,
    ...column.engine,
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
  column: Column,
  itemIds: readonly string[],
  events: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl: '/models/demo/',
    catalogUrl: '/catalog.json',
    dbName: `bench-train-${column.id}-${events}-${Date.now()}`,
    ...column.engine,
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
    const run = await window.engine.untilDone(window.bench!.train('bench'));
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
  column: Column,
  itemIds: readonly string[],
  cycleCount: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl: '/models/demo/',
    catalogUrl: '/catalog.json',
    dbName: `bench-cycles-${column.id}-${Date.now()}`,
    ...column.engine,
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
        await window.engine.untilDone(shelf.train('cycle'));
        await shelf.recommend({ kind: 'for-you', limit: 10 });
        const status = await shelf.status();
        // Every cycle's count: state that appears once (a first accepted run's weights) is not a leak.
        if (c >= 1)
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
  const half = samples[Math.floor(samples.length / 2)]!;
  return {
    cycles: cycleCount,
    numTensorsAfter1: first.numTensors,
    numTensorsAfterN: last.numTensors,
    /** Tensors after half the cycles: growth from here to N would be a leak. */
    numTensorsAtHalf: half.numTensors,
    numTensorsPerCycle: samples.map((s) => s.numTensors),
    tensorBytesAfter1: first.numBytes,
    tensorBytesAfterN: last.numBytes,
    pageHeapMBAfter1: round(first.heap / 2 ** 20, 2),
    pageHeapMBAfterN: round(last.heap / 2 ** 20, 2),
  };
}

/** What the worker runs on for this column: the backend, the GPU's renderer or adapter, the wasm threads, the refusals. */
export async function backendInfo(
  page: Page,
  baseURL: string,
  column: Column,
): Promise<BackendInfo | string> {
  await openBench(page, baseURL);
  return page.evaluate(async (engine) => {
    const client = window.engine.WorkerClient.start();
    try {
      return await client.call('init', engine);
    } catch (e) {
      return `${engine.backends.join(', ')} unavailable: ${(e as Error).message}`;
    } finally {
      client.terminate();
    }
  }, column.engine);
}

/**
 * The re-ranker in the browser: a shopper with ~200 impression rows (20 shelves of 10, some
 * clicked), then page-seen latency of re-ranking a 50-item site list, and one fine-tuning run
 * of the re-ranker from the shipped weights (its worker-side time, from the run log).
 */
export async function reranker(
  page: Page,
  baseURL: string,
  column: Column,
  itemIds: readonly string[],
  samples: number,
) {
  await openBench(page, baseURL);
  await createEngine(page, {
    modelUrl: '/models/demo/',
    catalogUrl: '/catalog.json',
    dbName: `bench-reranker-${column.id}-${Date.now()}`,
    ...column.engine,
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
        await shelf.track({
          kind: 'click',
          itemId: picked.itemId,
          shelf: 'for-you',
          position: 2,
          ts: ts + 5_000,
        });
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
      const run = await window.engine.untilDone(shelf.train('bench'));
      const r = 'skipped' in run ? null : (run.reranker ?? null);
      return {
        times,
        reranker: r
          ? {
              ms: r.ms,
              rows: r.trainRows,
              lists: r.lists,
              steps: r.steps,
              accepted: r.accepted,
              verdict: r.verdict,
            }
          : null,
      };
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

/** Static files the shop fetches (page and worker), by path, during one page load. */
function countFetches(page: Page, baseURL: string): () => Record<string, number> {
  const counts: Record<string, number> = {};
  const onRequest = (r: { url(): string }) => {
    const url = r.url();
    if (!url.startsWith(baseURL)) return;
    const path = new URL(url).pathname;
    if (/\.(json|bin)$/.test(path)) counts[path] = (counts[path] ?? 0) + 1;
  };
  page.context().on('request', onRequest);
  return () => {
    page.context().off('request', onRequest);
    return counts;
  };
}

/** Marks (in the page) when each shelf's first card appears (`bench:shelf-seen:<shelf>`, what untilMark waits for). */
const WATCH_SHELVES = () => {
  new MutationObserver(() => {
    for (const section of document.querySelectorAll('section[data-shelf]')) {
      const mark = `bench:shelf-seen:${section.getAttribute('data-shelf')!}`;
      if (performance.getEntriesByName(mark).length === 0 && section.querySelector('[data-item-id]'))
        performance.mark(mark);
    }
  }).observe(document, { childList: true, subtree: true });
};

/**
 * A returning shopper on the production shop: a first visit views six products of one
 * department; then, per run, the home page is loaded again (HTTP cache warm, history in
 * IndexedDB) and the time to the first card of "For you" is taken, with the static files
 * fetched during that load counted by path. Twice: reloaded at once (the page before is still
 * starting its worker, which shares this machine's two cores with the new page), and after the
 * page before has settled (its model loaded, then a second), as a shopper who comes back finds
 * the browser. The target reads the settled runs; both are reported.
 */
export async function returningShopper(
  browser: Browser,
  baseURL: string,
  column: Column,
  productIds: readonly string[],
  runs: number,
) {
  const context = await browser.newContext();
  await context.addInitScript(WATCH_SHELVES);
  const page = await context.newPage();
  const firstVisit = countFetches(page, baseURL);
  await page.goto(`${baseURL}/${column.query}#/`);
  await untilMark(page, 'localshelf:first-recommendation');
  // Count until the model is in use too: its files are fetched after the first (trending) shelf.
  await untilModelLoaded(page);
  const firstVisitFetches = firstVisit();
  for (const id of productIds.slice(0, 6)) {
    await page.goto(`${baseURL}/${column.query}#/p/${id}`);
    await page.waitForSelector('h1');
    await page.waitForTimeout(400);
  }
  await page.goto(`${baseURL}/${column.query}#/`);
  await page.waitForSelector('section[data-shelf="for-you"] [data-item-id]', { timeout: 180_000 });
  let returnFetches: Record<string, number> = {};
  const reload = async (): Promise<number> => {
    const fetches = countFetches(page, baseURL);
    await page.reload();
    const ms = await untilMark(page, 'bench:shelf-seen:for-you');
    returnFetches = fetches();
    return ms;
  };
  const atOnce: number[] = [];
  for (let i = 0; i < runs; i++) atOnce.push(await reload());
  const settled: number[] = [];
  for (let i = 0; i < runs; i++) {
    await settle(page);
    settled.push(await reload());
  }
  await context.close();
  return {
    forYouMs: round(median(settled)),
    forYouRuns: settled.map((t) => round(t)),
    atOnceMs: round(median(atOnce)),
    atOnceRuns: atOnce.map((t) => round(t)),
    firstVisitFetches,
    returnFetches,
  };
}
