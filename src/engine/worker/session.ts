import * as tf from '@tensorflow/tfjs';
import type { CatalogItem } from '../catalog/schema.ts';
import { loadCatalog } from '../catalog/validate.ts';
import type { BackendName } from '../env.ts';
import { getEncoder } from '../model/model.ts';
import { PersonalStore } from '../model/personal-store.ts';
import { loadPretrained, type Pretrained } from '../model/pretrained.ts';
import { ModelItemSpace } from '../ranking/model-space.ts';
import { ShelfBuilder, type Shelf, type ShelfRequest } from '../ranking/shelves.ts';
import { nextItemExamples } from '../training/examples.ts';
import { fineTune, type FineTuneLog, type TrainingRun } from '../training/finetune.ts';
import { PersonalHead, type HeadWeights } from '../training/personal-head.ts';
import { selectBackend, type BackendInfo } from './backend.ts';
import type { ContextPayload, LoadPayload, ModelInfo, NoticeMessage } from './protocol.ts';

/** Rank of the personal adapter: 2·64·8 + 64 = 1,088 trainable parameters at dim 64. */
const HEAD_RANK = 8;

interface Loaded {
  payload: LoadPayload;
  pretrained: Pretrained;
  baseModel: string;
  space: ModelItemSpace;
  shelves: ShelfBuilder;
  store: PersonalStore;
  head: PersonalHead | null;
  savedAt: number | null;
  discarded: string | null;
}

function contextOf(payload: ContextPayload) {
  return { steps: payload.steps, inCart: new Set(payload.inCart), purchased: new Set(payload.purchased) };
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
    let savedAt: number | null = null;
    let discarded: string | null = null;
    const saved = await store.load(baseModel, (weights) => {
      const probe = new PersonalHead(dim, HEAD_RANK);
      try {
        probe.restore(weights as HeadWeights);
      } finally {
        probe.dispose();
      }
    });
    if ('record' in saved) {
      head = new PersonalHead(dim, HEAD_RANK);
      head.restore(saved.record.weights as HeadWeights);
      savedAt = saved.record.savedAt;
    } else if (saved.discarded.key !== null) {
      discarded = saved.discarded.reason;
      this.notify({ notice: 'log', level: 'warn', message: `personal weights discarded: ${discarded}` });
    }
    space.head = head;
    this.unload();
    this.loaded = {
      payload,
      pretrained,
      baseModel,
      space,
      shelves: new ShelfBuilder(space, catalog),
      store,
      head,
      savedAt,
      discarded,
    };
    return this.modelInfo();
  }

  private unload(): void {
    if (!this.loaded) return;
    this.loaded.space.dispose();
    this.loaded.head?.dispose();
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
    };
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
      // Save first: if the tab closes now, the previous weights stay current.
      await l.store.save(l.baseModel, await accepted.snapshot());
      l.head?.dispose();
      l.head = accepted;
      l.space.head = accepted;
      l.savedAt = Date.now();
      l.discarded = null;
    }
    await l.store.logRun({ ...run, backend: tf.getBackend() });
    return { ...run, backend: tf.getBackend() };
  }

  async cancelTraining(): Promise<boolean> {
    if (!this.running) return false;
    const gen = this.running;
    this.running = null;
    await gen.return(null);
    return true;
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
    l.savedAt = null;
    return this.modelInfo();
  }
}
