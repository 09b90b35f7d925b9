import { useEffect, useState } from 'react';
import { recommend, subscribe, type ShelfRequest, type WidgetShelf } from '../widget/index.ts';

export interface RecommendationsState {
  /** loading until the first answer; empty when the shelf has nothing to show; error with `error` saying why. */
  status: 'loading' | 'ready' | 'empty' | 'error';
  /** The shelf, with each product's catalog entry and its explanation in the page's language; null until loaded. */
  shelf: WidgetShelf | null;
  error: string | null;
}

/**
 * A shelf of recommendations for sites that render their own cards, kept current: it asks
 * again after a product view, new personal weights, or a consent answer. Call the package's
 * `init({catalog, model})` before the first component using it renders.
 */
export function useRecommendations({ kind, itemId, limit }: ShelfRequest): RecommendationsState {
  const [state, setState] = useState<RecommendationsState>({ status: 'loading', shelf: null, error: null });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let stop = () => {};
    try {
      stop = subscribe(() => setAsked((n) => n + 1));
    } catch (error) {
      // Not started: the same message as every other call before init.
      queueMicrotask(() => setState({ status: 'error', shelf: null, error: (error as Error).message }));
    }
    return () => stop();
  }, []);

  useEffect(() => {
    let current = true;
    recommend({
      kind,
      ...(itemId === undefined ? {} : { itemId }),
      ...(limit === undefined ? {} : { limit }),
    }).then(
      (shelf) =>
        current && setState({ status: shelf.items.length > 0 ? 'ready' : 'empty', shelf, error: null }),
      (error: unknown) =>
        current && setState({ status: 'error', shelf: null, error: (error as Error).message }),
    );
    return () => {
      current = false;
    };
  }, [kind, itemId, limit, asked]);

  return state;
}
