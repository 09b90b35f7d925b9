import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModel } from '../model/model.ts';
import { RERANK_FEATURE_COUNT, RERANK_FEATURE_NAMES } from '../rerank/features.ts';
import type { RerankerRun } from '../rerank/finetune.ts';
import type { LabelledList } from '../rerank/lists.ts';
import { createRerankerNet, Reranker } from '../rerank/model.ts';
import { PersonalHead } from './personal-head.ts';
import { adapterSkipReason, rerankerVerdict, trainPersonal, type TrainingLog } from './run.ts';

const metrics = (MRR: number, auc: number, logLoss: number) => ({
  MRR,
  auc,
  logLoss,
  accuracy: NaN,
  examples: 12,
  positives: 2,
});

function run(patch: Partial<RerankerRun>): RerankerRun {
  return {
    accepted: false,
    reason: '',
    trainLists: 8,
    trainRows: 48,
    heldBackLists: 2,
    steps: 30,
    bestStep: 10,
    losses: [],
    before: metrics(0.61, 0.7, 0.41),
    after: metrics(0.68, 0.75, 0.38),
    localClickRate: 0.17,
    globalClickRate: 0.08,
    ms: 12,
    ...patch,
  };
}

/** A re-ranker with a hand-made card: every list's first item carries a signal, and is clicked. */
function tinyReranker(): Reranker {
  const w = RERANK_FEATURE_COUNT;
  return new Reranker(createRerankerNet(w), {
    format: 'localshelf-reranker/1',
    version: 'reranker-test',
    features: [...RERANK_FEATURE_NAMES],
    featureMean: new Array(w).fill(0),
    featureStd: new Array(w).fill(1),
    population: { items: [], shown: [], clicks: [], clickRate: 0.25 },
    training: {},
  });
}

function lists(n: number): LabelledList[] {
  const w = RERANK_FEATURE_COUNT;
  return Array.from({ length: n }, () => {
    const features = new Float32Array(4 * w);
    features[RERANK_FEATURE_NAMES.indexOf('carts')] = 1;
    return {
      list: { shelf: 'for-you', ts: 0, candidates: [] },
      features,
      labels: Float32Array.from([1, 0, 0, 0]),
    };
  });
}

describe('a training run', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('words the re-ranker verdict for people', () => {
    expect(rerankerVerdict(run({ accepted: true }))).toBe(
      'kept: held-back MRR .61 → .68, AUC .70 → .75, log loss .41 → .38 (newest 2 clicked lists held back; learned from 48 rows in 30 steps)',
    );
    expect(rerankerVerdict(run({ accepted: false, after: metrics(0.55, 0.7, 0.45) }))).toBe(
      'not kept: no step ranked the newest 2 clicked lists better than the shipped weights (the best, step 10: held-back MRR .55 vs shipped .61, log loss .45 vs .41); the shipped weights stay in use',
    );
    expect(
      rerankerVerdict(
        run({
          steps: 0,
          reason:
            'skipped: 1 lists with a click among the last 4; need 3 (some to learn from, the newest held back)',
        }),
      ),
    ).toBe(
      'not run: 1 lists with a click among the last 4; need 3 (some to learn from, the newest held back)',
    );
  });

  it('skips the next-item adapter while the history fits the model’s window, and says why', async () => {
    expect(adapterSkipReason(12, 20)).toBe(
      "skipped: history of 12 events fits the model's 20-event window; the sequence model already reads all of it",
    );
    const model = createModel({ numItems: 10, dim: 8, maxLen: 20, blocks: 1, dropout: 0 });
    const head = new PersonalHead(8, 2);
    let examplesBuilt = false;
    const gen = trainPersonal({
      trigger: 'test',
      model,
      head,
      historyLength: 12,
      maxLen: 20,
      examples: () => ((examplesBuilt = true), []),
      shipped: null,
      lists: async () => [],
    });
    const logs: TrainingLog[] = [];
    let next = await gen.next();
    while (!next.done) {
      logs.push(next.value);
      next = await gen.next();
    }
    expect(examplesBuilt).toBe(false);
    expect(logs.map((l) => l.type)).toEqual(['done']);
    const done = logs[0]!;
    if (done.type !== 'done') throw new Error('expected the done log');
    expect(done.run.reason).toBe(adapterSkipReason(12, 20));
    expect(done.run.reranker).toBeNull();
    expect(next.value).toEqual({ head: null, reranker: null });
    head.dispose();
    model.dispose();
  });

  it('fine-tunes the re-ranker first, and a run stopped with return() frees what it trained', async () => {
    const model = createModel({ numItems: 10, dim: 8, maxLen: 20, blocks: 1, dropout: 0 });
    const head = new PersonalHead(8, 2);
    const shipped = tinyReranker();
    const tensors = tf.memory().numTensors;
    const gen = trainPersonal({
      trigger: 'test',
      model,
      head,
      historyLength: 3,
      maxLen: 20,
      examples: () => [],
      shipped,
      lists: async () => lists(10),
      rerankerOptions: { layers: 'all', learningRate: 0.01 },
    });
    const first = await gen.next();
    expect(first.value).toMatchObject({ type: 'reranker', run: { version: 'reranker-test', lists: 10 } });
    if (first.done || first.value.type !== 'reranker') throw new Error('expected the re-ranker log first');
    expect(first.value.run.verdict).toMatch(/^(kept|not kept): /);
    await gen.return(null);
    expect(tf.memory().numTensors).toBe(tensors);
    shipped.dispose();
    head.dispose();
    model.dispose();
  });
});
