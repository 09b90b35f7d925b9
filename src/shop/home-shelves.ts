import type { LocalShelf, ShelfRequest } from '../engine/index.ts';
import { hasRecentAtLoad } from './recent-items.ts';
import { previewAtLoad, requestsKey } from './shelf-cache.ts';

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
 * show it (a newcomer, other shelves, nothing kept, or the store changed since the read).
 * Whether the shopper is returning is judged without the catalog: it could drop every recent
 * item, and Home then shows a newcomer's page instead, as it would have anyway.
 */
export function homePreview(engine: LocalShelf): ReturnType<typeof previewAtLoad> {
  if (!hasRecentAtLoad(engine)) return null;
  const { page, requests } = homeShelves(true);
  return previewAtLoad(engine, page, requestsKey(requests));
}
