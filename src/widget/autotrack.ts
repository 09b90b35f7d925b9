import type { TrackInput } from '../engine/index.ts';

/**
 * Tracking from the host's own markup, so a site adds attributes instead of code:
 *
 * - `data-localshelf-view="<id>"` on a product page's element: a view when it appears
 *   (or its value changes, for single-page sites);
 * - `data-localshelf-add-to-cart="<id>"`, `data-localshelf-remove-from-cart="<id>"` and
 *   `data-localshelf-purchase="<id>"` on buttons: tracked when clicked, with
 *   `data-localshelf-quantity` (default 1) and, for purchases, `data-localshelf-price`.
 */
export const VIEW_ATTRIBUTE = 'data-localshelf-view';
const CLICK_ATTRIBUTES = {
  'data-localshelf-add-to-cart': 'add_to_cart',
  'data-localshelf-remove-from-cart': 'remove_from_cart',
  'data-localshelf-purchase': 'purchase',
} as const;
const CLICK_SELECTOR = Object.keys(CLICK_ATTRIBUTES)
  .map((name) => `[${name}]`)
  .join(',');

/** The product the page shows, if it says so: the anchor of shelves without an `item` attribute. */
export function pageItem(): string | null {
  return document.querySelector(`[${VIEW_ATTRIBUTE}]`)?.getAttribute(VIEW_ATTRIBUTE)?.trim() || null;
}

function positiveNumber(element: Element, name: string): number | undefined {
  const raw = element.getAttribute(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (Number.isFinite(value) && value > 0) return value;
  console.warn(`LocalShelf: ${name}="${raw}" is not a positive number; ignored`, element);
  return undefined;
}

function clickEvent(element: Element): TrackInput | null {
  for (const [name, kind] of Object.entries(CLICK_ATTRIBUTES)) {
    const itemId = element.getAttribute(name)?.trim();
    if (itemId === undefined) continue;
    if (itemId === '') {
      console.warn(`LocalShelf: ${name} is empty; expected a product id from your catalog`, element);
      return null;
    }
    const quantity = Math.round(positiveNumber(element, 'data-localshelf-quantity') ?? 1);
    if (kind === 'purchase') {
      const price = positiveNumber(element, 'data-localshelf-price');
      return price === undefined ? { kind, itemId, quantity } : { kind, itemId, quantity, price };
    }
    return { kind, itemId, quantity };
  }
  return null;
}

/**
 * Watches the document and tracks; `onView` runs after each new view is stored (the
 * widgets refresh then). Returns a function that stops watching.
 */
export function startAutoTracking(
  track: (input: TrackInput) => Promise<unknown>,
  onView: () => void,
): () => void {
  // Per element, the id last tracked: a re-render of the same page is not a second view.
  const seen = new WeakMap<Element, string>();
  const report = (input: TrackInput) =>
    track(input).catch((error: unknown) =>
      console.error(`LocalShelf: could not track ${input.kind}: ${(error as Error).message}`),
    );

  const scanViews = () => {
    const views: Promise<unknown>[] = [];
    for (const element of document.querySelectorAll(`[${VIEW_ATTRIBUTE}]`)) {
      const itemId = element.getAttribute(VIEW_ATTRIBUTE)?.trim() ?? '';
      if (seen.get(element) === itemId) continue;
      seen.set(element, itemId);
      if (itemId === '')
        console.warn(`LocalShelf: ${VIEW_ATTRIBUTE} is empty; expected a product id`, element);
      else views.push(report({ kind: 'view', itemId }));
    }
    if (views.length > 0) void Promise.all(views).then(onView);
  };

  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      scanViews();
    });
  });
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: [VIEW_ATTRIBUTE],
  });

  // Capture phase: a host handler that stops propagation must not hide the click.
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target.closest(CLICK_SELECTOR) : null;
    const input = target ? clickEvent(target) : null;
    if (input) void report(input);
  };
  document.addEventListener('click', onClick, true);

  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', scanViews, { once: true });
  else scanViews();

  return () => {
    observer.disconnect();
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('DOMContentLoaded', scanViews);
  };
}
