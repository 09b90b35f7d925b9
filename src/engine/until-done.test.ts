import { describe, expect, it } from 'vitest';
import { untilDone } from './until-done.ts';

describe('untilDone', () => {
  it('drops what the generator yields and resolves with what it returns', async () => {
    async function* run() {
      yield 1;
      yield 2;
      return 'done';
    }
    await expect(untilDone(run())).resolves.toBe('done');
  });

  it('starts the generator when called, as the promise it replaces did', () => {
    let started = false;
    async function* run() {
      started = true;
      await Promise.resolve();
      yield 0;
      return null;
    }
    void untilDone(run());
    expect(started).toBe(true);
  });

  it('rejects with what the generator throws', async () => {
    async function* run() {
      yield 0;
      throw new Error('worker stopped');
    }
    await expect(untilDone(run())).rejects.toThrow('worker stopped');
  });
});
