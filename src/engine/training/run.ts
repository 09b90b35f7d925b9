import * as tf from '@tensorflow/tfjs';
import type { LabelledList } from '../rerank/lists.ts';
import type { Reranker } from '../rerank/model.ts';
import { fineTuneReranker, type FineTuneRerankerOptions, type RerankerRun } from '../rerank/finetune.ts';
import type { NextItemExample } from './examples.ts';
import { fineTune, type AdapterRun, type FineTuneLog, type FineTuneOptions } from './finetune.ts';
import type { PersonalHead } from './personal-head.ts';

/** The re-ranker's part of a training run, as logged and shown in the devtools. */
export interface RerankerRunLog extends RerankerRun {
  /** The shipped re-ranker's version the run started from. */
  version: string;
  /** Labelled lists (impressions with their clicks) found in the shopper's events. */
  lists: number;
  /** The verdict in plain words: "kept: held-back MRR .61 → .68 …" or "not kept: …". */
  verdict: string;
}

/**
 * Everything the devtools show about one run: the next-item adapter's part at the top level,
 * and the re-ranker's.
 */
export interface TrainingRun extends AdapterRun {
  /** The re-ranker's part of the run: null when the model ships without a re-ranker. */
  reranker?: RerankerRunLog | null;
}

/** What a training run reports while it runs: the adapter's step logs, the re-ranker's result, then the whole run. */
export type TrainingLog =
  | Exclude<FineTuneLog, { type: 'done' }>
  | { type: 'reranker'; run: RerankerRunLog }
  | { type: 'done'; run: TrainingRun };

/** How a training run ended: the run (accepted or rejected, and why), or why none ran. */
export type TrainingOutcome = TrainingRun | { skipped: string };

/** Two decimals without the leading zero (".61"); a dash when there is no number. */
function short(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2).replace(/^(-?)0\./, '$1.') : '–';
}

/** The re-ranker verdict in the words the devtools and the shop show. */
export function rerankerVerdict(run: RerankerRun): string {
  const { before: b, after: a } = run;
  if (run.accepted)
    return (
      `kept: held-back MRR ${short(b.MRR)} → ${short(a.MRR)}, AUC ${short(b.auc)} → ${short(a.auc)}, ` +
      `log loss ${short(b.logLoss)} → ${short(a.logLoss)} (newest ${run.heldBackLists} clicked list${run.heldBackLists === 1 ? '' : 's'} held back; learned from ${run.trainRows} rows in ${run.steps} steps)`
    );
  if (run.steps === 0) return `not run: ${run.reason.replace(/^skipped: /, '')}`;
  return (
    `not kept: no step ranked the newest ${run.heldBackLists} clicked list${run.heldBackLists === 1 ? '' : 's'} better than the shipped weights ` +
    `(the best, step ${run.bestStep}: held-back MRR ${short(a.MRR)} vs shipped ${short(b.MRR)}, log loss ${short(a.logLoss)} vs ${short(b.logLoss)}); the shipped weights stay in use`
  );
}

/** Why the next-item adapter does not train: the sequence model already reads the whole history. */
export function adapterSkipReason(historyLength: number, maxLen: number): string {
  return `skipped: history of ${historyLength} event${historyLength === 1 ? '' : 's'} fits the model's ${maxLen}-event window; the sequence model already reads all of it`;
}

export interface PersonalTrainingInput {
  trigger: string;
  /** The sequence model (frozen) and the adapter to start from (the caller keeps owning it). */
  model: tf.LayersModel;
  head: PersonalHead;
  /** Item steps of the history the model knows, and its window: the adapter runs only past it. */
  historyLength: number;
  maxLen: number;
  /** Next-item examples, built only when the adapter runs. */
  examples: () => readonly NextItemExample[];
  adapterOptions?: FineTuneOptions;
  /** The shipped re-ranker (fine-tuning always starts from it); null without one. */
  shipped: Reranker | null;
  /** The shopper's labelled lists, oldest first, built only when there is a re-ranker. */
  lists: () => Promise<readonly LabelledList[]>;
  rerankerOptions?: Partial<FineTuneRerankerOptions>;
}

/** The parts a run accepted; the caller owns them. */
export interface PersonalTrainingResult {
  head: PersonalHead | null;
  reranker: Reranker | null;
}

/**
 * One training run over both personal parts, as an async generator of logs: first the
 * re-ranker (fine-tuned from the shipped weights, judged against them), then the next-item
 * adapter when the history is longer than the model's window (its step logs stream out),
 * and finally `{type: 'done', run}`. Its return value holds what was accepted. Stopping it
 * with `gen.return()` frees everything it trained and returns nothing.
 */
export async function* trainPersonal(
  input: PersonalTrainingInput,
): AsyncGenerator<TrainingLog, PersonalTrainingResult | null> {
  let tuned: Reranker | null = null;
  let head: PersonalHead | null = null;
  let handedOver = false;
  let adapter: AsyncGenerator<FineTuneLog, PersonalHead | null> | null = null;
  let adapterDone = false;
  try {
    let rerankerLog: RerankerRunLog | null = null;
    if (input.shipped) {
      const lists = await input.lists();
      const result = await fineTuneReranker(input.shipped, lists, input.rerankerOptions);
      tuned = result.tuned;
      rerankerLog = {
        ...result.run,
        version: input.shipped.card.version,
        lists: lists.length,
        verdict: rerankerVerdict(result.run),
      };
      yield { type: 'reranker', run: rerankerLog };
    }

    let run: AdapterRun;
    if (input.historyLength <= input.maxLen) {
      run = {
        trigger: input.trigger,
        startedAt: Date.now(),
        steps: 0,
        losses: [],
        heldBackLosses: [],
        trainableParams: input.head.parameterCount,
        examples: 0,
        heldBack: 0,
        before: null,
        after: null,
        accepted: false,
        reason: adapterSkipReason(input.historyLength, input.maxLen),
        ms: 0,
        msPerStep: 0,
        backend: tf.getBackend(),
      };
    } else {
      adapter = fineTune(input.model, input.head, input.examples(), {
        ...input.adapterOptions,
        trigger: input.trigger,
      });
      let adapterRun: AdapterRun | null = null;
      for (;;) {
        const next = await adapter.next();
        if (next.done) {
          adapterDone = true;
          head = next.value;
          break;
        }
        if (next.value.type === 'done') adapterRun = next.value.run;
        else yield next.value;
      }
      if (!adapterRun) throw new Error('the adapter run ended without a "done" log; expected one per run');
      run = adapterRun;
    }
    const full: TrainingRun = { ...run, backend: tf.getBackend(), reranker: rerankerLog };
    yield { type: 'done', run: full };
    handedOver = true;
    return { head, reranker: tuned };
  } finally {
    if (adapter && !adapterDone) await adapter.return(null);
    if (!handedOver) {
      tuned?.dispose();
      head?.dispose();
    }
  }
}
