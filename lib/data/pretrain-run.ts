import type * as tf from '@tensorflow/tfjs';
import {
  calibrateCatalogPrior,
  calibrateTransitions,
  complementTable,
  leafTable,
  contentFeatures,
  createModel,
  getEncoder,
  scoreBatch,
  train,
  transitionTable,
  voterWeights,
  type ModelConfig,
  type PriorCalibration,
  type TransitionCalibration,
  type TrainLog,
  type TrainOptions,
  type TrainResult,
  type EncodedHistory,
  type CatalogItem,
  PRETRAIN_DEFAULTS,
  WITH_CATALOG_DEFAULTS,
} from '../../src/engine/node.ts';
import type { UserSequence } from './read-dataset.ts';
import { buildVocabulary, validationCases, withoutLast } from './split.ts';

export type PretrainSettings = Omit<ModelConfig, 'numItems'> &
  TrainOptions & {
    /** Validation users scored after each epoch for early stopping (a seeded sample); 0 = all. */
    validUsers?: number;
    /**
     * Once validation has chosen the epoch and the blend, train again from the same initial
     * weights on every item but each user's last (the validation items included), with the same
     * epochs and learning rates, and rebuild the blend's table from those sequences.
     */
    refit?: boolean;
  };

/**
 * Defaults chosen under a wall-clock budget on 2 shared cores: SASRec-sized; softmax over the
 * batch's positives plus 2048 shared uniform negatives with the logQ correction (each candidate's
 * logit minus the log of its chance of being a candidate in that step: a uniform draw or one of the
 * batch's targets); learning rate 3e-3 after a one-epoch linear
 * warm-up, halved after every 2 epochs in a row without a better validation score (a one-epoch dip
 * is noise: halving on every dip stopped the full softmax at .0521 on Beauty), stopping after 6;
 * dropout 0.5 (0.2 overfit Sports after 6 epochs). logQ: on Beauty, the same schedule with logQ
 * reached validation NDCG@10 .0599 (test .0788 / .0473) against .0575 without it (test
 * .0770 / .0465), both on 8,000 validation users (notes in bench/results/quality-Beauty.md).
 * In 8-minute probes on a loaded machine, gBCE over 256 negatives and the full softmax (an epoch
 * costs ~4× as much) were still in the early plateau with the others: nothing separated them.
 * Early stopping looks at 8,000 sampled validation users: the sample's NDCG@10 standard error is
 * ~0.002, and the same users score every epoch, so epoch-to-epoch differences are far less noisy
 * than that.
 * The transition blend (src/engine/model/transitions.ts) keeps 10 co-occurring items per item: on
 * the Beauty model of 6115479 its calibration lifted validation NDCG@10 from .0592 to .0657 with
 * 10 neighbours, .0653 with 20 and .0656 with 50 (the grid's other choices differed little), so
 * the smallest table.
 */
// The values are the engine's one table of defaults (src/engine/model/defaults.ts), in the
// key order the model cards and bench/results/quality-* record.
const { neighboursPerItem, ...schedule } = PRETRAIN_DEFAULTS;
export const DEFAULT_SETTINGS: PretrainSettings = {
  ...schedule,
  validUsers: 8000,
  neighboursPerItem,
  refit: true,
};

export interface PretrainOutput {
  model: tf.LayersModel;
  vocabulary: string[];
  index: Map<string, number>;
  result: TrainResult;
  params: number;
  settings: PretrainSettings;
  /** Validation users scored after each epoch. */
  validationUsers: number;
  /** The complement prior's calibration on the validation users, when the model has one. */
  prior?: PriorCalibration;
  /** The transition blend's calibration on the validation users, when the model has a table. */
  transitions?: TransitionCalibration;
  /** Wall time of the blend's calibration (tables built and the grid searched). */
  transitionSeconds?: number;
  /** The refit (settings.refit): epochs replayed on the longer sequences and their wall time. */
  refit?: { epochs: number; seconds: number; epochMs: number[] };
}

/**
 * Leave-one-out by time: each user's last item is the test item (never trained on), the one
 * before it the validation item (early stopping), the rest the training sequence.
 * Users with fewer than 3 items contribute what they can (training only). With `refit`, the
 * final model is trained again with the validation items added (see PretrainSettings.refit):
 * each user's most recent behaviour before the test item is the most telling about it (on
 * Beauty, the tuned co-occurrence kNN fitted with it scores test NDCG@10 .0526 against .0457
 * without it), and a model that is shipped should learn from everything it may.
 */
export async function pretrain(
  users: readonly UserSequence[],
  settings: PretrainSettings,
  opts: {
    catalog?: readonly CatalogItem[];
    onLog?: (log: TrainLog) => void;
    /**
     * Called with the model as the protocol trains it (the training split only, epoch and blend
     * chosen on validation), before the refit replaces its weights: what bench:quality compares
     * with the published numbers, which follow that protocol.
     */
    beforeRefit?: (run: PretrainOutput) => void | Promise<void>;
  } = {},
): Promise<PretrainOutput> {
  const s = { ...DEFAULT_SETTINGS, ...settings };
  const vocabulary = buildVocabulary(users, opts.catalog?.map((i) => i.id) ?? []);
  const index = new Map(vocabulary.map((id, i) => [id, i + 1]));
  const maxLen = s.maxLen ?? 50;
  const sequences = withoutLast(users, index, 2);
  const validUsers = s.validUsers ?? 0;
  if (!Number.isInteger(validUsers) || validUsers < 0)
    throw new Error(`setting "validUsers" is ${validUsers}; expected an integer ≥ 0 (0 = all)`);
  const validation = validationCases(users, index, maxLen, { users: validUsers, seed: s.seed ?? 42 });
  const model = createModel({
    ...s,
    numItems: vocabulary.length,
    hashBuckets: opts.catalog ? (s.hashBuckets ?? WITH_CATALOG_DEFAULTS.hashBuckets) : 0,
    complementsPerItem: opts.catalog ? (s.complementsPerItem ?? 0) : 0,
  });
  if (opts.catalog) {
    const enc = getEncoder(model);
    const { hashBuckets, tokensPerItem, priceBuckets } = enc.cfg;
    const { tokens, price } = contentFeatures(
      vocabulary,
      opts.catalog,
      hashBuckets,
      tokensPerItem,
      priceBuckets,
    );
    enc.setContentFeatures(tokens, price);
    if (enc.hasCatalogPrior)
      enc.setCatalogRelations(
        complementTable(vocabulary, opts.catalog, enc.cfg.complementsPerItem),
        leafTable(vocabulary, opts.catalog),
      );
    const seen = new Set(users.flatMap((u) => u.items));
    enc.zeroItemRows(vocabulary.flatMap((id, i) => (seen.has(id) ? [] : [i + 1])));
  }
  const vars = getEncoder(model).trainableWeights.map((w) => w.read() as tf.Variable);
  const initial = s.refit ? vars.map((v) => v.clone()) : [];
  const runTraining = async (seqs: readonly EncodedHistory[], replay?: readonly boolean[]) => {
    const gen = train(model, seqs, validation, s, replay);
    let next = await gen.next();
    while (!next.done) {
      opts.onLog?.(next.value);
      next = await gen.next();
    }
    return next.value;
  };
  const result = await runTraining(sequences);
  // The neural part trains without the blend and the prior (their weights are 0 until now); the
  // blend's table is then built from the training sequences alone, and its weights and the
  // prior's bonus fitted on the same validation users that chose the epoch, the blend first
  // (the prior is fitted on top of it).
  const encoder = getEncoder(model);
  const score = (histories: readonly { items: Int32Array }[]) =>
    scoreBatch(model, histories as EncodedHistory[]);
  const calibrationStart = Date.now();
  const transitions = encoder.hasTransitions
    ? calibrateTransitions(
        encoder,
        sequences.map((h) => h.items),
        validation,
        score,
      )
    : undefined;
  const transitionSeconds = (Date.now() - calibrationStart) / 1000;
  const prior = encoder.hasCatalogPrior ? calibrateCatalogPrior(encoder, validation, score) : undefined;
  const output: PretrainOutput = {
    model,
    vocabulary,
    index,
    result,
    params: model.countParams(),
    settings: s,
    validationUsers: validation.length,
    prior,
    transitions,
    transitionSeconds,
  };
  const replay = result.improvements.slice(0, result.bestEpoch);
  if (s.refit && replay.length > 0) {
    await opts.beforeRefit?.(output);
    const refitStart = Date.now();
    const upToTest = withoutLast(users, index, 1);
    vars.forEach((v, i) => v.assign(initial[i] as tf.Tensor));
    const again = await runTraining(upToTest, replay);
    // The blend keeps the setting validation chose; its table now counts the validation items too.
    if (transitions)
      encoder.setTransitions(
        transitionTable(
          upToTest.map((h) => h.items),
          vocabulary.length,
          { window: transitions.window, perItem: transitions.perItem, similarity: transitions.similarity },
        ),
        voterWeights(transitions.voters, transitions.decay, transitions.weight),
      );
    output.refit = {
      epochs: again.epochs,
      seconds: (Date.now() - refitStart) / 1000,
      epochMs: again.epochMs,
    };
  }
  initial.forEach((t) => t.dispose());
  return output;
}
