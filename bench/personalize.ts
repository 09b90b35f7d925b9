/**
 * npm run bench:personalize -- --data <file> [--name <dataset>] [--users N] [--results <dir>] [settings]
 * BENCHMARKS.md §2: does on-device fine-tuning beat the same pretrained model simply reading
 * the shopper's history? Pretrains on ~90% of users (a fixed hash of the id), then for each
 * new shopper runs the browser's own fine-tuning code on their device history and ranks their
 * last item with no fine-tuning, the fine-tuned head, and the head kept by the guardrail.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { MODEL_DEFAULTS, getEncoder, itemMatrix } from '../src/engine/node.ts';
import { parseArgs } from '../lib/data/args.ts';
import { startNodeBackend } from '../lib/data/node-tf.ts';
import { formatDuration, pretrainProgress } from '../lib/data/progress.ts';
import { dirtyPaths, gitCommit, sha256File } from '../lib/data/provenance.ts';
import { DEFAULT_SETTINGS, pretrain } from '../lib/data/pretrain-run.ts';
import { parseDataset } from '../lib/data/read-dataset.ts';
import { SETTING_OPTIONS, SETTINGS_HELP, settingsFromArgs } from '../lib/data/settings-args.ts';
import { byHistoryLength, summarizeCost, summarizeGroup } from './personalize/aggregate.ts';
import { evaluateShopper, type ShopperContext, type ShopperResult } from './personalize/evaluate-shopper.ts';
import { toMarkdown, type PersonalizeReport } from './personalize/report.ts';
import { deviceView, type DeviceShopper } from './personalize/shopper.ts';
import { NEW_SHOPPER_PERCENT, splitUsers } from './personalize/split.ts';

const USAGE = `usage: npm run bench:personalize -- --data <file> [--name <dataset>] [--users N] [--results <dir>]\n  --users N: evaluate at most the first N new shoppers (file order)\n${SETTINGS_HELP}`;
const CODE_PATHS = [
  'src/engine/model',
  'src/engine/ranking',
  'src/engine/training',
  'lib/data',
  'bench/personalize.ts',
  'bench/personalize',
];
/** The browser's head rank (HEAD_RANK in src/engine/worker/session.ts). */
const HEAD_RANK = 8;
const BOOTSTRAP = { resamples: 2000, seed: 20261129, level: 0.95 };

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string',
    name: 'string',
    users: 'number',
    results: 'string',
    help: 'boolean',
    ...SETTING_OPTIONS,
  });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (typeof args.data !== 'string') throw new Error(`--data is required\n${USAGE}`);
  const cap = typeof args.users === 'number' ? args.users : null;
  if (cap !== null && !(Number.isInteger(cap) && cap > 0))
    throw new Error(`--users is ${cap}; expected a positive integer`);
  const dataFile = args.data;
  const dataset = typeof args.name === 'string' ? args.name : basename(dataFile).replace(/\.[^.]+$/, '');
  const resultsDir = typeof args.results === 'string' ? args.results : join(import.meta.dirname, 'results');
  const backend = await startNodeBackend();
  const users = parseDataset(readFileSync(dataFile, 'utf8'));
  const { population, newShoppers } = splitUsers(users);
  const settings = { ...DEFAULT_SETTINGS, ...settingsFromArgs(args) };
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    `bench:personalize ${dataset}: ${users.length} users → ${population.length} population, ${newShoppers.length} new shoppers; backend ${backend}`,
  );

  // Pretraining exactly as bench:quality does it, on the population only.
  const run = await pretrain(population, settings, { onLog: pretrainProgress(settings) });
  const encoder = getEncoder(run.model);

  // New shoppers whose test item can be ranked: known to the model and not already seen.
  let inHistory = 0;
  let unknown = 0;
  const eligible: { shopper: DeviceShopper; target: number }[] = [];
  for (const u of newShoppers) {
    if (u.items.length < 2) continue;
    const shopper = deviceView(u);
    const target = run.index.get(shopper.testItem);
    if (target === undefined) unknown++;
    else if (shopper.steps.some((s) => s.itemId === shopper.testItem)) inHistory++;
    else eligible.push({ shopper, target });
  }
  const selected = cap === null ? eligible : eligible.slice(0, cap);
  log(
    `evaluating ${selected.length} new shoppers (${inHistory} left out: test item in history; ${unknown}: test item unknown to the population)`,
  );

  const itemsT = tf.tidy(() => itemMatrix(run.model).transpose() as tf.Tensor2D);
  const ctx: ShopperContext = {
    model: run.model,
    vocabularyIndex: run.index,
    maxLen: encoder.cfg.maxLen,
    dim: encoder.cfg.dim,
    headRank: HEAD_RANK,
    itemsT,
    options: { trigger: 'bench' },
  };
  const results: ShopperResult[] = [];
  const t0 = performance.now();
  const tensorsAtStart = tf.memory().numTensors;
  let lastLog = 0;
  for (const [i, { shopper, target }] of selected.entries()) {
    results.push(await evaluateShopper(ctx, shopper, target));
    const now = performance.now();
    if (now - lastLog > 15_000 || i === selected.length - 1) {
      lastLog = now;
      const elapsed = now - t0;
      const accepted = results.filter((r) => r.accepted).length;
      const trained = results.filter((r) => r.trained).length;
      log(
        `shopper ${i + 1}/${selected.length}: trained ${trained}, kept ${accepted}, elapsed ${formatDuration(elapsed)}, left ≈${formatDuration((elapsed / (i + 1)) * (selected.length - i - 1))}, tensors ${tf.memory().numTensors - tensorsAtStart >= 0 ? '+' : ''}${tf.memory().numTensors - tensorsAtStart}`,
      );
    }
  }
  const evaluateSeconds = (performance.now() - t0) / 1000;
  itemsT.dispose();

  const overall = summarizeGroup(results, BOOTSTRAP);
  const g = overall['guarded-noFinetune'];
  const ft = overall['finetuned-noFinetune'];
  const cost = summarizeCost(results);
  const report: PersonalizeReport = {
    dataset,
    dataFile: resolve(dataFile),
    dataSha256: sha256File(dataFile),
    newShoppers: results.length,
    population: population.length,
    items: run.vocabulary.length,
    commit: gitCommit(),
    dirty: dirtyPaths(CODE_PATHS),
    date: new Date().toISOString(),
    cpus: cpus().length,
    backend,
    split: {
      method: `FNV-1a 32-bit hash of the user id, mod 100 < ${NEW_SHOPPER_PERCENT} → new shopper`,
      newShoppersInFile: newShoppers.length,
      skippedTargetInHistory: inHistory,
      skippedTargetNotInVocabulary: unknown,
      cappedTo: cap,
    },
    settings: {
      pretrain: { ...run.settings },
      finetune: {
        headRank: HEAD_RANK,
        options: { ...ctx.options },
        note: 'fineTune defaults otherwise, as the browser calls it',
      },
      bootstrap: BOOTSTRAP,
    },
    pretraining: {
      trainSeconds: run.result.seconds,
      epochs: run.result.epochs,
      bestEpoch: run.result.bestEpoch,
      stoppedBy: run.result.stoppedBy,
      params: run.params,
      valid: run.result.valid,
    },
    noFinetune: overall.noFinetune,
    finetuned: overall.finetuned,
    guarded: overall.guarded,
    'pairedDiffNDCG@10': { mean: g.mean, ci95: g.ci95 },
    'pairedDiffNDCG@10Finetuned': { mean: ft.mean, ci95: ft.ci95 },
    users: { improved: g.improved, unchanged: g.unchanged, worse: g.worse },
    comparisons: { 'finetuned-noFinetune': ft, 'guarded-noFinetune': g },
    trained: overall.trained,
    accepted: overall.accepted,
    byHistoryLength: byHistoryLength(results, BOOTSTRAP),
    beyondWindow: {
      maxLen: settings.maxLen ?? MODEL_DEFAULTS.maxLen,
      shoppers: results.filter((r) => r.historyLength > (settings.maxLen ?? MODEL_DEFAULTS.maxLen)).length,
    },
    finetuneMsPerUser: cost.msPerUser,
    finetuneCost: cost,
    evaluateSeconds,
  };
  mkdirSync(resultsDir, { recursive: true });
  const out = join(resultsDir, `personalize-${dataset}`);
  writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${out}.md`, toMarkdown(report));
  log(
    `noFinetune ${JSON.stringify(report.noFinetune)} finetuned ${JSON.stringify(report.finetuned)} guarded ${JSON.stringify(report.guarded)}`,
  );
  log(
    `guarded − none ΔNDCG@10 ${g.mean.toFixed(4)} [${g.ci95[0].toFixed(4)}, ${g.ci95[1].toFixed(4)}]; wrote ${out}.json and .md`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:personalize: ${(e as Error).stack ?? (e as Error).message}\n`);
  process.exit(1);
});
