import { useEffect, useMemo, useState } from 'react';
import type { ItemScore, Reason } from '../../engine/index.ts';
import { ProductCard } from '../components/ProductCard.tsx';
import { useEventsSnapshot, useShop } from '../engine.tsx';
import { useTrack } from '../tracking.ts';

/** How much the shopper's own taste can move a lexical match (in standard deviations of the personal score). */
const PERSONAL_WEIGHT = 0.35;

interface Ranked {
  itemId: string;
  lexicalRank: number;
  boost: number;
  because: Reason | undefined;
}

/**
 * Search: typo-tolerant lexical matching, then re-ranked for this shopper by the
 * on-device model. Results that moved up say why.
 */
export function SearchPage({ query }: { query: string }) {
  const { engine, search, items } = useShop();
  const track = useTrack();
  const revision = useEventsSnapshot().revision;
  const hits = useMemo(() => search().search(query, 60), [search, query]);
  const [personal, setPersonal] = useState<ItemScore[] | null>(null);

  useEffect(() => {
    if (query.trim()) track({ kind: 'search', query, resultCount: hits.length });
    // Record each query once, not on every re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  useEffect(() => {
    let cancelled = false;
    setPersonal(null);
    if (hits.length === 0) return;
    engine.scoreItems(hits.map((h) => h.itemId)).then(
      (scores) => !cancelled && setPersonal(scores),
      () => !cancelled && setPersonal([]),
    );
    return () => {
      cancelled = true;
    };
    // Re-score when the shopper's history changes (revision).
  }, [engine, hits, revision]);

  const ranked: Ranked[] = useMemo(() => {
    const maxLexical = hits[0]?.score ?? 1;
    const known = (personal ?? []).filter((p) => p.score !== null);
    const mean = known.reduce((s, p) => s + p.score!, 0) / Math.max(1, known.length);
    const sd =
      Math.sqrt(known.reduce((s, p) => s + (p.score! - mean) ** 2, 0) / Math.max(1, known.length)) || 1;
    const byId = new Map((personal ?? []).map((p) => [p.itemId, p]));
    return hits
      .map((hit, lexicalRank) => {
        const p = byId.get(hit.itemId);
        const boost = p?.score != null && known.length > 1 ? (PERSONAL_WEIGHT * (p.score - mean)) / sd : 0;
        return {
          itemId: hit.itemId,
          lexicalRank,
          score: hit.score / maxLexical + boost,
          boost,
          because: p?.reasons[0],
        };
      })
      .sort((a, b) => b.score - a.score);
  }, [hits, personal]);

  return (
    <div className="page">
      <h1>Results for “{query}”</h1>
      <p role="status" className="muted">
        {hits.length === 0
          ? 'No products match. Check the spelling or try a broader word.'
          : `${hits.length} product${hits.length === 1 ? '' : 's'}${personal && personal.some((p) => p.score !== null) ? ', ordered for you on this device' : ''}`}
      </p>
      <ul className="grid" aria-label="Search results">
        {ranked.map((r, position) => {
          const item = items.get(r.itemId);
          if (!item) return null;
          const moved = r.lexicalRank - position;
          const note =
            moved > 0 && r.because?.type === 'history'
              ? `↑ Boosted for you: you viewed ${r.because.title}`
              : moved > 0
                ? '↑ Boosted for your taste'
                : undefined;
          return (
            <li key={r.itemId} data-lexical-rank={r.lexicalRank}>
              <ProductCard
                item={item}
                note={note}
                onOpen={() => track({ kind: 'click', itemId: r.itemId, shelf: 'search', position })}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
