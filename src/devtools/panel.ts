import type { LocalShelf } from '../engine/index.ts';
import { h } from './dom.ts';
import { registerEngine } from './hook.ts';
import { PANEL_CSS } from './styles.ts';
import { controlsTab } from './tabs/controls.ts';
import { eventsTab } from './tabs/events.ts';
import { modelTab } from './tabs/model.ts';
import { overviewTab } from './tabs/overview.ts';
import { recommendationsTab } from './tabs/recommendations.ts';
import { trainingTab } from './tabs/training.ts';
import type { Tab } from './tabs/types.ts';

const TABS: Tab[] = [overviewTab, eventsTab, trainingTab, modelTab, recommendationsTab, controlsTab];

export interface DevtoolsOptions {
  /** Tab shown first. Default: "overview". */
  initialTab?: string;
  /** How often the open tab refreshes (memory, storage), in ms. Default: 1000. */
  refreshMs?: number;
  /** Called when the panel's close button is pressed. Default: unmount. */
  onClose?: () => void;
}

/**
 * The LocalShelf devtools: a framework-free panel that mounts into any element,
 * inside its own shadow root. `mount(el)` / `unmount()`.
 */
export class LocalShelfDevtools {
  private host: HTMLElement | null = null;
  private active: Tab;
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private rendering = false;
  private pending = false;

  constructor(
    private readonly engine: LocalShelf,
    private readonly options: DevtoolsOptions = {},
  ) {
    this.active = TABS.find((t) => t.id === options.initialTab) ?? TABS[0]!;
    registerEngine(engine);
  }

  mount(el: HTMLElement): void {
    if (this.host) this.unmount();
    const host = h('div', { class: 'localshelf-devtools', 'data-testid': 'localshelf-devtools' });
    const root = host.attachShadow({ mode: 'open' });
    const style = h('style', {}, PANEL_CSS);
    const panelBody = h('div', { role: 'tabpanel', id: 'panel', tabindex: 0 });
    const tabs = TABS.map((tab) =>
      h(
        'button',
        {
          role: 'tab',
          type: 'button',
          id: `tab-${tab.id}`,
          'aria-controls': 'panel',
          'aria-selected': String(tab === this.active),
          onclick: () => this.select(tab, tabs, panelBody),
        },
        tab.label,
      ),
    );
    const close = h(
      'button',
      {
        type: 'button',
        'aria-label': 'Close devtools',
        onclick: () => (this.options.onClose ? this.options.onClose() : this.unmount()),
      },
      '×',
    );
    root.append(
      style,
      h(
        'section',
        { class: 'panel', 'aria-label': 'LocalShelf devtools' },
        h('header', {}, h('h2', {}, 'LocalShelf devtools'), close),
        h('div', { role: 'tablist', 'aria-label': 'Devtools tabs' }, ...tabs),
        panelBody,
      ),
    );
    el.append(host);
    this.host = host;
    this.refresh(panelBody);
    this.timer = setInterval(() => {
      if (this.active.poll !== false) this.refresh(panelBody);
    }, this.options.refreshMs ?? 1000);
    // Live tabs (training curve, events) redraw on every engine transition, at most once per frame.
    this.unsubscribe = this.engine.onAction(() => {
      if (this.active.live) requestAnimationFrame(() => this.refresh(panelBody));
    });
  }

  private select(tab: Tab, buttons: HTMLButtonElement[], body: HTMLElement): void {
    this.active = tab;
    buttons.forEach((b) => b.setAttribute('aria-selected', String(b.id === `tab-${tab.id}`)));
    this.refresh(body);
  }

  /** Renders the active tab; overlapping refreshes collapse into one. */
  private refresh(body: HTMLElement): void {
    if (this.rendering) {
      this.pending = true;
      return;
    }
    this.rendering = true;
    body.dataset.tab = this.active.id;
    Promise.resolve(this.active.render(body, this.engine))
      .catch((e: unknown) => body.replaceChildren(`Could not render: ${(e as Error).message}`))
      .finally(() => {
        this.rendering = false;
        if (this.pending) {
          this.pending = false;
          this.refresh(body);
        }
      });
  }

  unmount(): void {
    if (this.timer) clearInterval(this.timer);
    this.unsubscribe?.();
    this.host?.remove();
    this.host = null;
    this.timer = null;
    this.unsubscribe = null;
  }
}
