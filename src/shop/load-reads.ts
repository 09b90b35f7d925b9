import type { LocalShelf } from '../engine/index.ts';

/**
 * IndexedDB reads the first page needs, started while the catalog loads (session.ts) so the
 * first page can draw from them in its first render instead of after an effect, a read and a
 * second render (~100 ms each on a return visit). Each is taken once, by the first page that
 * asks, and only while the store is as it was when read (nothing stored or deleted since, say
 * "delete everything"); otherwise the page reads IndexedDB itself, as every later page does.
 */
const reads = new WeakMap<LocalShelf, Map<string, { revision: number; value: unknown }>>();

/** Reads `name` for this page load; never fails (a failed read only costs the head start). */
export async function readAtLoad(
  engine: LocalShelf,
  name: string,
  read: () => Promise<unknown>,
): Promise<void> {
  try {
    const revision = engine.events.getSnapshot().revision;
    const value = await read();
    let forEngine = reads.get(engine);
    if (!forEngine) reads.set(engine, (forEngine = new Map()));
    forEngine.set(name, { revision, value });
  } catch (e) {
    console.warn(
      `LocalShelf: ${name} could not be read ahead (${(e as Error).message}); the page reads it itself.`,
    );
  }
}

/** The value read at load, once, if the store has not changed since; undefined otherwise. */
export function takeAtLoad<T>(engine: LocalShelf, name: string): T | undefined {
  const value = peekAtLoad<T>(engine, name);
  reads.get(engine)?.delete(name);
  return value;
}

/** Like takeAtLoad, but leaves the value for the page: for what is drawn before it (a preview). */
export function peekAtLoad<T>(engine: LocalShelf, name: string): T | undefined {
  const read = reads.get(engine)?.get(name);
  if (!read || read.revision !== engine.events.getSnapshot().revision) return undefined;
  return read.value as T;
}
