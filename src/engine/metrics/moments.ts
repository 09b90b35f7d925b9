/**
 * Mean and (population) standard deviation of a list of scores, for z-scoring within a list.
 * `sd` is 1 where the scores do not vary or there are none, so dividing by it is always safe.
 */
export function moments(values: readonly number[]): { mean: number; sd: number } {
  const n = Math.max(1, values.length);
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / n) || 1;
  return { mean, sd };
}
