import type { WidgetRecommendation } from './runtime.ts';

/** Builds DOM with textContent and properties only: catalog text is never parsed as HTML. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  part: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = part;
  node.setAttribute('part', part);
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatPrice(price: number, currency: string, locale: string | null): string {
  try {
    return new Intl.NumberFormat(locale ?? undefined, { style: 'currency', currency }).format(price);
  } catch {
    // An unknown currency code: show the number and the code as given.
    return `${price} ${currency}`;
  }
}

export interface CardOptions {
  /** URL the catalog's relative image paths resolve against. */
  catalogUrl: string;
  /** `product-href` template with `{id}`, or null for a button. */
  hrefTemplate: string | null;
  /** The page's language for prices; null for the browser's. */
  locale: string | null;
}

/** One product card: a link when the host gave a URL template, else a button. */
export function renderCard(
  rec: WidgetRecommendation,
  explanation: string,
  options: CardOptions,
): { item: HTMLLIElement; target: HTMLElement } {
  const item = el('li', 'item');
  const product = rec.product;
  const target = options.hrefTemplate ? el('a', 'link') : el('button', 'link');
  if (target instanceof HTMLAnchorElement && options.hrefTemplate)
    target.href = options.hrefTemplate.replaceAll('{id}', encodeURIComponent(rec.itemId));
  else if (target instanceof HTMLButtonElement) target.type = 'button';
  target.dataset.itemId = rec.itemId;
  if (product?.image) {
    const image = el('img', 'image');
    image.alt = '';
    image.loading = 'lazy';
    image.decoding = 'async';
    try {
      image.src = new URL(product.image, options.catalogUrl).href;
      target.append(image);
    } catch {
      // A malformed image path: the card still works without a picture.
    }
  }
  target.append(el('span', 'title', product?.title ?? rec.itemId));
  if (product)
    target.append(el('span', 'price', formatPrice(product.price, product.currency, options.locale)));
  target.append(el('span', 'reason', explanation));
  target.title = explanation;
  item.append(target);
  return { item, target };
}

export function renderShelf(
  heading: string,
  lang: string | null,
): { section: HTMLElement; list: HTMLUListElement } {
  const section = el('section', 'shelf');
  if (lang) section.lang = lang;
  if (heading) {
    section.setAttribute('aria-label', heading);
    section.append(el('h2', 'heading', heading));
  }
  const list = el('ul', 'list');
  section.append(list);
  return { section, list };
}

/** A status line for assistive technology (`role="status"`), visually hidden by the stylesheet. */
export function renderStatus(text: string, lang: string | null): HTMLElement {
  const status = el('p', 'status', text);
  status.setAttribute('role', 'status');
  if (lang) status.lang = lang;
  return status;
}
