import type { EventBackend } from './backend.ts';
import type { StoredEvent } from './db.ts';
import type { EventKind } from './schema.ts';

/** Keeps events for this page's lifetime only: used when IndexedDB is unavailable. */
export class MemoryBackend implements EventBackend {
  readonly kind = 'memory' as const;
  private events: StoredEvent[] = [];
  private readonly ids = new Set<string>();
  private meta = new Map<string, unknown>();

  async add(event: StoredEvent): Promise<void> {
    // Same contract as IndexedDB's add(): a reused id is refused, not silently stored twice.
    if (this.ids.has(event.id)) throw new DOMException(`Key already exists: ${event.id}`, 'ConstraintError');
    this.ids.add(event.id);
    // Keep ts order so "oldest first" holds even for back-dated events.
    let i = this.events.length;
    while (i > 0 && this.events[i - 1]!.ts > event.ts) i--;
    this.events.splice(i, 0, event);
  }
  async all(): Promise<StoredEvent[]> {
    return [...this.events];
  }
  async latest(n: number): Promise<StoredEvent[]> {
    return this.events.slice(-n).reverse();
  }
  async byItem(itemId: string): Promise<StoredEvent[]> {
    return this.events.filter((e) => 'itemId' in e && e.itemId === itemId);
  }
  async byKind(kind: EventKind): Promise<StoredEvent[]> {
    return this.events.filter((e) => e.kind === kind);
  }
  async count(): Promise<number> {
    return this.events.length;
  }
  async deleteOldest(n: number): Promise<number> {
    const removed = this.events.splice(0, n);
    for (const e of removed) this.ids.delete(e.id);
    return removed.length;
  }
  async deleteBefore(ts: number): Promise<number> {
    const kept: StoredEvent[] = [];
    for (const e of this.events) {
      if (e.ts >= ts) kept.push(e);
      else this.ids.delete(e.id);
    }
    const removed = this.events.length - kept.length;
    this.events = kept;
    return removed;
  }
  async clear(): Promise<void> {
    this.events = [];
    this.ids.clear();
    this.meta.clear();
  }
  async getMeta<T>(key: string): Promise<T | undefined> {
    return this.meta.get(key) as T | undefined;
  }
  async setMeta(key: string, value: unknown): Promise<void> {
    this.meta.set(key, value);
  }
  close(): void {}
}
