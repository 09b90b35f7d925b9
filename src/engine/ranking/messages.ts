import type { EventKind } from '../events/schema.ts';

/**
 * Every sentence a recommendation can carry, in English, keyed. The engine decides which
 * sentence applies (a key and its parameters); this table says it in English, and a site's
 * page can say it in another language from the same key (the widget's `locale` option).
 * Parameters are `{name}`; a parameter may itself be a message (a verb, a count).
 */
export const ENGLISH_MESSAGES = {
  'reason.trending': 'Popular with shoppers right now (#{rank})',
  'reason.trending-because': 'Popular with shoppers ({why})',
  'reason.no-history-yet': 'no browsing history yet',
  'reason.goes-with-yours': 'Goes with {title}, which you {verb}',
  'reason.goes-with-in-cart': 'Goes with {title}, in your cart',
  'reason.because-you': 'Because you {did}',
  'reason.because-you-two': 'Because you {did} and {did2}',
  'reason.picked-for-you': 'Picked for you from your recent browsing',
  'reason.similar': 'Similar to {title}',
  'reason.similar-sharing': 'Similar to {title} ({shared})',
  'reason.goes-with': 'Goes with {title}',
  'reason.added-then': 'Shoppers who added {title} to their cart went on to this',
  'reason.cart-like-yours': 'Shoppers with a cart like yours went on to this',
  'reason.because-viewed': 'Because you viewed {title}',
  'reason.matches-search': 'Matches your search',
  'reason.site-order': 'In the order the site chose',
  'verb.view': 'viewed',
  'verb.click': 'clicked',
  'verb.add_to_cart': 'added to your cart',
  'verb.remove_from_cart': 'removed from your cart',
  'verb.purchase': 'bought',
  'verb.search': 'searched for',
  'verb.impression': 'saw',
  'verb.dwell': 'looked closely at',
  'did.add_to_cart': 'added {title} to your cart',
  'did.remove_from_cart': 'removed {title} from your cart',
  'did.other': '{verb} {title}',
  'why.bought': 'You bought this before',
  'why.carted': 'You added this to your cart',
  'why.dwelt': 'You spent a while looking at this',
  'why.viewed-once': 'You looked at this',
  'why.viewed-times': 'You looked at this {times}',
  'times.2': 'twice',
  'times.3': 'three times',
  'times.many': '{count} times',
  'why.clicked': 'You opened this before',
  'why.searched': 'It came up in your searches',
  'why.category-today-a-lot': 'You viewed {category} a lot today',
  'why.category-today': 'You have been looking at {category} today',
  'why.category': 'You often shop in {category}',
  'why.brand': 'You often choose {brand}',
  'why.like-last': 'Like {title}, which you just looked at',
  'why.price-close': 'Close to the prices you usually pick',
  'why.price-cheaper': 'Cheaper than what you usually pick',
  'why.popular': 'Often picked by other shoppers',
} as const;

export type MessageKey = keyof typeof ENGLISH_MESSAGES;
export type MessageParam = string | number | Message;

/** A sentence as its key and parameters: structured-clone safe, so it crosses the worker boundary. */
export interface Message {
  key: MessageKey;
  params: Record<string, MessageParam>;
}

/** A table of sentences by key; keys it lacks are said in English. */
export type MessageTable = Partial<Record<MessageKey, string>>;

export function message(key: MessageKey, params: Record<string, MessageParam> = {}): Message {
  return { key, params };
}

/** The verb of an event kind, as a message (for "Because you {verb} …"). */
export function verb(kind: EventKind): Message {
  return message(`verb.${kind}`);
}

/** What the shopper did with an item, as a message: "viewed {title}", "added {title} to your cart". */
export function did(kind: EventKind, title: string): Message {
  if (kind === 'add_to_cart' || kind === 'remove_from_cart') return message(`did.${kind}`, { title });
  return message('did.other', { verb: verb(kind), title });
}

/** Renders `message` with `table`, falling back to English per key; `{name}` without a parameter stays as written. */
export function formatMessage(msg: Message, table: MessageTable = ENGLISH_MESSAGES): string {
  const template = table[msg.key] ?? ENGLISH_MESSAGES[msg.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = msg.params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? formatMessage(value, table) : String(value);
  });
}

/** The English sentence and its message, as every recommendation carries them. */
export function explained(
  key: MessageKey,
  params: Record<string, MessageParam> = {},
): { explanation: string; message: Message } {
  const msg = message(key, params);
  return { explanation: formatMessage(msg), message: msg };
}
