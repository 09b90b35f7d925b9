import { DEFAULT_DB_NAME, deleteEventDb, forgetAssetCache, storedConsent } from '../engine/index.ts';
import type { ResolvedOptions } from './options.ts';

/** Where the visitor's consent stands, as `LocalShelf.privacy()` reports it. */
export type ConsentStatus = 'not-required' | 'pending' | 'granted' | 'withdrawn';

export function dbNameOf(options: ResolvedOptions): string {
  return options.dbName ?? DEFAULT_DB_NAME;
}

/** Whether this page's engine may store, from the options and, when asked, the consent on record. */
export async function mayStore(options: ResolvedOptions): Promise<boolean> {
  if (options.storage !== 'ask') return options.storage === 'yes';
  // A database that cannot be read is treated as no consent: ask again rather than store.
  return storedConsent(dbNameOf(options)).catch(() => false);
}

export function consentStatus(options: ResolvedOptions, storing: boolean): ConsentStatus {
  if (options.storage === 'no') return 'withdrawn';
  if (!options.requireConsent && options.storage === 'yes') return 'not-required';
  return storing ? 'granted' : 'pending';
}

/**
 * Everything LocalShelf stored in this browser: the database (events, personal weights, run
 * log, the consent record) and the cached copies of the model and catalog.
 */
export async function deleteStored(options: ResolvedOptions): Promise<void> {
  await deleteEventDb(dbNameOf(options));
  await forgetAssetCache();
}
