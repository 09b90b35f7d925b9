import { useEffect, useRef, useState } from 'react';
import { useShop } from '../engine.tsx';
import type { PageShelf } from '../page-shelves.ts';
import { useImpression, useTrack } from '../tracking.ts';
import { ProductCard } from './ProductCard.tsx';

interface Props {
  title: string;
  /** The shelf as the page resolved it (see usePageShelves). */
  result: PageShelf;
  /** Names the shelf in the page, for its heading id (e.g. "for-you", "similar-p-0001"). */
  id: string;
  /** Shown under the title, e.g. "Where shoppers went next". */
  subtitle?: string;
}

/** Whether the row can scroll further left / right, kept up to date as it scrolls or resizes. */
function useScrollEdges(list: HTMLUListElement | null): { left: boolean; right: boolean } {
  const [edges, setEdges] = useState({ left: false, right: false });
  useEffect(() => {
    if (!list) return;
    const update = () =>
      setEdges({
        left: list.scrollLeft > 1,
        right: list.scrollLeft + list.clientWidth < list.scrollWidth - 1,
      });
    update();
    list.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(list);
    return () => {
      list.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [list]);
  return edges;
}

/** A row of recommendations with scroll buttons. Records what it showed (impression) and what was opened (click). */
export function ShelfView({ title, result, id, subtitle }: Props) {
  const { items } = useShop();
  const { shelf, error, source } = result;
  const track = useTrack();
  const shelfName = shelf?.kind ?? id;
  // A shelf from the last visit is not recorded as shown: the fresh one replaces it in a moment.
  const ref = useImpression(shelfName, source === 'fresh' ? (shelf?.items ?? null) : null);
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  const edges = useScrollEdges(list);
  const headingId = `shelf-${id}`;
  const scroll = (direction: 1 | -1) =>
    listRef.current?.scrollBy({ left: direction * listRef.current.clientWidth * 0.8, behavior: 'smooth' });
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
    <section
      className="shelf"
      aria-labelledby={headingId}
      data-shelf={shelfName}
      data-shelf-source={source ?? 'loading'}
      ref={ref}
    >
      <div className="shelf__head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle && <p className="shelf__subtitle">{subtitle}</p>}
        </div>
        {shelf && (edges.left || edges.right) && (
          <div className="shelf__scroll">
            <button
              type="button"
              className="button button--icon"
              onClick={() => scroll(-1)}
              disabled={!edges.left}
              aria-label={`Scroll ${title} back`}
            >
              ‹
            </button>
            <button
              type="button"
              className="button button--icon"
              onClick={() => scroll(1)}
              disabled={!edges.right}
              aria-label={`Scroll ${title} on`}
            >
              ›
            </button>
          </div>
        )}
      </div>
      {!shelf ? (
        <p className="muted">Finding things for you…</p>
      ) : (
        <ul
          className="shelf__items"
          aria-labelledby={headingId}
          ref={(element) => {
            listRef.current = element;
            setList(element);
          }}
        >
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
