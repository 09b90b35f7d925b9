/** Simulates a population of shoppers, one independent seeded stream each. */
import type { Catalog, ShopEvent } from '../../src/engine/node.ts';
import { createRng, hashString } from '../catalog/prng.ts';
import { indexCatalog, type CatalogIndex } from './catalog-index.ts';
import { ShopperSim } from './shopper.ts';
import { drawTaste, type Taste } from './tastes.ts';

/** 2026-01-01T00:00:00Z: a fixed start keeps output identical across runs and in the past. */
export const SIM_EPOCH = Date.UTC(2026, 0, 1);
export const DEFAULT_SHOPPERS = 5000;
export const DEFAULT_SIM_SEED = 7;
export const DEFAULT_WEEKS = 12;

export interface SimOptions {
  catalog: Catalog;
  /** Default: DEFAULT_SHOPPERS. */
  shoppers?: number;
  /** Default: DEFAULT_SIM_SEED. */
  seed?: number;
  /** Length of the simulated period in weeks. Default: DEFAULT_WEEKS. */
  weeks?: number;
}

export interface SimulatedShopper {
  shopper: string;
  events: ShopEvent[];
  /** Tastes when the shopper arrived. */
  taste: Taste;
  /** Category interests after drift, at the end of the period. */
  finalCategories: Record<string, number>;
}

export function shopperId(n: number): string {
  return `s-${String(n).padStart(5, '0')}`;
}

/** Yields shoppers one at a time so a large population never sits in memory at once. */
export function* simulate(
  options: SimOptions,
  index: CatalogIndex = indexCatalog(options.catalog, options.seed ?? DEFAULT_SIM_SEED),
): Generator<SimulatedShopper> {
  const seed = options.seed ?? DEFAULT_SIM_SEED;
  const count = options.shoppers ?? DEFAULT_SHOPPERS;
  const end = SIM_EPOCH + (options.weeks ?? DEFAULT_WEEKS) * 7 * 86_400_000;
  for (let n = 1; n <= count; n++) {
    const shopper = shopperId(n);
    // Each shopper has their own stream: shopper 17 is the same whatever the population size.
    const rng = createRng(hashString(`${seed}:shopper:${shopper}`));
    const taste = drawTaste(rng, index);
    const initial: Taste = structuredClone(taste);
    const events = new ShopperSim({ id: shopper, taste, index, rng, start: SIM_EPOCH, end }).run();
    // Emission is already in time order; a stable sort makes that a guarantee.
    events.sort((a, b) => a.ts - b.ts);
    yield { shopper, events, taste: initial, finalCategories: taste.categories };
  }
}
