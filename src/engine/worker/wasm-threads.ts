/**
 * Starting tfjs's wasm backend with threads where the page allows them, and without
 * them where the threads cannot start.
 *
 * The threaded binary runs its helper threads in blob: workers that `importScripts`
 * a blob: copy of the emscripten factory. A Content-Security-Policy without `blob:`
 * in script-src/worker-src stops them; each failure surfaces in this worker as an
 * uncaught ErrorEvent (emscripten rethrows it) that would otherwise reach the page as
 * "the worker failed", and tfjs would wait for the threads forever.
 */
import * as tf from '@tensorflow/tfjs';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { realmFeatures } from '../env.ts';

/** Most threads worth starting: XNNPACK's speed-up flattens past four for models this small. */
const MAX_WASM_THREADS = 4;

/**
 * Fewest cores for threads by default. On two cores one thread was faster (bench:browser,
 * wasm vs wasm-1thread: first shelf, fine-tuning and 100k-item scoring), since the page and
 * the browser need a core too.
 */
export const MIN_CORES_FOR_THREADS = 4;

/** Whether to use threads, and why not: `'auto'` uses them on machines with enough cores. */
export function threadsDecision(wanted: boolean | 'auto'): { threads: boolean; why: string | null } {
  if (wanted === false) return { threads: false, why: 'wasmThreads is false' };
  const { cores } = realmFeatures();
  if (wanted === 'auto' && cores < MIN_CORES_FOR_THREADS)
    return {
      threads: false,
      why: `only ${cores} cores here: one thread is faster below ${MIN_CORES_FOR_THREADS} (wasmThreads: true forces threads)`,
    };
  return { threads: true, why: null };
}

/** How long the threaded binary may take to start its helper threads before the engine gives up on threads. */
const THREADED_START_MS = 10_000;

let failure: string | null = null;

/** Why threads were given up on at start-up in this worker; null when they started or were never tried. */
export function threadsStartFailure(): string | null {
  return failure;
}

/**
 * A helper thread that failed to start: emscripten throws the thread's ErrorEvent
 * itself, so the uncaught "error" carries an ErrorEvent as its error. Nothing else throws one.
 */
function isHelperThreadFailure(event: ErrorEvent): event is ErrorEvent & { error: ErrorEvent } {
  return typeof ErrorEvent !== 'undefined' && event.error instanceof ErrorEvent;
}

/**
 * Helper-thread failures are kept inside this worker (they are reported once, as the
 * reason threads are off) instead of failing the whole engine on the page.
 */
function watchHelperThreads(onFailure: (message: string) => void): void {
  if (typeof self === 'undefined' || typeof self.addEventListener !== 'function') return;
  self.addEventListener('error', (event) => {
    if (!isHelperThreadFailure(event)) return;
    event.preventDefault();
    onFailure(event.error.message || 'a wasm helper thread failed to start');
  });
}

/** Asks for one thread per core (tfjs's default is half the cores: one thread on a two-core laptop), or none. */
function chooseThreads(threads: boolean): void {
  if (!threads) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return;
  }
  const { cores } = realmFeatures();
  setThreadsCount(Math.min(MAX_WASM_THREADS, Math.max(2, cores)));
}

/** Re-registers the wasm backend so tfjs starts it afresh, on the single-threaded SIMD binary. */
function restartWithoutThreads(): Promise<boolean> {
  const factory = tf.findBackendFactory('wasm');
  tf.removeBackend('wasm');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  tf.registerBackend('wasm', factory);
  return tf.setBackend('wasm');
}

/**
 * Starts the wasm backend: threaded when wanted and possible; when the threads fail
 * or hang, single-threaded, with the reason kept for BackendInfo.
 */
export async function startWasm(threads: boolean): Promise<boolean> {
  chooseThreads(threads);
  if (!threads || !(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'))) return tf.setBackend('wasm');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const givenUp = new Promise<string>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(`the threaded binary did not start its helper threads within ${THREADED_START_MS / 1000} s`),
      THREADED_START_MS,
    );
    watchHelperThreads((message) =>
      resolve(
        `a helper thread of the threaded binary could not start (${message}); a Content-Security-Policy needs blob: in script-src and worker-src for threads`,
      ),
    );
  });
  const started = await Promise.race([tf.setBackend('wasm'), givenUp]);
  clearTimeout(timer);
  if (typeof started === 'boolean') return started;
  failure = started;
  return restartWithoutThreads();
}
