import { describe, expect, it } from 'vitest';
import { MemoryBackend } from './memory-backend.ts';

const view = (id: string, ts: number) => ({ id, ts, sessionId: 's', kind: 'view' as const, itemId: 'p' });

describe('the in-memory event backend', () => {
  it('refuses a reused id like IndexedDB does, and accepts it again once the first is pruned', async () => {
    const backend = new MemoryBackend();
    await backend.add(view('a', 1));
    await expect(backend.add(view('a', 2))).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await backend.count()).toBe(1);
    await backend.deleteBefore(2);
    await backend.add(view('a', 3));
    expect((await backend.all()).map((e) => e.ts)).toEqual([3]);
  });

  it('keeps time order for back-dated events and prunes the oldest first', async () => {
    const backend = new MemoryBackend();
    for (const [id, ts] of [
      ['x', 30],
      ['y', 10],
      ['z', 20],
    ] as const)
      await backend.add(view(id, ts));
    expect((await backend.all()).map((e) => e.id)).toEqual(['y', 'z', 'x']);
    expect(await backend.deleteOldest(2)).toBe(2);
    expect((await backend.latest(5)).map((e) => e.id)).toEqual(['x']);
  });
});
