/**
 * What pretraining and `bench:rerank` share: split shoppers by a fixed hash, count the
 * population's exposures, featurize every shopper's lists with the engine's one feature
 * function, pretrain, save.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  itemSequence,
  type CatalogItem,
  type ShopEvent,
  hashToken,
  loadPretrained,
  ModelItemSpace,
  labelledLists,
  PopulationCounts,
  pretrainReranker,
  type FactsOf,
  type LabelledList,
  type PretrainOptions,
  type Reranker,
  type WalkOptions,
} from '../../src/engine/node.ts';
import { dirHandler, saveModelDir } from './model-files.ts';

/** Which part a shopper belongs to: fixed by a hash of their id, so every run splits alike. */
export function shopperPart(
  id: string,
  evalPercent: number,
  validPercent: number,
): 'eval' | 'valid' | 'train' {
  const h = hashToken(`rerank-split:${id}`) % 100;
  if (h < evalPercent) return 'eval';
  if (h < evalPercent + validPercent) return 'valid';
  return 'train';
}

export interface Featurized {
  train: LabelledList[];
  valid: LabelledList[];
  population: PopulationCounts;
  trainShoppers: number;
  validShoppers: number;
}

export interface FeaturizeOptions {
  facts?: FactsOf;
  /** Base scores per shopper's impressions (default: the site's order). */
  baseScores?: (shopper: string, events: readonly ShopEvent[]) => WalkOptions['baseScores'];
}

/**
 * Featurizes the pretraining shoppers. Population counts come from the training shoppers;
 * each training shopper reads them without their own part (no target leakage), validation
 * shoppers read them whole, as a new shopper would.
 */
export function featurizePopulation(
  train: ReadonlyMap<string, ShopEvent[]>,
  valid: ReadonlyMap<string, ShopEvent[]>,
  options: FeaturizeOptions = {},
): Featurized {
  const population = new PopulationCounts();
  for (const events of train.values()) population.add(events);
  const globalClickRate = population.clickRate;
  const walk = (shopper: string, events: ShopEvent[], own: boolean) =>
    labelledLists(events, {
      facts: options.facts,
      population: own ? population.without(events) : population.lookup(),
      globalClickRate,
      baseScores: options.baseScores?.(shopper, events),
    }).lists;
  return {
    train: [...train].flatMap(([s, e]) => walk(s, e, true)),
    valid: [...valid].flatMap(([s, e]) => walk(s, e, false)),
    population,
    trainShoppers: train.size,
    validShoppers: valid.size,
  };
}

export async function pretrainFeaturized(data: Featurized, options: PretrainOptions = {}) {
  const started = performance.now();
  const result = await pretrainReranker(data.train, data.valid, data.population.toCard(), options);
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

/** Writes model.json + weights.bin + card.json; the version is a hash of the weights. */
export async function saveReranker(
  reranker: Reranker,
  dir: string,
  training: Record<string, unknown>,
): Promise<string> {
  const weights = reranker.weights().flat();
  let h = 0x811c9dc5;
  for (const w of weights) {
    h ^= Math.round(w * 1e6) & 0xffffffff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const version = `reranker-${h.toString(16).padStart(8, '0')}`;
  mkdirSync(dir, { recursive: true });
  await saveModelDir(reranker.net, dir);
  const card = { ...reranker.card, version, training };
  writeFileSync(join(dir, 'card.json'), JSON.stringify(card) + '\n');
  return version;
}

/** Shelves the shop ranks with the sequence model first; other lists keep the site's order as their base. */
export const MODEL_RANKED_SHELVES = new Set(['for-you', 'because-viewed']);

/** Catalog facts the features read (category = top-level department, brand, price). */
export function catalogFacts(items: readonly CatalogItem[]): FactsOf {
  const byId = new Map(
    items.map((item) => [
      item.id,
      { category: item.category[0] ?? null, brand: item.brand, price: item.price },
    ]),
  );
  return (itemId) => byId.get(itemId);
}

/**
 * Base scores from a pretrained sequence model, as the worker computes them: the model's
 * scores after the shopper's item history so far, for lists the shop ranks with the model.
 */
export async function sequenceModelScores(modelDir: string): Promise<FeaturizeOptions['baseScores']> {
  const meta = JSON.parse(readFileSync(join(modelDir, 'meta.json'), 'utf8'));
  const pretrained = await loadPretrained({ handler: dirHandler(modelDir), meta });
  const space = new ModelItemSpace(pretrained.model, pretrained.meta.vocabulary, null);
  return (_shopper, events) => {
    const steps = itemSequence(events);
    let cursor = 0;
    return (impression, index) => {
      if (!MODEL_RANKED_SHELVES.has(impression.shelf)) return null;
      const before = events[index]!.ts;
      while (cursor < steps.length && steps[cursor]!.ts < before) cursor++;
      const scores = space.scoreAfter(steps.slice(0, cursor));
      if (!scores) return null;
      return impression.items.map((item) => {
        const row = space.indexOf(item.itemId);
        return row === undefined ? 0 : scores[row]!;
      });
    };
  };
}
