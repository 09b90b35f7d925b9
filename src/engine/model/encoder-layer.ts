import * as tf from '@tensorflow/tfjs';
import {
  PRIOR_DEPTH,
  RECENCY_BUCKETS,
  TRANSITION_DEPTH,
  resolveConfig,
  type ModelConfig,
  type ResolvedModelConfig,
} from './config.ts';
import { EVENT_KINDS } from '../events/schema.ts';
import { matMulFast } from './fast-matmul.ts';
import { registerFastGather } from './fast-gather.ts';
import type { TransitionBlend, TransitionTable } from './transitions.ts';

/** Rows of the kind embedding: one per event kind plus padding (row 0). */
export const KIND_ROWS = EVENT_KINDS.length + 1;

type Kwargs = { training?: boolean };

/**
 * The whole sequence model as one layer, so the item table can be used both to embed the
 * history and to score every item (weights tied, as in SASRec) while the model still saves
 * as a standard LayersModel. Inputs: [items, kinds, recency], each [batch, time] int32,
 * left-padded with 0. Output: [batch, time, dim], the user state after each event
 * (causal: position t sees only events ≤ t).
 */
export class LocalShelfEncoder extends tf.layers.Layer {
  static readonly className = 'LocalShelfEncoder';
  readonly cfg: ResolvedModelConfig;
  private w: Record<string, tf.LayerVariable> = {};

  constructor(args: ModelConfig & { name?: string; trainable?: boolean }) {
    super({ name: args.name ?? 'localshelf_encoder', trainable: args.trainable ?? true });
    this.cfg = resolveConfig(args);
    // Every model, created or loaded, passes here: embedding lookups need the fast gather.
    registerFastGather();
  }

  override build(): void {
    const {
      numItems,
      dim,
      maxLen,
      blocks,
      hashBuckets,
      tokensPerItem,
      priceBuckets,
      complementsPerItem,
      neighboursPerItem,
      seed,
    } = this.cfg;
    let s = seed;
    const normal = (stddev: number) => tf.initializers.randomNormal({ mean: 0, stddev, seed: s++ });
    const glorot = () => tf.initializers.glorotUniform({ seed: s++ });
    const add = (
      name: string,
      shape: number[],
      init: ReturnType<typeof tf.initializers.zeros>,
      trainable = true,
    ) => {
      this.w[name] = this.addWeight(name, shape, 'float32', init, undefined, trainable);
    };
    const embStd = 1 / Math.sqrt(dim);
    add('item_embedding', [numItems + 1, dim], normal(embStd));
    add('position_embedding', [maxLen, dim], normal(embStd));
    add('kind_embedding', [KIND_ROWS, dim], normal(embStd));
    add('recency_embedding', [RECENCY_BUCKETS, dim], normal(embStd));
    if (hashBuckets > 0) {
      add('token_embedding', [hashBuckets, dim], normal(embStd));
      add('price_embedding', [priceBuckets + 1, dim], normal(embStd));
      // Content features per item, stored as float weights so they travel in the weight file.
      add('item_tokens', [numItems + 1, tokensPerItem], tf.initializers.zeros(), false);
      add('item_price_bucket', [numItems + 1], tf.initializers.zeros(), false);
    }
    if (complementsPerItem > 0) {
      // The catalog prior (catalog-prior.ts): each item's complements as vocabulary indices
      // (0 = none), its leaf category id (0 = unknown), and the calibrated bonuses; stored, not
      // trained, so they travel in the weight file.
      add('item_complements', [numItems + 1, complementsPerItem], tf.initializers.zeros(), false);
      add('item_leaf', [numItems + 1], tf.initializers.zeros(), false);
      add('prior_bonus', [PRIOR_DEPTH + 1], tf.initializers.zeros(), false);
    }
    if (neighboursPerItem > 0) {
      // The transition blend (transitions.ts): each item's strongest co-occurring items as
      // vocabulary indices (0 = none), their similarities, and the calibrated weight of each
      // recent position; stored, not trained, so they travel in the weight file.
      add('item_neighbours', [numItems + 1, neighboursPerItem], tf.initializers.zeros(), false);
      add('neighbour_weight', [numItems + 1, neighboursPerItem], tf.initializers.zeros(), false);
      add('transition_voters', [TRANSITION_DEPTH], tf.initializers.zeros(), false);
    }
    for (let b = 0; b < blocks; b++) {
      for (const ln of ['ln1', 'ln2']) {
        add(`b${b}_${ln}_gamma`, [dim], tf.initializers.ones());
        add(`b${b}_${ln}_beta`, [dim], tf.initializers.zeros());
      }
      for (const m of ['q', 'k', 'v', 'o', 'ff1', 'ff2']) {
        add(`b${b}_${m}_kernel`, [dim, dim], glorot());
        add(`b${b}_${m}_bias`, [dim], tf.initializers.zeros());
      }
    }
    add('final_ln_gamma', [dim], tf.initializers.ones());
    add('final_ln_beta', [dim], tf.initializers.zeros());
    this.built = true;
  }

  private v(name: string): tf.Tensor {
    const w = this.w[name];
    if (!w) throw new Error(`LocalShelfEncoder: no weight "${name}"`);
    return w.read();
  }

  /** Item vectors for inference, with the weight tensors they were computed from. */
  private inferenceTable: { from: unknown[]; table: tf.Tensor2D } | null = null;

  /**
   * `itemVectors()` for a forward pass without gradients, computed once per set of weights:
   * pooling the content tokens of every item costs ~200 ms on wasm, and scoring calls it on
   * every shelf. A weight update (`assign`, `setWeights`) gives the variable a new data id, so a
   * changed weight is noticed and the table recomputed.
   */
  private cachedItemVectors(): tf.Tensor2D {
    const names = [
      'item_embedding',
      'token_embedding',
      'price_embedding',
      'item_tokens',
      'item_price_bucket',
    ];
    const from = names.map((n) => (this.v(n) as unknown as { dataId: unknown }).dataId);
    const cached = this.inferenceTable;
    if (cached && !cached.table.isDisposed && cached.from.every((id, i) => id === from[i]))
      return cached.table;
    cached?.table.dispose();
    const table = tf.keep(this.itemVectors());
    this.inferenceTable = { from, table };
    return table;
  }

  override dispose(): ReturnType<tf.layers.Layer['dispose']> {
    this.inferenceTable?.table.dispose();
    this.inferenceTable = null;
    return super.dispose();
  }

  /** Whether this model has content features (hashed tokens, price bucket). */
  get hasContent(): boolean {
    return this.cfg.hashBuckets > 0;
  }

  /** Writes per-item content features (token hash ids ≥ 1, 0 = none; price bucket ≥ 1, 0 = unknown). */
  setContentFeatures(tokens: Int32Array, priceBucket: Int32Array): void {
    if (!this.hasContent)
      throw new Error(
        'setContentFeatures: the model was created with hashBuckets 0; expected hashBuckets > 0',
      );
    const rows = this.cfg.numItems + 1;
    if (tokens.length !== rows * this.cfg.tokensPerItem || priceBucket.length !== rows)
      throw new Error(
        `setContentFeatures: got ${tokens.length} tokens and ${priceBucket.length} prices; expected ${rows * this.cfg.tokensPerItem} and ${rows}`,
      );
    const t = this.w['item_tokens'];
    const p = this.w['item_price_bucket'];
    if (!t || !p) throw new Error('setContentFeatures: layer is not built');
    t.write(tf.tensor2d(Float32Array.from(tokens), [rows, this.cfg.tokensPerItem]));
    p.write(tf.tensor1d(Float32Array.from(priceBucket)));
  }

  /** Whether the model has a catalog prior (see catalog-prior.ts). */
  get hasCatalogPrior(): boolean {
    return this.cfg.complementsPerItem > 0;
  }

  private priorCache: { table: Int32Array; leaves: Int32Array; bonus: Float32Array } | null = null;

  /**
   * Writes each item's complements (vocabulary indices, 0 = none; [numItems + 1] ×
   * complementsPerItem) and leaf category ids (0 = unknown; [numItems + 1]).
   */
  setCatalogRelations(complements: Int32Array, leaves: Int32Array): void {
    const c = this.w['item_complements'];
    const l = this.w['item_leaf'];
    const rows = this.cfg.numItems + 1;
    const k = this.cfg.complementsPerItem;
    if (!c || !l) throw new Error('setCatalogRelations: the model has complementsPerItem 0; expected > 0');
    if (complements.length !== rows * k || leaves.length !== rows)
      throw new Error(
        `setCatalogRelations: got ${complements.length} complements and ${leaves.length} leaves; expected ${rows * k} and ${rows}`,
      );
    c.write(tf.tensor2d(Float32Array.from(complements), [rows, k]));
    l.write(tf.tensor1d(Float32Array.from(leaves)));
    this.priorCache = null;
  }

  /**
   * Writes the prior's bonuses: for complements of the latest, second and third latest items,
   * then for items in the latest item's leaf category.
   */
  setPriorBonus(bonus: readonly number[]): void {
    const w = this.w['prior_bonus'];
    if (!w) throw new Error('setPriorBonus: the model has complementsPerItem 0; expected > 0');
    if (bonus.length !== PRIOR_DEPTH + 1 || !bonus.every(Number.isFinite))
      throw new Error(`setPriorBonus: got [${bonus.join(', ')}]; expected ${PRIOR_DEPTH + 1} finite numbers`);
    w.write(tf.tensor1d([...bonus]));
    this.priorCache = null;
  }

  /**
   * Reads the prior's tables off the backend without blocking (`data()`), so `catalogPrior()`
   * needs no synchronous read: WebGPU in a worker loses its device on `dataSync`. The browser
   * calls this once per model load; Node (wasm/cpu) may skip it.
   */
  async readCatalogPrior(): Promise<void> {
    if (!this.hasCatalogPrior || this.priorCache) return;
    const [table, leaves, bonus] = await Promise.all(
      ['item_complements', 'item_leaf', 'prior_bonus'].map((name) => this.v(name).data()),
    );
    this.priorCache = {
      table: Int32Array.from(table!),
      leaves: Int32Array.from(leaves!),
      bonus: Float32Array.from(bonus!),
    };
  }

  /** The prior's tables and bonuses as plain arrays (read once, then cached); null without a prior. */
  catalogPrior(): { table: Int32Array; leaves: Int32Array; bonus: Float32Array; perItem: number } | null {
    if (!this.hasCatalogPrior) return null;
    if (!this.priorCache) {
      // Synchronous fallback for Node's wasm/cpu; the worker has read it with readCatalogPrior().

      this.priorCache = {
        table: Int32Array.from(this.v('item_complements').dataSync()),
        leaves: Int32Array.from(this.v('item_leaf').dataSync()),
        bonus: Float32Array.from(this.v('prior_bonus').dataSync()),
      };
    }
    return { ...this.priorCache, perItem: this.cfg.complementsPerItem };
  }

  /** Whether the model has a transition table (see transitions.ts). */
  get hasTransitions(): boolean {
    return this.cfg.neighboursPerItem > 0;
  }

  private transitionCache: { neighbours: Int32Array; weights: Float32Array; voters: Float32Array } | null =
    null;

  /**
   * Writes the transition table (built by transitionTable with this model's neighboursPerItem)
   * and the weight of each of the latest TRANSITION_DEPTH history positions, latest first.
   */
  setTransitions(table: TransitionTable, voters: readonly number[]): void {
    const n = this.w['item_neighbours'];
    const w = this.w['neighbour_weight'];
    const v = this.w['transition_voters'];
    if (!n || !w || !v) throw new Error('setTransitions: the model has neighboursPerItem 0; expected > 0');
    const k = this.cfg.neighboursPerItem;
    const rows = this.cfg.numItems + 1;
    if (table.perItem !== k || table.neighbours.length !== rows * k || table.weights.length !== rows * k)
      throw new Error(
        `setTransitions: got a table of ${table.neighbours.length} neighbours (${table.perItem} per item); expected ${rows * k} (${k} per item for ${rows - 1} items)`,
      );
    if (voters.length !== TRANSITION_DEPTH || !voters.every(Number.isFinite))
      throw new Error(
        `setTransitions: got voter weights [${voters.join(', ')}]; expected ${TRANSITION_DEPTH} finite numbers`,
      );
    if (table.neighbours.some((j) => j < 0 || j > this.cfg.numItems))
      throw new Error(`setTransitions: a neighbour index is outside [0, ${this.cfg.numItems}]`);
    n.write(tf.tensor2d(Float32Array.from(table.neighbours), [rows, k]));
    w.write(tf.tensor2d(Float32Array.from(table.weights), [rows, k]));
    v.write(tf.tensor1d([...voters]));
    this.transitionCache = null;
  }

  /**
   * Reads the transition table off the backend without blocking (`data()`), as readCatalogPrior
   * does for the prior: the worker calls it once per model load; Node (wasm/cpu) may skip it.
   */
  async readTransitions(): Promise<void> {
    if (!this.hasTransitions || this.transitionCache) return;
    const [neighbours, weights, voters] = await Promise.all(
      ['item_neighbours', 'neighbour_weight', 'transition_voters'].map((name) => this.v(name).data()),
    );
    this.transitionCache = {
      neighbours: Int32Array.from(neighbours!),
      weights: Float32Array.from(weights!),
      voters: Float32Array.from(voters!),
    };
  }

  /** The transition table and voter weights as plain arrays (read once, then cached); null without a table. */
  transitionBlend(): TransitionBlend | null {
    if (!this.hasTransitions) return null;
    if (!this.transitionCache) {
      // Synchronous fallback for Node's wasm/cpu; the worker has read it with readTransitions().
      this.transitionCache = {
        neighbours: Int32Array.from(this.v('item_neighbours').dataSync()),
        weights: Float32Array.from(this.v('neighbour_weight').dataSync()),
        voters: Float32Array.from(this.v('transition_voters').dataSync()),
      };
    }
    return { ...this.transitionCache, perItem: this.cfg.neighboursPerItem };
  }

  /** Zeroes the id embedding of the given rows, so items with no behaviour are scored by content alone. */
  zeroItemRows(rows: readonly number[]): void {
    const w = this.w['item_embedding'];
    if (!w) throw new Error('zeroItemRows: layer is not built');
    const keep = new Float32Array(this.cfg.numItems + 1).fill(1);
    for (const r of rows) keep[r] = 0;
    const next = tf.tidy(() => w.read().mul(tf.tensor2d(keep, [keep.length, 1])));
    w.write(next);
    next.dispose();
  }

  /** Item vectors [numItems + 1, dim]: id embedding plus mean content-token and price embeddings. */
  itemVectors(): tf.Tensor2D {
    return tf.tidy(() => {
      const id = this.v('item_embedding') as tf.Tensor2D;
      if (!this.hasContent) return id.clone();
      const rows = this.v('item_tokens').toInt();
      // Empty token slots (0) count for nothing, in the sum and in the mean's count.
      const present = rows.greater(0).toFloat().expandDims(2);
      const emb = tf.gather(this.v('token_embedding'), rows).mul(present);
      const content = emb.sum(1).div(present.sum(1).maximum(1));
      const price = tf.gather(this.v('price_embedding'), this.v('item_price_bucket').toInt());
      return id.add(content).add(price) as tf.Tensor2D;
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const first = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [first[0] ?? null, first[1] ?? null, this.cfg.dim];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor {
    const list = Array.isArray(inputs) ? inputs : [inputs];
    const [items, kinds, recency] = list;
    if (!items || !kinds || !recency)
      throw new Error(`LocalShelfEncoder: got ${list.length} inputs; expected 3 (items, kinds, recency)`);
    return this.encode(items, kinds, recency, kwargs.training === true);
  }

  /** The forward pass; `training` turns dropout on. */
  encode(items: tf.Tensor, kinds: tf.Tensor, recency: tf.Tensor, training: boolean): tf.Tensor3D {
    return tf.tidy(() => {
      const { dim, maxLen, blocks, heads, dropout } = this.cfg;
      const itemIds = items.toInt();
      const [batch, time] = itemIds.shape as [number, number];
      if (time > maxLen)
        throw new Error(`LocalShelfEncoder: history length ${time}; expected at most maxLen ${maxLen}`);
      const drop = (x: tf.Tensor) => (training && dropout > 0 ? tf.dropout(x, dropout) : x);
      // Training needs the gradient through the table; inference reuses it.
      const table = !this.hasContent
        ? this.v('item_embedding')
        : training
          ? this.itemVectors()
          : this.cachedItemVectors();
      const mask = itemIds.greater(0).toFloat().expandDims(2); // [B, T, 1]
      // Left padding: the latest event always sits at position maxLen - 1.
      const positions = tf.range(maxLen - time, maxLen, 1, 'int32');
      let x = tf
        .gather(table, itemIds)
        .mul(Math.sqrt(dim))
        .add(tf.gather(this.v('position_embedding'), positions).expandDims(0))
        .add(tf.gather(this.v('kind_embedding'), kinds.toInt()))
        .add(tf.gather(this.v('recency_embedding'), recency.toInt()));
      x = drop(x).mul(mask);
      // Additive attention bias: causal, and padded keys never attended.
      const causal = tf.linalg.bandPart(tf.ones([time, time]), -1, 0).expandDims(0); // [1, T, T]
      const keyOk = mask.reshape([batch, 1, time]);
      const bias = tf.scalar(1).sub(causal.mul(keyOk)).mul(-1e9).expandDims(1); // [B, 1, T, T]
      const hd = dim / heads;
      const dense = (h: tf.Tensor, name: string) =>
        matMulFast(h.reshape([batch * time, dim]), this.v(`${name}_kernel`))
          .add(this.v(`${name}_bias`))
          .reshape([batch, time, dim]);
      const split = (h: tf.Tensor) => h.reshape([batch, time, heads, hd]).transpose([0, 2, 1, 3]);
      for (let b = 0; b < blocks; b++) {
        const p = `b${b}`;
        const h = this.layerNorm(x, `${p}_ln1`);
        const q = split(dense(h, `${p}_q`));
        const k = split(dense(h, `${p}_k`));
        const v = split(dense(h, `${p}_v`));
        const att = tf.softmax(
          matMulFast(q, k, true)
            .mul(1 / Math.sqrt(hd))
            .add(bias),
        );
        const ctx = matMulFast(drop(att), v).transpose([0, 2, 1, 3]).reshape([batch, time, dim]);
        x = x.add(drop(dense(ctx, `${p}_o`)));
        const h2 = this.layerNorm(x, `${p}_ln2`);
        const ff = dense(drop(tf.relu(dense(h2, `${p}_ff1`))), `${p}_ff2`);
        x = x.add(drop(ff)).mul(mask);
      }
      return this.layerNorm(x, 'final_ln') as tf.Tensor3D;
    });
  }

  private layerNorm(x: tf.Tensor, name: string): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    return x
      .sub(mean)
      .div(variance.add(1e-6).sqrt())
      .mul(this.v(`${name}_gamma`))
      .add(this.v(`${name}_beta`));
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), ...this.cfg };
  }
}

tf.serialization.registerClass(LocalShelfEncoder);
