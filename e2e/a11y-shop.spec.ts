import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

const [first, second] = itemsIn('Kitchen', 2, 4);

/** Serious and critical axe violations on the page as it is now, in words a failure can show. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const width of [390, 1366]) {
  test(`every shop page at ${width} px has no serious or critical axe violations`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openShop(page);
    await viewProducts(page, [first!, second!]);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    const pages: [string, string, () => Promise<unknown>][] = [
      ['home', '/#/', () => shelfItems(page, 'for-you')],
      ['category', '/#/c/Kitchen', () => expect(page.getByRole('list', { name: 'Products' })).toBeVisible()],
      ['product', `/#/p/${first!.id}`, () => shelfItems(page, 'similar')],
      [
        'search',
        '/#/search?q=kettle',
        () => expect(page.getByRole('list', { name: 'Search results' })).toBeVisible(),
      ],
      ['cart', '/#/cart', () => expect(page.getByRole('list', { name: 'Items in your cart' })).toBeVisible()],
      ['your data', '/#/your-data', () => expect(page.getByTestId('stored-count')).toHaveText(/^\d+$/)],
    ];
    for (const [name, hash, ready] of pages) {
      await page.goto(hash);
      await ready();
      expect(await seriousViolations(page), name).toEqual([]);
    }
    // A "Why this?" popover open, and the devtools open.
    await page.goto('/#/');
    await shelfItems(page, 'for-you');
    await page
      .locator('section[data-shelf="for-you"]')
      .getByRole('button', { name: 'Why this?' })
      .first()
      .click();
    await expect(page.getByRole('dialog', { name: /^Why / })).toBeVisible();
    expect(await seriousViolations(page), 'why this').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Devtools' }).click();
    await expect(page.getByRole('button', { name: 'Close devtools' })).toBeVisible();
    expect(await seriousViolations(page), 'devtools').toEqual([]);
  });
}

test('shelves, "Why this?" and the cart work from the keyboard alone', async ({ page }) => {
  await openShop(page);
  await viewProducts(page, [first!, second!]);
  await page.goto('/#/');
  await shelfItems(page, 'for-you');
  const shelf = page.locator('section[data-shelf="for-you"]');
  // Tab from the shelf's first card link to its "Why this?" button, open it with Enter.
  await shelf.locator('.product-card__link').first().focus();
  await page.keyboard.press('Tab');
  await expect(shelf.getByRole('button', { name: 'Why this?' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  const why = page.getByRole('dialog', { name: /^Why / });
  await expect(why).toBeVisible();
  // Focus goes on into the popover, and Escape closes it and gives focus back.
  await page.keyboard.press('Tab');
  await expect(why.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(why).toBeHidden();

  // The scroll buttons are buttons: Enter scrolls the row.
  const row = page.locator('section[data-shelf="trending"] .shelf__items');
  await page.getByRole('button', { name: 'Scroll Trending now on' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => row.evaluate((r) => r.scrollLeft)).toBeGreaterThan(50);

  // Add to cart, then change the quantity and remove, all by keyboard.
  await page.goto(`/#/p/${first!.id}`);
  await page.getByRole('button', { name: 'Add to cart' }).focus();
  await page.keyboard.press('Enter');
  await page.goto('/#/cart');
  await page.getByRole('button', { name: `One more ${first!.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`.cart-line[data-item-id="${first!.id}"] output`)).toHaveText('2');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator(`.cart-line[data-item-id="${first!.id}"] output`)).toHaveText('1');
  await page.getByRole('button', { name: `Remove ${first!.title}` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});
