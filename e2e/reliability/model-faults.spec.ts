import type { Page } from '@playwright/test';
import { openHarness, uniqueDbName } from '../support/harness.ts';
import { readDb, startShelf, trackViews, writePersonal } from './support/engine.ts';
import { expect, test } from './support/report.ts';

/**
 * Faults in what the server hands out: the pretrained model and the catalog. The engine must
 * keep recording, say why it cannot recommend, and never touch what is stored.
 */

/** Answers `pattern` with a plain 404 (the Vite dev server would otherwise serve index.html). */
async function answer404(page: Page, pattern: string): Promise<void> {
  await page.route(pattern, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
}

/**
 * After a failed start: events are still stored (through the engine, and on disk), and a shelf
 * that needs the model ("similar") rejects with the reason. Trending may still come from the
 * model card's popularity when meta.json loaded; the test reports which.
 */
async function expectStillRecording(page: Page, dbName: string) {
  const tracked = await trackViews(page, 5);
  const outcome = await page.evaluate(async () => {
    const attempt = (request: Parameters<typeof window.shelf.recommend>[0]) =>
      window.shelf.recommend(request).then(
        (shelf) => ({ items: shelf.items.length, error: null }),
        (e: unknown) => ({ items: 0, error: (e as Error).message }),
      );
    return {
      similar: await attempt({ kind: 'similar', itemId: 't-000', limit: 3 }),
      trending: await attempt({ kind: 'trending', limit: 3 }),
    };
  });
  const stored = await page.evaluate(() => window.shelf.events.count());
  expect(tracked).toBe(5);
  expect(stored).toBe(5);
  expect((await readDb(page, dbName)).events).toBe(5);
  const trending = outcome.trending.error
    ? 'trending rejects too'
    : `trending still shows ${outcome.trending.items} items from the model card's popularity`;
  return { recommendError: outcome.similar.error, trending };
}

test.describe('model and catalog faults (engine)', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('personal weights saved for another pretrained model are discarded with a reason; events kept', async ({
    page,
    row,
  }, info) => {
    row.fault(
      'M1',
      'Saved personal weights were trained on another pretrained model version ("tiny-0"; the site now serves "tiny-1")',
      'Weights discarded with a reason naming both versions; pretrained model used; events kept',
    );
    const dbName = uniqueDbName(info.title);
    await startShelf(page, dbName);
    await trackViews(page, 6);
    await page.evaluate(() => window.shelf.close());
    await writePersonal(page, dbName, {
      key: 'head-old',
      baseModel: 'tiny-0',
      weights: { head: null, click: null },
    });

    const { readyError, state } = await startShelf(page, dbName);
    expect(readyError).toBeNull();
    expect(state.model?.personal.active).toBe(false);
    expect(state.model?.personal.discarded).toBe(
      'trained on pretrained model "tiny-0"; the loaded model is "tiny-1"',
    );
    expect(state.warnings.join('\n')).toContain('personal weights discarded');
    const shown = await page.evaluate(
      async () => (await window.shelf.recommend({ kind: 'trending', limit: 4 })).items.length,
    );
    expect(shown).toBe(4);
    const disk = await readDb(page, dbName);
    expect(disk).toEqual({ events: 6, personalKeys: [], pointer: undefined });
    row.observe(`discarded: "${state.model?.personal.discarded}"`);
    row.observe(`trending shelf still shows ${shown} items; 6 of 6 events kept; stale record removed`);
  });

  test('a model URL that answers 404: no recommendations, a reason, events still recorded', async ({
    page,
    row,
  }, info) => {
    row.fault(
      'M2',
      'Pretrained model URL answers 404',
      'Engine reports status "error" naming the URL and status; shelves that need the model reject with that reason; track() still stores',
    );
    await answer404(page, '**/reliability-missing-model/**');
    const dbName = uniqueDbName(info.title);
    const { readyError, state } = await startShelf(page, dbName, {
      modelUrl: '/reliability-missing-model/',
    });
    expect(state.status).toBe('error');
    // The page reads the model card first, so the first missing file is meta.json.
    expect(readyError).toMatch(/reliability-missing-model\/(meta|model)\.json.*404/);
    expect(state.error).toBe(readyError);
    const { recommendError, trending } = await expectStillRecording(page, dbName);
    expect(recommendError).toBe(readyError);
    row.observe(`status "error": "${readyError}"`);
    row.observe(`a "similar" shelf rejects with the same reason; ${trending}; 5 of 5 events stored on disk`);
  });

  test('a model.json that is not valid JSON: no recommendations, a reason, events still recorded', async ({
    page,
    row,
  }, info) => {
    row.fault(
      'M3',
      'Pretrained model.json is truncated garbage (not JSON)',
      'Engine reports status "error" naming the file; shelves that need the model reject with that reason; track() still stores',
    );
    // Served by a route, not a fixture file: the formatter would refuse a file of broken JSON.
    await page.route('**/reliability-garbage-model/model.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: '{"format": "layers-model", "generatedBy": "truncated on purpose", "modelTopology": {"class_na',
      }),
    );
    await page.route('**/reliability-garbage-model/meta.json', (route) =>
      route.fulfill({ path: 'e2e/fixtures/tiny/meta.json' }),
    );
    const dbName = uniqueDbName(info.title);
    const { readyError, state } = await startShelf(page, dbName, {
      modelUrl: '/reliability-garbage-model/',
    });
    expect(state.status).toBe('error');
    expect(readyError).toMatch(/reliability-garbage-model\/model\.json/);
    const { recommendError, trending } = await expectStillRecording(page, dbName);
    expect(recommendError).toBe(readyError);
    row.observe(`status "error": "${readyError}"`);
    row.observe(`a "similar" shelf rejects with the same reason; ${trending}; 5 of 5 events stored on disk`);
  });

  test('a catalog URL that answers 404: the engine says which URL failed; events recorded', async ({
    page,
    row,
  }, info) => {
    row.fault(
      'C1',
      'Catalog URL answers 404',
      'Engine reports status "error" naming the catalog URL and HTTP status; track() still stores',
    );
    await answer404(page, '**/reliability-missing-catalog.json');
    const dbName = uniqueDbName(info.title);
    const { readyError, state } = await startShelf(page, dbName, {
      catalogUrl: '/reliability-missing-catalog.json',
    });
    expect(state.status).toBe('error');
    expect(readyError).toBe('could not fetch catalog "/reliability-missing-catalog.json": HTTP 404');
    await expectStillRecording(page, dbName);
    row.observe(`status "error": "${readyError}"; 5 of 5 events stored on disk`);
  });

  test('a catalog that does not validate: the error names the item and the field; nothing stored is lost', async ({
    page,
    row,
  }, info) => {
    row.fault(
      'C2',
      'Catalog item 7 has price "12,50" (a string)',
      'Error names items[7], its id and the field; events stored before are kept and new ones stored',
    );
    const dbName = uniqueDbName(info.title);
    await startShelf(page, dbName);
    await trackViews(page, 3);
    await page.evaluate(() => window.shelf.close());
    const { readyError, state } = await startShelf(page, dbName, {
      catalogUrl: '/e2e/fixtures/reliability/invalid-catalog.json',
    });
    expect(state.status).toBe('error');
    expect(readyError).toBe('catalog items[7] (id "t-007").price is "12,50"; expected a finite number >= 0');
    await trackViews(page, 2);
    expect((await readDb(page, dbName)).events).toBe(5);
    row.observe(`status "error": "${readyError}"; 3 earlier + 2 new events on disk`);
  });
});
