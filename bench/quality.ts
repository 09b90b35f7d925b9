/**
 * npm run bench:quality -- --data <file> [--name <dataset>] [--save-model <dir>] [settings]
 * BENCHMARKS.md §1: pretrains LocalShelf (same code as npm run pretrain), then ranks every
 * user's last item against all items, beside three simple baselines on the same split.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  MODEL_DEFAULTS,
  TRAIN_DEFAULTS,
  TRANSITION_DEPTH,
  getEncoder,
  scoreBatch,
  type EncodedHistory,
} from '../src/engine/node.ts';
import { parseArgs } from '../lib/data/args.ts';
import { saveModelDir, toModelFiles } from '../lib/data/model-files.ts';
import { startNodeBackend } from '../lib/data/node-tf.ts';
import { pretrainProgress } from '../lib/data/progress.ts';
import { dirtyPaths, gitCommit, sha256File } from '../lib/data/provenance.ts';
import { DEFAULT_SETTINGS, pretrain, type PretrainOutput } from '../lib/data/pretrain-run.ts';
import { parseDataset } from '../lib/data/read-dataset.ts';
import { SETTING_OPTIONS, SETTINGS_HELP, settingsFromArgs } from '../lib/data/settings-args.ts';
import { validationCases, withoutLast } from '../lib/data/split.ts';
import { cooccurrenceKnn } from '../lib/baselines/cooccurrence-knn.ts';
import { KNN_GRID, tuneKnn } from '../lib/baselines/tune.ts';
import { lastItem } from '../lib/baselines/last-item.ts';
import { popularity } from '../lib/baselines/popularity.ts';
import type { Baseline } from '../lib/baselines/types.ts';
import {
  errorReport,
  median,
  lastItemCases,
  rankOutcomes,
  summarize,
  type RankOutcome,
  type TestCase,
} from '../lib/evaluate.ts';
import { toMarkdown, type QualityReport } from './report.ts';

const USAGE = `usage: npm run bench:quality -- --data <file> [--name <dataset>] [--save-model <dir>] [--results <dir>]\n${SETTINGS_HELP}`;
// The code this bench runs; other files in those folders belong to other work.
const CODE_PATHS = [
  'src/engine/model/catalog-prior.ts',
  'src/engine/model/config.ts',
  'src/engine/model/content.ts',
  'src/engine/model/encoder-layer.ts',
  'src/engine/model/fast-matmul.ts',
  'src/engine/model/gather-grad.ts',
  'src/engine/model/history.ts',
  'src/engine/model/index.ts',
  'src/engine/model/loss.ts',
  'src/engine/model/model.ts',
  'src/engine/model/pretrained.ts',
  'src/engine/model/train.ts',
  'src/engine/model/transitions.ts',
  'src/engine/metrics/rank.ts',
  'lib/data',
  'bench/quality.ts',
  'lib/evaluate.ts',
  'bench/report.ts',
  'bench/published.ts',
  'lib/baselines',
];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string',
    name: 'string',
    'save-model': 'string',
    results: 'string',
    help: 'boolean',
    ...SETTING_OPTIONS,
  });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (typeof args.data !== 'string') throw new Error(`--data is required\n${USAGE}`);
  const dataFile = args.data;
  const dataset = typeof args.name === 'string' ? args.name : basename(dataFile).replace(/\.[^.]+$/, '');
  const resultsDir = typeof args.results === 'string' ? args.results : join(import.meta.dirname, 'results');
  // Provenance is taken before training: the commit that was run, not whatever HEAD is later.
  const commit = gitCommit();
  const dirty = dirtyPaths(CODE_PATHS);
  const backend = await startNodeBackend();
  const users = parseDataset(readFileSync(dataFile, 'utf8'));
  const settings = { ...DEFAULT_SETTINGS, ...settingsFromArgs(args) };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`bench:quality ${dataset}: ${users.length} users, backend ${backend}`);

  const maxLen = settings.maxLen ?? MODEL_DEFAULTS.maxLen;
  const models: Record<string, Record<string, number>> = {};
  // Per-user outcomes are kept for the standard errors and the paired differences.
  const outcomes: Record<string, RankOutcome[]> = {};
  // Test: the last item, seen after the whole history before it.
  let test: ReturnType<typeof lastItemCases> | null = null;
  const testCases = (index: ReadonlyMap<string, number>) => (test ??= lastItemCases(users, index, maxLen));
  const scoreRow = (name: string, r: PretrainOutput) => {
    const { cases, histories } = testCases(r.index);
    const historyOf = new Map(cases.map((c, i) => [c, histories[i] as EncodedHistory]));
    outcomes[name] = rankOutcomes(cases, r.vocabulary.length, (chunk) =>
      scoreBatch(
        r.model,
        chunk.map((c) => historyOf.get(c) as EncodedHistory),
      ),
    );
    models[name] = summarize(outcomes[name]);
    log(`${name}: ${JSON.stringify(models[name])}`);
  };
  // The model as the published protocol trains it (BENCHMARKS.md §1: the training split only).
  const protocolRows = (r: PretrainOutput) => {
    scoreRow('localshelf', r);
    if (!r.transitions) return;
    const t = r.transitions;
    log(
      `transition blend (${r.transitionSeconds?.toFixed(0)} s, ${t.tried} settings): window ${t.window} ${t.similarity}, ${t.voters} voters, decay ${t.decay}, weight ${t.weight}; validation NDCG@10 ${t.before.toFixed(4)} → ${t.after.toFixed(4)}`,
    );
    // Ablation, not a scorer anyone ships: the same network with the blend's weights at 0, so
    // the results show what the blend adds on the test users (paired like the baselines).
    const encoder = getEncoder(r.model);
    const blend = encoder.transitionBlend();
    if (!blend) return;
    const voters = Array.from(blend.voters);
    encoder.setTransitions(blend, new Array<number>(TRANSITION_DEPTH).fill(0));
    scoreRow('localshelf-without-blend', r);
    encoder.setTransitions(blend, voters);
  };
  const run = await pretrain(users, settings, {
    onLog: pretrainProgress(settings),
    beforeRefit: protocolRows,
  });
  // The refitted model (what pretraining ships) learnt from the validation items too: its rows
  // are paired with baselines fitted on the same items, not with the published numbers.
  if (run.refit) scoreRow('localshelf-refit', run);
  else protocolRows(run);
  const numItems = run.vocabulary.length;
  const { cases, histories, skipped } = testCases(run.index);

  // Latency: one shopper at a time (what a page does), and batched (throughput).
  const sample = histories.slice(0, 200);
  const single = sample.map((h) => {
    const t = performance.now();
    scoreBatch(run.model, [h]);
    return performance.now() - t;
  });
  const t0 = performance.now();
  scoreBatch(run.model, histories.slice(0, 256));
  const batched = (performance.now() - t0) / Math.min(256, histories.length);

  // Baselines are tuned on the training split (each user's items before the validation item), like
  // the model's epoch and blend, and learn from it, like the protocol's model; beside a refitted
  // model, the same baselines also learn from every item but the test item, as it did.
  const trainSeqs = withoutLast(users, run.index, 2).map((h) => h.items);
  // The kNN's settings are chosen on the validation items (second-to-last), like the model's epoch.
  // The same seeded sample of validation users as pretrain() scores after each epoch.
  const validCases: TestCase[] = validationCases(users, run.index, maxLen, {
    users: settings.validUsers ?? 0,
    seed: settings.seed ?? TRAIN_DEFAULTS.seed,
  }).map((c) => ({ history: c.history.items, target: c.target }));
  const tuneStart = Date.now();
  const tuned = tuneKnn(trainSeqs, numItems, validCases);
  const knnOptions = tuned.options;
  log(
    `cooccurrence-knn tuned on ${validCases.length} validation users (${tuned.tried} settings, ${((Date.now() - tuneStart) / 1000).toFixed(0)} s): ${JSON.stringify(knnOptions)}, valid NDCG@10 ${tuned.validNdcg10.toFixed(4)}`,
  );
  const fitBaselines = (seqs: Int32Array[]): Baseline[] => [
    popularity(seqs, numItems),
    lastItem(seqs, numItems),
    cooccurrenceKnn(seqs, numItems, knnOptions),
  ];
  const baselineRows = (baselines: Baseline[], suffix: string) => {
    for (const b of baselines) {
      const name = `${b.name}${suffix}`;
      outcomes[name] = rankOutcomes(cases, numItems, (chunk) => {
        const out = new Float32Array(chunk.length * numItems);
        chunk.forEach((c, i) => out.set(b.score(c.history), i * numItems));
        return out;
      });
      models[name] = summarize(outcomes[name]);
      log(`${name}: ${JSON.stringify(models[name])}`);
    }
  };
  baselineRows(fitBaselines(trainSeqs), '');
  if (run.refit) baselineRows(fitBaselines(withoutLast(users, run.index, 1).map((h) => h.items)), '-refit');

  let modelBytes = 0;
  await run.model.save(
    tf.io.withSaveHandler(async (a) => {
      modelBytes = toModelFiles(a).weights.byteLength;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (typeof args['save-model'] === 'string') await saveModelDir(run.model, args['save-model']);

  const report: QualityReport = {
    dataset,
    dataFile: resolve(dataFile),
    dataSha256: sha256File(dataFile),
    users: users.length,
    testUsers: cases.length,
    skippedTargetInHistory: skipped,
    items: numItems,
    commit,
    dirty,
    date: new Date().toISOString(),
    cpus: cpus().length,
    backend,
    trainSeconds: run.result.seconds,
    msPerEpoch: median(run.result.epochMs),
    validationMsPerEpoch: median(run.result.validationMs),
    validUsers: run.validationUsers,
    epochs: run.result.epochs,
    bestEpoch: run.result.bestEpoch,
    stoppedBy: run.result.stoppedBy,
    params: run.params,
    modelBytes,
    latencyMsPerUser: median(single),
    latencyMsPerUserBatched: batched,
    settings: { ...run.settings },
    baselineSettings: {
      'cooccurrence-knn': knnOptions,
      'cooccurrence-knn tuning': {
        chosenBy:
          "NDCG@10 on the validation users (each one's second-to-last item), coordinate search: window, then voters × decay, then similarity",
        grid: KNN_GRID,
        tried: tuned.tried,
        validNdcg10: Number(tuned.validNdcg10.toFixed(4)),
      },
      'last-item': 'transition counts, popularity tie-break',
      fitOn:
        "the training split (items before each validation item), like the model; the rows ending in -refit: every item but each user's last, like the refitted model (same tuned settings)",
    },
    valid: run.result.valid,
    ...(run.transitions
      ? {
          transitions: {
            ...run.transitions,
            seconds: run.transitionSeconds ?? NaN,
            // Neighbour indices and similarities, float32 each, one row per item plus padding.
            tableBytes: (numItems + 1) * run.transitions.perItem * 2 * 4,
          },
        }
      : {}),
    ...(run.refit
      ? {
          refit: {
            epochs: run.refit.epochs,
            seconds: run.refit.seconds,
            msPerEpoch: median(run.refit.epochMs),
          },
        }
      : {}),
    models,
    ...pairedReport(outcomes),
  };
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `quality-${dataset}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(resultsDir, `quality-${dataset}.md`), toMarkdown(report));
  log(`wrote ${join(resultsDir, `quality-${dataset}.json`)} and .md`);
}

/**
 * Standard errors of every row, and each row paired with the LocalShelf model trained on the
 * same items: the protocol's rows with `localshelf`, the refit rows (`-refit`) with `localshelf-refit`.
 */
function pairedReport(outcomes: Record<string, RankOutcome[]>): ReturnType<typeof errorReport> & {
  pairedWith: Record<string, string>;
} {
  const refit = (name: string) => name.endsWith('-refit');
  const split = (keep: (name: string) => boolean) =>
    Object.fromEntries(Object.entries(outcomes).filter(([name]) => keep(name)));
  const protocol = errorReport(
    split((n) => !refit(n)),
    'localshelf',
  );
  const refitted = errorReport(split(refit), 'localshelf-refit');
  return {
    standardErrors: { ...protocol.standardErrors, ...refitted.standardErrors },
    paired: { ...protocol.paired, ...refitted.paired },
    pairedWith: Object.fromEntries(
      Object.keys({ ...protocol.paired, ...refitted.paired }).map((n) => [
        n,
        refit(n) ? 'localshelf-refit' : 'localshelf',
      ]),
    ),
  };
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:quality: ${(e as Error).stack ?? (e as Error).message}\n`);
  process.exit(1);
});
