import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { uniqueDbName } from '../support/harness.ts';
import { readDb, startShelf, trackViews } from './support/engine.ts';
import { expect, test } from './support/report.ts';

/**
 * A shopper whose browser has no WebGL at all (blocklisted GPU, enterprise policy, or
 * no GPU process): the worker must verify, refuse WebGL with a reason, and run on wasm.
 * This needs its own browser, since the flags apply to the whole process. `--disable-webgl`
 * alone is not enough: it leaves OffscreenCanvas WebGL working inside workers.
 */
test('WebGL unavailable: the worker picks wasm, records why, and the shop still recommends and records', async ({
  baseURL,
  row,
}, info) => {
  row.fault(
    'G1',
    'WebGL unavailable in page and worker (Chromium launched with --disable-gpu --disable-software-rasterizer)',
    'Worker refuses webgl with a reason, runs on wasm; recommendations and tracking work',
  );
  const options = chromiumLaunchOptions();
  // Without SwiftShader and without a GPU there is no WebGL, in the page or in a worker.
  const args = (options.args ?? []).filter((a) => !/swiftshader/.test(a));
  const browser = await chromium.launch({
    ...options,
    args: [...args, '--disable-gpu', '--disable-software-rasterizer'],
  });
  try {
    const page = await (await browser.newContext({ baseURL })).newPage();
    await page.goto('/e2e/fixtures/engine.html');
    await page.waitForFunction(() => window.engineReady === true);
    // The page itself confirms the fault is real: no WebGL context anywhere.
    const pageHasWebgl = await page.evaluate(
      () =>
        new OffscreenCanvas(1, 1).getContext('webgl2') !== null ||
        new OffscreenCanvas(1, 1).getContext('webgl') !== null ||
        document.createElement('canvas').getContext('webgl') !== null,
    );
    expect(pageHasWebgl).toBe(false);

    const dbName = uniqueDbName(info.title);
    const { readyError, state } = await startShelf(page, dbName);
    expect(readyError).toBeNull();
    expect(state.backend?.name).toBe('wasm');
    const webgl = state.backend?.fallbacks.find((f) => f.backend === 'webgl');
    expect(webgl?.reason).toBeTruthy();
    expect(await trackViews(page, 4)).toBe(4);
    const shown = await page.evaluate(async () => {
      const shelf = await window.shelf.recommend({ kind: 'for-you', limit: 5 });
      return shelf.items.length;
    });
    expect(shown).toBe(5);
    expect((await readDb(page, dbName)).events).toBe(4);
    row.observe(`backend ${state.backend?.name}; webgl refused: "${webgl?.reason}"`);
    row.observe(`for-you shelf shows ${shown} items; 4 of 4 events stored`);
  } finally {
    await browser.close();
  }
});
