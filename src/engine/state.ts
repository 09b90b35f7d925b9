import { RUN_LOG_KEEP } from './events/db.ts';
import type { BackendInfo } from './worker/backend.ts';
import type { ModelInfo, WorkerRequests } from './worker/protocol.ts';
import type { TrainingLog, TrainingRun } from './training/run.ts';

/** The engine's state as the shop and the devtools see it. Replaced, never mutated. */
export interface EngineState {
  status: 'starting' | 'ready' | 'error';
  backend: BackendInfo | null;
  model: ModelInfo | null;
  training: {
    active: boolean;
    trigger: string | null;
    /** Step logs of the run in progress (or the last one). */
    steps: { step: number; loss: number; heldBackLoss: number }[];
    lastRun: TrainingRun | null;
    /** Why the last request to train did not run, if it did not. */
    lastSkip: string | null;
    /**
     * The run log, oldest first: read from the device once the model has loaded, then each run
     * this page logs is appended (the newest RUN_LOG_KEEP, as the log keeps them).
     */
    runs: TrainingRun[];
  };
  /** Item events tracked since the last training run (drives automatic training); kept in IndexedDB across page loads. */
  newEvents: number;
  /** Shelf impressions tracked since the last training run; kept with `newEvents`. */
  newImpressions: number;
  error: string | null;
  warnings: string[];
  /** The model worker's own requests (the page's Resource Timing does not see them); null until it reports. */
  workerRequests: WorkerRequests | null;
}

/** Every transition, as a discriminated union: the devtools list them as they happen. */
export type EngineAction =
  | { type: 'backend-ready'; backend: BackendInfo }
  | { type: 'backend-changed'; backend: BackendInfo; reason: string }
  | { type: 'model-loaded'; model: ModelInfo }
  | { type: 'counters-loaded'; newEvents: number; newImpressions: number }
  | { type: 'event-tracked'; itemEvent: boolean; impression?: boolean }
  | { type: 'train-started'; trigger: string }
  | { type: 'train-log'; log: TrainingLog }
  | { type: 'runs-loaded'; runs: TrainingRun[] }
  /** `logged`: whether the worker wrote the run to the device's log (not when storing nothing). */
  | { type: 'train-finished'; run: TrainingRun; model: ModelInfo; logged: boolean }
  | { type: 'train-skipped'; reason: string }
  | { type: 'personal-reset'; model: ModelInfo }
  | { type: 'warning'; message: string }
  | { type: 'worker-requests'; requests: WorkerRequests }
  | { type: 'failed'; message: string };

export const INITIAL_STATE: EngineState = {
  status: 'starting',
  backend: null,
  model: null,
  training: { active: false, trigger: null, steps: [], lastRun: null, lastSkip: null, runs: [] },
  newEvents: 0,
  newImpressions: 0,
  error: null,
  warnings: [],
  workerRequests: null,
};

export function reduce(state: EngineState, action: EngineAction): EngineState {
  switch (action.type) {
    case 'backend-ready':
      return { ...state, backend: action.backend };
    case 'backend-changed':
      return {
        ...state,
        backend: action.backend,
        warnings: [...state.warnings, `backend changed: ${action.reason}`].slice(-20),
      };
    case 'model-loaded':
      return { ...state, status: 'ready', model: action.model, error: null };
    case 'counters-loaded':
      return { ...state, newEvents: action.newEvents, newImpressions: action.newImpressions };
    case 'event-tracked':
      if (action.itemEvent) return { ...state, newEvents: state.newEvents + 1 };
      return action.impression ? { ...state, newImpressions: state.newImpressions + 1 } : state;
    case 'train-started':
      return {
        ...state,
        training: { ...state.training, active: true, trigger: action.trigger, steps: [], lastSkip: null },
      };
    case 'train-log': {
      const log = action.log;
      if (log.type !== 'step') return state;
      const step = { step: log.step, loss: log.loss, heldBackLoss: log.heldBackLoss };
      return { ...state, training: { ...state.training, steps: [...state.training.steps, step] } };
    }
    case 'train-finished':
      return {
        ...state,
        model: action.model,
        newEvents: 0,
        newImpressions: 0,
        training: {
          ...state.training,
          active: false,
          lastRun: action.run,
          runs: action.logged
            ? [...state.training.runs, action.run].slice(-RUN_LOG_KEEP)
            : state.training.runs,
        },
      };
    case 'runs-loaded':
      return { ...state, training: { ...state.training, runs: action.runs } };
    case 'train-skipped':
      return { ...state, training: { ...state.training, active: false, lastSkip: action.reason } };
    case 'personal-reset':
      return { ...state, model: action.model };
    case 'worker-requests':
      return { ...state, workerRequests: action.requests };
    case 'warning':
      return { ...state, warnings: [...state.warnings, action.message].slice(-20) };
    case 'failed':
      return { ...state, status: 'error', error: action.message };
  }
}
