import type { LocalShelf, Shelf } from '../engine/index.ts';

/** The `meta` key of the last shelves each page showed (deleted with everything else by "delete everything"). */
export const SHELF_CACHE_KEY = 'shop.last-shelves';
/** Pages whose last shelves are kept: the most recently shown. */
const CACHED_PAGES = 12;

export type ShelfCache = Record<string, { savedAt: number; requests: string; shelves: Shelf[] }>;

/**
 * The first read of a page load starts as soon as the engine is there (session.ts), so it
 * overlaps the catalog's parse and the first render instead of following them; later reads
 * (after navigating) ask IndexedDB again.
 */
const firstReads = new WeakMap<LocalShelf, Promise<ShelfCache | undefined>>();

export function primeShelfCache(engine: LocalShelf): void {
  const read = engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY);
  read.catch(() => {}); // the reader reports it
  firstReads.set(engine, read);
}

export function readShelfCache(engine: LocalShelf): Promise<ShelfCache | undefined> {
  const primed = firstReads.get(engine);
  if (primed) {
    firstReads.delete(engine);
    return primed;
  }
  return engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY);
}

export async function saveShelfCache(
  engine: LocalShelf,
  page: string,
  requests: string,
  shelves: Shelf[],
): Promise<void> {
  const cache = (await engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY)) ?? {};
  cache[page] = { savedAt: Date.now(), requests, shelves };
  const kept = Object.entries(cache)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, CACHED_PAGES);
  await engine.events.setMeta(SHELF_CACHE_KEY, Object.fromEntries(kept));
}
