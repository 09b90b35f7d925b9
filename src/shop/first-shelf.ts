/**
 * The page's first shelf on screen: the last visit's (drawn from IndexedDB) or a fresh one.
 * Each is marked once for the benchmarks (`localshelf:cached-shelf`,
 * `localshelf:first-recommendation`), and work that can wait (parsing the picture bundle)
 * waits for the first of them instead of sharing the main thread with it.
 */
export type ShelfSource = 'cached' | 'fresh';

const MARKS: Record<ShelfSource, string> = {
  cached: 'localshelf:cached-shelf',
  fresh: 'localshelf:first-recommendation',
};

let resolveDrawn: () => void = () => {};
const drawn = new Promise<void>((resolve) => {
  resolveDrawn = resolve;
});

/** Called by whatever just committed a shelf with items to the page (from an effect, so after the commit). */
export function shelfDrawn(source: ShelfSource): void {
  if (performance.getEntriesByName(MARKS[source]).length === 0) performance.mark(MARKS[source]);
  resolveDrawn();
}

/** Resolves once the page has drawn its first shelf (cached or fresh). */
export function firstShelfDrawn(): Promise<void> {
  return drawn;
}
