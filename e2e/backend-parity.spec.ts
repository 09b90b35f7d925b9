import { expect, test, type Page } from '@playwright/test';
import type { LocalShelf } from '../src/engine/index.ts';
import { createShelf } from './support/engine.ts';
import { openHarness, uniqueDbName } from './support/harness.ts';

declare global {
  interface Window {
    shelf: LocalShelf;
  }
}

/** Backends every machine here offers: WebGL on SwiftShader (software), wasm, cpu. */
const SOFTWARE_GPUS = { allowSoftwareWebgl: true, allowSoftwareWebgpu: true };

/**
 * One fixed shopper (fixed times, so both backends see the same data): shelves of the tiny
 * catalog where the last item is opened, looked at and dwelt on, in two departments.
 */
async function fixedShopper(page: Page): Promise<void> {
  await page.evaluate(async () => {
    let ts = Date.parse('2026-11-30T10:00:00Z');
    const at = () => (ts += 20_000);
    for (let round = 0; round < 10; round++) {
      const department = round % 2 === 0 ? '0' : '3';
      const items = Array.from({ length: 6 }, (_, p) => ({
        itemId: `t-${department}${String((round * 5 + p * 2) % 11).padStart(2, '0')}`,
        position: p,
      }));
      const last = items[5]!.itemId;
      await window.shelf.track({ kind: 'impression', shelf: 'for-you', items, ts: at() });
      await window.shelf.track({ kind: 'click', itemId: last, shelf: 'for-you', position: 5, ts: at() });
      await window.shelf.track({ kind: 'view', itemId: last, ts: at() });
      await window.shelf.track({ kind: 'dwell', itemId: last, ms: 8000, ts: at() });
    }
  });
}

/** Scores, one training run and the scores after it, on one backend. */
async function trainOn(page: Page, backend: string) {
  await createShelf(page, uniqueDbName(`parity-${backend}`), { backends: [backend], ...SOFTWARE_GPUS });
  await fixedShopper(page);
  return page.evaluate(async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `t-0${String(i).padStart(2, '0')}`);
    const before = await window.shelf.scoreItems(ids);
    const run = await window.shelf.train('parity');
    const after = await window.shelf.scoreItems(ids);
    const reranked = await window.shelf.rerank(ids);
    const summary = await window.shelf.modelSummary();
    const backend = window.shelf.getSnapshot().backend;
    window.shelf.close();
    return {
      backend: backend?.name,
      renderer: backend?.renderer ?? null,
      before: before.map((s) => s.score ?? NaN),
      after: after.map((s) => s.score ?? NaN),
      reranked: reranked.map((r) => r.itemId),
      run: 'skipped' in run ? null : { reranker: run.reranker ?? null, accepted: run.accepted },
      rerankerNorms: summary.reranker.map((w) => w.norm),
    };
  });
}

const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

/*
 * WebGPU is left out of the two tests below on these machines: tfjs-backend-webgpu reads
 * synchronously (dataSync) through a WebGPU canvas, and on SwiftShader in Chromium 156 that
 * loses the device ("A valid external Instance reference no longer exists"); the engine still
 * reads synchronously in its scoring and loading code. e2e/worker-backend.spec.ts runs WebGPU's
 * selection and a computation on it.
 */
test('training on WebGL gives what wasm gives: scores before and after, the re-ranker run and its weights', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openHarness(page);
  const wasm = await trainOn(page, 'wasm');
  await openHarness(page);
  const webgl = await trainOn(page, 'webgl');
  expect(wasm.backend).toBe('wasm');
  expect(webgl.backend).toBe('webgl');
  expect(webgl.renderer).toMatch(/swiftshader/i);
  // Float32 on two backends: the same math, summed in a different order.
  expect(maxAbsDiff(webgl.before, wasm.before)).toBeLessThan(1e-3);
  // Training moved the scores (by ~2.5 on this shopper); both backends moved them alike, to 1% of that.
  const moved = maxAbsDiff(wasm.after, wasm.before);
  expect(moved).toBeGreaterThan(0.5);
  expect(maxAbsDiff(webgl.after, wasm.after)).toBeLessThan(0.01 * moved);
  expect(maxAbsDiff(webgl.run?.reranker?.losses ?? [], wasm.run?.reranker?.losses ?? [NaN])).toBeLessThan(
    1e-3,
  );
  expect(webgl.run?.reranker?.accepted).toBe(wasm.run?.reranker?.accepted);
  expect(webgl.run?.reranker?.steps).toBe(wasm.run?.reranker?.steps);
  expect(maxAbsDiff(webgl.rerankerNorms, wasm.rerankerNorms)).toBeLessThan(1e-2);
  expect(webgl.reranked).toEqual(wasm.reranked);
});

// 10 cycles here (a leak per cycle shows after two); bench:browser runs 20 on every backend.
for (const backend of ['webgl', 'wasm', 'cpu']) {
  test(`no tensor growth over 10 track + train + recommend cycles on ${backend}`, async ({ page }) => {
    test.setTimeout(240_000);
    await openHarness(page);
    await createShelf(page, uniqueDbName(`cycles-${backend}`), { backends: [backend], ...SOFTWARE_GPUS });
    await fixedShopper(page);
    const counts = await page.evaluate(async () => {
      const out: { backend: string | undefined; numTensors: number }[] = [];
      for (let c = 1; c <= 10; c++) {
        await window.shelf.track({ kind: 'view', itemId: `t-3${String(c % 11).padStart(2, '0')}` });
        await window.shelf.train('cycle');
        await window.shelf.recommend({ kind: 'for-you', limit: 6 });
        await window.shelf.rerank(['t-000', 't-001', 't-002', 't-003']);
        if (c === 1 || c === 10)
          out.push({
            backend: window.shelf.getSnapshot().backend?.name,
            numTensors: (await window.shelf.status()).memory.numTensors,
          });
      }
      window.shelf.close();
      return out;
    });
    expect(counts.map((c) => c.backend)).toEqual([backend, backend]);
    expect(counts[1]!.numTensors).toBeLessThanOrEqual(counts[0]!.numTensors);
  });
}
