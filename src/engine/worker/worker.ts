/// <reference lib="webworker" />
/**
 * The LocalShelf worker: it owns TensorFlow.js, so the page never blocks on math.
 * This file only routes messages; the state lives in WorkerSession.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { WorkerSession } from './session.ts';
import { watchWorkerRequests } from './request-audit.ts';
import {
  serializeError,
  type CallType,
  type NoticeMessage,
  type RequestMessage,
  type ResponseMessage,
  type WorkerCalls,
} from './protocol.ts';

const session = new WorkerSession((notice: NoticeMessage) => self.postMessage(notice));
watchWorkerRequests((requests) => self.postMessage({ notice: 'requests', requests } satisfies NoticeMessage));

type Handlers = {
  [T in CallType]: (payload: WorkerCalls[T]['payload']) => Promise<WorkerCalls[T]['result']>;
};

const handlers: Handlers = {
  init: ({ backends, ...policy }) => session.init(backends, policy),
  async status() {
    const memory = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
    return {
      backend: session.backend,
      memory: {
        numTensors: memory.numTensors,
        numBytes: memory.numBytes,
        numBytesInGPU: memory.numBytesInGPU ?? null,
      },
    };
  },
  async probe({ size }) {
    if (!Number.isInteger(size) || size < 1 || size > 4096)
      throw new RangeError(`probe size is ${size}; expected an integer from 1 to 4096`);
    const start = performance.now();
    const result = tf.tidy(() =>
      tf.matMul(tf.randomUniform([size, size]), tf.randomUniform([size, size])).mean(),
    );
    const checksum = (await result.data())[0] ?? NaN;
    result.dispose();
    return { backend: tf.getBackend(), checksum, ms: performance.now() - start };
  },
  load: (p) => session.load(p),
  recommend: async (p) => session.recommend(p.request, p.context),
  scoreItems: async (p) => session.scoreItems(p.itemIds, p.context),
  rerank: async (p) => session.rerank(p.itemIds, p.request, p.context),
  train: (p) => session.train(p.context, p.trigger),
  cancelTraining: async () => ({ cancelled: await session.cancelTraining() }),
  runs: () => session.runs(),
  modelInfo: async () => session.modelInfo(),
  resetPersonal: () => session.resetPersonal(),
  modelSummary: async () => session.modelSummary(),
  switchBackend: (p) => session.switchBackend(p.backends),
  loseWebglContext: async () => ({ lost: session.loseWebglContext() }),
};

self.addEventListener('message', (event: MessageEvent<RequestMessage>) => {
  const { id, type, payload } = event.data;
  const handler = handlers[type] as ((p: unknown) => Promise<unknown>) | undefined;
  const reply = (message: ResponseMessage) => self.postMessage(message);
  if (!handler) {
    const known = Object.keys(handlers).join(', ');
    reply({
      id,
      ok: false,
      error: { name: 'TypeError', message: `unknown worker call "${type}"; expected one of ${known}` },
    });
    return;
  }
  handler(payload).then(
    (result) => reply({ id, ok: true, result }),
    (error: unknown) => reply({ id, ok: false, error: serializeError(error) }),
  );
});
