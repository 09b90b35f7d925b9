import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

/**
 * Every page of the shop, at phone and desktop width, as a returning shopper with some
 * browsing and one item in the cart sees it: each page has its content and no serious or
 * critical axe violation, and so do the "Why this?" popover and the devtools. One walk for
 * both checks. With LOCALSHELF_SCREENSHOTS=1 it also writes shop-<page>-<width>.png to
 * e2e/screenshots/ (committed, to be looked at); CI skips the pictures, not the checks.
 */
const SCREENSHOTS = process.env.LOCALSHELF_SCREENSHOTS === '1';
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

/** Serious and critical axe violations on the page as it is now, in words a failure can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function screenshot(page: Page, name: string, fullPage: boolean): Promise<void> {
  if (!SCREENSHOTS) return;
  if (fullPage)
    // Scroll through once so lazy pictures load, then back to the top.
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 60));
      }
      window.scrollTo(0, 0);
    });
  await page.waitForTimeout(fullPage ? 400 : 500);
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage });
}

for (const width of [390, 1366]) {
  test(`every shop page at ${width} px has its content and no serious or critical axe violation`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    await openShop(page);
    await viewProducts(page, browsed);
    await page.goto(`/#/p/${carted.id}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    for (const [name, hash, ready] of PAGES) {
      await page.goto(hash);
      await ready(page);
      expect(await seriousViolations(page), name).toEqual([]);
      await screenshot(page, `shop-${name}-${width}`, true);
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
    expect(await seriousViolations(page), 'why this').toEqual([]);
    await screenshot(page, `shop-why-this-${width}`, false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Devtools' }).click();
    await expect(page.getByTestId('localshelf-devtools')).toBeVisible();
    expect(await seriousViolations(page), 'devtools').toEqual([]);
    await screenshot(page, `shop-devtools-${width}`, false);
  });
}
