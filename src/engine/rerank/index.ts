/** The re-ranker's declared entry for Node code (pretraining, benchmarks): features, model, training. */
export { RERANK_FEATURES, RERANK_FEATURE_NAMES, RERANK_FEATURE_COUNT, rerankFeatures } from './features.ts';
export type { RerankCandidate, RerankList, PopulationOf, RerankFeature } from './features.ts';
export { ShopperSignals, INTERACTION_KINDS } from './signals.ts';
export type { ItemFacts, FactsOf, ItemSignal } from './signals.ts';
export { labelledLists, clickLabels, listOf, stackLists, CLICK_WINDOW_MS } from './lists.ts';
export type { LabelledList, WalkOptions } from './lists.ts';
export { PopulationCounts, populationFromCard } from './population.ts';
export type { PopulationCard } from './population.ts';
export { Reranker, createRerankerNet, checkCard, loadReranker, logits, RERANKER_UNITS } from './model.ts';
export type { RerankerCard } from './model.ts';
export { pretrainReranker, evaluateLists, featureMoments } from './train.ts';
export type { PretrainOptions } from './train.ts';
export { fineTuneReranker, priorCorrectionWeights, DEFAULT_FINETUNE } from './finetune.ts';
export type { FineTuneRerankerOptions, RerankerRun } from './finetune.ts';
export { clickedRank, listMetrics } from './metrics.ts';
export type { ListMetrics } from './metrics.ts';
