import * as tf from '@tensorflow/tfjs';
import {
  addItemPriors,
  encodeHistory,
  userRepresentation,
  rankOf,
  type RankOutcome,
  nextItemExamples,
  type FineTuneOptions,
  PersonalHead,
} from '../../src/engine/node.ts';
import { fineTuneWithCandidate } from './capture.ts';
import type { DeviceShopper } from './shopper.ts';

/** What every shopper is evaluated with: the pretrained model, frozen, and the shipped fine-tuning setup. */
export interface ShopperContext {
  model: tf.LayersModel;
  vocabularyIndex: ReadonlyMap<string, number>;
  maxLen: number;
  dim: number;
  /** Rank of the personal head (8 in the browser). */
  headRank: number;
  /** Item vectors transposed, [dim, numItems], computed once. */
  itemsT: tf.Tensor2D;
  /** fineTune options; the browser passes none beyond the trigger. */
  options: FineTuneOptions;
}

/** One new shopper's outcome under the three variants, plus what fine-tuning cost. */
export interface ShopperResult {
  user: string;
  /** Events on the device (the history before the test item). */
  historyLength: number;
  examples: number;
  /** Whether fineTune trained at all (it skips shoppers with too few examples). */
  trained: boolean;
  accepted: boolean;
  reason: string;
  steps: number;
  /** fineTune's own wall time for the run, as the browser logs it. */
  ms: number;
  trainableParams: number;
  none: RankOutcome;
  finetuned: RankOutcome;
  guarded: RankOutcome;
}

/** Rank of the test item among all items, the history excluded, scoring with `head`. */
function rankWith(
  head: PersonalHead,
  user: tf.Tensor2D,
  ctx: ShopperContext,
  target: number,
  exclude: readonly number[],
  history: Int32Array,
): RankOutcome {
  const scores = tf.tidy(() => head.apply(user).matMul(ctx.itemsT));
  const values = scores.dataSync() as Float32Array;
  scores.dispose();
  // What the browser's ModelItemSpace adds after the head: the transition blend and catalog prior.
  addItemPriors(ctx.model, [history], values);
  return rankOf(values, target - 1, exclude);
}

/**
 * Evaluates one new shopper: (a) a fresh head (changes nothing: the pretrained model reading
 * the history), (b) the fine-tuned candidate always applied, (c) the head kept only if the
 * guardrail accepted it — exactly what the browser would then use.
 * `target` is the test item's vocabulary index; callers skip shoppers whose target is unknown
 * or already in their history.
 */
export async function evaluateShopper(
  ctx: ShopperContext,
  shopper: DeviceShopper,
  target: number,
): Promise<ShopperResult> {
  const history = encodeHistory(shopper.steps, ctx.vocabularyIndex, Number.MAX_SAFE_INTEGER);
  // The shelves never re-show anything in the history, however old; the model itself reads
  // only the latest maxLen events (userRepresentation clips).
  const exclude = [...new Set(Array.from(history.items, (i) => i - 1))];
  const user = userRepresentation(ctx.model, [history]);
  // The items the browser's scorer reads (the latest maxLen): its blend and prior vote from these.
  const latest = history.items.slice(-ctx.maxLen);
  const fresh = new PersonalHead(ctx.dim, ctx.headRank);
  try {
    const none = rankWith(fresh, user, ctx, target, exclude, latest);
    const examples = nextItemExamples(shopper.steps, ctx.vocabularyIndex, ctx.maxLen);
    const { run, accepted, inspected } = await fineTuneWithCandidate(
      ctx.model,
      fresh,
      examples,
      ctx.options,
      (candidate) => rankWith(candidate, user, ctx, target, exclude, latest),
    );
    let guarded = none;
    if (accepted) {
      guarded = rankWith(accepted, user, ctx, target, exclude, latest);
      accepted.dispose();
    }
    return {
      user: shopper.user,
      historyLength: shopper.steps.length,
      examples: examples.length,
      trained: run.before !== null,
      accepted: run.accepted,
      reason: run.reason,
      steps: run.steps,
      ms: run.ms,
      trainableParams: run.trainableParams,
      none,
      // Skipped runs leave the fresh head in place: the fine-tuned shopper is the untouched one.
      finetuned: inspected ?? none,
      guarded,
    };
  } finally {
    fresh.dispose();
    user.dispose();
  }
}
