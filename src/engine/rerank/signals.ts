import type { ShopEvent } from '../events/schema.ts';

/** Interactions the re-ranker counts per item, in feature order. */
export const INTERACTION_KINDS = ['view', 'click', 'add_to_cart', 'purchase', 'dwell', 'search'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
const KIND_INDEX = new Map<string, number>(INTERACTION_KINDS.map((k, i) => [k, i]));

/** What the catalog says about an item; any field may be unknown. */
export interface ItemFacts {
  category?: string | null;
  brand?: string | null;
  price?: number | null;
}
export type FactsOf = (itemId: string) => ItemFacts | undefined;

/** What the shopper has done with one item, and how often it was shown to them. */
export interface ItemSignal {
  /** Interactions by kind (INTERACTION_KINDS order), over every session the device holds. */
  total: number[];
  /** The same, in the current session only. */
  session: number[];
  sessionId: string;
  dwellMs: number;
  /** Last interaction: when, which kind, and the item-event counter at that time. */
  lastTs: number;
  lastKind: number;
  lastStep: number;
  /** Times shown on any list, and shown since the shopper last interacted with it. */
  shown: number;
  shownSinceInteraction: number;
  lastShownTs: number;
  /** 0-based position at the last showing. */
  lastShownPosition: number;
}

/** Interest weight of each interaction kind, for category and brand shares. */
const GROUP_WEIGHT = [1, 1, 3, 5, 1, 1];

/**
 * The shopper's live state, folded from their stored events one at a time (oldest first):
 * per-item interactions and exposures, category and brand interest, the session so far.
 * The same object serves pretraining, the benchmark and the worker, so features see the
 * same counts everywhere. `observe` is O(1) per event (O(list) for impressions).
 */
export class ShopperSignals {
  readonly items = new Map<string, ItemSignal>();
  readonly categoryTotal = new Map<string, number>();
  readonly brandTotal = new Map<string, number>();
  readonly categorySession = new Map<string, number>();
  groupWeightTotal = 0;
  groupWeightSession = 0;
  sessionId = '';
  sessionStart = 0;
  /** Events of the current session so far, and sessions seen in all. */
  sessionEvents = 0;
  sessions = 0;
  /** Item events so far (the step counter), and in the current session; lists shown in the current session. */
  steps = 0;
  sessionItemEvents = 0;
  sessionLists = 0;
  /** The last item interacted with in the current session, if any. */
  lastItem: { itemId: string; kind: number; ts: number } | null = null;
  /** Log prices of the items the shopper interacted with (catalog price, else the last price shown). */
  private logPriceSum = 0;
  private logPriceCount = 0;
  private sessionLogPriceSum = 0;
  private sessionLogPriceCount = 0;
  /** The price last shown for each item on a list, for sites whose prices vary by list. */
  readonly shownPrice = new Map<string, number>();
  lastTs = 0;

  constructor(private readonly facts: FactsOf = () => undefined) {}

  static from(events: Iterable<ShopEvent>, facts?: FactsOf): ShopperSignals {
    const signals = new ShopperSignals(facts);
    for (const e of events) signals.observe(e);
    return signals;
  }

  /** Mean log price of what the shopper interacted with; null before any priced interaction. */
  get usualLogPrice(): number | null {
    return this.logPriceCount ? this.logPriceSum / this.logPriceCount : null;
  }

  /** The same over the current session only. */
  get sessionLogPrice(): number | null {
    return this.sessionLogPriceCount ? this.sessionLogPriceSum / this.sessionLogPriceCount : null;
  }

  priceOf(itemId: string): number | null {
    return this.facts(itemId)?.price ?? this.shownPrice.get(itemId) ?? null;
  }

  factsOf(itemId: string): ItemFacts | undefined {
    return this.facts(itemId);
  }

  private item(itemId: string): ItemSignal {
    let s = this.items.get(itemId);
    if (!s) {
      s = {
        total: [0, 0, 0, 0, 0, 0],
        session: [0, 0, 0, 0, 0, 0],
        sessionId: this.sessionId,
        dwellMs: 0,
        lastTs: -Infinity,
        lastKind: -1,
        lastStep: -1,
        shown: 0,
        shownSinceInteraction: 0,
        lastShownTs: -Infinity,
        lastShownPosition: -1,
      };
      this.items.set(itemId, s);
    }
    if (s.sessionId !== this.sessionId) {
      s.session.fill(0);
      s.sessionId = this.sessionId;
    }
    return s;
  }

  private enterSession(e: ShopEvent): void {
    if (e.sessionId === this.sessionId) return;
    this.sessionId = e.sessionId;
    this.sessionStart = e.ts;
    this.sessionEvents = 0;
    this.sessions++;
    this.lastItem = null;
    this.categorySession.clear();
    this.groupWeightSession = 0;
    this.sessionItemEvents = 0;
    this.sessionLists = 0;
    this.sessionLogPriceSum = 0;
    this.sessionLogPriceCount = 0;
  }

  private interact(itemId: string, kindIndex: number, ts: number, amount = 1): void {
    const s = this.item(itemId);
    s.total[kindIndex]! += amount;
    s.session[kindIndex]! += amount;
    s.lastTs = ts;
    s.lastKind = kindIndex;
    s.lastStep = this.steps;
    s.shownSinceInteraction = 0;
    this.lastItem = { itemId, kind: kindIndex, ts };
    this.steps++;
    this.sessionItemEvents++;
    const weight = GROUP_WEIGHT[kindIndex]!;
    const facts = this.facts(itemId);
    if (facts?.category) {
      this.categoryTotal.set(facts.category, (this.categoryTotal.get(facts.category) ?? 0) + weight);
      this.categorySession.set(facts.category, (this.categorySession.get(facts.category) ?? 0) + weight);
    }
    if (facts?.brand) this.brandTotal.set(facts.brand, (this.brandTotal.get(facts.brand) ?? 0) + weight);
    this.groupWeightTotal += weight;
    this.groupWeightSession += weight;
    const price = this.priceOf(itemId);
    if (price !== null && price > 0 && kindIndex !== KIND_INDEX.get('search')) {
      this.logPriceSum += Math.log(price);
      this.logPriceCount++;
      this.sessionLogPriceSum += Math.log(price);
      this.sessionLogPriceCount++;
    }
  }

  /** Folds one event in; events must come oldest first. */
  observe(e: ShopEvent): void {
    this.enterSession(e);
    this.sessionEvents++;
    this.lastTs = e.ts;
    switch (e.kind) {
      case 'impression':
        this.sessionLists++;
        for (const shown of e.items) {
          const s = this.item(shown.itemId);
          s.shown++;
          s.shownSinceInteraction++;
          s.lastShownTs = e.ts;
          s.lastShownPosition = shown.position;
          if (shown.price !== undefined) this.shownPrice.set(shown.itemId, shown.price);
        }
        return;
      case 'search':
        for (const itemId of e.itemIds ?? []) this.interact(itemId, KIND_INDEX.get('search')!, e.ts);
        return;
      case 'dwell': {
        const s = this.item(e.itemId);
        s.dwellMs += e.ms;
        this.interact(e.itemId, KIND_INDEX.get('dwell')!, e.ts);
        return;
      }
      case 'remove_from_cart':
        // Taking something out is a change of mind, not interest: it only ends the ignored streak.
        this.item(e.itemId).shownSinceInteraction = 0;
        return;
      default: {
        const k = KIND_INDEX.get(e.kind);
        if (k !== undefined) this.interact(e.itemId, k, e.ts);
      }
    }
  }
}
