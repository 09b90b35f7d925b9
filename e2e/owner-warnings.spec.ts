import { readFileSync, rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { history, ownerState, shelfIds } from './fixtures/owner-host/page.ts';
import { startOwnerSite, type OwnerSite } from './fixtures/owner-host/serve.ts';
import { buildWidget } from './fixtures/widget-host/serve.ts';

/**
 * Each way a site owner can get the setup wrong, on their own plain-HTML page: the engine says
 * what is wrong and what to do, in the console and in `LocalShelf.state().warnings`, instead of
 * showing empty shelves as if all were well.
 */

const TINY_CATALOG = readFileSync('e2e/fixtures/tiny/catalog.json', 'utf8');
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

/** Console warnings and errors the page printed. */
function consoleOf(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => (m.type() === 'warning' || m.type() === 'error') && lines.push(m.text()));
  return lines;
}

async function settled(page: Page, status: 'ready' | 'error') {
  await expect.poll(async () => (await ownerState(page))?.status, { timeout: 30_000 }).toBe(status);
  return (await ownerState(page))!;
}

test('catalog items the model does not know: how many, and that they are recommended from their content', async ({
  page,
}) => {
  const catalog = JSON.parse(TINY_CATALOG) as { version: string; items: Record<string, unknown>[] };
  const base = catalog.items[0]!;
  catalog.items.push(
    { ...base, id: 'new-tent-1', title: 'Summit Storm Tent' },
    { ...base, id: 'new-tent-2', title: 'Summit Lite Tent' },
  );
  site.replace.set('/catalog.json', JSON.stringify({ ...catalog, version: 'tiny-1-plus' }));
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/`);
  const state = await settled(page, 'ready');
  expect(state.model?.newItems).toBe(2);
  const warning = `2 of the 50 items of catalog ${site.origin}/catalog.json are not in the model ("new-tent-1", "new-tent-2")`;
  expect(state.warnings.join('\n')).toContain(warning);
  expect(state.warnings.join('\n')).toContain('until you pretrain again with npm run pretrain -- --catalog');
  expect(logged.join('\n')).toContain(warning);
});

test('a model that knows none of the catalog is an error, not "ready"', async ({ page }) => {
  site.replace.set('/catalog.json', readFileSync('e2e/fixtures/owner-host/catalog.json'));
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/`);
  const state = await settled(page, 'error');
  expect(state.error).toMatch(
    /^the model at http:\/\/127\.0\.0\.1:\d+\/model\/ knows none of the 32 items of catalog http:\/\/127\.0\.0\.1:\d+\/catalog\.json \(the model has ids like "t-000", "t-001", "t-002" and 45 more, the catalog "tea-sencha", "tea-gyokuro", "tea-matcha" and 29 more\); expected a model pretrained on logs of this catalog: run npm run pretrain/,
  );
  expect(state.warnings).toContain(state.error);
  expect(logged.join('\n')).toContain('knows none of the 32 items');
  await expect(page.locator('#trending [part~="link"]')).toHaveCount(0);
});

test('a product id on the page that is not in the catalog: a warning, and the view is not stored', async ({
  page,
}) => {
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/#/product/t-003`);
  await settled(page, 'ready');
  await expect.poll(async () => (await history(page)).map((e) => e.itemId)).toEqual(['t-003']);
  await page.goto(`${site.origin}/?page=2#/product/T-003-typo`);
  await settled(page, 'ready');
  const warning = `product id "T-003-typo" (a view event) is not in catalog ${site.origin}/catalog.json (48 items, e.g. "t-000", "t-001" and 46 more); the event was not stored`;
  await expect.poll(async () => (await ownerState(page))?.warnings.join('\n')).toContain(warning);
  expect(logged.join('\n')).toContain(warning);
  expect((await history(page)).map((e) => e.itemId)).toEqual(['t-003']);
});

test('a worker script that is not on the server: its URL, and copy the whole folder', async ({ page }) => {
  site.missing.push(/^\/vendor\/localshelf\/assets\/worker[^/]*\.js$/);
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/`);
  const state = await settled(page, 'error');
  expect(state.error).toMatch(
    /^LocalShelf could not load its worker script http:\/\/127\.0\.0\.1:\d+\/vendor\/localshelf\/assets\/worker-[\w-]+\.js; copy the whole LocalShelf folder \(the script with its assets\/ folder, as built\) to your server, keeping its layout$/,
  );
  expect(logged.join('\n')).toContain('could not load its worker script http://');
});

test('wasm files that are not on the server: the URL, the slower backend it runs on, and copy the whole folder', async ({
  page,
}) => {
  site.missing.push(/\.wasm$/);
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/?backends=wasm,cpu`);
  const state = await settled(page, 'ready');
  expect(state.backend?.name).toBe('cpu');
  const warning = state.warnings.find((w) => w.startsWith('the wasm compute backend could not start'));
  expect(warning).toMatch(
    /^the wasm compute backend could not start: http:\/\/127\.0\.0\.1:\d+\/vendor\/localshelf\/assets\/tfjs-backend-wasm-simd\.wasm answered HTTP 404; running on cpu instead, which is slower\. Copy the whole LocalShelf folder/,
  );
  expect(logged.join('\n')).toContain('the wasm compute backend could not start');
  // The shelves still work, on the CPU.
  await expect.poll(() => shelfIds(page, '#trending')).toHaveLength(4);
});

test('a model card without popularity: trending says why it is empty instead of showing catalog order', async ({
  page,
}) => {
  const card = JSON.parse(readFileSync('e2e/fixtures/tiny/meta.json', 'utf8')) as Record<string, unknown>;
  delete card.popularity;
  site.replace.set('/model/meta.json', JSON.stringify(card));
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/`);
  const state = await settled(page, 'ready');
  expect(state.warnings.join('\n')).toContain('the model card (meta.json) has no "popularity"');
  expect(logged.join('\n')).toContain('has no "popularity"');
  const trending = await page.evaluate(() =>
    (
      window as unknown as {
        LocalShelf: { recommend(r: unknown): Promise<{ items: unknown[]; empty?: string }> };
      }
    ).LocalShelf.recommend({ kind: 'trending', limit: 4 }),
  );
  expect(trending.items).toEqual([]);
  expect(trending.empty).toMatch(/has no popularity.*re-run npm run pretrain/);
});

test('a broken catalog deployed after a good one: a returning visitor keeps the cached copy, and is told why', async ({
  page,
}) => {
  await page.goto(`${site.origin}/`);
  await settled(page, 'ready');
  const catalog = JSON.parse(TINY_CATALOG) as { version: string; items: Record<string, unknown>[] };
  catalog.items[3] = { ...catalog.items[3], title: '' };
  site.replace.set('/catalog.json', JSON.stringify({ ...catalog, version: 'tiny-1-broken' }));
  const logged = consoleOf(page);
  await page.goto(`${site.origin}/?page=2`);
  await settled(page, 'ready');
  const warning =
    'could not refresh the catalog from the server (catalog items[3] (id "t-003").title is ""; expected a non-empty string); this page uses the copy cached on an earlier visit, but visitors without one cannot start';
  await expect.poll(async () => (await ownerState(page))?.warnings.join('\n')).toContain(warning);
  expect(logged.join('\n')).toContain(warning);
  await expect.poll(() => shelfIds(page, '#trending')).toHaveLength(4);
});
