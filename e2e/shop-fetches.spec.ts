import { expect, test, type BrowserContext } from '@playwright/test';
import { PREVIEW_PORT } from '../playwright.config.ts';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

const STATIC = ['/catalog.json', '/images.json', '/models/demo/meta.json', '/models/demo/model.json'];

/** Requests per static file from the page and its worker, from now on. */
function countFetches(context: BrowserContext): () => Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(STATIC.map((p) => [p, 0]));
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path in counts) counts[path]!++;
  });
  return () => ({ ...counts });
}

for (const [name, port] of [
  ['dev server', undefined],
  ['production build', PREVIEW_PORT],
] as const) {
  test.describe(name, () => {
    if (port) test.use({ baseURL: `http://127.0.0.1:${port}` });
    test('each static file is fetched at most once per page load, by page and worker together', async ({
      page,
      context,
    }) => {
      const first = countFetches(context);
      await openShop(page);
      await viewProducts(page, itemsIn('Books', 2));
      await page.goto('/#/');
      await shelfItems(page, 'for-you');
      await page.goto('/#/search?q=novel');
      await expect(page.getByRole('list', { name: 'Search results' })).toBeVisible();
      for (const [path, n] of Object.entries(first())) expect(n, `${path}, first visit`).toBe(1);

      await page.goto('/#/');
      const again = countFetches(context);
      await page.reload();
      await shelfItems(page, 'for-you');
      // A reload may revalidate a cached copy: at most one request each.
      for (const [path, n] of Object.entries(again()))
        expect(n, `${path}, after a reload`).toBeLessThanOrEqual(1);
    });
  });
}
