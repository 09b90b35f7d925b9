import * as tf from '@tensorflow/tfjs';

/**
 * Mean softmax cross-entropy of states h [P, d] against every item of E [N, d], labels in
 * 0..N-1, with an optional constant `logitBias` [N] added to every row's logits. Written with
 * an explicit gradient so the [P, N] probabilities are computed once and every matMul is
 * untransposed (transposed operands are ~10× slower on wasm).
 */
export function fullSoftmaxLoss(
  h: tf.Tensor2D,
  items: tf.Tensor2D,
  labels: Int32Array,
  logitBias?: Float32Array,
): tf.Scalar {
  const [p] = h.shape;
  const [n] = items.shape;
  if (labels.length !== p)
    throw new Error(`fullSoftmaxLoss: ${labels.length} labels for ${p} states; expected equal counts`);
  const flatIndex = Int32Array.from(labels, (y, i) => i * n + y);
  const onehotIndex = new Int32Array(p * 2);
  labels.forEach((y, i) => {
    onehotIndex[2 * i] = i;
    onehotIndex[2 * i + 1] = y;
  });
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [hIn, eIn, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    const raw = tf.matMul(hIn, eIn.transpose());
    const logits = logitBias ? raw.add(tf.tensor1d(logitBias)) : raw;
    const m = logits.max(1, true);
    const ex = logits.sub(m).exp();
    const s = ex.sum(1, true);
    const lse = s.log().add(m).reshape([p]);
    const positive = tf.gather(logits.reshape([p * n]), tf.tensor1d(flatIndex, 'int32'));
    const probs = ex.div(s);
    save([hIn, eIn, probs]);
    return {
      value: lse.sub(positive).mean() as tf.Scalar,
      gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => {
        const [hS, eS, pr] = saved as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
        const minusOne = tf.scatterND(tf.tensor2d(onehotIndex, [p, 2], 'int32'), tf.fill([p], -1), [p, n]);
        const g = pr.add(minusOne).mul(dy.div(p));
        const dh = tf.matMul(g, eS);
        const dE = tf.matMul(hS.transpose(), g).transpose();
        return [dh, dE];
      },
    };
  });
  return f(h, items) as tf.Scalar;
}

/**
 * Sampled softmax over a shared candidate set: every positive of the batch plus `negatives`
 * uniformly drawn items (so a state's negatives are the other states' positives and the
 * random items). It reuses the full-softmax kernel on the gathered rows, keeping the fast
 * untransposed matMuls; cost scales with the candidate count instead of the catalog size.
 * With `inclusion` (the chance that an item is among the candidates of a step), each logit is
 * lowered by log(chance) — the logQ correction: popular items, which are candidates in nearly
 * every batch, are otherwise pushed down far more often than the full softmax would.
 */
export function sharedNegativesLoss(
  h: tf.Tensor2D,
  items: tf.Tensor2D,
  labels: Int32Array,
  negatives: Int32Array,
  inclusion?: (item: number) => number,
): tf.Scalar {
  const local = new Map<number, number>();
  const candidates: number[] = [];
  const localLabels = Int32Array.from(labels, (y) => {
    let j = local.get(y);
    if (j === undefined) {
      j = candidates.length;
      local.set(y, j);
      candidates.push(y);
    }
    return j;
  });
  for (const n of negatives) {
    if (!local.has(n)) {
      local.set(n, candidates.length);
      candidates.push(n);
    }
  }
  const bias = inclusion ? Float32Array.from(candidates, (c) => -Math.log(inclusion(c))) : undefined;
  return tf.tidy(() =>
    fullSoftmaxLoss(h, tf.gather(items, tf.tensor1d(candidates, 'int32')) as tf.Tensor2D, localLabels, bias),
  );
}
