import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SequenceStep } from '../events/queries.ts';
import { createModel, getEncoder, scoreBatch } from '../model/model.ts';
import { transitionTable, voterWeights } from '../model/transitions.ts';
import { rankOf } from '../metrics/rank.ts';
import { holdOutRecent, nextItemExamples } from './examples.ts';
import { fineTune, type FineTuneLog } from './finetune.ts';
import { guardrail } from './guardrail.ts';
import { PersonalHead } from './personal-head.ts';

const NUM_ITEMS = 40;
const vocabulary = new Map(Array.from({ length: NUM_ITEMS }, (_, i) => [`p-${i}`, i + 1]));

/** A shopper who only ever looks at items 30..39, in a loop. */
function loyalShopper(n: number): SequenceStep[] {
  return Array.from({ length: n }, (_, i) => ({
    itemId: `p-${30 + (i % 10)}`,
    kind: 'view' as const,
    ts: 1_700_000_000_000 + i * 60_000,
  }));
}

async function drain(gen: AsyncGenerator<FineTuneLog, PersonalHead | null>) {
  const logs: FineTuneLog[] = [];
  let r = await gen.next();
  while (!r.done) {
    logs.push(r.value);
    r = await gen.next();
  }
  return { logs, head: r.value };
}

describe('on-device fine-tuning', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('builds next-item examples that skip repeats and weight by kind', () => {
    const steps: SequenceStep[] = [
      { itemId: 'p-1', kind: 'view', ts: 1 },
      { itemId: 'p-2', kind: 'view', ts: 2 },
      { itemId: 'p-2', kind: 'add_to_cart', ts: 3 },
      { itemId: 'unknown', kind: 'view', ts: 4 },
      { itemId: 'p-3', kind: 'purchase', ts: 5 },
    ];
    const examples = nextItemExamples(steps, vocabulary, 50);
    expect(examples.map((e) => [e.target, e.weight])).toEqual([
      [3, 1],
      [4, 3],
    ]);
    expect(examples[1]!.seen.sort()).toEqual([2, 3]);
  });

  it('learns a shopper’s taste with few parameters, and the guardrail accepts it', async () => {
    const model = createModel({ numItems: NUM_ITEMS, dim: 16, maxLen: 20, blocks: 1, dropout: 0 });
    const head = new PersonalHead(16, 4);
    const examples = nextItemExamples(loyalShopper(40), vocabulary, 20);
    const tensorsBefore = tf.memory().numTensors;
    const { logs, head: accepted } = await drain(
      fineTune(model, head, examples, { maxSteps: 60, patience: 60, minHeldBack: 1 }),
    );
    const done = logs.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.run.trainableParams).toBe(16 * 4 * 2 + 16);
    expect(done.run.steps).toBeGreaterThan(5);
    expect(done.run.losses.at(-1)!).toBeLessThan(done.run.losses[0]!);
    expect(done.run.after!.mrr).toBeGreaterThan(done.run.before!.mrr);
    expect(done.run.accepted).toBe(true);
    expect(accepted).not.toBeNull();
    // Only the accepted head's three variables remain beyond what existed before.
    expect(tf.memory().numTensors).toBe(tensorsBefore + 3);
    accepted!.dispose();
    head.dispose();
    model.dispose();
  });

  it('trains and judges the scores the shelves rank by: the transition blend is in the held-back ranking', async () => {
    const model = createModel({
      numItems: NUM_ITEMS,
      dim: 16,
      maxLen: 20,
      blocks: 1,
      dropout: 0,
      neighboursPerItem: 2,
    });
    // The loyal shopper's loop 30 → 31 → … → 39 → 30 as the co-occurrence table, strongly weighted.
    const loop = [Int32Array.from({ length: 40 }, (_, i) => 31 + (i % 10))];
    getEncoder(model).setTransitions(
      transitionTable(loop, NUM_ITEMS, { window: 1, perItem: 2, similarity: 'count' }),
      voterWeights(1, 1, 20),
    );
    const head = new PersonalHead(16, 4);
    const examples = nextItemExamples(loyalShopper(40), vocabulary, 20);
    // The held-back examples' mean reciprocal rank under the served scores (the network plus the blend).
    const heldBack = holdOutRecent(examples).heldBack;
    const scores = scoreBatch(
      model,
      heldBack.map((e) => e.history),
    );
    const served =
      heldBack.reduce((s, e, b) => {
        const r = rankOf(
          scores.subarray(b * NUM_ITEMS, (b + 1) * NUM_ITEMS),
          e.target - 1,
          e.seen.filter((x) => x !== e.target).map((x) => x - 1),
        );
        return s + 1 / (r.greater + 1 + r.ties / 2);
      }, 0) / heldBack.length;
    expect(served).toBeGreaterThan(0.9); // the blend alone finds the next item of the loop
    const tensorsBefore = tf.memory().numTensors;
    const { logs, head: accepted } = await drain(
      fineTune(model, head, examples, { maxSteps: 5, minHeldBack: 1 }),
    );
    const start = logs.find((l) => l.type === 'start');
    expect(start?.type === 'start' && start.before.mrr).toBeCloseTo(served, 5);
    accepted?.dispose();
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    head.dispose();
    model.dispose();
  });

  it('stopping mid-run leaves the current head untouched and frees every tensor', async () => {
    const model = createModel({ numItems: NUM_ITEMS, dim: 16, maxLen: 20, blocks: 1, dropout: 0 });
    const head = new PersonalHead(16, 4);
    const before = await head.snapshot();
    const tensorsBefore = tf.memory().numTensors;
    const gen = fineTune(model, head, nextItemExamples(loyalShopper(40), vocabulary, 20), {
      maxSteps: 60,
      patience: 60,
      minHeldBack: 1,
    });
    for (let i = 0; i < 4; i++) await gen.next();
    await gen.return(null);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(await head.snapshot()).toEqual(before);
    head.dispose();
    model.dispose();
  });

  it('skips shoppers with too little history', async () => {
    const model = createModel({ numItems: NUM_ITEMS, dim: 16, maxLen: 20, blocks: 1, dropout: 0 });
    const head = new PersonalHead(16, 4);
    const { logs, head: accepted } = await drain(
      fineTune(model, head, nextItemExamples(loyalShopper(3), vocabulary, 20)),
    );
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      type: 'done',
      run: { accepted: false, reason: 'skipped: 2 next-item examples; need at least 4' },
    });
    expect(accepted).toBeNull();
    head.dispose();
    model.dispose();
  });

  it('does not train when too few held-back examples would judge the update', async () => {
    const model = createModel({ numItems: NUM_ITEMS, dim: 16, maxLen: 20, blocks: 1, dropout: 0 });
    const head = new PersonalHead(16, 4);
    // 9 examples: a fifth held back is 2, under the default of 3.
    const examples = nextItemExamples(loyalShopper(40), vocabulary, 20);
    expect(examples).toHaveLength(9);
    const { logs, head: accepted } = await drain(fineTune(model, head, examples));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      type: 'done',
      run: {
        accepted: false,
        steps: 0,
        heldBack: 2,
        reason: 'skipped: 9 next-item examples leave 2 to judge an update on; need at least 3',
      },
    });
    expect(accepted).toBeNull();
    head.dispose();
    model.dispose();
  });

  it('the guardrail rejects an update that ranks held-back events worse', () => {
    const before = { mrr: 0.2, 'HR@10': 0.4, 'NDCG@10': 0.2, loss: 3 };
    expect(guardrail(before, { ...before, mrr: 0.1, loss: 1 })).toEqual({
      accepted: false,
      reason: 'rejected: held-back MRR fell 0.2000 → 0.1000',
    });
    expect(guardrail(before, { ...before, mrr: 0.3 }).accepted).toBe(true);
    expect(guardrail(before, { ...before, loss: 2.5 }).accepted).toBe(true);
    expect(guardrail(before, before).accepted).toBe(false);
  });
});
