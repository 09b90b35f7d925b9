import { itemCounts, popularityTieBreak, type Baseline } from './types.ts';

/** Scores item j by how often j directly followed the history's last item in training; popularity breaks ties. */
export function lastItem(sequences: readonly Int32Array[], numItems: number): Baseline {
  const next = new Map<number, Map<number, number>>();
  for (const s of sequences) {
    for (let t = 0; t + 1 < s.length; t++) {
      const a = s[t] as number;
      const b = s[t + 1] as number;
      let row = next.get(a);
      if (!row) next.set(a, (row = new Map()));
      row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const tie = popularityTieBreak(itemCounts(sequences, numItems), 0.5);
  return {
    name: 'last-item',
    score(history) {
      const scores = tie.slice();
      const last = history[history.length - 1];
      const row = last === undefined ? undefined : next.get(last);
      if (row) for (const [j, c] of row) scores[j - 1]! += c;
      return scores;
    },
  };
}
