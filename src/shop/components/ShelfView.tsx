import type { ShelfRequest } from '../../engine/index.ts';
import { useShelf, useShop } from '../engine.tsx';
import { useImpression, useTrack } from '../tracking.ts';
import { ProductCard } from './ProductCard.tsx';

interface Props {
  title: string;
  request: ShelfRequest;
  /** Shown under the title, e.g. "Because you viewed …". */
  subtitle?: string;
}

/** A row of recommendations. Records what it showed (impression) and what was opened (click). */
export function ShelfView({ title, request, subtitle }: Props) {
  const { items } = useShop();
  const { shelf, error } = useShelf(request);
  const track = useTrack();
  const shelfName = shelf?.kind ?? request.kind;
  const ref = useImpression(shelfName, shelf?.items ?? null);
  const headingId = `shelf-${request.kind}-${request.itemId ?? 'all'}`;
  if (error) {
    return (
      <section className="shelf" aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        <p className="muted">
          Recommendations are unavailable right now ({error}). The shop works without them.
        </p>
      </section>
    );
  }
  if (shelf && shelf.items.length === 0) return null;
  return (
    <section className="shelf" aria-labelledby={headingId} data-shelf={shelfName} ref={ref}>
      <h2 id={headingId}>{title}</h2>
      {subtitle && <p className="shelf__subtitle">{subtitle}</p>}
      {!shelf ? (
        <p className="muted">Finding things for you…</p>
      ) : (
        <ul className="shelf__items">
          {shelf.items.map((rec, position) => {
            const item = items.get(rec.itemId);
            if (!item) return null;
            return (
              <li key={rec.itemId}>
                <ProductCard
                  item={item}
                  recommendation={rec}
                  onOpen={() => track({ kind: 'click', itemId: rec.itemId, shelf: shelfName, position })}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
