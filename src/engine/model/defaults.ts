/**
 * The one table of the sequence model's and its pretraining's defaults. `resolveConfig` and
 * `train()` fall back to these, pretraining, the benchmarks and `--help` read them, and
 * defaults.test.ts checks the `Default:` of each option's doc comment and docs/embed.md's settings
 * table against them, so no layer can drift. The values are those the committed pretraining runs
 * used (bench/results/quality-*; why each was chosen: DEFAULT_SETTINGS in lib/data/pretrain-run.ts).
 * Typed against ModelConfig and TrainOptions where those are declared (config.ts, train.ts).
 */

/** Shape and regularisation (ModelConfig, less `numItems`). */
export const MODEL_DEFAULTS = Object.freeze({
  dim: 64,
  maxLen: 50,
  blocks: 2,
  heads: 1,
  dropout: 0.5,
  hashBuckets: 0,
  tokensPerItem: 24,
  priceBuckets: 16,
  complementsPerItem: 0,
  neighboursPerItem: 0,
  seed: 42,
});

/** The training loop (TrainOptions). */
export const TRAIN_DEFAULTS = Object.freeze({
  epochs: 200,
  batchSize: 128,
  learningRate: 0.003,
  negatives: 2048,
  logQ: true,
  loss: 'softmax' as const,
  warmupEpochs: 1,
  lrDecay: 0.5,
  lrPatience: 2,
  patience: 6,
  gbceT: 0.75,
  maxMinutes: Infinity,
  seed: 42,
  evalBatch: 256,
});

/**
 * What pretraining uses instead when it is given a catalog: content features (lib/data/pretrain-run.ts)
 * and, when the catalog lists complements, the complement prior (scripts/pretrain.ts).
 */
export const WITH_CATALOG_DEFAULTS = Object.freeze({ hashBuckets: 4096, complementsPerItem: 8 });

/**
 * The settings a pretraining run starts from and records on its model card, in the card's key
 * order (the shape, then the schedule); options left out here are applied from the tables above
 * without being written on the card.
 */
export const PRETRAIN_DEFAULTS = Object.freeze({
  dim: MODEL_DEFAULTS.dim,
  maxLen: MODEL_DEFAULTS.maxLen,
  blocks: MODEL_DEFAULTS.blocks,
  heads: MODEL_DEFAULTS.heads,
  dropout: MODEL_DEFAULTS.dropout,
  epochs: TRAIN_DEFAULTS.epochs,
  batchSize: TRAIN_DEFAULTS.batchSize,
  learningRate: TRAIN_DEFAULTS.learningRate,
  negatives: TRAIN_DEFAULTS.negatives,
  logQ: TRAIN_DEFAULTS.logQ,
  loss: TRAIN_DEFAULTS.loss,
  warmupEpochs: TRAIN_DEFAULTS.warmupEpochs,
  lrDecay: TRAIN_DEFAULTS.lrDecay,
  lrPatience: TRAIN_DEFAULTS.lrPatience,
  patience: TRAIN_DEFAULTS.patience,
  seed: TRAIN_DEFAULTS.seed,
  /** The transition blend's table (lib/data/pretrain-run.ts says how 10 was chosen); the engine's own default is none. */
  neighboursPerItem: 10,
});
