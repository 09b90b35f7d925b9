import type { Request } from '@playwright/test';
import { PREVIEW_PORT } from '../../playwright.config.ts';
import { widgetBuild } from './support/widget.ts';
import { auditStorage } from './support/audit.ts';
import { shopJourney, widgetJourney } from './support/journeys.ts';
import { startSite, type Site } from './support/site.ts';
import { expect, test } from './support/report.ts';

/**
 * Privacy audit: after a real journey, the browser holds nothing outside LocalShelf's own
 * IndexedDB database ("localshelf") and the shop's cart key, and the network saw only
 * static GETs. e2e/shop.spec.ts audits the shop's URLs in depth; this adds storage,
 * cookies, caches and service workers, and the same for the widget.
 */
const SHOP_STATIC =
  /^\/(|index\.html|catalog\.json|images\.json|models\/demo\/(model\.json|meta\.json|weights\.bin|reranker\/(model\.json|card\.json|weights\.bin))|assets\/[\w.-]+\.(js|css|wasm|svg))$/;
const SITE_STATIC =
  /^\/(|index\.html|host\.js|data\/catalog\.json|(data\/)?images\/placeholder\.svg|model\/(model\.json|meta\.json|weights\.bin|reranker\/(model\.json|card\.json|weights\.bin))|vendor\/localshelf\/(localshelf\.iife\.js|assets\/[\w.-]+\.(js|wasm)))$/;

function requestsOf(requests: Request[], origin: string) {
  // blob: URLs are in-memory scripts (the threaded wasm's helper threads), not network requests.
  return requests
    .filter((r) => !r.url().startsWith('blob:'))
    .map((r) => {
      const url = new URL(r.url());
      return {
        method: r.method(),
        body: r.postData(),
        sameOrigin: url.origin === origin,
        path: url.pathname,
        query: url.search,
      };
    });
}

test.describe('the built shop', () => {
  test.use({ baseURL: `http://127.0.0.1:${PREVIEW_PORT}` });

  test("privacy audit of the shop: only static GETs; no cookie; storage only in LocalShelf's database and cart key", async ({
    page,
    context,
    row,
  }) => {
    row.fault(
      'P3',
      'Privacy audit of the demo shop (production build) after home, 2 products, add to cart, search, checkout, Your data',
      'Only same-origin static GETs without body or query; no cookie; IndexedDB only "localshelf"; localStorage only "localshelf.cart" and the asset-cache flag; no sessionStorage or service worker; Cache Storage only static files',
    );
    test.setTimeout(150_000);
    const origin = `http://127.0.0.1:${PREVIEW_PORT}`;
    const seen: Request[] = [];
    context.on('request', (r) => seen.push(r));
    await shopJourney(page);
    const storage = await auditStorage(page);
    const requests = requestsOf(seen, origin);
    for (const r of requests) {
      expect(r, r.path).toMatchObject({ method: 'GET', body: null, sameOrigin: true, query: '' });
      expect(r.path, 'a static file of the build').toMatch(SHOP_STATIC);
    }
    expect(await context.cookies()).toEqual([]);
    const { cached, ...stored } = storage;
    expect(stored).toEqual({
      databases: ['localshelf'],
      // The cart, and the flag that the asset cache holds entries (says only that static files were cached).
      localStorage: ['localshelf-assets-v1:stored', 'localshelf.cart'],
      sessionStorage: [],
      cookie: '',
      // The model files, model card and catalog, kept for the next page: static files, nothing about the visitor.
      caches: ['localshelf-assets-v1'],
      serviceWorkers: 0,
    });
    expect(cached.length).toBeGreaterThan(0);
    for (const path of cached) expect(path, 'a cached static file').toMatch(SHOP_STATIC);
    row.observe(
      `${requests.length} requests, all same-origin static GETs (${new Set(requests.map((r) => r.path)).size} paths)`,
    );
    row.observe(
      `IndexedDB ${JSON.stringify(storage.databases)}, localStorage ${JSON.stringify(storage.localStorage)}; no cookies, sessionStorage or service workers; Cache Storage holds only static files`,
    );
  });
});

test.describe('the widget on a foreign site', () => {
  let site: Site;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    site = await startSite(widgetBuild());
  });
  test.afterAll(async () => site?.close());

  test("privacy audit of the widget: only static GETs; nothing stored but LocalShelf's database", async ({
    page,
    context,
    row,
  }) => {
    row.fault(
      'P4',
      'Privacy audit of the widget on a foreign site after shelves render and a view and an add-to-cart are tracked',
      'Browser and server see only static GETs without body or query; no cookie; IndexedDB only "localshelf"; no web storage or service worker; Cache Storage only static files',
    );
    const seen: Request[] = [];
    context.on('request', (r) => seen.push(r));
    const since = site.requests.length;
    await widgetJourney(page, site);
    const storage = await auditStorage(page);
    const requests = requestsOf(seen, site.origin);
    for (const r of requests) {
      expect(r, r.path).toMatchObject({ method: 'GET', body: null, sameOrigin: true, query: '' });
      expect(r.path, 'a static file of the site').toMatch(SITE_STATIC);
    }
    const server = site.requests.slice(since);
    for (const r of server) {
      expect(r.method, r.path).toBe('GET');
      expect(r.bodyBytes, r.path).toBe(0);
      expect(r.path).toMatch(SITE_STATIC);
    }
    expect(await context.cookies()).toEqual([]);
    const { cached, ...stored } = storage;
    expect(stored).toEqual({
      databases: ['localshelf'],
      // Only the flag that the asset cache holds entries (it says only that static files were cached).
      localStorage: ['localshelf-assets-v1:stored'],
      sessionStorage: [],
      cookie: '',
      // The model files, model card and catalog, kept for the next page: static files, nothing about the visitor.
      caches: ['localshelf-assets-v1'],
      serviceWorkers: 0,
    });
    expect(cached.length).toBeGreaterThan(0);
    for (const path of cached) expect(path, 'a cached static file').toMatch(SITE_STATIC);
    row.observe(
      `${requests.length} requests in the browser, ${server.length} at the server, all static GETs with no body`,
    );
    row.observe(
      `IndexedDB ${JSON.stringify(storage.databases)}; no web storage keys, cookies or service workers; Cache Storage holds only static files`,
    );
  });
});
