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

/**
 * What `subscribe` delivers until `done` settles, as an async generator: every value delivered
 * before `done` settled, in order, then `done`'s value as its return value (or its error thrown).
 * Leaving early unsubscribes; `done` goes on (stopping it is the caller's part).
 */
export async function* deliveredUntil<T, R>(
  subscribe: (listener: (value: T) => void) => () => void,
  done: Promise<R>,
): AsyncGenerator<T, R> {
  const queue: T[] = [];
  let settled = false;
  let wake: (() => void) | null = null;
  const unsubscribe = subscribe((value) => {
    if (settled) return;
    queue.push(value);
    wake?.();
  });
  const settle = () => {
    settled = true;
    wake?.();
  };
  done.then(settle, settle);
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift() as T;
      if (settled) return await done;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    unsubscribe();
  }
}
