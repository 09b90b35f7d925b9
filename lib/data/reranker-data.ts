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
  sequenceBaseScores,
  MODEL_SCORED_SHELVES,
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
  /** Base scores of each shopper's impressions, by impression index (default: the site's order). */
  baseScores?: ReadonlyMap<string, ReadonlyMap<number, number[] | null>>;
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
      baseScores: baseScoresOf(options.baseScores?.get(shopper)),
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
  const weights = (await reranker.weights()).flat();
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

function baseScoresOf(scores: ReadonlyMap<number, number[] | null> | undefined): WalkOptions['baseScores'] {
  return scores ? (_impression, index) => scores.get(index) ?? null : undefined;
}

/**
 * Base scores from a pretrained sequence model, as the worker computes them
 * (sequenceBaseScores): the model's scores after the shopper's item history so far, for the
 * lists the shop ranks with the model.
 */
export async function sequenceModelScores(
  modelDir: string,
  shoppers: Iterable<[string, readonly ShopEvent[]]>,
): Promise<Map<string, Map<number, number[] | null>>> {
  const meta = JSON.parse(readFileSync(join(modelDir, 'meta.json'), 'utf8'));
  const pretrained = await loadPretrained({ handler: dirHandler(modelDir), meta });
  const space = await ModelItemSpace.create(pretrained.model, pretrained.meta.vocabulary, null);
  const out = new Map<string, Map<number, number[] | null>>();
  try {
    for (const [shopper, events] of shoppers)
      out.set(
        shopper,
        await sequenceBaseScores(space, events, itemSequence(events), (e) =>
          MODEL_SCORED_SHELVES.has(e.shelf),
        ),
      );
  } finally {
    space.dispose();
    pretrained.model.dispose();
  }
  return out;
}
