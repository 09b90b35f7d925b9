import { DEFAULT_DB_NAME, storedConsent } from '../engine/index.ts';
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
