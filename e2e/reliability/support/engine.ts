import type { Page } from '@playwright/test';
import type { EngineState, LocalShelf } from '../../../src/engine/index.ts';
import { TINY } from '../../support/engine.ts';

declare global {
  interface Window {
    shelf: LocalShelf;
  }
}

/** What a LocalShelf that may have failed to start says about itself. */
export interface StartOutcome {
  /** The rejection of `ready`, or null when the model loaded. */
  readyError: string | null;
  state: EngineState;
}

/**
 * Creates `window.shelf` with the tiny options plus `extra`, and waits for `ready` to settle
 * either way: fault tests need the engine that failed, not an exception.
 */
export async function startShelf(
  page: Page,
  dbName: string,
  extra: Record<string, unknown> = {},
): Promise<StartOutcome> {
  return page.evaluate(
    async ({ options }) => {
      const shelf = await window.engine.LocalShelf.create(options as never);
      window.shelf = shelf;
      const readyError = await shelf.ready.then(
        () => null,
        (e: unknown) => (e as Error).message,
      );
      return { readyError, state: shelf.getSnapshot() };
    },
    { options: { ...TINY, dbName, ...extra } },
  );
}

/** Tracks `n` views of tiny-catalog products through `window.shelf`; resolves to how many were stored. */
export async function trackViews(page: Page, n: number): Promise<number> {
  return page.evaluate(async (n) => {
    let stored = 0;
    for (let i = 0; i < n; i++)
      if (await window.shelf.track({ kind: 'view', itemId: `t-0${String(i % 11).padStart(2, '0')}` }))
        stored++;
    return stored;
  }, n);
}

/** Raw reads of the LocalShelf database, bypassing the engine: what is really on disk. */
export async function readDb(
  page: Page,
  dbName: string,
): Promise<{ events: number; personalKeys: string[]; pointer: unknown }> {
  return page.evaluate(
    (dbName) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['events', 'personal', 'meta'], 'readonly');
          const events = tx.objectStore('events').count();
          const keys = tx.objectStore('personal').getAllKeys();
          const pointer = tx.objectStore('meta').get('personal-current');
          tx.oncomplete = () => {
            db.close();
            resolve({
              events: events.result,
              personalKeys: keys.result.map(String),
              pointer: (pointer.result as { value?: unknown } | undefined)?.value,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    dbName,
  );
}

/** Writes a personal-weights record and points `personal-current` at it, as a finished save would. */
export async function writePersonal(
  page: Page,
  dbName: string,
  record: { key: string; baseModel: string; rerankerVersion?: string | null; weights: unknown },
): Promise<void> {
  await page.evaluate(
    ({ dbName, record }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(dbName);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(['personal', 'meta'], 'readwrite');
          tx.objectStore('personal').put({ ...record, savedAt: Date.now() });
          tx.objectStore('meta').put({ key: 'personal-current', value: record.key });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { dbName, record },
  );
}
