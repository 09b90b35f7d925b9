import { useEffect, useMemo, useState } from 'react';
import type { RankedItem } from '../../engine/index.ts';
import { ProductCard } from '../components/ProductCard.tsx';
import { useEventsSnapshot, useShop } from '../engine.tsx';
import { useImpression, useSearchTracking, useTrack } from '../tracking.ts';

/** Results recorded as one impression: about what a first screen shows. */
const IMPRESSION_ITEMS = 24;

/** "↑ Boosted for you: you looked at this twice" for a result the shopper's own signals lifted. */
function boostNote(r: RankedItem, position: number): string | undefined {
  if (r.from <= position) return undefined;
  const reranker = r.reasons.find((reason) => reason.type === 'reranker');
  const why = reranker?.type === 'reranker' ? reranker.why[0] : undefined;
  // Other shoppers' picks are not about this shopper: say so without "for you".
  if (why?.signal === 'popular') return `↑ ${why.text}`;
  if (why) return `↑ Boosted for you: ${why.text.charAt(0).toLowerCase()}${why.text.slice(1)}`;
  const history = r.reasons.find((reason) => reason.type === 'history');
  return history?.type === 'history'
    ? `↑ Boosted for you: you viewed ${history.title}`
    : '↑ Boosted for your taste';
}

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
  const [ranked, setRanked] = useState<RankedItem[] | null>(null);

  useSearchTracking(query, hits.length);

  useEffect(() => {
    let cancelled = false;
    setRanked(null);
    if (hits.length === 0) return;
    engine
      .rerank(
        hits.map((h) => h.itemId),
        { shelf: 'search', relevance: hits.map((h) => h.score) },
      )
      .then(
        (result) => !cancelled && setRanked(result),
        () => !cancelled && setRanked([]),
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
          return (
            <li key={r.itemId} data-lexical-rank={r.from}>
              <ProductCard
                item={item}
                note={boostNote(r, position)}
                onOpen={() => track({ kind: 'click', itemId: r.itemId, shelf: 'search', position })}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
