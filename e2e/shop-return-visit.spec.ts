import { expect, test, type Page } from '@playwright/test';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

type Kept = Record<string, { preview?: { cards: { id: string }[]; departments: string[] } }>;

/** What the shop keeps of its last shelves (the `shop.last-shelves` meta record), as stored. */
function keptShelves(page: Page): Promise<Kept | undefined> {
  return page.evaluate(
    () =>
      (
        window as unknown as { localShelf: { events: { getMeta(k: string): Promise<unknown> } } }
      ).localShelf.events.getMeta('shop.last-shelves') as Promise<Kept | undefined>,
  );
}

test('a returning shopper sees their last "for you" at once from IndexedDB, then the fresh one', async ({
  page,
}) => {
  await openShop(page);
  await viewProducts(page, itemsIn('Garden', 4));
  await page.goto('/#/');
  const fresh = await shelfItems(page, 'for-you');
  // The page keeps what it showed for the next visit.
  await expect.poll(async () => Object.keys((await keptShelves(page)) ?? {})).toContain('home');

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
  expect(await keptShelves(page)).toBeUndefined();
});

test('the last "for you" is drawn from IndexedDB before the catalog has loaded, then the shop takes over in place', async ({
  page,
}) => {
  await openShop(page);
  await viewProducts(page, itemsIn('Outdoors', 4));
  await page.goto('/#/');
  const fresh = await shelfItems(page, 'for-you');
  // The page keeps the shelves' cards with them.
  await expect
    .poll(async () => (await keptShelves(page))?.home?.preview?.cards.map((c) => c.id) ?? [])
    .toEqual(expect.arrayContaining(fresh));

  // The next load finds no cached catalog and its download is held: only IndexedDB is there.
  await page.evaluate(() => caches.delete('localshelf-assets-v1'));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let catalogAsked = false;
  await page.route('**/catalog.json', async (route) => {
    catalogAsked = true;
    await held;
    await route.continue();
  });
  await page.reload();
  const preview = page.locator('section[data-shelf="for-you"][data-preview]');
  await expect(preview.locator('[data-item-id]').first()).toBeVisible();
  expect(catalogAsked).toBe(true);
  expect(
    await preview
      .locator('[data-item-id]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id'))),
  ).toEqual(fresh);
  await expect(preview).toHaveAttribute('data-shelf-source', 'cached');
  // The header is whole already (its departments kept with the shelves): nothing moves later.
  await expect(page.getByRole('navigation', { name: 'Departments' }).getByRole('link')).not.toHaveCount(0);
  const before = await preview.boundingBox();
  // The preview is not recorded as shown: the fresh shelf is, once.
  const shownBefore = await forYouImpressions(page);
  await page.waitForTimeout(500);
  expect(await forYouImpressions(page)).toBe(shownBefore);

  release();
  const shop = page.locator('section[data-shelf="for-you"]:not([data-preview])');
  await expect(shop.locator('[data-item-id]').first()).toBeVisible({ timeout: 30_000 });
  expect((await shop.boundingBox())?.y).toBe(before?.y);
  await expect(page.locator('section[data-shelf="for-you"][data-shelf-source="fresh"]')).toBeVisible({
    timeout: 60_000,
  });
  await expect.poll(() => forYouImpressions(page)).toBe(shownBefore + 1);
  // "Why this?" works once the shop is there.
  await page
    .locator('section[data-shelf="for-you"]')
    .getByRole('button', { name: 'Why this?' })
    .first()
    .click();
  await expect(page.getByRole('dialog').first()).toBeVisible();
});

/** How many times "for you" was recorded as shown. */
function forYouImpressions(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const events = (
      window as unknown as {
        localShelf: { events: { eventsOfKind(k: string): Promise<{ shelf?: string }[]> } };
      }
    ).localShelf.events;
    return (await events.eventsOfKind('impression')).filter((e) => e.shelf === 'for-you').length;
  });
}
