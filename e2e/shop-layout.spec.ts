import { expect, test, type Page } from '@playwright/test';
import { catalog, itemsIn, openShop, viewProducts } from './support/shop.ts';

const WIDTHS = [360, 390, 768, 1366];
const [first, second] = itemsIn('Outdoors', 2, 10);

/** Every shop page, each with what shows it has rendered. */
const PAGES: [string, string, (page: Page) => Promise<void>][] = [
  ['home', '/#/', (p) => expect(p.locator('section[data-shelf] [data-item-id]').first()).toBeVisible()],
  ['category', '/#/c/Outdoors', (p) => expect(p.getByRole('list', { name: 'Products' })).toBeVisible()],
  [
    'product',
    `/#/p/${first!.id}`,
    (p) => expect(p.locator('section[data-shelf] [data-item-id]').first()).toBeVisible(),
  ],
  [
    'search',
    '/#/search?q=tent',
    (p) => expect(p.getByRole('list', { name: 'Search results' })).toBeVisible(),
  ],
  ['cart', '/#/cart', (p) => expect(p.getByRole('list', { name: 'Items in your cart' })).toBeVisible()],
  ['your-data', '/#/your-data', (p) => expect(p.getByTestId('stored-count')).toHaveText(/^\d+$/)],
];

test('no page scrolls sideways from 360 to 1366 px, and the devtools button covers nothing', async ({
  page,
}) => {
  await openShop(page);
  await viewProducts(page, [first!, second!]);
  await page.goto(`/#/p/${second!.id}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    for (const [name, hash, ready] of PAGES) {
      await page.goto(hash);
      await ready(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, `${name} at ${width} px`).toBeLessThanOrEqual(clientWidth);
      // The launcher sits in the page's flow (the footer), never floating over content.
      const position = await page
        .getByRole('button', { name: 'Devtools' })
        .evaluate((b) => getComputedStyle(b).position);
      expect(position, `${name} at ${width} px`).not.toMatch(/fixed|sticky|absolute/);
    }
  }
});

test('a category pages through all its products; shelf rows scroll with buttons', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openShop(page, '#/c/Outdoors');
  const total = catalog.items.filter((i) => i.category[0] === 'Outdoors').length;
  const cards = page.getByRole('list', { name: 'Products' }).locator('[data-item-id]');
  await expect(page.getByText(`Showing 48 of ${total}`)).toBeVisible();
  await expect(cards).toHaveCount(48);
  while (await page.getByRole('button', { name: /^Show \d+ more$/ }).isVisible())
    await page.getByRole('button', { name: /^Show \d+ more$/ }).click();
  await expect(cards).toHaveCount(total);
  const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')));
  expect(new Set(ids).size).toBe(total);

  await page.goto('/#/');
  const row = page.locator('section[data-shelf="trending"] .shelf__items');
  await expect(row.locator('[data-item-id]').first()).toBeVisible();
  const back = page.getByRole('button', { name: 'Scroll Trending now back' });
  const on = page.getByRole('button', { name: 'Scroll Trending now on' });
  await expect(back).toBeDisabled();
  await on.click();
  await expect.poll(() => row.evaluate((r) => r.scrollLeft)).toBeGreaterThan(100);
  await expect(back).toBeEnabled();
});

test('a cart line shows its picture and changes quantity; each change is recorded', async ({ page }) => {
  await openShop(page, `#/p/${first!.id}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.goto('/#/cart');
  const line = page.locator(`.cart-line[data-item-id="${first!.id}"]`);
  await expect(line.locator('img')).toBeVisible();
  await line.getByRole('button', { name: `One more ${first!.title}` }).click();
  await line.getByRole('button', { name: `One more ${first!.title}` }).click();
  await expect(line.locator('output')).toHaveText('3');
  await line.getByRole('button', { name: `One fewer ${first!.title}` }).click();
  await expect(line.locator('output')).toHaveText('2');
  await expect(page.getByRole('link', { name: 'Cart, 2 items' })).toBeVisible();
  const kinds = await page.evaluate(async () => {
    const events = await (
      window as unknown as {
        localShelf: { events: { all(): Promise<{ kind: string; quantity?: number }[]> } };
      }
    ).localShelf.events.all();
    return events.filter((e) => e.kind.includes('cart')).map((e) => `${e.kind}:${e.quantity}`);
  });
  expect(kinds).toEqual(['add_to_cart:1', 'add_to_cart:1', 'add_to_cart:1', 'remove_from_cart:1']);
});
