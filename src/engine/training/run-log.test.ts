import { describe, expect, it } from 'vitest';
import type { TrainingRun } from './run.ts';
import { readRun, readRunLog } from './run-log.ts';

const metrics = { mrr: 0.5, 'HR@10': 1, 'NDCG@10': 0.6, loss: 2.1 };
const rerankerMetrics = { MRR: 0.6, accuracy: 0.7, auc: NaN, logLoss: 0.4, examples: 10, positives: 2 };
const run: TrainingRun = {
  trigger: 'manual',
  startedAt: 1_767_225_600_000,
  steps: 2,
  losses: [3, 2.5],
  heldBackLosses: [2.4, NaN],
  trainableParams: 4160,
  examples: 9,
  heldBack: 2,
  before: metrics,
  after: { ...metrics, mrr: 0.6 },
  accepted: true,
  reason: 'kept: held-back MRR rose',
  ms: 120,
  msPerStep: 60,
  backend: 'wasm',
  reranker: {
    version: 'reranker-abc',
    verdict: 'kept: …',
    accepted: true,
    reason: 'kept',
    lists: 5,
    trainLists: 4,
    trainRows: 40,
    heldBackLists: 1,
    steps: 30,
    bestStep: 20,
    losses: [0.6, 0.5],
    before: rerankerMetrics,
    after: rerankerMetrics,
    localClickRate: 0.1,
    globalClickRate: 0.05,
    ms: 40,
  },
};

describe('the run log as read back', () => {
  it('reads a logged run, its IndexedDB key kept, and one logged before the re-ranker existed', () => {
    expect(readRun({ ...run, seq: 3 })).toEqual({ ...run, seq: 3 });
    const { reranker: _, ...older } = run;
    expect(readRun({ ...older, before: null, after: null })).toEqual({ ...older, before: null, after: null });
  });

  it('names the first field it cannot read', () => {
    expect(() => readRun({ ...run, losses: 'x' })).toThrow('"losses" is "x"; expected an array of numbers');
    expect(() => readRun({ ...run, before: {} })).toThrow('"before.mrr" is undefined; expected a number');
    expect(() => readRun({ ...run, reranker: { ...run.reranker, after: 1 } })).toThrow(
      '"reranker.after" is 1; expected an object',
    );
    expect(() => readRun(null)).toThrow('the record is null; expected an object');
  });

  it('keeps the readable runs in order and says how many it left out', () => {
    const { runs, unreadable } = readRunLog([run, { ...run, accepted: 'yes' }, { ...run, trigger: 'b' }]);
    expect(runs.map((r) => r.trigger)).toEqual(['manual', 'b']);
    expect(unreadable).toMatch(
      /^1 of 3 logged training runs could not be read .*record 2: "accepted" is "yes"; expected true or false/,
    );
    expect(readRunLog([run]).unreadable).toBeNull();
  });
});
