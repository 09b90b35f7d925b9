/// <reference lib="webworker" />
/**
 * Counts the requests this worker makes (the model files, wasm binaries) and those that could
 * carry the shopper's behaviour: a body, a method other than GET/HEAD, a WebSocket. The page's
 * "Your data" adds them to its own: Resource Timing in the page does not see a worker's
 * fetches. Reported as `requests` notices, at most every 250 ms.
 */
import { watchNetworkCalls } from '../load/network-calls.ts';
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
  watchNetworkCalls(({ url, method, withBody, carrying }) => {
    requests = {
      ...requests,
      calls: requests.calls + 1,
      carryingData: requests.carryingData + (carrying ? 1 : 0),
      log: [...requests.log.slice(-49), { url, method, withBody }],
    };
    changed();
  });
  // Room for a long session's requests (the default buffer stops at 250).
  performance.setResourceTimingBufferSize?.(5000);
  if (typeof PerformanceObserver === 'function')
    new PerformanceObserver(() => {
      requests = { ...requests, resources: performance.getEntriesByType('resource').length };
      changed();
    }).observe({ type: 'resource', buffered: true });
}
