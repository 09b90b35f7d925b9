import { openEventDb } from './db.ts';

/**
 * The visitor's consent to storing their behaviour, for sites that must ask first (EU). The
 * record lives in the same database as what it allows, so deleting the database withdraws it.
 */
export const CONSENT_KEY = 'consent';

export interface ConsentRecord {
  granted: true;
  /** When it was given, ms since the epoch. */
  at: number;
}

/**
 * Whether consent is on record in `dbName`, read without creating the database: a browser
 * that cannot list its databases (`indexedDB.databases`) answers false, and the site asks again.
 */
export async function storedConsent(dbName: string): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  const known = await indexedDB.databases().catch(() => []);
  if (!known.some((db) => db.name === dbName)) return false;
  const db = await openEventDb(dbName);
  try {
    const record = (await db.get('meta', CONSENT_KEY))?.value as ConsentRecord | undefined;
    return record?.granted === true;
  } finally {
    db.close();
  }
}

/**
 * Deletes the whole database: events, settings, personal weights, run log and the consent
 * record. Open connections close on the `versionchange` this fires, so the deletion is not
 * blocked for long; it resolves once the database is gone.
 */
export function deleteEventDb(dbName: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(dbName);
    request.onsuccess = () => resolve();
    request.onerror = () =>
      reject(new Error(`LocalShelf could not delete the database "${dbName}": ${request.error?.message}`));
  });
}
