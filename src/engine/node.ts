/**
 * LocalShelf's engine: the declared entry for Node code (scripts/, bench/, lib/). The sequence
 * model, the re-ranker, on-device training and the framework-free schemas and metrics, without
 * IndexedDB, workers or the DOM; the page imports src/engine/index.ts instead, so tfjs stays out
 * of the page's entry. Type-checked under Node's globals only (tsconfig.node.json).
 */
export * from './model/index.ts';
export * from './rerank/index.ts';
export { parseModelCard } from './model/model-card.ts';

export { ValidationError } from './errors.ts';
export type { Catalog, CatalogItem } from './catalog/schema.ts';
export { validateCatalog, validateCatalogItem } from './catalog/validate.ts';
export { EVENT_KINDS, isItemEvent } from './events/schema.ts';
export type { EventKind, ShopEvent, ItemEvent } from './events/schema.ts';
export { validateEvent } from './events/validate.ts';
export { itemSequence } from './events/queries.ts';
export type { SequenceStep } from './events/queries.ts';

export { DEFAULT_KS, rankOf, rankCases, hitRate, ndcg, summarize } from './metrics/rank.ts';
export type { RankOutcome } from './metrics/rank.ts';
export { ModelItemSpace } from './ranking/model-space.ts';
export { sequenceBaseScores } from './ranking/base-scores.ts';
export { MODEL_SCORED_SHELVES } from './ranking/list-reranker.ts';

export { nextItemExamples } from './training/examples.ts';
export type { NextItemExample } from './training/examples.ts';
export { fineTune } from './training/finetune.ts';
export type { AdapterRun, FineTuneOptions } from './training/finetune.ts';
export type { TrainingRun } from './training/run.ts';
export { PersonalHead } from './training/personal-head.ts';
