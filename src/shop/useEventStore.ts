import { useEffect, useState, useSyncExternalStore } from 'react';
import { EventStore, type EventStoreSnapshot } from '../engine/index.ts';

const noop = () => () => {};
const EMPTY: EventStoreSnapshot | null = null;

/** Opens the shopper's event store once and re-renders on every change. */
export function useEventStore(): { store: EventStore | null; snapshot: EventStoreSnapshot | null } {
  const [store, setStore] = useState<EventStore | null>(null);
  useEffect(() => {
    let opened: EventStore | null = null;
    let cancelled = false;
    void EventStore.open().then((s) => {
      if (cancelled) s.close();
      else setStore((opened = s));
    });
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, []);
  const snapshot = useSyncExternalStore(store?.subscribe ?? noop, store?.getSnapshot ?? (() => EMPTY));
  return { store, snapshot };
}
