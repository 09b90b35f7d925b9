import {
  deserializeError,
  type CallType,
  type NoticeMessage,
  type ResponseMessage,
  type WorkerCalls,
} from './protocol.ts';

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
  private readonly noticeListeners = new Set<(notice: NoticeMessage) => void>();

  constructor(private readonly worker: Worker) {
    worker.addEventListener('message', (event: MessageEvent<ResponseMessage | NoticeMessage>) => {
      const data = event.data;
      if ('notice' in data) {
        for (const listener of this.noticeListeners) listener(data);
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
        `LocalShelf worker failed: ${event.message || 'could not load the worker script'}`,
      );
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  /** Starts the engine's own worker (bundled by Vite as an ES module worker). */
  static start(): WorkerClient {
    return new WorkerClient(
      new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'localshelf' }),
    );
  }

  call<T extends CallType>(type: T, payload: WorkerCalls[T]['payload']): Promise<WorkerCalls[T]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, type, payload });
    });
  }

  onNotice(listener: (notice: NoticeMessage) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  terminate(): void {
    this.worker.terminate();
    const error = new Error('LocalShelf worker was terminated');
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
