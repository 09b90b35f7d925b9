import { Fragment, useEffect, useMemo, useState } from 'react';
import type { RankedItem } from '../../engine/index.ts';
import { ProductCard } from '../components/ProductCard.tsx';
import { useCart } from '../cart.ts';
import { useEventsSnapshot, useShop } from '../engine.tsx';
import { boostNote } from '../reason-words.ts';
import { useImpression, useSearchTracking, useTrack } from '../tracking.ts';

/** Results recorded as one impression: about what a first screen shows. */
const IMPRESSION_ITEMS = 24;

/**
 * Search: typo-tolerant lexical matching, then re-ranked for this shopper on the device.
 * Relevance comes first: results move only among matches of about the same quality
 * (the engine's rerank with the lexical scores); results that moved up say why.
 */
export function SearchPage({ query }: { query: string }) {
  const { engine, search, items } = useShop();
  const track = useTrack();
  // Not on impressions: recording what the page showed must not reorder it.
  const revision = useEventsSnapshot().interactionRevision;
  const hits = useMemo(() => search().search(query, 60), [search, query]);
  // The order for these hits; kept while a newer one is computed after the shopper's history
  // changed (a dwell recorded on leaving the last page), so the results never flash back to
  // the lexical order.
  const [rankedFor, setRankedFor] = useState<{ hits: typeof hits; result: RankedItem[] } | null>(null);
  const ranked = rankedFor?.hits === hits ? rankedFor.result : null;
  const cartLines = useCart();
  const inCart = useMemo(() => new Set(Object.keys(cartLines)), [cartLines]);
  const complete = useMemo(() => new Set(hits.filter((h) => h.complete).map((h) => h.itemId)), [hits]);

  useSearchTracking(query, hits.length);

  useEffect(() => {
    let cancelled = false;
    if (hits.length === 0) return;
    engine
      .rerank(
        hits.map((h) => h.itemId),
        { shelf: 'search', relevance: hits.map((h) => h.score) },
      )
      .then(
        (result) => !cancelled && setRankedFor({ hits, result }),
        () => !cancelled && setRankedFor({ hits, result: [] }),
      );
    return () => {
      cancelled = true;
    };
    // Re-rank when the shopper's history changes (revision).
  }, [engine, hits, revision]);

  // Until the engine answers (or if it cannot), the lexical order.
  const shown: RankedItem[] =
    ranked && ranked.length
      ? ranked
      : hits.map((h, from) => ({ itemId: h.itemId, score: null, from, reasons: [], explanation: '' }));
  const personal = ranked !== null && ranked.some((r) => r.reasons.length > 0 || r.score !== null);
  const ref = useImpression<HTMLUListElement>(
    'search',
    ranked && ranked.length ? ranked.slice(0, IMPRESSION_ITEMS) : null,
  );

  return (
    <div className="page">
      <h1>Results for “{query}”</h1>
      <p role="status" className="muted">
        {hits.length === 0
          ? 'No products match. Check the spelling or try a broader word.'
          : `${hits.length} product${hits.length === 1 ? '' : 's'}${personal ? ', ordered for you on this device' : ''}`}
      </p>
      <ul className="grid" aria-label="Search results" ref={ref}>
        {shown.map((r, position) => {
          const item = items.get(r.itemId);
          if (!item) return null;
          // Results that miss a query word come after all that match every word, under a line saying so.
          const firstPartial =
            !complete.has(r.itemId) && (position === 0 || complete.has(shown[position - 1]!.itemId));
          return (
            <Fragment key={r.itemId}>
              {firstPartial && (
                <li className="grid__divider">
                  <h2>Matching some of your words</h2>
                </li>
              )}
              <li data-lexical-rank={r.from} data-match={complete.has(r.itemId) ? 'all-words' : 'some-words'}>
                <ProductCard
                  item={item}
                  note={boostNote(r, position, inCart)}
                  onOpen={() => track({ kind: 'click', itemId: r.itemId, shelf: 'search', position })}
                />
              </li>
            </Fragment>
          );
        })}
      </ul>
    </div>
  );
}
