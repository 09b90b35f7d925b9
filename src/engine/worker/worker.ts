/// <reference lib="webworker" />
/**
 * The LocalShelf worker: it owns TensorFlow.js, so the page never blocks on math.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { selectBackend, type BackendInfo } from './backend.ts';
import {
  serializeError,
  type CallType,
  type RequestMessage,
  type ResponseMessage,
  type WorkerCalls,
} from './protocol.ts';

let backend: BackendInfo | null = null;

type Handlers = {
  [T in CallType]: (payload: WorkerCalls[T]['payload']) => Promise<WorkerCalls[T]['result']>;
};

const handlers: Handlers = {
  async init(payload) {
    backend = await selectBackend({
      order: payload.backends,
      allowSoftwareWebgl: payload.allowSoftwareWebgl,
    });
    return backend;
  },
  async status() {
    const memory = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
    return {
      backend,
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
};

self.addEventListener('message', (event: MessageEvent<RequestMessage>) => {
  const { id, type, payload } = event.data;
  const handler = handlers[type] as ((p: unknown) => Promise<unknown>) | undefined;
  const reply = (message: ResponseMessage) => self.postMessage(message);
  if (!handler) {
    reply({
      id,
      ok: false,
      error: {
        name: 'TypeError',
        message: `unknown worker call "${type}"; expected one of ${Object.keys(handlers).join(', ')}`,
      },
    });
    return;
  }
  handler(payload).then(
    (result) => reply({ id, ok: true, result }),
    (error: unknown) => reply({ id, ok: false, error: serializeError(error) }),
  );
});
