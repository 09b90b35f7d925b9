import { MODEL_DEFAULTS } from './defaults.ts';

/** Shape and regularisation of the LocalShelf sequence model (defaults: MODEL_DEFAULTS in defaults.ts). */
export interface ModelConfig {
  /** Number of catalog items; embedding rows are items + 1 (row 0 is padding). Required. */
  numItems: number;
  /** Embedding and hidden size. Default: 64. */
  dim?: number;
  /** Longest history the model reads; older events are dropped. Default: 50. */
  maxLen?: number;
  /** Self-attention blocks. Default: 2. */
  blocks?: number;
  /** Attention heads per block (must divide dim). Default: 1. */
  heads?: number;
  /** Dropout rate on embeddings, attention output and feed-forward. Default: 0.5. */
  dropout?: number;
  /** Hashed content-token buckets; 0 means no content features (id embedding only). Default: 0. */
  hashBuckets?: number;
  /** Content tokens kept per item (title, category path, brand, tags). Default: 24. */
  tokensPerItem?: number;
  /** Price buckets (log scale); used only with content features. Default: 16. */
  priceBuckets?: number;
  /**
   * Catalog complements ("goes with") kept per item for the complement prior: a calibrated bonus
   * added to the scores of what goes with the latest items; 0 = no prior. Default: 0.
   */
  complementsPerItem?: number;
  /**
   * Co-occurring items kept per item for the transition blend (transitions.ts): the item kNN's
   * similarities to the latest items, added to the logits with weights calibrated on validation;
   * 0 = no blend (and no table in the weight file, as in model files from before it). Default: 0.
   */
  neighboursPerItem?: number;
  /** Seed for weight initialisation, so runs are repeatable. Default: 42. */
  seed?: number;
}

export type ResolvedModelConfig = Required<ModelConfig>;

// Typed here, where the options are declared: an option the table lacks is a type error.
const DEFAULTS: Required<Omit<ModelConfig, 'numItems'>> = MODEL_DEFAULTS;

export function resolveConfig(config: ModelConfig): ResolvedModelConfig {
  const c: ResolvedModelConfig = {
    numItems: config.numItems,
    dim: config.dim ?? DEFAULTS.dim,
    maxLen: config.maxLen ?? DEFAULTS.maxLen,
    blocks: config.blocks ?? DEFAULTS.blocks,
    heads: config.heads ?? DEFAULTS.heads,
    dropout: config.dropout ?? DEFAULTS.dropout,
    hashBuckets: config.hashBuckets ?? DEFAULTS.hashBuckets,
    tokensPerItem: config.tokensPerItem ?? DEFAULTS.tokensPerItem,
    priceBuckets: config.priceBuckets ?? DEFAULTS.priceBuckets,
    complementsPerItem: config.complementsPerItem ?? DEFAULTS.complementsPerItem,
    neighboursPerItem: config.neighboursPerItem ?? DEFAULTS.neighboursPerItem,
    seed: config.seed ?? DEFAULTS.seed,
  };
  const positiveInts: (keyof ResolvedModelConfig)[] = [
    'numItems',
    'dim',
    'maxLen',
    'heads',
    'tokensPerItem',
    'priceBuckets',
  ];
  for (const key of positiveInts) {
    const v = c[key];
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`model config "${key}" is ${v}; expected a positive integer`);
  }
  if (!Number.isInteger(c.blocks) || c.blocks < 0)
    throw new Error(`model config "blocks" is ${c.blocks}; expected an integer ≥ 0`);
  if (!Number.isInteger(c.complementsPerItem) || c.complementsPerItem < 0)
    throw new Error(`model config "complementsPerItem" is ${c.complementsPerItem}; expected an integer ≥ 0`);
  if (!Number.isInteger(c.neighboursPerItem) || c.neighboursPerItem < 0)
    throw new Error(`model config "neighboursPerItem" is ${c.neighboursPerItem}; expected an integer ≥ 0`);
  // Catalog link tokens were removed (measured no better: bench/results/demo-model.md); a model
  // file pretrained with them has weights this engine does not read.
  const links = (config as { linksPerItem?: unknown }).linksPerItem;
  if (links !== undefined && links !== 0)
    throw new Error(
      `model config "linksPerItem" is ${JSON.stringify(links)}; expected 0 or none: catalog link tokens are no longer supported, pretrain the model again`,
    );
  if (!Number.isInteger(c.hashBuckets) || c.hashBuckets < 0)
    throw new Error(`model config "hashBuckets" is ${c.hashBuckets}; expected an integer ≥ 0`);
  if (c.dim % c.heads !== 0)
    throw new Error(`model config "heads" is ${c.heads}; expected a divisor of dim ${c.dim}`);
  if (!(c.dropout >= 0 && c.dropout < 1))
    throw new Error(`model config "dropout" is ${c.dropout}; expected a number in [0, 1)`);
  return c;
}

/** Recent history items whose complements get a bonus: the latest, then the two before it. */
export const PRIOR_DEPTH = 3;

/** Latest history items that can vote in the transition blend (one weight each, latest first). */
export const TRANSITION_DEPTH = 20;

/** Number of recency buckets (see history.ts); row 0 is padding, row 1 is "unknown time". */
export const RECENCY_BUCKETS = 9;
