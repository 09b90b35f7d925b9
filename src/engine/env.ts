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

function probeWebgl2(): string | null {
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

let webgl2Reason: string | null | undefined;

/**
 * Why this realm cannot create a WebGL2 context, or null when it can; probed on first call only.
 * The page and the worker both ask (a worker has OffscreenCanvas and no document), so this is
 * the one WebGL probe. Kept apart from `realmFeatures()` because it creates a context: the worker
 * asks only when tfjs's WebGL would not start.
 */
export function webgl2Unavailable(): string | null {
  if (webgl2Reason === undefined) webgl2Reason = probeWebgl2();
  return webgl2Reason;
}

/** The capabilities read from globals alone, without creating anything: all but `webgl2`. */
export type RealmFeatures = Omit<Capabilities, 'webgl2'>;

let features: Readonly<RealmFeatures> | null = null;

/**
 * This realm's features but WebGL2, read once: the worker decides wasm threads and WebGPU by
 * them and reports them with its backend (`BackendInfo.features`), so the devtools show what
 * the choice saw.
 */
export function realmFeatures(): Readonly<RealmFeatures> {
  features ??= Object.freeze({
    indexedDB: typeof indexedDB !== 'undefined',
    webWorker: typeof Worker !== 'undefined',
    offscreenCanvas: typeof OffscreenCanvas !== 'undefined',
    webgpu: typeof navigator !== 'undefined' && 'gpu' in navigator,
    crossOriginIsolated: typeof crossOriginIsolated !== 'undefined' && crossOriginIsolated,
    webLocks: typeof navigator !== 'undefined' && 'locks' in navigator,
    broadcastChannel: typeof BroadcastChannel !== 'undefined',
    cores: (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 1,
  });
  return features;
}

let detected: Readonly<Capabilities> | null = null;

/** The capabilities of the current realm, computed on first call (WebGL2 probed then). */
export function capabilities(): Readonly<Capabilities> {
  if (!detected) {
    const { indexedDB, webWorker, offscreenCanvas, ...rest } = realmFeatures();
    detected = Object.freeze({
      indexedDB,
      webWorker,
      offscreenCanvas,
      webgl2: webgl2Unavailable() === null,
      ...rest,
    });
  }
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
