/**
 * One simulated shopper over several weeks: sessions that browse, search, click
 * shelves, read product pages, fill and abandon carts, buy, come back for what
 * goes with a purchase, and slowly change their interests.
 *
 * The shop's lists are built from what a shop could know (ratings, the shopper's
 * logged views, the catalog's complements), never from the hidden taste; the
 * shopper's clicks on them follow the click rule in behaviour.ts
 * (docs/simulator.md), which uses the taste, position and fatigue.
 */
import type { ShopEvent } from '../../src/engine/node.ts';
import type { Rng } from '../catalog/prng.ts';
import {
  CLICK_WINDOW_MS,
  LIST_RULES,
  chooseClicks,
  dwellMs,
  noisyOrder,
  pauseMs,
  sigmoid,
  utility,
  weightedSample,
  type SimShelf,
} from './behaviour.ts';
import type { CatalogIndex, IndexedItem } from './catalog-index.ts';
import { driftTaste, type Taste } from './tastes.ts';

type Body = ShopEvent extends infer E
  ? E extends ShopEvent
    ? Omit<E, 'id' | 'ts' | 'sessionId'>
    : never
  : never;

const DAY = 86_400_000;
/** Lengths of the lists the shop shows. */
const TRENDING_SIZE = 10;
const FOR_YOU_SIZE = 12;
const PRODUCT_SHELF_SIZE = 10;
const SEARCH_PAGE = 16;
const CATEGORY_PAGE = 20;

/** Items best-rated first (the shop's rating stands in for the shared quality). */
function bestRated(list: readonly IndexedItem[]): IndexedItem[] {
  return list.slice().sort((a, b) => b.quality - a.quality || (a.item.id < b.item.id ? -1 : 1));
}

export interface ShopperOptions {
  id: string;
  taste: Taste;
  index: CatalogIndex;
  rng: Rng;
  /** First possible session (ms since epoch). */
  start: number;
  /** No session starts at or after this time. */
  end: number;
}

interface Need {
  source: string;
  leaves: Set<string>;
  until: number;
}

export class ShopperSim {
  readonly events: ShopEvent[] = [];
  private t: number;
  private sessionId = '';
  private sessions = 0;
  private orders = 0;
  private readonly cart = new Map<string, number>();
  private readonly owned = new Set<string>();
  private readonly recent: string[] = [];
  /** Per item: earlier showings to this shopper without a click (fatigue). */
  private readonly ignored = new Map<string, number>();
  private needs: Need[] = [];
  /** Leaves the shopper currently needs, refreshed when needs change (hot path of u()). */
  private wanted = new Set<string>();
  private readonly o: ShopperOptions;

  constructor(options: ShopperOptions) {
    this.o = options;
    this.t = options.start;
  }

  run(): ShopEvent[] {
    const { rng, taste, end } = this.o;
    let next = this.t + rng.next() * 14 * DAY;
    while (next < end) {
      this.t = Math.max(this.t + 30 * 60_000, Math.round(next));
      this.session();
      driftTaste(taste, this.o.index, rng);
      next = this.t + rng.exponential((7 / taste.sessionsPerWeek) * DAY);
    }
    return this.events;
  }

  private emit(body: Body): void {
    this.events.push({
      id: `${this.o.id}-${this.events.length + 1}`,
      ts: this.t,
      sessionId: this.sessionId,
      ...body,
    } as ShopEvent);
  }

  private liveNeeds(): Need[] {
    this.needs = this.needs.filter((n) => n.until > this.t && n.leaves.size > 0);
    this.wanted = new Set(this.needs.flatMap((n) => [...n.leaves]));
    return this.needs;
  }

  private u(entry: IndexedItem): number {
    return utility(this.o.taste, entry, this.wanted) - (this.owned.has(entry.item.id) ? 3 : 0);
  }

  private session(): void {
    const { rng } = this.o;
    this.sessions++;
    this.sessionId = `${this.o.id}-s${this.sessions}`;
    this.liveNeeds();
    // Many visits begin on the home page: a returning shopper meets "For you" again.
    if (rng.chance(0.35)) this.home();
    if (this.cart.size > 0 && rng.chance(0.5)) {
      // Back for the cart left last time.
      for (const id of [...this.cart.keys()].slice(0, 2)) this.productPage(this.entry(id), 2);
    } else if (this.recent.length > 0 && rng.chance(0.15)) {
      const candidates = this.recent.slice(-10).map((id) => this.entry(id));
      const best = candidates.sort((a, b) => this.u(b) - this.u(a))[0];
      if (best) this.productPage(best, 1);
    }
    const needs = this.needs;
    if (needs.length > 0 && rng.chance(0.65)) this.complementTrip(rng.pick(needs));
    else this.browseMid(this.chooseMid());
    if (rng.chance(0.25)) this.browseMid(this.chooseMid());
    this.checkout();
  }

  private entry(id: string): IndexedItem {
    const entry = this.o.index.byId.get(id);
    if (!entry) throw new Error(`simulator lost item "${id}"`);
    return entry;
  }

  private chooseMid(): string {
    const { rng, taste, index } = this.o;
    const cats = Object.entries(taste.categories);
    // A little window-shopping outside one's interests.
    if (cats.length === 0 || rng.chance(0.08)) return rng.pick(index.mids);
    return cats[rng.weightedIndex(cats.map(([, w]) => w))]?.[0] ?? rng.pick(index.mids);
  }

  private browseMid(mid: string): void {
    const { rng, taste, index } = this.o;
    const pool = index.byMid.get(mid) ?? [];
    if (pool.length === 0) return;
    const roll = rng.next();
    if (roll < taste.searchPropensity) this.search(pool);
    else if (roll < taste.searchPropensity + 0.2) {
      // Nothing on the home page appeals: on to a category.
      if (this.home() === 0) this.listing(pool);
    } else this.listing(pool);
  }

  /** After a purchase: look at what goes with it, via its page, a search or the category. */
  private complementTrip(need: Need): void {
    const { rng, index } = this.o;
    const leaf = rng.pick([...need.leaves].sort());
    const pool = index.byLeaf.get(leaf) ?? [];
    const roll = rng.next();
    if (roll < 0.4) {
      this.productPage(this.entry(need.source), 0, true);
      // "See all sleeping bags": from the purchase's page on to the whole category.
      if (rng.chance(0.6)) this.listing(pool);
    } else if (roll < 0.7) this.search(pool, true);
    else this.listing(pool);
  }

  private search(pool: readonly IndexedItem[], plain = false): void {
    const { rng, index, taste } = this.o;
    const target = weightedSample(pool, (e) => Math.exp(this.u(e)), 1, rng)[0];
    if (!target) return;
    const noun = (target.item.category[target.item.category.length - 1] ?? '').toLowerCase();
    const colour = (target.item.attributes?.colour ?? '').toLowerCase();
    const forms = [
      noun,
      `${colour} ${noun}`,
      `${target.item.brand.toLowerCase()} ${noun}`,
      `${target.style.toLowerCase()} ${noun}`,
      target.item.brand.toLowerCase(),
    ];
    const fav = (taste.brands[target.item.brand] ?? 0) > 0 ? 2 : 0.3;
    const query = plain ? noun : (forms[rng.weightedIndex([4, 1.2, fav, 0.8, fav / 2])] ?? noun).trim();
    const exact = index.search(query);
    // Few exact hits ("red tent"): the shop fills the page with the rest of the noun's matches ("tent").
    const last = query.split(' ').pop() ?? query;
    const results =
      exact.length < SEARCH_PAGE && last !== query ? [...new Set([...exact, ...index.search(last)])] : exact;
    this.emit({ kind: 'search', query, resultCount: results.length });
    this.t += pauseMs(rng);
    if (results.length === 0) return this.listing(pool);
    // Results depend only on the query, so a repeated query shows the same page again.
    this.showList(results.slice(0, SEARCH_PAGE), 'search', 0);
  }

  /** The home page: "Trending" for a shopper the shop knows nothing about, "For you" once it has seen them browse. */
  private home(): number {
    if (this.recent.length === 0) return this.showList(this.trending(), 'trending', 0);
    return this.showList(this.forYou(), 'for-you', 0);
  }

  /** The best-rated items, lightly rotated: the same few lead for everyone. */
  private trending(): IndexedItem[] {
    return noisyOrder(this.o.index.popular.slice(0, 60), (e) => e.quality, 0.3, this.o.rng).slice(
      0,
      TRENDING_SIZE,
    );
  }

  /**
   * What the shop would put "For you" knowing only what it logged: the best-rated
   * items of the shopper's most viewed recent categories plus popular ones, ordered
   * by rating plus how often the shopper viewed that category. Never the hidden taste,
   * so it keeps showing things the shopper passes over.
   */
  private forYou(): IndexedItem[] {
    const { index, rng } = this.o;
    const viewed = new Map<string, number>();
    for (const id of this.recent) {
      const mid = this.entry(id).mid;
      viewed.set(mid, (viewed.get(mid) ?? 0) + 1);
    }
    const mids = [...viewed].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    const candidates = new Map<string, IndexedItem>();
    for (const [mid] of mids)
      for (const e of bestRated(index.byMid.get(mid) ?? []).slice(0, 20)) candidates.set(e.item.id, e);
    for (const e of index.popular.slice(0, 40)) candidates.set(e.item.id, e);
    const pool = [...candidates.values()].filter((e) => !this.owned.has(e.item.id));
    return noisyOrder(pool, (e) => e.quality + 0.5 * Math.log(1 + (viewed.get(e.mid) ?? 0)), 0.25, rng).slice(
      0,
      FOR_YOU_SIZE,
    );
  }

  /** A category page: the shop lists well-rated items first, with some rotation. */
  private listing(pool: readonly IndexedItem[]): void {
    this.showList(
      noisyOrder(pool, (e) => e.quality, 0.35, this.o.rng).slice(0, CATEGORY_PAGE),
      'category',
      0,
    );
  }

  /** The catalog's complements first, then more of their categories, best-rated first. */
  private boughtTogether(entry: IndexedItem): IndexedItem[] {
    const { index, rng } = this.o;
    const complements = (entry.item.complements ?? [])
      .flatMap((c) => index.byId.get(c) ?? [])
      .filter((c) => c.item.id !== entry.item.id);
    const taken = new Set([entry.item.id, ...complements.map((c) => c.item.id)]);
    const leaves = [...new Set(complements.map((c) => c.leaf))];
    const more = leaves.flatMap((leaf) => index.byLeaf.get(leaf) ?? []).filter((e) => !taken.has(e.item.id));
    return [...complements, ...noisyOrder(more, (e) => e.quality, 0.3, rng)].slice(0, PRODUCT_SHELF_SIZE);
  }

  /** Items of `like`'s leaf category, best-rated and closest in price first. */
  private sameLeaf(like: IndexedItem, exclude: ReadonlySet<string>): IndexedItem[] {
    const pool = (this.o.index.byLeaf.get(like.leaf) ?? []).filter((e) => !exclude.has(e.item.id));
    return noisyOrder(
      pool,
      (e) => e.quality - Math.abs(e.priceRank - like.priceRank),
      0.25,
      this.o.rng,
    ).slice(0, PRODUCT_SHELF_SIZE);
  }

  private impression(shown: readonly IndexedItem[], shelf: SimShelf): void {
    this.emit({
      kind: 'impression',
      shelf,
      items: shown.map((e, position) => ({ itemId: e.item.id, position })),
    });
    this.t += 500 + Math.round(this.o.rng.exponential(3000));
  }

  private ignore(entry: IndexedItem): void {
    this.ignored.set(entry.item.id, (this.ignored.get(entry.item.id) ?? 0) + 1);
  }

  /**
   * Shows a list, lets the click rule pick from it, and opens each pick's page in
   * turn. Returns how many clicks it got. `depth` is passed to the product pages.
   */
  private showList(
    shown: readonly IndexedItem[],
    shelf: SimShelf,
    depth: number,
    attention?: number,
  ): number {
    if (shown.length === 0) return 0;
    const { rng } = this.o;
    const shownAt = this.t;
    this.impression(shown, shelf);
    const slots = shown.map((e) => ({ u: this.u(e), ignored: this.ignored.get(e.item.id) ?? 0 }));
    const picks = chooseClicks(slots, LIST_RULES[shelf], rng, attention);
    const picked = new Set(picks);
    // Fatigue is settled when the list is shown: whatever the shopper will not click now counts as passed over.
    shown.forEach((e, position) => picked.has(position) || this.ignore(e));
    let clicks = 0;
    for (const position of picks) {
      const entry = shown[position];
      if (!entry) continue;
      // Too long on other pages: the shopper does not come back to this list.
      if (this.t - shownAt > CLICK_WINDOW_MS) {
        this.ignore(entry);
        continue;
      }
      this.emit({ kind: 'click', itemId: entry.item.id, shelf, position });
      this.t += 300 + Math.round(rng.exponential(700));
      clicks++;
      this.productPage(entry, depth);
    }
    return clicks;
  }

  private productPage(entry: IndexedItem, depth: number, forComplements = false): void {
    const { rng, taste } = this.o;
    const id = entry.item.id;
    const u = this.u(entry);
    this.emit({ kind: 'view', itemId: id });
    const ms = dwellMs(u, rng);
    this.t += ms;
    this.emit({ kind: 'dwell', itemId: id, ms });
    const previous = this.recent[this.recent.length - 1];
    this.recent.push(id);
    if (this.recent.length > 30) this.recent.shift();
    if (
      !this.cart.has(id) &&
      !this.owned.has(id) &&
      entry.item.inStock &&
      rng.chance(sigmoid(1.5 * (u - 4)) * taste.buyPropensity)
    ) {
      this.t += Math.round(pauseMs(rng) / 2);
      const quantity = entry.item.price < 20 && rng.chance(0.15) ? 2 : 1;
      this.emit({ kind: 'add_to_cart', itemId: id, quantity });
      this.cart.set(id, quantity);
    }
    this.t += pauseMs(rng);
    // Chains of product pages stop after two hops.
    if (depth >= 2) return;
    // The shelves below the product are shown only when the shopper scrolls down to them.
    if (forComplements || rng.chance(0.45)) {
      // A shopper back on a purchase's page for what goes with it always reads that shelf.
      const clicks = this.showList(
        this.boughtTogether(entry),
        'bought-together',
        depth + 1,
        forComplements ? 1 : undefined,
      );
      if (clicks > 0 || forComplements) return;
    }
    const roll = rng.next();
    if (roll < 0.3) this.showList(this.sameLeaf(entry, new Set([id])), 'similar', depth + 1);
    else if (roll < 0.45 && previous !== undefined && previous !== id) {
      const before = this.entry(previous);
      if (before.leaf !== entry.leaf)
        this.showList(this.sameLeaf(before, new Set([id, previous])), 'because-viewed', depth + 1);
    }
  }

  private checkout(): void {
    const { rng, taste } = this.o;
    if (this.cart.size === 0) return;
    const buying = rng.chance(0.35 + 0.35 * taste.buyPropensity);
    for (const [id, quantity] of [...this.cart]) {
      // Second thoughts: some items leave the cart, at checkout or while it waits.
      if (rng.chance(buying ? 0.1 : 0.2)) {
        this.t += pauseMs(rng);
        this.emit({ kind: 'remove_from_cart', itemId: id, quantity });
        this.cart.delete(id);
      }
    }
    if (!buying || this.cart.size === 0) return;
    this.orders++;
    const orderId = `${this.o.id}-o${this.orders}`;
    this.t += 30_000 + Math.round(rng.exponential(60_000));
    for (const [id, quantity] of this.cart) {
      const entry = this.entry(id);
      this.emit({ kind: 'purchase', itemId: id, quantity, price: entry.item.price, orderId });
      this.owned.add(id);
      for (const need of this.needs) need.leaves.delete(entry.leaf);
      const leaves = new Set(
        (entry.item.complements ?? []).flatMap((c) => this.o.index.byId.get(c)?.leaf ?? []),
      );
      for (const have of this.ownedLeaves()) leaves.delete(have);
      if (leaves.size > 0) this.needs.push({ source: id, leaves, until: this.t + 28 * DAY });
    }
    this.cart.clear();
    this.liveNeeds();
  }

  private ownedLeaves(): Set<string> {
    return new Set([...this.owned].map((id) => this.entry(id).leaf));
  }
}
