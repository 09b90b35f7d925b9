import * as tf from '@tensorflow/tfjs';
import type { SequenceStep } from '../events/queries.ts';
import { encodeHistory } from '../model/history.ts';
import { getEncoder, itemMatrix, userRepresentation } from '../model/model.ts';
import { addCatalogPrior, forEachPriorComplement } from '../model/catalog-prior.ts';
import type { PersonalHead } from '../training/personal-head.ts';
import type { ItemSpace } from './shelves.ts';

/**
 * The model as the shelves see it: scores after a history (through the shopper's
 * personal head, when there is one) and item-to-item cosine similarity.
 * Holds the transposed item table on the backend and a normalised copy in memory.
 */
export class ModelItemSpace implements ItemSpace {
  readonly vocabulary: readonly string[];
  readonly popularity: Float32Array | null;
  private readonly index: ReadonlyMap<string, number>;
  private readonly itemsT: tf.Tensor2D;
  private readonly unit: Float32Array;
  private readonly dim: number;
  private readonly maxLen: number;
  private readonly similarityCache = new Map<number, Float32Array>();

  /**
   * `personal` owns the shopper's adapter (the worker's PersonalState); the space only reads
   * it, so an accepted head is used at once and never copied. Default: none (the pretrained model alone).
   */
  constructor(
    private readonly model: tf.LayersModel,
    vocabulary: readonly string[],
    popularity: readonly number[] | null,
    private readonly personal: { readonly head: PersonalHead | null } | null = null,
  ) {
    this.vocabulary = vocabulary;
    this.index = new Map(vocabulary.map((id, i) => [id, i + 1]));
    this.popularity =
      popularity && popularity.length === vocabulary.length ? Float32Array.from(popularity) : null;
    const encoder = getEncoder(model);
    this.dim = encoder.cfg.dim;
    this.maxLen = encoder.cfg.maxLen;
    const items = itemMatrix(model);
    this.itemsT = tf.tidy(() => items.transpose() as tf.Tensor2D);
    this.unit = items.dataSync() as Float32Array;
    items.dispose();
    for (let i = 0; i < vocabulary.length; i++) {
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

  /** 0-based row of an item id. */
  indexOf(itemId: string): number | undefined {
    const i = this.index.get(itemId);
    return i === undefined ? undefined : i - 1;
  }

  /** 1-based vocabulary map, as the model's history encoder wants it. */
  get vocabularyIndex(): ReadonlyMap<string, number> {
    return this.index;
  }

  scoreAfter(steps: readonly SequenceStep[]): Float32Array | null {
    const latest = steps.length ? steps[steps.length - 1]!.ts : Date.now();
    const history = encodeHistory(steps, this.index, this.maxLen, latest);
    if (history.items.length === 0) return null;
    const scores = tf.tidy(() => {
      const user = userRepresentation(this.model, [history]);
      const head = this.head;
      return (head ? head.apply(user) : user).matMul(this.itemsT);
    });
    const values = scores.dataSync() as Float32Array;
    scores.dispose();
    addCatalogPrior(getEncoder(this.model), [history.items], values);
    return values;
  }

  complementAnchors(steps: readonly SequenceStep[]): Map<number, number> {
    const anchors = new Map<number, number>();
    const prior = getEncoder(this.model).catalogPrior();
    if (!prior) return anchors;
    const items = encodeHistory(steps, this.index, this.maxLen).items;
    // Visited latest first, so an item that goes with several recent ones names the latest.
    forEachPriorComplement(prior, items, (j, _bonus, anchor) => {
      if (!anchors.has(j - 1)) anchors.set(j - 1, anchor - 1);
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
