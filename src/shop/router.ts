import { useSyncExternalStore } from 'react';

/** The shop's pages. Hash routing: the static server needs no rewrite rules, and nothing about navigation is sent. */
export type Route =
  | { page: 'home' }
  | { page: 'category'; path: string[] }
  | { page: 'product'; id: string }
  | { page: 'search'; query: string }
  | { page: 'cart' }
  | { page: 'checkout-done'; orderId: string }
  | { page: 'your-data' };

export function parseRoute(hash: string): Route {
  const [path = '', queryString = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(queryString);
  switch (parts[0]) {
    case 'c':
      return parts.length > 1 ? { page: 'category', path: parts.slice(1) } : { page: 'home' };
    case 'p':
      return parts[1] ? { page: 'product', id: parts[1] } : { page: 'home' };
    case 'search':
      return { page: 'search', query: query.get('q') ?? '' };
    case 'cart':
      return { page: 'cart' };
    case 'order':
      return { page: 'checkout-done', orderId: parts[1] ?? '' };
    case 'your-data':
      return { page: 'your-data' };
    default:
      return { page: 'home' };
  }
}

export const href = {
  home: () => '#/',
  category: (path: readonly string[]) => `#/c/${path.map(encodeURIComponent).join('/')}`,
  product: (id: string) => `#/p/${encodeURIComponent(id)}`,
  search: (query: string) => `#/search?q=${encodeURIComponent(query)}`,
  cart: () => '#/cart',
  order: (id: string) => `#/order/${encodeURIComponent(id)}`,
  yourData: () => '#/your-data',
};

/*
 * Counts navigations (each hash change is one): tracking keys "one view per real action" on
 * it, so a component mounted twice (React StrictMode) or re-mounted on the same page never
 * records the action twice. Registered at module load, before any React listener.
 */
let navigation = 0;
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => navigation++);

export function currentNavigation(): number {
  return navigation;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(to: string): void {
  window.location.hash = to;
}
