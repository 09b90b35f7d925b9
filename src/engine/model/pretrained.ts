import * as tf from '@tensorflow/tfjs';
import { getEncoder } from './model.ts';
import { registerGatherGradient } from './gather-grad.ts';
import './encoder-layer.ts';

/** The model card written beside model.json by `npm run pretrain`. */
export interface ModelMeta {
  format: 'localshelf-model/1';
  /** Item id strings in embedding order: vocabulary[i] is embedding row i + 1 (row 0 is padding). */
  vocabulary: string[];
  dataFile?: string;
  dataSha256?: string;
  params: number;
  settings: Record<string, unknown>;
  valid: Record<string, number>;
  commit: string;
  date: string;
  [key: string]: unknown;
}

export interface Pretrained {
  model: tf.LayersModel;
  meta: ModelMeta;
  /** Item id → vocabulary index (1-based, as encodeHistory expects). */
  index: Map<string, number>;
}

/** Checks a parsed meta.json and builds the id → index map. */
export function checkMeta(
  meta: unknown,
  model: tf.LayersModel,
): { meta: ModelMeta; index: Map<string, number> } {
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
  return { meta: m as ModelMeta, index: new Map(m.vocabulary.map((id, i) => [String(id), i + 1])) };
}

/**
 * Loads a pretrained model from a URL prefix (e.g. "/models/beauty/" holding model.json and
 * meta.json) or from a tfjs IOHandler plus its parsed meta (Node, tests).
 */
export async function loadPretrained(
  source: string | { handler: tf.io.IOHandler; meta: unknown },
): Promise<Pretrained> {
  registerGatherGradient();
  if (typeof source === 'string') {
    const base = source.endsWith('/') ? source : `${source}/`;
    const model = await tf.loadLayersModel(`${base}model.json`);
    const res = await fetch(`${base}meta.json`);
    if (!res.ok)
      throw new Error(
        `could not fetch ${base}meta.json: HTTP ${res.status}; expected the model card beside model.json`,
      );
    return { model, ...checkMeta(await res.json(), model) };
  }
  const model = await tf.loadLayersModel(source.handler);
  return { model, ...checkMeta(source.meta, model) };
}

/** Trainable + stored parameter count. */
export function countParams(model: tf.LayersModel): number {
  return model.countParams();
}
