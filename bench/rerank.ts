/**
 * npm run bench:rerank -- --data <file> [--name N] [--results dir] [--epochs E] [--save-model dir]
 * npm run bench:rerank -- --pretrain <file> --eval <file>
 * BENCHMARKS.md §4: pretrains the re-ranker on ~85% of shoppers (a fixed hash of the id), then
 * for each new shopper's clickouts in time order ranks the list by the site's order, by
 * interacted-first, by the pretrained re-ranker, fine-tuned per shopper, and fine-tuned with
 * the guardrail, all with the engine's own feature and training code.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type ShopEvent, DEFAULT_FINETUNE, RERANK_FEATURE_COUNT } from '../src/engine/node.ts';
import { parseArgs } from '../lib/data/args.ts';
import { readImpressionLog } from '../lib/data/impression-log.ts';
import { startNodeBackend } from '../lib/data/node-tf.ts';
import { dirtyPaths, gitCommit } from '../lib/data/provenance.ts';
import {
  featurizePopulation,
  pretrainFeaturized,
  saveReranker,
  shopperPart,
} from '../lib/data/reranker-data.ts';
import { evaluateShopper, type ShopperResult } from './rerank/evaluate.ts';
import { aggregate, toMarkdown, type RerankReport } from './rerank/report.ts';

const USAGE =
  'usage: npm run bench:rerank -- --data <file> | --pretrain <file> --eval <file>  [--name N] [--results dir] [--epochs E] [--shoppers N] [--save-model dir]';
const CODE_PATHS = ['src/engine/rerank', 'src/engine/events', 'lib/data', 'bench/rerank.ts', 'bench/rerank'];
/** Share of shoppers held out as new shoppers, and of the rest used for early stopping. */
const EVAL_PERCENT = 15;
const VALID_PERCENT = 10;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string',
    pretrain: 'string',
    eval: 'string',
    name: 'string',
    results: 'string',
    epochs: 'number',
    shoppers: 'number',
    'save-model': 'string',
    'ft-steps': 'number',
    'ft-lr': 'number',
    'ft-l2': 'number',
    'ft-min-lists': 'number',
    'ft-layers': 'string',
    help: 'boolean',
  });
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  const pretrainFile = (args.pretrain ?? args.data) as string | undefined;
  const evalFile = (args.eval ?? null) as string | null;
  if (typeof pretrainFile !== 'string')
    throw new Error(`--data (or --pretrain with --eval) is required\n${USAGE}`);
  if ((args.pretrain === undefined) !== (args.eval === undefined))
    throw new Error(`--pretrain and --eval go together\n${USAGE}`);
  const dataset =
    typeof args.name === 'string'
      ? args.name
      : basename(evalFile ?? pretrainFile).replace(/\.jsonl(\.gz)?$|\.[^.]+$/, '');
  const resultsDir = typeof args.results === 'string' ? args.results : join(import.meta.dirname, 'results');
  const commit = gitCommit();
  const dirty = dirtyPaths(CODE_PATHS);
  const backend = await startNodeBackend();

  const source = readImpressionLog(pretrainFile).shoppers;
  const train = new Map<string, ShopEvent[]>();
  const valid = new Map<string, ShopEvent[]>();
  let newShoppers = new Map<string, ShopEvent[]>();
  for (const [id, events] of source) {
    const part = shopperPart(id, evalFile ? 0 : EVAL_PERCENT, VALID_PERCENT);
    (part === 'eval' ? newShoppers : part === 'valid' ? valid : train).set(id, events);
  }
  if (evalFile) newShoppers = readImpressionLog(evalFile).shoppers;
  const cap = typeof args.shoppers === 'number' ? args.shoppers : Infinity;
  const evalShoppers = [...newShoppers].slice(0, cap);

  const data = featurizePopulation(train, valid);
  const rows = data.train.reduce((s, l) => s + l.labels.length, 0);
  process.stderr.write(
    `pretraining on ${train.size} shoppers (${data.train.length} lists, ${rows} rows), validating on ${valid.size}\n`,
  );
  const trained = await pretrainFeaturized(data, {
    epochs: typeof args.epochs === 'number' ? args.epochs : 30,
    onEpoch: (log) =>
      process.stderr.write(
        `epoch ${log.epoch}: loss ${log.loss.toFixed(4)}, validation MRR ${log.valid.MRR.toFixed(4)} (${log.seconds.toFixed(1)} s)\n`,
      ),
  });
  const shipped = trained.reranker;
  if (typeof args['save-model'] === 'string')
    await saveReranker(shipped, args['save-model'], {
      dataFile: basename(pretrainFile),
      commit,
      validMRR: trained.valid.MRR,
    });

  const population = data.population.lookup();
  const fineTune = {
    ...DEFAULT_FINETUNE,
    ...(typeof args['ft-steps'] === 'number' ? { steps: args['ft-steps'] } : {}),
    ...(typeof args['ft-lr'] === 'number' ? { learningRate: args['ft-lr'] } : {}),
    ...(typeof args['ft-l2'] === 'number' ? { l2: args['ft-l2'] } : {}),
    ...(typeof args['ft-min-lists'] === 'number' ? { minClickedLists: args['ft-min-lists'] } : {}),
    ...(args['ft-layers'] === 'all' || args['ft-layers'] === 'last'
      ? { layers: args['ft-layers'] as 'all' | 'last' }
      : {}),
  };
  const results: ShopperResult[] = [];
  let done = 0;
  for (const [, events] of evalShoppers) {
    results.push(await evaluateShopper(events, shipped, population, fineTune));
    if (++done % 100 === 0) process.stderr.write(`evaluated ${done}/${evalShoppers.length} shoppers\n`);
  }
  const agg = aggregate(results);
  const report: RerankReport = {
    dataset,
    dataFile: basename(pretrainFile),
    evalFile: evalFile ? basename(evalFile) : null,
    commit,
    dirty,
    date: new Date().toISOString(),
    backend,
    clickouts: agg.clickouts,
    shoppers: results.filter((r) => r.clickouts.length > 0).length,
    pretrainShoppers: train.size + valid.size,
    pretrainLists: data.train.length,
    pretrainRows: rows,
    pretrainSeconds: trained.seconds,
    epochs: trained.epochs,
    bestEpoch: trained.bestEpoch,
    params: shipped.params,
    features: RERANK_FEATURE_COUNT,
    validMRR: trained.valid.MRR,
    models: agg.models,
    pairedDiffMRR: agg.pairedDiffMRR,
    byEarlierClickouts: agg.byEarlierClickouts,
    fineTune: {
      runs: agg.fineTuneRuns,
      accepted: agg.fineTuneAccepted,
      meanSteps: agg.meanSteps,
      settings: { ...fineTune, keepLast: undefined },
    },
    finetuneMsPerShopper: agg.finetuneMsPerShopper,
    finetuneMsPerRun: agg.finetuneMsPerRun,
    rerankMsPerList: agg.rerankMsPerList,
  };
  mkdirSync(resultsDir, { recursive: true });
  const stem = join(resultsDir, `rerank-${dataset}`);
  writeFileSync(`${stem}.json`, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(`${stem}.md`, toMarkdown(report));
  process.stdout.write(toMarkdown(report));
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
