import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { Catalog, CatalogItem } from '../../src/engine/index.ts';

/** The demo catalog, read from disk so tests can pick products by category. */
export const catalog = JSON.parse(readFileSync('public/catalog.json', 'utf8')) as Catalog;

export function itemsIn(top: string, count: number, offset = 0): CatalogItem[] {
  return catalog.items.filter((i) => i.category[0] === top && i.inStock).slice(offset, offset + count);
}

export const topOf = (id: string): string => catalog.items.find((i) => i.id === id)?.category[0] ?? '?';

/** Opens the shop and waits until the engine's model is loaded. */
export async function openShop(page: Page, hash = '#/'): Promise<void> {
  await page.goto(`/${hash}`);
  await page.waitForFunction(
    () =>
      (window as unknown as { localShelf?: { getSnapshot(): { status: string } } }).localShelf?.getSnapshot()
        .status === 'ready',
    null,
    { timeout: 60_000 },
  );
}

/** Opens product pages one after another, staying long enough to count as a look. */
export async function viewProducts(page: Page, items: readonly CatalogItem[]): Promise<void> {
  for (const item of items) {
    await page.goto(`/#/p/${item.id}`);
    await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
  }
  // Let the last view's write land before the caller looks at shelves.
  await page.waitForTimeout(300);
}

/** Item ids shown on a shelf, in order, once it is computed for now (not the last visit's, shown while the model loads). */
export async function shelfItems(page: Page, shelf: string): Promise<string[]> {
  const section = page.locator(`section[data-shelf="${shelf}"][data-shelf-source="fresh"]`);
  await expect(section.locator('[data-item-id]').first()).toBeVisible({ timeout: 30_000 });
  return section
    .locator('[data-item-id]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id') ?? ''));
}
