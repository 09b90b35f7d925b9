import { describe, expect, it } from 'vitest';
import { RUN_LOG_KEEP } from './events/db.ts';
import { INITIAL_STATE, reduce, type EngineAction, type EngineState } from './state.ts';
import type { BackendInfo } from './worker/backend.ts';
import type { ModelInfo } from './worker/protocol.ts';
import type { TrainingRun } from './training/run.ts';

// Opaque payloads: the reducer stores them as given.
const backend = (name: BackendInfo['name']) => ({ name, renderer: null }) as unknown as BackendInfo;
const model = (baseModel: string) => ({ baseModel }) as unknown as ModelInfo;
const run = { accepted: true } as unknown as TrainingRun;

const apply = (actions: EngineAction[], from: EngineState = INITIAL_STATE) => actions.reduce(reduce, from);

describe('the engine reducer', () => {
  it('starts, becomes ready with a model, and clears an earlier error', () => {
    expect(INITIAL_STATE.status).toBe('starting');
    const failed = reduce(INITIAL_STATE, { type: 'failed', message: 'no WebGL' });
    expect(failed).toMatchObject({ status: 'error', error: 'no WebGL' });
    const ready = reduce(failed, { type: 'model-loaded', model: model('demo') });
    expect(ready).toMatchObject({ status: 'ready', error: null, model: { baseModel: 'demo' } });
  });

  it('never mutates the state it is given', () => {
    const before = structuredClone(INITIAL_STATE);
    const after = apply([
      { type: 'backend-ready', backend: backend('wasm') },
      { type: 'event-tracked', itemEvent: true },
      { type: 'train-started', trigger: 'manual' },
      { type: 'train-log', log: { type: 'step', step: 1, loss: 0.5, heldBackLoss: 0.6, elapsedMs: 3 } },
      { type: 'warning', message: 'careful' },
    ]);
    expect(INITIAL_STATE).toEqual(before);
    expect(after).not.toBe(INITIAL_STATE);
  });

  it('counts item events and impressions, and ignores other events', () => {
    const state = apply([
      { type: 'counters-loaded', newEvents: 3, newImpressions: 1 },
      { type: 'event-tracked', itemEvent: true },
      { type: 'event-tracked', itemEvent: false, impression: true },
      { type: 'event-tracked', itemEvent: false },
    ]);
    expect(state).toMatchObject({ newEvents: 4, newImpressions: 2 });
    const unchanged = reduce(state, { type: 'event-tracked', itemEvent: false });
    expect(unchanged).toBe(state);
  });

  it("collects a run's step logs and resets the counters when it finishes", () => {
    const state = apply([
      { type: 'counters-loaded', newEvents: 9, newImpressions: 5 },
      { type: 'train-started', trigger: 'auto: 9 new events' },
      {
        type: 'train-log',
        log: { type: 'start', examples: 4, heldBack: 1, trainableParams: 10, before: {} as never },
      },
      { type: 'train-log', log: { type: 'step', step: 1, loss: 0.9, heldBackLoss: 1.0, elapsedMs: 5 } },
      { type: 'train-log', log: { type: 'step', step: 2, loss: 0.7, heldBackLoss: 0.8, elapsedMs: 5 } },
    ]);
    expect(state.training).toMatchObject({ active: true, trigger: 'auto: 9 new events', lastSkip: null });
    expect(state.training.steps).toEqual([
      { step: 1, loss: 0.9, heldBackLoss: 1.0 },
      { step: 2, loss: 0.7, heldBackLoss: 0.8 },
    ]);
    const done = reduce(state, { type: 'train-finished', run, model: model('tuned'), logged: true });
    expect(done).toMatchObject({ newEvents: 0, newImpressions: 0, model: { baseModel: 'tuned' } });
    expect(done.training).toMatchObject({ active: false, lastRun: run });
    // A new run starts with no steps of the last one.
    expect(reduce(done, { type: 'train-started', trigger: 'manual' }).training.steps).toEqual([]);
  });

  it('keeps the run log: read once, then each logged run appended, the newest RUN_LOG_KEEP', () => {
    const older = { ...run, trigger: 'older' };
    const loaded = reduce(INITIAL_STATE, { type: 'runs-loaded', runs: [older] });
    const finished = reduce(loaded, { type: 'train-finished', run, model: model('tuned'), logged: true });
    expect(finished.training.runs).toEqual([older, run]);
    // A run the worker did not log (the engine stores nothing) is the last run, not in the log.
    const unlogged = reduce(loaded, { type: 'train-finished', run, model: model('tuned'), logged: false });
    expect(unlogged.training).toMatchObject({ lastRun: run, runs: [older] });
    const full = reduce(INITIAL_STATE, {
      type: 'runs-loaded',
      runs: Array.from({ length: RUN_LOG_KEEP }, (_, i) => ({ ...run, trigger: `run ${i}` })),
    });
    const rotated = reduce(full, { type: 'train-finished', run, model: model('tuned'), logged: true });
    expect(rotated.training.runs).toHaveLength(RUN_LOG_KEEP);
    expect(rotated.training.runs[0]!.trigger).toBe('run 1');
    expect(rotated.training.runs.at(-1)).toBe(run);
  });

  it('records why a run was skipped', () => {
    const state = apply([
      { type: 'train-started', trigger: 'manual' },
      { type: 'train-skipped', reason: 'too few events' },
    ]);
    expect(state.training).toMatchObject({ active: false, lastSkip: 'too few events' });
  });

  it('keeps the last 20 warnings, backend changes among them', () => {
    const warnings = Array.from({ length: 25 }, (_, i): EngineAction => ({
      type: 'warning',
      message: `w${i}`,
    }));
    const state = apply([
      ...warnings,
      { type: 'backend-changed', backend: backend('cpu'), reason: 'WebGL context lost' },
    ]);
    expect(state.warnings).toHaveLength(20);
    expect(state.warnings[0]).toBe('w6');
    expect(state.warnings.at(-1)).toBe('backend changed: WebGL context lost');
    expect(state.backend?.name).toBe('cpu');
  });
});
