import {
  LocalShelf as Engine,
  Listeners,
  type CatalogItem,
  type Message,
  type ModelInfo,
  type RankedItem,
  type RerankRequest,
  type Shelf,
  type ShelfRequest,
  type ShopEvent,
  type TrackInput,
} from '../engine/index.ts';
import { mayStore } from './consent.ts';
import type { ResolvedOptions } from './options.ts';

/** A recommendation with its catalog entry, so a shelf can be rendered without another lookup. */
export interface WidgetRecommendation {
  itemId: string;
  score: number;
  /** Why it was recommended, in English (the widget says it in the page's language from `message`). */
  explanation: string;
  message: Message;
  product: CatalogItem | null;
}
export interface WidgetShelf extends Omit<Shelf, 'items'> {
  /** The catalog entry of the shelf's anchor product, if it has one. */
  anchorProduct: CatalogItem | null;
  items: WidgetRecommendation[];
}

/** An item of a re-ranked site list, with its catalog entry. */
export interface WidgetRankedItem extends RankedItem {
  product: CatalogItem | null;
}

/**
 * The one engine (and so the one worker) that every `<local-shelf>` on the page shares,
 * with the catalog the widgets render from. Widgets ask it for shelves and listen for
 * `changed` (a new product view, or new personal weights) to refresh.
 */
export class Runtime {
  readonly engine: Promise<Engine>;
  /** Whether this page's engine stores in IndexedDB; false until the visitor consents, where the site asks first. */
  readonly storing: Promise<boolean>;
  /** The engine's copy of the catalog (fetched once per page, shared with the worker). */
  get products(): Promise<ReadonlyMap<string, CatalogItem>> {
    return this.engine
      .then((engine) => engine.products())
      .then((products) => products ?? new Map<string, CatalogItem>());
  }
  /** Resolves when the model and catalog are loaded; rejects (already logged) when either fails. */
  readonly ready: Promise<void>;
  failure: string | null = null;
  private readonly listeners = new Listeners();
  private closed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(readonly options: ResolvedOptions) {
    this.storing = mayStore(options);
    this.engine = this.storing.then((storing) =>
      Engine.create({
        modelUrl: options.modelUrl,
        ...(options.rerankerUrl ? { rerankerUrl: options.rerankerUrl } : {}),
        catalogUrl: options.catalogUrl,
        dbName: options.dbName,
        backends: options.backends,
        allowSoftwareWebgl: options.allowSoftwareWebgl,
        allowSoftwareWebgpu: options.allowSoftwareWebgpu,
        wasmThreads: options.wasmThreads,
        autoTrain: options.autoTrain,
        // Memory only: no database is created, by the page or the worker, until consent.
        ...(storing ? {} : { store: { memoryOnly: true } }),
      }),
    );
    this.ready = Promise.all([this.engine.then((engine) => engine.ready), this.products]).then(() => {
      void this.engine.then((engine) => this.watchModel(engine));
    });
    this.ready.catch((error: unknown) => {
      this.failure = (error as Error).message;
      console.error(
        `LocalShelf could not start (catalog ${options.catalogUrl}, model ${options.modelUrl}): ${this.failure.replace(/\.+$/, '')}. ` +
          'The <local-shelf> widgets on this page stay empty.',
      );
    });
  }

  /** New personal weights change every shelf: tell the widgets. */
  private watchModel(engine: Engine): void {
    let model: ModelInfo | null = engine.getSnapshot().model;
    engine.subscribe(() => {
      const next = engine.getSnapshot().model;
      if (next !== model) {
        model = next;
        this.notify();
      }
    });
  }

  onChange(listener: () => void): () => void {
    return this.listeners.subscribe(listener);
  }

  notify(): void {
    if (!this.closed) this.listeners.emit();
  }

  async track(input: TrackInput): Promise<ShopEvent | null> {
    return (await this.engine).track(input);
  }

  async recommend(request: ShelfRequest): Promise<WidgetShelf> {
    await this.ready;
    const [engine, products] = await Promise.all([this.engine, this.products]);
    const shelf = await engine.recommend(request);
    return {
      ...shelf,
      anchorProduct: shelf.anchor === null ? null : (products.get(shelf.anchor) ?? null),
      items: shelf.items.map((r) => ({
        itemId: r.itemId,
        score: r.score,
        explanation: r.explanation,
        message: r.message,
        product: products.get(r.itemId) ?? null,
      })),
    };
  }

  async rerank(itemIds: string[], request: RerankRequest): Promise<WidgetRankedItem[]> {
    await this.ready;
    const [engine, products] = await Promise.all([this.engine, this.products]);
    const ranked = await engine.rerank(itemIds, request);
    return ranked.map((r) => ({ ...r, product: products.get(r.itemId) ?? null }));
  }

  /** Runs `cleanup` on close (e.g. stops auto-tracking). */
  onClose(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  close(): void {
    this.closed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
    void this.engine
      .then(
        (engine) => engine.close(),
        // An engine that never started has nothing to close; its start failure was reported then.
        () => undefined,
      )
      .catch((error: unknown) =>
        console.error(`LocalShelf could not close its engine: ${(error as Error).message}`),
      );
  }
}
