import * as tf from '@tensorflow/tfjs';
import type { SequenceStep } from '../events/queries.ts';
import { encodeHistory, type EncodedHistory } from '../model/history.ts';
import { addItemPriors, getEncoder, itemMatrix, userRepresentation } from '../model/model.ts';
import { forEachPriorComplement } from '../model/catalog-prior.ts';
import { coldItemVectors, type ColdItems } from '../model/cold-items.ts';
import type { CatalogItem } from '../catalog/schema.ts';
import type { PersonalHead } from '../training/personal-head.ts';
import { asRow, rowOf, vocabIndexOf, type Row, type VocabIndex } from '../model/indices.ts';
import type { ItemSpace } from './shelves.ts';

/**
 * Histories whose scores are kept: one page's shelves, a re-rank repeated with no new event
 * and the fine-tuning lists between two steps all score the same history again (a full
 * forward pass and catalog matmul each, ~2 ms on the demo model, far more on 100k items).
 */
const RECENT_SCORES = 4;

/**
 * The model as the shelves see it: scores after a history (through the shopper's
 * personal head, when there is one) and item-to-item cosine similarity.
 * Holds the transposed item table on the backend and a normalised copy in memory.
 * Rows are the model's vocabulary, then the catalog items it was never trained on
 * (cold-items.ts gives them vectors from their content).
 */
export class ModelItemSpace implements ItemSpace {
  /** Every row's item id: the model's vocabulary, then the catalog's new items. */
  readonly vocabulary: readonly string[];
  readonly popularity: Float32Array | null;
  /** The catalog items the model did not know, and how they were placed; empty without a catalog. */
  readonly cold: ColdItems;
  /** Model vocabulary → 1-based embedding row: what the history encoder reads. */
  private readonly index: ReadonlyMap<string, VocabIndex>;
  /** Every row, 0-based, new items included. */
  private readonly rows: ReadonlyMap<string, Row>;
  /** The history encoder's map, plus each new item the shopper touched read as its nearest known item. */
  private readonly historyIndex: Map<string, VocabIndex>;
  private readonly known: number;
  private readonly itemsT: tf.Tensor2D;
  private readonly unit: Float32Array;
  private readonly dim: number;
  private readonly maxLen: number;
  private readonly similarityCache = new Map<number, Float32Array>();
  /** The last few histories scored (per head), oldest first: see RECENT_SCORES. */
  private readonly recentScores: {
    key: string;
    head: PersonalHead | null;
    weights: unknown[];
    values: Float32Array;
  }[] = [];

  /**
   * `personal` owns the shopper's adapter (the worker's PersonalState); the space only reads
   * it, so an accepted head is used at once and never copied. Default: none (the pretrained model alone).
   * Reads the item table without blocking: WebGPU in a worker loses its device on a synchronous read.
   */
  static async create(
    model: tf.LayersModel,
    vocabulary: readonly string[],
    popularity: readonly number[] | null,
    personal: { readonly head: PersonalHead | null } | null = null,
    catalog: readonly CatalogItem[] | null = null,
  ): Promise<ModelItemSpace> {
    const items = itemMatrix(model);
    try {
      const known = (await items.data()) as Float32Array;
      await getEncoder(model).readCatalogPrior();
      await getEncoder(model).readTransitions();
      const cold = catalog
        ? await coldItemVectors(model, vocabulary, catalog, known)
        : { ids: [], vectors: new Float32Array(0), method: 'content' as const, unplaced: [] };
      return new ModelItemSpace(model, vocabulary, popularity, personal, items, known, cold);
    } finally {
      items.dispose();
    }
  }

  private constructor(
    private readonly model: tf.LayersModel,
    vocabulary: readonly string[],
    popularity: readonly number[] | null,
    private readonly personal: { readonly head: PersonalHead | null } | null,
    items: tf.Tensor2D,
    known: Float32Array,
    cold: ColdItems,
  ) {
    this.index = new Map(vocabulary.map((id, i) => [id, vocabIndexOf(asRow(i))]));
    this.historyIndex = new Map(this.index);
    this.known = vocabulary.length;
    const encoder = getEncoder(model);
    this.dim = encoder.cfg.dim;
    this.maxLen = encoder.cfg.maxLen;
    this.cold = cold;
    this.vocabulary = [...vocabulary, ...this.cold.ids];
    this.rows = new Map(this.vocabulary.map((id, i) => [id, asRow(i)]));
    // New items have no interactions yet: they rank after every known item in trending.
    this.popularity =
      popularity && popularity.length === vocabulary.length
        ? Float32Array.from([...popularity, ...this.cold.ids.map(() => 0)])
        : null;
    this.unit = new Float32Array(this.vocabulary.length * this.dim);
    this.unit.set(known);
    this.unit.set(this.cold.vectors, known.length);
    this.itemsT = tf.tidy(() => {
      const all = cold.vectors.length
        ? items.concat(tf.tensor2d(cold.vectors, [cold.ids.length, this.dim]), 0)
        : items;
      return all.transpose() as tf.Tensor2D;
    });
    for (let i = 0; i < this.vocabulary.length; i++) {
      let norm = 0;
      for (let d = 0; d < this.dim; d++) norm += this.unit[i * this.dim + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < this.dim; d++) this.unit[i * this.dim + d]! /= norm;
    }
  }

  /** The personal head in use; null means the pretrained model alone. */
  get head(): PersonalHead | null {
    return this.personal?.head ?? null;
  }

  /** 0-based row of an item id (new catalog items included). */
  indexOf(itemId: string): Row | undefined {
    return this.rows.get(itemId);
  }

  /**
   * The known item the history encoder reads in place of a new one (the nearest by cosine),
   * found the first time the shopper touches it; undefined for ids with no row.
   */
  private historyRow(itemId: string): VocabIndex | undefined {
    const known = this.historyIndex.get(itemId);
    if (known !== undefined) return known;
    const row = this.rows.get(itemId);
    if (row === undefined || this.known === 0) return undefined;
    let best = 0;
    let bestSimilarity = -Infinity;
    for (let j = 0; j < this.known; j++) {
      const s = this.similarity(row, j);
      if (s > bestSimilarity) [best, bestSimilarity] = [j, s];
    }
    const index = vocabIndexOf(asRow(best));
    this.historyIndex.set(itemId, index);
    return index;
  }

  /** 1-based vocabulary map, as the model's history encoder wants it. */
  get vocabularyIndex(): ReadonlyMap<string, VocabIndex> {
    return this.index;
  }

  async scoreAfter(steps: readonly SequenceStep[]): Promise<Float32Array | null> {
    const latest = steps.length ? steps[steps.length - 1]!.ts : Date.now();
    for (const step of steps.slice(-this.maxLen)) this.historyRow(step.itemId);
    const history = encodeHistory(steps, this.historyIndex, this.maxLen, latest);
    if (history.items.length === 0) return null;
    const head = this.head;
    const key = `${history.items.join(',')}|${history.kinds.join(',')}|${history.recency.join(',')}`;
    const weights = this.weightsNow(head);
    const hit = this.recentScores.find(
      (r) => r.key === key && r.head === head && r.weights.every((id, i) => id === weights[i]),
    );
    // A copy, so no caller can change what the next one reads.
    if (hit) return hit.values.slice();
    const values = await this.scoresOf(history, head);
    this.recentScores.push({ key, head, weights, values });
    if (this.recentScores.length > RECENT_SCORES) this.recentScores.shift();
    return values.slice();
  }

  /**
   * Which data the model's and the head's weights hold now: a write (assign, setWeights, a new
   * transition table) gives the variable a new data id, so kept scores from before it are not reused.
   */
  private weightsNow(head: PersonalHead | null): unknown[] {
    const dataId = (t: tf.Tensor) => (t as unknown as { dataId: unknown }).dataId;
    return [...this.model.weights.map((w) => dataId(w.read())), ...(head?.variables ?? []).map(dataId)];
  }

  private async scoresOf(history: EncodedHistory, head: PersonalHead | null): Promise<Float32Array> {
    const scores = tf.tidy(() => {
      const user = userRepresentation(this.model, [history]);
      return (head ? head.apply(user) : user).matMul(this.itemsT);
    });
    let values: Float32Array;
    try {
      values = (await scores.data()) as Float32Array;
    } finally {
      scores.dispose();
    }
    // The same blend and prior as scoreBatch (pretraining, bench:quality) adds.
    addItemPriors(this.model, [history.items], values);
    return values;
  }

  complementAnchors(steps: readonly SequenceStep[]): Map<Row, Row> {
    const anchors = new Map<Row, Row>();
    const prior = getEncoder(this.model).catalogPrior();
    if (!prior) return anchors;
    const items = encodeHistory(steps, this.historyIndex, this.maxLen).items;
    // Visited latest first, so an item that goes with several recent ones names the latest.
    forEachPriorComplement(prior, items, (j, _bonus, anchor) => {
      if (!anchors.has(rowOf(j))) anchors.set(rowOf(j), rowOf(anchor));
    });
    return anchors;
  }

  similarity(i: number, j: number): number {
    let dot = 0;
    for (let d = 0; d < this.dim; d++) dot += this.unit[i * this.dim + d]! * this.unit[j * this.dim + d]!;
    return dot;
  }

  similarTo(i: number): Float32Array {
    const cached = this.similarityCache.get(i);
    if (cached) return cached;
    const n = this.vocabulary.length;
    const row = new Float32Array(n);
    const base = i * this.dim;
    for (let j = 0; j < n; j++) {
      let dot = 0;
      const o = j * this.dim;
      for (let d = 0; d < this.dim; d++) dot += this.unit[base + d]! * this.unit[o + d]!;
      row[j] = dot;
    }
    if (this.similarityCache.size > 64) this.similarityCache.clear();
    this.similarityCache.set(i, row);
    return row;
  }

  dispose(): void {
    this.itemsT.dispose();
  }
}
