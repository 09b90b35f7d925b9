import type { CatalogItem } from '../catalog/schema.ts';
import type { SequenceStep } from '../events/queries.ts';
import type { EventKind } from '../events/schema.ts';
import type { RerankCandidate } from '../rerank/features.ts';
import type { ShopperSignals } from '../rerank/signals.ts';
import { catalogKeys, diversify, leafOf, substituteRows } from './diversity.ts';
import { asRow, type Row } from '../model/indices.ts';
import type { ListReranker, RerankWhy } from './list-reranker.ts';
import { did, explained, formatMessage, message, verb, type Message } from './messages.ts';
import { topK } from './topk.ts';
import { moments } from '../metrics/moments.ts';

/** The shelves the shop shows. */
export const SHELF_KINDS = ['for-you', 'similar', 'bought-together', 'because-viewed', 'trending'] as const;
export type ShelfKind = (typeof SHELF_KINDS)[number];

export interface ShelfRequest {
  kind: ShelfKind;
  /** The anchor item for similar / bought-together / because-viewed. */
  itemId?: string;
  /**
   * For bought-together: several anchors at once (e.g. the whole cart) instead of `itemId`.
   * The shelf goes with all of them and leaves out substitutes of any.
   */
  itemIds?: string[];
  /** Items other shelves of the same page already show: this shelf leaves them out. Default: none. */
  exclude?: string[];
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
  /**
   * The re-ranker's part: its click probability, how many places it moved the item
   * (positive: up), and the shopper's own signals that raised it, in plain words.
   */
  | { type: 'reranker'; probability: number; moved: number; why: RerankWhy[] }
  | { type: 'fallback'; why: string };

export interface Recommendation {
  itemId: string;
  score: number;
  reasons: Reason[];
  /** One sentence for "why this?", in English. */
  explanation: string;
  /** The same sentence as a key and parameters, for other languages (see messages.ts). */
  message: Message;
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
  /** Why the shelf is empty, in words, when it is. */
  empty?: string;
}

/** How to re-rank a list the site ordered itself. */
export interface RerankRequest {
  /** What the list is, for the re-ranker's shelf features and the impression log. Default: "list". */
  shelf?: string;
  /**
   * Query relevance of each item (higher is better), for search results: the re-ranker then
   * moves items only among matches of about the same relevance, never above a clearly better
   * match, and the shopper's sequence-model score joins the base order. Default: none.
   */
  relevance?: number[];
}

/** One item of a re-ranked list. */
export interface RankedItem {
  itemId: string;
  /** The re-ranker's click probability; null when the list was not re-ranked. */
  score: number | null;
  /** Index of the item in the list as given. */
  from: number;
  reasons: Reason[];
  explanation: string;
  /** The same sentence as a key and parameters; absent on lists a site built itself. */
  message?: Message;
}

/** What the shelves need from the model, without knowing it is tfjs. Indices are 0-based vocabulary rows. */
export interface ItemSpace {
  vocabulary: readonly string[];
  /** 0-based row of an item (its score's position); undefined for an id the space does not know. */
  indexOf(itemId: string): Row | undefined;
  /** Scores of every item after `steps` (personal head included); null when no step is known to the model. */
  scoreAfter(steps: readonly SequenceStep[]): Promise<Float32Array | null>;
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
  complementAnchors?(steps: readonly SequenceStep[]): ReadonlyMap<Row, Row>;
}

/** What the device knows about the shopper right now. */
export interface ShopperContext {
  steps: readonly SequenceStep[];
  inCart: ReadonlySet<string>;
  purchased: ReadonlySet<string>;
  /** The shopper's live signals, folded from their stored events: what the re-ranker reads. Default: none (no re-ranking). */
  signals?: ShopperSignals;
  /** Items the page's other shelves show (ShelfRequest.exclude); never shown again here. */
  onPage?: ReadonlySet<string>;
  /** The session a list shown now belongs to. Default: the re-ranker's 30-minute rule. */
  sessionId?: string;
  /** When the list is shown, ms. Default: now. */
  now?: number;
}

/** "viewed Trailhead Dome Tent", "added Trailhead Dome Tent to your cart": the verb phrase of an action on an item. */
export function didWith(kind: EventKind, title: string): string {
  return formatMessage(did(kind, title));
}

const KIND_STRENGTH: Partial<Record<EventKind, number>> = {
  view: 1,
  click: 1,
  dwell: 1.2,
  add_to_cart: 2,
  purchase: 2.5,
};

/** Candidates the sequence model proposes per shelf slot, for the re-ranker to choose from. */
export const POOL_FACTOR = 3;
/**
 * Candidates per slot on shelves no re-ranker orders (trending, similar, bought together):
 * wide enough that the diversity caps rarely have to fall back (a coffee machine's next
 * items are mostly mugs of one brand).
 */
export const DIVERSITY_POOL_FACTOR = 8;
/**
 * Search results within this fraction of a better match's relevance count as equally good
 * matches, among which the shopper's signals may reorder; anything clearly less relevant stays below.
 */
export const RELEVANCE_BAND = 0.9;
/** How much the shopper's sequence-model score can move a search result within its band (in standard deviations). */
export const SEARCH_PERSONAL_WEIGHT = 0.35;

/** A re-ranked candidate list: the new order (indices into the candidates) and each one's reason. */
interface Reranked {
  order: number[];
  reasons: Reason[];
}

export class ShelfBuilder {
  /** Rows the catalog cannot sell (missing or out of stock), computed once per catalog. */
  private readonly unavailable = new Set<number>();
  /** Leaf category → its rows, for leaving out substitutes of what the shopper owns. */
  private readonly rowsOfLeaf = new Map<string, number[]>();
  /** The re-ranker (shipped, or fine-tuned on this device): re-ranks "for you", "because you viewed" and given lists. */
  reranker: ListReranker | null = null;

  constructor(
    private readonly space: ItemSpace,
    private readonly catalog: ReadonlyMap<string, CatalogItem> | null,
  ) {
    if (catalog) {
      space.vocabulary.forEach((id, i) => {
        const item = catalog.get(id);
        if (!item?.inStock) this.unavailable.add(i);
        if (item) {
          const leaf = leafOf(item);
          const rows = this.rowsOfLeaf.get(leaf) ?? [];
          rows.push(i);
          this.rowsOfLeaf.set(leaf, rows);
        }
      });
    }
  }

  /** What the shopper bought or has in the cart: their substitutes are not recommendations. */
  private owned(context: ShopperContext): string[] {
    return [...context.purchased, ...context.inCart];
  }

  /** Diversity keys of a row (brand, leaf category), empty without a catalog. */
  private keysOf(row: number, withLeaf = true): string[] {
    return catalogKeys(this.catalog?.get(this.space.vocabulary[row]!), withLeaf);
  }

  private title(itemId: string): string {
    return this.catalog?.get(itemId)?.title ?? itemId;
  }

  /**
   * Items a shelf must never show: bought, in the cart, out of stock, not in the catalog, the
   * anchor; with `substitutesOf`, also items in the same leaf category as those (see diversity.ts).
   */
  private exclusions(
    context: ShopperContext,
    extra: readonly string[] = [],
    substitutesOf: Iterable<string> = [],
  ): Set<number> {
    const out = new Set<number>(this.unavailable);
    for (const row of substituteRows(substitutesOf, this.catalog, this.rowsOfLeaf)) out.add(row);
    const add = (id: string) => {
      const i = this.space.indexOf(id);
      if (i !== undefined) out.add(i);
    };
    context.purchased.forEach(add);
    context.inCart.forEach(add);
    context.onPage?.forEach(add);
    extra.forEach(add);
    return out;
  }

  async build(request: ShelfRequest, shopper: ShopperContext): Promise<Shelf> {
    const limit = request.limit ?? 8;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new RangeError(`shelf limit is ${limit}; expected an integer from 1 to 200`);
    const exclude = request.exclude;
    if (exclude !== undefined && (!Array.isArray(exclude) || exclude.some((id) => typeof id !== 'string')))
      throw new TypeError(`shelf exclude is ${JSON.stringify(exclude)}; expected an array of item ids`);
    const context = exclude?.length ? { ...shopper, onPage: new Set(exclude) } : shopper;
    switch (request.kind) {
      case 'trending':
        return this.trending(limit, context, null);
      case 'for-you':
        return this.forYou(limit, context);
      case 'similar':
        return this.similar(this.anchor(request), limit, context);
      case 'bought-together':
        return request.itemIds
          ? this.boughtTogether(this.anchors(request.itemIds), limit, context)
          : this.boughtTogether([this.anchor(request)], limit, context);
      case 'because-viewed':
        return this.becauseViewed(request.itemId ?? this.lastViewed(context), limit, context);
      default:
        throw new RangeError(
          `shelf kind is ${JSON.stringify((request as { kind: unknown }).kind)}; expected one of ${SHELF_KINDS.join(', ')}`,
        );
    }
  }

  private anchors(itemIds: unknown): string[] {
    if (!Array.isArray(itemIds) || itemIds.some((id) => typeof id !== 'string'))
      throw new TypeError(`shelf itemIds is ${JSON.stringify(itemIds)}; expected an array of item ids`);
    return [...new Set(itemIds as string[])];
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

  trending(limit: number, context: ShopperContext, why: Message | null): Shelf {
    const popularity = this.space.popularity;
    // Without counts there is no popular order; catalog order would only pretend to be one.
    if (!popularity)
      return {
        kind: why ? 'for-you' : 'trending',
        anchor: null,
        items: [],
        empty:
          'the model card (meta.json) has no popularity, so nothing can be ranked as popular; re-run npm run pretrain, which writes it',
      };
    const pool = topK(popularity, limit * DIVERSITY_POOL_FACTOR, this.exclusions(context));
    const picked = diversify(pool, limit, (i) => this.keysOf(i));
    return {
      kind: why ? 'for-you' : 'trending',
      anchor: null,
      items: picked.map((i, rank) => ({
        itemId: this.space.vocabulary[i]!,
        score: popularity[i]!,
        reasons: [
          ...(why ? [{ type: 'fallback' as const, why: formatMessage(why) }] : []),
          { type: 'trending' as const, rank: rank + 1 },
        ],
        ...(why
          ? explained('reason.trending-because', { why })
          : explained('reason.trending', { rank: rank + 1 })),
      })),
    };
  }

  /**
   * Re-ranks candidates (in base order) for a shelf shown now; null without a re-ranker or
   * without the shopper's signals. Final order: by click probability, ties in base order.
   *
   * A pool wider than the shelf (`shown` items) is scored as interleaved lists of the shelf's
   * size (candidates 0, k, 2k, … then 1, k+1, …): the re-ranker learned from lists as shown,
   * so its position and list features must stay in that range, and each interleaved list spans
   * the whole pool, so the base score means the same in all of them.
   */
  private async rerank(
    shelf: string,
    candidates: readonly RerankCandidate[],
    context: ShopperContext,
    shown = candidates.length,
  ): Promise<Reranked | null> {
    if (!this.reranker || !context.signals || candidates.length === 0) return null;
    const n = candidates.length;
    const lists = Math.max(1, Math.ceil(n / Math.max(1, shown)));
    const probabilities = new Float32Array(n);
    const why: RerankWhy[][] = new Array(n);
    for (let c = 0; c < lists; c++) {
      const members: number[] = [];
      for (let i = c; i < n; i += lists) members.push(i);
      const scored = await this.reranker.score(
        {
          shelf,
          ts: context.now ?? Date.now(),
          ...(context.sessionId ? { sessionId: context.sessionId } : {}),
          candidates: members.map((i) => candidates[i]!),
        },
        context.signals,
      );
      if (!scored) return null;
      members.forEach((i, k) => {
        probabilities[i] = scored.probabilities[k]!;
        why[i] = scored.why[k]!;
      });
    }
    const p = probabilities;
    const order = candidates.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
    const reasons: Reason[] = new Array(n);
    order.forEach((i, position) => {
      reasons[i] = { type: 'reranker', probability: p[i]!, moved: i - position, why: why[i]! };
    });
    return { order, reasons };
  }

  private async forYou(limit: number, context: ShopperContext): Promise<Shelf> {
    const scores = await this.space.scoreAfter(context.steps);
    if (!scores) return this.trending(limit, context, message('reason.no-history-yet'));
    const seen = context.steps.map((s) => s.itemId);
    const pool = topK(
      scores,
      limit * DIVERSITY_POOL_FACTOR,
      this.exclusions(context, seen, this.owned(context)),
    );
    const anchors = this.space.complementAnchors?.(context.steps) ?? new Map<Row, Row>();
    const { picked, reasons: rerankReasons } = await this.pickReranked(
      'for-you',
      pool,
      scores,
      limit,
      context,
      (k) => {
        const anchor = anchors.get(asRow(pool[k]!));
        return [...this.keysOf(pool[k]!), ...(anchor === undefined ? [] : [`anchor:${anchor}`])];
      },
    );
    const explain = this.historyReasons(context);
    return {
      kind: 'for-you',
      anchor: null,
      items: picked.map((k) => {
        const i = pool[k]!;
        const itemId = this.space.vocabulary[i]!;
        const reasons = explain(i);
        const anchor = anchors.get(asRow(i));
        if (anchor !== undefined) {
          const anchorId = this.space.vocabulary[anchor]!;
          reasons.unshift({ type: 'complement', itemId: anchorId, title: this.title(anchorId) });
        }
        const reranker = rerankReasons[k];
        if (reranker) reasons.push(reranker);
        return { itemId, score: scores[i]!, reasons, ...this.forYouExplanation(reasons, context) };
      }),
    };
  }

  /**
   * Picks a shelf from a wide pool (rows in the sequence model's order): the re-ranker orders
   * its head (POOL_FACTOR × the shelf, the lists it learned from), the diversity caps choose
   * from that order, and only when the head cannot fill the shelf under the caps do they draw
   * on the rest of the pool, which is then re-ranked too so every item says why.
   * Returns pool indices and, per pool index, the re-ranker's reason.
   */
  private async pickReranked(
    shelf: string,
    pool: readonly number[],
    scores: Float32Array,
    limit: number,
    context: ShopperContext,
    keysOf: (k: number) => string[],
  ): Promise<{ picked: number[]; reasons: (Reason | undefined)[] }> {
    const size = Math.min(pool.length, limit * POOL_FACTOR);
    const candidates = (from: number, to: number) =>
      pool.slice(from, to).map((i) => ({ itemId: this.space.vocabulary[i]!, baseScore: scores[i]! }));
    const head = await this.rerank(shelf, candidates(0, size), context, limit);
    const order = head ? head.order : Array.from({ length: size }, (_, k) => k);
    const rest = Array.from({ length: pool.length - size }, (_, j) => size + j);
    const picked = diversify([...order, ...rest], limit, keysOf);
    const reasons: (Reason | undefined)[] = new Array(pool.length);
    head?.reasons.forEach((r, k) => (reasons[k] = r));
    if (head && picked.some((k) => k >= size)) {
      const tail = await this.rerank(shelf, candidates(size, pool.length), context, limit);
      tail?.reasons.forEach((r, j) => (reasons[size + j] = r));
    }
    return { picked, reasons };
  }

  private forYouExplanation(
    reasons: readonly Reason[],
    context: ShopperContext,
  ): { explanation: string; message: Message } {
    const [first, second] = reasons;
    if (first?.type === 'complement') {
      const step = [...context.steps].reverse().find((s) => s.itemId === first.itemId);
      return step?.kind === 'add_to_cart'
        ? explained('reason.goes-with-in-cart', { title: first.title })
        : explained('reason.goes-with-yours', { title: first.title, verb: verb(step?.kind ?? 'view') });
    }
    if (first?.type === 'history')
      return second?.type === 'history'
        ? explained('reason.because-you-two', {
            did: did(first.kind, first.title),
            did2: did(second.kind, second.title),
          })
        : explained('reason.because-you', { did: did(first.kind, first.title) });
    const reranker = reasons.find((r) => r.type === 'reranker');
    if (reranker?.type === 'reranker' && reranker.why[0]) return sayWhy(reranker.why[0]);
    return explained('reason.picked-for-you');
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
  async scoreItems(itemIds: readonly string[], context: ShopperContext): Promise<ItemScore[]> {
    const scores = await this.space.scoreAfter(context.steps);
    const explain = scores ? this.historyReasons(context) : null;
    return itemIds.map((itemId) => {
      const i = this.space.indexOf(itemId);
      if (i === undefined || !scores || !explain) return { itemId, score: null, reasons: [] };
      return { itemId, score: scores[i]!, reasons: explain(i) };
    });
  }

  /**
   * Re-ranks a list the site ordered itself (a category page, search results): the site's
   * order is the base score, the re-ranker's click probability the final order. With
   * `relevance` (search), the base order also weighs the shopper's sequence-model score, and
   * items move only among matches of about the same relevance (RELEVANCE_BAND). Without a
   * re-ranker the base order is returned. Every item says why it is where it is.
   */
  async rerankList(
    itemIds: readonly string[],
    request: RerankRequest,
    context: ShopperContext,
  ): Promise<RankedItem[]> {
    const shelf = request.shelf ?? 'list';
    if (itemIds.length > 1000)
      throw new RangeError(`rerank got ${itemIds.length} items; expected at most 1000`);
    const relevance = request.relevance;
    if (relevance !== undefined) {
      if (
        !Array.isArray(relevance) ||
        relevance.length !== itemIds.length ||
        relevance.some((r) => !Number.isFinite(r))
      )
        throw new TypeError(
          `rerank relevance has ${Array.isArray(relevance) ? relevance.length : 'no'} finite numbers; expected one per item (${itemIds.length})`,
        );
    }
    // The shopper's scores only blend into search; the site's own order needs none.
    const scores = relevance ? await this.space.scoreAfter(context.steps) : null;
    const explain = scores || !relevance ? this.historyReasons(context) : null;
    // The base order: the site's, or for search the relevance blended with the shopper's score.
    let base = itemIds.map((_, i) => i);
    const band = new Array<number>(itemIds.length).fill(0);
    if (relevance) {
      const personal = itemIds.map((id) => {
        const row = this.space.indexOf(id);
        return row === undefined || !scores ? null : scores[row]!;
      });
      const known = personal.filter((p): p is number => p !== null);
      const { mean, sd } = moments(known);
      const top = Math.max(...relevance, 1e-9);
      const blended = relevance.map(
        (r, i) =>
          r / top +
          (personal[i] !== null && known.length > 1
            ? (SEARCH_PERSONAL_WEIGHT * (personal[i]! - mean)) / sd
            : 0),
      );
      // Bands of equally good matches, from the best match down.
      const byRelevance = itemIds.map((_, i) => i).sort((a, b) => relevance[b]! - relevance[a]! || a - b);
      let bandTop = Infinity;
      let b = -1;
      for (const i of byRelevance) {
        if (relevance[i]! < bandTop * RELEVANCE_BAND || b < 0) {
          bandTop = relevance[i]!;
          b++;
        }
        band[i] = b;
      }
      base = [...base].sort((x, y) => band[x]! - band[y]! || blended[y]! - blended[x]! || x - y);
    }
    const reranked = await this.rerank(
      shelf,
      base.map((i) => ({ itemId: itemIds[i]!, baseScore: null })),
      context,
    );
    let order = reranked ? reranked.order : base.map((_, k) => k);
    if (relevance) order = [...order].sort((x, y) => band[base[x]!]! - band[base[y]!]!);
    return order.map((k, position) => {
      const from = base[k]!;
      const itemId = itemIds[from]!;
      const row = this.space.indexOf(itemId);
      const reasons: Reason[] = row !== undefined && explain ? explain(row) : [];
      let rerankReason = reranked?.reasons[k];
      if (rerankReason?.type === 'reranker') rerankReason = { ...rerankReason, moved: from - position };
      if (rerankReason) reasons.push(rerankReason);
      const first = reasons[0];
      const why = rerankReason?.type === 'reranker' ? rerankReason.why[0] : undefined;
      return {
        itemId,
        score: rerankReason?.type === 'reranker' ? rerankReason.probability : null,
        from,
        reasons,
        ...(why && from > position
          ? sayWhy(why)
          : first?.type === 'history'
            ? explained('reason.because-you', { did: did(first.kind, first.title) })
            : why
              ? sayWhy(why)
              : explained(relevance ? 'reason.matches-search' : 'reason.site-order')),
      };
    });
  }

  private similar(anchorId: string, limit: number, context: ShopperContext): Shelf {
    const anchor = this.space.indexOf(anchorId);
    if (anchor === undefined)
      return { kind: 'similar', anchor: anchorId, items: [], empty: 'the model does not know this item' };
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
    // Alternatives to the anchor, so no leaf cap; at most a quarter of one brand.
    const pool = topK(scores, limit * DIVERSITY_POOL_FACTOR, this.exclusions(context, [anchorId]));
    const picked = diversify(pool, limit, (i) => this.keysOf(i, false));
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
          ...(shared.length
            ? explained('reason.similar-sharing', { title: this.title(anchorId), shared: shared.join(', ') })
            : explained('reason.similar', { title: this.title(anchorId) })),
        };
      }),
    };
  }

  /**
   * What goes with the anchors (one product, or the whole cart): the sequence model's next
   * items after adding all of them, with each anchor's catalog complements on top; never the
   * anchors, nor substitutes of them or of what the shopper owns (same leaf category).
   */
  private async boughtTogether(
    anchorIds: readonly string[],
    limit: number,
    context: ShopperContext,
  ): Promise<Shelf> {
    const single = anchorIds.length === 1 ? anchorIds[0]! : null;
    if (anchorIds.length === 0)
      return {
        kind: 'bought-together',
        anchor: null,
        items: [],
        empty: 'nothing to go with: no items given',
      };
    const now = context.now ?? Date.now();
    const next = await this.space.scoreAfter(
      anchorIds.map((itemId) => ({ itemId, kind: 'add_to_cart', ts: now })),
    );
    // Complement → the first anchor it goes with.
    const complementOf = new Map<string, string>();
    for (const anchorId of anchorIds)
      for (const c of this.catalog?.get(anchorId)?.complements ?? [])
        if (!complementOf.has(c)) complementOf.set(c, anchorId);
    if (!next && complementOf.size === 0)
      return {
        kind: 'bought-together',
        anchor: single,
        items: [],
        empty: 'neither the model nor the catalog knows what goes with it',
      };
    const n = this.space.vocabulary.length;
    const scores = new Float32Array(n);
    // Softmax-normalised next-item scores, with the catalog's explicit complements on top.
    let max = -Infinity;
    if (next) for (let i = 0; i < n; i++) max = Math.max(max, next[i]!);
    let sum = 0;
    if (next) for (let i = 0; i < n; i++) sum += Math.exp(next[i]! - max);
    for (let i = 0; i < n; i++) {
      scores[i] =
        (next ? Math.exp(next[i]! - max) / sum : 0) + (complementOf.has(this.space.vocabulary[i]!) ? 1 : 0);
    }
    const excluded = this.exclusions(context, anchorIds, [...anchorIds, ...this.owned(context)]);
    const pool = topK(scores, limit * DIVERSITY_POOL_FACTOR, excluded);
    // Over a whole cart, complements spread over its items too.
    const picked = diversify(pool, limit, (i) => [
      ...this.keysOf(i),
      ...(single ? [] : [`anchor:${complementOf.get(this.space.vocabulary[i]!) ?? ''}`]),
    ]);
    return {
      kind: 'bought-together',
      anchor: single,
      items: picked.map((i) => {
        const itemId = this.space.vocabulary[i]!;
        const anchorId = complementOf.get(itemId);
        if (anchorId) {
          const title = this.title(anchorId);
          return {
            itemId,
            score: scores[i]!,
            reasons: [{ type: 'complement', itemId: anchorId, title }],
            ...explained('reason.goes-with', { title }),
          };
        }
        const from = single ?? anchorIds.at(-1)!;
        const title = this.title(from);
        return {
          itemId,
          score: scores[i]!,
          reasons: [{ type: 'next-item', itemId: from, title }],
          ...(single ? explained('reason.added-then', { title }) : explained('reason.cart-like-yours')),
        };
      }),
      ...(picked.length ? {} : { empty: 'everything that goes with it is already yours or out of stock' }),
    };
  }

  private async becauseViewed(
    anchorId: string | undefined,
    limit: number,
    context: ShopperContext,
  ): Promise<Shelf> {
    if (!anchorId) return { kind: 'because-viewed', anchor: null, items: [], empty: 'nothing viewed yet' };
    const scores = await this.space.scoreAfter([{ itemId: anchorId, kind: 'view', ts: Date.now() }]);
    if (!scores)
      return {
        kind: 'because-viewed',
        anchor: anchorId,
        items: [],
        empty: 'the model does not know this item',
      };
    const pool = topK(
      scores,
      limit * DIVERSITY_POOL_FACTOR,
      this.exclusions(context, [anchorId], this.owned(context)),
    );
    const { picked, reasons: rerankReasons } = await this.pickReranked(
      'because-viewed',
      pool,
      scores,
      limit,
      context,
      (k) => this.keysOf(pool[k]!),
    );
    const title = this.title(anchorId);
    return {
      kind: 'because-viewed',
      anchor: anchorId,
      items: picked.map((k) => ({
        itemId: this.space.vocabulary[pool[k]!]!,
        score: scores[pool[k]!]!,
        reasons: [
          { type: 'next-item', itemId: anchorId, title },
          ...(rerankReasons[k] ? [rerankReasons[k]] : []),
        ],
        ...explained('reason.because-viewed', { title }),
      })),
    };
  }
}

/** A re-ranker reason as an explanation: its sentence, with its message when it carries one. */
function sayWhy(why: RerankWhy): { explanation: string; message: Message } {
  return { explanation: why.text, message: why.message ?? message('reason.picked-for-you') };
}
