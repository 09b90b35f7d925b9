import { expect, test } from '@playwright/test';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

test('a returning shopper sees their last "for you" at once from IndexedDB, then the fresh one', async ({
  page,
}) => {
  await openShop(page);
  await viewProducts(page, itemsIn('Garden', 4));
  await page.goto('/#/');
  const fresh = await shelfItems(page, 'for-you');
  // The page keeps what it showed for the next visit.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const shelf = (
          window as unknown as { localShelf: { events: { getMeta(k: string): Promise<unknown> } } }
        ).localShelf;
        const cache = (await shelf.events.getMeta('shop.last-shelves')) as
          Record<string, unknown> | undefined;
        return Object.keys(cache ?? {});
      }),
    )
    .toContain('home');

  // Record every source the "for you" shelf shows, from the first render of the reload on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    const w = window as unknown as { shelfSources: string[]; cachedIds: string[] };
    w.shelfSources = seen;
    new MutationObserver(() => {
      const section = document.querySelector('section[data-shelf="for-you"]');
      const source = section?.getAttribute('data-shelf-source');
      if (source && seen.at(-1) !== source) seen.push(source);
      if (section && source === 'cached')
        w.cachedIds = [...section.querySelectorAll('[data-item-id]')].map((c) =>
          c.getAttribute('data-item-id')!,
        );
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.reload();
  await expect(page.locator('section[data-shelf="for-you"][data-shelf-source="fresh"]')).toBeVisible({
    timeout: 60_000,
  });
  const sources = await page.evaluate(() => (window as unknown as { shelfSources: string[] }).shelfSources);
  expect(sources[0]).toBe('cached');
  expect(sources.at(-1)).toBe('fresh');
  expect(sources).not.toContain('loading');
  // The worker started only after the cached shelf was drawn: its start-up did not share the
  // CPU with the first render (startWorker: 'when-needed', started after the first paint).
  const order = await page.evaluate(() => ({
    cachedAt: performance.getEntriesByName('localshelf:cached-shelf')[0]?.startTime ?? null,
    workerAt:
      performance
        .getEntriesByType('resource')
        .find((e) => /\/worker(?:-[\w-]+)?\.(?:js|ts)(?:\?|$)/.test(e.name))?.startTime ?? null,
  }));
  expect(order.cachedAt).not.toBeNull();
  expect(order.workerAt).not.toBeNull();
  expect(order.workerAt!).toBeGreaterThan(order.cachedAt!);
  // What showed at once is what the shelf showed on the last visit.
  expect(await page.evaluate(() => (window as unknown as { cachedIds: string[] }).cachedIds)).toEqual(fresh);
  expect(await shelfItems(page, 'for-you')).toHaveLength(8);

  // "Delete everything" deletes the kept shelves too.
  await page.goto('/#/your-data');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByTestId('stored-count')).toHaveText('0');
  const left = await page.evaluate(() =>
    (
      window as unknown as { localShelf: { events: { getMeta(k: string): Promise<unknown> } } }
    ).localShelf.events.getMeta('shop.last-shelves'),
  );
  expect(left).toBeUndefined();
});
