import { createElement, useEffect, useRef, type ReactElement } from 'react';
import { CLICK_EVENT, type LocalShelfClickDetail, type ShelfKind } from '../widget/index.ts';

export interface LocalShelfShelfProps {
  /** The shelf: for-you, similar, bought-together, because-viewed or trending. */
  kind: ShelfKind;
  /** The product the shelf is about. Default: the page's `data-localshelf-view` (or, for because-viewed, the last product viewed). */
  item?: string;
  /** Products to show, 1–50. Default: 4. */
  limit?: number;
  /** The heading; may name the product as `{title}`; "" shows none. Default: the locale's heading for the kind. */
  heading?: string;
  /** URL template of your product pages, e.g. "/products/{id}": cards become links. Default: none (buttons). */
  productHref?: string;
  /** The visitor picked a product; call `event.preventDefault()` to route yourself instead of following `productHref`. */
  onPick?: (detail: LocalShelfClickDetail, event: CustomEvent<LocalShelfClickDetail>) => void;
  className?: string;
  id?: string;
}

/**
 * `<local-shelf>` for React: the same element (shadow DOM, styling, impressions, click
 * tracking), with props for its attributes and `onPick` for its click event. Call the
 * package's `init({catalog, model})` once before the first shelf renders.
 */
export function LocalShelfShelf({
  kind,
  item,
  limit,
  heading,
  productHref,
  onPick,
  className,
  id,
}: LocalShelfShelfProps): ReactElement {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !onPick) return;
    const listener = (event: CustomEvent<LocalShelfClickDetail>) => onPick(event.detail, event);
    element.addEventListener(CLICK_EVENT, listener);
    return () => element.removeEventListener(CLICK_EVENT, listener);
  }, [onPick]);
  // React 19 sets string props of a custom element as attributes; undefined ones are left off.
  return createElement('local-shelf', {
    ref,
    kind,
    item,
    limit: limit === undefined ? undefined : String(limit),
    heading,
    'product-href': productHref,
    className,
    id,
  });
}
