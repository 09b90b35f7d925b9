import * as tf from '@tensorflow/tfjs';
import { matMulFast } from './fast-matmul.ts';

/** Positions whose logits over every item are held at once; bounds memory at rows × items floats. */
export const DEFAULT_LOSS_CHUNK = 512;

/**
 * Mean softmax cross-entropy of states h [P, d] against every item of E [N, d], labels in
 * 0..N-1, with an optional constant `logitBias` [N] added to every row's logits.
 *
 * Chunked over positions: at most `chunkRows` × N logits exist at a time (a [6,400 × 12,101]
 * logit matrix several times over ran tfjs-wasm out of memory). The gradient is computed in
 * the same pass, chunk by chunk, so no [P, N] matrix is kept for the backward pass:
 * dh = (softmax · E − E[y]) / P and dE = (softmaxᵀ · h − onehotᵀ · h) / P. The probabilities
 * come from the softmax kernel (XNNPACK on wasm; ~3× faster than exp, max, sum and divide as
 * separate ops), and each position's loss is −log p(y), floored at 1e-30 so a vanishing
 * probability reports a large finite loss (its gradient is exact regardless). Every matMul is
 * untransposed (transposed operands are ~10× slower on wasm).
 */
export function fullSoftmaxLoss(
  h: tf.Tensor2D,
  items: tf.Tensor2D,
  labels: Int32Array,
  logitBias?: Float32Array,
  chunkRows = DEFAULT_LOSS_CHUNK,
): tf.Scalar {
  const [p, d] = h.shape;
  const [n] = items.shape;
  if (labels.length !== p)
    throw new Error(`fullSoftmaxLoss: ${labels.length} labels for ${p} states; expected equal counts`);
  if (!Number.isInteger(chunkRows) || chunkRows < 1)
    throw new Error(`fullSoftmaxLoss: chunkRows is ${chunkRows}; expected a positive integer`);
  const bad = labels.findIndex((y) => !(y >= 0 && y < n));
  if (bad >= 0)
    throw new Error(
      `fullSoftmaxLoss: label ${labels[bad]} at position ${bad}; expected an item index in [0, ${n})`,
    );
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [hIn, eIn, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
    const labelRows = tf.tensor1d(labels, 'int32');
    const eT = eIn.transpose();
    const bias = logitBias ? tf.tensor1d(logitBias) : null;
    let negLogSum: tf.Tensor = tf.scalar(0);
    let dET: tf.Tensor = tf.zeros([d, n]);
    const dhParts: tf.Tensor[] = [];
    for (let start = 0; start < p; start += chunkRows) {
      const rows = Math.min(chunkRows, p - start);
      const [part, nextLoss, nextDET] = tf.tidy(() => {
        const hc = hIn.slice([start, 0], [rows, d]);
        const raw = tf.matMul(hc, eT);
        const probs = tf.softmax(bias ? raw.add(bias) : raw);
        const flat = Int32Array.from({ length: rows }, (_, i) => i * n + (labels[start + i] as number));
        const py = tf.gather(probs.reshape([rows * n]), tf.tensor1d(flat, 'int32'));
        const yc = labelRows.slice([start], [rows]);
        const dhc = tf.matMul(probs, eIn).sub(tf.gather(eIn, yc));
        return [dhc, negLogSum.sub(py.maximum(1e-30).log().sum()), dET.add(tf.matMul(hc.transpose(), probs))];
      });
      negLogSum.dispose();
      dET.dispose();
      negLogSum = nextLoss;
      dET = nextDET;
      dhParts.push(part);
    }
    const dh = (dhParts.length === 1 ? dhParts[0] : tf.concat(dhParts, 0)) as tf.Tensor;
    const dE = dET.transpose().sub(tf.scatterND(labelRows.reshape([p, 1]), hIn, [n, d]));
    save([dh.div(p), dE.div(p)]);
    return {
      value: negLogSum.div(p) as tf.Scalar,
      gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => {
        const [dhS, dES] = saved as [tf.Tensor2D, tf.Tensor2D];
        return [dhS.mul(dy), dES.mul(dy)];
      },
    };
  });
  return f(h, items) as tf.Scalar;
}

/**
 * Weighted softmax cross-entropy of user states u [B, d] over every item, for a frozen item
 * table: Σ_b w_b · −log p(y_b | u_b), given the table twice (items [N, d] and itemsT [d, N],
 * so every matMul is untransposed) and the targets' vectors [B, d]. The gradient goes to u
 * only: du = w · (softmax · E − E[y]). Written out because autodiff through tf.logSumExp
 * (max, exp, sum, log and their broadcasts) made a 200-example adapter step ~8× slower on
 * wasm than the forward pass; the softmax kernel does the exponentials once.
 * `offsets` (scores added to every logit that do not depend on u: the model's transition blend
 * and catalog prior, [B, N]) with the targets' own offsets [B] make the loss that of the scores
 * the shelves rank by; the gradient keeps its form, its softmax now over the offset logits.
 */
export function frozenItemsSoftmaxLoss(
  u: tf.Tensor2D,
  items: tf.Tensor2D,
  itemsT: tf.Tensor2D,
  targetItems: tf.Tensor2D,
  weights: tf.Tensor1D,
  offsets?: { all: tf.Tensor2D; targets: tf.Tensor1D },
): tf.Scalar {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [uIn, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const logits = tf.matMul(uIn, itemsT);
    const raw = offsets ? tf.add(logits, offsets.all) : logits;
    const probs = tf.softmax(raw);
    // logsumexp read off the softmax: the largest logit minus the log of its probability (≥ 1/N).
    const logNormalizer = tf.sub(tf.max(raw, 1), tf.log(tf.max(probs, 1)));
    const targetDots = tf.sum(tf.mul(uIn, targetItems), 1);
    const targetLogits = offsets ? tf.add(targetDots, offsets.targets) : targetDots;
    save([tf.mul(tf.sub(tf.matMul(probs, items), targetItems), weights.reshape([-1, 1]))]);
    return {
      value: tf.sum(tf.mul(tf.sub(logNormalizer, targetLogits), weights)) as tf.Scalar,
      gradFunc: (dy: tf.Scalar, saved: tf.Tensor[]) => [saved[0]!.mul(dy)],
    };
  });
  return f(u) as tf.Scalar;
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

/** log σ(x), written with ops every backend has: −(max(−x, 0) + log(1 + e^−|x|)). */
function logSigmoid(x: tf.Tensor): tf.Tensor {
  return x.neg().relu().add(x.abs().neg().exp().log1p()).neg();
}

/**
 * gBCE (gSASRec, Petrov & Macdonald 2023) over shared uniform negatives: −β·log σ(s⁺) −
 * Σ log σ(−s⁻), with β = α(t(1 − 1/α) + 1/α) and α = negatives / (numItems − 1) the sampling
 * rate; t = 1 calibrates the sigmoid to the full softmax's probabilities, t = 0 is plain BCE.
 * A negative that happens to be a position's own target is not counted against it.
 */
export function gbceLoss(
  h: tf.Tensor2D,
  items: tf.Tensor2D,
  labels: Int32Array,
  negatives: Int32Array,
  numItems: number,
  t: number,
): tf.Scalar {
  const [p] = h.shape;
  const k = negatives.length;
  if (labels.length !== p)
    throw new Error(`gbceLoss: ${labels.length} labels for ${p} states; expected equal counts`);
  if (k < 1 || numItems < 2)
    throw new Error(
      `gbceLoss: ${k} negatives over ${numItems} items; expected at least 1 negative and 2 items`,
    );
  const alpha = k / (numItems - 1);
  const beta = alpha * (t * (1 - 1 / alpha) + 1 / alpha);
  const keep = new Float32Array(p * k).fill(1);
  labels.forEach((y, i) => negatives.forEach((n, j) => n === y && (keep[i * k + j] = 0)));
  return tf.tidy(() => {
    const pos = h.mul(tf.gather(items, tf.tensor1d(labels, 'int32'))).sum(1);
    const neg = matMulFast(h, tf.gather(items, tf.tensor1d(negatives, 'int32')), true);
    const posLoss = logSigmoid(pos).mul(-beta);
    const negLoss = logSigmoid(neg.neg())
      .mul(tf.tensor2d(keep, [p, k]))
      .sum(1)
      .neg();
    return posLoss.add(negLoss).mean() as tf.Scalar;
  });
}
