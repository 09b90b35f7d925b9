import { afterEach, describe, expect, it } from 'vitest';
import { forgetAssetCache, mayHaveEntries, storeEntry } from './asset-cache.ts';

/** A localStorage and a Cache API with just what asset-cache.ts calls. */
function fakeBrowser(options: { putFails?: boolean } = {}) {
  const items = new Map<string, string>();
  const entries = new Map<string, Response>();
  const g = globalThis as Record<string, unknown>;
  g.localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
  g.caches = {
    open: () =>
      Promise.resolve({
        put: (url: string, r: Response) =>
          options.putFails ? Promise.reject(new Error('quota')) : Promise.resolve(void entries.set(url, r)),
        match: (url: string) => Promise.resolve(entries.get(url)),
      }),
    delete: () => Promise.resolve(entries.clear() === undefined),
  };
  return { items, entries };
}

describe('the asset cache flag', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).localStorage;
    delete (globalThis as Record<string, unknown>).caches;
  });

  it('lets a first visit skip the lookup, until an entry is stored, and again after forgetting', async () => {
    const { entries } = fakeBrowser();
    expect(mayHaveEntries()).toBe(false);
    await storeEntry('https://shop.example/catalog.json', '{}', 'v1', 'application/json');
    expect(entries.size).toBe(1);
    expect(mayHaveEntries()).toBe(true);
    await forgetAssetCache();
    expect(entries.size).toBe(0);
    expect(mayHaveEntries()).toBe(false);
  });

  it('stays unset when the cache refused the entry', async () => {
    fakeBrowser({ putFails: true });
    await storeEntry('https://shop.example/catalog.json', '{}', 'v1', 'application/json');
    expect(mayHaveEntries()).toBe(false);
  });

  it('cannot rule entries out without localStorage (a worker): every lookup runs', () => {
    expect(mayHaveEntries()).toBe(true);
  });
});
