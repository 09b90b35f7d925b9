import { rankOf, summarize, type RankOutcome } from '../src/engine/node.ts';

/** One test user: history before the test item (vocabulary indices, 1-based) and the test item. */
export interface TestCase {
  history: Int32Array;
  target: number;
}

/** Full ranking of every case with a scorer returning [cases × numItems] scores for a chunk. */
export function rankAll(
  cases: readonly TestCase[],
  numItems: number,
  scoreChunk: (chunk: readonly TestCase[]) => Float32Array,
  chunkSize = 256,
): Record<string, number> {
  const outcomes: RankOutcome[] = [];
  // Chunks of similar history length: a model pads a chunk to its longest history.
  const byLength = [...cases].sort((a, b) => a.history.length - b.history.length);
  for (let start = 0; start < byLength.length; start += chunkSize) {
    const chunk = byLength.slice(start, start + chunkSize);
    const scores = scoreChunk(chunk);
    chunk.forEach((c, b) => {
      const row = scores.subarray(b * numItems, (b + 1) * numItems);
      outcomes.push(
        rankOf(
          row,
          c.target - 1,
          Array.from(c.history, (i) => i - 1).filter((i) => i >= 0),
        ),
      );
    });
  }
  return summarize(outcomes);
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? (s[m] as number)
      : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
