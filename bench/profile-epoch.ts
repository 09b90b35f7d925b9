/**
 * npx tsx bench/profile-epoch.ts --data <file> [--steps N] [settings]
 * Where the milliseconds of a training epoch go: one real epoch timed (training steps, data
 * preparation, validation, garbage collection), then `--steps` steps under tf.profile with the
 * kernel time grouped by kernel and by the part of the model it belongs to. Runs the same
 * train() as bench:quality and npm run pretrain.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import {
  MODEL_DEFAULTS,
  TRAIN_DEFAULTS,
  createModel,
  evaluate,
  makeBatches,
  rng,
  train,
} from '../src/engine/node.ts';
import { parseArgs } from '../lib/data/args.ts';
import { startNodeBackend } from '../lib/data/node-tf.ts';
import { DEFAULT_SETTINGS } from '../lib/data/pretrain-run.ts';
import { parseDataset } from '../lib/data/read-dataset.ts';
import { SETTING_OPTIONS, settingsFromArgs } from '../lib/data/settings-args.ts';
import { buildVocabulary, validationCases, withoutLast } from '../lib/data/split.ts';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { data: 'string', steps: 'number', ...SETTING_OPTIONS });
  if (typeof args.data !== 'string') throw new Error('--data <file> is required');
  const profileSteps = typeof args.steps === 'number' ? args.steps : 30;
  const backend = await startNodeBackend();
  const users = parseDataset(readFileSync(args.data, 'utf8'));
  const s = { ...DEFAULT_SETTINGS, ...settingsFromArgs(args) };
  const vocabulary = buildVocabulary(users);
  const index = new Map(vocabulary.map((id, i) => [id, i + 1]));
  const maxLen = s.maxLen ?? MODEL_DEFAULTS.maxLen;
  const sequences = withoutLast(users, index, 2);
  const validation = validationCases(users.slice(0, s.validUsers || users.length), index, maxLen, {
    users: 0,
    seed: 0,
  });
  const model = createModel({ ...s, numItems: vocabulary.length });

  let gcMs = 0;
  const gc = new PerformanceObserver((list) => list.getEntries().forEach((e) => (gcMs += e.duration)));
  gc.observe({ entryTypes: ['gc'] });

  const t0 = performance.now();
  makeBatches(sequences, maxLen, s.batchSize ?? TRAIN_DEFAULTS.batchSize, rng(1));
  const prepMs = performance.now() - t0;

  // One real epoch: the step logs give the training time, the epoch log adds validation.
  const gen = train(model, sequences, validation, { ...s, epochs: 1, maxMinutes: Infinity });
  let lastStepMs = 0;
  let steps = 0;
  let epochMs = 0;
  for (let n = await gen.next(); !n.done; n = await gen.next()) {
    if (n.value.type === 'step') {
      lastStepMs = n.value.elapsedMs;
      steps = n.value.steps;
    } else epochMs = n.value.elapsedMs;
  }
  const gcEpochMs = gcMs;
  const line = {
    backend,
    settings: s,
    steps,
    trainMs: lastStepMs,
    msPerStep: lastStepMs / steps,
    validationMs: epochMs - lastStepMs,
    validationUsers: validation.length,
    makeBatchesMs: prepMs,
    gcMsDuringEpoch: gcEpochMs,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);

  // Kernel profile of a few steps of a second run (tf.profile adds overhead per kernel).
  const gen2 = train(model, sequences, [], { ...s, epochs: 1, maxMinutes: Infinity, seed: 2 });
  const profile = await tf.profile(async () => {
    for (let i = 0; i < profileSteps; i++) await gen2.next();
  });
  await gen2.return({
    epochs: 0,
    bestEpoch: 0,
    valid: {},
    seconds: 0,
    stoppedBy: 'epochs',
    epochMs: [],
    validationMs: [],
    improvements: [],
  });
  const byKernel = new Map<string, { ms: number; calls: number }>();
  let total = 0;
  for (const k of profile.kernels) {
    // A custom-gradient scope times the kernels inside it, which are listed on their own too.
    if (k.name === 'unnamed scope') continue;
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    total += ms;
    const shape = k.outputShapes.map((sh) => `[${sh?.join(',')}]`).join(' ');
    // Sizes that vary per batch (positions, candidates) print as x; the catalog size as N.
    const key = `${k.name} ${k.inputShapes.map((sh) => `[${sh?.join(',')}]`).join(' ')} -> ${shape}`.replace(
      /\d{3,}/g,
      (d) => (Number(d) === vocabulary.length || Number(d) === vocabulary.length + 1 ? 'N' : 'x'),
    );
    const e = byKernel.get(key) ?? { ms: 0, calls: 0 };
    e.ms += ms;
    e.calls++;
    byKernel.set(key, e);
  }
  const rows = [...byKernel.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 40);
  process.stdout.write(
    `profiled ${profileSteps} steps: kernel time ${total.toFixed(0)} ms (${(total / profileSteps).toFixed(1)} ms/step)\n`,
  );
  for (const [k, v] of rows)
    process.stdout.write(
      `${((100 * v.ms) / total).toFixed(1).padStart(5)}% ${(v.ms / profileSteps).toFixed(2).padStart(8)} ms/step ${String(v.calls).padStart(5)}× ${k}\n`,
    );

  // Validation scoring, profiled the same way.
  const t1 = performance.now();
  const evalProfile = await tf.profile(() => {
    evaluate(model, validation.slice(0, 512));
  });
  const evalMs = performance.now() - t1;
  const evalKernels = new Map<string, number>();
  let evalKernelMs = 0;
  for (const k of evalProfile.kernels) {
    if (k.name === 'unnamed scope') continue;
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    evalKernelMs += ms;
    const key = `${k.name} ${k.inputShapes.map((sh) => `[${sh?.join(',')}]`).join(' ')}`;
    evalKernels.set(key, (evalKernels.get(key) ?? 0) + ms);
  }
  process.stdout.write(
    `validation of 512 users: ${evalMs.toFixed(0)} ms wall, ${evalKernelMs.toFixed(0)} ms in kernels: ` +
      `${[...evalKernels.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([n, ms]) => `${n}: ${ms.toFixed(0)}`)
        .join(', ')}\n`,
  );
  gc.disconnect();
}

main().catch((e: unknown) => {
  process.stderr.write(`profile-epoch: ${(e as Error).stack ?? (e as Error).message}\n`);
  process.exit(1);
});
