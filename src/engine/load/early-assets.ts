import { cachedEntry, mayHaveEntries } from './asset-cache.ts';

/**
 * The first reads of a page load, the catalog and the model card, started as early as the page
 * can: from a small first script while the app's own script still loads (the demo shop's
 * src/shop/early.ts), or else by LocalShelf.create(). Either way each file is asked for once:
 * create() takes over what was started early instead of asking again. Started from the app's
 * script, the reads began only after it had loaded and run (~200 ms into a reload here), and the
 * catalog's parse was the last thing the first shelf waited for.
 * This file imports nothing but the cache: the first script must stay small.
 */

/** One file's first reads. */
export interface AssetStart {
  /** The copy cached on an earlier visit (its JSON body, parsed) and its version; null when no cache is asked. */
  cached: Promise<{ body: unknown; version: string } | null> | null;
  /** The server's answer: a revalidation (no-cache) when a cached copy may exist, else the download. */
  response: Promise<Response>;
}

export const absoluteUrl = (url: string) => new URL(url, globalThis.location?.href).href;

/** The model card's URL beside the model files at `modelUrl`. */
export function modelCardUrl(modelUrl: string): string {
  return `${modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`}meta.json`;
}

function begin(url: string, useCache: boolean): AssetStart {
  // A first visit downloads at once instead of asking an empty cache first (mayHaveEntries).
  if (!useCache || !mayHaveEntries()) return quiet({ cached: null, response: fetch(url) });
  // The cache and the server are asked at once: the server's answer is the copy a miss uses, or
  // on a hit the revalidation. Asking the server only after a miss cost ~170 ms (opening the
  // Cache API) on a reload before the first store.
  const cached = cachedEntry(url)
    .then(
      async (entry) => entry && { body: (await entry.response.json()) as unknown, version: entry.version },
    )
    // A damaged entry is a miss, not an error: the network copy replaces it.
    .catch(() => null);
  return quiet({ cached, response: fetch(url, { cache: 'no-cache' }) });
}

/** A start nobody takes over must not report an unhandled rejection; whoever reads it sees the error. */
function quiet(start: AssetStart): AssetStart {
  start.response.catch(() => {});
  return start;
}

// On the global object, not in this module: the first script is bundled apart from the app.
const STARTS = Symbol.for('localshelf.asset-starts');

interface EarlyState {
  /** Started and not yet taken over, by absolute URL. */
  pending: Map<string, AssetStart>;
  /** Every request started early, for the page's network audit (installed after them). */
  requested: string[];
}

function state(): EarlyState {
  const global = globalThis as { [STARTS]?: EarlyState };
  return (global[STARTS] ??= { pending: new Map(), requested: [] });
}

/** Starts reading each URL (relative to the page) now, for LocalShelf.create() to take over. */
export function startEarlyAssets(urls: readonly string[]): void {
  const { pending, requested } = state();
  for (const url of urls.map(absoluteUrl)) {
    if (pending.has(url)) continue;
    pending.set(url, begin(url, true));
    requested.push(url);
  }
}

/** The URLs startEarlyAssets asked the server for (each a GET without a body). */
export function earlyRequests(): readonly string[] {
  return state().requested;
}

/** What was started early for `url` (absolute), once; otherwise starts it now. */
export function takeAssetStart(url: string, useCache: boolean): AssetStart {
  const { pending } = state();
  const early = pending.get(url);
  if (!early) return begin(url, useCache);
  pending.delete(url);
  return early;
}
