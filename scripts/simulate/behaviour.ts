/** Pure decision rules: how much a shopper likes an item and how that turns into actions. */
import type { Rng } from '../catalog/prng.ts';
import type { IndexedItem } from './catalog-index.ts';
import type { Taste } from './tastes.ts';

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Utility of an item for a shopper; `needs` holds leaves they currently want (complements of a purchase). */
export function utility(taste: Taste, entry: IndexedItem, needs: ReadonlySet<string>): number {
  const offset = (entry.priceRank - taste.price.center) / taste.price.width;
  return (
    entry.quality +
    (taste.brands[entry.item.brand] ?? 0) +
    (taste.styles[entry.style] ?? 0) -
    0.35 * offset * offset +
    // Category interest matters on mixed shelves (for you, trending, bought together).
    0.9 * Math.log(1 + 12 * (taste.categories[entry.mid] ?? 0)) +
    (needs.has(entry.leaf) ? 1.2 : 0) -
    (entry.item.inStock ? 0 : 1.5)
  );
}

/** Milliseconds on a product page: longer for things the shopper likes. */
export function dwellMs(u: number, rng: Rng): number {
  const ms = Math.exp(Math.log(9000) + 0.35 * u + 0.6 * rng.normal());
  return Math.round(Math.min(600_000, Math.max(800, ms)));
}

/** Seconds between two actions. */
export function pauseMs(rng: Rng): number {
  return Math.round(2000 + rng.exponential(9000));
}

/** Every list the simulated shop shows, named as the demo shop names them. */
export const SIM_SHELVES = [
  'for-you',
  'because-viewed',
  'similar',
  'bought-together',
  'trending',
  'search',
  'category',
] as const;
export type SimShelf = (typeof SIM_SHELVES)[number];

/** How a shopper treats one kind of list (see docs/simulator.md). */
export interface ListRule {
  /** Chance the shopper looks at the list at all; otherwise it is ignored whole (no click). */
  attention: number;
  /** Utility at which a fresh item in the first slot is clicked half the time (given attention). */
  threshold: number;
  /** Most clicks the shopper makes from one showing of the list. */
  maxClicks: number;
}

/**
 * Shelves are glanced at and mostly passed over; search results are what the
 * shopper asked for, so they are nearly always read and clicked more.
 */
export const LIST_RULES: Readonly<Record<SimShelf, ListRule>> = {
  'for-you': { attention: 0.5, threshold: 1.8, maxClicks: 2 },
  trending: { attention: 0.4, threshold: 2.0, maxClicks: 1 },
  'bought-together': { attention: 0.5, threshold: 1.2, maxClicks: 1 },
  similar: { attention: 0.45, threshold: 1.8, maxClicks: 1 },
  'because-viewed': { attention: 0.45, threshold: 1.8, maxClicks: 1 },
  category: { attention: 0.9, threshold: 0.9, maxClicks: 4 },
  search: { attention: 0.95, threshold: 0.4, maxClicks: 3 },
};

/** Position bias: slot p (0-based) is examined with weight (1 + p)^-POSITION_DECAY. */
export const POSITION_DECAY = 0.8;
/**
 * Fatigue: an item shown n times to this shopper without a click has its click
 * chance scaled by FATIGUE_FLOOR + (1 - FATIGUE_FLOOR) * FATIGUE^n: every ignored
 * showing lowers it, and it levels off instead of vanishing.
 */
export const FATIGUE = 0.55;
export const FATIGUE_FLOOR = 0.12;
/** A shopper who has been away from a list this long does not come back to click on it. */
export const CLICK_WINDOW_MS = 20 * 60_000;

export function positionBias(position: number): number {
  return (1 + position) ** -POSITION_DECAY;
}

export function fatigue(ignored: number): number {
  return FATIGUE_FLOOR + (1 - FATIGUE_FLOOR) * FATIGUE ** ignored;
}

/** Chance that one slot is clicked, given that the shopper looks at the list. */
export function slotClickChance(u: number, position: number, ignored: number, rule: ListRule): number {
  return positionBias(position) * sigmoid(u - rule.threshold) * fatigue(ignored);
}

/** One slot as the click rule sees it: hidden utility and earlier ignored showings. */
export interface SlotState {
  u: number;
  ignored: number;
}

/**
 * The clicks a shopper makes on one showing of a list, as 0-based positions in
 * increasing order: with chance 1 - attention none at all; otherwise the shopper
 * scans from the top and clicks each slot independently with slotClickChance,
 * stopping after maxClicks. `attention` overrides the rule's (a shopper who came
 * to the page for that list).
 */
export function chooseClicks(
  slots: readonly SlotState[],
  rule: ListRule,
  rng: Rng,
  attention = rule.attention,
): number[] {
  if (!rng.chance(attention)) return [];
  const chosen: number[] = [];
  for (let position = 0; position < slots.length && chosen.length < rule.maxClicks; position++) {
    const slot = slots[position];
    if (slot && rng.chance(slotClickChance(slot.u, position, slot.ignored, rule))) chosen.push(position);
  }
  return chosen;
}

/** `list` ordered by score plus Gaussian noise of sd `noise` (the shop's rotation), best first. */
export function noisyOrder<T>(list: readonly T[], score: (x: T) => number, noise: number, rng: Rng): T[] {
  return list
    .map((x, i) => ({ x, i, key: score(x) + noise * rng.normal() }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .map((e) => e.x);
}

/** Weighted sampling without replacement (Efraimidis–Spirakis keys). */
export function weightedSample<T>(list: readonly T[], weight: (x: T) => number, k: number, rng: Rng): T[] {
  return list
    .map((x, i) => ({ x, i, key: Math.log(1 - rng.next()) / Math.max(1e-9, weight(x)) }))
    .sort((a, b) => b.key - a.key || a.i - b.i)
    .slice(0, k)
    .map((e) => e.x);
}
