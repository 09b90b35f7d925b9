import { startAutoTracking } from './autotrack.ts';
import { resolveOptions, type WidgetOptions } from './options.ts';
import { Runtime } from './runtime.ts';

/**
 * One runtime per page, even when a site loads both the ES module and the classic
 * bundle (two copies of this code): the runtime hangs off a registered symbol.
 */
const KEY = Symbol.for('localshelf.runtime');
type Holder = { [KEY]?: Runtime };

export function currentRuntime(): Runtime | null {
  return (globalThis as Holder)[KEY] ?? null;
}

/** Starts the page's engine, or returns the running one when the options match. */
export function startRuntime(options: Partial<WidgetOptions> | undefined): Runtime {
  const resolved = resolveOptions(options);
  const running = currentRuntime();
  if (running) {
    const same =
      running.options.catalogUrl === resolved.catalogUrl && running.options.modelUrl === resolved.modelUrl;
    if (!same)
      throw new Error(
        `LocalShelf is already running with catalog ${running.options.catalogUrl} and model ${running.options.modelUrl}; ` +
          `got catalog ${resolved.catalogUrl} and model ${resolved.modelUrl}. All widgets on a page share one engine.`,
      );
    return running;
  }
  const runtime = new Runtime(resolved);
  (globalThis as Holder)[KEY] = runtime;
  if (resolved.autoTrack)
    runtime.onClose(
      startAutoTracking(
        (input) => runtime.track(input),
        () => runtime.notify(),
      ),
    );
  return runtime;
}

export function stopRuntime(): void {
  currentRuntime()?.close();
  delete (globalThis as Holder)[KEY];
}
