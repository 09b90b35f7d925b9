/**
 * What a re-ranker could see in simulated logs, computed from the events alone:
 * counts per kind and shelf, click-through by shelf, position and earlier ignored
 * showings, and clicks that follow no matching impression.
 */
import type { ShopEvent } from '../../src/engine/node.ts';

/** A click counts for an impression of the same item on the same shelf at most this long before it. */
export const ATTRIBUTION_WINDOW_MS = 30 * 60_000;

export interface Rate {
  /** Item slots shown. */
  shown: number;
  /** Of those, clicked. */
  clicked: number;
}

export interface ShelfStats extends Rate {
  impressions: number;
  /** Impressions with no click on any of their items. */
  noClick: number;
}

export interface LogStats {
  shoppers: number;
  kinds: Record<string, number>;
  shelves: Record<string, ShelfStats>;
  /** By 0-based position, every shelf together. */
  positions: Rate[];
  /** By earlier showings of the item to the shopper that got no click: 0, 1, 2, 3+. */
  ignoredBefore: Rate[];
  /** The same, for the first three slots only (less mixed up with position). */
  ignoredBeforeTop3: Rate[];
  /** The same, by shelf. */
  ignoredBeforeByShelf: Record<string, Rate[]>;
  /** Item slots whose item this shopper had been shown before (on any list). */
  repeatedSlots: number;
  /** Clicks with a shelf but no impression of that item on that shelf in the window before. */
  orphanClicks: number;
}

function rate(): Rate {
  return { shown: 0, clicked: 0 };
}

function buckets(): Rate[] {
  return [rate(), rate(), rate(), rate()];
}

/**
 * Clicks are matched to the latest earlier impression of the same item on the same
 * shelf within ATTRIBUTION_WINDOW_MS; an item's ignored showings are its earlier
 * impressions that got no matched click.
 */
export function logStats(shoppers: Iterable<{ events: readonly ShopEvent[] }>): LogStats {
  const stats: LogStats = {
    shoppers: 0,
    kinds: {},
    shelves: {},
    positions: [],
    ignoredBefore: buckets(),
    ignoredBeforeTop3: buckets(),
    ignoredBeforeByShelf: {},
    repeatedSlots: 0,
    orphanClicks: 0,
  };
  for (const { events } of shoppers) {
    stats.shoppers++;
    type Impression = Extract<ShopEvent, { kind: 'impression' }> & { clicked: Set<string> };
    const impressions: Impression[] = [];
    const latest = new Map<string, Impression>();
    for (const event of events) {
      stats.kinds[event.kind] = (stats.kinds[event.kind] ?? 0) + 1;
      if (event.kind === 'impression') {
        const imp: Impression = { ...event, clicked: new Set() };
        impressions.push(imp);
        for (const { itemId } of event.items) latest.set(`${event.shelf}\u0000${itemId}`, imp);
      } else if (event.kind === 'click' && event.shelf !== undefined) {
        const imp = latest.get(`${event.shelf}\u0000${event.itemId}`);
        if (imp && event.ts - imp.ts <= ATTRIBUTION_WINDOW_MS && event.ts >= imp.ts)
          imp.clicked.add(event.itemId);
        else stats.orphanClicks++;
      }
    }
    const ignored = new Map<string, number>();
    for (const imp of impressions) {
      const shelf = (stats.shelves[imp.shelf] ??= { impressions: 0, noClick: 0, shown: 0, clicked: 0 });
      shelf.impressions++;
      if (imp.clicked.size === 0) shelf.noClick++;
      for (const { itemId, position } of imp.items) {
        const hit = imp.clicked.has(itemId) ? 1 : 0;
        const before = ignored.get(itemId);
        if (before !== undefined) stats.repeatedSlots++;
        const n = before ?? 0;
        const bucket = Math.min(3, n);
        const counted = [
          shelf,
          (stats.positions[position] ??= rate()),
          stats.ignoredBefore[bucket] as Rate,
          (stats.ignoredBeforeByShelf[imp.shelf] ??= buckets())[bucket] as Rate,
        ];
        if (position < 3) counted.push(stats.ignoredBeforeTop3[bucket] as Rate);
        for (const r of counted) {
          r.shown++;
          r.clicked += hit;
        }
        ignored.set(itemId, n + (hit ? 0 : 1));
      }
    }
  }
  return stats;
}

const pct = (r: Rate): string => (r.shown === 0 ? '-' : `${((100 * r.clicked) / r.shown).toFixed(2)}%`);

/** A plain-text summary of logStats, for the command line. */
export function formatLogStats(s: LogStats): string {
  const lines: string[] = [];
  const slots = Object.values(s.shelves).reduce((n, x) => n + x.shown, 0);
  lines.push(`shoppers ${s.shoppers}`);
  lines.push(
    `events by kind: ${Object.entries(s.kinds)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  lines.push('shelf            impressions  no-click   slots    clicks   CTR/slot');
  for (const [name, x] of Object.entries(s.shelves).sort((a, b) => b[1].impressions - a[1].impressions))
    lines.push(
      `${name.padEnd(16)} ${String(x.impressions).padStart(11)} ${`${((100 * x.noClick) / x.impressions).toFixed(1)}%`.padStart(9)} ${String(x.shown).padStart(7)} ${String(x.clicked).padStart(9)} ${pct(x).padStart(10)}`,
    );
  lines.push(
    `CTR by position: ${s.positions.map((r, p) => `${p}: ${pct(r)} (${r.clicked}/${r.shown})`).join(', ')}`,
  );
  const byIgnored = (rs: Rate[]): string =>
    rs.map((r, n) => `${n === 3 ? '3+' : n}: ${pct(r)} (${r.clicked}/${r.shown})`).join(', ');
  lines.push(`CTR by earlier ignored showings: ${byIgnored(s.ignoredBefore)}`);
  lines.push(`  first three slots only: ${byIgnored(s.ignoredBeforeTop3)}`);
  for (const [name, rs] of Object.entries(s.ignoredBeforeByShelf).sort())
    lines.push(`  ${name}: ${byIgnored(rs)}`);
  lines.push(
    `slots showing an item this shopper saw before: ${((100 * s.repeatedSlots) / Math.max(1, slots)).toFixed(1)}%`,
  );
  lines.push(`clicks without a matching impression: ${s.orphanClicks}`);
  return lines.join('\n');
}
