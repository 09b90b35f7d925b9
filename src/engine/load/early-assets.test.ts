import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyRequests, startEarlyAssets, takeAssetStart } from './early-assets.ts';

describe('early asset requests', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('localshelf.asset-starts')];
  });

  it('are taken over once by whoever reads the file, then read afresh', async () => {
    const fetches: string[] = [];
    vi.stubGlobal('location', { href: 'https://shop.example/index.html' });
    // A first visit: no localStorage flag, so no cache lookup, a plain download.
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {}, removeItem: () => {} });
    vi.stubGlobal('fetch', (url: string) => {
      fetches.push(url);
      return Promise.resolve(new Response(`{"n":${fetches.length}}`));
    });
    startEarlyAssets(['/catalog.json', '/catalog.json', 'models/meta.json']);
    expect(fetches).toEqual(['https://shop.example/catalog.json', 'https://shop.example/models/meta.json']);
    expect(earlyRequests()).toEqual(fetches);

    const early = takeAssetStart('https://shop.example/catalog.json', true);
    expect(early.cached).toBeNull();
    expect(await (await early.response).json()).toEqual({ n: 1 });
    expect(fetches).toHaveLength(2);
    // Taken: the next reader (a second engine on the page) asks the server itself.
    const again = takeAssetStart('https://shop.example/catalog.json', true);
    expect(await (await again.response).json()).toEqual({ n: 3 });
  });
});
