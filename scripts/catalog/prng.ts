/**
 * The draws the generators need, over the model's seeded PRNG (mulberry32).
 * Everything generated must be reproducible from a seed, so Math.random is never used.
 */
import { hashToken, rng as mulberry32 } from '../../src/engine/node.ts';

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** Index drawn with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[]): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
  /** Exponential with the given mean. */
  exponential(mean: number): number;
  /** A new independent stream, so adding draws in one place does not shift another. */
  fork(label: string): Rng;
  /** k distinct elements in random order (all of them when k >= length). */
  sample<T>(list: readonly T[], k: number): T[];
}

/** FNV-1a over a string (the model's token hash): turns labels into seeds. */
export const hashString: (text: string) => number = hashToken;

// mulberry32 advances its state by this constant each draw, so a stream's state is
// seed + draws × MULBERRY32_STEP (mod 2³²); fork() mixes it into the child's seed.
const MULBERRY32_STEP = 0x6d2b79f5;

export function createRng(seed: number): Rng {
  // The model's own mulberry32 (src/engine/model/train.ts).
  const draw = mulberry32(seed);
  let draws = 0;
  const next = (): number => {
    draws++;
    return draw();
  };
  const state = () => ((seed >>> 0) + Math.imul(draws, MULBERRY32_STEP)) >>> 0;
  const rng: Rng = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick<T>(list: readonly T[]): T {
      if (list.length === 0) throw new Error('pick from an empty list');
      return list[Math.floor(next() * list.length)] as T;
    },
    weightedIndex(weights) {
      let total = 0;
      for (const w of weights) total += w;
      if (!(total > 0)) throw new Error(`weightedIndex needs a positive total weight; got ${total}`);
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0;
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
    fork: (label) => createRng(hashString(`${state()}:${label}`)),
    sample<T>(list: readonly T[], k: number): T[] {
      const copy = list.slice();
      const n = Math.min(k, copy.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i));
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, n);
    },
  };
  return rng;
}
