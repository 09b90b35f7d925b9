import { startAutoTracking } from './autotrack.ts';
import { resolveOptions, type ResolvedOptions, type WidgetOptions } from './options.ts';
import { Runtime } from './runtime.ts';

/**
 * One runtime per page, even when a site loads both the ES module and the classic
 * bundle (two copies of this code): the runtime hangs off a registered symbol, and so do
 * the widgets waiting for a replacement (after consent is given or withdrawn).
 */
const KEY = Symbol.for('localshelf.runtime');
const REPLACED = Symbol.for('localshelf.runtime-replaced');
type Holder = { [KEY]?: Runtime; [REPLACED]?: Set<(runtime: Runtime) => void> };
const holder = globalThis as Holder;

export function currentRuntime(): Runtime | null {
  return holder[KEY] ?? null;
}

function launch(resolved: ResolvedOptions): Runtime {
  const runtime = new Runtime(resolved);
  holder[KEY] = runtime;
  if (resolved.autoTrack)
    runtime.onClose(
      startAutoTracking(
        (input) => runtime.track(input),
        () => runtime.notify(),
      ),
    );
  return runtime;
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
  return launch(resolved);
}

/**
 * Stops the running engine and starts another with `options` (the same site settings, another
 * storage choice); every widget moves to the new one. `between` runs after the old engine has
 * closed and before the new one opens (e.g. deleting the database).
 */
export async function replaceRuntime(
  options: ResolvedOptions,
  between: () => Promise<void> = async () => {},
): Promise<Runtime> {
  const old = currentRuntime();
  if (old) {
    old.close();
    // close() hands the engine its close call asynchronously: let its connections go first.
    await old.engine
      .then(
        (engine) => engine.close(),
        // An engine that never started has nothing to close; its start failure was reported then.
        () => undefined,
      )
      .catch((error: unknown) =>
        console.error(`LocalShelf could not close its engine: ${(error as Error).message}`),
      );
  }
  await between();
  const runtime = launch(options);
  for (const listener of holder[REPLACED] ?? []) listener(runtime);
  return runtime;
}

/** Calls `listener` with the new runtime whenever the page's runtime is replaced. */
export function onRuntimeReplaced(listener: (runtime: Runtime) => void): () => void {
  const listeners = (holder[REPLACED] ??= new Set());
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function stopRuntime(): void {
  currentRuntime()?.close();
  delete holder[KEY];
}
