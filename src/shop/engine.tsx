import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import {
  CatalogSearch,
  type Catalog,
  type LocalShelf,
  type CatalogItem,
  type EngineState,
  type EventStoreSnapshot,
} from '../engine/index.ts';
import { imageBundle, shopEngine, shopSession, type PictureBundle } from './session.ts';
import { departmentsOf } from './shelf-preview.ts';

export interface ShopData {
  engine: LocalShelf;
  catalog: Pick<Catalog, 'items'>;
  items: Map<string, CatalogItem>;
  /** The header's departments (top-level categories), sorted. */
  departments: string[];
  /** The search index, built on first use. */
  search: () => CatalogSearch;
  imageOf: ImageOf;
}

/** Product id → picture URL (a data: URL from the bundle, else the catalog's own URL). */
export type ImageOf = (item: Pick<CatalogItem, 'id' | 'image'>) => string;

/** Shown until the picture bundle arrives: a soft tile, no request. */
const PLACEHOLDER_IMAGE =
  "data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'%3E%3Crect width='100' height='100' rx='10' fill='%23efece4'/%3E%3C/svg%3E";

const ShopContext = createContext<ShopData | null>(null);

/**
 * Renders children once the page's one engine and catalog are there (see session.ts). Before
 * the catalog, once the engine's store is open, `preview` may draw what it can from IndexedDB
 * alone (say, the last visit's shelves); where it returns null, `fallback` is shown.
 */
export function ShopProvider({
  children,
  fallback,
  preview,
}: {
  children: ReactNode;
  fallback: (error: string | null) => ReactNode;
  preview?: (engine: LocalShelf, imageOf: ImageOf) => ReactNode;
}) {
  const [data, setData] = useState<Omit<ShopData, 'imageOf'> | null>(null);
  const [opened, setOpened] = useState<LocalShelf | null>(null);
  const [images, setImages] = useState<PictureBundle | 'failed' | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Pictures arrive on their own: the shop renders as soon as the catalog is there.
    void imageBundle().then((bundle) => !cancelled && setImages(bundle.size ? bundle : 'failed'));
    // Its failure is the session's, shown by the fallback.
    shopEngine().then(
      (engine) => !cancelled && setOpened(engine),
      () => {},
    );
    shopSession().then(
      ({ engine, catalog }) => {
        if (cancelled) return;
        let search: CatalogSearch | null = null;
        setData({
          engine,
          catalog,
          items: new Map(catalog.items.map((i) => [i.id, i])),
          departments: departmentsOf(catalog.items),
          // Indexed on the first search, not on every page load.
          search: () => (search ??= new CatalogSearch(catalog.items)),
        });
      },
      (e: unknown) => !cancelled && setError((e as Error).message),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  const engine = data?.engine;
  useEffect(() => {
    if (!engine) return;
    // After the first page has been painted: the frame callback runs before that paint, the
    // task it posts after it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => engine.startWorker(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [engine]);
  const imageOf = useMemo<ImageOf>(
    () => (item) => (images === 'failed' ? item.image : (images?.get(item.id) ?? PLACEHOLDER_IMAGE)),
    [images],
  );
  const value = useMemo<ShopData | null>(() => data && { ...data, imageOf }, [data, imageOf]);
  if (!value) return <>{(opened && !error && preview?.(opened, imageOf)) || fallback(error)}</>;
  return <ShopContext.Provider value={value}>{children}</ShopContext.Provider>;
}

export function useShop(): ShopData {
  const data = useContext(ShopContext);
  if (!data) throw new Error('useShop must be used inside <ShopProvider>');
  return data;
}

export function useEngineState(): EngineState {
  const { engine } = useShop();
  return useSyncExternalStore(engine.subscribe, engine.getSnapshot);
}

export function useEventsSnapshot(): EventStoreSnapshot {
  const { engine } = useShop();
  return useSyncExternalStore(engine.events.subscribe, engine.events.getSnapshot);
}
