/** The LocalShelf sequence model: architecture, scoring, training loop and tfjs patches. */
export type { ModelConfig, ResolvedModelConfig } from './config.ts';
export { resolveConfig, RECENCY_BUCKETS, TRANSITION_DEPTH } from './config.ts';
export { MODEL_DEFAULTS, TRAIN_DEFAULTS, WITH_CATALOG_DEFAULTS, PRETRAIN_DEFAULTS } from './defaults.ts';
export { LocalShelfEncoder } from './encoder-layer.ts';
export { registerGatherGradient } from './gather-grad.ts';
export {
  addItemPriors,
  createModel,
  getEncoder,
  itemMatrix,
  userRepresentation,
  scoreBatch,
  scoreAll,
} from './model.ts';
export type { HistoryStep, EncodedHistory } from './history.ts';
export { encodeHistory, padBatch, recencyBucket, kindIndex } from './history.ts';
export { contentFeatures, itemTokens, hashToken, priceBucket, tokenId } from './content.ts';
export { addCatalogPrior, calibrateCatalogPrior, complementTable, leafTable } from './catalog-prior.ts';
export type { PriorCalibration } from './catalog-prior.ts';
export {
  addTransitions,
  calibrateTransitions,
  transitionTable,
  voterWeights,
  TRANSITION_GRID,
} from './transitions.ts';
export type {
  TransitionBlend,
  TransitionCalibration,
  TransitionGrid,
  TransitionTable,
} from './transitions.ts';
export { train, evaluate, makeBatches, rng, shuffleInPlace } from './train.ts';
export type { TrainOptions, TrainLog, TrainResult, ValidationCase } from './train.ts';
export { fullSoftmaxLoss, sharedNegativesLoss } from './loss.ts';
export { loadPretrained, checkMeta } from './pretrained.ts';
export type { ModelMeta, Pretrained } from './pretrained.ts';
