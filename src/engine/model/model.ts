import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config.ts';
import { LocalShelfEncoder } from './encoder-layer.ts';
import { padBatch, type EncodedHistory } from './history.ts';
import { registerGatherGradient } from './gather-grad.ts';
import { addCatalogPrior } from './catalog-prior.ts';
import { addTransitions } from './transitions.ts';

/** Builds the model: inputs items/kinds/recency [batch, time] int32 → user states [batch, time, dim]. */
export function createModel(config: ModelConfig): tf.LayersModel {
  registerGatherGradient();
  const items = tf.input({ shape: [null], dtype: 'int32', name: 'items' });
  const kinds = tf.input({ shape: [null], dtype: 'int32', name: 'kinds' });
  const recency = tf.input({ shape: [null], dtype: 'int32', name: 'recency' });
  const encoder = new LocalShelfEncoder(config);
  const states = encoder.apply([items, kinds, recency]) as tf.SymbolicTensor;
  return tf.model({ inputs: [items, kinds, recency], outputs: states, name: 'localshelf' });
}

/** The encoder layer inside a model made by createModel (or loaded from its files). */
export function getEncoder(model: tf.LayersModel): LocalShelfEncoder {
  const layer = model.layers.find((l) => l instanceof LocalShelfEncoder);
  if (!layer)
    throw new Error(
      `model "${model.name}" has no LocalShelfEncoder layer; expected a model made by createModel`,
    );
  return layer as LocalShelfEncoder;
}

/** Item vectors [numItems, dim]; row i is vocabulary[i]. Freeze these when training a user vector. */
export function itemMatrix(model: tf.LayersModel): tf.Tensor2D {
  const encoder = getEncoder(model);
  return tf.tidy(() => encoder.itemVectors().slice([1, 0]) as tf.Tensor2D);
}

/**
 * The final user representation [batch, dim]: the state after each history's latest event.
 * Scores are userRepresentation · itemMatrixᵀ, so an adapter or user vector can be trained
 * on top of it with items frozen.
 */
export function userRepresentation(
  model: tf.LayersModel,
  histories: readonly EncodedHistory[],
  training = false,
): tf.Tensor2D {
  const encoder = getEncoder(model);
  const maxLen = encoder.cfg.maxLen;
  const clipped = histories.map((h) =>
    h.items.length > maxLen
      ? { items: h.items.slice(-maxLen), kinds: h.kinds.slice(-maxLen), recency: h.recency.slice(-maxLen) }
      : h,
  );
  const batch = padBatch(clipped);
  return tf.tidy(() => {
    const shape: [number, number] = [clipped.length, batch.time];
    const states = encoder.encode(
      tf.tensor2d(batch.items, shape, 'int32'),
      tf.tensor2d(batch.kinds, shape, 'int32'),
      tf.tensor2d(batch.recency, shape, 'int32'),
      training,
    );
    return states
      .slice([0, batch.time - 1, 0], [clipped.length, 1, encoder.cfg.dim])
      .reshape([clipped.length, encoder.cfg.dim]) as tf.Tensor2D;
  });
}

/**
 * Adds what the model holds beside its logits, in place, to scores [histories × numItems]: the
 * transition blend and the catalog prior, each a no-op when the model has none. Every scorer of
 * a pretrained model (scoreBatch here, the browser's ModelItemSpace) goes through this.
 */
export function addItemPriors(
  model: tf.LayersModel,
  histories: readonly ArrayLike<number>[],
  scores: Float32Array,
): void {
  const encoder = getEncoder(model);
  addTransitions(encoder, histories, scores);
  addCatalogPrior(encoder, histories, scores);
}

/** Scores [batch, numItems] for several histories at once (with the transition blend and complement prior, if any); higher is better. */
export function scoreBatch(model: tf.LayersModel, histories: readonly EncodedHistory[]): Float32Array {
  const encoder = getEncoder(model);
  const scores = tf.tidy(() => {
    const users = userRepresentation(model, histories);
    // An explicit transpose: matMul with transposeB over a wide matrix is ~10× slower on wasm.
    const itemsT = encoder.itemVectors().slice([1, 0]).transpose();
    return tf.matMul(users, itemsT);
  });
  const data = scores.dataSync() as Float32Array;
  scores.dispose();
  addItemPriors(
    model,
    histories.map((h) => h.items),
    data,
  );
  return data;
}

/** Scores every catalog item for one history: result[i] is the score of vocabulary[i]. */
export function scoreAll(model: tf.LayersModel, history: EncodedHistory): Float32Array {
  return scoreBatch(model, [history]);
}
