import type { EventBackend } from './backend.ts';
import { openEventDb, type EventDb, type StoredEvent } from './db.ts';
import type { EventKind } from './schema.ts';

/** Events in IndexedDB. Every write awaits `tx.done`, so a resolved promise means stored. */
export class IdbBackend implements EventBackend {
  readonly kind = 'indexeddb' as const;
  private constructor(private readonly db: EventDb) {
    // A newer version opened in another tab: close so its upgrade is not blocked forever.
    db.addEventListener('versionchange', () => db.close());
  }

  static async open(name: string): Promise<IdbBackend> {
    return new IdbBackend(await openEventDb(name));
  }

  async add(event: StoredEvent): Promise<void> {
    const tx = this.db.transaction('events', 'readwrite');
    await Promise.all([tx.store.add(event), tx.done]);
  }
  async all(): Promise<StoredEvent[]> {
    return this.db.getAllFromIndex('events', 'by-ts');
  }
  async latest(n: number): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    let cursor = await this.db.transaction('events').store.index('by-ts').openCursor(null, 'prev');
    while (cursor && out.length < n) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }
  async byItem(itemId: string): Promise<StoredEvent[]> {
    return this.db.getAllFromIndex('events', 'by-item', itemId);
  }
  async byKind(kind: EventKind): Promise<StoredEvent[]> {
    return this.db.getAllFromIndex('events', 'by-kind', kind);
  }
  async count(): Promise<number> {
    return this.db.count('events');
  }
  async deleteOldest(n: number): Promise<number> {
    if (n <= 0) return 0;
    const tx = this.db.transaction('events', 'readwrite');
    // Keys in one read, deletes queued without awaiting each: a cursor step per event is ~3× slower.
    const keys = await tx.store.index('by-ts').getAllKeys(null, n);
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    return keys.length;
  }
  async deleteBefore(ts: number): Promise<number> {
    const range = IDBKeyRange.upperBound(ts, true);
    // Retention runs on every page load and there is usually nothing to delete: a read-only
    // count first, because a read-write transaction on events makes the first shelf's reads
    // of them (recent items, the shopper context) wait until it has committed.
    if ((await this.db.countFromIndex('events', 'by-ts', range)) === 0) return 0;
    const tx = this.db.transaction('events', 'readwrite');
    const keys = await tx.store.index('by-ts').getAllKeys(range);
    await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
    return keys.length;
  }
  async clear(): Promise<void> {
    // One transaction: either everything about the shopper goes, or nothing does.
    const stores = ['events', 'meta', 'personal', 'runs'] as const;
    const tx = this.db.transaction(stores, 'readwrite');
    await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
  }
  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('meta', key))?.value as T | undefined;
  }
  async setMeta(key: string, value: unknown): Promise<void> {
    const tx = this.db.transaction('meta', 'readwrite');
    await Promise.all([tx.store.put({ key, value }), tx.done]);
  }
  close(): void {
    this.db.close();
  }
}
