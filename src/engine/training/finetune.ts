import * as tf from '@tensorflow/tfjs';
import { frozenItemsSoftmaxLoss } from '../model/loss.ts';
import { addItemPriors, getEncoder, itemMatrix, userRepresentation } from '../model/model.ts';
import { hitRate, ndcg, rankOf } from '../metrics/rank.ts';
import type { NextItemExample } from './examples.ts';
import { holdOutRecent } from './examples.ts';
import { guardrail, type HeldBackMetrics } from './guardrail.ts';
import { PersonalHead } from './personal-head.ts';

export interface FineTuneOptions {
  /** Most optimisation steps. Default: 40. */
  maxSteps?: number;
  /** Adam learning rate. Default: 0.01. */
  learningRate?: number;
  /** L2 pull of the head toward "no change". Default: 0.001. */
  l2?: number;
  /** Steps without a better held-back loss before stopping. Default: 6. */
  patience?: number;
  /** Fewest examples worth training on (training + held back). Default: 4. */
  minExamples?: number;
  /**
   * Fewest held-back examples an update may be judged on. They both pick the step (early
   * stopping) and judge it, so on one or two the verdict is mostly luck: on Beauty's new
   * shoppers under 10 events, heads kept on 1–2 held-back examples lowered NDCG@10 on average
   * (bench/results/personalize-Beauty.md). Default: 3 (13 examples, a fifth held back).
   */
  minHeldBack?: number;
  /** Most recent examples used; older ones are dropped (cost grows with each, taste drifts). Default: 200. */
  maxExamples?: number;
  /** What started the run, for the log. Default: "manual". */
  trigger?: string;
}

export type FineTuneLog =
  | { type: 'start'; examples: number; heldBack: number; trainableParams: number; before: HeldBackMetrics }
  | { type: 'step'; step: number; loss: number; heldBackLoss: number; elapsedMs: number }
  | { type: 'done'; run: AdapterRun };

/** The next-item adapter's part of a training run: what `fineTune` reports (run.ts adds the re-ranker's). */
export interface AdapterRun {
  trigger: string;
  startedAt: number;
  steps: number;
  losses: number[];
  heldBackLosses: number[];
  trainableParams: number;
  examples: number;
  heldBack: number;
  before: HeldBackMetrics | null;
  after: HeldBackMetrics | null;
  accepted: boolean;
  reason: string;
  ms: number;
  msPerStep: number;
  backend: string;
}

interface Prepared {
  users: tf.Tensor2D;
  targetItems: tf.Tensor2D;
  weights: tf.Tensor1D;
  /** The model's transition blend and catalog prior for each example (null when it has neither). */
  offsets: { all: tf.Tensor2D; targets: tf.Tensor1D } | null;
  /** The same offsets as numbers, added to the held-back scores the guardrail ranks. */
  offsetValues: Float32Array | null;
  examples: readonly NextItemExample[];
}

/**
 * What the shelves add to the head's logits for each example's history (ModelItemSpace adds it
 * through addItemPriors): constant while the head trains, so computed once. The head learns
 * what the blend and prior leave to learn, and the guardrail judges the scores shoppers see.
 */
function priorOffsets(
  model: tf.LayersModel,
  examples: readonly NextItemExample[],
  numItems: number,
): Float32Array | null {
  const encoder = getEncoder(model);
  if (!encoder.hasTransitions && !encoder.hasCatalogPrior) return null;
  const values = new Float32Array(examples.length * numItems);
  addItemPriors(
    model,
    examples.map((e) => e.history.items),
    values,
  );
  return values;
}

function prepare(model: tf.LayersModel, examples: readonly NextItemExample[], items: tf.Tensor2D): Prepared {
  const weightSum = examples.reduce((s, e) => s + e.weight, 0);
  const numItems = items.shape[0];
  const offsetValues = priorOffsets(model, examples, numItems);
  return {
    offsets: offsetValues && {
      all: tf.tensor2d(offsetValues, [examples.length, numItems]),
      targets: tf.tensor1d(examples.map((e, b) => offsetValues[b * numItems + e.target - 1]!)),
    },
    offsetValues,
    // The encoder is frozen, so user states are computed once, not per step.
    users: userRepresentation(
      model,
      examples.map((e) => e.history),
    ),
    // The target items' vectors, so each step reads the target logit as a dot product
    // instead of masking the whole [examples × items] matrix with a one-hot.
    targetItems: tf.tidy(() =>
      tf.gather(
        items,
        tf.tensor1d(
          examples.map((e) => e.target - 1),
          'int32',
        ),
      ),
    ),
    weights: tf.tensor1d(examples.map((e) => e.weight / weightSum)),
    examples,
  };
}

function dispose(p: Prepared): void {
  tf.dispose([p.users, p.targetItems, p.weights]);
  if (p.offsets) tf.dispose([p.offsets.all, p.offsets.targets]);
}

/** The frozen item table, as rows and transposed (wasm's matMul is fastest untransposed). */
interface ItemTable {
  rows: tf.Tensor2D;
  transposed: tf.Tensor2D;
}

/** Weighted softmax cross-entropy of the targets over every item (the item table is frozen). */
function weightedLoss(head: PersonalHead, data: Prepared, items: ItemTable): tf.Scalar {
  return tf.tidy(() =>
    frozenItemsSoftmaxLoss(
      head.apply(data.users),
      items.rows,
      items.transposed,
      data.targetItems,
      data.weights,
      data.offsets ?? undefined,
    ),
  );
}

async function measure(head: PersonalHead, data: Prepared, items: ItemTable): Promise<HeldBackMetrics> {
  const [scores, loss] = tf.tidy(() => [
    head.apply(data.users).matMul(items.transposed),
    weightedLoss(head, data, items),
  ]);
  const values = (await scores.data()) as Float32Array;
  const lossValue = (await loss.data())[0] ?? NaN;
  tf.dispose([scores, loss]);
  const n = items.transposed.shape[1];
  const offsets = data.offsetValues;
  if (offsets) for (let k = 0; k < values.length; k++) values[k] = values[k]! + offsets[k]!;
  let mrr = 0;
  let hr = 0;
  let nd = 0;
  data.examples.forEach((e, row) => {
    const r = rankOf(
      values.subarray(row * n, (row + 1) * n),
      e.target - 1,
      e.seen.filter((s) => s !== e.target).map((s) => s - 1),
    );
    mrr += 1 / (r.greater + 1 + r.ties / 2);
    hr += hitRate(r, 10);
    nd += ndcg(r, 10);
  });
  const m = data.examples.length;
  return { mrr: mrr / m, 'HR@10': hr / m, 'NDCG@10': nd / m, loss: lossValue };
}

/**
 * Fine-tunes a copy of `current` on the shopper's examples: few parameters, few
 * steps, early-stopped on the most recent held-back examples, then judged by the
 * guardrail. Yields a log per step and finally `{type: 'done', run}`; its return
 * value (read with `next()`, which `for await` drops) is the accepted head, or null.
 * Stopping early with `gen.return()` leaves `current` untouched and frees every tensor.
 */
export async function* fineTune(
  model: tf.LayersModel,
  current: PersonalHead,
  examples: readonly NextItemExample[],
  options: FineTuneOptions = {},
): AsyncGenerator<FineTuneLog, PersonalHead | null> {
  const started = performance.now();
  const startedAt = Date.now();
  const trigger = options.trigger ?? 'manual';
  const maxSteps = options.maxSteps ?? 40;
  const patience = options.patience ?? 6;
  const l2 = options.l2 ?? 1e-3;
  const base: AdapterRun = {
    trigger,
    startedAt,
    steps: 0,
    losses: [],
    heldBackLosses: [],
    trainableParams: current.parameterCount,
    examples: examples.length,
    heldBack: 0,
    before: null,
    after: null,
    accepted: false,
    reason: '',
    ms: 0,
    msPerStep: 0,
    backend: tf.getBackend(),
  };
  if (examples.length < (options.minExamples ?? 4)) {
    const reason = `skipped: ${examples.length} next-item examples; need at least ${options.minExamples ?? 4}`;
    yield { type: 'done', run: { ...base, reason, ms: performance.now() - started } };
    return null;
  }

  const split = holdOutRecent(examples.slice(-(options.maxExamples ?? 200)));
  const minHeldBack = options.minHeldBack ?? 3;
  if (split.heldBack.length < minHeldBack) {
    const reason = `skipped: ${examples.length} next-item examples leave ${split.heldBack.length} to judge an update on; need at least ${minHeldBack}`;
    yield {
      type: 'done',
      run: { ...base, heldBack: split.heldBack.length, reason, ms: performance.now() - started },
    };
    return null;
  }
  const rows = itemMatrix(model);
  const items: ItemTable = { rows, transposed: tf.tidy(() => rows.transpose() as tf.Tensor2D) };
  const train = prepare(model, split.train, rows);
  const heldBack = prepare(model, split.heldBack, rows);
  const candidate = current.clone();
  const optimizer = tf.train.adam(options.learningRate ?? 0.01);
  let best = await candidate.snapshot();
  let keep = false;
  let handedOver = false;
  try {
    const before = await measure(current, heldBack, items);
    yield {
      type: 'start',
      examples: split.train.length,
      heldBack: split.heldBack.length,
      trainableParams: candidate.parameterCount,
      before,
    };
    let bestLoss = before.loss;
    let sinceBest = 0;
    const losses: number[] = [];
    const heldBackLosses: number[] = [];
    for (let step = 1; step <= maxSteps; step++) {
      const loss = optimizer.minimize(
        () => tf.add(weightedLoss(candidate, train, items), tf.mul(l2, candidate.penalty())) as tf.Scalar,
        true,
        candidate.variables,
      );
      const heldBackLossTensor = weightedLoss(candidate, heldBack, items);
      const [lossValue, heldBackLoss] = [
        (await loss!.data())[0] ?? NaN,
        (await heldBackLossTensor.data())[0] ?? NaN,
      ];
      tf.dispose([loss!, heldBackLossTensor]);
      losses.push(lossValue);
      heldBackLosses.push(heldBackLoss);
      yield { type: 'step', step, loss: lossValue, heldBackLoss, elapsedMs: performance.now() - started };
      if (heldBackLoss < bestLoss - 1e-6) {
        bestLoss = heldBackLoss;
        best = await candidate.snapshot();
        sinceBest = 0;
      } else if (++sinceBest >= patience) break;
    }
    candidate.restore(best);
    const after = await measure(candidate, heldBack, items);
    const verdict = guardrail(before, after);
    keep = verdict.accepted;
    const ms = performance.now() - started;
    yield {
      type: 'done',
      run: {
        ...base,
        steps: losses.length,
        losses,
        heldBackLosses,
        examples: split.train.length,
        heldBack: split.heldBack.length,
        before,
        after,
        accepted: verdict.accepted,
        reason: verdict.reason,
        ms,
        msPerStep: ms / Math.max(1, losses.length),
      },
    };
    handedOver = keep;
    return keep ? candidate : null;
  } finally {
    optimizer.dispose();
    dispose(train);
    dispose(heldBack);
    tf.dispose([items.rows, items.transposed]);
    // Stopped early, rejected, or abandoned after 'done': nobody owns the candidate.
    if (!handedOver) candidate.dispose();
  }
}
