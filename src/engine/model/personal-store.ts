import {
  openEventDb,
  RUN_LOG_KEEP,
  type EventDb,
  type PersonalRecord,
  type StoredRun,
} from '../events/db.ts';

const CURRENT_KEY = 'personal-current';

/** Why saved personal weights were not used; logged and shown in the devtools. */
export interface DiscardNotice {
  key: string | null;
  reason: string;
}

/**
 * The shopper's personal weights in IndexedDB. A save writes the new version in
 * one transaction and switches the `personal-current` pointer in a second one,
 * so a tab closed mid-save leaves the previous version current and intact.
 * Every record is tagged with the pretrained model it was trained on (and the shipped
 * re-ranker its re-ranker part started from).
 */
export class PersonalStore {
  private constructor(private readonly db: EventDb | null) {}

  /**
   * Opens the store; without IndexedDB, or with no database name (nothing may be stored yet),
   * it keeps nothing (the worker holds weights in memory).
   */
  static async open(dbName: string | null): Promise<PersonalStore> {
    if (typeof indexedDB === 'undefined' || dbName === null) return new PersonalStore(null);
    try {
      const db = await openEventDb(dbName);
      db.addEventListener('versionchange', () => db.close());
      return new PersonalStore(db);
    } catch {
      return new PersonalStore(null);
    }
  }

  get persistent(): boolean {
    return this.db !== null;
  }

  /**
   * Step 1 of a save: writes a new version without making it current. Resolves to its key.
   * `rerankerVersion` tags the record with the shipped re-ranker its re-ranker part started from.
   */
  async writeVersion(
    baseModel: string,
    weights: unknown,
    now = Date.now(),
    rerankerVersion: string | null = null,
  ): Promise<string> {
    const key = `head-${now}-${Math.floor(Math.random() * 1e6)}`;
    if (!this.db) return key;
    const tx = this.db.transaction('personal', 'readwrite');
    await Promise.all([tx.store.put({ key, baseModel, rerankerVersion, savedAt: now, weights }), tx.done]);
    return key;
  }

  /** Step 2 of a save: makes `key` current and deletes every other version. */
  async switchTo(key: string): Promise<void> {
    if (!this.db) return;
    const tx = this.db.transaction(['personal', 'meta'], 'readwrite');
    const personal = tx.objectStore('personal');
    const others = (await personal.getAllKeys()).filter((k) => k !== key);
    await Promise.all([
      tx.objectStore('meta').put({ key: CURRENT_KEY, value: key }),
      ...others.map((k) => personal.delete(k)),
      tx.done,
    ]);
  }

  /** Saves atomically (both steps); resolves to the time saved. */
  async save(baseModel: string, weights: unknown, rerankerVersion: string | null = null): Promise<number> {
    const now = Date.now();
    await this.switchTo(await this.writeVersion(baseModel, weights, now, rerankerVersion));
    return now;
  }

  /**
   * The current weights for `baseModel`, or null with the reason they were discarded
   * (none saved, another pretrained model, a missing or unreadable record).
   * `check` validates the weights' shape and throws when they are unusable.
   */
  async load(
    baseModel: string,
    check: (weights: unknown) => void,
  ): Promise<{ record: PersonalRecord } | { discarded: DiscardNotice }> {
    if (!this.db) return { discarded: { key: null, reason: 'no persistent storage' } };
    const pointer = (await this.db.get('meta', CURRENT_KEY))?.value;
    if (pointer === undefined) return { discarded: { key: null, reason: 'no personal weights saved yet' } };
    if (typeof pointer !== 'string')
      return this.discard(null, `the current-version pointer is ${typeof pointer}; expected a key`);
    const record = await this.db.get('personal', pointer);
    if (!record) return this.discard(pointer, `the current version "${pointer}" is missing`);
    if (record.baseModel !== baseModel)
      return this.discard(
        pointer,
        `trained on pretrained model "${record.baseModel}"; the loaded model is "${baseModel}"`,
      );
    try {
      check(record.weights);
    } catch (error) {
      return this.discard(pointer, `unreadable weights: ${(error as Error).message}`);
    }
    return { record };
  }

  private async discard(key: string | null, reason: string): Promise<{ discarded: DiscardNotice }> {
    await this.clear();
    return { discarded: { key, reason } };
  }

  /** Forgets the personal weights (the pretrained model is used again). */
  async clear(): Promise<void> {
    if (!this.db) return;
    const tx = this.db.transaction(['personal', 'meta'], 'readwrite');
    await Promise.all([
      tx.objectStore('personal').clear(),
      tx.objectStore('meta').delete(CURRENT_KEY),
      tx.done,
    ]);
  }

  /** Appends a training run to the log; keeps the newest `keep`. */
  async logRun(run: StoredRun, keep = RUN_LOG_KEEP): Promise<void> {
    if (!this.db) return;
    const tx = this.db.transaction('runs', 'readwrite');
    await tx.store.add({ ...run });
    const count = await tx.store.count();
    let cursor = count > keep ? await tx.store.openCursor() : null;
    for (let excess = count - keep; cursor && excess > 0; excess--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  }

  /** The logged runs as stored, oldest first: unchecked (training/run-log.ts reads them). */
  async runs(): Promise<unknown[]> {
    return this.db ? this.db.getAll('runs') : [];
  }

  close(): void {
    this.db?.close();
  }
}
