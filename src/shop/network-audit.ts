/**
 * Watches every request this page makes and counts the ones that could carry the
 * shopper's behaviour: anything with a body, any method but GET/HEAD, beacons and
 * WebSockets. The "Your data" page shows the count live; it stays zero.
 */
export interface NetworkAudit {
  /** Calls through fetch, XMLHttpRequest, beacons and WebSockets this page made. */
  requests: number;
  /**
   * Every request the browser made for this page, from Resource Timing: the page itself, its
   * scripts, styles, the worker's script, the catalog, the model files the page fetched.
   */
  resources: number;
  carryingData: number;
  log: { url: string; method: string; withBody: boolean }[];
}

// Replaced, never mutated, so React sees each change.
let audit: NetworkAudit = { requests: 0, resources: 0, carryingData: 0, log: [] };
const listeners = new Set<() => void>();
let installed = false;

function record(url: string, method: string, withBody: boolean): void {
  const carrying = withBody || !['GET', 'HEAD'].includes(method.toUpperCase());
  audit = {
    ...audit,
    requests: audit.requests + 1,
    carryingData: audit.carryingData + (carrying ? 1 : 0),
    log: [...audit.log.slice(-49), { url, method: method.toUpperCase(), withBody }],
  };
  for (const listener of listeners) listener();
}

/** Resource Timing entries so far, plus the page's own navigation. */
function resourceCount(): number {
  return performance.getEntriesByType('navigation').length + performance.getEntriesByType('resource').length;
}

export function installNetworkAudit(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  // Room for every request of a long visit (the default buffer stops at 250).
  performance.setResourceTimingBufferSize?.(5000);
  if (typeof PerformanceObserver === 'function') {
    new PerformanceObserver(() => {
      audit = { ...audit, resources: resourceCount() };
      for (const listener of listeners) listener();
    }).observe({ type: 'resource', buffered: true });
  }
  audit = { ...audit, resources: resourceCount() };
  const originalFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : null;
    const url = request ? request.url : String(input);
    const method = init?.method ?? request?.method ?? 'GET';
    record(url, method, init?.body != null || (request?.body ?? null) !== null);
    return originalFetch(input, init);
  };
  const originalOpen = XMLHttpRequest.prototype.open;
  const originalSend = XMLHttpRequest.prototype.send;
  const methods = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    methods.set(this, { method, url: String(url) });
    return (originalOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.send = function (
    this: XMLHttpRequest,
    body?: Document | XMLHttpRequestBodyInit | null,
  ) {
    const info = methods.get(this) ?? { method: 'GET', url: '' };
    record(info.url, info.method, body != null);
    return originalSend.call(this, body as XMLHttpRequestBodyInit | null);
  };
  if (navigator.sendBeacon) {
    const originalBeacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      record(String(url), 'POST', true);
      return originalBeacon(url, data);
    };
  }
  const OriginalWebSocket = window.WebSocket;
  window.WebSocket = class extends OriginalWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      // The dev server's own reload socket (npm run dev only, protocol "vite-hmr") carries
      // file-change messages, not the shopper's behaviour; every other socket counts.
      if (!(import.meta.env.DEV && [protocols].flat().includes('vite-hmr')))
        record(String(url), 'WEBSOCKET', true);
      super(url, protocols);
    }
  };
}

export function networkAudit(): NetworkAudit {
  return audit;
}

export function subscribeNetworkAudit(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
