/**
 * The browser's Cache API as LocalShelf's store for what it downloads (model files, the model
 * card, the catalog), so the next page of a multi-page site starts from disk. Each entry is
 * tagged with the version it holds; a lookup for another version misses, so an update on the
 * server is fetched again. Where the Cache API is missing (an insecure page, some private
 * modes) everything is fetched as before.
 */

/** The one cache LocalShelf writes; bump the suffix when the entry format or what a stored catalog must satisfy (validateCatalog) changes. */
export const ASSET_CACHE = 'localshelf-assets-v1';
const VERSION_HEADER = 'x-localshelf-version';
/**
 * A localStorage flag set once this page's origin stored an entry: on a first visit the page
 * skips the lookup and downloads at once (opening the Cache API cost ~160 ms of a cold first
 * shelf here). Where localStorage is missing (a worker, a locked-down page) every lookup runs.
 */
const STORED_FLAG = `${ASSET_CACHE}:stored`;

/** The part of localStorage used here (the worker's TypeScript project has no DOM types). */
interface FlagStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(): FlagStorage | null {
  try {
    return (globalThis as { localStorage?: FlagStorage }).localStorage ?? null;
  } catch {
    return null; // some privacy settings throw on the very access
  }
}

/** False only when this origin has certainly never stored an entry (so a lookup would miss). */
export function mayHaveEntries(): boolean {
  const local = storage();
  if (!local) return true;
  try {
    return local.getItem(STORED_FLAG) !== null;
  } catch {
    return true;
  }
}

/** Deletes every cached copy, and the flag that says there are some. */
export async function forgetAssetCache(): Promise<void> {
  try {
    storage()?.removeItem(STORED_FLAG);
  } catch {
    // nothing to remove where localStorage cannot be used
  }
  if (typeof caches !== 'undefined') await caches.delete(ASSET_CACHE).catch(() => false);
}

async function openCache(): Promise<Cache | null> {
  try {
    if (typeof caches === 'undefined') return null;
    return await caches.open(ASSET_CACHE);
  } catch {
    // Opaque origins and some private modes refuse the Cache API: work uncached.
    return null;
  }
}

/** The cached copy of `url` and the version it was stored under; null when there is none. */
export async function cachedEntry(url: string): Promise<{ response: Response; version: string } | null> {
  const cache = await openCache();
  // A cache that cannot be read is a miss: the caller downloads instead.
  const hit = await cache?.match(url).catch(() => undefined);
  const version = hit?.headers.get(VERSION_HEADER);
  return hit && version ? { response: hit, version } : null;
}

/** Stores `body` for `url` under `version` (failures only cost the next page a download). */
export async function storeEntry(
  url: string,
  body: BodyInit,
  version: string,
  contentType: string,
): Promise<void> {
  const cache = await openCache();
  // A cache that cannot store (quota, a private window) costs only a download on the next page.
  const stored = await cache
    ?.put(url, new Response(body, { headers: { 'content-type': contentType, [VERSION_HEADER]: version } }))
    .then(() => true)
    .catch(() => false);
  if (stored) {
    try {
      storage()?.setItem(STORED_FLAG, '1');
    } catch {
      // a full or refused localStorage only costs the next page its lookup-free start
    }
  }
}

/**
 * A fetch for tfjs's model loader: model.json and weight files come from the cache when stored
 * under `version`, otherwise from the network (then stored under it).
 */
export function versionedFetch(version: string, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const cached = await cachedEntry(url);
    if (cached?.version === version) return cached.response;
    const response = await fetchImpl(input, init);
    if (!response.ok) return response;
    const body = await response.arrayBuffer();
    await storeEntry(
      url,
      body.slice(0),
      version,
      response.headers.get('content-type') ?? 'application/octet-stream',
    );
    return new Response(body, { status: response.status, headers: response.headers });
  };
}
