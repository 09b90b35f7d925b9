import { describe, expect, it, vi } from 'vitest';
import type { LocalShelf } from '../engine/index.ts';
import { peekAtLoad, readAtLoad, takeAtLoad } from './load-reads.ts';

/** Just what load-reads touches: the store's revision. */
function engineAt(revision: { value: number }): LocalShelf {
  return { events: { getSnapshot: () => ({ revision: revision.value }) } } as unknown as LocalShelf;
}

describe('reads started at page load', () => {
  it('are handed to the first page that asks, once', async () => {
    const engine = engineAt({ value: 4 });
    await readAtLoad(engine, 'shelves', () => Promise.resolve({ home: 1 }));
    expect(takeAtLoad(engine, 'shelves')).toEqual({ home: 1 });
    expect(takeAtLoad(engine, 'shelves')).toBeUndefined();
  });

  it('can be looked at before the page takes them (a preview drawn first)', async () => {
    const revision = { value: 4 };
    const engine = engineAt(revision);
    await readAtLoad(engine, 'shelves', () => Promise.resolve({ home: 1 }));
    expect(peekAtLoad(engine, 'shelves')).toEqual({ home: 1 });
    expect(takeAtLoad(engine, 'shelves')).toEqual({ home: 1 });
    expect(peekAtLoad(engine, 'shelves')).toBeUndefined();
    await readAtLoad(engine, 'recent', () => Promise.resolve([1]));
    revision.value = 5;
    expect(peekAtLoad(engine, 'recent')).toBeUndefined();
  });

  it('are not trusted once anything was stored or deleted after them', async () => {
    const revision = { value: 4 };
    const engine = engineAt(revision);
    await readAtLoad(engine, 'shelves', () => Promise.resolve({ home: 1 }));
    revision.value = 5; // e.g. "delete everything" before the page that reads it was drawn
    expect(takeAtLoad(engine, 'shelves')).toBeUndefined();
  });

  it('say so when the read fails, and leave the page to read for itself', async () => {
    const engine = engineAt({ value: 0 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await readAtLoad(engine, 'recent', () => Promise.reject(new Error('the database is closed')));
    expect(warn.mock.calls[0]![0]).toMatch(/recent could not be read ahead \(the database is closed\)/);
    expect(takeAtLoad(engine, 'recent')).toBeUndefined();
    warn.mockRestore();
  });
});
