import { ShopperContextCache } from './context.ts';
import type { BackendName } from './env.ts';
import { isItemEvent, type ShopEvent, type TrackInput } from './events/schema.ts';
import { EventStore, type EventStoreOptions } from './events/store.ts';
import type { Catalog, CatalogItem } from './catalog/schema.ts';
import { someIds } from './model/coverage.ts';
import { pageCatalog, pageModelCard, type CachedAsset } from './load/page-assets.ts';
import type { ModelMeta } from './model/model-card.ts';
import { PopularitySpace } from './ranking/popularity-space.ts';
import {
  ShelfBuilder,
  type ItemScore,
  type RankedItem,
  type RerankRequest,
  type Shelf,
  type ShelfRequest,
} from './ranking/shelves.ts';
import { deliveredUntil, Listeners } from './listeners.ts';
import { INITIAL_STATE, reduce, type EngineAction, type EngineState } from './state.ts';
import type { TrainingLog, TrainingOutcome, TrainingRun } from './training/run.ts';
import { untilDone } from './until-done.ts';
import { WorkerClient } from './worker/client.ts';
import type { BackendInfo } from './worker/backend.ts';
import { CONTEXT_NOT_HELD, ContextSender } from './worker/context-messages.ts';
import type { ContextPayload, ModelInfo, ModelSummary, WorkerCalls } from './worker/protocol.ts';

/** Popularity-only shelves from the card alone (trending before the worker is up); null without popularity. */
function earlyShelvesFrom(card: ModelMeta, catalog: Catalog | null): ShelfBuilder | null {
  if (!card.popularity) return null;
  const space = new PopularitySpace(card.vocabulary, card.popularity);
  return new ShelfBuilder(space, catalog ? new Map(catalog.items.map((item) => [item.id, item])) : null);
}

/** What a failed background refresh means: this page goes on with its cached copy, a new visitor cannot start. */
function refreshFailed(what: string, error: unknown): string {
  return (
    `could not refresh the ${what} from the server (${(error as Error).message}); this page uses the copy cached on an earlier visit, ` +
    `but visitors without one cannot start until the ${what} on the server is fixed`
  );
}

/** The `meta` key of the trigger counters: item events and impressions since the last training run. */
export const TRAIN_COUNTERS_KEY = 'train-counters';

interface TrainCounters {
  newEvents: number;
  newImpressions: number;
}

export interface AutoTrainOptions {
  /** Item events since the last run (counted across page loads) that make a new run worthwhile. Default: 8. */
  minNewEvents?: number;
  /** Quiet time after the last event before training starts, in ms. Default: 4000. */
  debounceMs?: number;
}

export interface LocalShelfOptions {
  /** URL prefix of the pretrained model (model.json + meta.json). Required. */
  modelUrl: string;
  /** URL prefix of the re-ranker (model.json + card.json). Default: `<modelUrl>reranker/`; without one, lists are not re-ranked. */
  rerankerUrl?: string;
  /** Catalog URL: shelves then skip out-of-stock items and explain with titles. Fetched once per page and cached across page loads. Default: none. */
  catalogUrl?: string;
  /** The catalog itself, already parsed (validated like a fetched one), instead of `catalogUrl`. Default: none. */
  catalog?: Catalog;
  /** IndexedDB database name. Default: "localshelf". */
  dbName?: string;
  /** Compute backends to try, in order. Default: webgpu, webgl, wasm, cpu. */
  backends?: BackendName[];
  /** Allow WebGL on a software rasterizer (tests). Default: false. */
  allowSoftwareWebgl?: boolean;
  /** Allow WebGPU on a software adapter such as SwiftShader (tests). Default: false. */
  allowSoftwareWebgpu?: boolean;
  /** Run wasm on several threads when the page is cross-origin isolated (COOP/COEP): `'auto'` (default) with 4+ cores, `true`, `false`. */
  wasmThreads?: boolean | 'auto';
  /** Train automatically after enough new events, when the shopper pauses. Default: on; `false` turns it off. */
  autoTrain?: AutoTrainOptions | false;
  /** Event store options (retention, memory-only, ...). Default: the store's defaults. */
  store?: Omit<EventStoreOptions, 'dbName'>;
  /**
   * When the worker (and with it the model's download) starts: `'at-once'` (default), or
   * `'when-needed'`: on the first call that needs it (a shelf that needs the model, a re-rank,
   * training, ...) or `startWorker()`, and at the latest a second after `create` — so a page
   * can draw what it already has (say, the last visit's shelves) without sharing the CPU with
   * the worker's start.
   */
  startWorker?: 'at-once' | 'when-needed';
}

/** With `startWorker: 'when-needed'`, the worker starts this long after `create` if nothing asked for it. */
export const WORKER_START_LATEST_MS = 1000;

/**
 * LocalShelf on a page: tracks into the on-device store, ranks and fine-tunes in
 * the worker, and exposes one reducer-driven state for React (`subscribe` /
 * `getSnapshot`) and the devtools (`onAction`).
 */
export class LocalShelf {
  private state: EngineState = INITIAL_STATE;
  private readonly changes = new Listeners();
  private readonly actions = new Listeners<[EngineAction, EngineState]>();
  /** The shopper's context, kept in memory event by event instead of re-read for every call. */
  private readonly shopper: ShopperContextCache;
  private readonly contextSender = new ContextSender();
  private trainTimer: ReturnType<typeof setTimeout> | null = null;
  /** Starts a deferred worker if nothing has asked for it by then (`startWorker: 'when-needed'`). */
  private workerTimer: ReturnType<typeof setTimeout> | null = null;
  /** Trending from the model card alone, ready long before the worker: a newcomer's first shelf waits for no model. */
  private readonly earlyShelves: Promise<ShelfBuilder | null>;
  /** The catalog as the page uses it (titles, prices, images); replaced when a newer one is picked up. */
  private catalogItems: Promise<ReadonlyMap<string, CatalogItem> | null>;
  /** Product ids already warned about as missing from the catalog. */
  private readonly unknownIds = new Set<string>();
  private readonly autoTrain: Required<AutoTrainOptions> | null;
  /** The run log read into the state once the model is loaded (settled: read, or warned about). */
  private runLog: Promise<void> = Promise.resolve();
  readonly ready: Promise<void>;

  private constructor(
    readonly events: EventStore,
    private readonly worker: WorkerClient,
    private readonly options: LocalShelfOptions,
    counters: TrainCounters,
    private readonly assets: { card: CachedAsset<ModelMeta>; catalog: CachedAsset<Catalog> | null },
  ) {
    this.shopper = new ShopperContextCache(events);
    // Read now, while the catalog and model card load: every shelf needs it (a newcomer's
    // trending too: what is in the cart), and asked for only then it took 80–150 ms here for a
    // single stored event, its IndexedDB replies queued behind the first render's work.
    this.shopper.current().catch(() => {});
    this.dispatch({ type: 'counters-loaded', ...counters });
    this.autoTrain =
      options.autoTrain === false ? null : { minNewEvents: 8, debounceMs: 4000, ...options.autoTrain };
    worker.onNotice((notice) => {
      if (notice.notice === 'train-log') this.dispatch({ type: 'train-log', log: notice.log });
      else if (notice.notice === 'backend-changed')
        this.dispatch({ type: 'backend-changed', backend: notice.backend, reason: notice.reason });
      else if (notice.notice === 'requests')
        this.dispatch({ type: 'worker-requests', requests: notice.requests });
      else if (notice.level === 'warn') this.warn(notice.message);
    });
    const catalog = assets.catalog?.value ?? Promise.resolve(null);
    this.catalogItems = catalog.then((c) => (c ? new Map(c.items.map((item) => [item.id, item])) : null));
    // Failures surface through `ready`; these copies only must not be unhandled.
    this.catalogItems.catch(() => {});
    // Its first message (init) waits in the client until the worker starts.
    this.ready = this.start();
    if (!worker.spawned) this.workerTimer = setTimeout(() => this.startWorker(), WORKER_START_LATEST_MS);
    // Failures are in the state; callers that await `ready` still see them thrown.
    this.ready
      .then(() => {
        // Events from earlier page loads count: a multi-page site trains once enough have gathered.
        this.scheduleTraining();
      })
      .catch(() => {});
    // The worker reports real loading errors; the early path just steps aside.
    this.earlyShelves = Promise.all([assets.card.value, catalog]).then(
      ([card, c]) => earlyShelvesFrom(card, c),
      () => null,
    );
  }

  /** Opens the event store and starts the worker (see `startWorker`); the model loads in the background (`ready`). */
  static async create(options: LocalShelfOptions): Promise<LocalShelf> {
    if (
      options?.startWorker !== undefined &&
      options.startWorker !== 'at-once' &&
      options.startWorker !== 'when-needed'
    )
      throw new TypeError(
        `startWorker is ${JSON.stringify(options.startWorker)}; expected 'at-once' or 'when-needed'`,
      );
    if (typeof options?.modelUrl !== 'string' || options.modelUrl === '')
      throw new TypeError(
        `modelUrl is ${JSON.stringify(options?.modelUrl)}; expected the URL prefix of a pretrained model`,
      );
    if (options.catalog !== undefined && options.catalogUrl !== undefined)
      throw new TypeError(
        `catalog and catalogUrl (${JSON.stringify(options.catalogUrl)}) are both set; expected one of them`,
      );
    // Started before the store opens, so the downloads overlap it; each file once per page.
    const source = options.catalog ?? options.catalogUrl;
    // Memory-only (e.g. before consent) means nothing is written on the device, the asset cache included.
    const useCache = !options.store?.memoryOnly;
    const assets = {
      card: pageModelCard(options.modelUrl, useCache),
      catalog: source === undefined ? null : pageCatalog(source, useCache),
    };
    assets.card.value.catch(() => {});
    assets.catalog?.value.catch(() => {});
    const extraReads = options.store?.readAhead ?? [];
    const events = await EventStore.open({
      ...options.store,
      dbName: options.dbName,
      // The trigger counters come with the store's opening, not one more trip after it.
      readAhead: Array.isArray(extraReads) ? [TRAIN_COUNTERS_KEY, ...extraReads] : extraReads,
    });
    const saved = await events.getMeta<Partial<TrainCounters>>(TRAIN_COUNTERS_KEY).catch(() => undefined);
    const count = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : 0);
    return new LocalShelf(
      events,
      WorkerClient.start({ deferred: options.startWorker === 'when-needed' }),
      options,
      { newEvents: count(saved?.newEvents), newImpressions: count(saved?.newImpressions) },
      assets,
    );
  }

  /** Starts the worker now if it was deferred (`startWorker: 'when-needed'`); does nothing once it runs. */
  startWorker(): void {
    if (this.workerTimer) clearTimeout(this.workerTimer);
    this.workerTimer = null;
    this.worker.spawn();
  }

  /** What a call that needs the worker awaits: starts a deferred worker, then waits for the model. */
  private workerReady(): Promise<void> {
    this.startWorker();
    return this.ready;
  }

  /** Writes the trigger counters to the meta store, so the next page load continues from them. */
  private async saveCounters(): Promise<void> {
    const { newEvents, newImpressions } = this.state;
    await this.events.setMeta(TRAIN_COUNTERS_KEY, { newEvents, newImpressions }).catch(() => {});
  }

  private async start(): Promise<void> {
    try {
      const backend = await this.worker.call('init', {
        backends: this.options.backends,
        allowSoftwareWebgl: this.options.allowSoftwareWebgl,
        allowSoftwareWebgpu: this.options.allowSoftwareWebgpu,
        wasmThreads: this.options.wasmThreads,
      });
      this.dispatch({ type: 'backend-ready', backend });
      const [card, catalog] = await Promise.all([
        this.assets.card.value,
        this.assets.catalog?.value ?? Promise.resolve(null),
      ]);
      const model = await this.worker.call('load', this.loadPayload(card, catalog));
      this.dispatch({ type: 'model-loaded', model });
      this.runLog = this.loadRuns();
      void this.pickUpUpdates(card, catalog);
    } catch (error) {
      const message = (error as Error).message;
      this.warn(message, 'error');
      this.dispatch({ type: 'failed', message });
      throw error;
    }
  }

  /** Reads the device's run log once; the state keeps it from then on (the devtools read it there). */
  private async loadRuns(): Promise<void> {
    try {
      this.dispatch({ type: 'runs-loaded', runs: await this.worker.call('runs', {}) });
    } catch (error) {
      this.warn(
        `could not read the training-run log (${(error as Error).message}); the devtools list this page's runs only`,
      );
    }
  }

  private loadPayload(card: ModelMeta, catalog: Catalog | null) {
    const absolute = (url: string) => new URL(url, location.href).href;
    return {
      // The worker resolves URLs against its own script, not the page.
      modelUrl: absolute(this.options.modelUrl),
      card,
      catalog,
      cacheAssets: !this.options.store?.memoryOnly,
      ...(this.options.catalogUrl ? { catalogUrl: this.options.catalogUrl } : {}),
      // Memory-only (e.g. before the visitor consents): the worker must not create the database either.
      dbName: this.options.store?.memoryOnly ? null : (this.options.dbName ?? 'localshelf'),
      ...(this.options.rerankerUrl ? { rerankerUrl: absolute(this.options.rerankerUrl) } : {}),
    };
  }

  /**
   * The page started from cached copies: when the server has a newer model card or catalog,
   * load it now (new model files are fetched once and cached), so an update shows on this page.
   */
  private async pickUpUpdates(card: ModelMeta, catalog: Catalog | null): Promise<void> {
    const [newCard, newCatalog] = await Promise.all([
      this.assets.card.update.catch((error: unknown) => {
        this.warn(refreshFailed('model card', error));
        return null;
      }),
      (this.assets.catalog?.update ?? Promise.resolve(null)).catch((error: unknown) => {
        this.warn(refreshFailed('catalog', error));
        return null;
      }),
    ]);
    if (!newCard && !newCatalog) return;
    try {
      const model = await this.worker.call('load', this.loadPayload(newCard ?? card, newCatalog ?? catalog));
      if (newCatalog) this.catalogItems = Promise.resolve(new Map(newCatalog.items.map((i) => [i.id, i])));
      this.dispatch({ type: 'model-loaded', model });
    } catch (error) {
      this.warn(
        `could not switch to the updated model or catalog; this page keeps the cached one: ${(error as Error).message}`,
      );
    }
  }

  /** Adds a warning to the state and the console; each says what to do. */
  private warn(message: string, level: 'warn' | 'error' = 'warn'): void {
    if (level === 'error') console.error(`LocalShelf: ${message}`);
    else console.warn(`LocalShelf: ${message}`);
    this.dispatch({ type: 'warning', message });
  }

  /** The catalog by id as the page uses it (the same copy the worker got); null without a catalog. Rejects when it could not be loaded. */
  products(): Promise<ReadonlyMap<string, CatalogItem> | null> {
    return this.catalogItems;
  }

  // --- state ---

  /** Whether the worker has the model (read from the state, which may change across an await). */
  private modelLoaded(): boolean {
    return this.state.status === 'ready';
  }

  subscribe = this.changes.subscribe;

  getSnapshot = (): EngineState => this.state;

  /** Every action with the state it produced, for the devtools. */
  onAction(listener: (action: EngineAction, state: EngineState) => void): () => void {
    return this.actions.subscribe(listener);
  }

  private dispatch(action: EngineAction): void {
    this.state = reduce(this.state, action);
    this.actions.emit(action, this.state);
    this.changes.emit();
  }

  // --- collect ---

  /** Validates and stores an event (see EventStore.track); may schedule training. */
  async track(input: TrackInput): Promise<ShopEvent | null> {
    if (!(await this.inCatalog(input))) return null;
    const event = await this.events.track(input);
    if (event) {
      this.shopper.appended(event, this.events.getSnapshot().revision);
      const itemEvent = isItemEvent(event) && event.kind !== 'dwell';
      const impression = event.kind === 'impression';
      this.dispatch({ type: 'event-tracked', itemEvent, impression });
      if (itemEvent || impression) await this.saveCounters();
      this.scheduleTraining();
    }
    return event;
  }

  /**
   * An item event for a product the catalog does not have is not stored: the model could never
   * use it, and the page's product id is most likely wrong. Says so, once per id.
   */
  private async inCatalog(input: TrackInput): Promise<boolean> {
    const itemId = (input as { itemId?: unknown }).itemId;
    if (typeof itemId !== 'string' || input.kind === 'search' || input.kind === 'impression') return true;
    // A catalog that failed to load is reported through `ready`; events are still kept then.
    const products = await this.catalogItems.catch(() => null);
    if (!products || products.has(itemId)) return true;
    if (!this.unknownIds.has(itemId)) {
      this.unknownIds.add(itemId);
      const where = this.options.catalogUrl
        ? `catalog ${this.options.catalogUrl}`
        : 'the catalog passed to LocalShelf';
      this.warn(
        `product id ${JSON.stringify(itemId)} (a ${input.kind} event) is not in ${where} (${products.size} items, e.g. ${someIds([...products.keys()], 2)}); ` +
          'the event was not stored. Check the product id on the page (data-localshelf-view, data-localshelf-add-to-cart, track()) against the catalog ids',
      );
    }
    return false;
  }

  private scheduleTraining(): void {
    if (
      !this.autoTrain ||
      !this.modelLoaded() ||
      this.state.newEvents < this.autoTrain.minNewEvents ||
      this.state.training.active
    )
      return;
    if (this.trainTimer) clearTimeout(this.trainTimer);
    this.trainTimer = setTimeout(() => {
      this.trainTimer = null;
      const run = () =>
        void untilDone(this.train(`auto: ${this.state.newEvents} new events`)).catch(() => {});
      // Wait for the page to be idle too, so training never competes with a click.
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 10_000 });
      else run();
    }, this.autoTrain.debounceMs);
  }

  private context(): Promise<ContextPayload> {
    return this.shopper.current();
  }

  /**
   * A worker call that needs the shopper's context: sent in full once per store revision,
   * then by reference (context-messages.ts); resent in full if the worker no longer holds it.
   */
  private async withContext<T extends 'recommend' | 'rerank' | 'scoreItems' | 'train'>(
    type: T,
    payload: Omit<WorkerCalls[T]['payload'], 'context'>,
  ): Promise<WorkerCalls[T]['result']> {
    for (let attempt = 0; ; attempt++) {
      const { revision, payload: context } = await this.shopper.snapshot();
      const call = {
        ...payload,
        context: this.contextSender.message(revision, context),
      } as WorkerCalls[T]['payload'];
      try {
        return await this.worker.call(type, call);
      } catch (error) {
        if ((error as Error).name !== CONTEXT_NOT_HELD || attempt > 0) throw error;
        this.contextSender.forget();
      }
    }
  }

  // --- rank ---

  /** A shelf of recommendations, each with its reasons and a one-line explanation. */
  async recommend(request: ShelfRequest): Promise<Shelf> {
    if (!this.modelLoaded() && (request.kind === 'trending' || request.kind === 'for-you')) {
      const [early, context] = await Promise.all([this.earlyShelves, this.context()]);
      // Only shelves that need no model: trending, and "for you" for a shopper with no history yet.
      if (early && !this.modelLoaded() && (request.kind === 'trending' || context.steps.length === 0))
        return await early.build(request, {
          steps: [],
          inCart: new Set(context.inCart),
          purchased: new Set(context.purchased),
        });
    }
    await this.workerReady();
    return this.withContext('recommend', { request });
  }

  /**
   * Re-ranks a list the site ordered itself (a category page, its own search results) for
   * this shopper: the site's order is the base, the re-ranker the final order, and each item
   * says why. `shelf` names the list for the re-ranker and should match the `shelf` of the
   * impressions and clicks the site tracks for it. Default shelf: "list". Without a
   * re-ranker the site's order comes back unchanged.
   */
  async rerank(itemIds: string[], options: RerankRequest = {}): Promise<RankedItem[]> {
    await this.workerReady();
    return this.withContext('rerank', { itemIds, request: options });
  }

  /** The shopper's personal score for each item (e.g. to re-rank search results), with reasons. */
  async scoreItems(itemIds: string[]): Promise<ItemScore[]> {
    await this.workerReady();
    return this.withContext('scoreItems', { itemIds });
  }

  // --- train ---

  /**
   * Fine-tunes now, as an async generator: yields the run's logs as the worker reports them (the
   * re-ranker's result, the adapter's steps, then `{ type: 'done', run }`) and returns the run
   * (accepted or rejected, and why) or why it was skipped. Nothing starts until the first
   * `next()` (`for await`, or `untilDone(shelf.train())` for only the outcome). Leaving it early
   * (`break` out of a `for await`, or `return()`) cancels the run; it finishes once the worker
   * has stopped.
   */
  async *train(trigger = 'manual'): AsyncGenerator<TrainingLog, TrainingOutcome> {
    await this.workerReady();
    // A run logged before the log was read into the state would be listed twice.
    await this.runLog;
    if (this.state.training.active) return { skipped: 'a training run is already in progress' };
    this.dispatch({ type: 'train-started', trigger });
    const result = this.withContext('train', { trigger });
    let answered = false;
    const mark = () => {
      answered = true;
    };
    result.then(mark, mark);
    const logs = (push: (log: TrainingLog) => void) =>
      this.actions.subscribe((action) => {
        if (action.type === 'train-log') push(action.log);
      });
    try {
      return await this.trainingEnded(yield* deliveredUntil(logs, result));
    } catch (error) {
      if (answered) this.failedTraining(error);
      throw error;
    } finally {
      if (!answered) {
        // Left early: stop the worker's run and wait for its answer, so the state is idle again.
        await this.cancelTraining().catch(() => false);
        await result
          .then((outcome) => this.trainingEnded(outcome))
          .catch((error: unknown) => this.failedTraining(error));
      }
    }
  }

  /** A run's outcome into the state, and the trigger counters onto the device when it ran. */
  private async trainingEnded(outcome: TrainingOutcome): Promise<TrainingOutcome> {
    if ('skipped' in outcome) this.dispatch({ type: 'train-skipped', reason: outcome.skipped });
    else {
      this.dispatch({
        type: 'train-finished',
        run: outcome,
        model: await this.worker.call('modelInfo', {}),
        // The worker logs the run on the device unless the engine may store nothing.
        logged: !this.options.store?.memoryOnly,
      });
      await this.saveCounters();
    }
    return outcome;
  }

  private failedTraining(error: unknown): void {
    this.dispatch({ type: 'train-skipped', reason: `failed: ${(error as Error).message}` });
  }

  async cancelTraining(): Promise<boolean> {
    this.startWorker();
    return (await this.worker.call('cancelTraining', {})).cancelled;
  }

  /** The training-run log, oldest first (the state's copy: `getSnapshot().training.runs`). */
  async runs(): Promise<TrainingRun[]> {
    await this.workerReady();
    await this.runLog;
    return this.state.training.runs;
  }

  /** Forgets the personal weights: recommendations come from the pretrained model again. */
  async resetPersonal(): Promise<ModelInfo> {
    await this.workerReady();
    const model = await this.worker.call('resetPersonal', {});
    this.dispatch({ type: 'personal-reset', model });
    return model;
  }

  /** Deletes every event, the personal weights and the run log. */
  async deleteAll(): Promise<void> {
    await this.events.deleteAll();
    this.dispatch({ type: 'counters-loaded', newEvents: 0, newImpressions: 0 });
    this.dispatch({ type: 'runs-loaded', runs: [] });
    await this.resetPersonal().catch(() => {});
  }

  /** The worker's memory and backend, for the devtools and benchmarks. */
  status() {
    this.startWorker();
    return this.worker.call('status', {});
  }

  /** Layers, sizes and personal-weight statistics, for the devtools. */
  async modelSummary(): Promise<ModelSummary> {
    await this.workerReady();
    return this.worker.call('modelSummary', {});
  }

  /** Developer control: runs on another backend from now on (the model reloads there). */
  async switchBackend(backend: BackendName): Promise<BackendInfo> {
    this.startWorker();
    const result = await this.worker.call('switchBackend', { backends: [backend] });
    this.dispatch({
      type: 'backend-changed',
      backend: result.backend,
      reason: `switched to ${backend} by the developer`,
    });
    if (result.model) this.dispatch({ type: 'model-loaded', model: result.model });
    return result.backend;
  }

  /** Developer control: loses the WebGL context on purpose. */
  async loseWebglContext(): Promise<boolean> {
    this.startWorker();
    return (await this.worker.call('loseWebglContext', {})).lost;
  }

  close(): void {
    if (this.trainTimer) clearTimeout(this.trainTimer);
    if (this.workerTimer) clearTimeout(this.workerTimer);
    this.worker.terminate();
    this.events.close();
    this.changes.clear();
    this.actions.clear();
  }
}
