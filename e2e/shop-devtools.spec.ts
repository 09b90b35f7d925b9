import { expect, test } from '@playwright/test';
import { catalog, itemsIn, openShop, shelfItems, viewProducts } from './support/shop.ts';

test('after a reload the devtools show the last run’s curve, and recommendations with titles', async ({
  page,
}) => {
  await openShop(page);
  await viewProducts(page, itemsIn('Toys', 4));
  // Clicked shelves are what the re-ranker learns from: open four recommendations from "for you".
  for (let k = 0; k < 4; k++) {
    await page.goto('/#/');
    const ids = await shelfItems(page, 'for-you');
    await page.locator(`section[data-shelf="for-you"] [data-item-id="${ids[k]}"] a`).first().click();
    await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible();
  }
  const run = await page.evaluate(async () => {
    const shelf = (
      window as unknown as {
        localShelf: {
          train(t: string): AsyncGenerator<unknown>;
          runs(): Promise<{ reranker?: { steps: number } | null }[]>;
        };
      }
    ).localShelf;
    // The shop's page has no engine module to call untilDone from: run the generator to its end here.
    for await (const _log of shelf.train('devtools reload test'));
    return (await shelf.runs()).at(-1);
  });
  expect(run?.reranker?.steps).toBeGreaterThan(0);

  await page.reload();
  await openShop(page, '#/');
  await page.getByRole('button', { name: 'Devtools' }).click();
  const panel = page.getByTestId('localshelf-devtools');
  await panel.getByRole('tab', { name: 'Training' }).click();
  const chart = panel.locator('svg.loss-chart');
  await expect(chart).toHaveAttribute('data-points', String(run!.reranker!.steps));
  await expect(chart).toContainText(/^last run \(.+\), re-ranker: step \d+: loss/);

  await panel.getByRole('tab', { name: 'Recommendations' }).click();
  const table = panel.getByRole('table', { name: 'for-you recommendations' });
  await expect(table).toBeVisible();
  const firstItem = await table.locator('tbody tr td:nth-child(2)').first().textContent();
  const [id, ...title] = firstItem!.split(' ');
  expect(title.join(' ')).toBe(catalog.items.find((i) => i.id === id)!.title);
});
