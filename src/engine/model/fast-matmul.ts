import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes. */
function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = Array.from({ length: x.rank }, (_, i) => i);
  perm[x.rank - 2] = x.rank - 1;
  perm[x.rank - 1] = x.rank - 2;
  return x.transpose(perm);
}

/**
 * a · b (optionally with b's last two axes swapped) whose gradients use only untransposed
 * matMuls. On the wasm backend a matMul with a transposed operand runs ~10× slower than an
 * explicit transpose followed by a plain matMul, and tfjs's own matMul gradient uses the
 * transposed forms — which made the encoder's backward pass the bottleneck of training.
 */
export function matMulFast(a: tf.Tensor, b: tf.Tensor, transposeB = false): tf.Tensor {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, y, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const yy = transposeB ? swapLast(y) : y;
    save([x, yy]);
    return {
      value: tf.matMul(x, yy),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ys] = saved as [tf.Tensor, tf.Tensor];
        const dx = tf.matMul(dy, swapLast(ys));
        const dyy = tf.matMul(swapLast(xs), dy);
        return [dx, transposeB ? swapLast(dyy) : dyy];
      },
    };
  });
  return f(a, b);
}
