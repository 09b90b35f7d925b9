import { expect, test } from '@playwright/test';
import { PREVIEW_PORT } from '../playwright.config.ts';
import { catalog, itemsIn, openShop, shelfItems, topOf, viewProducts } from './support/shop.ts';

test.describe('the demo shop', () => {
  test('a newcomer sees trending; after browsing one department, "for you" turns toward it', async ({
    page,
  }) => {
    await openShop(page);
    await expect(page.getByRole('heading', { name: 'Trending now' })).toBeVisible();
    const trending = await shelfItems(page, 'trending');
    expect(trending).toHaveLength(8);

    await viewProducts(page, itemsIn('Outdoors', 6));
    await page.goto('/#/');
    await expect(page.getByRole('heading', { name: 'For you' })).toBeVisible();
    const forYou = await shelfItems(page, 'for-you');
    const outdoors = forYou.filter((id) => topOf(id) === 'Outdoors').length;
    expect(outdoors).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('heading', { name: 'Recently viewed' })).toBeVisible();
    // Every recommendation can say why.
    const firstCard = page.locator('section[data-shelf="for-you"] [data-item-id]').first();
    await firstCard.getByRole('button', { name: 'Why this?' }).click();
    const why = page.getByRole('dialog', { name: /^Why / });
    await expect(why).toBeVisible();
    await expect(why.locator('.why__summary')).toHaveText(/^(Like .+, which |Goes with |You )/);
    // Plain words: no raw scores or probabilities.
    await expect(why).not.toContainText(/\d\.\d\d|%|similarity|probability/);
    await page.keyboard.press('Escape');
    await expect(why).toBeHidden();
  });

  test('search tolerates a typo and ranks differently for two shoppers', async ({ browser }) => {
    const kitchenFan = await browser.newContext();
    const outdoorsFan = await browser.newContext();
    const a = await kitchenFan.newPage();
    const b = await outdoorsFan.newPage();
    await openShop(a);
    await openShop(b);
    await viewProducts(a, itemsIn('Kitchen', 6));
    await viewProducts(b, itemsIn('Outdoors', 6));
    const results = async (page: typeof a) => {
      await page.goto('/#/search?q=recyled');
      await expect(page.getByRole('status').filter({ hasText: 'ordered for you' })).toBeVisible({
        timeout: 60_000,
      });
      return page
        .getByRole('list', { name: 'Search results' })
        .locator('[data-item-id]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id') ?? ''));
    };
    const [forA, forB] = [await results(a), await results(b)];
    expect(forA.length).toBeGreaterThan(10);
    expect(catalog.items.find((i) => i.id === forA[0])!.title).toMatch(/Recycled/);
    expect(forA.slice(0, 10)).not.toEqual(forB.slice(0, 10));
    const share = (ids: string[], top: string) => ids.slice(0, 10).filter((id) => topOf(id) === top).length;
    expect(share(forA, 'Kitchen')).toBeGreaterThan(share(forB, 'Kitchen'));
    expect(share(forB, 'Outdoors')).toBeGreaterThan(share(forA, 'Outdoors'));
    await expect(a.getByText(/Boosted for you/).first()).toBeVisible();
    // The header's box shows the words of the search on screen, however it was reached.
    const searchBox = a.getByRole('searchbox', { name: 'Search products' });
    await expect(searchBox).toHaveValue('recyled');
    await a.goto('/#/');
    await expect(searchBox).toHaveValue('');
    await kitchenFan.close();
    await outdoorsFan.close();
  });

  test('cart and checkout record a purchase, and the item leaves the shelves', async ({ page }) => {
    const [tent, ...others] = itemsIn('Outdoors', 5);
    await openShop(page);
    await viewProducts(page, others);
    await page.goto(`/#/p/${tent!.id}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
    await page.goto('/#/cart');
    await expect(page.getByRole('link', { name: tent!.title })).toBeVisible();
    await page.getByRole('button', { name: 'Place order (simulated)' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    const afterPurchase = await shelfItems(page, 'for-you');
    expect(afterPurchase).not.toContain(tent!.id);
    const stored = await page.evaluate(async () => {
      const shelf = (
        window as unknown as {
          localShelf: {
            events: { eventsOfKind(k: string): Promise<{ itemId: string; orderId?: string }[]> };
          };
        }
      ).localShelf;
      return shelf.events.eventsOfKind('purchase');
    });
    expect(stored.map((e) => e.itemId)).toEqual([tent!.id]);
    expect(stored[0]!.orderId).toMatch(/^o-/);
  });

  test('"Your data" shows, exports, pauses and deletes', async ({ page }) => {
    await openShop(page);
    await viewProducts(page, itemsIn('Books', 3));
    await page.goto('/#/your-data');
    await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
    await expect(page.getByTestId('requests-with-data')).toHaveText('0');
    // The events load after the page renders ("…" until then).
    await expect(page.getByTestId('stored-count')).toHaveText(/^\d+$/);
    const stored = Number(await page.getByTestId('stored-count').textContent());
    expect(stored).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('events-table').locator('tbody tr')).toHaveCount(stored);
    await expect(page.getByRole('list').filter({ hasText: 'Books' }).first()).toBeVisible();

    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as JSON' }).click();
    const download = await downloadPromise;
    const exported = JSON.parse(
      await (
        await download.createReadStream()
      )
        .toArray()
        .then((chunks) => Buffer.concat(chunks).toString('utf8')),
    );
    expect(exported.format).toBe('localshelf-events');
    expect(exported.events).toHaveLength(stored);

    await page.getByRole('button', { name: 'Pause tracking' }).click();
    await expect(page.getByTestId('tracking-state')).toHaveText('Paused');
    await viewProducts(page, itemsIn('Books', 2, 5));
    await page.goto('/#/your-data');
    await expect(page.getByTestId('stored-count')).toHaveText(String(stored));
    await page.getByRole('button', { name: 'Resume tracking' }).click();
    await expect(page.getByTestId('tracking-state')).toHaveText('On');

    await page.getByRole('button', { name: 'Delete everything' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect(page.getByTestId('stored-count')).toHaveText('0');
    await expect(page.getByRole('status').filter({ hasText: 'has been deleted' })).toBeVisible();
    await expect(page.getByTestId('model-state')).toHaveText('pretrained only (not yet personalized)');
  });
});

test.describe('the built shop, as a site serves it', () => {
  test.use({ baseURL: `http://127.0.0.1:${PREVIEW_PORT}` });

  test('network audit on the production build: a whole journey makes only static GETs, and no URL says what the shopper did', async ({
    page,
    context,
  }) => {
    const requests: { method: string; url: string; body: string | null }[] = [];
    const sockets: string[] = [];
    // blob: URLs are in-memory scripts (the threaded wasm's helper threads), not network requests.
    context.on('request', (r) => {
      if (!r.url().startsWith('blob:'))
        requests.push({ method: r.method(), url: r.url(), body: r.postData() });
    });
    page.on('websocket', (ws) => sockets.push(ws.url()));

    await openShop(page);
    const [first, second] = itemsIn('Pets', 2);
    await viewProducts(page, [first!, second!]);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.goto('/#/search?q=colar');
    await page.goto('/#/cart');
    await page.getByRole('button', { name: 'Place order (simulated)' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await page.goto('/#/your-data');
    await expect(page.getByTestId('requests-with-data')).toHaveText('0');
    // Your data counts the worker's requests too (the model files, the wasm binary): exactly
    // as many as the browser made for this page load (every goto above is a hash change).
    await expect
      .poll(async () => Number(await page.getByTestId('requests-total').textContent()))
      .toBe(requests.length);

    expect(sockets).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
    for (const r of requests) {
      expect(r.method, r.url).toBe('GET');
      expect(r.body, r.url).toBeNull();
      const url = new URL(r.url);
      expect(url.host, r.url).toBe('127.0.0.1:' + url.port);
      // Nothing the shopper did appears in any URL: no product ids, no search words.
      expect(url.pathname + url.search, r.url).not.toMatch(new RegExp(`${first!.id}|${second!.id}|colar`));
    }
    const paths = new Set(requests.map((r) => new URL(r.url).pathname));
    for (const needed of [
      '/catalog.json',
      '/images.json',
      '/models/demo/model.json',
      '/models/demo/meta.json',
    ])
      expect(paths).toContain(needed);
  });
});
