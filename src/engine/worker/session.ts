import * as tf from '@tensorflow/tfjs';
import type { CatalogItem } from '../catalog/schema.ts';
import { loadCatalog } from '../catalog/validate.ts';
import type { BackendName } from '../env.ts';
import { getEncoder } from '../model/model.ts';
import { PersonalStore } from '../model/personal-store.ts';
import { loadPretrained, type Pretrained } from '../model/pretrained.ts';
import { ModelItemSpace } from '../ranking/model-space.ts';
import { ShelfBuilder, type ItemScore, type Shelf, type ShelfRequest } from '../ranking/shelves.ts';
import { nextItemExamples } from '../training/examples.ts';
import { fineTune, type FineTuneLog, type TrainingRun } from '../training/finetune.ts';
import { PersonalHead, type HeadWeights } from '../training/personal-head.ts';
import { clickExamples, clickFeatures, type ItemFacts } from '../training/click-features.ts';
import {
  clickWeights,
  createClickModel,
  predictClicks,
  restoreClickWeights,
  trainClickModel,
} from '../training/click-model.ts';
import { selectBackend, type BackendInfo } from './backend.ts';
import type {
  ContextPayload,
  LoadPayload,
  ModelInfo,
  ModelSummary,
  NoticeMessage,
  WeightStats,
} from './protocol.ts';

/** Rank of the personal adapter: 2·64·8 + 64 = 1,088 trainable parameters at dim 64. */
const HEAD_RANK = 8;
/** Impressions the click model learns from per run (newest); each costs one scoring pass. */
const CLICK_IMPRESSIONS = 150;

/** What is saved in the personal store: both personal models, either possibly absent. */
interface PersonalWeights {
  head: HeadWeights | null;
  click: number[][] | null;
}

interface Loaded {
  payload: LoadPayload;
  pretrained: Pretrained;
  baseModel: string;
  space: ModelItemSpace;
  shelves: ShelfBuilder;
  store: PersonalStore;
  head: PersonalHead | null;
  click: tf.Sequential | null;
  catalog: Map<string, CatalogItem> | null;
  savedAt: number | null;
  discarded: string | null;
}

function contextOf(payload: ContextPayload) {
  const priorClicks = new Map<string, number>();
  for (const click of payload.clicks) priorClicks.set(click.itemId, (priorClicks.get(click.itemId) ?? 0) + 1);
  return {
    steps: payload.steps,
    inCart: new Set(payload.inCart),
    purchased: new Set(payload.purchased),
    priorClicks,
  };
}

/** Everything the worker holds: the backend, the model, the shopper's head, the run in progress. */
export class WorkerSession {
  backend: BackendInfo | null = null;
  private allowSoftwareWebgl = false;
  private order: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];
  private loaded: Loaded | null = null;
  private running: AsyncGenerator<FineTuneLog, PersonalHead | null> | null = null;
  /** Resolves when the WebGL context is lost: a lost context leaves pending reads hanging forever, so runs race it. */
  private contextLost: Promise<'lost'> = new Promise(() => {});
  private markContextLost: () => void = () => {};
  private catalogCache = new Map<string, Promise<Map<string, CatalogItem>>>();

  constructor(private readonly notify: (notice: NoticeMessage) => void) {}

  async init(
    order: readonly BackendName[] | undefined,
    allowSoftwareWebgl: boolean | undefined,
  ): Promise<BackendInfo> {
    this.order = order ?? this.order;
    this.allowSoftwareWebgl = allowSoftwareWebgl ?? false;
    this.backend = await selectBackend({ order: this.order, allowSoftwareWebgl: this.allowSoftwareWebgl });
    this.watchContext();
    return this.backend;
  }

  /** Listens for a lost WebGL context, so a run in progress can move to the next backend. */
  private watchContext(): void {
    let resolve: () => void = () => {};
    this.contextLost = new Promise<'lost'>((r) => (resolve = () => r('lost')));
    this.markContextLost = resolve;
    if (tf.getBackend() !== 'webgl') return;
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
    const canvas = gl?.canvas as OffscreenCanvas | undefined;
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

  /** Moves to the next working backend after WebGL was lost, and reloads the model there. */
  private async fallBack(reason: string): Promise<void> {
    const order = this.order.filter((b) => b !== 'webgl');
    const previous = this.loaded;
    this.loaded = null;
    // Tensors of the lost context are gone; drop our handles without touching the GPU.
    this.backend = await selectBackend({ order, allowSoftwareWebgl: this.allowSoftwareWebgl });
    this.backend.fallbacks.unshift({ backend: 'webgl', reason });
    this.order = order;
    this.watchContext();
    this.notify({ notice: 'backend-changed', backend: this.backend, reason });
    if (previous) await this.load(previous.payload);
  }

  private async catalog(url: string): Promise<Map<string, CatalogItem>> {
    let pending = this.catalogCache.get(url);
    if (!pending) {
      pending = loadCatalog(url).then((c) => new Map(c.items.map((item) => [item.id, item])));
      this.catalogCache.set(url, pending);
      pending.catch(() => this.catalogCache.delete(url));
    }
    return pending;
  }

  async load(payload: LoadPayload): Promise<ModelInfo> {
    if (!this.backend) throw new Error('the worker has no backend yet; call init first');
    const [pretrained, catalog] = await Promise.all([
      loadPretrained(payload.modelUrl),
      payload.catalogUrl ? this.catalog(payload.catalogUrl) : Promise.resolve(null),
    ]);
    const meta = pretrained.meta;
    const baseModel =
      typeof meta.version === 'string' ? meta.version : `${meta.dataSha256 ?? 'unknown'}@${meta.date}`;
    const popularity = Array.isArray(meta.popularity) ? (meta.popularity as number[]) : null;
    const space = new ModelItemSpace(pretrained.model, meta.vocabulary, popularity);
    const store = await PersonalStore.open(payload.dbName);
    const dim = getEncoder(pretrained.model).cfg.dim;
    let head: PersonalHead | null = null;
    let click: tf.Sequential | null = null;
    let savedAt: number | null = null;
    let discarded: string | null = null;
    // Restores both personal models; throws (so the record is discarded) when either is unusable.
    const restore = (raw: unknown): { head: PersonalHead | null; click: tf.Sequential | null } => {
      const weights = raw as Partial<PersonalWeights> | null;
      if (!weights || typeof weights !== 'object' || !('head' in weights) || !('click' in weights))
        throw new Error('the record has no {head, click} weights');
      const restored = {
        head: weights.head ? new PersonalHead(dim, HEAD_RANK) : null,
        click: weights.click ? createClickModel() : null,
      };
      try {
        if (weights.head) restored.head!.restore(weights.head);
        if (weights.click) restoreClickWeights(restored.click!, weights.click);
      } catch (error) {
        restored.head?.dispose();
        restored.click?.dispose();
        throw error;
      }
      return restored;
    };
    const saved = await store.load(baseModel, (weights) => {
      const probe = restore(weights);
      probe.head?.dispose();
      probe.click?.dispose();
    });
    if ('record' in saved) {
      ({ head, click } = restore(saved.record.weights));
      savedAt = saved.record.savedAt;
    } else if (saved.discarded.key !== null) {
      discarded = saved.discarded.reason;
      this.notify({ notice: 'log', level: 'warn', message: `personal weights discarded: ${discarded}` });
    }
    space.head = head;
    this.unload();
    const shelves = new ShelfBuilder(space, catalog);
    this.loaded = {
      payload,
      pretrained,
      baseModel,
      space,
      shelves,
      store,
      head,
      click,
      catalog,
      savedAt,
      discarded,
    };
    this.useClickModel(click);
    return this.modelInfo();
  }

  /** Facts the click model reads about an item, from the catalog and the model card. */
  private itemFacts(): (itemId: string) => ItemFacts | undefined {
    const l = this.need();
    const popularity = l.space.popularity;
    let max = 0;
    if (popularity) for (const p of popularity) max = Math.max(max, p);
    return (itemId) => {
      const item = l.catalog?.get(itemId);
      const row = l.space.indexOf(itemId);
      const count = row !== undefined && popularity ? popularity[row]! : 0;
      if (!item && row === undefined) return undefined;
      return {
        topCategory: item?.category[0] ?? null,
        price: item?.price ?? null,
        popularity: max > 0 ? Math.log1p(count) / Math.log1p(max) : 0,
      };
    };
  }

  private useClickModel(click: tf.Sequential | null): void {
    const l = this.need();
    l.click = click;
    if (!click) {
      l.shelves.reranker = null;
      return;
    }
    const facts = this.itemFacts();
    l.shelves.reranker = (candidates, shelf, context) =>
      predictClicks(
        click,
        clickFeatures(
          candidates,
          { shelf, history: context.steps, priorClicks: context.priorClicks ?? new Map() },
          facts,
        ),
      );
  }

  private unload(): void {
    if (!this.loaded) return;
    this.loaded.space.dispose();
    this.loaded.head?.dispose();
    this.loaded.click?.dispose();
    this.loaded.pretrained.model.dispose();
    this.loaded.store.close();
    this.loaded = null;
  }

  private need(): Loaded {
    if (!this.loaded) throw new Error('no model loaded; call load({modelUrl, dbName}) first');
    return this.loaded;
  }

  modelInfo(): ModelInfo {
    const l = this.need();
    const encoder = getEncoder(l.pretrained.model);
    return {
      baseModel: l.baseModel,
      items: l.pretrained.meta.vocabulary.length,
      params: l.pretrained.model.countParams(),
      dim: encoder.cfg.dim,
      personal: {
        active: l.head !== null,
        savedAt: l.savedAt,
        trainableParams: 2 * encoder.cfg.dim * HEAD_RANK + encoder.cfg.dim,
        discarded: l.discarded,
      },
      clickModel: { active: l.click !== null, params: 16 * 50 + 50 + 50 * 100 + 100 + 100 + 1 },
    };
  }

  scoreItems(itemIds: string[], context: ContextPayload): ItemScore[] {
    return this.need().shelves.scoreItems(itemIds, contextOf(context));
  }

  recommend(request: ShelfRequest, context: ContextPayload): Shelf {
    return this.need().shelves.build(request, contextOf(context));
  }

  /** One run at a time in this worker, and one tab at a time across the browser (Web Locks). */
  async train(context: ContextPayload, trigger: string): Promise<TrainingRun | { skipped: string }> {
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

  private async runTraining(
    context: ContextPayload,
    trigger: string,
    retried = false,
  ): Promise<TrainingRun | { skipped: string }> {
    const l = this.need();
    const dim = getEncoder(l.pretrained.model).cfg.dim;
    const examples = nextItemExamples(
      context.steps,
      l.space.vocabularyIndex,
      getEncoder(l.pretrained.model).cfg.maxLen,
    );
    const start = l.head ?? new PersonalHead(dim, HEAD_RANK);
    const gen = fineTune(l.pretrained.model, start, examples, { trigger });
    this.running = gen;
    let run: TrainingRun | null = null;
    let result: IteratorResult<FineTuneLog, PersonalHead | null>;
    try {
      for (;;) {
        const next = await Promise.race([gen.next(), this.contextLost]);
        if (next === 'lost') {
          // The generator is stuck on a read that will never finish; abandon it with the lost context.
          void gen.return(null);
          if (retried) throw new Error('the WebGL context was lost twice in one run');
          this.running = null;
          await this.fallBack('WebGL context lost during training');
          return this.runTraining(context, trigger, true);
        }
        result = next;
        if (result.done) break;
        this.notify({ notice: 'train-log', log: result.value });
        if (result.value.type === 'done') run = result.value.run;
      }
    } finally {
      this.running = null;
    }
    const accepted = result.value;
    if (start !== l.head) start.dispose();
    if (!run) return { skipped: 'training was cancelled' };
    if (accepted) {
      l.head?.dispose();
      l.head = accepted;
      l.space.head = accepted;
    }
    const click = await this.trainClick(context);
    if (accepted || click.model) {
      // Save before switching: if the tab closes mid-save, the previous weights stay current.
      const nextClick = click.model ?? l.click;
      const weights: PersonalWeights = {
        head: l.head ? await l.head.snapshot() : null,
        click: nextClick ? clickWeights(nextClick) : null,
      };
      await l.store.save(l.baseModel, weights);
      if (click.model) {
        l.click?.dispose();
        this.useClickModel(click.model);
      }
      l.savedAt = Date.now();
      l.discarded = null;
    }
    const full: TrainingRun = { ...run, backend: tf.getBackend(), click: click.report };
    await l.store.logRun({ ...full });
    return full;
  }

  /** Trains a fresh click model on the recent impressions; returns it only if the guardrail accepted it. */
  private async trainClick(context: ContextPayload) {
    const l = this.need();
    const impressions = context.impressions.slice(-CLICK_IMPRESSIONS);
    const data = clickExamples(
      impressions,
      context.clicks,
      context.steps,
      this.itemFacts(),
      (history, ids) => {
        const scores = l.space.scoreAfter(history);
        if (!scores) return null;
        return ids.map((id) => {
          const row = l.space.indexOf(id);
          return row === undefined ? 0 : scores[row]!;
        });
      },
    );
    const model = createClickModel();
    const report = await trainClickModel(model, data);
    if (!report.accepted) model.dispose();
    return { report, model: report.accepted ? model : null };
  }

  async cancelTraining(): Promise<boolean> {
    if (!this.running) return false;
    const gen = this.running;
    this.running = null;
    await gen.return(null);
    return true;
  }

  /** Layers, parameter counts and sizes of the pretrained model, and statistics of the personal part. */
  modelSummary(): ModelSummary {
    const l = this.need();
    const stats = (name: string, tensor: tf.Tensor): WeightStats => {
      const values = tensor.dataSync();
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
      personal: l.head
        ? [stats('head/down', l.head.down), stats('head/up', l.head.up), stats('head/bias', l.head.bias)]
        : [],
      click: l.click ? l.click.weights.map((w) => stats(`click/${w.name}`, w.read())) : [],
    };
  }

  /** Moves to the given backends (first that works) and reloads the model there. */
  async switchBackend(order: BackendName[]): Promise<{ backend: BackendInfo; model: ModelInfo | null }> {
    if (this.running)
      throw new Error('cannot switch backends while a training run is in progress; cancel it first');
    const payload = this.loaded?.payload ?? null;
    this.unload();
    const backend = await this.init(order, this.allowSoftwareWebgl);
    return { backend, model: payload ? await this.load(payload) : null };
  }

  async runs(): Promise<TrainingRun[]> {
    return (await this.need().store.runs()) as unknown as TrainingRun[];
  }

  async resetPersonal(): Promise<ModelInfo> {
    const l = this.need();
    await l.store.clear();
    l.head?.dispose();
    l.head = null;
    l.space.head = null;
    l.click?.dispose();
    this.useClickModel(null);
    l.savedAt = null;
    return this.modelInfo();
  }
}
