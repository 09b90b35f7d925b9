import { useEffect, useMemo, useState } from 'react';
import type { CatalogItem } from '../../engine/index.ts';
import { ProductCard } from '../components/ProductCard.tsx';
import { useEventsSnapshot, useShop } from '../engine.tsx';
import { useImpression, useTrack } from '../tracking.ts';
import { formatPrice } from '../format.ts';
import { href } from '../router.ts';

type Sort = 'relevance' | 'price-asc' | 'price-desc' | 'name';

/** Products a category page lists at first and adds per "Show more", and how many of them one impression records (about a first screen). */
const PAGE_ITEMS = 48;
const IMPRESSION_ITEMS = 20;

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/** A department or sub-category with filters (price, brand, attributes) and sorting. */
export function CategoryPage({ path }: { path: string[] }) {
  const { catalog, engine } = useShop();
  const track = useTrack();
  // Not on impressions: recording what the page showed must not reorder it.
  const revision = useEventsSnapshot().interactionRevision;
  const inCategory = useMemo(
    () => catalog.items.filter((i) => startsWith(i.category, path)),
    [catalog, path],
  );
  const children = useMemo(
    () => [...new Set(inCategory.map((i) => i.category[path.length]).filter(Boolean))].sort() as string[],
    [inCategory, path],
  );
  const brands = useMemo(() => [...new Set(inCategory.map((i) => i.brand))].sort(), [inCategory]);
  const attributeValues = useMemo(() => {
    const values: Record<string, Set<string>> = {};
    for (const item of inCategory)
      for (const [k, v] of Object.entries(item.attributes ?? {})) (values[k] ??= new Set()).add(v);
    return Object.entries(values)
      .filter(([k]) => k !== 'size')
      .map(([k, v]) => [k, [...v].sort()] as const);
  }, [inCategory]);
  const maxPrice = Math.ceil(Math.max(0, ...inCategory.map((i) => i.price)));
  const [sort, setSort] = useState<Sort>('relevance');
  const [brand, setBrand] = useState('');
  const [priceCap, setPriceCap] = useState(maxPrice);
  const [attributes, setAttributes] = useState<Record<string, string>>({});
  const [inStockOnly, setInStockOnly] = useState(false);
  const [pages, setPages] = useState(1);

  const matching = useMemo(() => {
    const filtered = inCategory.filter(
      (i: CatalogItem) =>
        (!brand || i.brand === brand) &&
        i.price <= priceCap &&
        (!inStockOnly || i.inStock) &&
        Object.entries(attributes).every(([k, v]) => !v || i.attributes?.[k] === v),
    );
    const sorted = [...filtered];
    if (sort === 'price-asc') sorted.sort((a, b) => a.price - b.price);
    else if (sort === 'price-desc') sorted.sort((a, b) => b.price - a.price);
    else if (sort === 'name') sorted.sort((a, b) => a.title.localeCompare(b.title));
    return sorted;
  }, [inCategory, brand, priceCap, inStockOnly, attributes, sort]);
  // Filters or a new sort start from the first page again.
  const filterKey = `${brand}|${priceCap}|${inStockOnly}|${JSON.stringify(attributes)}|${sort}`;
  const [pagedFor, setPagedFor] = useState(filterKey);
  if (pagedFor !== filterKey) {
    setPagedFor(filterKey);
    setPages(1);
  }
  // The re-ranker orders what the first page holds; further pages follow in the shop's order.
  const first = useMemo(() => matching.slice(0, PAGE_ITEMS), [matching]);
  const more = matching.slice(PAGE_ITEMS, pages * PAGE_ITEMS);
  const shown = first;
  const shownKey = shown.map((i) => i.id).join(',');
  // In the shop's own order ("relevance") the page is the site's list the re-ranker orders for
  // this shopper on the device; an order the shopper chose is kept as it is.
  const [ranked, setRanked] = useState<{ key: string; ids: string[]; personal: boolean } | null>(null);
  useEffect(() => {
    if (sort !== 'relevance' || shown.length === 0) return;
    let cancelled = false;
    engine
      .rerank(
        shown.map((i) => i.id),
        { shelf: 'category' },
      )
      .then(
        (result) =>
          !cancelled &&
          setRanked({
            key: shownKey,
            ids: result.map((r) => r.itemId),
            personal: result.some((r) => r.reasons.length > 0 || r.score !== null),
          }),
        // The engine reports its own failures; the page keeps the shop's order.
        () => !cancelled && setRanked({ key: shownKey, ids: shown.map((i) => i.id), personal: false }),
      );
    return () => {
      cancelled = true;
    };
    // `shownKey` stands for `shown`; re-rank when the shopper's history changes (revision).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, shownKey, sort, revision]);
  const byId = useMemo(() => new Map(shown.map((i) => [i.id, i])), [shown]);
  const reordered = sort === 'relevance' && ranked?.key === shownKey;
  const listed = reordered ? ranked.ids.flatMap((id) => byId.get(id) ?? []) : shown;
  // Recorded once the order is final: the re-ranked one, or the shopper's own sort.
  const ref = useImpression<HTMLUListElement>(
    'category',
    sort !== 'relevance' || reordered
      ? listed.slice(0, IMPRESSION_ITEMS).map((i) => ({ itemId: i.id }))
      : null,
    sort === 'relevance' ? undefined : sort,
  );

  if (inCategory.length === 0) return <p className="page">No products in {path.join(' › ')}.</p>;
  return (
    <div className="page category-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={href.home()}>Home</a>
        {path.map((p, i) => (
          <span key={p}>
            {' › '}
            <a
              href={href.category(path.slice(0, i + 1))}
              aria-current={i === path.length - 1 ? 'page' : undefined}
            >
              {p}
            </a>
          </span>
        ))}
      </nav>
      <h1>{path[path.length - 1]}</h1>
      {children.length > 0 && (
        <ul className="chips" aria-label="Sub-categories">
          {children.map((c) => (
            <li key={c}>
              <a className="chip" href={href.category([...path, c])}>
                {c}
              </a>
            </li>
          ))}
        </ul>
      )}
      <div className="category-layout">
        <aside className="filters" aria-label="Filters">
          <label>
            Brand
            <select value={brand} onChange={(e) => setBrand(e.target.value)}>
              <option value="">All brands</option>
              {brands.map((b) => (
                <option key={b}>{b}</option>
              ))}
            </select>
          </label>
          <label>
            Price up to {formatPrice(priceCap, inCategory[0]!.currency)}
            <input
              type="range"
              min={0}
              max={maxPrice}
              value={priceCap}
              onChange={(e) => setPriceCap(Number(e.target.value))}
            />
          </label>
          {attributeValues.map(([name, values]) => (
            <label key={name}>
              {name[0]!.toUpperCase() + name.slice(1)}
              <select
                value={attributes[name] ?? ''}
                onChange={(e) => setAttributes({ ...attributes, [name]: e.target.value })}
              >
                <option value="">Any</option>
                {values.map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
          ))}
          <label className="checkbox">
            <input type="checkbox" checked={inStockOnly} onChange={(e) => setInStockOnly(e.target.checked)} />{' '}
            In stock only
          </label>
        </aside>
        <div>
          <div className="toolbar">
            <span role="status">
              {matching.length} product{matching.length === 1 ? '' : 's'}
              {reordered && ranked.personal ? ', ordered for you on this device' : ''}
            </span>
            <label>
              Sort by{' '}
              <select value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                <option value="relevance">Featured</option>
                <option value="price-asc">Price: low to high</option>
                <option value="price-desc">Price: high to low</option>
                <option value="name">Name</option>
              </select>
            </label>
          </div>
          <ul
            className="grid"
            aria-label="Products"
            ref={ref}
            data-ordered-for-you={reordered ? 'yes' : 'no'}
          >
            {[...listed, ...more].map((item, position) => (
              <li key={item.id}>
                <ProductCard
                  item={item}
                  onOpen={() => track({ kind: 'click', itemId: item.id, shelf: 'category', position })}
                />
              </li>
            ))}
          </ul>
          <div className="pager">
            <span className="muted">
              Showing {Math.min(matching.length, pages * PAGE_ITEMS)} of {matching.length}
            </span>
            {matching.length > pages * PAGE_ITEMS && (
              <button type="button" className="button" onClick={() => setPages(pages + 1)}>
                Show {Math.min(PAGE_ITEMS, matching.length - pages * PAGE_ITEMS)} more
              </button>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
