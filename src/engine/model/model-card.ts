import { describeValue } from '../errors.ts';
import type { TransitionCalibration } from './transitions.ts';

/*
 * The model card (meta.json) as the page reads it: types and validation only, no TensorFlow.js,
 * so the page's first-load script can read it before the worker has loaded the model.
 */

/** The calibrated catalog prior, as `npm run pretrain --catalog` writes it into the card. */
export interface CardPrior {
  /** Bonuses: complements of the latest, second, third latest item; then same leaf as the latest. */
  bonus: number[];
  /** Validation NDCG@10 without and with the prior. */
  before: number;
  after: number;
}

/**
 * The calibrated transition blend as pretraining writes it into the card: the calibration's
 * settings and validation NDCG@10 without and with it (transitions.ts owns their meaning).
 */
export type CardTransitions = Pick<
  TransitionCalibration,
  'window' | 'perItem' | 'voters' | 'decay' | 'weight' | 'before' | 'after'
> & { similarity: string };

/**
 * The model card written beside model.json by `npm run pretrain` (lib/data/model-card.ts):
 * what a site publishes with its model, so it names no local path and no commit.
 */
export interface ModelMeta {
  format: 'localshelf-model/1';
  /** Changes whenever the weights change: personal weights and the page's cache are keyed by it. */
  version: string;
  /** Item id strings in embedding order: vocabulary[i] is embedding row i + 1 (row 0 is padding). */
  vocabulary: string[];
  /** Interactions per vocabulary item in the training logs (aligned with `vocabulary`): what "trending" ranks by. Absent: no trending. */
  popularity?: number[];
  /** The catalog prior calibrated after training; null when pretraining had no catalog. */
  prior?: CardPrior | null;
  /** The transition blend calibrated after training (its table is in the weights); null or absent without one. */
  transitions?: CardTransitions | null;
  /** Model and training settings (dim, maxLen, epochs, learning rate, ...). */
  settings: Record<string, number | boolean | string>;
  /** Validation metrics of the chosen epoch (HR@10, NDCG@10, ...). */
  valid: Record<string, number>;
  /** SHA-256 of the training log file: which data made the model, without naming where it lives. */
  dataSha256?: string;
  /** The catalog's `version` the model was pretrained with; null without one. */
  catalogVersion?: string | null;
  users?: number;
  params?: number;
  modelBytes?: number;
  epochs?: number;
  bestEpoch?: number;
  stoppedBy?: string;
  trainSeconds?: number;
  backend?: string;
  /** ISO 8601 time of training. */
  date?: string;
  /** Set by `npm run demo-model`: the held-out shoppers of its report. */
  heldOut?: { shoppers: number; percent: number; rule: string };
}

function cardError(where: string, field: string, value: unknown, expected: string): never {
  throw new Error(
    `${where} ${field} is ${describeValue(value)}; expected ${expected} (the model card written by npm run pretrain)`,
  );
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

function finiteArray(where: string, field: string, value: unknown, length?: number): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isFinite(v)))
    cardError(where, field, value, 'an array of finite numbers');
  if (length !== undefined && value.length !== length)
    cardError(where, field, value, `${length} entries, one per vocabulary item`);
  return value as number[];
}

/**
 * Validates a parsed meta.json once, where it is read; `where` names it in errors
 * (e.g. its URL). Unknown extra fields are kept.
 */
export function parseModelCard(raw: unknown, where = 'meta.json'): ModelMeta {
  if (!isRecord(raw)) cardError(where, 'content', raw, 'a JSON object');
  if (raw.format !== 'localshelf-model/1') cardError(where, '"format"', raw.format, '"localshelf-model/1"');
  if (!Array.isArray(raw.vocabulary) || raw.vocabulary.length === 0)
    throw new Error(
      `${where} has no "vocabulary" array; expected the model card written by npm run pretrain`,
    );
  const vocabulary = raw.vocabulary;
  const seen = new Set<string>();
  vocabulary.forEach((id, i) => {
    if (typeof id !== 'string' || id === '')
      cardError(where, `vocabulary[${i}]`, id, 'a non-empty item id string');
    if (seen.has(id)) cardError(where, `vocabulary[${i}]`, id, 'an id not listed earlier');
    seen.add(id);
  });
  if (typeof raw.version !== 'string' || raw.version === '')
    cardError(where, '"version"', raw.version, 'a non-empty string that changes with the weights');
  if (raw.popularity !== undefined) {
    const popularity = finiteArray(where, '"popularity"', raw.popularity, vocabulary.length);
    if (popularity.some((p) => p < 0)) cardError(where, '"popularity"', raw.popularity, 'counts ≥ 0');
  }
  if (raw.prior !== undefined && raw.prior !== null) {
    if (!isRecord(raw.prior))
      cardError(where, '"prior"', raw.prior, 'an object {bonus, before, after} or null');
    finiteArray(where, '"prior.bonus"', raw.prior.bonus);
  }
  if (raw.transitions !== undefined && raw.transitions !== null) {
    if (!isRecord(raw.transitions))
      cardError(
        where,
        '"transitions"',
        raw.transitions,
        'an object {window, voters, decay, weight, ...} or null',
      );
    for (const field of ['window', 'perItem', 'voters', 'decay', 'weight'])
      if (typeof raw.transitions[field] !== 'number' || !Number.isFinite(raw.transitions[field]))
        cardError(where, `"transitions.${field}"`, raw.transitions[field], 'a finite number');
  }
  if (!isRecord(raw.settings)) cardError(where, '"settings"', raw.settings, 'an object of training settings');
  if (!isRecord(raw.valid)) cardError(where, '"valid"', raw.valid, 'an object of validation metrics');
  return raw as unknown as ModelMeta;
}

/** Fetches and validates the model card beside model.json; errors name the URL. */
export async function fetchModelCard(modelUrl: string, fetchImpl: typeof fetch = fetch): Promise<ModelMeta> {
  const url = `${modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`}meta.json`;
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (error) {
    throw new Error(
      `could not fetch ${url}: ${(error as Error).message}; expected the model card beside model.json`,
    );
  }
  if (!res.ok)
    throw new Error(`could not fetch ${url}: HTTP ${res.status}; expected the model card beside model.json`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new Error(`${url} is not valid JSON; expected the model card written by npm run pretrain`);
  }
  return parseModelCard(body, url);
}
