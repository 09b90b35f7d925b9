/**
 * What this browser (or worker, or Node) can do, detected once and frozen, so every
 * part of the engine makes the same choice and the devtools can show why.
 */
export interface Capabilities {
  indexedDB: boolean;
  webWorker: boolean;
  offscreenCanvas: boolean;
  /** A WebGL2 context could be created (in this realm). */
  webgl2: boolean;
  /** The browser exposes WebGPU (`navigator.gpu`); whether it gives a usable adapter is the worker's to find out. */
  webgpu: boolean;
  /** The realm is cross-origin isolated (COOP + COEP), so wasm can run on several threads. */
  crossOriginIsolated: boolean;
  webLocks: boolean;
  broadcastChannel: boolean;
  /** `navigator.hardwareConcurrency`, or 1 when unknown. */
  cores: number;
}

/** What a page's `document` offers for the probe; a worker has none, so it is read from `globalThis`. */
interface CanvasDocument {
  createElement(tag: 'canvas'): { getContext(id: 'webgl2'): unknown };
}

/**
 * Why this realm cannot create a WebGL2 context, or null when it can. The page and the worker
 * both ask (a worker has OffscreenCanvas and no document), so this is the one WebGL probe.
 */
export function webgl2Unavailable(): string | null {
  const doc = (globalThis as { document?: CanvasDocument }).document;
  if (typeof OffscreenCanvas === 'undefined' && !doc) return 'no OffscreenCanvas in this worker';
  try {
    const canvas =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : doc!.createElement('canvas');
    if (!canvas.getContext('webgl2'))
      return 'this browser gives no WebGL2 context here (GPU blocklisted or WebGL disabled)';
  } catch (error) {
    // Some browsers throw instead of returning null when WebGL is blocked.
    return `creating a WebGL2 context threw ${(error as Error).message}`;
  }
  return null;
}

let detected: Readonly<Capabilities> | null = null;

/** The capabilities of the current realm, computed on first call. */
export function capabilities(): Readonly<Capabilities> {
  detected ??= Object.freeze({
    indexedDB: typeof indexedDB !== 'undefined',
    webWorker: typeof Worker !== 'undefined',
    offscreenCanvas: typeof OffscreenCanvas !== 'undefined',
    webgl2: webgl2Unavailable() === null,
    webgpu: typeof navigator !== 'undefined' && 'gpu' in navigator,
    crossOriginIsolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated,
    webLocks: typeof navigator !== 'undefined' && 'locks' in navigator,
    broadcastChannel: typeof BroadcastChannel !== 'undefined',
    cores: (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1,
  });
  return detected;
}

/** Compute backends, in the order LocalShelf prefers them. */
export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** Checks a backend name from configuration; the error lists the valid ones. */
export function parseBackend(value: unknown): BackendName {
  if (typeof value === 'string' && (BACKENDS as readonly string[]).includes(value))
    return value as BackendName;
  throw new RangeError(`backend is ${JSON.stringify(value)}; expected one of ${BACKENDS.join(', ')}`);
}
