import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ShopEvent } from './schema.ts';

/**
 * The on-device database. Version history (each step is a migration below):
 *  1. `events` keyed by id, indexed by `ts` and `kind`.
 *  2. adds the `by-item` and `by-session` indexes and the `meta` store (pause flag, ...).
 */
export const EVENT_DB_VERSION = 2;
export const DEFAULT_DB_NAME = 'localshelf';

/** Stored form of an event: the validated event itself (item events carry `itemId`, which `by-item` indexes). */
export type StoredEvent = ShopEvent;

export interface LocalShelfDB extends DBSchema {
  events: {
    key: string;
    value: StoredEvent;
    indexes: { 'by-ts': number; 'by-kind': string; 'by-item': string; 'by-session': string };
  };
  meta: {
    key: string;
    value: { key: string; value: unknown };
  };
}

export type EventDb = IDBPDatabase<LocalShelfDB>;

/** Opens (creating or migrating) the database. `onBlocked` fires when another tab holds an old version open. */
export function openEventDb(name: string, onBlocked?: () => void): Promise<EventDb> {
  return openDB<LocalShelfDB>(name, EVENT_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const events = db.createObjectStore('events', { keyPath: 'id' });
        events.createIndex('by-ts', 'ts');
        events.createIndex('by-kind', 'kind');
      }
      if (oldVersion < 2) {
        const events = tx.objectStore('events');
        // Impression events have no itemId and so stay out of this index, as intended.
        events.createIndex('by-item', 'itemId');
        events.createIndex('by-session', 'sessionId');
        db.createObjectStore('meta', { keyPath: 'key' });
      }
    },
    blocked: onBlocked,
    // Another tab wants a newer version: step aside so its upgrade can run.
    blocking() {
      /* closed by the caller on 'versionchange' */
    },
  });
}
