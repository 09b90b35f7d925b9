import * as tf from '@tensorflow/tfjs';
import type { CatalogItem } from '../catalog/schema.ts';
import { BACKENDS, type BackendName } from '../env.ts';
import type { SequenceStep } from '../events/queries.ts';
import { getEncoder } from '../model/model.ts';
import { PersonalStore } from '../model/personal-store.ts';
import { loadPretrained, type Pretrained } from '../model/pretrained.ts';
import { versionedFetch } from '../load/asset-cache.ts';
import { catalogWarnings, checkModelKnowsCatalog } from '../model/coverage.ts';
import { MODEL_SCORED_SHELVES, ModelListReranker } from '../ranking/list-reranker.ts';
import { ModelItemSpace } from '../ranking/model-space.ts';
import { sequenceBaseScores } from '../ranking/base-scores.ts';
import {
  ShelfBuilder,
  type ItemScore,
  type RankedItem,
  type RerankRequest,
  type Shelf,
  type ShelfRequest,
  type ShopperContext,
} from '../ranking/shelves.ts';
import type { PopulationOf } from '../rerank/features.ts';
import { DEFAULT_FINETUNE } from '../rerank/finetune.ts';
import { labelledLists, type LabelledList } from '../rerank/lists.ts';
import { loadReranker, type Reranker } from '../rerank/model.ts';
import { populationFromCard } from '../rerank/population.ts';
import { ShopperSignals, type FactsOf } from '../rerank/signals.ts';
import { nextItemExamples } from '../training/examples.ts';
import type { PersonalHead } from '../training/personal-head.ts';
import { readRunLog } from '../training/run-log.ts';
import {
  trainPersonal,
  type PersonalTrainingResult,
  type TrainingLog,
  type TrainingOutcome,
  type TrainingRun,
} from '../training/run.ts';
import { selectBackend, type BackendInfo, type BackendOptions } from './backend.ts';
import { PersonalState } from './personal-state.ts';
import { missingWasmFile } from './wasm-files.ts';
import { HeldContext } from './context-messages.ts';
import type {
  ContextMessage,
  ContextPayload,
  LoadPayload,
  ModelInfo,
  ModelSummary,
  NoticeMessage,
  WeightStats,
} from './protocol.ts';

interface Loaded {
  payload: LoadPayload;
  pretrained: Pretrained;
  baseModel: string;
  space: ModelItemSpace;
  shelves: ShelfBuilder;
  store: PersonalStore;
  /** The one owner of the adapter and the re-ranker weights. */
  personal: PersonalState;
  catalog: Map<string, CatalogItem> | null;
  /** What the re-ranker's features read about an item: top category, brand, price. */
  facts: FactsOf;
  population: PopulationOf;
  /** Why there is no re-ranker; null when one is loaded. */
  rerankerUnavailable: string | null;
}

/** The shipped re-ranker beside the model, or why there is none (a model without one works as before). */
async function loadShippedReranker(
  url: string,
): Promise<{ reranker: Reranker | null; unavailable: string | null; warn: boolean }> {
  try {
    const reranker = await loadReranker(url);
    // The population card is checked here, so a bad one disables re-ranking instead of failing each call.
    populationFromCard(reranker.card.population);
    return { reranker, unavailable: null, warn: false };
  } catch (error) {
    const message = (error as Error).message;
    // Missing (a 404, or a dev server's HTML page in its place) is a model without a re-ranker; anything else is a broken one.
    const missing = /HTTP 404|not valid JSON|Unexpected token|JSON\.parse/i.test(message);
    return {
      reranker: null,
      unavailable: `${missing ? 'no re-ranker' : 'the re-ranker could not be loaded'} at ${url} (${message}); lists keep the sequence model's order`,
      warn: !missing,
    };
  }
}

/** Everything the worker holds: the backend, the model, the shopper's head, the run in progress. */
export class WorkerSession {
  backend: BackendInfo | null = null;
  /** Software GPU and wasm-thread choices from init, kept for fallbacks and backend switches. */
  private policy: Omit<BackendOptions, 'order'> = {};
  private order: readonly BackendName[] = BACKENDS;
  private loaded: Loaded | null = null;
  private readonly heldContext = new HeldContext();
  private builtContext: {
    revision: number;
    loaded: Loaded;
    steps: readonly SequenceStep[];
    inCart: ReadonlySet<string>;
    purchased: ReadonlySet<string>;
    signals: ShopperSignals | null;
  } | null = null;
  private running: AsyncGenerator<TrainingLog, PersonalTrainingResult | null> | null = null;
  /** Resolves when the WebGL context is lost: a lost context leaves pending reads hanging forever, so runs race it. */
  private contextLost: Promise<'lost'> = new Promise(() => {});
  private markContextLost: () => void = () => {};

  constructor(private readonly notify: (notice: NoticeMessage) => void) {}

  async init(
    order: readonly BackendName[] | undefined,
    policy: Omit<BackendOptions, 'order'>,
  ): Promise<BackendInfo> {
    this.order = order ?? this.order;
    this.policy = policy;
    this.backend = await selectBackend({ ...this.policy, order: this.order });
    this.watchContext();
    void missingWasmFile(this.backend).then(
      (message) => message && this.notify({ notice: 'log', level: 'warn', message }),
    );
    return this.backend;
  }

  /** Listens for a lost WebGL context or WebGPU device, so a run in progress can move to the next backend. */
  private watchContext(): void {
    let resolve: () => void = () => {};
    this.contextLost = new Promise<'lost'>((r) => (resolve = () => r('lost')));
    this.markContextLost = resolve;
    if (tf.getBackend() === 'webgpu') {
      const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string }> } })
        .device;
      void device?.lost?.then((info) => {
        this.notify({
          notice: 'log',
          level: 'warn',
          message: `WebGPU device lost (${info.message || 'no reason given'}); moving to the next backend`,
        });
        resolve();
      });
      return;
    }
    if (tf.getBackend() !== 'webgl') return;
    // In a worker, tfjs draws on an OffscreenCanvas.
    const canvas = (tf.backend() as unknown as { gpgpu?: { gl?: { canvas: OffscreenCanvas } } }).gpgpu?.gl
      ?.canvas;
    canvas?.addEventListener('webglcontextlost', () => {
      this.notify({
        notice: 'log',
        level: 'warn',
        message: 'WebGL context lost; moving to the next backend',
      });
      resolve();
    });
  }

  loseWebglContext(): boolean {
    if (tf.getBackend() !== 'webgl') return false;
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
    const extension = gl?.getExtension('WEBGL_lose_context');
    if (!extension) return false;
    extension.loseContext();
    this.markContextLost();
    return true;
  }

  /** Moves to the next working backend after the GPU (WebGL context or WebGPU device) was lost, and reloads the model there. */
  private async fallBack(reason: string): Promise<void> {
    const lost = this.backend?.name ?? 'webgl';
    const order = this.order.filter((b) => b !== lost);
    const previous = this.loaded;
    this.loaded = null;
    // Tensors of the lost context are gone; drop our handles without touching the GPU.
    this.backend = await selectBackend({ ...this.policy, order });
    this.backend.fallbacks.unshift({ backend: lost, reason });
    this.order = order;
    this.watchContext();
    this.notify({ notice: 'backend-changed', backend: this.backend, reason });
    if (previous) await this.load(previous.payload);
  }

  /**
   * Loads the model (its files from the page's versioned cache) with the card and catalog the
   * page already read. Called again with a newer card or catalog, it keeps the loaded model
   * when the card's version is unchanged and rebuilds only what depends on the catalog.
   */
  async load(payload: LoadPayload): Promise<ModelInfo> {
    if (!this.backend) throw new Error('the worker has no backend yet; call init first');
    if (this.running) await this.cancelTraining();
    const base = payload.modelUrl.endsWith('/') ? payload.modelUrl : `${payload.modelUrl}/`;
    const rerankerUrl = payload.rerankerUrl ?? new URL('reranker/', new URL(base, self.location.href)).href;
    const previous = this.loaded;
    const reuse =
      previous &&
      previous.payload.modelUrl === payload.modelUrl &&
      previous.pretrained.meta.version === payload.card.version
        ? previous.pretrained
        : null;
    const [pretrained, shipped] = await Promise.all([
      reuse ??
        loadPretrained(payload.modelUrl, {
          card: payload.card,
          ...(payload.cacheAssets ? { fetchFunc: versionedFetch(payload.card.version) } : {}),
        }),
      loadShippedReranker(rerankerUrl),
    ]);
    const catalog = payload.catalog ? new Map(payload.catalog.items.map((item) => [item.id, item])) : null;
    try {
      if (payload.catalog)
        checkModelKnowsCatalog(pretrained.meta, payload.catalog, payload.modelUrl, payload.catalogUrl);
    } catch (error) {
      if (!reuse) pretrained.model.dispose();
      throw error;
    }
    if (shipped.unavailable)
      this.notify({ notice: 'log', level: shipped.warn ? 'warn' : 'info', message: shipped.unavailable });
    const meta = pretrained.meta;
    const baseModel = meta.version;
    const popularity = meta.popularity ?? null;
    const store = await PersonalStore.open(payload.dbName);
    const dim = getEncoder(pretrained.model).cfg.dim;
    const personal = new PersonalState(
      dim,
      shipped.reranker,
      store,
      { baseModel, rerankerVersion: shipped.reranker?.card.version ?? null },
      (message) => this.notify({ notice: 'log', level: 'warn', message }),
    );
    await personal.restore();
    const space = await ModelItemSpace.create(
      pretrained.model,
      meta.vocabulary,
      popularity,
      personal,
      payload.catalog?.items ?? null,
    );
    this.unload(reuse !== null);
    for (const message of catalogWarnings(meta, payload.catalog, space.cold, payload.catalogUrl))
      this.notify({ notice: 'log', level: 'warn', message });
    const shelves = new ShelfBuilder(space, catalog);
    const facts: FactsOf = (itemId) => {
      const item = catalog?.get(itemId);
      return item ? { category: item.category[0] ?? null, brand: item.brand, price: item.price } : undefined;
    };
    const population = shipped.reranker
      ? populationFromCard(shipped.reranker.card.population)
      : () => undefined;
    if (shipped.reranker)
      shelves.reranker = new ModelListReranker(
        () => personal.reranker,
        population,
        shipped.reranker.card.population.clickRate,
        (itemId) => catalog?.get(itemId)?.title ?? itemId,
      );
    this.loaded = {
      payload,
      pretrained,
      baseModel,
      space,
      shelves,
      store,
      personal,
      catalog,
      facts,
      population,
      rerankerUnavailable: shipped.unavailable,
    };
    return this.modelInfo();
  }

  /** Frees the loaded model; `keepModel` when a reload with the same model version reuses it. */
  private unload(keepModel = false): void {
    if (!this.loaded) return;
    this.loaded.space.dispose();
    this.loaded.personal.dispose();
    if (!keepModel) this.loaded.pretrained.model.dispose();
    this.loaded.store.close();
    this.loaded = null;
  }

  private need(): Loaded {
    if (!this.loaded) throw new Error('no model loaded; call load({modelUrl, dbName}) first');
    return this.loaded;
  }

  /**
   * The shopper as the shelves see them: history, cart, and (with a re-ranker) their live
   * signals. Built once per context revision and model: a re-rank with no new event reuses them.
   */
  private contextOf(message: ContextMessage): ShopperContext {
    const l = this.need();
    const { revision, payload } = this.heldContext.resolve(message);
    let built = this.builtContext;
    if (!built || built.revision !== revision || built.loaded !== l) {
      built = {
        revision,
        loaded: l,
        steps: payload.steps,
        inCart: new Set(payload.inCart),
        purchased: new Set(payload.purchased),
        signals: null,
      };
      this.builtContext = built;
    }
    if (l.personal.reranker && !built.signals)
      built.signals = ShopperSignals.from(payload.events ?? [], l.facts);
    return {
      steps: built.steps,
      inCart: built.inCart,
      purchased: built.purchased,
      ...(built.signals ? { signals: built.signals } : {}),
      ...(payload.sessionId ? { sessionId: payload.sessionId } : {}),
      now: Date.now(),
    };
  }

  modelInfo(): ModelInfo {
    const l = this.need();
    const encoder = getEncoder(l.pretrained.model);
    const params = l.personal.params();
    return {
      baseModel: l.baseModel,
      items: l.pretrained.meta.vocabulary.length,
      newItems: l.space.cold.ids.length,
      params: l.pretrained.model.countParams(),
      dim: encoder.cfg.dim,
      personal: {
        active: l.personal.head !== null,
        savedAt: l.personal.savedAt,
        trainableParams: params.head,
        discarded: l.personal.discarded.head,
      },
      reranker: {
        active: l.personal.reranker !== null,
        version: l.personal.shipped?.card.version ?? null,
        unavailable: l.rerankerUnavailable,
        params: params.reranker,
        personal: l.personal.rerankerIsPersonal,
        discarded: l.personal.discarded.reranker,
      },
    };
  }

  scoreItems(itemIds: string[], context: ContextMessage): Promise<ItemScore[]> {
    return this.need().shelves.scoreItems(itemIds, this.contextOf(context));
  }

  recommend(request: ShelfRequest, context: ContextMessage): Promise<Shelf> {
    return this.need().shelves.build(request, this.contextOf(context));
  }

  rerank(itemIds: string[], request: RerankRequest, context: ContextMessage): Promise<RankedItem[]> {
    if (!Array.isArray(itemIds) || itemIds.some((id) => typeof id !== 'string'))
      throw new TypeError(
        `rerank itemIds is ${JSON.stringify(itemIds)?.slice(0, 60)}; expected an array of item id strings`,
      );
    return this.need().shelves.rerankList(itemIds, request ?? {}, this.contextOf(context));
  }

  /** One run at a time in this worker, and one tab at a time across the browser (Web Locks). */
  async train(message: ContextMessage, trigger: string): Promise<TrainingOutcome> {
    // Resolved before any await, so a later call's reference to this revision finds it held.
    const context = this.heldContext.resolve(message).payload;
    if (this.running) return { skipped: 'a training run is already in progress in this tab' };
    const l = this.need();
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return this.runTraining(context, trigger);
    return locks.request(`localshelf:train:${l.payload.dbName}`, { ifAvailable: true }, async (lock) =>
      lock
        ? this.runTraining(context, trigger)
        : { skipped: 'another tab is training; this tab uses the saved weights' },
    );
  }

  /**
   * The shopper's impressions and clicks as labelled lists, oldest first. Base scores as the
   * shelves use them where cheap: the sequence model's, for the newest model-ranked lists one
   * run learns from; the site's order elsewhere.
   */
  private async trainingLists(context: ContextPayload): Promise<LabelledList[]> {
    const l = this.need();
    const shipped = l.personal.shipped;
    if (!shipped) return [];
    const events = context.events ?? [];
    const scored = new Set<number>();
    let rows = 0;
    for (let i = events.length - 1; i >= 0 && rows < DEFAULT_FINETUNE.maxRows; i--) {
      const e = events[i]!;
      if (e.kind !== 'impression') continue;
      rows += e.items.length;
      if (MODEL_SCORED_SHELVES.has(e.shelf)) scored.add(i);
    }
    const baseScores = await sequenceBaseScores(l.space, events, context.steps, (_e, index) =>
      scored.has(index),
    );
    return labelledLists(events, {
      facts: l.facts,
      population: l.population,
      globalClickRate: shipped.card.population.clickRate,
      baseScores: (_impression, index) => baseScores.get(index) ?? null,
    }).lists;
  }

  private async runTraining(
    context: ContextPayload,
    trigger: string,
    retried = false,
  ): Promise<TrainingOutcome> {
    const l = this.need();
    const cfg = getEncoder(l.pretrained.model).cfg;
    const start: PersonalHead = l.personal.startHead();
    const fresh = start !== l.personal.head;
    let fellBack = false;
    const gen = trainPersonal({
      trigger,
      model: l.pretrained.model,
      head: start,
      historyLength: context.steps.filter((s) => l.space.indexOf(s.itemId) !== undefined).length,
      maxLen: cfg.maxLen,
      examples: () => nextItemExamples(context.steps, l.space.vocabularyIndex, cfg.maxLen),
      shipped: l.personal.shipped,
      lists: () => this.trainingLists(context),
    });
    this.running = gen;
    let run: TrainingRun | null = null;
    let accepted: PersonalTrainingResult | null = null;
    try {
      for (;;) {
        const next = await Promise.race([gen.next(), this.contextLost]);
        if (next === 'lost') {
          // The generator is stuck on a read that will never finish; abandon it with the lost context.
          void gen.return(null);
          if (retried) throw new Error('the GPU (WebGL context or WebGPU device) was lost twice in one run');
          this.running = null;
          // The fresh head went with the lost context; the reload below starts over.
          fellBack = true;
          await this.fallBack(
            `${this.backend?.name === 'webgpu' ? 'WebGPU device' : 'WebGL context'} lost during training`,
          );
          return this.runTraining(context, trigger, true);
        }
        if (next.done) {
          accepted = next.value ?? null;
          break;
        }
        this.notify({ notice: 'train-log', log: next.value });
        if (next.value.type === 'done') run = next.value.run;
      }
    } finally {
      this.running = null;
      if (fresh && !fellBack) start.dispose();
    }
    if (!run || !accepted) {
      accepted?.head?.dispose();
      accepted?.reranker?.dispose();
      return { skipped: 'training was cancelled' };
    }
    // Saved before they are used: if the tab closes mid-save, the previous weights stay current.
    await l.personal.accept(accepted);
    await l.store.logRun({ ...run });
    return run;
  }

  async cancelTraining(): Promise<boolean> {
    if (!this.running) return false;
    const gen = this.running;
    this.running = null;
    await gen.return(null);
    return true;
  }

  /** Layers, parameter counts and sizes of the pretrained model, and statistics of the personal part. */
  async modelSummary(): Promise<ModelSummary> {
    const l = this.need();
    const stats = async (name: string, tensor: tf.Tensor): Promise<WeightStats> => {
      const values = await tensor.data();
      let sum = 0;
      let sq = 0;
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) {
        sum += v;
        sq += v * v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      const mean = values.length ? sum / values.length : 0;
      return {
        name,
        shape: tensor.shape,
        params: tensor.size,
        mean,
        std: Math.sqrt(Math.max(0, sq / (values.length || 1) - mean * mean)),
        min,
        max,
        norm: Math.sqrt(sq),
      };
    };
    const model = l.pretrained.model;
    const head = l.personal.head;
    const reranker = l.personal.reranker;
    const shipped = l.personal.shipped;
    const weights = model.weights.map((w) => {
      const shape = w.shape.map((d) => d ?? 1);
      const params = shape.reduce((a, b) => a * b, 1);
      return { name: w.name, shape, params, bytes: 4 * params, trainedOnDevice: false };
    });
    return {
      layers: model.layers.map((layer) => ({
        name: layer.name,
        className: layer.getClassName(),
        params: layer.countParams(),
      })),
      weights,
      totalParams: model.countParams(),
      totalBytes: weights.reduce((s, w) => s + w.bytes, 0),
      personal: head
        ? await Promise.all([
            stats('head/down', head.down),
            stats('head/up', head.up),
            stats('head/bias', head.bias),
          ])
        : [],
      reranker: reranker
        ? await Promise.all(
            reranker.net.weights.map(async (w, i) => {
              const s = await stats(`reranker/${w.name}`, w.read());
              if (!l.personal.rerankerIsPersonal || !shipped) return s;
              const [mine, theirs] = await Promise.all([
                w.read().data(),
                shipped.net.weights[i]!.read().data(),
              ]);
              let sq = 0;
              for (let k = 0; k < mine.length; k++) sq += (mine[k]! - theirs[k]!) ** 2;
              return { ...s, drift: Math.sqrt(sq) };
            }),
          )
        : [],
    };
  }

  /** Moves to the given backends (first that works) and reloads the model there. */
  async switchBackend(order: BackendName[]): Promise<{ backend: BackendInfo; model: ModelInfo | null }> {
    if (this.running)
      throw new Error('cannot switch backends while a training run is in progress; cancel it first');
    const payload = this.loaded?.payload ?? null;
    this.unload();
    const backend = await this.init(order, this.policy);
    return { backend, model: payload ? await this.load(payload) : null };
  }

  async runs(): Promise<TrainingRun[]> {
    const { runs, unreadable } = readRunLog(await this.need().store.runs());
    if (unreadable) this.notify({ notice: 'log', level: 'warn', message: unreadable });
    return runs;
  }

  async resetPersonal(): Promise<ModelInfo> {
    const l = this.need();
    await l.store.clear();
    l.personal.reset();
    return this.modelInfo();
  }
}
