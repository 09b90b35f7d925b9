import type { CatalogItem, EventKind, Reason, RankedItem } from '../engine/index.ts';

/**
 * The shop's words for why an item is shown: plain sentences a shopper can check against
 * what they did, no scores. One place, so "Why this?" and search notes never disagree.
 */
export interface WordsContext {
  /** The item being explained. */
  item: CatalogItem;
  /** Catalog lookup, for what the item shares with the one behind a reason. */
  itemOf: (id: string) => CatalogItem | undefined;
  /** What is in the cart now: "in your cart" is said only when it is. */
  inCart: ReadonlySet<string>;
}

/** "which you bought", "which is in your cart": the shopper's strongest action on an item, truthfully. */
export function yourAction(kind: EventKind, itemId: string, inCart: ReadonlySet<string>): string {
  if (inCart.has(itemId)) return 'which is in your cart';
  switch (kind) {
    case 'purchase':
      return 'which you bought';
    case 'add_to_cart':
      return 'which you put in your cart';
    case 'dwell':
      return 'which you spent time on';
    case 'click':
      return 'which you opened';
    default:
      return 'which you looked at';
  }
}

/** What two items have in common, in words: "same brand", "also a tent". */
function inCommon(item: CatalogItem, other: CatalogItem | undefined): string | null {
  if (!other) return null;
  const leaf = item.category.at(-1)!;
  const sameLeaf = item.category.join('/') === other.category.join('/');
  if (sameLeaf && item.brand === other.brand) return `same brand and also in ${leaf}`;
  if (item.brand === other.brand) return `same brand, ${item.brand}`;
  if (sameLeaf) return `also in ${leaf}`;
  if (item.category[0] === other.category[0]) return `also from ${item.category[0]}`;
  return null;
}

export function describeReason(reason: Reason, words: WordsContext): string {
  switch (reason.type) {
    case 'history': {
      const shared = inCommon(words.item, words.itemOf(reason.itemId));
      return `Like ${reason.title}, ${yourAction(reason.kind, reason.itemId, words.inCart)}${shared ? ` (${shared})` : ''}`;
    }
    case 'similar':
      return reason.shared.length
        ? `Much like ${reason.title}: same ${reason.shared.join(' and ')}`
        : `Much like ${reason.title}`;
    case 'complement':
      return `Goes with ${reason.title}${words.inCart.has(reason.itemId) ? ', in your cart' : ''}`;
    case 'next-item':
      return `Shoppers who looked at ${reason.title} often went on to this`;
    case 'trending':
      return reason.rank <= 3
        ? 'One of the most popular things in the shop right now'
        : 'Popular with shoppers right now';
    case 'reranker':
      return reason.why.length
        ? reason.why.map((w) => w.text).join('. ')
        : 'Placed here from what you did in this shop';
    case 'fallback':
      return reason.why.startsWith('no ')
        ? `Shown because there is ${reason.why}`
        : `Shown because ${reason.why}`;
  }
}

/** "↑ Boosted for you: you looked at this twice" for a search result the shopper's own signals lifted. */
export function boostNote(r: RankedItem, position: number, inCart: ReadonlySet<string>): string | undefined {
  if (r.from <= position) return undefined;
  if (inCart.has(r.itemId)) return '↑ Boosted for you: it is in your cart';
  const reranker = r.reasons.find((reason) => reason.type === 'reranker');
  const why = reranker?.type === 'reranker' ? reranker.why[0] : undefined;
  // Other shoppers' picks are not about this shopper: say so without "for you".
  if (why?.signal === 'popular') return `↑ ${why.text}`;
  if (why) return `↑ Boosted for you: ${why.text.charAt(0).toLowerCase()}${why.text.slice(1)}`;
  const history = r.reasons.find((reason) => reason.type === 'history');
  return history?.type === 'history'
    ? `↑ Boosted for you: like ${history.title}, ${yourAction(history.kind, history.itemId, inCart)}`
    : '↑ Boosted for your taste';
}
