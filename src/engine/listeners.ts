/**
 * The engine's one way to let others watch something: a set of listeners, each added by
 * `subscribe`, which hands back its own unsubscribe, and all called by `emit`. Listeners are
 * called in the order they subscribed; one that unsubscribes during an `emit` is not called after.
 */
export class Listeners<Args extends unknown[] = []> {
  private readonly set = new Set<(...args: Args) => void>();

  /** An arrow function, so it can be passed on unbound (React's `useSyncExternalStore(x.subscribe, …)`). */
  readonly subscribe = (listener: (...args: Args) => void): (() => void) => {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  };

  emit(...args: Args): void {
    for (const listener of this.set) listener(...args);
  }

  /** Drops every listener (on close: nothing is told after it). */
  clear(): void {
    this.set.clear();
  }
}
