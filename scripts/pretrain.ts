/**
 * npm run pretrain -- --data <file> --out <dir> [--catalog public/catalog.json] [settings]
 * Trains the LocalShelf model on a dataset file (item-id lines or shopper JSONL), early-stopped
 * on each user's second-to-last item, and writes model.json + weights.bin + meta.json.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateCatalog } from '../src/engine/index.ts';
import { parseArgs } from './data/args.ts';
import { saveModelDir } from './data/model-files.ts';
import { startNodeBackend } from './data/node-tf.ts';
import { pretrainProgress } from './data/progress.ts';
import { gitCommit, sha256File } from './data/provenance.ts';
import { pretrain, DEFAULT_SETTINGS } from './data/pretrain-run.ts';
import { parseDataset } from './data/read-dataset.ts';
import { SETTING_OPTIONS, SETTINGS_HELP, settingsFromArgs } from './data/settings-args.ts';

const USAGE = `usage: npm run pretrain -- --data <file> --out <dir> [--catalog <catalog.json>]\n${SETTINGS_HELP}`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    data: 'string',
    out: 'string',
    catalog: 'string',
    help: 'boolean',
    ...SETTING_OPTIONS,
  });
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const data = args.data;
  const out = args.out;
  if (typeof data !== 'string' || typeof out !== 'string')
    throw new Error(`--data and --out are required\n${USAGE}`);
  const catalog =
    typeof args.catalog === 'string'
      ? validateCatalog(JSON.parse(readFileSync(args.catalog, 'utf8'))).items
      : undefined;
  // The commit that trains, taken before training: later commits must not claim this model.
  const commit = gitCommit();
  const backend = await startNodeBackend();
  const users = parseDataset(readFileSync(data, 'utf8'));
  const settings = { ...DEFAULT_SETTINGS, ...settingsFromArgs(args) };
  process.stderr.write(`pretrain: ${users.length} users from ${data}, backend ${backend}\n`);
  const run = await pretrain(users, settings, { catalog, onLog: pretrainProgress(settings) });
  const bytes = await saveModelDir(run.model, out);
  const meta = {
    format: 'localshelf-model/1',
    dataFile: resolve(data),
    dataSha256: sha256File(data),
    users: users.length,
    vocabulary: run.vocabulary,
    params: run.params,
    modelBytes: bytes,
    settings: run.settings,
    catalog: typeof args.catalog === 'string' ? resolve(args.catalog) : null,
    valid: run.result.valid,
    epochs: run.result.epochs,
    bestEpoch: run.result.bestEpoch,
    stoppedBy: run.result.stoppedBy,
    trainSeconds: run.result.seconds,
    backend,
    commit,
    date: new Date().toISOString(),
  };
  writeFileSync(join(out, 'meta.json'), JSON.stringify(meta, null, 1));
  process.stderr.write(
    `wrote ${out}/model.json, weights.bin (${bytes} bytes), meta.json; valid NDCG@10 ${(run.result.valid['NDCG@10'] ?? 0).toFixed(4)}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`pretrain: ${(e as Error).message}\n`);
  process.exit(1);
});
