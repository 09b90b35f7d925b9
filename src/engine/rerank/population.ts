import type { ShopEvent } from '../events/schema.ts';
import type { PopulationOf } from './features.ts';
import { clickLabels } from './lists.ts';

/** The population aggregates shipped in the re-ranker's card: per item, times shown and clicked. */
export interface PopulationCard {
  items: string[];
  shown: number[];
  clicks: number[];
  /** Clicks per shown item over all lists: the global click rate fine-tuning corrects toward. */
  clickRate: number;
}

/** Shown and click counts per item over many shoppers' impressions. */
export class PopulationCounts {
  readonly shown = new Map<string, number>();
  readonly clicks = new Map<string, number>();
  rows = 0;
  clicked = 0;

  /** Adds (sign 1) or removes (sign −1) one shopper's impressions and clicks. */
  add(events: readonly ShopEvent[], sign: 1 | -1 = 1): this {
    const labels = clickLabels(events);
    events.forEach((e, index) => {
      if (e.kind !== 'impression') return;
      const y = labels.get(index)!;
      e.items.forEach((item, slot) => {
        this.shown.set(item.itemId, (this.shown.get(item.itemId) ?? 0) + sign);
        this.rows += sign;
        if (y[slot]) {
          this.clicks.set(item.itemId, (this.clicks.get(item.itemId) ?? 0) + sign);
          this.clicked += sign;
        }
      });
    });
    return this;
  }

  get clickRate(): number {
    return this.rows > 0 ? this.clicked / this.rows : 0;
  }

  lookup(): PopulationOf {
    return (itemId) => {
      const shown = this.shown.get(itemId);
      return shown === undefined ? undefined : { shown, clicks: this.clicks.get(itemId) ?? 0 };
    };
  }

  /**
   * The counts as a shopper of the population saw them without their own part: pretraining
   * rows must not read their own clicks through the aggregates (target leakage).
   */
  without(events: readonly ShopEvent[]): PopulationOf {
    const own = new PopulationCounts().add(events);
    return (itemId) => {
      const shown = (this.shown.get(itemId) ?? 0) - (own.shown.get(itemId) ?? 0);
      if (shown <= 0) return undefined;
      return { shown, clicks: (this.clicks.get(itemId) ?? 0) - (own.clicks.get(itemId) ?? 0) };
    };
  }

  toCard(): PopulationCard {
    const items = [...this.shown.keys()].sort();
    return {
      items,
      shown: items.map((id) => this.shown.get(id)!),
      clicks: items.map((id) => this.clicks.get(id) ?? 0),
      clickRate: this.clickRate,
    };
  }
}

/** The lookup a shipped card describes; throws naming the field when the arrays disagree. */
export function populationFromCard(card: PopulationCard): PopulationOf {
  if (
    !Array.isArray(card.items) ||
    !Array.isArray(card.shown) ||
    !Array.isArray(card.clicks) ||
    card.shown.length !== card.items.length ||
    card.clicks.length !== card.items.length
  )
    throw new Error(
      `re-ranker card population has ${card.items?.length} items, ${card.shown?.length} shown and ${card.clicks?.length} clicks; expected three arrays of equal length`,
    );
  const index = new Map(card.items.map((id, i) => [String(id), i]));
  return (itemId) => {
    const i = index.get(itemId);
    return i === undefined ? undefined : { shown: card.shown[i]!, clicks: card.clicks[i]! };
  };
}
