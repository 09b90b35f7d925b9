import {
  deserializeError,
  type CallType,
  type NoticeMessage,
  type ResponseMessage,
  type WorkerCalls,
} from './protocol.ts';
import { Listeners } from '../listeners.ts';

/**
 * The page's handle on the worker: typed calls that resolve with the worker's
 * result or reject with its error (same name and message).
 */
export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly notices = new Listeners<[NoticeMessage]>();

  /** The running worker; null until `spawn()` for a client started with `deferred`. */
  private worker: Worker | null = null;
  /** Messages posted before the worker exists, sent in order when it starts. */
  private readonly queued: unknown[] = [];
  /** After `terminate()` nothing starts again (a late `spawn()`, say from a page's timer). */
  private terminated = false;

  /**
   * `makeWorker` creates the worker (now, or at `spawn()` when `deferred`); `scriptUrl` names
   * its file in the error when it cannot be loaded.
   */
  constructor(
    private readonly makeWorker: () => Worker,
    private readonly scriptUrl: () => string | null = () => null,
    { deferred = false }: { deferred?: boolean } = {},
  ) {
    if (!deferred) this.spawn();
  }

  /** Whether the worker has been created (it always is unless started `deferred`). */
  get spawned(): boolean {
    return this.worker !== null;
  }

  /** Creates the worker if it is not running yet and sends what was posted meanwhile; idempotent. */
  spawn(): void {
    if (this.worker || this.terminated) return;
    const worker = this.makeWorker();
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<ResponseMessage | NoticeMessage>) => {
      const data = event.data;
      if ('notice' in data) {
        this.notices.emit(data);
        return;
      }
      const waiting = this.pending.get(data.id);
      if (!waiting) return;
      this.pending.delete(data.id);
      if (data.ok) waiting.resolve(data.result);
      else waiting.reject(deserializeError(data.error));
    });
    worker.addEventListener('error', (event) => {
      // A worker that fails to load or throws at top level fails every pending call.
      const error = new Error(
        event.message
          ? `LocalShelf worker failed: ${event.message}`
          : `LocalShelf could not load its worker script${this.scriptUrl() ? ` ${this.scriptUrl()}` : ''}; ` +
              'copy the whole LocalShelf folder (the script with its assets/ folder, as built) to your server, keeping its layout',
      );
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
    for (const message of this.queued.splice(0)) worker.postMessage(message);
  }

  /**
   * Starts the engine's own worker (bundled by Vite as an ES module worker). With `deferred`,
   * nothing is created until `spawn()`: calls made before it wait, in order.
   */
  static start(options: { deferred?: boolean } = {}): WorkerClient {
    let scriptUrl: string | null = null;
    const make = () => {
      // The bundler writes the worker's real URL into `new Worker(new URL(...))`; a recording
      // subclass stands in for the global for that one call, so a failed load can name the URL.
      const native = globalThis.Worker;
      globalThis.Worker = class extends native {
        constructor(url: string | URL, workerOptions?: WorkerOptions) {
          super(url, workerOptions);
          scriptUrl = String(url);
        }
      };
      try {
        return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'localshelf' });
      } finally {
        globalThis.Worker = native;
      }
    };
    return new WorkerClient(make, () => scriptUrl, options);
  }

  call<T extends CallType>(type: T, payload: WorkerCalls[T]['payload']): Promise<WorkerCalls[T]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.terminated) {
        reject(new Error('LocalShelf worker was terminated'));
        return;
      }
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message = { id, type, payload };
      if (this.worker) this.worker.postMessage(message);
      else this.queued.push(message);
    });
  }

  onNotice(listener: (notice: NoticeMessage) => void): () => void {
    return this.notices.subscribe(listener);
  }

  terminate(): void {
    this.terminated = true;
    this.worker?.terminate();
    this.queued.length = 0;
    const error = new Error('LocalShelf worker was terminated');
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
