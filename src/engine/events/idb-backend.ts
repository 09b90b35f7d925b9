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
  async bySession(sessionId: string): Promise<StoredEvent[]> {
    return this.db.getAllFromIndex('events', 'by-session', sessionId);
  }
  async byKind(kind: EventKind): Promise<StoredEvent[]> {
    return this.db.getAllFromIndex('events', 'by-kind', kind);
  }
  async count(): Promise<number> {
    return this.db.count('events');
  }
  async deleteOldest(n: number): Promise<number> {
    const tx = this.db.transaction('events', 'readwrite');
    let deleted = 0;
    let cursor = await tx.store.index('by-ts').openCursor();
    while (cursor && deleted < n) {
      await cursor.delete();
      deleted++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return deleted;
  }
  async deleteBefore(ts: number): Promise<number> {
    const tx = this.db.transaction('events', 'readwrite');
    let deleted = 0;
    let cursor = await tx.store.index('by-ts').openCursor(IDBKeyRange.upperBound(ts, true));
    while (cursor) {
      await cursor.delete();
      deleted++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return deleted;
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
