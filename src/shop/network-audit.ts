import { Listeners, watchNetworkCalls } from '../engine/index.ts';

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
const listeners = new Listeners();
let installed = false;

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
      listeners.emit();
    }).observe({ type: 'resource', buffered: true });
  }
  audit = { ...audit, resources: resourceCount() };
  watchNetworkCalls(
    ({ url, method, withBody, carrying }) => {
      audit = {
        ...audit,
        requests: audit.requests + 1,
        carryingData: audit.carryingData + (carrying ? 1 : 0),
        log: [...audit.log.slice(-49), { url, method, withBody }],
      };
      listeners.emit();
    },
    {
      // The dev server's own reload socket (npm run dev only, protocol "vite-hmr") carries
      // file-change messages, not the shopper's behaviour; every other socket counts.
      ignoreSocket: (_url, protocols) => import.meta.env.DEV && [protocols].flat().includes('vite-hmr'),
    },
  );
}

export function networkAudit(): NetworkAudit {
  return audit;
}

export const subscribeNetworkAudit = listeners.subscribe;
