/**
 * One simulated shopper over several weeks: sessions that browse, search, click
 * shelves, read product pages, fill and abandon carts, buy, come back for what
 * goes with a purchase, and slowly change their interests.
 */
import type { ShopEvent } from '../../src/engine/index.ts';
import type { Rng } from '../catalog/prng.ts';
import { chooseClicks, dwellMs, pauseMs, sigmoid, utility, weightedSample } from './behaviour.ts';
import type { CatalogIndex, IndexedItem } from './catalog-index.ts';
import { driftTaste, type Taste } from './tastes.ts';

type Body = ShopEvent extends infer E ? (E extends ShopEvent ? Omit<E, 'id' | 'ts' | 'sessionId'> : never) : never;

const DAY = 86_400_000;
const SHELF_SIZE = 12;

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
    this.events.push({ id: `${this.o.id}-${this.events.length + 1}`, ts: this.t, sessionId: this.sessionId, ...body } as ShopEvent);
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
    else if (roll < taste.searchPropensity + 0.2) this.homeShelf(pool);
    else this.listing(pool, 'category');
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
      if (rng.chance(0.6)) this.listing(pool, 'category');
    } else if (roll < 0.7) this.search(pool, true);
    else this.listing(pool, 'category');
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
    const results = index.search(query);
    this.emit({ kind: 'search', query, resultCount: results.length });
    this.t += pauseMs(rng);
    if (results.length === 0) return this.listing(pool, 'category');
    this.shelf(results.slice(0, SHELF_SIZE), 'search', 1 + Number(rng.chance(0.5)) + Number(rng.chance(0.25)));
  }

  private homeShelf(pool: readonly IndexedItem[]): void {
    const { rng, index } = this.o;
    const shown = weightedSample(index.popular, (e) => Math.exp(2 * e.quality), 8, rng);
    const best = Math.max(...shown.map((e) => this.u(e)));
    // The home page rarely fits; without a good match the shopper heads to a category.
    if (rng.chance(sigmoid(best - 2))) this.shelf(shown, 'home', 1);
    else {
      this.impression(shown, 'home');
      this.listing(pool, 'category');
    }
  }

  private listing(pool: readonly IndexedItem[], shelf: string): void {
    const { rng } = this.o;
    // The shop's listing favours well-rated items, with some rotation.
    const shown = weightedSample(pool, (e) => Math.exp(1.2 * e.quality), SHELF_SIZE, rng);
    this.shelf(shown, shelf, 1 + Number(rng.chance(0.6)) + Number(rng.chance(0.35)) + Number(rng.chance(0.15)));
  }

  private impression(shown: readonly IndexedItem[], shelf: string): void {
    this.emit({ kind: 'impression', shelf, items: shown.map((e, position) => ({ itemId: e.item.id, position })) });
    this.t += 500 + Math.round(this.o.rng.exponential(3000));
  }

  private shelf(shown: readonly IndexedItem[], shelf: string, clicks: number): void {
    if (shown.length === 0) return;
    this.impression(shown, shelf);
    const picks = chooseClicks(shown.map((e) => this.u(e)), clicks, this.o.rng);
    for (const position of picks) {
      const entry = shown[position];
      if (!entry) continue;
      this.emit({ kind: 'click', itemId: entry.item.id, shelf, position });
      this.t += 300 + Math.round(this.o.rng.exponential(700));
      this.productPage(entry, 0);
    }
  }

  private productPage(entry: IndexedItem, depth: number, forceComplements = false): void {
    const { rng, taste } = this.o;
    const id = entry.item.id;
    const u = this.u(entry);
    this.emit({ kind: 'view', itemId: id });
    const ms = dwellMs(u, rng);
    this.t += ms;
    this.emit({ kind: 'dwell', itemId: id, ms });
    this.recent.push(id);
    if (this.recent.length > 30) this.recent.shift();
    if (!this.cart.has(id) && !this.owned.has(id) && entry.item.inStock && rng.chance(sigmoid(1.5 * (u - 4)) * taste.buyPropensity)) {
      this.t += Math.round(pauseMs(rng) / 2);
      const quantity = entry.item.price < 20 && rng.chance(0.15) ? 2 : 1;
      this.emit({ kind: 'add_to_cart', itemId: id, quantity });
      this.cart.set(id, quantity);
    }
    this.t += pauseMs(rng);
    const complements = (entry.item.complements ?? []).filter((c) => this.o.index.byId.has(c)).map((c) => this.entry(c));
    if (complements.length > 0 && depth < 2 && (forceComplements || rng.chance(0.45))) {
      const best = Math.max(...complements.map((c) => this.u(c)));
      const clicks = forceComplements || rng.chance(sigmoid(best - 1.5)) ? 1 : 0;
      if (clicks === 0) return this.impression(complements, 'goes-with');
      this.impression(complements, 'goes-with');
      const [position] = chooseClicks(complements.map((c) => this.u(c)), 1, rng);
      const next = position === undefined ? undefined : complements[position];
      if (next === undefined || position === undefined) return;
      this.emit({ kind: 'click', itemId: next.item.id, shelf: 'goes-with', position });
      this.t += 300 + Math.round(rng.exponential(700));
      this.productPage(next, depth + 1);
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
      const leaves = new Set((entry.item.complements ?? []).flatMap((c) => this.o.index.byId.get(c)?.leaf ?? []));
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
