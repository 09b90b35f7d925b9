import type * as tf from '@tensorflow/tfjs';
import type { CatalogItem } from '../catalog/schema.ts';
import { itemTokens, priceBucket, tokenId } from './content.ts';
import { getEncoder } from './model.ts';

/**
 * Vectors for catalog items the model was never trained on (added after pretraining), so they
 * can be recommended without retraining. Each borrows the behaviour of the known items it shares
 * the most catalog tokens with (same category path, brand, tags, title words): their weighted
 * mean id embedding. A model with content features adds the item's own content, as pretraining
 * embeds it: the mean of its title, category, brand and tag token embeddings plus its price
 * bucket's. Content alone (what pretraining gives an item nobody touched) sits apart from the
 * trained items, whose vectors are mostly behaviour, so the borrowed part is what puts a new
 * green tea among the green teas.
 */
export interface ColdItems {
  /** Ids of the new items that got a vector, in catalog order. */
  ids: string[];
  /** Their vectors, `ids.length × dim`, comparable with the model's item rows. */
  vectors: Float32Array;
  method: 'content' | 'neighbours';
  /** New items no vector could be made for (no content features, and nothing in common with a known item). */
  unplaced: string[];
}

/** Known items a neighbour-placed vector averages over. */
const NEIGHBOURS = 8;

/** How much a shared token says about two items being alike, by its field. */
function tokenWeight(token: string): number {
  if (token.startsWith('c:')) return 1 + token.split('/').length;
  if (token.startsWith('b:')) return 2;
  if (token.startsWith('g:')) return 1;
  return 0.5;
}

/** A weight's values, read without blocking (WebGPU in a worker cannot read synchronously). */
async function weightByName(model: tf.LayersModel, name: string): Promise<Float32Array> {
  const variable = getEncoder(model).weights.find((w) => w.originalName.endsWith(`/${name}`));
  if (!variable) throw new Error(`the model has no ${name} weight; expected a model with content features`);
  return (await variable.read().data()) as Float32Array;
}

async function contentVectors(model: tf.LayersModel, items: readonly CatalogItem[]): Promise<Float32Array> {
  const { dim, hashBuckets, tokensPerItem, priceBuckets } = getEncoder(model).cfg;
  const tokenTable = await weightByName(model, 'token_embedding');
  const priceTable = await weightByName(model, 'price_embedding');
  const out = new Float32Array(items.length * dim);
  const addRow = (table: Float32Array, row: number, scale: number, at: number) => {
    for (let d = 0; d < dim; d++) out[at + d]! += table[row * dim + d]! * scale;
  };
  items.forEach((item, i) => {
    const at = i * dim;
    const tokens = itemTokens(item).slice(0, tokensPerItem);
    for (const t of tokens) addRow(tokenTable, tokenId(t, hashBuckets), 1 / Math.max(1, tokens.length), at);
    addRow(priceTable, priceBucket(item.price, priceBuckets), 1, at);
  });
  return out;
}

function neighbourVectors(
  items: readonly CatalogItem[],
  known: ReadonlyMap<string, number>,
  catalog: readonly CatalogItem[],
  table: Float32Array,
  dim: number,
): { vectors: Float32Array; placed: boolean[] } {
  // Inverted index over the known items' tokens, so each new item looks only at items it shares a token with.
  const byToken = new Map<string, number[]>();
  for (const item of catalog) {
    const row = known.get(item.id);
    if (row === undefined) continue;
    for (const t of itemTokens(item)) {
      const list = byToken.get(t) ?? [];
      list.push(row);
      byToken.set(t, list);
    }
  }
  const vectors = new Float32Array(items.length * dim);
  const placed = items.map((item, i) => {
    const overlap = new Map<number, number>();
    for (const t of itemTokens(item))
      for (const row of byToken.get(t) ?? []) overlap.set(row, (overlap.get(row) ?? 0) + tokenWeight(t));
    const nearest = [...overlap.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, NEIGHBOURS);
    const total = nearest.reduce((s, [, w]) => s + w, 0);
    if (total === 0) return false;
    for (const [row, w] of nearest)
      for (let d = 0; d < dim; d++) vectors[i * dim + d]! += (table[row * dim + d]! * w) / total;
    return true;
  });
  return { vectors, placed };
}

/**
 * Vectors for the catalog items missing from `vocabulary`. `table` holds the model's item rows
 * (`vocabulary.length × dim`, row i = vocabulary[i]), as itemMatrix returns them.
 */
export async function coldItemVectors(
  model: tf.LayersModel,
  vocabulary: readonly string[],
  catalog: readonly CatalogItem[],
  table: Float32Array,
): Promise<ColdItems> {
  const encoder = getEncoder(model);
  const dim = encoder.cfg.dim;
  const known = new Map(vocabulary.map((id, i) => [id, i]));
  const cold = catalog.filter((item) => !known.has(item.id));
  if (cold.length === 0) return { ids: [], vectors: new Float32Array(0), method: 'content', unplaced: [] };
  if (encoder.hasContent) {
    // Behaviour from the id embeddings of similar known items (row 0 is padding), plus own content.
    const ids = (await weightByName(model, 'item_embedding')).subarray(dim);
    const { vectors } = neighbourVectors(cold, known, catalog, ids, dim);
    const content = await contentVectors(model, cold);
    for (let k = 0; k < vectors.length; k++) vectors[k]! += content[k]!;
    return { ids: cold.map((i) => i.id), vectors, method: 'content', unplaced: [] };
  }
  const { vectors, placed } = neighbourVectors(cold, known, catalog, table, dim);
  const keep = cold.flatMap((_, i) => (placed[i] ? [i] : []));
  const packed = new Float32Array(keep.length * dim);
  keep.forEach((i, k) => packed.set(vectors.subarray(i * dim, (i + 1) * dim), k * dim));
  return {
    ids: keep.map((i) => cold[i]!.id),
    vectors: packed,
    method: 'neighbours',
    unplaced: cold.filter((_, i) => !placed[i]).map((item) => item.id),
  };
}
