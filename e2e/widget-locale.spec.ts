import { rmSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { buildWidget, startHost, type HostServer } from './fixtures/widget-host/serve.ts';

/**
 * The widget in a second language, on a foreign French page served with a strict CSP: the
 * locale's headings and reasons (the engine's sentences through the French table), a
 * site's own sentence, a heading template naming the viewed product, prices in French
 * format; and the styling points site owners hit: `--localshelf-font: inherit`, and card
 * titles and prices aligned across a row.
 */

let widgetDir = '';
let host: HostServer;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  widgetDir = buildWidget();
  host = await startHost(widgetDir);
});
test.afterAll(async () => {
  await host?.close();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
});

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const texts = (shelf: Locator, part: string) =>
  shelf.locator(`[part~="${part}"]`).evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));

/** Words that only an English sentence of ours would contain. */
const ENGLISH = /\b(Because|Similar|Popular|Goes with|Picked|You|Shoppers|Recommended|Trending)\b/;

test('a French page: French headings, reasons and prices, the site’s own heading, the viewed product named', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(`${host.origin}/fr.html`);
  for (const id of ['because-viewed', 'similar', 'trending', 'for-you'])
    await expect(page.locator(`#${id}`), id).toHaveAttribute('status', 'ready', { timeout: 60_000 });

  const anchor = 'Trailhead Classic Lantern';
  const becauseViewed = page.locator('#because-viewed');
  await expect(becauseViewed.locator('[part~="heading"]')).toHaveText(
    `Parce que vous avez consulté ${anchor}`,
  );
  for (const reason of await texts(becauseViewed, 'reason'))
    expect(reason).toBe(`Parce que vous avez consulté ${anchor}`);

  // The site's own template on the tag names the product too.
  const similar = page.locator('#similar');
  await expect(similar.locator('[part~="heading"]')).toHaveText(`Comme ${anchor}`);
  for (const reason of await texts(similar, 'reason'))
    expect(reason).toMatch(/^Similaire à Trailhead Classic Lantern/);

  // The site's own sentence for one key; the locale's for the reasons.
  const trending = page.locator('#trending');
  await expect(trending.locator('[part~="heading"]')).toHaveText('Nos meilleures ventes');
  expect(await texts(trending, 'reason')).toEqual(
    [1, 2, 3, 4].map((n) => `Populaire en ce moment (n° ${n})`),
  );

  // "For you" after the view: whatever the engine chose to say, it is said in French.
  const forYou = page.locator('#for-you');
  await expect(forYou.locator('[part~="heading"]')).toHaveText('Recommandé pour vous');
  const reasons = await texts(forYou, 'reason');
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) {
    expect(reason).not.toMatch(ENGLISH);
    expect(reason).toMatch(
      /^(Parce que|Va avec|Choisi pour vous|Populaire|Vous|Comme|Proche|Moins cher|Souvent|Il est)/,
    );
  }

  // Prices in French format (decimal comma, euro sign after), and the shelf says its language.
  for (const price of await texts(trending, 'price')) expect(price).toMatch(/^\d[\d\s\u202f]*,\d{2}\s€$/);
  expect(await trending.locator('[part~="shelf"]').getAttribute('lang')).toBe('fr');
  // The API speaks the page's language too.
  const api = await page.evaluate(async () => {
    const w = window as unknown as {
      LocalShelf: { recommend(r: object): Promise<{ items: { explanation: string }[] }>; version: string };
    };
    const shelf = await w.LocalShelf.recommend({ kind: 'trending', limit: 1 });
    return { explanation: shelf.items[0]?.explanation, version: w.LocalShelf.version };
  });
  expect(api.explanation).toBe('Populaire en ce moment (n° 1)');
  expect(api.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(errors).toEqual([]);
});

test('styling: --localshelf-font: inherit takes the page’s font, other shelves keep theirs; titles and prices line up across a row', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 800, height: 1200 });
  await page.goto(`${host.origin}/fr.html`);
  const trending = page.locator('#trending');
  await expect(trending).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(page.locator('#for-you')).toHaveAttribute('status', 'ready');
  const fontOf = (shelf: Locator) =>
    shelf
      .locator('[part~="title"]')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
  expect(await fontOf(trending)).toMatch(/^Georgia/);
  expect(await fontOf(page.locator('#for-you'))).toMatch(/^system-ui/);

  // The cards of the first row: titles of uneven length (the fixture's), prices on one line.
  const cards = await trending.locator('[part~="link"]').evaluateAll((links) =>
    links.map((link) => {
      const part = (name: string) => link.querySelector(`[part~="${name}"]`)!;
      const box = (name: string) => part(name).getBoundingClientRect();
      // The text's own height (the title's box stretches to the shared row).
      const text = document.createRange();
      text.selectNodeContents(part('title'));
      return {
        top: Math.round(link.getBoundingClientRect().top),
        titleHeight: Math.round(text.getBoundingClientRect().height),
        titleTop: Math.round(box('title').top),
        priceTop: Math.round(box('price').top),
        reasonTop: Math.round(box('reason').top),
      };
    }),
  );
  const row = cards.filter((c) => c.top === cards[0]!.top);
  expect(row.length, 'several cards side by side').toBeGreaterThan(1);
  expect(
    new Set(row.map((c) => c.titleHeight)).size,
    'titles of different heights in the row',
  ).toBeGreaterThan(1);
  for (const key of ['titleTop', 'priceTop', 'reasonTop'] as const)
    expect(new Set(row.map((c) => c[key])), key).toEqual(new Set([row[0]![key]]));
});
