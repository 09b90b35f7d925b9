import { useEffect, useRef } from 'react';
import type { TrackInput } from '../engine/index.ts';
import { useShop } from './engine.tsx';
import { currentNavigation } from './router.ts';

/** Tracks without ever breaking the page: a refused or failed event is logged, not thrown. */
export function useTrack(): (event: TrackInput) => void {
  const { engine } = useShop();
  return (event) => {
    engine
      .track(event)
      .catch((e: unknown) =>
        console.warn(`LocalShelf did not record a ${event.kind} event: ${(e as Error).message}`),
      );
  };
}

/** Actions already recorded, as "navigation|action" → navigation (pruned as the shopper moves on). */
const recorded = new Map<string, number>();

/**
 * True the first time an action is claimed for a navigation, false after: effects may run
 * twice (StrictMode in development) or a page may re-mount, but the shopper acted once.
 */
export function claimOnce(navigation: number, action: string): boolean {
  const key = `${navigation}|${action}`;
  if (recorded.has(key)) return false;
  recorded.set(key, navigation);
  for (const [k, n] of recorded) if (n < navigation - 5) recorded.delete(k);
  return true;
}

/** Records a view when the product page opens, and how long it stayed visible (dwell) when it closes. */
export function useViewAndDwell(itemId: string): void {
  const track = useTrack();
  const trackRef = useRef(track);
  trackRef.current = track;
  useEffect(() => {
    const navigation = currentNavigation();
    if (claimOnce(navigation, `view:${itemId}`)) trackRef.current({ kind: 'view', itemId });
    let visibleSince: number | null = document.visibilityState === 'visible' ? performance.now() : null;
    let total = 0;
    const onVisibility = () => {
      if (document.visibilityState === 'visible') visibleSince = performance.now();
      else if (visibleSince !== null) {
        total += performance.now() - visibleSince;
        visibleSince = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      if (visibleSince !== null) total += performance.now() - visibleSince;
      // Glimpses under a second say little; skip them (StrictMode's instant re-mount is one).
      if (total >= 1000 && claimOnce(navigation, `dwell:${itemId}`))
        trackRef.current({ kind: 'dwell', itemId, ms: Math.round(total) });
    };
  }, [itemId]);
}

/** Records a search once per navigation to its results. */
export function useSearchTracking(query: string, resultCount: number): void {
  const track = useTrack();
  const trackRef = useRef(track);
  trackRef.current = track;
  const countRef = useRef(resultCount);
  countRef.current = resultCount;
  useEffect(() => {
    if (query.trim() && claimOnce(currentNavigation(), `search:${query}`))
      trackRef.current({ kind: 'search', query, resultCount: countRef.current });
  }, [query]);
}

/** Records one impression per distinct list a shelf shows, once it is on screen. */
export function useImpression<E extends HTMLElement = HTMLElement>(
  shelf: string,
  items: readonly { itemId: string }[] | null,
  /** The order the shopper chose for the list, when not the shop's own (e.g. "price-asc"). */
  sort?: string,
) {
  const track = useTrack();
  const ref = useRef<E | null>(null);
  const trackRef = useRef(track);
  trackRef.current = track;
  const key = `${sort ?? ''}|${items?.map((i) => i.itemId).join(',') ?? ''}`;
  useEffect(() => {
    const element = ref.current;
    if (!element || !items || items.length === 0) return;
    const action = `impression:${shelf}:${key}`;
    const navigation = currentNavigation();
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      if (!claimOnce(navigation, action)) return;
      trackRef.current({
        kind: 'impression',
        shelf,
        items: items.map((item, position) => ({ itemId: item.itemId, position })),
        ...(sort ? { sort } : {}),
      });
    });
    observer.observe(element);
    return () => observer.disconnect();
    // `key` stands for `items`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shelf, key]);
  return ref;
}
