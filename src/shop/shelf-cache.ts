import type { LocalShelf, Shelf } from '../engine/index.ts';
import { readAtLoad, takeAtLoad } from './load-reads.ts';

/** The `meta` key of the last shelves each page showed (deleted with everything else by "delete everything"). */
export const SHELF_CACHE_KEY = 'shop.last-shelves';
/** Pages whose last shelves are kept: the most recently shown. */
const CACHED_PAGES = 12;

export type ShelfCache = Record<string, { savedAt: number; requests: string; shelves: Shelf[] }>;

/** Starts the page load's read of the last shelves (load-reads.ts). */
export function readShelvesAtLoad(engine: LocalShelf): Promise<void> {
  return readAtLoad(engine, SHELF_CACHE_KEY, () => engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY));
}

/** For the page load's first page with shelves: what it showed last time for these requests; null if none. */
export function shelvesAtLoad(engine: LocalShelf, page: string, requests: string): Shelf[] | null {
  const entry = takeAtLoad<ShelfCache | undefined>(engine, SHELF_CACHE_KEY)?.[page];
  return entry && entry.requests === requests ? entry.shelves : null;
}

export async function readShelfCache(engine: LocalShelf): Promise<ShelfCache | undefined> {
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
