/**
 * Every message between the page and the LocalShelf worker, in one place.
 * Requests carry an id; the worker answers each with exactly one response.
 * The worker may also push notices (training progress, backend changes) at any time.
 */
import type { Catalog } from '../catalog/schema.ts';
import type { BackendName } from '../env.ts';
import type { ModelMeta } from '../model/model-card.ts';
import type { SequenceStep } from '../events/queries.ts';
import type { ShopEvent } from '../events/schema.ts';
import type { ItemScore, RankedItem, RerankRequest, Shelf, ShelfRequest } from '../ranking/shelves.ts';
import type { TrainingLog, TrainingOutcome, TrainingRun } from '../training/run.ts';
import type { BackendInfo } from './backend.ts';

export interface MemoryInfo {
  numTensors: number;
  numBytes: number;
  /** Bytes held on the GPU, when the backend reports it. */
  numBytesInGPU: number | null;
}

/** What the shopper's device knows, sent with each call (works the same when events live only in memory). */
export interface ContextPayload {
  /** The item history the sequence model reads, oldest first. */
  steps: SequenceStep[];
  /** The recent stored events themselves, oldest first: what the re-ranker's features and its fine-tuning read. */
  events: ShopEvent[];
  /** The session the next event belongs to; absent when the shopper has been away long enough to start a new one. */
  sessionId?: string;
  inCart: string[];
  purchased: string[];
}

/**
 * The shopper's context as a call carries it: in full with the store revision it reflects,
 * or, once the worker holds that revision, only the revision and the current session
 * (context-messages.ts). Cloning 600 stored events into the worker cost ~10 ms a call under
 * load, several times what a re-rank itself costs; the context only changes when the store does.
 */
export type ContextMessage =
  { revision: number; payload: ContextPayload } | { revision: number; sessionId?: string };

export interface LoadPayload {
  /** URL prefix holding model.json and the weights (absolute: the worker resolves against its own URL). */
  modelUrl: string;
  /** The model card (meta.json), read and validated once by the page. */
  card: ModelMeta;
  /** The catalog, read and validated once by the page; shelves then skip out-of-stock items and explain with titles. Null: none. */
  catalog: Catalog | null;
  /** Keep the model files in the Cache API for the next page (false when the engine may store nothing). */
  cacheAssets: boolean;
  /** Where the catalog came from, for messages; absent when the site passed it in. */
  catalogUrl?: string;
  /** IndexedDB database for personal weights and the run log; null keeps them in memory only (no consent to store yet). */
  dbName: string | null;
  /** URL prefix of the re-ranker (model.json + card.json). Default: `<modelUrl>/reranker/`; a model without one is used without re-ranking. */
  rerankerUrl?: string;
}

export interface ModelInfo {
  baseModel: string;
  /** Items the model was trained on. */
  items: number;
  /** Catalog items the model was not trained on, recommended from their content (title, category, brand, tags, price). */
  newItems: number;
  params: number;
  dim: number;
  /** The next-item adapter on top of the sequence model; `discarded` says why saved personal weights were not used. */
  personal: { active: boolean; savedAt: number | null; trainableParams: number; discarded: string | null };
  reranker: RerankerInfo;
}

/** The shipped re-ranker (dense 50 → 100 → 1) and this shopper's fine-tuned copy of it. */
export interface RerankerInfo {
  /** A re-ranker is loaded and re-ranks "for you", "because you viewed", search results and site lists. */
  active: boolean;
  /** The shipped re-ranker's version (its card); null without one. */
  version: string | null;
  /** Why lists are not re-ranked (no re-ranker beside the model, or one this code cannot read); null when active. */
  unavailable: string | null;
  /** Parameters, counted from its tensors. */
  params: number;
  /** True when this shopper's fine-tuned weights are in use, false for the shipped ones. */
  personal: boolean;
  /** Why saved re-ranker weights were not used (the shipped ones are); null when none were discarded. */
  discarded: string | null;
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
  /** For a fine-tuned re-ranker tensor: L2 distance from the shipped weights. */
  drift?: number;
}

/** What the devtools' Model tab shows. */
export interface ModelSummary {
  layers: { name: string; className: string; params: number }[];
  weights: { name: string; shape: number[]; params: number; bytes: number; trainedOnDevice: boolean }[];
  totalParams: number;
  totalBytes: number;
  personal: WeightStats[];
  /** The re-ranker in use (shipped or fine-tuned); empty without one. */
  reranker: WeightStats[];
}

/** Request types, each with the shape of its payload and of its result. */
export interface WorkerCalls {
  init: {
    payload: {
      backends?: BackendName[];
      allowSoftwareWebgl?: boolean;
      allowSoftwareWebgpu?: boolean;
      wasmThreads?: boolean | 'auto';
    };
    result: BackendInfo;
  };
  status: { payload: Record<string, never>; result: { backend: BackendInfo | null; memory: MemoryInfo } };
  /** Multiplies two random matrices of the given size on the worker's backend: proves the math runs there. */
  probe: { payload: { size: number }; result: { backend: string; checksum: number; ms: number } };
  load: { payload: LoadPayload; result: ModelInfo };
  recommend: { payload: { request: ShelfRequest; context: ContextMessage }; result: Shelf };
  /** Personal scores for given items (search results), with the history behind each. */
  scoreItems: { payload: { itemIds: string[]; context: ContextMessage }; result: ItemScore[] };
  /** Re-ranks a list the site ordered itself (a category page, search results), with reasons. */
  rerank: {
    payload: { itemIds: string[]; request: RerankRequest; context: ContextMessage };
    result: RankedItem[];
  };
  /** Fine-tunes on the context; progress arrives as `train-log` notices. Resolves when the run ends. */
  train: { payload: { context: ContextMessage; trigger: string }; result: TrainingOutcome };
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
  | { notice: 'train-log'; log: TrainingLog }
  | { notice: 'log'; level: 'info' | 'warn'; message: string }
  | { notice: 'requests'; requests: WorkerRequests };

/** The worker's own network requests (request-audit.ts), for "Your data" and the devtools. */
export interface WorkerRequests {
  /** Resource Timing entries of the worker: every request it made, its own script excluded. */
  resources: number;
  /** Calls through fetch, XMLHttpRequest and WebSockets. */
  calls: number;
  /** Calls that could carry data: a body, a method other than GET/HEAD, a WebSocket. */
  carryingData: number;
  log: { url: string; method: string; withBody: boolean }[];
}

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
