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

  /** `scriptUrl` names the worker's file in the error when it cannot be loaded. */
  constructor(
    private readonly worker: Worker,
    private readonly scriptUrl: () => string | null = () => null,
  ) {
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
  }

  /** Starts the engine's own worker (bundled by Vite as an ES module worker). */
  static start(): WorkerClient {
    // The bundler writes the worker's real URL into `new Worker(new URL(...))`; a recording
    // subclass stands in for the global for that one call, so a failed load can name the URL.
    const native = globalThis.Worker;
    let scriptUrl: string | null = null;
    globalThis.Worker = class extends native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        scriptUrl = String(url);
      }
    };
    let worker: Worker;
    try {
      worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'localshelf' });
    } finally {
      globalThis.Worker = native;
    }
    return new WorkerClient(worker, () => scriptUrl);
  }

  call<T extends CallType>(type: T, payload: WorkerCalls[T]['payload']): Promise<WorkerCalls[T]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, type, payload });
    });
  }

  onNotice(listener: (notice: NoticeMessage) => void): () => void {
    return this.notices.subscribe(listener);
  }

  terminate(): void {
    this.worker.terminate();
    const error = new Error('LocalShelf worker was terminated');
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
