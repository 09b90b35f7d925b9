import { useEffect, useRef } from 'react';
import type { TrackInput } from '../engine/index.ts';
import { useShop } from './engine.tsx';

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

/** Records a view when the product page opens, and how long it stayed visible (dwell) when it closes. */
export function useViewAndDwell(itemId: string): void {
  const track = useTrack();
  const trackRef = useRef(track);
  trackRef.current = track;
  useEffect(() => {
    trackRef.current({ kind: 'view', itemId });
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
      // Glimpses under a second say little; skip them.
      if (total >= 1000) trackRef.current({ kind: 'dwell', itemId, ms: Math.round(total) });
    };
  }, [itemId]);
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
  const lastKey = useRef('');
  const trackRef = useRef(track);
  trackRef.current = track;
  const key = `${sort ?? ''}|${items?.map((i) => i.itemId).join(',') ?? ''}`;
  useEffect(() => {
    const element = ref.current;
    if (!element || !items || items.length === 0 || lastKey.current === key) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting) || lastKey.current === key) return;
      lastKey.current = key;
      trackRef.current({
        kind: 'impression',
        shelf,
        items: items.map((item, position) => ({ itemId: item.itemId, position })),
        ...(sort ? { sort } : {}),
      });
      observer.disconnect();
    });
    observer.observe(element);
    return () => observer.disconnect();
    // `key` stands for `items`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shelf, key]);
  return ref;
}
