import {
  RERANK_FEATURE_COUNT,
  RERANK_FEATURE_NAMES,
  rerankFeatures,
  type PopulationOf,
  type RerankFeature,
  type RerankList,
} from '../rerank/features.ts';
import type { Reranker } from '../rerank/model.ts';
import type { ShopperSignals } from '../rerank/signals.ts';
import { formatMessage, message, type Message, type MessageKey, type MessageParam } from './messages.ts';

/** Shelves whose base score is the sequence model's (pretraining scores their impressions the same way). */
export const MODEL_SCORED_SHELVES: ReadonlySet<string> = new Set(['for-you', 'because-viewed']);

/** What raised an item, in words the shopper can check against what they did. */
export type RerankSignal =
  | 'bought'
  | 'carted'
  | 'dwelt'
  | 'viewed'
  | 'clicked'
  | 'searched'
  | 'category-today'
  | 'category'
  | 'brand'
  | 'like-last'
  | 'price'
  | 'popular';

export interface RerankWhy {
  signal: RerankSignal;
  /** The sentence, in English. */
  text: string;
  /** The same sentence as a key and parameters, for other languages. */
  message?: Message;
}

function said(signal: RerankSignal, key: MessageKey, params: Record<string, MessageParam> = {}): RerankWhy {
  const msg = message(key, params);
  return { signal, text: formatMessage(msg), message: msg };
}

export interface RerankScores {
  /** Click probability per candidate, in list order. */
  probabilities: Float32Array;
  /** Per candidate, the signals that raised it most (at most three, strongest first). */
  why: RerankWhy[][];
}

/** What the shelves need from a re-ranker, without knowing it is tfjs. */
export interface ListReranker {
  /** Scores a list about to be shown; null when no re-ranker is in use. */
  score(list: RerankList, signals: ShopperSignals): Promise<RerankScores | null>;
}

const F = Object.fromEntries(RERANK_FEATURE_NAMES.map((n, i) => [n, i])) as Record<RerankFeature, number>;

/**
 * Feature groups an explanation can name: each is switched off ("the shopper never did
 * this") in a copy of the row, and the drop in the re-ranker's logit is what it added.
 * The exposure features (shown, shown and ignored, where and when last shown) are
 * deliberately in no group: being passed over lowers an item, and is never said.
 */
const GROUPS: {
  name: 'item' | 'category-today' | 'category' | 'brand' | 'like-last' | 'price' | 'popular';
  features: RerankFeature[];
}[] = [
  {
    name: 'item',
    features: [
      'views_session',
      'views_before',
      'clicks_session',
      'clicks_before',
      'carts',
      'purchases',
      'dwell',
      'search_hits',
      'interacted',
      'is_last_item',
      'steps_since',
      'recency',
      'last_kind_view',
      'last_kind_click',
      'last_kind_add_to_cart',
      'last_kind_purchase',
      'last_kind_dwell',
      'last_kind_search',
    ],
  },
  { name: 'category-today', features: ['category_session'] },
  { name: 'category', features: ['category_share'] },
  { name: 'brand', features: ['brand_share'] },
  { name: 'like-last', features: ['same_category_as_last'] },
  { name: 'price', features: ['price_vs_usual', 'has_usual_price'] },
  { name: 'popular', features: ['pop_shown', 'pop_ctr', 'pop_clicks'] },
];
/** Logit a group must add before it is named. */
const MIN_EFFECT = 0.15;
const MAX_WHY = 3;

const logit = (p: number) => {
  const q = Math.min(1 - 1e-6, Math.max(1e-6, p));
  return Math.log(q / (1 - q));
};

/** "twice", "three times", "5 times". */
function times(n: number): Message {
  return n === 2 || n === 3 ? message(`times.${n}`) : message('times.many', { count: n });
}

/** The sentences of the "item" group: what the shopper did with this very item, strongest first. */
function itemSentences(signals: ShopperSignals, itemId: string): RerankWhy[] {
  const s = signals.items.get(itemId);
  if (!s) return [];
  const [views, clicks, carts, purchases, , searches] = s.total as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const out: RerankWhy[] = [];
  if (purchases > 0) out.push(said('bought', 'why.bought'));
  if (carts > 0) out.push(said('carted', 'why.carted'));
  if (s.dwellMs >= 10_000) out.push(said('dwelt', 'why.dwelt'));
  if (views > 0)
    out.push(
      views === 1
        ? said('viewed', 'why.viewed-once')
        : said('viewed', 'why.viewed-times', { times: times(views) }),
    );
  else if (clicks > 0) out.push(said('clicked', 'why.clicked'));
  if (searches > 0 && out.length === 0) out.push(said('searched', 'why.searched'));
  return out;
}

/**
 * The re-ranker the worker uses: features from the shopper's signals (the one feature
 * function), click probabilities from the personal or shipped weights, and reasons from the
 * feature groups that raised each item. `model()` is read on every call, so accepted
 * personal weights are used at once.
 */
export class ModelListReranker implements ListReranker {
  constructor(
    private readonly model: () => Reranker | null,
    private readonly population: PopulationOf,
    private readonly globalClickRate: number,
    private readonly titleOf: (itemId: string) => string,
  ) {}

  async score(list: RerankList, signals: ShopperSignals): Promise<RerankScores | null> {
    const reranker = this.model();
    if (!reranker || list.candidates.length === 0) return null;
    const n = list.candidates.length;
    const w = RERANK_FEATURE_COUNT;
    const rows = rerankFeatures(list, signals, this.population, this.globalClickRate);
    // One pass over the rows and, per group, a copy of each row with that group switched off;
    // a row whose group is off already would score the same, so it is not copied (the items
    // of a list the shopper never touched, for the groups about the shopper's own actions).
    const off = (f: RerankFeature) => (f === 'pop_ctr' ? 10 * this.globalClickRate : 0);
    const copies: { group: number; row: number }[] = [];
    GROUPS.forEach((group, g) => {
      for (let i = 0; i < n; i++)
        if (group.features.some((f) => rows[i * w + F[f]] !== Math.fround(off(f))))
          copies.push({ group: g, row: i });
    });
    const batch = new Float32Array((n + copies.length) * w);
    batch.set(rows, 0);
    const copyOf = new Map<number, number>();
    copies.forEach(({ group, row }, k) => {
      const at = (n + k) * w;
      batch.set(rows.subarray(row * w, (row + 1) * w), at);
      // "No population data" reads the global rate, as the feature function writes it.
      for (const f of GROUPS[group]!.features) batch[at + F[f]] = off(f);
      copyOf.set(group * n + row, n + k);
    });
    const all = await reranker.predict(batch);
    const probabilities = all.slice(0, n);
    const why = list.candidates.map((c, i) => {
      const full = logit(probabilities[i]!);
      const effects = GROUPS.map((group, g) => {
        const k = copyOf.get(g * n + i);
        return { group, effect: k === undefined ? 0 : full - logit(all[k]!) };
      })
        .filter((e) => e.effect >= MIN_EFFECT)
        .sort((a, b) => b.effect - a.effect);
      const out: RerankWhy[] = [];
      for (const { group } of effects) out.push(...this.sentences(group.name, c.itemId, signals, rows, i));
      return out.slice(0, MAX_WHY);
    });
    return { probabilities, why };
  }

  private sentences(
    group: (typeof GROUPS)[number]['name'],
    itemId: string,
    signals: ShopperSignals,
    rows: Float32Array,
    i: number,
  ): RerankWhy[] {
    const facts = signals.factsOf(itemId);
    const row = (f: RerankFeature) => rows[i * RERANK_FEATURE_COUNT + F[f]]!;
    switch (group) {
      case 'item':
        return itemSentences(signals, itemId).slice(0, 2);
      case 'category-today':
        if (!facts?.category || row('category_session') <= 0) return [];
        return [
          said(
            'category-today',
            row('category_session') >= 0.4 ? 'why.category-today-a-lot' : 'why.category-today',
            { category: facts.category },
          ),
        ];
      case 'category':
        return facts?.category && row('category_share') > 0
          ? [said('category', 'why.category', { category: facts.category })]
          : [];
      case 'brand':
        return facts?.brand && row('brand_share') > 0
          ? [said('brand', 'why.brand', { brand: facts.brand })]
          : [];
      case 'like-last': {
        const last = signals.lastItem;
        return last && row('same_category_as_last') > 0 && last.itemId !== itemId
          ? [said('like-last', 'why.like-last', { title: this.titleOf(last.itemId) })]
          : [];
      }
      case 'price': {
        if (row('has_usual_price') <= 0) return [];
        const vsUsual = row('price_vs_usual');
        if (Math.abs(vsUsual) <= 0.35) return [said('price', 'why.price-close')];
        return vsUsual < 0 ? [said('price', 'why.price-cheaper')] : [];
      }
      case 'popular':
        return row('pop_clicks') > 0 ? [said('popular', 'why.popular')] : [];
    }
  }
}
