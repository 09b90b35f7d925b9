/**
 * LocalShelf's engine: the public API. Everything outside src/engine imports from here.
 */
export { ValidationError } from './errors.ts';
export { Listeners } from './listeners.ts';
export { untilDone } from './until-done.ts';

export type { Catalog, CatalogItem } from './catalog/schema.ts';
export { validateCatalog, validateCatalogItem, loadCatalog } from './catalog/validate.ts';

export { EVENT_KINDS, isItemEvent } from './events/schema.ts';
export type { EventKind, ShopEvent, TrackInput, ItemEvent } from './events/schema.ts';
export { validateEvent } from './events/validate.ts';
export { EventStore } from './events/store.ts';
export type { EventStoreOptions, EventStoreSnapshot, EventExport } from './events/store.ts';
export { DEFAULT_RETENTION } from './events/retention.ts';
export type { RetentionPolicy } from './events/retention.ts';
export { itemSequence, summarizeSessions, countByKind, interestSummary } from './events/queries.ts';
export type { SequenceStep, SessionSummary, Interest } from './events/queries.ts';
export { EVENT_DB_VERSION, DEFAULT_DB_NAME } from './events/db.ts';
export { storedConsent, deleteEventDb, CONSENT_KEY } from './events/consent.ts';
export { ASSET_CACHE, forgetAssetCache } from './load/asset-cache.ts';
export { watchNetworkCalls } from './load/network-calls.ts';
export type { NetworkCall } from './load/network-calls.ts';
export type { ConsentRecord } from './events/consent.ts';

export { capabilities, BACKENDS, parseBackend } from './env.ts';
export type { Capabilities, BackendName } from './env.ts';
export { WorkerClient } from './worker/client.ts';
export type { BackendInfo } from './worker/backend.ts';
export type { MemoryInfo, WorkerCalls, WorkerRequests } from './worker/protocol.ts';

export { LocalShelf, TRAIN_COUNTERS_KEY } from './localshelf.ts';
export type { LocalShelfOptions, AutoTrainOptions } from './localshelf.ts';
export type { EngineState, EngineAction } from './state.ts';
export { SHELF_KINDS } from './ranking/shelves.ts';
export type {
  ShelfKind,
  ShelfRequest,
  Shelf,
  Recommendation,
  Reason,
  ItemScore,
  RankedItem,
  RerankRequest,
} from './ranking/shelves.ts';
export type { RerankSignal, RerankWhy } from './ranking/list-reranker.ts';
export { ENGLISH_MESSAGES, formatMessage } from './ranking/messages.ts';
export type { Message, MessageKey, MessageParam, MessageTable } from './ranking/messages.ts';
export type { AdapterRun, FineTuneLog } from './training/finetune.ts';
export type { TrainingRun, TrainingLog, TrainingOutcome, RerankerRunLog } from './training/run.ts';
export type { HeldBackMetrics } from './training/guardrail.ts';
export type {
  ModelInfo,
  RerankerInfo,
  ContextPayload,
  ModelSummary,
  WeightStats,
} from './worker/protocol.ts';
export { cartContents } from './context.ts';
export { CatalogSearch, editDistance } from './ranking/search.ts';
export type { SearchHit } from './ranking/search.ts';
