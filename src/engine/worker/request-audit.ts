/// <reference lib="webworker" />
/**
 * Counts the requests this worker makes (the model files, wasm binaries) and those that could
 * carry the shopper's behaviour: a body, a method other than GET/HEAD, a WebSocket. The page's
 * "Your data" adds them to its own: Resource Timing in the page does not see a worker's
 * fetches. Reported as `requests` notices, at most every 250 ms.
 */
import type { WorkerRequests } from './protocol.ts';

const REPORT_EVERY_MS = 250;

export function watchWorkerRequests(report: (requests: WorkerRequests) => void): void {
  let requests: WorkerRequests = { resources: 0, calls: 0, carryingData: 0, log: [] };
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    timer ??= setTimeout(() => {
      timer = null;
      report(requests);
    }, REPORT_EVERY_MS);
  };
  const record = (url: string, method: string, withBody: boolean) => {
    const carrying = withBody || !['GET', 'HEAD'].includes(method.toUpperCase());
    requests = {
      ...requests,
      calls: requests.calls + 1,
      carryingData: requests.carryingData + (carrying ? 1 : 0),
      log: [...requests.log.slice(-49), { url, method: method.toUpperCase(), withBody }],
    };
    changed();
  };
  // Room for a long session's requests (the default buffer stops at 250).
  performance.setResourceTimingBufferSize?.(5000);
  if (typeof PerformanceObserver === 'function')
    new PerformanceObserver(() => {
      requests = { ...requests, resources: performance.getEntriesByType('resource').length };
      changed();
    }).observe({ type: 'resource', buffered: true });
  const originalFetch = self.fetch.bind(self);
  self.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
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
  const OriginalWebSocket = self.WebSocket;
  self.WebSocket = class extends OriginalWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      record(String(url), 'WEBSOCKET', true);
      super(url, protocols);
    }
  };
}
