import { useEffect, useMemo, useState } from 'react';
import type { Shelf, ShelfRequest } from '../engine/index.ts';
import { distinctShelves } from './distinct-shelves.ts';
import { cart } from './cart.ts';
import { shelfDrawn } from './first-shelf.ts';
import { useEngineState, useEventsSnapshot, useShop } from './engine.tsx';
import { readShelfCache, requestsKey as keyOf, saveShelfCache, shelvesAtLoad } from './shelf-cache.ts';
import { previewOf } from './shelf-preview.ts';

/** One shelf of a page as shown: where it came from (`data-shelf-source` on the shelf). */
export interface PageShelf {
  shelf: Shelf | null;
  error: string | null;
  /**
   * "cached": the shelves this page showed on the shopper's last visit, from IndexedDB,
   * shown at once while the model loads; "fresh": computed now; "pending": the last visit's
   * are being looked up (a few ms; nothing is drawn, so the shelf never flashes "loading"
   * first). Null while neither is there.
   */
  source: 'cached' | 'fresh' | 'pending' | null;
}

/**
 * The shelves of one page, in page order, with no item on two of them (each is asked for
 * leaving out what the shelves above it show; distinctShelves guards the result). Recomputed when the shopper's history or the personal
 * model changes. A returning shopper first sees the shelves this page showed last time.
 */
export function usePageShelves(page: string, requests: readonly ShelfRequest[]): PageShelf[] {
  const { engine, items, departments } = useShop();
  // Not on impressions: a shelf is not reshuffled because it was shown; that counts on the next visit.
  const revision = useEventsSnapshot().interactionRevision;
  const paused = useEventsSnapshot().paused;
  const state = useEngineState();
  const requestsKey = keyOf(requests);
  const limits = useMemo(() => requests.map((r) => r.limit ?? 8), [requestsKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const [fresh, setFresh] = useState<{
    key: string;
    results: ({ shelf: Shelf } | { error: string } | null)[];
  }>({
    key: '',
    results: [],
  });
  const [cached, setCached] = useState<{ key: string; shelves: Shelf[] | null } | null>(() => {
    // A page that does not know its shelves yet leaves the read for the render that does.
    const shelves = requests.length ? shelvesAtLoad(engine, page, requestsKey) : null;
    return shelves && { key: requestsKey, shelves };
  });
  const modelKey = `${state.status}|${state.model?.personal.savedAt ?? ''}|${state.model?.reranker.personal ?? ''}`;

  useEffect(() => {
    let cancelled = false;
    void readShelfCache(engine)
      .then((cache) => {
        const entry = cache?.[page];
        // Already drawn from the page load's read: the same shelves, no second render.
        if (!cancelled && entry && entry.requests === requestsKey)
          setCached((prev) =>
            prev?.key === requestsKey ? prev : { key: requestsKey, shelves: entry.shelves },
          );
      })
      .catch((e: unknown) =>
        console.warn(`LocalShelf: the last shelves could not be read (${(e as Error).message}).`),
      );
    return () => {
      cancelled = true;
    };
  }, [engine, page, requestsKey]);

  useEffect(() => {
    if (requests.length === 0) return;
    let cancelled = false;
    const settle = (i: number, result: { shelf: Shelf } | { error: string }) =>
      setFresh((prev) => {
        const results = prev.key === requestsKey ? [...prev.results] : requests.map(() => null);
        results[i] = result;
        return { key: requestsKey, results };
      });
    // In page order, each shelf told what the ones above it show, so it picks others under its own caps.
    void (async () => {
      const above: string[] = [];
      for (const [i, request] of requests.entries()) {
        try {
          const shelf = await engine.recommend(above.length ? { ...request, exclude: [...above] } : request);
          above.push(...shelf.items.map((r) => r.itemId));
          if (!cancelled) settle(i, { shelf });
        } catch (e) {
          if (!cancelled) settle(i, { error: (e as Error).message });
        }
        if (cancelled) return;
      }
    })();
    return () => {
      cancelled = true;
    };
    // The key stands for the request objects, which callers rebuild on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, requestsKey, revision, modelKey]);

  const results = fresh.key === requestsKey ? fresh.results : requests.map(() => null);
  const complete = results.length === requests.length && results.every((r) => r !== null);
  const distinct = useMemo(
    () =>
      distinctShelves(
        results.map((r, i) =>
          r === null ? null : 'shelf' in r ? r.shelf : { kind: requests[i]!.kind, anchor: null, items: [] },
        ),
        limits,
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [results, limits],
  );

  // Remember what the page showed, for the next visit (not while tracking is paused), with
  // their cards: the next visit draws them before the catalog has loaded.
  useEffect(() => {
    if (!complete || paused || !distinct.every((s) => s && s.items.length)) return;
    const shelves = distinct as Shelf[];
    void saveShelfCache(engine, page, requestsKey, shelves, previewOf(shelves, items, departments)).catch(
      (e: unknown) =>
        console.warn(
          `LocalShelf: the shelves could not be kept for the next visit (${(e as Error).message}).`,
        ),
    );
  }, [complete, distinct, paused, engine, page, requestsKey, items, departments]);

  useEffect(() => {
    if (distinct.some((s) => s && s.items.length > 0)) shelfDrawn('fresh');
  }, [distinct]);

  const looked = cached?.key === requestsKey;
  const useCache = !complete && looked && cached.shelves !== null;
  useEffect(() => {
    if (useCache) shelfDrawn('cached');
  }, [useCache]);

  return requests.map((_, i) => {
    if (!looked && !complete) return { shelf: null, error: null, source: 'pending' };
    if (useCache) {
      const shelf = cached!.shelves![i] ?? null;
      // What went into the cart since is no longer a recommendation.
      const inCart = cart.lines();
      return {
        shelf: shelf && { ...shelf, items: shelf.items.filter((r) => !(r.itemId in inCart)) },
        error: null,
        source: 'cached',
      };
    }
    const r = results[i];
    if (r && 'error' in r) return { shelf: null, error: r.error, source: 'fresh' };
    const shelf = distinct[i] ?? null;
    return { shelf, error: null, source: shelf ? 'fresh' : null };
  });
}
