import type { CatalogItem } from '../catalog/schema.ts';

/** How much a match in each field counts. */
const FIELD_WEIGHTS = { title: 3, brand: 2, category: 2, tags: 1.5 } as const;
type Field = keyof typeof FIELD_WEIGHTS;

export interface SearchHit {
  itemId: string;
  /**
   * Lexical relevance; higher is better. Matching every query word always outranks matching
   * fewer: each missing word divides the score by TIER (see `search`), so a partial match
   * never lands in the same relevance band as a complete one.
   */
  score: number;
  /** Catalog words the query matched, e.g. ["tent"] for the query "tnet". */
  matched: string[];
  /** Whether every query word matched (after typo tolerance). */
  complete: boolean;
}

/** How much each missing query word divides a score by: more than the widest spread of match quality. */
export const TIER = 10;
/** Bounds of one word's match quality (an exact title word is 1), so tiers never overlap. */
const QUALITY_MIN = 0.2;
const QUALITY_MAX = 1.5;
/** What the other fields holding the same word add, relative to their weight (a tent titled and filed under Tents beats one only titled so). */
const EXTRA_FIELD_SHARE = 0.25;

/** The singular a plain English plural stands for ("tents" → "tent"), else the word. */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
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
  /** word → items containing it, with the word's weight in the item (best field, plus a share of the others). */
  private readonly postings = new Map<string, Map<string, number>>();

  constructor(items: readonly CatalogItem[]) {
    for (const item of items) {
      const fields: Record<Field, string[]> = {
        title: tokenize(item.title),
        brand: tokenize(item.brand),
        category: item.category.flatMap(tokenize),
        tags: item.tags.flatMap(tokenize),
      };
      // word → the weights of the fields it appears in (a plural counts for its singular too).
      const weights = new Map<string, Set<Field>>();
      for (const field of Object.keys(fields) as Field[])
        for (const word of fields[field])
          for (const form of new Set([word, singular(word)])) {
            const inFields = weights.get(form) ?? new Set<Field>();
            inFields.add(field);
            weights.set(form, inFields);
          }
      for (const [word, inFields] of weights) {
        const values = [...inFields].map((f) => FIELD_WEIGHTS[f]).sort((x, y) => y - x);
        const weight = values[0]! + EXTRA_FIELD_SHARE * values.slice(1).reduce((x, y) => x + y, 0);
        let posting = this.postings.get(word);
        if (!posting) this.postings.set(word, (posting = new Map()));
        posting.set(item.id, weight);
      }
    }
  }

  /**
   * Catalog words a query word may stand for, with how well each matches: 1 exact (or its
   * singular), less for prefixes and typos. When the word itself is in the catalog, longer words
   * it merely starts ("kettle" → "kettlebell") count little: the shopper typed a whole word.
   */
  private expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    const forms = new Set([word, singular(word)]);
    const whole = [...forms].some((f) => this.postings.has(f));
    const typos = allowedTypos(word);
    for (const candidate of this.postings.keys()) {
      if (forms.has(candidate)) out.set(candidate, 1);
      else if (word.length >= 3 && candidate.startsWith(word)) out.set(candidate, whole ? 0.4 : 0.8);
      else if (typos > 0 && !whole) {
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
    // Items matching every query word first (tiers), within a tier by mean match quality.
    const best = FIELD_WEIGHTS.title;
    return [...scores.entries()]
      .map(([itemId, s]) => {
        const quality = Math.min(QUALITY_MAX, Math.max(QUALITY_MIN, s.score / s.words / best));
        return {
          itemId,
          score: quality / TIER ** (words.length - s.words),
          matched: [...s.matched],
          complete: s.words === words.length,
        };
      })
      .sort((a, b) => b.score - a.score || (a.itemId < b.itemId ? -1 : 1))
      .slice(0, limit);
  }
}
