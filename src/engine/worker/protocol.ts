/**
 * Every message between the page and the LocalShelf worker, in one place.
 * Requests carry an id; the worker answers each with exactly one response.
 * The worker may also push notices (training progress, backend changes) at any time.
 */
import type { BackendName } from '../env.ts';
import type { SequenceStep } from '../events/queries.ts';
import type { ItemScore, Shelf, ShelfRequest } from '../ranking/shelves.ts';
import type { ClickRecord, ImpressionRecord } from '../training/click-features.ts';
import type { FineTuneLog, TrainingRun } from '../training/finetune.ts';
import type { BackendInfo } from './backend.ts';

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
  /** Bytes held on the GPU, when the backend reports it. */
  numBytesInGPU: number | null;
}

/** What the shopper's device knows, sent with each call (works the same when events live only in memory). */
export interface ContextPayload {
  steps: SequenceStep[];
  /** Recent shelf impressions and clicks: the click model's training data. */
  impressions: ImpressionRecord[];
  clicks: ClickRecord[];
  inCart: string[];
  purchased: string[];
}

export interface LoadPayload {
  /** URL prefix holding model.json and meta.json. */
  modelUrl: string;
  /** Catalog URL; shelves then skip out-of-stock items and explain with titles. Default: none. */
  catalogUrl?: string;
  /** IndexedDB database for personal weights and the run log. */
  dbName: string;
}

export interface ModelInfo {
  baseModel: string;
  items: number;
  params: number;
  dim: number;
  personal: { active: boolean; savedAt: number | null; trainableParams: number; discarded: string | null };
  /** The on-device click model (dense 50 → 100 → 1) re-ranking "for you", once it has earned it. */
  clickModel: { active: boolean; params: number };
}

/** Summary statistics of one weight tensor. */
export interface WeightStats {
  name: string;
  shape: number[];
  params: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  /** L2 norm: how far the personal part has moved from "no change" (zero) for up/bias. */
  norm: number;
}

/** What the devtools' Model tab shows. */
export interface ModelSummary {
  layers: { name: string; className: string; params: number }[];
  weights: { name: string; shape: number[]; params: number; bytes: number; trainedOnDevice: boolean }[];
  totalParams: number;
  totalBytes: number;
  personal: WeightStats[];
  click: WeightStats[];
}

/** Request types, each with the shape of its payload and of its result. */
export interface WorkerCalls {
  init: { payload: { backends?: BackendName[]; allowSoftwareWebgl?: boolean }; result: BackendInfo };
  status: { payload: Record<string, never>; result: { backend: BackendInfo | null; memory: MemoryInfo } };
  /** Multiplies two random matrices of the given size on the worker's backend: proves the math runs there. */
  probe: { payload: { size: number }; result: { backend: string; checksum: number; ms: number } };
  load: { payload: LoadPayload; result: ModelInfo };
  recommend: { payload: { request: ShelfRequest; context: ContextPayload }; result: Shelf };
  /** Personal scores for given items (search results), with the history behind each. */
  scoreItems: { payload: { itemIds: string[]; context: ContextPayload }; result: ItemScore[] };
  /** Fine-tunes on the context; progress arrives as `train-log` notices. Resolves when the run ends. */
  train: { payload: { context: ContextPayload; trigger: string }; result: TrainingRun | { skipped: string } };
  cancelTraining: { payload: Record<string, never>; result: { cancelled: boolean } };
  runs: { payload: Record<string, never>; result: TrainingRun[] };
  modelInfo: { payload: Record<string, never>; result: ModelInfo };
  resetPersonal: { payload: Record<string, never>; result: ModelInfo };
  modelSummary: { payload: Record<string, never>; result: ModelSummary };
  /** Developer control: moves to another backend (and reloads the model there). */
  switchBackend: {
    payload: { backends: BackendName[] };
    result: { backend: BackendInfo; model: ModelInfo | null };
  };
  /** Developer control: loses the WebGL context on purpose, to exercise the fallback. */
  loseWebglContext: { payload: Record<string, never>; result: { lost: boolean } };
}

export type CallType = keyof WorkerCalls;

export interface RequestMessage<T extends CallType = CallType> {
  id: number;
  type: T;
  payload: WorkerCalls[T]['payload'];
}

/** An error as it crosses the worker boundary; rethrown on the page with the same name and message. */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

export type ResponseMessage =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: SerializedError };

/** Pushed by the worker without a request. */
export type NoticeMessage =
  | { notice: 'backend-changed'; backend: BackendInfo; reason: string }
  | { notice: 'train-log'; log: FineTuneLog }
  | { notice: 'log'; level: 'info' | 'warn'; message: string };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

export function deserializeError(error: SerializedError): Error {
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
