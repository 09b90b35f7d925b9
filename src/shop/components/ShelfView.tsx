import { useShop } from '../engine.tsx';
import type { PageShelf } from '../page-shelves.ts';
import { useImpression, useTrack } from '../tracking.ts';
import { ProductCard } from './ProductCard.tsx';
import { ShelfRow } from './ShelfRow.tsx';

interface Props {
  title: string;
  /** The shelf as the page resolved it (see usePageShelves). */
  result: PageShelf;
  /** Names the shelf in the page, for its heading id (e.g. "for-you", "similar"). */
  id: string;
  /** Shown under the title, e.g. "Where shoppers went next". */
  subtitle?: string;
}

/** A row of recommendations. Records what it showed (impression) and what was opened (click). */
export function ShelfView({ title, result, id, subtitle }: Props) {
  const { items } = useShop();
  const { shelf, error, source } = result;
  const track = useTrack();
  const shelfName = shelf?.kind ?? id;
  // A shelf from the last visit is not recorded as shown: the fresh one replaces it in a moment.
  const ref = useImpression(shelfName, source === 'fresh' ? (shelf?.items ?? null) : null);
  const headingId = `shelf-${id}`;
  if (source === 'pending') return null;
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
  // An empty shelf is left out; the reason is on the element for the devtools and tests.
  if (shelf && shelf.items.length === 0)
    return <section hidden data-shelf={shelfName} data-empty-reason={shelf.empty ?? 'no items'} />;
  return (
    <ShelfRow
      title={title}
      headingId={headingId}
      subtitle={subtitle}
      sectionRef={ref}
      data={{ 'data-shelf': shelfName, 'data-shelf-source': source ?? 'loading' }}
      waiting={<p className="muted">Finding things for you…</p>}
    >
      {shelf?.items.map((rec, position) => {
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
    </ShelfRow>
  );
}
