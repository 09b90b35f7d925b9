import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/**
 * Node scripts run tfjs on the wasm backend (SIMD, no threads): tfjs-node cannot be installed
 * here and the cpu backend is ~30× slower at matMul. Falls back to cpu with a warning.
 */
export async function startNodeBackend(preferred: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  const ok = await tf.setBackend(preferred).catch(() => false);
  if (!ok) {
    process.stderr.write(`tfjs backend "${preferred}" failed to start; using "cpu"\n`);
    await tf.setBackend('cpu');
  }
  await tf.ready();
  return tf.getBackend();
}
