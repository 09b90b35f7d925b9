import type { Catalog } from '../catalog/schema.ts';
import { loadCatalog, storedCatalog, validateCatalog } from '../catalog/validate.ts';
import { hashToken } from '../model/content.ts';
import { fetchModelCard, parseModelCard, type ModelMeta } from '../model/model-card.ts';
import { cachedEntry, mayHaveEntries, storeEntry } from './asset-cache.ts';

/**
 * What the page reads once per page load: the model card and the catalog. Each comes from the
 * Cache API when an earlier page stored it (no wait for the network), and is revalidated in the
 * background; `update` then resolves with the newer copy, or null when nothing changed.
 */
export interface CachedAsset<T> {
  value: Promise<T>;
  update: Promise<T | null>;
}

/** Version plus a content hash: a catalog edited without bumping its `version` is still noticed. */
function contentVersion(version: string, value: unknown): string {
  return `${version}#${hashToken(JSON.stringify(value)).toString(16)}`;
}

function cachedAsset<T>(
  key: string,
  /** Fetches (with the given fetch), parses and validates a fresh copy. */
  download: (fetchImpl: typeof fetch) => Promise<T>,
  /** Reads back what this cache stored (already validated when it was downloaded). */
  parseStored: (raw: unknown) => T,
  versionOf: (value: T) => string,
  useCache: boolean,
): CachedAsset<T> {
  if (!useCache) return { value: download(fetch), update: Promise.resolve(null) };
  const store = (value: T) => storeEntry(key, JSON.stringify(value), versionOf(value), 'application/json');
  // Written when the page is idle: serialising and hashing a 1 MB catalog (~60 ms) is not the
  // first shelf's business (storeEntry's own failures only cost the next page a download).
  // A 500 ms cap still landed it before a loaded first visit's first shelf; 1.5 s does not.
  const storeWhenIdle = (fresh: T) => void whenIdle(1500).then(() => store(fresh));
  if (!mayHaveEntries()) {
    // A first visit downloads at once instead of asking an empty cache first.
    const value = download(fetch).then((fresh) => {
      storeWhenIdle(fresh);
      return fresh;
    });
    return { value, update: Promise.resolve(null) };
  }
  // The cache and the server are asked at once: the server's answer is the copy a miss uses,
  // or on a hit the revalidation, parsed only once the page is idle. Asking the server only
  // after a miss cost ~170 ms (opening the Cache API) on a reload before the first store.
  let request: Promise<Response> | null = null;
  const theRequest: typeof fetch = (input, init) => (request ??= noCache(input, init));
  theRequest(key).catch(() => {}); // its failure is reported by whichever download reads it
  const stale = cachedEntry(key).then(async (entry) => {
    if (!entry) return null;
    try {
      // The tag was written with the body (storeEntry); hashing a 1 MB catalog again here
      // would sit on the first shelf's path. A damaged body fails to parse or parseStored's check.
      return { value: parseStored(await entry.response.json()), version: entry.version };
    } catch {
      // A damaged entry is a miss, not an error: the network copy replaces it.
      return null;
    }
  });
  const value = stale.then(async (hit) => {
    if (hit) return hit.value;
    const fresh = await download(theRequest);
    storeWhenIdle(fresh);
    return fresh;
  });
  const update = stale.then(async (hit) => {
    if (!hit) return null;
    // After the page has drawn: the parse and hash would compete with the first shelf.
    await whenIdle();
    const fresh = await download(theRequest);
    if (versionOf(fresh) === hit.version) return null;
    await store(fresh);
    return fresh;
  });
  // Callers that only need `value` must not see an unhandled rejection from `update`.
  update.catch(() => {});
  return { value, update };
}

/** Resolves when the page is idle (at most `timeoutMs` later), or after a moment where idle callbacks are missing. */
function whenIdle(timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 200);
  });
}

const absolute = (url: string) => new URL(url, globalThis.location?.href).href;
/** Asks the server (a 304 costs no download) instead of trusting the HTTP cache. */
const noCache: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-cache' });

/** The model card beside `modelUrl`, cached across page loads unless `useCache` is false. */
export function pageModelCard(modelUrl: string, useCache = true): CachedAsset<ModelMeta> {
  const base = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  const url = `${base}meta.json`;
  return cachedAsset(
    absolute(url),
    (fetchImpl) => fetchModelCard(base, fetchImpl),
    (raw) => parseModelCard(raw, url),
    (card) => contentVersion(card.version, card),
    useCache,
  );
}

/** The catalog: given by the site (validated here), or fetched from its URL and cached across page loads. */
export function pageCatalog(source: string | Catalog, useCache = true): CachedAsset<Catalog> {
  if (typeof source !== 'string') {
    const value = Promise.resolve().then(() => validateCatalog(source));
    return { value, update: Promise.resolve(null) };
  }
  return cachedAsset(
    absolute(source),
    (fetchImpl) => loadCatalog(source, fetchImpl),
    storedCatalog,
    (catalog) => contentVersion(catalog.version, catalog),
    useCache,
  );
}
