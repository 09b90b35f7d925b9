import type { EventKind } from './schema.ts';
import type { StoredEvent } from './db.ts';

/**
 * Where events live. IndexedDB normally; memory when IndexedDB cannot be used.
 * Every method resolves only after the write is durable in that medium.
 */
export interface EventBackend {
  readonly kind: 'indexeddb' | 'memory';
  add(event: StoredEvent): Promise<void>;
  /** All events, oldest first. */
  all(): Promise<StoredEvent[]>;
  /** The newest `n` events, newest first. */
  latest(n: number): Promise<StoredEvent[]>;
  byItem(itemId: string): Promise<StoredEvent[]>;
  byKind(kind: EventKind): Promise<StoredEvent[]>;
  count(): Promise<number>;
  /** Deletes the `n` oldest events; resolves to how many were deleted. */
  deleteOldest(n: number): Promise<number>;
  /** Deletes events older than `ts`; resolves to how many were deleted. */
  deleteBefore(ts: number): Promise<number>;
  clear(): Promise<void>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  close(): void;
}
