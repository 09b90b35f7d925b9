import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getEncoder } from '../../src/engine/node.ts';
import { pretrain } from './pretrain-run.ts';
import type { UserSequence } from './read-dataset.ts';

/**
 * Training items a0..a5 in a ring; every user's validation item is "v<u>" and test item "t<u>",
 * which occur nowhere else.
 */
function ringUsers(): UserSequence[] {
  return Array.from({ length: 24 }, (_, u) => ({
    user: `u${u}`,
    items: [...Array.from({ length: 5 }, (_, t) => `a${(u + t) % 6}`), `v${u}`, `t${u}`],
  }));
}

describe('pretrain: the transition blend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('builds its table from the training split only: no validation or test item is anyone’s neighbour', async () => {
    // A table built from whole sequences would pair a → v and v → t.
    const users = ringUsers();
    const run = await pretrain(users, {
      dim: 8,
      maxLen: 8,
      blocks: 1,
      epochs: 1,
      negatives: 0,
      validUsers: 0,
      neighboursPerItem: 3,
      refit: false,
    });
    const blend = getEncoder(run.model).transitionBlend();
    expect(blend).not.toBeNull();
    expect(run.transitions?.perItem).toBe(3);
    const held = new Set(run.vocabulary.flatMap((id, i) => (/^[vt]/.test(id) ? [i + 1] : [])));
    expect(held.size).toBe(48);
    const neighbours = Array.from(blend?.neighbours ?? []);
    // Training items have neighbours, all of them training items; held-out items have none.
    expect(neighbours.some((j) => j > 0)).toBe(true);
    expect(neighbours.filter((j) => held.has(j))).toEqual([]);
    for (const row of held) expect(neighbours.slice(row * 3, row * 3 + 3)).toEqual([0, 0, 0]);
  });

  it('refits on every item but the test item: validation items join the table, test items never do', async () => {
    const users = ringUsers();
    const run = await pretrain(users, {
      dim: 8,
      maxLen: 8,
      blocks: 1,
      epochs: 2,
      negatives: 0,
      validUsers: 0,
      neighboursPerItem: 3,
      refit: true,
    });
    expect(run.refit?.epochs).toBe(run.result.bestEpoch);
    const blend = getEncoder(run.model).transitionBlend();
    const rowsOf = (prefix: string) =>
      run.vocabulary.flatMap((id, i) => (id.startsWith(prefix) ? [i + 1] : []));
    const neighbours = Array.from(blend?.neighbours ?? []);
    const tests = new Set(rowsOf('t'));
    expect(neighbours.filter((j) => tests.has(j))).toEqual([]);
    for (const row of tests) expect(neighbours.slice(row * 3, row * 3 + 3)).toEqual([0, 0, 0]);
    // Each validation item follows its user's last training item, so the refit's table pairs them.
    for (const row of rowsOf('v')) expect(neighbours[row * 3]).toBeGreaterThan(0);
  });
});
