/**
 * npm run pretrain:reranker -- --data <log> --out <dir> [--catalog catalog.json] [--base-model dir] [--epochs E]
 * Pretrains the re-ranker (dense 50 → 100 → 1) on an impression log: LocalShelf event JSONL
 * (`{"shopper", "events"}` per line) or the trivago challenge format. 90% of shoppers train,
 * 10% (a fixed hash) stop it early. Writes model.json + weights.bin + card.json (feature
 * spec, standardisation, population aggregates, training card).
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  validateCatalog,
  type ShopEvent,
  clickedRank,
  listMetrics,
  RERANK_FEATURE_COUNT,
  type LabelledList,
} from '../src/engine/node.ts';
import { parseArgs } from '../lib/data/args.ts';
import { readImpressionLog } from '../lib/data/impression-log.ts';
import { startNodeBackend } from '../lib/data/node-tf.ts';
import { gitCommit, sha256File } from '../lib/data/provenance.ts';
import {
  catalogFacts,
  featurizePopulation,
  pretrainFeaturized,
  saveReranker,
  sequenceModelScores,
  shopperPart,
} from '../lib/data/reranker-data.ts';

const USAGE =
  'usage: npm run pretrain:reranker -- --data <impression log> --out <dir> [--catalog <catalog.json>] [--base-model <sequence model dir>] [--epochs E] [--seed S]';

/** MRR of the lists as they were shown: what the re-ranker must beat. */
function shownOrderMRR(lists: readonly LabelledList[]): number {
  const ranks = lists
    .filter((l) => l.labels.some((y) => y > 0))
    .map((l) =>
      clickedRank(
        Float32Array.from(l.labels, (_, i) => -i),
        l.labels,
      )!,
    );
  return listMetrics(ranks).MRR;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string',
    out: 'string',
    catalog: 'string',
    'base-model': 'string',
    epochs: 'number',
    seed: 'number',
    help: 'boolean',
  });
  if (args.help) return void process.stdout.write(`${USAGE}\n`);
  if (typeof args.data !== 'string' || typeof args.out !== 'string')
    throw new Error(`--data and --out are required\n${USAGE}`);
  const commit = gitCommit();
  const backend = await startNodeBackend();
  const { format, shoppers } = readImpressionLog(args.data);
  const train = new Map<string, ShopEvent[]>();
  const valid = new Map<string, ShopEvent[]>();
  for (const [id, events] of shoppers) (shopperPart(id, 0, 10) === 'valid' ? valid : train).set(id, events);
  const facts =
    typeof args.catalog === 'string'
      ? catalogFacts(validateCatalog(JSON.parse(readFileSync(args.catalog, 'utf8'))).items)
      : undefined;
  const baseScores =
    typeof args['base-model'] === 'string' ? await sequenceModelScores(args['base-model']) : undefined;
  const started = performance.now();
  const data = featurizePopulation(train, valid, { facts, baseScores });
  const featurizeSeconds = (performance.now() - started) / 1000;
  const rows = data.train.reduce((s, l) => s + l.labels.length, 0);
  process.stderr.write(
    `${format} log: ${train.size} training shoppers (${data.train.length} lists, ${rows} rows), ${valid.size} validation shoppers; features in ${featurizeSeconds.toFixed(1)} s\n`,
  );
  if (data.train.length === 0)
    throw new Error(
      `${args.data} has no impression events; the re-ranker learns from lists shown and clicked`,
    );
  const result = await pretrainFeaturized(data, {
    epochs: typeof args.epochs === 'number' ? args.epochs : 30,
    seed: typeof args.seed === 'number' ? args.seed : 7,
    onEpoch: (log) =>
      process.stderr.write(
        `epoch ${log.epoch}: loss ${log.loss.toFixed(4)}, validation MRR ${log.valid.MRR.toFixed(4)} over ${log.valid.lists} clicked lists (${log.seconds.toFixed(1)} s)\n`,
      ),
  });
  const shownMRR = shownOrderMRR(data.valid);
  const version = await saveReranker(result.reranker, args.out, {
    dataFile: basename(args.data),
    dataSha256: sha256File(args.data),
    format,
    commit,
    date: new Date().toISOString(),
    backend,
    baseModel: typeof args['base-model'] === 'string' ? basename(resolve(args['base-model'])) : null,
    trainShoppers: train.size,
    validShoppers: valid.size,
    trainLists: data.train.length,
    trainRows: rows,
    features: RERANK_FEATURE_COUNT,
    params: result.reranker.params,
    epochs: result.epochs,
    bestEpoch: result.bestEpoch,
    validation: result.valid,
    validationShownOrderMRR: shownMRR,
    seconds: Math.round(result.seconds),
  });
  process.stdout.write(
    `wrote ${args.out} (${version}): validation MRR ${result.valid.MRR.toFixed(4)} (lists as shown: ${shownMRR.toFixed(4)}), HR@1 ${result.valid['HR@1'].toFixed(4)} over ${result.valid.lists} lists; ${result.epochs} epochs in ${result.seconds.toFixed(0)} s\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
