/**
 * npm run pretrain -- --data <file> --out <dir> [--catalog public/catalog.json] [settings]
 * Trains the LocalShelf model on a log file (see lib/data/read-dataset.ts: CSV or JSONL of
 * user,item,timestamp[,kind]; LocalShelf event JSONL; item-id lines), early-stopped on each
 * user's second-to-last item, and writes model.json + weights.bin + meta.json (the model card:
 * version, popularity, the catalog prior when calibrated, settings; no local paths).
 */
import { readFileSync } from 'node:fs';
import { validateCatalog, WITH_CATALOG_DEFAULTS } from '../src/engine/node.ts';
import { parseArgs } from '../lib/data/args.ts';
import { modelCard, writeModelCard } from '../lib/data/model-card.ts';
import { saveModelDir } from '../lib/data/model-files.ts';
import { startNodeBackend } from '../lib/data/node-tf.ts';
import { pretrainProgress } from '../lib/data/progress.ts';
import { pretrain, DEFAULT_SETTINGS } from '../lib/data/pretrain-run.ts';
import { catalogCoverage, parseDataset } from '../lib/data/read-dataset.ts';
import { SETTING_OPTIONS, SETTINGS_HELP, settingsFromArgs } from '../lib/data/settings-args.ts';

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
    typeof args.catalog === 'string' ? validateCatalog(JSON.parse(readFileSync(args.catalog, 'utf8'))) : null;
  const backend = await startNodeBackend();
  const users = parseDataset(readFileSync(data, 'utf8'));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (catalog) for (const line of catalogCoverage(users, catalog.items)) log(`pretrain: ${line}`);
  const fromArgs = settingsFromArgs(args);
  // A catalog that says what goes with what gets a calibrated prior unless the owner says otherwise.
  const complements =
    catalog?.items.some((item) => (item.complements ?? []).length > 0) &&
    fromArgs.complementsPerItem === undefined
      ? { complementsPerItem: WITH_CATALOG_DEFAULTS.complementsPerItem }
      : {};
  const settings = { ...DEFAULT_SETTINGS, ...complements, ...fromArgs };
  log(`pretrain: ${users.length} users from ${data}, backend ${backend}`);
  const run = await pretrain(users, settings, {
    ...(catalog ? { catalog: catalog.items } : {}),
    onLog: pretrainProgress(settings),
  });
  const bytes = await saveModelDir(run.model, out);
  const card = modelCard({
    run,
    users,
    dataFile: data,
    catalogVersion: catalog?.version ?? null,
    dir: out,
    prefix: 'model',
    backend,
    bytes,
  });
  writeModelCard(out, card);
  log(
    run.prior
      ? `catalog prior: bonus ${run.prior.bonus.join('/')}, validation NDCG@10 ${run.prior.before.toFixed(4)} → ${run.prior.after.toFixed(4)}`
      : catalog
        ? 'no catalog prior: the catalog lists no complements (or --complements-per-item 0)'
        : 'no catalog prior and no content features: pass --catalog <catalog.json> to learn from titles, categories, brands and tags',
  );
  if (run.transitions) {
    const t = run.transitions;
    log(
      `transition blend: ${t.perItem} neighbours per item (window ${t.window}, ${t.similarity}), ${t.voters} voters, decay ${t.decay}, weight ${t.weight}; validation NDCG@10 ${t.before.toFixed(4)} → ${t.after.toFixed(4)}`,
    );
  }
  log(
    `wrote ${out}/model.json, weights.bin (${bytes} bytes), meta.json (version ${card.version}, popularity of ${card.vocabulary.length} items); valid NDCG@10 ${(run.result.valid['NDCG@10'] ?? 0).toFixed(4)}`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`pretrain: ${(e as Error).message}\n`);
  process.exit(1);
});
