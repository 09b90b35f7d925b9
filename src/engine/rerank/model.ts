import * as tf from '@tensorflow/tfjs';
import { RERANK_FEATURE_NAMES } from './features.ts';
import type { PopulationCard } from './population.ts';

/** The model card beside the re-ranker's model.json. */
export interface RerankerCard {
  format: 'localshelf-reranker/1';
  /** Changes whenever the weights change; personal weights are tagged with it. */
  version: string;
  /** Feature names in input order: must equal RERANK_FEATURE_NAMES of the code that loads it. */
  features: string[];
  /** Per-feature mean and standard deviation over the pretraining rows (inputs are standardised with them). */
  featureMean: number[];
  featureStd: number[];
  population: PopulationCard;
  /** How it was pretrained and how well it did (free-form, for people). */
  training: Record<string, unknown>;
}

/** Layer sizes of the field's classic click DNN. */
export const RERANKER_UNITS = [50, 100, 1] as const;

/** dense 50 (relu) → dense 100 (relu) → dense 1 (sigmoid) over the feature row. */
export function createRerankerNet(inputs: number, seed = 7): tf.Sequential {
  const init = (s: number) => tf.initializers.glorotUniform({ seed: seed + s });
  const net = tf.sequential({ name: 'localshelf-reranker' });
  net.add(
    tf.layers.dense({ inputShape: [inputs], units: 50, activation: 'relu', kernelInitializer: init(0) }),
  );
  net.add(tf.layers.dense({ units: 100, activation: 'relu', kernelInitializer: init(1) }));
  net.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(2) }));
  return net;
}

/** Checks a card against the code's feature spec; throws saying what differs and what to do. */
export function checkCard(card: unknown): RerankerCard {
  const c = card as Partial<RerankerCard> | null;
  if (!c || typeof c !== 'object' || c.format !== 'localshelf-reranker/1')
    throw new Error(
      `re-ranker card format is ${JSON.stringify(c?.format)}; expected "localshelf-reranker/1" (written by npm run pretrain:reranker)`,
    );
  if (typeof c.version !== 'string' || !c.version) throw new Error('re-ranker card has no "version" string');
  const expected = RERANK_FEATURE_NAMES;
  if (!Array.isArray(c.features) || c.features.join(',') !== expected.join(',')) {
    const got = Array.isArray(c.features) ? c.features : [];
    const missing = expected.filter((f) => !got.includes(f));
    const extra = got.filter((f) => !(expected as readonly string[]).includes(f));
    throw new Error(
      `re-ranker card features do not match this code (missing: ${missing.join(', ') || 'none'}; unknown: ${extra.join(', ') || 'none'}${missing.length + extra.length === 0 ? '; order differs' : ''}); retrain it with npm run pretrain:reranker`,
    );
  }
  for (const field of ['featureMean', 'featureStd'] as const) {
    const v = c[field];
    if (
      !Array.isArray(v) ||
      v.length !== expected.length ||
      v.some((x) => typeof x !== 'number' || !Number.isFinite(x))
    )
      throw new Error(`re-ranker card "${field}" must hold ${expected.length} finite numbers`);
  }
  if (!c.population || typeof c.population.clickRate !== 'number')
    throw new Error('re-ranker card has no "population" with a "clickRate"');
  return c as RerankerCard;
}

/**
 * A re-ranker ready to score: the net plus the standardisation from its card. Scores are
 * click probabilities; `logits` are what the fine-tuning loss reads.
 */
export class Reranker {
  private readonly mean: Float32Array;
  private readonly invStd: Float32Array;

  constructor(
    readonly net: tf.LayersModel,
    readonly card: RerankerCard,
  ) {
    this.mean = Float32Array.from(card.featureMean);
    this.invStd = Float32Array.from(card.featureStd, (s) => (s > 1e-6 ? 1 / s : 1));
  }

  get width(): number {
    return this.mean.length;
  }

  /** Standardised copy of feature rows. */
  standardise(rows: Float32Array): Float32Array {
    const w = this.width;
    const out = new Float32Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = (rows[i]! - this.mean[i % w]!) * this.invStd[i % w]!;
    return out;
  }

  /** Click probability of each feature row. */
  predict(rows: Float32Array): Float32Array {
    const n = rows.length / this.width;
    if (n === 0) return new Float32Array(0);
    const out = tf.tidy(() =>
      tf.sigmoid(logits(this.net, tf.tensor2d(this.standardise(rows), [n, this.width]))),
    );
    const values = out.dataSync() as Float32Array;
    out.dispose();
    return Float32Array.from(values);
  }

  weights(): number[][] {
    return this.net.getWeights().map((w) => Array.from(w.dataSync()));
  }

  /** Restores weights saved by `weights()`; throws naming the tensor whose size or values are wrong. */
  setWeights(saved: unknown): void {
    const current = this.net.getWeights();
    if (!Array.isArray(saved) || saved.length !== current.length)
      throw new Error(
        `saved re-ranker has ${Array.isArray(saved) ? saved.length : 'no'} weight tensors; expected ${current.length}`,
      );
    const tensors = current.map((w, i) => {
      const values = saved[i] as unknown;
      if (
        !Array.isArray(values) ||
        values.length !== w.size ||
        values.some((v) => typeof v !== 'number' || !Number.isFinite(v))
      )
        throw new Error(
          `saved re-ranker weight ${i} has ${Array.isArray(values) ? values.length : 'no'} finite values; expected ${w.size}`,
        );
      return tf.tensor(values as number[], w.shape);
    });
    this.net.setWeights(tensors);
    tf.dispose(tensors);
  }

  /** A second re-ranker with the same card and a copy of these weights (for fine-tuning). */
  clone(): Reranker {
    const copy = new Reranker(createRerankerNet(this.width), this.card);
    const weights = this.net.getWeights();
    copy.net.setWeights(weights);
    return copy;
  }

  get params(): number {
    return this.net.countParams();
  }

  dispose(): void {
    this.net.dispose();
  }
}

/** The pre-sigmoid output, for a numerically stable loss: the last layer's input times its kernel. */
export function logits(net: tf.LayersModel, x: tf.Tensor2D): tf.Tensor {
  let h: tf.Tensor = x;
  const layers = net.layers;
  for (let i = 0; i < layers.length - 1; i++) h = layers[i]!.apply(h) as tf.Tensor;
  const last = layers[layers.length - 1]!;
  const [kernel, bias] = last.getWeights();
  return tf.add(tf.matMul(h, kernel!), bias!).reshape([-1]);
}

/** Loads a shipped re-ranker from a URL prefix (model.json + card.json) or a handler and its card (Node, tests). */
export async function loadReranker(
  source: string | { handler: tf.io.IOHandler; card: unknown },
): Promise<Reranker> {
  if (typeof source === 'string') {
    const base = source.endsWith('/') ? source : `${source}/`;
    const res = await fetch(`${base}card.json`);
    if (!res.ok)
      throw new Error(
        `could not fetch ${base}card.json: HTTP ${res.status}; expected the re-ranker card beside model.json`,
      );
    const card = checkCard(await res.json());
    const net = await tf.loadLayersModel(`${base}model.json`);
    return new Reranker(net, card);
  }
  const card = checkCard(source.card);
  return new Reranker(await tf.loadLayersModel(source.handler), card);
}
