import { expect, test } from '@playwright/test';
import { itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

const [first, second] = itemsIn('Kitchen', 2, 4);

/* Every page's axe check runs in shop-pages.spec.ts, in the same walk as the screenshots. */

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
