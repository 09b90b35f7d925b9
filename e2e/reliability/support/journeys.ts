import { expect, type Page } from '@playwright/test';
import { itemsIn, openShop, viewProducts } from '../../support/shop.ts';
import type { Site } from './site.ts';

/** A short shopping trip on the shop at the page's baseURL: home, two products, cart, search, checkout. */
export async function shopJourney(page: Page): Promise<string[]> {
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
  return [first!.id, second!.id];
}

/** A visit to the widget site: shelves render, a product view and an add-to-cart are tracked. */
export async function widgetJourney(page: Page, site: Site): Promise<number> {
  await page.goto(`${site.origin}/`);
  const trending = page.locator('#trending');
  await expect(trending).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await page.locator('#add-to-cart').click();
  const kinds = () =>
    page.evaluate(async () =>
      (
        await (
          window as unknown as { LocalShelf: { history(): Promise<{ kind: string }[]> } }
        ).LocalShelf.history()
      ).map((e) => e.kind),
    );
  await expect.poll(kinds).toEqual(expect.arrayContaining(['view', 'add_to_cart']));
  return trending.locator('[part~="item"]').count();
}
