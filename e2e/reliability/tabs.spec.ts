import type { EventStore } from '../../src/engine/index.ts';
import { openHarness, uniqueDbName } from '../support/harness.ts';
import { expect, test } from './support/report.ts';

/** Three tabs of one shop, all tracking at the same moment into one database. */
const TABS = 3;
const PER_TAB = 120;
const KINDS = ['view', 'click', 'add_to_cart'] as const;

test('three tabs tracking at once: nothing lost, nothing doubled, counts exact in every tab', async ({
  context,
  row,
}, info) => {
  row.fault(
    'T1',
    `${TABS} tabs open, each tracking ${PER_TAB} events at the same time into one database`,
    `Exactly ${TABS * PER_TAB} events stored, ids unique, per-kind counts exact, every tab sees the same total`,
  );
  const dbName = uniqueDbName(info.title);
  const pages = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
  await Promise.all(pages.map((p) => openHarness(p)));
  // Open every store first, then start all writers together.
  await Promise.all(
    pages.map((p) =>
      p.evaluate(async (dbName) => {
        (window as unknown as { store: unknown }).store = await window.engine.EventStore.open({ dbName });
      }, dbName),
    ),
  );
  const started = Date.now();
  const returned = await Promise.all(
    pages.map((p, tab) =>
      p.evaluate(
        async ({ tab, perTab, kinds }) => {
          const store = (window as unknown as { store: EventStore }).store;
          const ids: string[] = [];
          for (let i = 0; i < perTab; i++) {
            const kind = kinds[i % kinds.length] as 'view';
            const event = await store.track({ kind, itemId: `tab${tab}-item${i}` });
            if (event) ids.push(event.id);
          }
          return ids;
        },
        { tab, perTab: PER_TAB, kinds: [...KINDS] },
      ),
    ),
  );
  const writeMs = Date.now() - started;
  const seen = await Promise.all(
    pages.map((p) =>
      p.evaluate(async () => {
        const store = (window as unknown as { store: EventStore }).store;
        const all = await store.all();
        return {
          count: await store.count(),
          ids: all.map((e) => e.id),
          items: all.map((e) => ('itemId' in e ? e.itemId : '')),
          counts: await store.countsByKind(),
        };
      }),
    ),
  );
  const total = TABS * PER_TAB;
  const returnedIds = returned.flat();
  expect(returnedIds).toHaveLength(total);
  for (const view of seen) {
    expect(view.count).toBe(total);
    expect(new Set(view.ids).size).toBe(total);
    expect(new Set(view.ids)).toEqual(new Set(returnedIds));
    expect(view.counts).toMatchObject({ view: total / 3, click: total / 3, add_to_cart: total / 3 });
    for (let tab = 0; tab < TABS; tab++)
      for (let i = 0; i < PER_TAB; i++) expect(view.items).toContain(`tab${tab}-item${i}`);
  }
  row.observe(`${seen[0]!.count} of ${total} stored, ${new Set(seen[0]!.ids).size} unique ids`);
  const counts = Object.entries(seen[0]!.counts).filter(([, n]) => n > 0);
  row.observe(`counts ${counts.map(([k, n]) => `${k} ${n}`).join(', ')}, identical in all ${TABS} tabs`);
  row.observe(`${total} concurrent writes took ${(writeMs / 1000).toFixed(1)} s`);
});
