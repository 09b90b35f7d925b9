import { readFileSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ownerState, shelfIds } from './fixtures/owner-host/page.ts';
import { startOwnerSite, type OwnerSite } from './fixtures/owner-host/serve.ts';
import { buildWidget } from './fixtures/widget-host/serve.ts';

/**
 * A multi-page site: each page load downloads the model card, the catalog and the model files
 * at most once (the page and the worker share them), and the next page starts from the browser's
 * Cache API: the model files are not downloaded again until the model card's version changes.
 */

const FILES = ['/catalog.json', '/model/meta.json', '/model/model.json', '/model/weights.bin'];
let widgetDir = '';
let site: OwnerSite;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  widgetDir = buildWidget();
  site = await startOwnerSite({
    widget: widgetDir,
    model: 'e2e/fixtures/tiny',
    catalog: 'e2e/fixtures/tiny/catalog.json',
  });
});
test.afterAll(async () => {
  await site?.close();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
});
test.beforeEach(() => {
  site.replace.clear();
  site.missing.length = 0;
});

const trendingIds = (page: Page) => shelfIds(page, '#trending');

async function loadAndWait(page: Page, url: string): Promise<number> {
  const from = site.requests.length;
  await page.goto(url);
  await expect
    .poll(async () => {
      const state = await ownerState(page);
      return state?.status === 'error' ? `error: ${state.warnings.join(' | ')}` : state?.status;
    })
    .toBe('ready');
  await expect.poll(() => trendingIds(page)).toHaveLength(4);
  return from;
}

/** Downloads of each file since `from`, once the page's background revalidation has had its turn. */
async function downloads(page: Page, from: number): Promise<Record<string, number>> {
  // Revalidation starts with the page; the card and catalog requests arrive within moments.
  await expect.poll(() => site.count('/catalog.json', from)).toBeGreaterThanOrEqual(1);
  await expect.poll(() => site.count('/model/meta.json', from)).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(500);
  return Object.fromEntries(FILES.map((f) => [f, site.count(f, from)]));
}

test('each file is downloaded once per page, and the next page takes the model from the cache', async ({
  page,
}) => {
  const first = await loadAndWait(page, `${site.origin}/`);
  expect(await downloads(page, first)).toEqual({
    '/catalog.json': 1,
    '/model/meta.json': 1,
    '/model/model.json': 1,
    '/model/weights.bin': 1,
  });
  const shown = await trendingIds(page);

  // The next page of the site: shelves from the cached model; card and catalog only revalidated.
  const second = await loadAndWait(page, `${site.origin}/?page=2#/product/t-003`);
  expect(await downloads(page, second)).toEqual({
    '/catalog.json': 1,
    '/model/meta.json': 1,
    '/model/model.json': 0,
    '/model/weights.bin': 0,
  });
  expect(await trendingIds(page)).toEqual(shown);
  const state = await ownerState(page);
  expect(state?.model?.baseModel).toBe('tiny-1');
});

test('a new model version or catalog on the server is picked up on the next page, and cached again', async ({
  page,
}) => {
  await loadAndWait(page, `${site.origin}/`);

  // The owner deploys a new model card version (same weights, for the test) and edits a title.
  const card = JSON.parse(readFileSync('e2e/fixtures/tiny/meta.json', 'utf8')) as Record<string, unknown>;
  site.replace.set('/model/meta.json', JSON.stringify({ ...card, version: 'tiny-2' }));
  const catalog = JSON.parse(readFileSync('e2e/fixtures/tiny/catalog.json', 'utf8')) as {
    version: string;
    items: { id: string; title: string; inStock: boolean }[];
  };
  const top = (await trendingIds(page))[0]!;
  const edited = {
    version: 'tiny-1b',
    items: catalog.items.map((item) => (item.id === top ? { ...item, inStock: false } : item)),
  };
  site.replace.set('/catalog.json', JSON.stringify(edited));

  const next = await loadAndWait(page, `${site.origin}/`);
  // The cached copies start the page; the newer ones replace them as soon as they arrive.
  await expect.poll(async () => (await ownerState(page))?.model?.baseModel).toBe('tiny-2');
  await expect.poll(() => trendingIds(page)).not.toContain(top);
  const seen = await downloads(page, next);
  expect(seen['/model/model.json']).toBe(1);
  expect(seen['/model/weights.bin']).toBe(1);

  // And the page after that starts from the new versions, downloading no model file.
  const after = await loadAndWait(page, `${site.origin}/`);
  expect(await trendingIds(page)).not.toContain(top);
  expect((await ownerState(page))?.model?.baseModel).toBe('tiny-2');
  const again = await downloads(page, after);
  expect(again['/model/model.json']).toBe(0);
  expect(again['/model/weights.bin']).toBe(0);
});

test('before the visitor consents nothing is cached either: each page downloads the files again', async ({
  page,
}) => {
  const first = await loadAndWait(page, `${site.origin}/?consent=ask`);
  expect(await page.evaluate(async () => caches.keys())).toEqual([]);
  const second = await loadAndWait(page, `${site.origin}/?consent=ask&page=2`);
  expect(site.count('/model/weights.bin', first)).toBe(2);
  expect(site.count('/model/weights.bin', second)).toBe(1);
  expect(await page.evaluate(async () => caches.keys())).toEqual([]);
});
