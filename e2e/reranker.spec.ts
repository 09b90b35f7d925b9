import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { LocalShelf, RankedItem } from '../src/engine/index.ts';
import { itemsIn, openShop, shelfItems, topOf, viewProducts } from './support/shop.ts';

/**
 * The re-ranker on the demo shop, driven through its pages: what the shopper was shown and
 * passed over, and what they dwelt on and carted, reorder the lists on the device.
 */

declare global {
  interface Window {
    localShelf: LocalShelf;
  }
}

/**
 * Which re-ranker the shop gets here: by default the tiny fixture one (e2e/fixtures/tiny/reranker/)
 * in place of models/demo/reranker/. Its features are the same on any catalog (its population
 * aggregates cover the tiny catalog only, so demo items read as rarely shown), and it was
 * pretrained on shoppers whose clicks tire of what they were shown and follow what they carted
 * (scripts/fixtures/tiny-reranker.ts), so these tests check the shop's mechanics — impressions
 * recorded, features computed, lists re-ranked, reasons given — against a model known to have
 * learned those habits. `LOCALSHELF_RERANKER=shipped` runs them against the demo's own re-ranker,
 * which is how to check that a newly trained demo re-ranker learned them too.
 */
async function serveReranker(page: Page): Promise<'shipped' | 'fixture'> {
  if (process.env.LOCALSHELF_RERANKER === 'shipped') {
    if (!existsSync('models/demo/reranker/card.json'))
      throw new Error('LOCALSHELF_RERANKER=shipped, but models/demo/reranker/card.json does not exist');
    return 'shipped';
  }
  await page.route('**/models/demo/reranker/*', (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    return route.fulfill({ path: `e2e/fixtures/tiny/reranker/${file}` });
  });
  return 'fixture';
}

/** Words an explanation must never use: being passed over lowers an item, silently. */
const NEVER_SAID = /shown|skipp|ignor|passed over|did not (click|open)/i;

function explanations(items: readonly { explanation: string; reasons: RankedItem['reasons'] }[]): string[] {
  return items.flatMap((i) => [
    i.explanation,
    ...i.reasons.flatMap((r) => (r.type === 'reranker' ? r.why.map((w) => w.text) : [])),
  ]);
}

test.describe('the re-ranker on the demo shop', () => {
  test('items shown three times and never clicked sink on "for you"', async ({ page }) => {
    const source = await serveReranker(page);
    test.info().annotations.push({ type: 're-ranker', description: source });
    await openShop(page);
    expect(await page.evaluate(() => window.localShelf.getSnapshot().model?.reranker.active)).toBe(true);
    await viewProducts(page, itemsIn('Outdoors', 5));
    await page.goto('/#/');
    const first = await shelfItems(page, 'for-you');
    expect(first).toHaveLength(8);

    // The shop records what the shelf showed once it is on screen: the first showing.
    const shownAt = async () =>
      page.evaluate(async (first) => {
        const events = await window.localShelf.events.eventsOfKind('impression');
        return events.filter(
          (e) =>
            e.kind === 'impression' &&
            e.shelf === 'for-you' &&
            e.items.map((i) => i.itemId).join() === first.join(),
        ).length;
      }, first);
    await expect.poll(shownAt).toBe(1);
    // Two more showings of the same shelf (as two more visits of the page would record), no click.
    await page.evaluate(async (first) => {
      for (let k = 0; k < 2; k++)
        await window.localShelf.track({
          kind: 'impression',
          shelf: 'for-you',
          items: first.map((itemId, position) => ({ itemId, position })),
        });
    }, first);
    expect(await shownAt()).toBe(3);

    // Leave the page and come back: a shelf is never reshuffled while on screen, only on the next visit.
    await page.goto('/#/cart');
    await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
    await page.goto('/#/');
    const after = await shelfItems(page, 'for-you');
    const stayed = first.filter((id) => after.includes(id));
    test.info().annotations.push({
      type: 'for you',
      description: `before: ${first.join(' ')}; after three showings: ${after.join(' ')}`,
    });
    // Nothing the shopper viewed changed, so the sequence model's pool is the same: the re-ranker
    // moved them. None moved up, at least three left the shelf for fresh candidates, and on
    // average they sank by two slots or more (an item off the shelf counts as slot 8).
    for (const id of stayed) expect(after.indexOf(id), id).toBeGreaterThanOrEqual(first.indexOf(id));
    expect(stayed.length, `still shown: ${stayed.join(', ')}`).toBeLessThanOrEqual(5);
    const slot = (id: string) => (after.includes(id) ? after.indexOf(id) : 8);
    const sank = first.reduce((s, id, i) => s + slot(id) - i, 0) / first.length;
    test.info().annotations.push({ type: 'mean slots sunk', description: sank.toFixed(2) });
    expect(sank).toBeGreaterThanOrEqual(2);
    // Still "for you": the department the shopper browsed.
    expect(after.filter((id) => topOf(id) === 'Outdoors').length).toBeGreaterThanOrEqual(5);
    const shelf = await page.evaluate(() => window.localShelf.recommend({ kind: 'for-you', limit: 8 }));
    expect(shelf.items.every((i) => i.reasons.some((r) => r.type === 'reranker'))).toBe(true);
    for (const text of explanations(shelf.items)) expect(text).not.toMatch(NEVER_SAID);
  });

  test('dwelling on and carting products of one department lifts that department in re-ranked lists', async ({
    page,
  }) => {
    const source = await serveReranker(page);
    test.info().annotations.push({ type: 're-ranker', description: source });
    await openShop(page);
    await viewProducts(page, itemsIn('Outdoors', 3));
    // A site list (say, a sale page) mixing two departments the shopper has not touched yet.
    const kitchen = itemsIn('Kitchen', 8).map((i) => i.id);
    const garden = itemsIn('Garden', 8).map((i) => i.id);
    const list = garden.flatMap((g, i) => [g, kitchen[i]!]);
    const rerank = () =>
      page.evaluate(async (list) => window.localShelf.rerank(list, { shelf: 'category' }), list);
    const before = await rerank();
    expect(before.map((r) => r.itemId).sort()).toEqual([...list].sort());

    // Three other Kitchen products: opened, looked at for a while (dwell), put in the cart.
    const carted = itemsIn('Kitchen', 3, 8);
    for (const item of carted) {
      await page.goto(`/#/p/${item.id}`);
      await expect(page.getByRole('heading', { level: 1, name: item.title })).toBeVisible();
      await page.waitForTimeout(3000);
      await page.getByRole('button', { name: 'Add to cart' }).click();
    }
    await page.goto('/#/');
    await expect
      .poll(async () =>
        page.evaluate(
          async (carted) =>
            (await window.localShelf.events.eventsOfKind('dwell')).filter(
              (e) => e.kind === 'dwell' && carted.includes(e.itemId),
            ).length,
          carted.map((i) => i.id),
        ),
      )
      .toBeGreaterThanOrEqual(3);
    const after = await rerank();
    // The product pages' own shelves showed some of the list's Kitchen products, and being shown
    // and passed over lowers them: compare only the Kitchen products never shown with Garden's.
    const shown = await page.evaluate(async () =>
      (await window.localShelf.events.eventsOfKind('impression')).flatMap((e) =>
        e.kind === 'impression' ? e.items.map((i) => i.itemId) : [],
      ),
    );
    const fresh = kitchen.filter((id) => !shown.includes(id));
    expect(fresh.length, `Kitchen products never shown: ${fresh.join(', ')}`).toBeGreaterThanOrEqual(3);
    const mean = (ranked: RankedItem[], ids: string[]) =>
      ids.reduce((s, id) => s + ranked.findIndex((r) => r.itemId === id), 0) / ids.length;
    /** How far above the Garden products the Kitchen ones sit, in slots (positive: above). */
    const lead = (ranked: RankedItem[]) => mean(ranked, garden) - mean(ranked, fresh);
    test.info().annotations.push({
      type: 'Kitchen lead over Garden (mean slots)',
      description: `${lead(before).toFixed(2)} → ${lead(after).toFixed(2)} over ${fresh.length} Kitchen products never shown`,
    });
    expect(lead(after)).toBeGreaterThan(lead(before) + 0.75);
    // The lifted products say why, in the shopper's terms.
    const lifted = after.filter((r, position) => fresh.includes(r.itemId) && r.from > position);
    expect(lifted.length).toBeGreaterThan(0);
    expect(explanations(lifted).join('\n')).toMatch(/Kitchen|cart|just looked at/);
    for (const text of explanations(after)) expect(text).not.toMatch(NEVER_SAID);
  });

  test('a category page is a site list: re-ranked on the device in the shop’s own order, kept as chosen when sorted, its impressions and clicks recorded', async ({
    page,
  }) => {
    await serveReranker(page);
    await openShop(page);
    const carted = itemsIn('Kitchen', 3, 8);
    await viewProducts(page, carted);
    await page.evaluate(
      async (ids) => {
        for (const itemId of ids) await window.localShelf.track({ kind: 'add_to_cart', itemId, quantity: 1 });
      },
      carted.map((i) => i.id),
    );
    // Leave the last product page first: its dwell lands on leaving and would re-rank the list again.
    await page.goto('/#/cart');
    await page.waitForTimeout(500);
    await page.goto('/#/c/Kitchen');
    const grid = page.getByRole('list', { name: 'Products' });
    await expect(grid).toHaveAttribute('data-ordered-for-you', 'yes', { timeout: 30_000 });
    await expect(
      page.getByRole('status').filter({ hasText: 'ordered for you on this device' }),
    ).toBeVisible();
    const listImpression = () =>
      page.evaluate(async () => {
        const events = await window.localShelf.events.eventsOfKind('impression');
        return events.filter((e) => e.kind === 'impression' && e.shelf === 'category');
      });
    const shownIds = () =>
      grid
        .locator('[data-item-id]')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-item-id') ?? ''));
    // What is recorded is what the shopper saw first, in the re-ranked order.
    await expect
      .poll(async () => {
        const latest = (await listImpression()).filter((e) => e.kind === 'impression' && !e.sort).at(-1);
        return latest?.kind === 'impression' ? latest.items.map((i) => i.itemId) : [];
      })
      .toEqual((await shownIds()).slice(0, 20));

    await page.getByLabel('Sort by').selectOption('price-asc');
    await expect(grid).toHaveAttribute('data-ordered-for-you', 'no');
    // The shopper's own sort is recorded with its impression.
    await expect
      .poll(async () => (await listImpression()).map((e) => (e.kind === 'impression' ? e.sort : undefined)))
      .toContain('price-asc');

    const first = grid.locator('[data-item-id]').first();
    const firstId = await first.getAttribute('data-item-id');
    await first.locator('a').first().click();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const clicks = await window.localShelf.events.eventsOfKind('click');
          return clicks.map((c) => (c.kind === 'click' ? `${c.itemId}@${c.shelf}:${c.position}` : ''));
        }),
      )
      .toContain(`${firstId}@category:0`);
  });
});
