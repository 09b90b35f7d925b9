import { expect, test, type Page } from '@playwright/test';
import { catalog, itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

const byId = new Map(catalog.items.map((i) => [i.id, i]));
const leaf = (id: string) => byId.get(id)!.category.join('/');
const brand = (id: string) => byId.get(id)!.brand;
/** The most items one brand (or leaf) has on a shelf. */
const most = (ids: string[], of: (id: string) => string) =>
  Math.max(0, ...[...new Set(ids.map(of))].map((k) => ids.filter((id) => of(id) === k).length));

async function shelvesOn(page: Page, kinds: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const kind of kinds) out[kind] = await shelfItems(page, kind);
  return out;
}

test('product pages: no item on two shelves, at most a quarter of a shelf per brand', async ({ page }) => {
  await openShop(page);
  await viewProducts(page, itemsIn('Outdoors', 3));
  for (const product of [...itemsIn('Outdoors', 3, 10), ...itemsIn('Kitchen', 3), ...itemsIn('Fashion', 2)]) {
    await page.goto(`/#/p/${product.id}`);
    const shelves = await shelvesOn(page, ['bought-together', 'similar', 'because-viewed']);
    const all = Object.values(shelves).flat();
    expect(new Set(all).size, `${product.id}: ${JSON.stringify(shelves)}`).toBe(all.length);
    expect(all).not.toContain(product.id);
    for (const [kind, ids] of Object.entries(shelves))
      expect(most(ids, brand), `${product.id} ${kind}: ${ids.map(brand).join(', ')}`).toBeLessThanOrEqual(
        Math.ceil(ids.length / 4),
      );
  }
});

test('after buying a head torch, shelves offer what goes with it, not another lantern or torch', async ({
  page,
}) => {
  const torch = catalog.items.find((i) => /head torch/i.test(i.title) && i.inStock)!;
  await openShop(page);
  await viewProducts(page, itemsIn('Outdoors', 4));
  await page.goto(`/#/p/${torch.id}`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.goto('/#/cart');
  // Goes with the whole cart: never something of the same kind as what is in it.
  const withCart = await shelfItems(page, 'bought-together');
  expect(withCart.filter((id) => leaf(id) === leaf(torch.id))).toEqual([]);
  await page.getByRole('button', { name: 'Place order (simulated)' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.goto('/#/');
  const forYou = await shelfItems(page, 'for-you');
  expect(forYou).toHaveLength(8);
  expect(forYou.filter((id) => leaf(id) === leaf(torch.id))).toEqual([]);
  expect(most(forYou, brand)).toBeLessThanOrEqual(2);
  expect(most(forYou, leaf)).toBeLessThanOrEqual(2);
  // And the page's two shelves share nothing.
  const trending = await shelfItems(page, 'trending');
  expect(forYou.filter((id) => trending.includes(id))).toEqual([]);
});

test('goes with the whole cart: complements of every item in it, none a substitute of any', async ({
  page,
}) => {
  const [a, b] = [itemsIn('Kitchen', 1, 2)[0]!, itemsIn('Outdoors', 1, 6)[0]!];
  await openShop(page);
  for (const item of [a, b]) {
    await page.goto(`/#/p/${item.id}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
  }
  await page.goto('/#/cart');
  const ids = await shelfItems(page, 'bought-together');
  expect(ids.filter((id) => [leaf(a.id), leaf(b.id)].includes(leaf(id)))).toEqual([]);
  // Each cart item's departments are represented: the shelf reads the whole cart, not the first line.
  const tops = new Set(ids.map((id) => byId.get(id)!.category[0]));
  expect(tops.has('Kitchen') && tops.has('Outdoors'), [...tops].join(', ')).toBe(true);
});
