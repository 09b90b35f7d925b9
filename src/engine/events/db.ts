import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ShopEvent } from './schema.ts';

/**
 * The on-device database. Version history (each step is a migration below):
 *  1. `events` keyed by id, indexed by `ts` and `kind`.
 *  2. adds the `by-item` index and the `meta` store (pause flag, ...); it also added a
 *     `by-session` index, which nothing ever read.
 *  3. adds `personal` (the shopper's fine-tuned weights, saved atomically by version)
 *     and `runs` (the log of every training run). Both derive from behaviour, so
 *     "delete everything" clears them with the events.
 *  4. drops the unused `by-session` index (the events stay; sessions are read by time).
 */
export const EVENT_DB_VERSION = 4;
export const DEFAULT_DB_NAME = 'localshelf';

/** Stored form of an event: the validated event itself (item events carry `itemId`, which `by-item` indexes). */
export type StoredEvent = ShopEvent;

export interface LocalShelfDB extends DBSchema {
  events: {
    key: string;
    value: StoredEvent;
    indexes: { 'by-ts': number; 'by-kind': string; 'by-item': string };
  };
  meta: {
    key: string;
    value: { key: string; value: unknown };
  };
  personal: {
    key: string;
    value: PersonalRecord;
  };
  runs: {
    key: number;
    value: StoredRun;
  };
}

/** One saved version of the shopper's personal weights. */
export interface PersonalRecord {
  /** `head-<savedAt>`; the current one is named by the meta key `personal-current`. */
  key: string;
  /** The pretrained model these weights were trained on top of; a mismatch discards them. */
  baseModel: string;
  /** The shipped re-ranker the personal re-ranker weights were fine-tuned from; a mismatch discards that part. */
  rerankerVersion?: string | null;
  savedAt: number;
  /** JSON-safe weights; their shape is checked on load. */
  weights: unknown;
}

/**
 * A training run as logged: a `TrainingRun` (training/finetune.ts, a layer above this one) plus
 * the log's key. Read back as unknown and checked by training/run-log.ts, since a record may
 * come from another version of the engine.
 */
export interface StoredRun {
  seq?: number;
  [key: string]: unknown;
}

/** Runs the log keeps: the newest ones, older ones dropped as new ones are logged. */
export const RUN_LOG_KEEP = 100;

export type EventDb = IDBPDatabase<LocalShelfDB>;

/**
 * Opens (creating or migrating) the database. Whoever keeps the connection open closes it on
 * `versionchange`, so another tab's upgrade or deletion can run.
 */
export function openEventDb(name: string): Promise<EventDb> {
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
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 3) {
        db.createObjectStore('personal', { keyPath: 'key' });
        db.createObjectStore('runs', { keyPath: 'seq', autoIncrement: true });
      }
      if (oldVersion < 4) {
        // Only databases made by versions 2 and 3 have it; deleting an index keeps every record.
        // The typed schema no longer names it, hence the plain DOMStringList.
        const events = tx.objectStore('events');
        if ((events.indexNames as DOMStringList).contains('by-session')) events.deleteIndex('by-session');
      }
    },
  });
}
