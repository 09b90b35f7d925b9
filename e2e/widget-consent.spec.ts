import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { buildWidget, startHost, type HostServer } from './fixtures/widget-host/serve.ts';

/**
 * `requireConsent` on a foreign page (the built widget, a strict CSP): before consent the
 * browser holds no LocalShelf database at all, however the visitor browses; consent(true)
 * stores from then on and is remembered on the next page; consent(false) deletes the whole
 * database and stores nothing again. Pause and resume stop and restart recording. Each
 * check reads IndexedDB itself, not what the widget says about it.
 */

const DB = 'localshelf-consent';
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

interface Privacy {
  consent: string;
  persistence: string;
  paused: boolean;
}
interface ConsentApi {
  privacy(): Promise<Privacy>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  track(input: object): Promise<unknown>;
}
const api = (page: Page) =>
  page.evaluateHandle(() => (window as unknown as { LocalShelf: ConsentApi }).LocalShelf);

/** The names of every IndexedDB database of the page's origin. */
const databases = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
/** The names of the origin's Cache API caches (LocalShelf keeps copies of the model and catalog there). */
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** What the database holds, read with IndexedDB directly (null when there is none; opening it would create it). */
function stored(page: Page, name: string) {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((db) => db.name === name)) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (store: string) =>
      new Promise<{ kind?: string; itemId?: string; key?: string; value?: unknown }[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [events, meta] = await Promise.all([all('events'), all('meta')]);
    db.close();
    return { events, consent: meta.find((m) => m.key === 'consent')?.value ?? null };
  }, name);
}

test('consent: nothing stored before consent, stored after (and remembered), everything deleted on withdrawal', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${host.origin}/consent.html`);
  await expect(page.locator('#trending')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await expect(page.locator('#for-you')).toHaveAttribute('status', 'ready');

  // Browsing before consent: a view (the page's), an add-to-cart click, an API call, an impression.
  await page.locator('#add-to-cart').click();
  await (await api(page)).evaluate((ls) => ls.track({ kind: 'search', query: 'tent' }));
  await expect
    .poll(() => api(page).then((h) => h.evaluate((ls) => ls.privacy())))
    .toMatchObject({
      consent: 'pending',
      persistence: 'memory',
    });
  expect(await databases(page)).toEqual([]);
  expect(await cacheNames(page)).toEqual([]);

  // The visitor accepts: the database appears, with the answer and what happens next.
  await page.locator('#accept').click();
  await expect
    .poll(() => api(page).then((h) => h.evaluate((ls) => ls.privacy())))
    .toMatchObject({
      consent: 'granted',
      persistence: 'indexeddb',
    });
  await expect(page.locator('#trending')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await page.locator('#add-to-cart').click();
  await expect
    .poll(async () => (await stored(page, DB))?.events.some((e) => e.kind === 'add_to_cart') ?? false)
    .toBe(true);
  const afterConsent = await stored(page, DB);
  expect(afterConsent?.consent).toMatchObject({ granted: true });
  // Nothing from before the answer was carried over: the search was made before consent.
  expect(afterConsent?.events.some((e) => e.kind === 'search')).toBe(false);

  // Pause and resume: nothing recorded while paused.
  await (await api(page)).evaluate((ls) => ls.pause());
  const before = (await stored(page, DB))!.events.length;
  expect(await (await api(page)).evaluate((ls) => ls.track({ kind: 'view', itemId: 't-001' }))).toBeNull();
  expect((await stored(page, DB))!.events.length).toBe(before);
  await (await api(page)).evaluate((ls) => ls.resume());
  await (await api(page)).evaluate((ls) => ls.track({ kind: 'view', itemId: 't-002' }));
  expect((await stored(page, DB))!.events.some((e) => e.itemId === 't-002')).toBe(true);

  // The next page remembers the answer.
  await page.reload();
  await expect(page.locator('#trending')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  expect(await (await api(page)).evaluate((ls) => ls.privacy())).toMatchObject({
    consent: 'granted',
    persistence: 'indexeddb',
  });

  // Withdrawal: the whole database goes (and the cached model), shelves still show, nothing is stored again.
  await page.locator('#refuse').click();
  await expect.poll(() => databases(page)).toEqual([]);
  expect(await cacheNames(page)).toEqual([]);
  await expect
    .poll(() => api(page).then((h) => h.evaluate((ls) => ls.privacy())))
    .toMatchObject({
      consent: 'withdrawn',
      persistence: 'memory',
    });
  await expect(page.locator('#trending')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  await page.locator('#add-to-cart').click();
  await (await api(page)).evaluate((ls) => ls.track({ kind: 'view', itemId: 't-004' }));
  expect(await databases(page)).toEqual([]);

  // And the next page asks again, still storing nothing.
  await page.reload();
  await expect(page.locator('#trending')).toHaveAttribute('status', 'ready', { timeout: 60_000 });
  expect(await (await api(page)).evaluate((ls) => ls.privacy())).toMatchObject({ consent: 'pending' });
  expect(await databases(page)).toEqual([]);
  expect(await cacheNames(page)).toEqual([]);
  expect(errors).toEqual([]);
});
