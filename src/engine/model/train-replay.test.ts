import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EncodedHistory } from './history.ts';
import { createModel, getEncoder } from './model.ts';
import { train, type TrainLog, type TrainOptions, type TrainResult } from './train.ts';

const hist = (items: number[]): EncodedHistory => ({
  items: Int32Array.from(items),
  kinds: new Int32Array(items.length).fill(5),
  recency: new Int32Array(items.length).fill(1),
});

async function run(
  gen: AsyncGenerator<TrainLog, TrainResult>,
): Promise<{ logs: TrainLog[]; result: TrainResult }> {
  const logs: TrainLog[] = [];
  let next = await gen.next();
  while (!next.done) {
    logs.push(next.value);
    next = await gen.next();
  }
  return { logs, result: next.value };
}

describe('train: replaying a chosen schedule (the refit)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  // No dropout, so a run is a function of the seed; the rate halves after every epoch without a gain.
  const options: TrainOptions = {
    epochs: 8,
    batchSize: 8,
    learningRate: 0.05,
    negatives: 6,
    warmupEpochs: 0.5,
    lrDecay: 0.5,
    lrPatience: 1,
    patience: 8,
    seed: 5,
  };
  const sequences = Array.from({ length: 24 }, (_, s) =>
    hist(Array.from({ length: 3 + (s % 4) }, (_, k) => ((s * 5 + k * 3) % 17) + 1)),
  );
  // Each sequence steps by 3 (mod 17); so do the validation cases.
  const next = (item: number, steps: number) => ((item - 1 + 3 * steps) % 17) + 1;
  const validation = [1, 4, 9, 12].map((s) => ({ history: hist([s, next(s, 1)]), target: next(s, 2) }));
  const weightsOf = (model: tf.LayersModel) =>
    getEncoder(model).trainableWeights.map((w) => Array.from((w.read() as tf.Tensor).dataSync()));

  it('reproduces the weights of the epoch a run chose, validating nothing', async () => {
    const model = createModel({ numItems: 17, dim: 8, maxLen: 6, blocks: 1, dropout: 0, seed: 4 });
    const vars = getEncoder(model).trainableWeights.map((w) => w.read() as tf.Variable);
    const initial = vars.map((v) => v.clone());
    const first = await run(train(model, sequences, validation, options));
    // The case this test is for: a rate lowered before the chosen epoch, which the replay must repeat.
    const replay = first.result.improvements.slice(0, first.result.bestEpoch);
    expect(first.result.improvements.length).toBe(first.result.epochs);
    expect(replay.slice(1).includes(false)).toBe(true);
    const chosen = weightsOf(model);

    vars.forEach((v, i) => v.assign(initial[i] as tf.Tensor));
    // Validation cases that could not be scored: the replay must not touch them.
    const unusable = [{ history: hist([1]), target: 999 }];
    const again = await run(train(model, sequences, unusable, options, replay));
    expect(again.result.epochs).toBe(replay.length);
    expect(again.result.improvements).toEqual(replay);
    expect(again.logs.filter((l) => l.type === 'epoch').map((l) => l.valid)).toEqual(replay.map(() => ({})));
    expect(weightsOf(model)).toEqual(chosen);

    // Without the lowered rates the same epochs end elsewhere: the schedule is part of what is replayed.
    vars.forEach((v, i) => v.assign(initial[i] as tf.Tensor));
    await run(
      train(
        model,
        sequences,
        unusable,
        options,
        replay.map(() => true),
      ),
    );
    expect(weightsOf(model)).not.toEqual(chosen);
    initial.forEach((t) => t.dispose());
  });
});
