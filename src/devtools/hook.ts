import { Listeners, type EngineAction, type EngineState, type LocalShelf } from '../engine/index.ts';

/**
 * `window.__LOCALSHELF_DEVTOOLS_HOOK__`: how a browser-extension devtools panel (or any
 * script) finds LocalShelf engines on a page without importing anything.
 *
 *   const hook = window.__LOCALSHELF_DEVTOOLS_HOOK__;
 *   hook.engines;                         // every engine registered so far
 *   const off = hook.subscribe((engine, action, state) => { ... });  // every transition
 *
 * Engines are registered when the devtools panel mounts them or the app calls `registerEngine`.
 */
export interface DevtoolsHook {
  readonly version: 1;
  readonly engines: Set<LocalShelf>;
  register(engine: LocalShelf): void;
  subscribe(listener: (engine: LocalShelf, action: EngineAction, state: EngineState) => void): () => void;
}

declare global {
  interface Window {
    __LOCALSHELF_DEVTOOLS_HOOK__?: DevtoolsHook;
  }
}

export function devtoolsHook(): DevtoolsHook {
  if (window.__LOCALSHELF_DEVTOOLS_HOOK__) return window.__LOCALSHELF_DEVTOOLS_HOOK__;
  const listeners = new Listeners<[LocalShelf, EngineAction, EngineState]>();
  const engines = new Set<LocalShelf>();
  const hook: DevtoolsHook = {
    version: 1,
    engines,
    register(engine) {
      if (engines.has(engine)) return;
      engines.add(engine);
      engine.onAction((action, state) => listeners.emit(engine, action, state));
    },
    subscribe: listeners.subscribe,
  };
  window.__LOCALSHELF_DEVTOOLS_HOOK__ = hook;
  return hook;
}

export function registerEngine(engine: LocalShelf): void {
  devtoolsHook().register(engine);
}
