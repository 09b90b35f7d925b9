import { PREVIEW_PORT } from '../../playwright.config.ts';
import { catalog, itemsIn } from '../support/shop.ts';
import { expect, test } from './support/report.ts';

/**
 * The same server faults as model-faults.spec.ts, as the shopper meets them in the built
 * shop: a model that will not load leaves a working shop without recommendations, saying
 * why; a catalog that does not validate stops the shop with the reason and loses nothing.
 */
test.use({ baseURL: `http://127.0.0.1:${PREVIEW_PORT}` });

/** Events in the shop's own database, read raw. */
const storedEvents = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('localshelf');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('events')) return resolve(0);
          const count = db.transaction('events').objectStore('events').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
        };
      }),
  );

test('shop with a model URL that answers 404: pages and cart work, shelves say why, views are recorded', async ({
  page,
  row,
}) => {
  row.fault(
    'M4',
    'Shop: /models/demo/model.json answers 404',
    'Shop opens; shelves say recommendations are unavailable and why; product pages work; views still recorded',
  );
  test.setTimeout(120_000);
  await page.route('**/models/demo/model.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  const [item] = itemsIn('Pets', 1);
  await page.goto(`/#/p/${item!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: item!.title })).toBeVisible({ timeout: 60_000 });
  const notice = page.getByText(/Recommendations are unavailable right now \(.*404.*\)/).first();
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect.poll(() => storedEvents(page)).toBeGreaterThanOrEqual(2);
  const events = await storedEvents(page);
  const text = (await notice.textContent()) ?? '';
  row.observe(`product page and cart work; shelf says: "${text.trim()}"`);
  row.observe(`${events} events stored (view, add_to_cart)`);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('shop with a catalog that does not validate: a clear error naming the item and field; stored events kept', async ({
  page,
  row,
}) => {
  row.fault(
    'C3',
    'Shop: /catalog.json item 3 has no title, after the shopper already has stored events',
    'Shop says it could not start, naming items[3], its id and "title"; the stored events are untouched',
  );
  test.setTimeout(120_000);
  // A first visit with the real catalog leaves some behaviour on the device.
  const [item] = itemsIn('Pets', 1);
  await page.goto(`/#/p/${item!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: item!.title })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => storedEvents(page)).toBeGreaterThanOrEqual(1);
  const before = await storedEvents(page);

  const bad = { ...catalog, items: catalog.items.map((i, n) => (n === 3 ? { ...i, title: undefined } : i)) };
  await page.route('**/catalog.json', (route) => route.fulfill({ json: bad }));
  // A visitor without a cached catalog (a returning one keeps the cached copy and is warned:
  // e2e/owner-warnings.spec.ts).
  await page.evaluate(() => caches.delete('localshelf-assets-v1'));
  await page.reload();
  const error = page.getByText(/The shop could not start: /);
  await expect(error).toHaveText(
    /catalog items\[3\] \(id ".+"\)\.title is undefined; expected a non-empty string/,
    {
      timeout: 60_000,
    },
  );
  const after = await storedEvents(page);
  expect(after).toBe(before);
  row.observe(`"${(await error.textContent())?.trim()}"`);
  row.observe(`${after} of ${before} stored events kept`);
  // The worker may still be fetching the catalog; let the routes go quietly.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});
