import type { CatalogItem, ShelfKind } from '../engine/index.ts';

/** The event a `<local-shelf>` fires when the visitor picks a product; the host routes to its page. */
export const CLICK_EVENT = 'localshelf-click';

export interface LocalShelfClickDetail {
  itemId: string;
  /** The product's catalog entry. */
  product: CatalogItem | null;
  /** The shelf it was on. */
  shelf: ShelfKind;
  /** 0-based position on that shelf. */
  position: number;
  /** Why it was recommended, in one sentence. */
  explanation: string;
}

declare global {
  interface HTMLElementEventMap {
    [CLICK_EVENT]: CustomEvent<LocalShelfClickDetail>;
  }
}

/**
 * Bubbling and composed, so a listener on `document` hears it even when the widget sits
 * in another shadow root; cancelable, so a host with a `product-href` link can route
 * itself (`event.preventDefault()`) instead of following the link.
 */
export function clickEvent(detail: LocalShelfClickDetail): CustomEvent<LocalShelfClickDetail> {
  return new CustomEvent(CLICK_EVENT, { detail, bubbles: true, composed: true, cancelable: true });
}
