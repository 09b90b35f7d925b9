import type { LocalShelf, Shelf, ShelfRequest } from '../engine/index.ts';
import { peekAtLoad, readAtLoad, takeAtLoad } from './load-reads.ts';
import { previewCards, type PreviewCard, type ShelfPreview } from './shelf-preview.ts';

/** The `meta` key of the last shelves each page showed (deleted with everything else by "delete everything"). */
export const SHELF_CACHE_KEY = 'shop.last-shelves';
/** Pages whose last shelves are kept: the most recently shown. */
const CACHED_PAGES = 12;

export type ShelfCache = Record<
  string,
  {
    savedAt: number;
    requests: string;
    shelves: Shelf[];
    /** Their cards, to draw them before the catalog has loaded; absent in what older versions kept. */
    preview?: ShelfPreview;
  }
>;

/** What a page's requests are matched on: its last shelves are shown only for the same requests. */
export function requestsKey(requests: readonly ShelfRequest[]): string {
  return requests
    .map((r) => `${r.kind}|${r.itemId ?? ''}|${r.itemIds?.join(',') ?? ''}|${r.limit ?? ''}`)
    .join(';');
}

/** Starts the page load's read of the last shelves (load-reads.ts). */
export function readShelvesAtLoad(engine: LocalShelf): Promise<void> {
  return readAtLoad(engine, SHELF_CACHE_KEY, () => engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY));
}

/** For the page load's first page with shelves: what it showed last time for these requests; null if none. */
export function shelvesAtLoad(engine: LocalShelf, page: string, requests: string): Shelf[] | null {
  const entry = takeAtLoad<ShelfCache | undefined>(engine, SHELF_CACHE_KEY)?.[page];
  return entry && entry.requests === requests ? entry.shelves : null;
}

/**
 * Before the catalog has loaded: the first of the shelves the page load read for `page`, with
 * its cards and the header's departments; null unless they were kept for these requests.
 * Leaves the read for the page itself (shelvesAtLoad), which takes over once the catalog is there.
 */
export function previewAtLoad(
  engine: LocalShelf,
  page: string,
  requests: string,
): { shelf: Shelf; cards: Map<string, PreviewCard>; departments: string[] } | null {
  const entry = peekAtLoad<ShelfCache | undefined>(engine, SHELF_CACHE_KEY)?.[page];
  const shelf = entry?.requests === requests ? entry.shelves[0] : undefined;
  const cards = shelf && previewCards(entry?.preview, shelf);
  return cards ? { shelf, cards, departments: entry!.preview!.departments } : null;
}

/** When `page`'s last shelves were kept, as the page load read them; null if they were not. Leaves the read for the page. */
export function savedAtLoad(engine: LocalShelf, page: string): number | null {
  return peekAtLoad<ShelfCache | undefined>(engine, SHELF_CACHE_KEY)?.[page]?.savedAt ?? null;
}

export async function readShelfCache(engine: LocalShelf): Promise<ShelfCache | undefined> {
  return engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY);
}

export async function saveShelfCache(
  engine: LocalShelf,
  page: string,
  requests: string,
  shelves: Shelf[],
  preview: ShelfPreview,
): Promise<void> {
  const cache = (await engine.events.getMeta<ShelfCache>(SHELF_CACHE_KEY)) ?? {};
  cache[page] = { savedAt: Date.now(), requests, shelves, preview };
  const kept = Object.entries(cache)
    .sort((a, b) => b[1].savedAt - a[1].savedAt)
    .slice(0, CACHED_PAGES);
  await engine.events.setMeta(SHELF_CACHE_KEY, Object.fromEntries(kept));
}
