import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';

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
    // No update() here: reading the widths in an effect forces a layout before the first paint
    // (~15 ms per row on a return visit); the observer's first callback comes after layout.
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

interface Props {
  title: string;
  /** Heading id, for the section's and the list's label. */
  headingId: string;
  subtitle?: string;
  /** The row's items (<li>s); absent while the shelf loads (`waiting` is shown instead). */
  children?: ReactNode;
  waiting?: ReactNode;
  /** The section element, e.g. for impressions; and attributes such as data-shelf. */
  sectionRef?: Ref<HTMLElement>;
  data?: Record<`data-${string}`, string>;
}

/** A titled row of cards that scrolls sideways, with back / on buttons when it overflows. */
export function ShelfRow({ title, headingId, subtitle, children, waiting, sectionRef, data }: Props) {
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  const edges = useScrollEdges(list);
  const scroll = (direction: 1 | -1) =>
    listRef.current?.scrollBy({ left: direction * listRef.current.clientWidth * 0.8, behavior: 'smooth' });
  return (
    <section className="shelf" aria-labelledby={headingId} ref={sectionRef} {...data}>
      <div className="shelf__head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {subtitle && <p className="shelf__subtitle">{subtitle}</p>}
        </div>
        {children && (edges.left || edges.right) && (
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
      {children ? (
        <ul
          className="shelf__items"
          aria-labelledby={headingId}
          ref={(element) => {
            listRef.current = element;
            setList(element);
          }}
        >
          {children}
        </ul>
      ) : (
        waiting
      )}
    </section>
  );
}
