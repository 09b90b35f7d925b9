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

function canCreateWebGL2(): boolean {
  try {
    if (typeof OffscreenCanvas !== 'undefined')
      return new OffscreenCanvas(1, 1).getContext('webgl2') !== null;
    if (typeof document !== 'undefined')
      return document.createElement('canvas').getContext('webgl2') !== null;
  } catch {
    // Some browsers throw instead of returning null when WebGL is blocked.
  }
  return false;
}

let detected: Readonly<Capabilities> | null = null;

/** The capabilities of the current realm, computed on first call. */
export function capabilities(): Readonly<Capabilities> {
  detected ??= Object.freeze({
    indexedDB: typeof indexedDB !== 'undefined',
    webWorker: typeof Worker !== 'undefined',
    offscreenCanvas: typeof OffscreenCanvas !== 'undefined',
    webgl2: canCreateWebGL2(),
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
