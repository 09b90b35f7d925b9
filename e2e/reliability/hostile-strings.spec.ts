import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PREVIEW_PORT } from '../../playwright.config.ts';
import type { Catalog } from '../../src/engine/index.ts';
import { widgetBuild } from './support/widget.ts';
import { catalog, openShop } from '../support/shop.ts';
import { watchConsole } from './support/audit.ts';
import { HOSTILE, hostileCatalog, injectedNodes } from './support/hostile.ts';
import { startSite } from './support/site.ts';
import { expect, test } from './support/report.ts';

/**
 * Hostile catalog strings (markup, script, template syntax, RTL overrides, combining marks,
 * very long titles) in the shop and the widget, with no CSP to hide behind: they must be
 * rendered as text, and nothing may run.
 */

/** Catches script that ran (`window.__pwned`) and dialogs. */
async function watchScript(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    dialogs,
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null),
  };
}

test.describe('the built shop', () => {
  test.use({ baseURL: `http://127.0.0.1:${PREVIEW_PORT}` });

  test('hostile catalog strings in the shop are shown as text and run nothing', async ({ page, row }) => {
    row.fault(
      'H1',
      `Shop catalog titles, brands and descriptions carry ${HOSTILE.length} hostile strings (<script>, onerror, svg onload, iframe, template syntax, RTL override, zalgo/emoji/zero-width, a 1,500-character title)`,
      'Each title shown exactly as text on product pages and shelves; no script runs, no element injected',
    );
    test.setTimeout(150_000);
    const hostile = hostileCatalog(catalog);
    await page.route('**/catalog.json', (route) => route.fulfill({ json: hostile }));
    const script = await watchScript(page);
    const log = watchConsole(page);
    await openShop(page, '#/');

    const items = hostile.items.slice(0, HOSTILE.length);
    for (const item of items) {
      await page.goto(`/#/p/${item.id}`);
      const heading = page.locator('h1');
      await expect(heading).toHaveCount(1);
      await expect.poll(() => heading.textContent()).toBe(item.title);
    }
    // Shelf cards on the last product page show hostile titles too.
    const cards = page.locator('[data-item-id]');
    await expect(cards.first()).toBeVisible({ timeout: 30_000 });
    const cardTexts = await cards.evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const hostileCards = cardTexts.filter((t) => HOSTILE.some((h) => t.includes(h.slice(0, 20)))).length;
    expect(hostileCards).toBeGreaterThan(0);
    const query = HOSTILE[0]!;
    await page.goto(`/#/search?q=${encodeURIComponent(query)}`);
    await expect(page.locator('main')).toContainText(query);

    expect(await page.evaluate(injectedNodes)).toEqual([]);
    expect(await script.pwned()).toBeNull();
    expect(script.dialogs).toEqual([]);
    expect(log.uncaught).toEqual([]);
    row.observe(
      `${items.length} product pages: h1 text equals the hostile title exactly; ${hostileCards} of ${cardTexts.length} shelf cards show hostile titles as text; search echoes the query as text`,
    );
    row.observe(
      'window.__pwned never set, 0 dialogs, 0 injected elements or on* attributes, 0 uncaught errors',
    );
  });
});

test('hostile catalog strings in the widget are shown as text and run nothing', async ({ page, row }) => {
  row.fault(
    'H2',
    `Widget catalog titles, brands and descriptions carry the same ${HOSTILE.length} hostile strings, on a foreign site with no CSP`,
    'Each card title equals the catalog title as text inside the shadow DOM; no script runs, no element injected',
  );
  test.setTimeout(150_000);
  const site = await startSite(widgetBuild());
  try {
    const tiny = JSON.parse(readFileSync('e2e/fixtures/tiny/catalog.json', 'utf8')) as Catalog;
    const hostile = hostileCatalog(tiny);
    await page.route(`${site.origin}/data/catalog.json`, (route) => route.fulfill({ json: hostile }));
    const script = await watchScript(page);
    const log = watchConsole(page);
    await page.goto(`${site.origin}/`);
    const shelf = page.locator('#trending');
    await expect(shelf).toHaveAttribute('status', 'ready', { timeout: 60_000 });
    const shown = await shelf.locator('[part~="link"]').evaluateAll((links) =>
      links.map((l) => ({
        id: (l as HTMLElement).dataset.itemId ?? '',
        title: l.querySelector('[part~="title"]')?.textContent ?? null,
      })),
    );
    expect(shown.length).toBeGreaterThan(0);
    const titles = new Map(hostile.items.map((i) => [i.id, i.title]));
    for (const card of shown) expect(card.title).toBe(titles.get(card.id));
    expect(await page.evaluate(injectedNodes)).toEqual([]);
    expect(await script.pwned()).toBeNull();
    expect(script.dialogs).toEqual([]);
    expect(log.uncaught).toEqual([]);
    const kinds = new Set(shown.map((c) => HOSTILE.findIndex((h) => c.title!.startsWith(h))));
    row.observe(
      `${shown.length} cards, titles equal the catalog text exactly (${kinds.size} of ${HOSTILE.length} hostile kinds on screen)`,
    );
    row.observe(
      'window.__pwned never set, 0 dialogs, 0 injected elements or on* attributes, 0 uncaught errors',
    );
  } finally {
    await site.close();
  }
});
