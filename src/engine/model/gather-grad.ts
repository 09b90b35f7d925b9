import * as tf from '@tensorflow/tfjs';

/**
 * tfjs's own GatherV2 gradient uses UnsortedSegmentSum, which the wasm backend lacks and
 * cpu/webgl run slowly. scatterND sums duplicate indices, which is exactly the gradient
 * of a gather (every row picked k times receives the sum of its k upstream gradients).
 */
let registered = false;

export function gatherGradient(dy: tf.Tensor, x: tf.Tensor, indices: tf.Tensor, axis: number): tf.Tensor {
  return tf.tidy(() => {
    const rank = x.rank;
    const ax = axis < 0 ? axis + rank : axis;
    // Move the gathered axis to the front, scatter there, then move it back.
    const perm = [ax, ...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== ax)];
    const xShape = perm.map((p) => x.shape[p] ?? 0);
    const rest = xShape.slice(1);
    const restSize = rest.reduce((a, b) => a * b, 1);
    // dy has shape x.shape[:ax] + indices.shape + x.shape[ax+1:].
    const before = x.shape.slice(0, ax);
    const idxRank = indices.rank;
    const dyPerm = [
      ...Array.from({ length: idxRank }, (_, i) => before.length + i),
      ...before.map((_, i) => i),
      ...Array.from({ length: rank - ax - 1 }, (_, i) => before.length + idxRank + i),
    ];
    const dyT = dy.transpose(dyPerm).reshape([indices.size, restSize]);
    const idx = indices.reshape([indices.size, 1]).toInt();
    const scattered = tf.scatterND(idx, dyT, [xShape[0] ?? 0, restSize]).reshape(xShape);
    const inverse = perm.map((_, i) => perm.indexOf(i));
    return scattered.transpose(inverse);
  });
}

/** Registers the scatterND-based GatherV2 gradient once per process (idempotent). */
export function registerGatherGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient({
    kernelName: 'GatherV2',
    inputsToSave: ['x', 'indices'],
    gradFunc: (dy, saved, attrs) => {
      const [x, indices] = saved as [tf.Tensor, tf.Tensor];
      const { axis, batchDims } = attrs as unknown as { axis: number; batchDims: number };
      if (batchDims !== 0) throw new Error(`GatherV2 gradient: batchDims is ${batchDims}; expected 0`);
      const g = Array.isArray(dy) ? dy[0] : dy;
      if (!g) throw new Error('GatherV2 gradient: missing upstream gradient');
      return { x: () => gatherGradient(g, x, indices, axis), indices: () => tf.zerosLike(indices) };
    },
  });
}
