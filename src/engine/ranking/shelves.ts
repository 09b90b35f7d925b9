import type { CatalogItem } from '../catalog/schema.ts';
import type { SequenceStep } from '../events/queries.ts';
import type { EventKind } from '../events/schema.ts';
import { topK } from './topk.ts';

/** The shelves the shop shows. */
export const SHELF_KINDS = ['for-you', 'similar', 'bought-together', 'because-viewed', 'trending'] as const;
export type ShelfKind = (typeof SHELF_KINDS)[number];

export interface ShelfRequest {
  kind: ShelfKind;
  /** The anchor item for similar / bought-together / because-viewed. */
  itemId?: string;
  /** Items to return. Default: 8. */
  limit?: number;
}

/** One signal behind a recommendation. */
export type Reason =
  | { type: 'history'; itemId: string; title: string; kind: EventKind; similarity: number }
  | { type: 'similar'; itemId: string; title: string; shared: string[] }
  | { type: 'complement'; itemId: string; title: string }
  | { type: 'next-item'; itemId: string; title: string }
  | { type: 'trending'; rank: number }
  | { type: 'click-model'; probability: number }
  | { type: 'fallback'; why: string };

export interface Recommendation {
  itemId: string;
  score: number;
  reasons: Reason[];
  /** One sentence for "why this?". */
  explanation: string;
}

export interface ItemScore {
  itemId: string;
  score: number | null;
  reasons: Reason[];
}

export interface Shelf {
  kind: ShelfKind;
  anchor: string | null;
  items: Recommendation[];
}

/** What the shelves need from the model, without knowing it is tfjs. Indices are 0-based vocabulary rows. */
export interface ItemSpace {
  vocabulary: readonly string[];
  indexOf(itemId: string): number | undefined;
  /** Scores of every item after `steps` (personal head included); null when no step is known to the model. */
  scoreAfter(steps: readonly SequenceStep[]): Float32Array | null;
  /** Cosine similarity of item `i` to every item. */
  similarTo(i: number): Float32Array;
  /** Cosine similarity of two items. */
  similarity(i: number, j: number): number;
  /** Interaction counts from pretraining, for trending; null when the model card has none. */
  popularity: Float32Array | null;
  /**
   * Rows whose score after `steps` includes the model's complement bonus, each mapped to the
   * recent row it goes with (the latest such). Absent or empty when the model has no prior.
   */
  complementAnchors?(steps: readonly SequenceStep[]): Map<number, number>;
}

/** What the device knows about the shopper right now. */
export interface ShopperContext {
  steps: readonly SequenceStep[];
  inCart: ReadonlySet<string>;
  purchased: ReadonlySet<string>;
  /** Past shelf clicks per item, for the click model. Default: none. */
  priorClicks?: ReadonlyMap<string, number>;
}

const VERBS: Record<EventKind, string> = {
  view: 'viewed',
  click: 'clicked',
  add_to_cart: 'added to your cart',
  remove_from_cart: 'removed from your cart',
  purchase: 'bought',
  search: 'searched for',
  impression: 'saw',
  dwell: 'looked closely at',
};
const KIND_STRENGTH: Partial<Record<EventKind, number>> = {
  view: 1,
  click: 1,
  dwell: 1.2,
  add_to_cart: 2,
  purchase: 2.5,
};

/** Click probabilities for candidates shown in order on a shelf; null when no click model is active. */
export type Reranker = (
  candidates: readonly { itemId: string; modelScore: number; position: number }[],
  shelf: ShelfKind,
  context: ShopperContext,
) => Float32Array | null;

export class ShelfBuilder {
  /** Rows the catalog cannot sell (missing or out of stock), computed once per catalog. */
  private readonly unavailable = new Set<number>();
  /** The on-device click model, once accepted: re-ranks "for you" candidates. */
  reranker: Reranker | null = null;

  constructor(
    private readonly space: ItemSpace,
    private readonly catalog: ReadonlyMap<string, CatalogItem> | null,
  ) {
    if (catalog) {
      space.vocabulary.forEach((id, i) => {
        if (!catalog.get(id)?.inStock) this.unavailable.add(i);
      });
    }
  }

  private title(itemId: string): string {
    return this.catalog?.get(itemId)?.title ?? itemId;
  }

  /** Items a shelf must never show: bought, in the cart, out of stock, not in the catalog, the anchor. */
  private exclusions(context: ShopperContext, extra: readonly string[] = []): Set<number> {
    const out = new Set<number>(this.unavailable);
    const add = (id: string) => {
      const i = this.space.indexOf(id);
      if (i !== undefined) out.add(i);
    };
    context.purchased.forEach(add);
    context.inCart.forEach(add);
    extra.forEach(add);
    return out;
  }

  build(request: ShelfRequest, context: ShopperContext): Shelf {
    const limit = request.limit ?? 8;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new RangeError(`shelf limit is ${limit}; expected an integer from 1 to 200`);
    switch (request.kind) {
      case 'trending':
        return this.trending(limit, context, null);
      case 'for-you':
        return this.forYou(limit, context);
      case 'similar':
        return this.similar(this.anchor(request), limit, context);
      case 'bought-together':
        return this.boughtTogether(this.anchor(request), limit, context);
      case 'because-viewed':
        return this.becauseViewed(request.itemId ?? this.lastViewed(context), limit, context);
      default:
        throw new RangeError(
          `shelf kind is ${JSON.stringify((request as { kind: unknown }).kind)}; expected one of ${SHELF_KINDS.join(', ')}`,
        );
    }
  }

  private anchor(request: ShelfRequest): string {
    if (!request.itemId) throw new TypeError(`shelf "${request.kind}" needs an itemId`);
    return request.itemId;
  }

  private lastViewed(context: ShopperContext): string | undefined {
    for (let i = context.steps.length - 1; i >= 0; i--) {
      const step = context.steps[i]!;
      if (this.space.indexOf(step.itemId) !== undefined) return step.itemId;
    }
    return undefined;
  }

  trending(limit: number, context: ShopperContext, why: string | null): Shelf {
    const popularity =
      this.space.popularity ?? new Float32Array(this.space.vocabulary.length).map((_, i) => -i);
    const picked = topK(popularity, limit, this.exclusions(context));
    return {
      kind: why ? 'for-you' : 'trending',
      anchor: null,
      items: picked.map((i, rank) => ({
        itemId: this.space.vocabulary[i]!,
        score: popularity[i]!,
        reasons: [
          ...(why ? [{ type: 'fallback' as const, why }] : []),
          { type: 'trending' as const, rank: rank + 1 },
        ],
        explanation: why
          ? `Popular with shoppers (${why})`
          : `Popular with shoppers right now (#${rank + 1})`,
      })),
    };
  }

  private forYou(limit: number, context: ShopperContext): Shelf {
    const scores = this.space.scoreAfter(context.steps);
    if (!scores) return this.trending(limit, context, 'no browsing history yet');
    const seen = context.steps.map((s) => s.itemId);
    // With a click model, draw a wider pool and let the shopper's click habits re-rank it.
    const pool = topK(scores, this.reranker ? limit * 3 : limit, this.exclusions(context, seen));
    const clickProbability = new Map<number, number>();
    let picked = pool;
    const probabilities = this.reranker?.(
      pool.map((i, position) => ({ itemId: this.space.vocabulary[i]!, modelScore: scores[i]!, position })),
      'for-you',
      context,
    );
    if (probabilities) {
      const values = pool.map((i) => scores[i]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) || 1;
      const blended = new Map<number, number>();
      pool.forEach((i, k) => {
        const p = Math.min(1 - 1e-6, Math.max(1e-6, probabilities[k]!));
        clickProbability.set(i, p);
        blended.set(i, (scores[i]! - mean) / sd + Math.log(p / (1 - p)));
      });
      picked = [...pool].sort((a, b) => blended.get(b)! - blended.get(a)!).slice(0, limit);
    }
    const explain = this.historyReasons(context);
    const anchors = this.space.complementAnchors?.(context.steps) ?? new Map<number, number>();
    return {
      kind: 'for-you',
      anchor: null,
      items: picked.map((i) => {
        const itemId = this.space.vocabulary[i]!;
        const reasons = explain(i);
        const anchor = anchors.get(i);
        if (anchor !== undefined) {
          const anchorId = this.space.vocabulary[anchor]!;
          reasons.unshift({ type: 'complement', itemId: anchorId, title: this.title(anchorId) });
        }
        const p = clickProbability.get(i);
        if (p !== undefined) reasons.push({ type: 'click-model', probability: p });
        return { itemId, score: scores[i]!, reasons, explanation: this.forYouExplanation(reasons, context) };
      }),
    };
  }

  private forYouExplanation(reasons: readonly Reason[], context: ShopperContext): string {
    const [first, second] = reasons;
    if (first?.type === 'complement') {
      const step = [...context.steps].reverse().find((s) => s.itemId === first.itemId);
      return `Goes with ${first.title}, which you ${VERBS[step?.kind ?? 'view']}`;
    }
    if (first?.type === 'history')
      return (
        `Because you ${VERBS[first.kind]} ${first.title}` +
        (second?.type === 'history' ? ` and ${VERBS[second.kind]} ${second.title}` : '')
      );
    return 'Picked for you from your recent browsing';
  }

  /**
   * The history items behind a recommendation: recent items (strongest action each,
   * decayed by age) most similar to it in the model's item space. Up to two.
   */
  private historyReasons(context: ShopperContext): (row: number) => Reason[] {
    const history = new Map<string, { index: number; kind: EventKind; weight: number }>();
    for (let t = context.steps.length - 1; t >= 0 && history.size < 30; t--) {
      const step = context.steps[t]!;
      const index = this.space.indexOf(step.itemId);
      const strength = KIND_STRENGTH[step.kind];
      if (index === undefined || strength === undefined) continue;
      const known = history.get(step.itemId);
      const recency = Math.pow(0.97, context.steps.length - 1 - t);
      if (!known || known.weight < strength * recency)
        history.set(step.itemId, { index, kind: step.kind, weight: strength * recency });
    }
    // Only the pairs an explanation needs (recommended × recent history), not whole rows:
    // on a 100k-item catalog a full similarity row per history item would dominate the latency.
    const recent = [...history.entries()];
    return (i) =>
      recent
        .map(([itemId, h]) => ({ itemId, h, similarity: this.space.similarity(h.index, i) }))
        .filter((x) => x.similarity > 0)
        .sort((a, b) => b.similarity * b.h.weight - a.similarity * a.h.weight)
        .slice(0, 2)
        .map(({ itemId, h, similarity }) => ({
          type: 'history',
          itemId,
          title: this.title(itemId),
          kind: h.kind,
          similarity,
        }));
  }

  /**
   * The shopper's personal score for each given item (e.g. search results), with the
   * history behind it; `score` is null for items the model does not know or when
   * there is no history yet.
   */
  scoreItems(itemIds: readonly string[], context: ShopperContext): ItemScore[] {
    const scores = this.space.scoreAfter(context.steps);
    const explain = scores ? this.historyReasons(context) : null;
    return itemIds.map((itemId) => {
      const i = this.space.indexOf(itemId);
      if (i === undefined || !scores || !explain) return { itemId, score: null, reasons: [] };
      return { itemId, score: scores[i]!, reasons: explain(i) };
    });
  }

  private similar(anchorId: string, limit: number, context: ShopperContext): Shelf {
    const anchor = this.space.indexOf(anchorId);
    if (anchor === undefined) return { kind: 'similar', anchor: anchorId, items: [] };
    const row = this.space.similarTo(anchor);
    const anchorItem = this.catalog?.get(anchorId);
    const scores = new Float32Array(row.length);
    for (let i = 0; i < row.length; i++) {
      const item = this.catalog?.get(this.space.vocabulary[i]!);
      // The model's sense of similarity, nudged by what the catalog says outright.
      const sameLeaf =
        anchorItem && item && item.category.join('/') === anchorItem.category.join('/') ? 0.15 : 0;
      const sameTop = anchorItem && item && item.category[0] === anchorItem.category[0] ? 0.1 : 0;
      scores[i] = row[i]! + sameLeaf + sameTop;
    }
    const picked = topK(scores, limit, this.exclusions(context, [anchorId]));
    return {
      kind: 'similar',
      anchor: anchorId,
      items: picked.map((i) => {
        const itemId = this.space.vocabulary[i]!;
        const item = this.catalog?.get(itemId);
        const shared: string[] = [];
        if (anchorItem && item) {
          if (item.category.join('/') === anchorItem.category.join('/')) shared.push(item.category.at(-1)!);
          if (item.brand === anchorItem.brand) shared.push(item.brand);
        }
        return {
          itemId,
          score: scores[i]!,
          reasons: [{ type: 'similar', itemId: anchorId, title: this.title(anchorId), shared }],
          explanation:
            `Similar to ${this.title(anchorId)}` + (shared.length ? ` (${shared.join(', ')})` : ''),
        };
      }),
    };
  }

  private boughtTogether(anchorId: string, limit: number, context: ShopperContext): Shelf {
    const next = this.space.scoreAfter([{ itemId: anchorId, kind: 'add_to_cart', ts: Date.now() }]);
    const complements = new Set(this.catalog?.get(anchorId)?.complements ?? []);
    if (!next && complements.size === 0) return { kind: 'bought-together', anchor: anchorId, items: [] };
    const n = this.space.vocabulary.length;
    const scores = new Float32Array(n);
    // Softmax-normalised next-item scores, with the catalog's explicit complements on top.
    let max = -Infinity;
    if (next) for (let i = 0; i < n; i++) max = Math.max(max, next[i]!);
    let sum = 0;
    if (next) for (let i = 0; i < n; i++) sum += Math.exp(next[i]! - max);
    for (let i = 0; i < n; i++) {
      scores[i] =
        (next ? Math.exp(next[i]! - max) / sum : 0) + (complements.has(this.space.vocabulary[i]!) ? 1 : 0);
    }
    const picked = topK(scores, limit, this.exclusions(context, [anchorId]));
    const title = this.title(anchorId);
    return {
      kind: 'bought-together',
      anchor: anchorId,
      items: picked.map((i) => {
        const itemId = this.space.vocabulary[i]!;
        const complement = complements.has(itemId);
        return {
          itemId,
          score: scores[i]!,
          reasons: [
            complement
              ? { type: 'complement', itemId: anchorId, title }
              : { type: 'next-item', itemId: anchorId, title },
          ],
          explanation: complement
            ? `Goes with ${title}`
            : `Shoppers who added ${title} to their cart went on to this`,
        };
      }),
    };
  }

  private becauseViewed(anchorId: string | undefined, limit: number, context: ShopperContext): Shelf {
    if (!anchorId) return { kind: 'because-viewed', anchor: null, items: [] };
    const scores = this.space.scoreAfter([{ itemId: anchorId, kind: 'view', ts: Date.now() }]);
    if (!scores) return { kind: 'because-viewed', anchor: anchorId, items: [] };
    const picked = topK(scores, limit, this.exclusions(context, [anchorId]));
    const title = this.title(anchorId);
    return {
      kind: 'because-viewed',
      anchor: anchorId,
      items: picked.map((i) => ({
        itemId: this.space.vocabulary[i]!,
        score: scores[i]!,
        reasons: [{ type: 'next-item', itemId: anchorId, title }],
        explanation: `Because you viewed ${title}`,
      })),
    };
  }
}
