import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ownerState, shelfIds } from './fixtures/owner-host/page.ts';
import { startOwnerSite, type OwnerSite } from './fixtures/owner-host/serve.ts';
import { buildWidget } from './fixtures/widget-host/serve.ts';

/**
 * A site owner's path, for real: their own visitor logs (CSV, string ids) and catalog, a model
 * pretrained on them with `npm run pretrain`, served from their own plain-HTML page. Trending
 * follows the logs' popularity; products added to the catalog after pretraining are recommended
 * from their content next to similar ones, and products removed from it never show.
 */

interface CatalogFile {
  items: { id: string; category: string[] }[];
}
const FIXTURE = 'e2e/fixtures/owner-host';
const catalog = JSON.parse(readFileSync(`${FIXTURE}/catalog.json`, 'utf8')) as CatalogFile;
const added = JSON.parse(readFileSync(`${FIXTURE}/catalog-added.json`, 'utf8')) as CatalogFile;
const categoryOf = new Map(added.items.concat(catalog.items).map((i) => [i.id, i.category.join('/')]));
const NEW = added.items.filter((i) => !catalog.items.some((k) => k.id === i.id)).map((i) => i.id);
const REMOVED = catalog.items.filter((k) => !added.items.some((i) => i.id === k.id)).map((i) => i.id);

let work = '';
let widgetDir = '';
let site: OwnerSite;
let card: { version: string; vocabulary: string[]; popularity: number[]; prior: unknown } & Record<
  string,
  unknown
>;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  work = mkdtempSync(join(tmpdir(), 'localshelf-owner-'));
  execFileSync('npx', ['tsx', `${FIXTURE}/make-logs.ts`, work], { stdio: ['ignore', 'ignore', 'inherit'] });
  // Small settings: the test checks the owner's path, not the model's quality.
  execFileSync(
    'npx',
    [
      'tsx',
      'scripts/pretrain.ts',
      '--data',
      join(work, 'logs.csv'),
      '--catalog',
      `${FIXTURE}/catalog.json`,
      '--out',
      join(work, 'model'),
      '--dim',
      '16',
      '--max-len',
      '10',
      '--blocks',
      '1',
      '--epochs',
      '8',
      '--negatives',
      '0',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  card = JSON.parse(readFileSync(join(work, 'model', 'meta.json'), 'utf8'));
  widgetDir = buildWidget();
  site = await startOwnerSite({
    widget: widgetDir,
    model: join(work, 'model'),
    catalog: `${FIXTURE}/catalog.json`,
  });
});
test.afterAll(async () => {
  await site?.close();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
  if (work) rmSync(work, { recursive: true, force: true });
});
test.beforeEach(() => site.replace.clear());

async function ready(page: Page) {
  await expect.poll(async () => (await ownerState(page))?.status, { timeout: 30_000 }).toBe('ready');
  return (await ownerState(page))!;
}

const recommend = (page: Page, request: { kind: string; itemId?: string; limit?: number }) =>
  page.evaluate(
    (r) =>
      (
        window as unknown as {
          LocalShelf: {
            recommend(r: unknown): Promise<{ items: { itemId: string; explanation: string }[] }>;
          };
        }
      ).LocalShelf.recommend(r),
    request,
  );

test('the model card is complete and publishable', () => {
  expect(card.version).toMatch(/^model-[0-9a-f]{12}$/);
  expect(card.popularity).toHaveLength(card.vocabulary.length);
  expect(card.prior).toMatchObject({ bonus: expect.any(Array) });
  expect(card['catalogVersion']).toBe('leaf-bean-1');
  expect(card['settings']).toMatchObject({ dim: 16, maxLen: 10, epochs: 8 });
  // Nothing about the machine it was trained on: no paths, no commit.
  const text = JSON.stringify(card);
  for (const local of [work, resolve('.'), tmpdir()]) expect(text).not.toContain(local);
  for (const key of ['dataFile', 'catalog', 'commit']) expect(card[key], key).toBeUndefined();
});

test("an owner-trained model gives real trending: the logs' most popular products, in that order", async ({
  page,
}) => {
  await page.goto(`${site.origin}/`);
  const state = await ready(page);
  expect(state.warnings).toEqual([]);
  const byPopularity = card.vocabulary
    .map((id, i) => [id, card.popularity[i]!] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
  const trending = await recommend(page, { kind: 'trending', limit: 1 });
  expect(trending.items.map((i) => i.itemId)).toEqual([byPopularity[0]]);
  // The most popular product is not simply the first id of the vocabulary.
  expect(byPopularity[0]).not.toBe(card.vocabulary[0]);
  await expect.poll(() => shelfIds(page, '#trending')).toHaveLength(4);
  expect((await shelfIds(page, '#trending'))[0]).toBe(byPopularity[0]);
});

test('products added after pretraining are recommended next to similar ones; removed ones never show', async ({
  page,
}) => {
  site.replace.set('/catalog.json', JSON.stringify(added));
  await page.goto(`${site.origin}/`);
  const state = await ready(page);
  expect(state.model?.newItems).toBe(NEW.length);
  expect(state.warnings.join('\n')).toContain(`${NEW.length} of the ${added.items.length} items of catalog`);

  // A new product's own page: its "similar" shelf is of its own kind.
  for (const id of NEW) {
    const similar = await recommend(page, { kind: 'similar', itemId: id, limit: 4 });
    expect(similar.items.length, id).toBeGreaterThan(0);
    expect(categoryOf.get(similar.items[0]!.itemId), `most similar to ${id}`).toBe(categoryOf.get(id));
  }
  // A known green tea's "similar" shelf now offers the new green teas too.
  const sencha = await recommend(page, { kind: 'similar', itemId: 'tea-sencha', limit: 12 });
  expect(sencha.items.map((i) => i.itemId).filter((id) => NEW.includes(id)).length).toBeGreaterThan(0);

  // The widget renders a new product's page with its shelf.
  await page.goto(`${site.origin}/?page=2#/product/tea-hojicha`);
  await ready(page);
  await expect.poll(() => shelfIds(page, '#similar')).toHaveLength(4);

  // A removed product: nowhere, even though it was among the most popular.
  for (const request of [
    { kind: 'trending', limit: 30 },
    { kind: 'for-you', limit: 30 },
    { kind: 'similar', itemId: 'tea-earl-grey', limit: 30 },
    { kind: 'because-viewed', itemId: 'tea-breakfast', limit: 30 },
  ]) {
    const shelf = await recommend(page, request);
    for (const id of REMOVED)
      expect(
        shelf.items.map((i) => i.itemId),
        `${request.kind}`,
      ).not.toContain(id);
  }
});
