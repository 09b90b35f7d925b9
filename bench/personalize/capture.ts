import type * as tf from '@tensorflow/tfjs';
import {
  type NextItemExample,
  fineTune,
  type FineTuneOptions,
  type TrainingRun,
  type PersonalHead,
} from '../../src/engine/node.ts';

export interface CapturedRun<T> {
  run: TrainingRun;
  /** What fineTune returned: the accepted head (now owned by the caller), or null. */
  accepted: PersonalHead | null;
  /** `inspect(candidate)`, or null when fineTune trained nothing (too few examples). */
  inspected: T | null;
}

/**
 * Runs the browser's `fineTune` unchanged, and also lets the bench look at the trained
 * candidate when the guardrail rejects it (fineTune then disposes it and returns null) —
 * needed to measure "fine-tuned, always applied" next to "guarded as shipped".
 *
 * How: fineTune trains `start.clone()`. We wrap `clone` on this one `start` instance to
 * remember the copy, and call `inspect(candidate)` while the generator is paused at its final
 * 'done' log: the best weights are restored and the guardrail has judged, but its cleanup has
 * not yet disposed the candidate. No training code is duplicated. If fineTune ever trains
 * something other than a clone of `start`, this throws rather than measure the wrong head.
 */
export async function fineTuneWithCandidate<T>(
  model: tf.LayersModel,
  start: PersonalHead,
  examples: readonly NextItemExample[],
  options: FineTuneOptions,
  inspect: (candidate: PersonalHead) => T,
): Promise<CapturedRun<T>> {
  let candidate: PersonalHead | null = null;
  const clone = start.clone.bind(start);
  start.clone = () => (candidate = clone());
  let run: TrainingRun | null = null;
  let inspected: T | null = null;
  try {
    const gen = fineTune(model, start, examples, options);
    let next = await gen.next();
    while (!next.done) {
      if (next.value.type === 'done') {
        run = next.value.run;
        const trained = run.before !== null;
        if (trained && candidate === null)
          throw new Error(
            `fineTune ran ${run.steps} steps without cloning the start head; expected it to train start.clone() (bench/personalize/capture.ts must follow finetune.ts)`,
          );
        if (candidate !== null) inspected = inspect(candidate);
      }
      next = await gen.next();
    }
    if (run === null) throw new Error('fineTune finished without a "done" log; expected one per run');
    const accepted = next.value;
    if ((accepted !== null) !== run.accepted)
      throw new Error(
        `fineTune returned ${accepted ? 'a head' : 'null'} but run.accepted is ${run.accepted}; expected them to agree`,
      );
    if (accepted !== null && accepted !== candidate)
      throw new Error(
        'fineTune returned a head other than the candidate it trained; expected the same object',
      );
    return { run, accepted, inspected };
  } finally {
    // The instance goes back to the class method, so the start head behaves normally afterwards.
    delete (start as { clone?: unknown }).clone;
  }
}
