import { SHELF_KINDS, type Shelf, type ShelfKind } from '../../engine/index.ts';
import { fill, h, num, table } from '../dom.ts';
import type { Tab } from './types.ts';

/** Ranks at the last training run, per shelf, to show how each run moved items. */
const ranksAtLastRun = new Map<ShelfKind, Map<string, number>>();
let lastRunSeen: number | null = null;
let anchor = '';

export const recommendationsTab: Tab = {
  id: 'recommendations',
  label: 'Recommendations',
  // Ten shelves of scoring per refresh: redraw on selection, not every second.
  poll: false,
  async render(container, engine) {
    const state = engine.getSnapshot();
    const products = await engine.products().catch(() => null);
    // "p-0042 Trailhead Dome Tent": the id for debugging, the title to recognise it.
    const named = (id: string) => {
      const title = products?.get(id)?.title;
      return title ? `${id} ${title}` : id;
    };
    const recent = await engine.events.itemSequence(50);
    anchor ||= recent.at(-1)?.itemId ?? '';
    const runAt = state.training.lastRun?.startedAt ?? null;
    const shelves: Shelf[] = [];
    for (const kind of SHELF_KINDS) {
      const needsAnchor = kind === 'similar' || kind === 'bought-together';
      if (needsAnchor && !anchor) continue;
      shelves.push(
        await engine
          .recommend({
            kind,
            itemId: needsAnchor || kind === 'because-viewed' ? anchor || undefined : undefined,
            limit: 10,
          })
          .catch(() => ({ kind, anchor: null, items: [] })),
      );
    }
    const newRun = runAt !== lastRunSeen;
    const sections = shelves.map((shelf, i) => {
      const kind = SHELF_KINDS.filter((k) => !((k === 'similar' || k === 'bought-together') && !anchor))[i]!;
      const before = ranksAtLastRun.get(kind);
      const rows = shelf.items.map((item, rank) => {
        const previous = before?.get(item.itemId);
        const change =
          previous === undefined
            ? before
              ? 'new'
              : '–'
            : previous === rank
              ? '='
              : previous > rank
                ? `↑${previous - rank}`
                : `↓${rank - previous}`;
        return [
          String(rank + 1),
          named(item.itemId),
          num(item.score),
          change,
          item.explanation,
          item.reasons.map((r) => r.type).join(', '),
        ];
      });
      if (newRun || !before)
        ranksAtLastRun.set(kind, new Map(shelf.items.map((item, rank) => [item.itemId, rank])));
      return h(
        'section',
        { 'data-shelf': kind },
        h('h3', {}, `${kind}${shelf.anchor ? ` (anchor ${named(shelf.anchor)})` : ''}`),
        table(
          ['#', 'Item', 'Score', 'Since last run', 'Explanation', 'Signals'],
          rows,
          `${kind} recommendations`,
        ),
      );
    });
    lastRunSeen = runAt;
    const anchorInput = h('input', {
      value: anchor,
      'aria-label': 'Anchor item id',
      onchange: (ev: Event) => (
        (anchor = (ev.target as HTMLInputElement).value.trim()),
        void recommendationsTab.render(container, engine)
      ),
    });
    fill(
      container,
      h(
        'div',
        { class: 'toolbar' },
        h('label', {}, 'Anchor item ', anchorInput),
        anchor && products?.get(anchor)
          ? h('span', { class: 'muted' }, ` ${products.get(anchor)!.title}`)
          : '',
      ),
      ...sections,
    );
  },
};
