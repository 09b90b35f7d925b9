import { SHELF_KINDS, type ShelfKind } from '../engine/index.ts';
import { pageItem } from './autotrack.ts';
import { clickEvent, type LocalShelfClickDetail } from './click-event.ts';
import { explain, fill, say, type Locale } from './locale.ts';
import type { WidgetMessageKey } from './locales/en.ts';
import { renderCard, renderShelf, renderStatus } from './render.ts';
import type { Runtime, WidgetShelf } from './runtime.ts';
import { currentRuntime, onRuntimeReplaced, startRuntime } from './shared.ts';
import { widgetStyles } from './styles.ts';

/**
 * The heading: the `heading` attribute or the locale's, either naming the shelf's product
 * as `{title}` ("Because you viewed {title}").
 */
function headingOf(template: string | null, shelf: WidgetShelf, locale: Locale): string {
  const title = shelf.anchorProduct?.title ?? say(locale, 'heading.this-product');
  return template === null ? say(locale, `heading.${shelf.kind}`, { title }) : fill(template, { title });
}

/** Shelves that only make sense next to a product. */
const ANCHORED: ReadonlySet<ShelfKind> = new Set(['similar', 'bought-together']);
const DEFAULT_LIMIT = 4;
const MAX_LIMIT = 50;

/** Lets the host's own scripts run first: an `init()` after the bundle's <script> still wins. */
function pageSettled(): Promise<void> {
  const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (document.readyState !== 'loading') return tick();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => void tick().then(resolve), { once: true }),
  );
}

/**
 * `<local-shelf kind="for-you" item="sku-1" limit="4" heading="…">`: a shelf of
 * recommendations from the page's shared engine. Its `status` attribute says where it
 * stands: loading, ready, empty or error (empty and error render nothing).
 */
export class LocalShelfElement extends HTMLElement {
  static readonly observedAttributes = ['kind', 'item', 'limit', 'heading', 'product-href'];

  private readonly root: ShadowRoot;
  private runtime: Runtime | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopFollowing: (() => void) | null = null;
  /** Why the shelf is in its status, in the page's language (loading, empty or failed); null when ready. */
  statusMessage: string | null = null;
  private impressions: IntersectionObserver | null = null;
  private renderToken = 0;
  private refreshQueued = false;
  /** What is on screen (products, heading, link template), to skip identical re-renders. */
  private renderedKey: string | null = null;
  /** The products this shelf shows now: the shelves below it on the page leave them out. */
  private shown: readonly string[] = [];
  /** The load in progress, which the shelves below wait for (a page fills top-down). */
  private loading: Promise<void> | null = null;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [widgetStyles()];
  }

  connectedCallback(): void {
    if (!this.hasAttribute('status')) this.setAttribute('status', 'loading');
    // Consent given or withdrawn restarts the page's engine: follow it to the new one.
    this.stopFollowing ??= onRuntimeReplaced((runtime) => void this.attach(runtime));
    void this.start();
  }

  disconnectedCallback(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.impressions?.disconnect();
    this.runtime = null;
  }

  attributeChangedCallback(_name: string, previous: string | null, next: string | null): void {
    if (previous !== next && this.runtime) this.refresh();
  }

  /** The shelf kind; an unknown value is reported and shows nothing. */
  get kind(): ShelfKind | null {
    const value = this.getAttribute('kind') ?? 'for-you';
    return (SHELF_KINDS as readonly string[]).includes(value) ? (value as ShelfKind) : null;
  }

  /** Sets the `kind` attribute (frameworks such as React 19 set a property when the element has one). */
  set kind(value: string) {
    this.setAttribute('kind', value);
  }

  /** A method, not a getter: React 19 would assign a `limit` prop to a property of that name. */
  private requestedLimit(): number {
    const raw = this.getAttribute('limit');
    const value = raw === null ? DEFAULT_LIMIT : Number(raw);
    if (Number.isInteger(value) && value >= 1 && value <= MAX_LIMIT) return value;
    console.error(
      `LocalShelf: <local-shelf limit="${raw}"> is not an integer from 1 to ${MAX_LIMIT}; showing ${DEFAULT_LIMIT}`,
    );
    return DEFAULT_LIMIT;
  }

  private async start(): Promise<void> {
    await pageSettled();
    if (!this.isConnected || this.runtime) return;
    let runtime = currentRuntime();
    const catalog = this.getAttribute('catalog');
    const model = this.getAttribute('model');
    try {
      // Attributes configure the page's engine when no script did; later widgets must agree with it.
      if (!runtime || catalog !== null || model !== null)
        runtime = startRuntime({
          catalog: catalog ?? runtime?.options.catalogUrl,
          model: model ?? runtime?.options.modelUrl,
        });
    } catch (error) {
      const hint = runtime
        ? ''
        : ' (set the catalog and model attributes, or call LocalShelf.init({catalog, model}))';
      const reason = (error as Error).message.replace(/^LocalShelf: /, '');
      this.fail(`<local-shelf> cannot start: ${reason}${hint}`);
      return;
    }
    await this.attach(runtime);
  }

  /** Shows this shelf from `runtime` from now on. */
  private async attach(runtime: Runtime): Promise<void> {
    if (!this.isConnected || this.runtime === runtime) return;
    this.unsubscribe?.();
    this.runtime = runtime;
    this.unsubscribe = runtime.onChange(() => this.refresh());
    if (this.getAttribute('status') !== 'ready') this.showLoading(runtime.options.locale);
    try {
      await runtime.ready;
    } catch {
      // The runtime has logged why, once for every widget on the page.
      if (this.runtime === runtime) this.clear('error', runtime.options.locale);
      return;
    }
    if (this.runtime === runtime) this.refresh();
  }

  /** A status line for screen readers while the first shelf loads; it takes no space on screen. */
  private showLoading(locale: Locale): void {
    this.statusMessage = say(locale, 'status.loading');
    this.root.replaceChildren(renderStatus(this.statusMessage, locale.tag));
  }

  /** Re-asks the engine for this shelf (coalesced: one request per tick). */
  refresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      void this.load();
    });
  }

  /** Loads this shelf after the shelves above it, then has the ones below follow if it changed. */
  private load(): Promise<void> {
    const done = this.loadBelow(this.shelvesAbove()).finally(() => {
      if (this.loading === done) this.loading = null;
    });
    this.loading = done;
    return done;
  }

  /**
   * The connected shelves of this runtime, in document order, split around this one: no
   * product shows on two shelves of one page (the engine leaves out what the ones above show).
   */
  private shelvesAround(): { above: LocalShelfElement[]; below: LocalShelfElement[] } {
    const all = [...document.querySelectorAll('local-shelf')].filter(
      (e): e is LocalShelfElement => e instanceof LocalShelfElement && e.runtime === this.runtime,
    );
    const at = all.indexOf(this);
    return at < 0 ? { above: [], below: [] } : { above: all.slice(0, at), below: all.slice(at + 1) };
  }

  private shelvesAbove(): LocalShelfElement[] {
    return this.shelvesAround().above;
  }

  private async loadBelow(above: readonly LocalShelfElement[]): Promise<void> {
    const before = this.shown.join();
    await Promise.all(above.map((e) => e.loading?.catch(() => {})));
    await this.loadShelf(above.flatMap((e) => e.shown));
    // What this shelf shows changed: the shelves below choose again without it.
    if (this.shown.join() !== before) for (const e of this.shelvesAround().below) e.refresh();
  }

  private async loadShelf(exclude: readonly string[]): Promise<void> {
    const runtime = this.runtime;
    if (!runtime || runtime.failure) return;
    const kind = this.kind;
    if (!kind) {
      this.fail(
        `<local-shelf kind="${this.getAttribute('kind')}"> is unknown; expected one of ${SHELF_KINDS.join(', ')}`,
      );
      return;
    }
    const token = ++this.renderToken;
    const itemId = this.getAttribute('item')?.trim() || pageItem() || undefined;
    // No product on this page yet (say, the home page of a single-page site): nothing to anchor to.
    if (!itemId && ANCHORED.has(kind)) {
      this.clear('empty', runtime.options.locale, 'status.empty.no-product');
      return;
    }
    try {
      const shelf = await runtime.recommend({
        kind,
        itemId,
        limit: this.requestedLimit(),
        ...(exclude.length ? { exclude: [...exclude] } : {}),
      });
      if (token === this.renderToken) this.render(shelf, runtime);
    } catch (error) {
      if (token === this.renderToken)
        this.fail(`<local-shelf kind="${kind}"> could not load: ${(error as Error).message}`);
    }
  }

  private fail(message: string): void {
    console.error(`LocalShelf: ${message}`);
    this.clear('error', this.runtime?.options.locale ?? null);
  }

  /** Renders nothing (the shelf takes no space) and says why in `statusMessage`. */
  private clear(
    status: 'empty' | 'error',
    locale: Locale | null,
    why: WidgetMessageKey = status === 'error' ? 'status.error' : 'status.empty.nothing',
  ): void {
    this.impressions?.disconnect();
    this.renderedKey = null;
    this.shown = [];
    this.root.replaceChildren();
    this.statusMessage = locale ? say(locale, why) : null;
    this.setAttribute('status', status);
  }

  private render(shelf: WidgetShelf, runtime: Runtime): void {
    const locale = runtime.options.locale;
    if (shelf.items.length === 0) {
      this.clear('empty', locale);
      // The engine says why in English ("…already yours or out of stock"): more than a page in English needs.
      if (
        shelf.empty &&
        (locale.tag === null || locale.tag === 'en') &&
        !locale.table['status.empty.nothing']
      )
        this.statusMessage = shelf.empty;
      return;
    }
    const heading = headingOf(this.getAttribute('heading'), shelf, locale);
    const hrefTemplate = this.getAttribute('product-href');
    const explanations = shelf.items.map((rec) => explain(locale, rec.message, rec.explanation));
    const key = JSON.stringify([shelf.items.map((r) => r.itemId), heading, hrefTemplate, explanations]);
    // The same shelf again (say, after a view elsewhere on the page): keep the DOM and the impression.
    if (key === this.renderedKey && this.getAttribute('status') === 'ready') return;
    this.renderedKey = key;
    const { section, list } = renderShelf(heading, locale.tag);
    shelf.items.forEach((rec, position) => {
      const explanation = explanations[position]!;
      const { item, target } = renderCard(rec, explanation, {
        catalogUrl: runtime.options.catalogUrl,
        hrefTemplate,
        locale: locale.tag,
      });
      target.addEventListener('click', (event) =>
        this.picked(event, runtime, {
          itemId: rec.itemId,
          product: rec.product,
          shelf: shelf.kind,
          position,
          explanation,
        }),
      );
      list.append(item);
    });
    this.root.replaceChildren(section);
    this.shown = shelf.items.map((r) => r.itemId);
    this.statusMessage = null;
    this.setAttribute('status', 'ready');
    this.watchImpression(list, shelf, runtime);
  }

  /** An impression is recorded once the shelf is half on screen: the re-ranker learns from what was seen. */
  private watchImpression(list: HTMLElement, shelf: WidgetShelf, runtime: Runtime): void {
    this.impressions?.disconnect();
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        void runtime
          .track({
            kind: 'impression',
            shelf: shelf.kind,
            items: shelf.items.map((r, position) => ({ itemId: r.itemId, position })),
          })
          .catch((error: unknown) =>
            console.error(`LocalShelf: could not track an impression: ${(error as Error).message}`),
          );
      },
      { threshold: 0.5 },
    );
    observer.observe(list);
    this.impressions = observer;
  }

  private picked(event: MouseEvent, runtime: Runtime, detail: LocalShelfClickDetail): void {
    void runtime
      .track({ kind: 'click', itemId: detail.itemId, shelf: detail.shelf, position: detail.position })
      .catch((error: unknown) =>
        console.error(`LocalShelf: could not track a click: ${(error as Error).message}`),
      );
    const routed = !this.dispatchEvent(clickEvent(detail));
    // The host handled navigation itself: do not also follow the product-href link.
    if (routed) event.preventDefault();
  }
}

/** Registers `<local-shelf>` once, even when two copies of the bundle load. */
export function defineElement(): void {
  if (!customElements.get('local-shelf')) customElements.define('local-shelf', LocalShelfElement);
}
