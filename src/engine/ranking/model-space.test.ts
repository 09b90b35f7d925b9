import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../model/model.ts';
import type { PersonalHead } from '../training/personal-head.ts';
import { ModelItemSpace } from './model-space.ts';

describe("the model space's scores after a history", () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('are kept for a repeated history, handed out as copies, and recomputed for another head', async () => {
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    const model = createModel({ numItems: 5, dim: 8, maxLen: 4, dropout: 0, seed: 3 });
    // A stand-in adapter that doubles the user vector: its scores are twice the model's.
    const doubling = { apply: (user: tf.Tensor2D) => user.mul(2) } as unknown as PersonalHead;
    const personal: { head: PersonalHead | null } = { head: null };
    const space = await ModelItemSpace.create(model, vocabulary, null, personal);
    const steps = [
      { itemId: 'a', kind: 'view' as const, ts: 1 },
      { itemId: 'c', kind: 'click' as const, ts: 2 },
    ];
    const first = (await space.scoreAfter(steps))!;
    const tensors = tf.memory().numTensors;
    const again = (await space.scoreAfter(steps))!;
    expect(Array.from(again)).toEqual(Array.from(first));
    expect(again).not.toBe(first);
    again.fill(0); // a caller's change never reaches the next caller
    expect(Array.from((await space.scoreAfter(steps))!)).toEqual(Array.from(first));
    expect(tf.memory().numTensors).toBe(tensors);

    personal.head = doubling;
    const doubled = (await space.scoreAfter(steps))!;
    // The catalog prior is 0 without a catalog, so each score is exactly the user · item product.
    doubled.forEach((s, i) => expect(s).toBeCloseTo(2 * first[i]!, 4));
    personal.head = null;
    expect(Array.from((await space.scoreAfter(steps))!)).toEqual(Array.from(first));

    const other = (await space.scoreAfter([{ itemId: 'b', kind: 'view', ts: 5 }]))!;
    expect(Array.from(other)).not.toEqual(Array.from(first));
    space.dispose();
    model.dispose();
  });
});
