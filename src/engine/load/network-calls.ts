/**
 * Wraps this global's fetch, XMLHttpRequest, WebSocket and (in a page) sendBeacon so every call
 * is reported with whether it could carry data: a body, a method other than GET/HEAD, a socket.
 * One mechanism for the page's audit ("Your data") and the worker's own (request-audit.ts).
 */
export interface NetworkCall {
  url: string;
  method: string;
  withBody: boolean;
  /** A body, a method other than GET/HEAD, or a socket. */
  carrying: boolean;
}

export interface WatchOptions {
  /** Sockets not to report (the shop's dev server's own reload socket); default: none. */
  ignoreSocket?: (url: string, protocols: string | string[] | undefined) => boolean;
}

export function watchNetworkCalls(report: (call: NetworkCall) => void, options: WatchOptions = {}): void {
  const record = (url: string, method: string, withBody: boolean) => {
    const upper = method.toUpperCase();
    report({ url, method: upper, withBody, carrying: withBody || !['GET', 'HEAD'].includes(upper) });
  };
  const scope = globalThis;
  const originalFetch = scope.fetch.bind(scope);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : null;
    record(
      request ? request.url : String(input),
      init?.method ?? request?.method ?? 'GET',
      init?.body != null || (request?.body ?? null) !== null,
    );
    return originalFetch(input, init);
  };
  const originalOpen = XMLHttpRequest.prototype.open;
  const originalSend = XMLHttpRequest.prototype.send;
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    opened.set(this, { method, url: String(url) });
    return (originalOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: XMLHttpRequestBodyInit | null) {
    const info = opened.get(this) ?? { method: 'GET', url: '' };
    record(info.url, info.method, body != null);
    return originalSend.call(this, body ?? null);
  };
  // Pages only: workers have no beacons.
  const nav = (
    scope as { navigator?: { sendBeacon?: (url: string | URL, data?: BodyInit | null) => boolean } }
  ).navigator;
  if (nav?.sendBeacon) {
    const originalBeacon = nav.sendBeacon.bind(nav);
    nav.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
      record(String(url), 'POST', true);
      return originalBeacon(url, data);
    };
  }
  const OriginalWebSocket = scope.WebSocket;
  scope.WebSocket = class extends OriginalWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      if (!options.ignoreSocket?.(String(url), protocols)) record(String(url), 'WEBSOCKET', true);
      super(url, protocols);
    }
  };
}
