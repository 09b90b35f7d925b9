import * as tf from '@tensorflow/tfjs';
import { getEncoder } from './model.ts';
import { fetchModelCard, type ModelMeta } from './model-card.ts';
import { registerGatherGradient } from './gather-grad.ts';
import './encoder-layer.ts';
import { asRow, vocabIndexOf, type VocabIndex } from './indices.ts';

export { fetchModelCard, parseModelCard } from './model-card.ts';
export type { CardPrior, ModelMeta } from './model-card.ts';

export interface Pretrained {
  model: tf.LayersModel;
  meta: ModelMeta;
  /** Item id → vocabulary index (1-based, as encodeHistory expects). */
  index: Map<string, VocabIndex>;
}

/**
 * Checks a card's vocabulary against its model and builds the id → index map. Cards read from
 * a URL or a file are validated in full by parseModelCard first; Node callers holding a bare
 * `{vocabulary}` (tests, scripts) get the vocabulary check alone.
 */
export function checkMeta(
  meta: unknown,
  model: tf.LayersModel,
): { meta: ModelMeta; index: Map<string, VocabIndex> } {
  const m = meta as Partial<ModelMeta> | null;
  if (!m || typeof m !== 'object' || !Array.isArray(m.vocabulary))
    throw new Error(
      'meta.json has no "vocabulary" array; expected the model card written by npm run pretrain',
    );
  const n = getEncoder(model).cfg.numItems;
  if (m.vocabulary.length !== n)
    throw new Error(
      `meta.json vocabulary has ${m.vocabulary.length} items; expected ${n} to match the model`,
    );
  return {
    meta: m as ModelMeta,
    index: new Map(m.vocabulary.map((id, i) => [String(id), vocabIndexOf(asRow(i))])),
  };
}

/**
 * Loads a pretrained model from a URL prefix (e.g. "/models/beauty/" holding model.json and
 * meta.json) or from a tfjs IOHandler plus its parsed meta (Node, tests). With `card`, the
 * card the page already read is used instead of fetching meta.json again; `fetchFunc` loads
 * model.json and the weights (e.g. from the page's versioned cache).
 */
export async function loadPretrained(
  source: string | { handler: tf.io.IOHandler; meta: unknown },
  opts: { card?: ModelMeta; fetchFunc?: typeof fetch } = {},
): Promise<Pretrained> {
  registerGatherGradient();
  if (typeof source === 'string') {
    const base = source.endsWith('/') ? source : `${source}/`;
    const [model, card] = await Promise.all([
      tf.loadLayersModel(`${base}model.json`, opts.fetchFunc ? { fetchFunc: opts.fetchFunc } : {}),
      opts.card ?? fetchModelCard(base),
    ]);
    return { model, ...checkMeta(card, model) };
  }
  const model = await tf.loadLayersModel(source.handler);
  return { model, ...checkMeta(source.meta, model) };
}
