import { EVENT_KINDS, type LocalShelf, type ShopEvent } from '../../engine/index.ts';
import { fill, h, table } from '../dom.ts';
import type { Tab } from './types.ts';

let kindFilter = '';
let sessionFilter = '';

function detail(e: ShopEvent): string {
  if (e.kind === 'search') return JSON.stringify(e.query);
  if (e.kind === 'impression') return `${e.shelf}: ${e.items.map((i) => i.itemId).join(', ')}`;
  if (e.kind === 'dwell') return `${e.itemId} ${e.ms} ms`;
  if (e.kind === 'click') return `${e.itemId}${e.shelf ? ` from ${e.shelf}#${e.position ?? '?'}` : ''}`;
  return e.itemId;
}

async function exportEvents(engine: LocalShelf): Promise<void> {
  const data = await engine.events.exportAll();
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  h('a', { href: url, download: 'localshelf-events.json' }).click();
  URL.revokeObjectURL(url);
}

export const eventsTab: Tab = {
  id: 'events',
  label: 'Events',
  live: true,
  async render(container, engine) {
    const events = await engine.events.latest(500);
    const sessions = [...new Set(events.map((e) => e.sessionId))];
    const shown = events.filter(
      (e) => (!kindFilter || e.kind === kindFilter) && (!sessionFilter || e.sessionId === sessionFilter),
    );
    const kindSelect = h(
      'select',
      {
        'aria-label': 'Filter by kind',
        onchange: (ev: Event) => (
          (kindFilter = (ev.target as HTMLSelectElement).value),
          void eventsTab.render(container, engine)
        ),
      },
      h('option', { value: '' }, 'all kinds'),
      ...EVENT_KINDS.map((k) => h('option', { value: k, selected: k === kindFilter }, k)),
    );
    const sessionSelect = h(
      'select',
      {
        'aria-label': 'Filter by session',
        onchange: (ev: Event) => (
          (sessionFilter = (ev.target as HTMLSelectElement).value),
          void eventsTab.render(container, engine)
        ),
      },
      h('option', { value: '' }, 'all sessions'),
      ...sessions.map((s) => h('option', { value: s, selected: s === sessionFilter }, s.slice(0, 12))),
    );
    const exportButton = h(
      'button',
      {
        type: 'button',
        // A click handler's promise goes nowhere, so a failed export says so on the button.
        onclick: () => {
          void exportEvents(engine).catch((error: unknown) => {
            exportButton.textContent = `Export failed: ${(error as Error).message}`;
          });
        },
      },
      'Export',
    );
    fill(
      container,
      h(
        'div',
        { class: 'toolbar' },
        kindSelect,
        sessionSelect,
        exportButton,
        h('span', { 'data-testid': 'event-count' }, `${shown.length} of ${events.length} newest events`),
      ),
      table(
        ['Time', 'Kind', 'Detail', 'Session'],
        shown
          .slice(0, 200)
          .map((e) => [new Date(e.ts).toLocaleTimeString(), e.kind, detail(e), e.sessionId.slice(0, 10)]),
        'Stored events',
      ),
    );
  },
};
