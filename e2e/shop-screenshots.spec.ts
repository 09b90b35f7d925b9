import { expect, test, type Page } from '@playwright/test';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

/**
 * The shop as a shopper sees it, at phone and desktop width: shop-<page>-<width>.png. A returning
 * shopper with some browsing and one item in the cart, so every page has content. With
 * LOCALSHELF_SCREENSHOTS=1 the pictures go to e2e/screenshots/ (committed, to be looked at);
 * otherwise to the test's output folder, so a test run leaves the working tree as it was.
 */
const shot = (name: string) =>
  process.env.LOCALSHELF_SCREENSHOTS === '1'
    ? `e2e/screenshots/${name}.png`
    : test.info().outputPath(`${name}.png`);
const [browsed, carted, opened] = [
  itemsIn('Outdoors', 4),
  itemsIn('Kitchen', 1, 3)[0]!,
  itemsIn('Outdoors', 1, 8)[0]!,
];

const PAGES: [string, string, (page: Page) => Promise<unknown>][] = [
  ['home', '/#/', (p) => shelfItems(p, 'for-you')],
  ['category', '/#/c/Outdoors', (p) => expect(p.getByRole('list', { name: 'Products' })).toBeVisible()],
  ['product', `/#/p/${opened.id}`, (p) => shelfItems(p, 'because-viewed')],
  [
    'search',
    '/#/search?q=electric%20kettle',
    (p) => expect(p.getByText('Matching some of your words')).toBeVisible(),
  ],
  ['cart', '/#/cart', (p) => shelfItems(p, 'bought-together')],
  ['your-data', '/#/your-data', (p) => expect(p.getByTestId('last-training')).not.toHaveText('…')],
];

for (const width of [390, 1366]) {
  test(`screenshots at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await openShop(page);
    await viewProducts(page, browsed);
    await page.goto(`/#/p/${carted.id}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    for (const [name, hash, ready] of PAGES) {
      await page.goto(hash);
      await ready(page);
      // Scroll through once so lazy pictures load, then back to the top.
      await page.evaluate(async () => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 60));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(400);
      await page.screenshot({ path: shot(`shop-${name}-${width}`), fullPage: true });
    }
    // "Why this?" open on the home page, and the devtools over the shop.
    await page.goto('/#/');
    await shelfItems(page, 'for-you');
    await page
      .locator('section[data-shelf="for-you"]')
      .getByRole('button', { name: 'Why this?' })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: /^Why / })).toBeVisible();
    await page.screenshot({ path: shot(`shop-why-this-${width}`) });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Devtools' }).click();
    await expect(page.getByTestId('localshelf-devtools')).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: shot(`shop-devtools-${width}`) });
  });
}
