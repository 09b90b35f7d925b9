import * as tf from '@tensorflow/tfjs';
import { type CatalogItem, getEncoder, itemTokens, priceBucket, tokenId } from '../../src/engine/node.ts';

/**
 * The vector a product that the model has never seen would get: the mean of its hashed content
 * token embeddings plus its price-bucket embedding, with no id embedding — exactly what the
 * encoder's item table holds for catalog items absent from pretraining (their id rows are zeroed).
 * Lets a product added to the catalog after pretraining be scored without retraining.
 */
export function contentVector(model: tf.LayersModel, item: CatalogItem): tf.Tensor1D {
  const encoder = getEncoder(model);
  const { hashBuckets, tokensPerItem, priceBuckets } = encoder.cfg;
  if (!encoder.hasContent)
    throw new Error(`model "${model.name}" has hashBuckets 0; expected a model with content features`);
  const weight = (name: string) => {
    const w = encoder.weights.find((v) => v.originalName.endsWith(`/${name}`) || v.name.endsWith(`/${name}`));
    if (!w)
      throw new Error(
        `model has no weight "${name}"; expected one of ${encoder.weights.map((v) => v.originalName).join(', ')}`,
      );
    return w.read();
  };
  const ids = itemTokens(item)
    .slice(0, tokensPerItem)
    .map((t) => tokenId(t, hashBuckets));
  return tf.tidy(() => {
    let v = tf.gather(weight('price_embedding'), [priceBucket(item.price, priceBuckets)]).reshape([-1]);
    if (ids.length > 0) v = v.add(tf.gather(weight('token_embedding'), tf.tensor1d(ids, 'int32')).mean(0));
    return v as tf.Tensor1D;
  });
}
