import type { CatalogItem } from '../catalog/schema.ts';

/** How much a match in each field counts. */
const FIELD_WEIGHTS = { title: 3, brand: 2, category: 2, tags: 1.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

export interface SearchHit {
  itemId: string;
  /** Lexical relevance; higher is better. */
  score: number;
  /** Catalog words the query matched, e.g. ["tent"] for the query "tnet". */
  matched: string[];
}

function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

/** How many typos a query word may carry: none under 4 letters, one up to 7, two beyond. */
function allowedTypos(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Lexical search over titles, brands, categories and tags that tolerates typos
 * (edit distance with swaps) and prefixes (search-as-you-type). Build once per catalog.
 */
export class CatalogSearch {
  /** word → items containing it, with the best field weight of that word in the item. */
  private readonly postings = new Map<string, Map<string, number>>();

  constructor(items: readonly CatalogItem[]) {
    for (const item of items) {
      const fields: Record<Field, string[]> = {
        title: tokenize(item.title),
        brand: tokenize(item.brand),
        category: item.category.flatMap(tokenize),
        tags: item.tags.flatMap(tokenize),
      };
      for (const field of Object.keys(fields) as Field[]) {
        for (const word of fields[field]) {
          let posting = this.postings.get(word);
          if (!posting) this.postings.set(word, (posting = new Map()));
          posting.set(item.id, Math.max(posting.get(item.id) ?? 0, FIELD_WEIGHTS[field]));
        }
      }
    }
  }

  /** Catalog words a query word may stand for, with how well each matches (1 exact, less for prefixes and typos). */
  private expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    const typos = allowedTypos(word);
    for (const candidate of this.postings.keys()) {
      if (candidate === word) out.set(candidate, 1);
      else if (word.length >= 3 && candidate.startsWith(word)) out.set(candidate, 0.8);
      else if (typos > 0) {
        const d = editDistance(word, candidate, typos);
        if (d <= typos) out.set(candidate, d === 1 ? 0.7 : 0.5);
      }
    }
    return out;
  }

  search(query: string, limit = 60): SearchHit[] {
    const words = [...new Set(tokenize(query))];
    if (words.length === 0) return [];
    const scores = new Map<string, { score: number; words: number; matched: Set<string> }>();
    for (const word of words) {
      // Per item, only the best reading of this query word counts.
      const best = new Map<string, { value: number; matched: string }>();
      for (const [candidate, quality] of this.expand(word)) {
        for (const [itemId, weight] of this.postings.get(candidate)!) {
          const value = quality * weight;
          if ((best.get(itemId)?.value ?? 0) < value) best.set(itemId, { value, matched: candidate });
        }
      }
      for (const [itemId, { value, matched }] of best) {
        const entry = scores.get(itemId) ?? { score: 0, words: 0, matched: new Set<string>() };
        entry.score += value;
        entry.words++;
        entry.matched.add(matched);
        scores.set(itemId, entry);
      }
    }
    // Items matching every query word first; within that, by summed match quality.
    return [...scores.entries()]
      .map(([itemId, s]) => ({
        itemId,
        score: s.score * (s.words / words.length) ** 2,
        matched: [...s.matched],
      }))
      .sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : 1))
      .slice(0, limit);
  }
}
