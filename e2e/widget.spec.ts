import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page, type Request } from '@playwright/test';
import { buildWidget, startHost, STRICT_CSP, type HostServer } from './fixtures/widget-host/serve.ts';

/**
 * The embeddable widget as a site really gets it: the built bundles (ES module and
 * classic script) served by a foreign origin with a strict CSP header on every
 * response, on plain-HTML pages with their own catalog.
 */

interface WidgetApi {
  history(): Promise<
    { kind: string; itemId?: string; shelf?: string; position?: number; items?: unknown[] }[]
  >;
  state(): Promise<{
    status: string;
    backend: { name: string } | null;
    newEvents: number;
    newImpressions: number;
    training: { lastRun: { trigger: string; reranker?: { verdict: string } | null } | null };
  } | null>;
  forget(): Promise<void>;
  recommend(request: { kind: string; limit: number }): Promise<{ items: { message: { key: string } }[] }>;
}
declare global {
  interface Window {
    LocalShelf: WidgetApi;
    hostClicks: { itemId: string; shelf: string; position: number }[];
  }
}

const BUDGET_GZIP = 300 * 1024;
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

/** Everything the page and its worker ask the network for, as the browser saw it. */
function auditNetwork(page: Page) {
  const requests: Request[] = [];
  const sockets: string[] = [];
  const workers: string[] = [];
  page.on('request', (r) => requests.push(r));
  page.on('websocket', (ws) => sockets.push(ws.url()));
  page.on('worker', (w) => workers.push(w.url()));
  return { requests, sockets, workers };
}

/** Errors the page logged, and uncaught ones (there must be none of the latter). */
function watchConsole(page: Page) {
  const errors: string[] = [];
  const uncaught: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => uncaught.push(e.message));
  return { errors, uncaught };
}

const shelfIds = (page: Page, selector: string) =>
  page
    .locator(`${selector} [part~="link"]`)
    .evaluateAll((links) => links.map((l) => (l as HTMLElement).dataset.itemId ?? ''));

/** Static files the site serves; nothing else may be requested, and nothing with a query. */
const STATIC_PATH =
  /^\/(|index\.html|esm\.html|bad-[\w-]+\.html|host\.(js|css)|favicon\.ico|data\/(catalog|invalid-catalog)\.json|data\/images\/placeholder\.svg|model\/(model\.json|meta\.json|weights\.bin|reranker\/(model\.json|card\.json|weights\.bin))|no-such-model\/(model\.json|reranker\/card\.json)|vendor\/localshelf\/(localshelf(\.iife)?\.js|assets\/[\w.-]+\.(js|wasm)))$/;

function expectNothingAboutTheVisitor(seen: ReturnType<typeof auditNetwork>, since: number) {
  for (const r of seen.requests) {
    expect(r.method(), r.url()).toBe('GET');
    expect(r.postData(), r.url()).toBeNull();
    const url = new URL(r.url());
    expect(url.origin, r.url()).toBe(host.origin);
    expect(url.search + url.hash, r.url()).toBe('');
    expect(url.pathname, 'a static file of the site').toMatch(STATIC_PATH);
  }
  expect(seen.sockets).toEqual([]);
  // The server's view: GETs without a body, for static files only, no socket upgrades.
  for (const r of host.requests.slice(since)) {
    expect(r.method, r.url).toBe('GET');
    expect(r.bodyBytes, r.url).toBe(0);
    expect(r.url, 'a static file of the site').toMatch(STATIC_PATH);
  }
  expect(host.upgrades).toEqual([]);
}

test('size budget: the first-load script stays under 300 KB gzip, the worker is reported, and nothing uses eval', () => {
  const gz = (file: string) => gzipSync(readFileSync(join(widgetDir, file))).length;
  const assets = readdirSync(join(widgetDir, 'assets'));
  const worker = assets.find((f) => /^worker-.*\.js$/.test(f));
  expect(worker, `a worker chunk in ${assets.join(', ')}`).toBeTruthy();
  const sizes = {
    'localshelf.js': gz('localshelf.js'),
    'localshelf.iife.js': gz('localshelf.iife.js'),
    [`assets/${worker}`]: gz(`assets/${worker}`),
    ...Object.fromEntries(
      assets.filter((f) => f.endsWith('.wasm')).map((f) => [`assets/${f}`, gz(`assets/${f}`)]),
    ),
  };
  const report = Object.entries(sizes)
    .map(([file, bytes]) => `${file}: ${(bytes / 1024).toFixed(1)} KB gzip`)
    .join('; ');
  test.info().annotations.push({ type: 'sizes', description: report });
  console.log(`widget sizes: ${report}`);
  expect(sizes['localshelf.js']).toBeLessThanOrEqual(BUDGET_GZIP);
  expect(sizes['localshelf.iife.js']).toBeLessThanOrEqual(BUDGET_GZIP);
  // The first-load script carries no tfjs: the math lives in the worker only.
  expect(readFileSync(join(widgetDir, 'localshelf.iife.js'), 'utf8')).not.toContain('tfjs');
  for (const file of ['localshelf.js', 'localshelf.iife.js', `assets/${worker}`]) {
    const code = readFileSync(join(widgetDir, file), 'utf8');
    expect(code, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  }
});

test('a plain-HTML host under a strict CSP: renders, tracks from data attributes, personalizes, routes clicks, one worker, sends nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const since = host.requests.length;
  const seen = auditNetwork(page);
  const log = watchConsole(page);
  await page.goto(`${host.origin}/`);

  const forYou = page.locator('#for-you');
  await expect(forYou).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(forYou.locator('[part~="item"]')).toHaveCount(4);
  await expect(forYou.locator('[part~="heading"]')).toHaveText('Picked for you');
  // The similar shelf lives on product pages: on the home page it waits, empty.
  await expect(page.locator('#similar')).toHaveAttribute('status', 'empty');
  const before = await shelfIds(page, '#for-you');
  // A newcomer's shelf is not already mostly Books, so the shift below is the visitor's doing.
  expect(
    before.filter((id) => id.startsWith('t-3')).length,
    `newcomer's shelf ${before.join(', ')}`,
  ).toBeLessThan(3);

  // A visitor reads four Books pages (department 3): the host only sets data-localshelf-view.
  const books = ['t-300', 't-301', 't-302', 't-303'];
  for (const [i, id] of books.entries()) {
    await page.evaluate((id) => (location.hash = `#/product/${id}`), id);
    await expect
      .poll(
        async () =>
          (await page.evaluate(() => window.LocalShelf.history())).filter((e) => e.kind === 'view').length,
      )
      .toBe(i + 1);
  }
  await expect(page.locator('#similar')).toHaveAttribute('status', 'ready');
  await expect(page.locator('#similar [part~="item"]')).toHaveCount(3);
  await page.locator('#add-to-cart').click();
  await expect
    .poll(async () =>
      (await page.evaluate(() => window.LocalShelf.history())).filter((e) => e.kind === 'add_to_cart'),
    )
    .toEqual([expect.objectContaining({ kind: 'add_to_cart', itemId: 't-303' })]);

  // Personalized: every "for you" card now comes from the visitor's own reading (the Books they
  // viewed, what goes with the one in the cart), not from popularity, and the shelf changed.
  // It does not fill up with Books: the diversity caps allow one brand per 4-card shelf, and a
  // book in the cart keeps other books (substitutes) off it.
  await expect
    .poll(
      async () =>
        (await page.evaluate(() => window.LocalShelf.recommend({ kind: 'for-you', limit: 4 }))).items
          .map((r) => r.message.key)
          .filter((key) => key.startsWith('reason.trending')),
      { timeout: 30_000 },
    )
    .toEqual([]);
  const after = await shelfIds(page, '#for-you');
  expect(after).not.toEqual(before);

  // A click on a card: the host hears a composed, bubbling event and routes to its own page.
  const picked = after[1] ?? '';
  await forYou.locator('[part~="link"]').nth(1).click();
  await expect
    .poll(() => page.evaluate(() => window.hostClicks))
    .toEqual([{ itemId: picked, shelf: 'for-you', position: 1 }]);
  await expect(page).toHaveURL(new RegExp(`#/product/${picked}$`));
  await expect(page.locator('#product')).toHaveAttribute('data-localshelf-view', picked);
  // Impressions and clicks are recorded for the re-ranker, and the routed page counts as a view.
  await expect
    .poll(async () => {
      const events = await page.evaluate(() => window.LocalShelf.history());
      return {
        impression: events.some(
          (e) => e.kind === 'impression' && e.shelf === 'for-you' && e.items?.length === 4,
        ),
        click: events.some(
          (e) => e.kind === 'click' && e.itemId === picked && e.shelf === 'for-you' && e.position === 1,
        ),
        view: events.some((e) => e.kind === 'view' && e.itemId === picked),
      };
    })
    .toEqual({ impression: true, click: true, view: true });

  // Styles: the host's CSS stays out, the widget's stays in; custom properties and ::part get through.
  // Polled: the view just tracked re-renders the shelf, and a card replaced mid-read computes no style.
  const titleStyle = () =>
    forYou
      .locator('[part~="title"]')
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          font: s.fontFamily.startsWith('system-ui') ? 'system-ui…' : s.fontFamily,
          spacing: s.letterSpacing,
          border: s.borderTopStyle,
          transform: s.textTransform,
        };
      });
  await expect
    .poll(titleStyle)
    .toEqual({ font: 'system-ui…', spacing: 'normal', border: 'none', transform: 'none' });
  await expect(forYou.locator('[part~="price"]').first()).toHaveCSS('color', 'rgb(0, 128, 96)');
  await expect(forYou.locator('[part~="heading"]')).toHaveCSS('text-transform', 'uppercase');
  await expect(page.locator('#product-title')).toHaveCSS('font-family', /Georgia/);

  // Two widgets, one engine, one worker; WebGL is software here, so the math runs on wasm under the CSP.
  expect(seen.workers).toHaveLength(1);
  const state = await page.evaluate(() => window.LocalShelf.state());
  expect(state?.status).toBe('ready');
  expect(state?.backend?.name).toBe('wasm');
  expect(seen.requests.some((r) => r.url().endsWith('.wasm'))).toBe(true);

  expectNothingAboutTheVisitor(seen, since);
  expect(log.uncaught).toEqual([]);
  expect(log.errors).toEqual([]);
});

test('a multi-page site: the training counters survive page loads, so training starts once enough events gathered across them', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const log = watchConsole(page);
  const state = () => page.evaluate(() => window.LocalShelf.state());
  // Eight product pages, each a page load of its own: the engine, its worker and everything
  // in memory start over every time. The host trains automatically (8 item events, 4 s pause).
  const products = ['t-300', 't-301', 't-302', 't-303', 't-304', 't-305', 't-306', 't-307'];
  for (const [i, id] of products.entries()) {
    await page.goto('about:blank');
    await page.goto(`${host.origin}/#/product/${id}`);
    await expect(page.locator('#for-you')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
    await expect.poll(async () => (await state())?.newEvents, { message: `page load ${i + 1}` }).toBe(i + 1);
    if (i < products.length - 1) expect((await state())?.training.lastRun ?? null).toBeNull();
  }
  await expect
    .poll(async () => (await state())?.training.lastRun?.trigger ?? null, { timeout: 90_000 })
    .toBe('auto: 8 new events');
  const trained = await state();
  expect(trained?.newEvents).toBe(0);
  expect(trained?.training.lastRun?.reranker?.verdict).toMatch(/^(kept|not kept|not run): /);
  // The reset is stored as well: the next page load starts counting from zero.
  await page.goto('about:blank');
  await page.goto(`${host.origin}/`);
  await expect(page.locator('#for-you')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  expect((await state())?.newEvents).toBe(0);
  expect(log.uncaught).toEqual([]);
  expect(log.errors).toEqual([]);
});

test('the declarative ES-module embed: two tags share one worker, and an unhandled click follows product-href', async ({
  page,
}) => {
  const since = host.requests.length;
  const seen = auditNetwork(page);
  const log = watchConsole(page);
  await page.goto(`${host.origin}/esm.html`);
  await expect(page.locator('#trending')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(page.locator('#for-you')).toHaveAttribute('status', 'ready');
  await expect(page.locator('#trending [part~="item"]')).toHaveCount(3);
  // A newcomer's "for you" falls back to popular products, but not to the ones the trending shelf above shows.
  await expect
    .poll(async () => {
      const trending = await shelfIds(page, '#trending');
      return (await shelfIds(page, '#for-you')).filter((id) => trending.includes(id));
    })
    .toEqual([]);
  expect(await shelfIds(page, '#for-you')).not.toHaveLength(0);
  // Attributes are live: a new heading re-renders the same products.
  await page.locator('#trending').evaluate((el) => el.setAttribute('heading', 'Hot this week'));
  await expect(page.locator('#trending [part~="heading"]')).toHaveText('Hot this week');
  expect(seen.workers).toHaveLength(1);

  const first = (await shelfIds(page, '#for-you'))[0] ?? '';
  const link = page.locator('#for-you a[part~="link"]').first();
  await expect(link).toHaveAttribute('href', `#/product/${first}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`#/product/${first}$`));
  const LocalShelf = await page.evaluateHandle(
    () => import('./vendor/localshelf/localshelf.js' as string) as Promise<WidgetApi>,
  );
  await expect
    .poll(() =>
      LocalShelf.evaluate(async (api) =>
        (await api.history()).filter((e) => e.kind === 'click').map((e) => e.itemId),
      ),
    )
    .toEqual([first]);

  // The visitor can see and erase what was recorded, without a server.
  expect(await LocalShelf.evaluate(async (api) => (await api.forget(), (await api.history()).length))).toBe(
    0,
  );

  expectNothingAboutTheVisitor(seen, since);
  expect(log.errors).toEqual([]);
  expect(log.uncaught).toEqual([]);
});

test('bad configuration: a clear console message and an empty slot that leaves the page intact', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const cases = [
    {
      page: 'bad-missing-catalog.html',
      message: /catalog is undefined; expected the URL of your catalog JSON/,
    },
    { page: 'bad-model-404.html', message: /could not start.*no-such-model\/.*404/s },
    { page: 'bad-catalog.html', message: /could not start.*invalid-catalog\.json.*t-001.*price/s },
  ];
  const log = watchConsole(page);
  for (const c of cases) {
    log.errors.length = 0;
    await page.goto(`${host.origin}/${c.page}`);
    const shelf = page.locator('local-shelf');
    await expect(shelf, c.page).toHaveAttribute('status', 'error', { timeout: 60_000 });
    await expect.poll(() => log.errors.join('\n'), { message: c.page }).toMatch(c.message);
    // Empty and unbroken: nothing rendered, no height, the text around it in place.
    expect(await shelf.evaluate((el) => el.shadowRoot?.childElementCount)).toBe(0);
    expect((await shelf.boundingBox())?.height ?? 0).toBe(0);
    await expect(page.locator('#after-shelves')).toBeVisible();
    expect(log.uncaught, c.page).toEqual([]);
  }
});

test('without wasm-unsafe-eval in the policy, the engine falls back to the CPU and the shelf still renders', async ({
  page,
}) => {
  host.csp = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');
  try {
    const log = watchConsole(page);
    await page.goto(`${host.origin}/`);
    await expect(page.locator('#for-you')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
    const state = await page.evaluate(() => window.LocalShelf.state());
    expect(state?.backend?.name).toBe('cpu');
    expect(log.uncaught).toEqual([]);
  } finally {
    host.csp = STRICT_CSP;
  }
});
