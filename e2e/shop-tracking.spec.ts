import { expect, test, type Page } from '@playwright/test';
import { PREVIEW_PORT } from '../playwright.config.ts';
import { itemsIn, openShop } from './support/shop.ts';

type Stored = { kind: string; itemId?: string; query?: string; shelf?: string };

async function storedEvents(page: Page): Promise<Stored[]> {
  return page.evaluate(() =>
    (window as unknown as { localShelf: { events: { all(): Promise<Stored[]> } } }).localShelf.events.all(),
  );
}

/** Ten product views, one long look (dwell), one search: each must be stored exactly once. */
async function journey(page: Page): Promise<void> {
  await openShop(page);
  const products = itemsIn('Kitchen', 10);
  for (const [i, item] of products.entries()) {
    await page.goto(`/#/p/${item.id}`);
    await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
    // The last one is looked at long enough to count as dwell.
    if (i === products.length - 1) await page.waitForTimeout(1500);
  }
  await page.goto('/#/search?q=kettle');
  await expect(page.getByRole('heading', { name: 'Results for “kettle”' })).toBeVisible();
  await page.goto('/#/your-data');
  await expect(page.getByTestId('stored-count')).toHaveText(/^\d+$/);
  await page.waitForTimeout(500);

  const events = await storedEvents(page);
  const views = events.filter((e) => e.kind === 'view').map((e) => e.itemId);
  expect(views.sort()).toEqual(products.map((p) => p.id).sort());
  // The long look is stored, once; a loaded machine may keep a quick visit past the 1 s as well.
  const dwells = events.filter((e) => e.kind === 'dwell').map((e) => e.itemId);
  expect(dwells).toContain(products.at(-1)!.id);
  expect(new Set(dwells).size, `dwell events: ${dwells.join(', ')}`).toBe(dwells.length);
  expect(events.filter((e) => e.kind === 'search').map((e) => e.query)).toEqual(['kettle']);
  // One impression per list shown: no two identical impressions of one shelf on one visit.
  const impressions = events.filter((e) => e.kind === 'impression').map((e) => JSON.stringify(e));
  expect(new Set(impressions).size).toBe(impressions.length);

  // Going back to a product is a new look, and is recorded as one.
  await page.goto(`/#/p/${products[0]!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: products[0]!.title })).toBeVisible();
  await page.waitForTimeout(500);
  const again = (await storedEvents(page)).filter((e) => e.kind === 'view' && e.itemId === products[0]!.id);
  expect(again).toHaveLength(2);
}

test('dev server (React StrictMode mounts effects twice): each view, dwell and search is stored once', async ({
  page,
}) => {
  await journey(page);
});

test.describe('production build', () => {
  test.use({ baseURL: `http://127.0.0.1:${PREVIEW_PORT}` });
  test('each view, dwell and search is stored once', async ({ page }) => {
    await journey(page);
  });
});
