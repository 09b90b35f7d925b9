import type { LocalShelf, ShelfRequest } from '../engine/index.ts';
import { previewAtLoad, requestsKey, savedAtLoad } from './shelf-cache.ts';

/** Home's shelves: "for you" then "trending" for a returning shopper, "trending" alone for a newcomer. */
export function homeShelves(returning: boolean): { page: string; requests: ShelfRequest[] } {
  return returning
    ? {
        page: 'home',
        requests: [
          { kind: 'for-you', limit: 8 },
          { kind: 'trending', limit: 8 },
        ],
      }
    : { page: 'home-new', requests: [{ kind: 'trending', limit: 8 }] };
}

/**
 * For a returning shopper, before the catalog has loaded: the "for you" that Home will show
 * first (its last visit's, read at load), with the cards to draw it; null when Home would not
 * show it (other shelves, nothing kept, or the store changed since the read).
 * Home tells a returning shopper by the recent items the catalog still has; before it, the
 * page Home showed last stands in (no trip to IndexedDB for the steps on the preview's path).
 * Where they disagree (retention dropped every view, the catalog every viewed item), Home
 * replaces the preview with a newcomer's page a moment later.
 */
export function homePreview(engine: LocalShelf): ReturnType<typeof previewAtLoad> {
  const newcomer = homeShelves(false).page;
  const { page, requests } = homeShelves(true);
  if ((savedAtLoad(engine, page) ?? -1) < (savedAtLoad(engine, newcomer) ?? -1)) return null;
  return previewAtLoad(engine, page, requestsKey(requests));
}
