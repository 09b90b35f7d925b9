/**
 * npm run bench:growth [-- --events 100000,300000,1000000 --epochs 2 --results bench/results]
 * Pretraining time against data size: simulated shoppers on the demo catalog at each size,
 * pretrained by `npm run pretrain` with its defaults for a fixed number of epochs (each in its
 * own process, pinned to one core where `taskset` exists, as the quality benchmark runs).
 * Reports seconds per epoch (training plus the per-epoch validation), the whole process's wall
 * time and its peak memory, so README's "where one machine stops being enough" rests on
 * measurements. Writes growth.json and growth.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../lib/data/args.ts';
import { dirtyPaths, gitCommit } from '../lib/data/provenance.ts';

const args = parseArgs(process.argv.slice(2), { events: 'string', epochs: 'number', results: 'string' });
const targets = String(args.events ?? '100000,300000,1000000')
  .split(',')
  .map((s) => Number(s));
if (targets.some((n) => !Number.isInteger(n) || n < 1000))
  throw new Error(`--events is ${JSON.stringify(args.events)}; expected sizes such as 100000,300000,1000000`);
const epochs = typeof args.epochs === 'number' ? args.epochs : 2;
const resultsDir = typeof args.results === 'string' ? args.results : join(import.meta.dirname, 'results');
/** Simulated events per shopper on the demo catalog (127,325 for 1,000 shoppers at the default seed); only sizes the runs, which report the events they got. */
const EVENTS_PER_SHOPPER = 127;
const CODE_PATHS = ['src', 'lib', 'scripts', 'bench/growth.ts'];

const hasTaskset = spawnSync('taskset', ['--version']).status === 0;
const hasTime = existsSync('/usr/bin/time');

/** Runs `tsx script args` on one core; returns its wall seconds and peak resident memory (MB, when /usr/bin/time exists). */
function run(
  script: string,
  scriptArgs: string[],
): { seconds: number; peakMb: number | null; output: string } {
  const tsx = join('node_modules', '.bin', 'tsx');
  let command = [tsx, script, ...scriptArgs];
  if (hasTaskset) command = ['taskset', '-c', String(cpus().length - 1), ...command];
  if (hasTime) command = ['/usr/bin/time', '-f', 'peak-kb %M', ...command];
  const started = performance.now();
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`${script} ${scriptArgs.join(' ')} failed:\n${output.slice(-2000)}`);
  const peak = /peak-kb (\d+)/.exec(output);
  return { seconds, peakMb: peak ? Math.round(Number(peak[1]) / 1024) : null, output };
}

interface Row {
  targetEvents: number;
  shoppers: number;
  events: number;
  users: number;
  epochs: number;
  trainSeconds: number;
  secondsPerEpoch: number;
  processSeconds: number;
  peakMb: number | null;
}

const work = mkdtempSync(join(tmpdir(), 'localshelf-growth-'));
const rows: Row[] = [];
try {
  for (const target of targets) {
    const shoppers = Math.ceil(target / EVENTS_PER_SHOPPER);
    const data = join(work, `sim-${target}`);
    const simulated = run('scripts/simulate.ts', [
      '--shoppers',
      String(shoppers),
      '--seed',
      '7',
      '--out',
      data,
    ]);
    const events = Number(/(\d+) events/.exec(simulated.output)?.[1] ?? NaN);
    const out = join(work, `model-${target}`);
    process.stderr.write(`pretraining on ${events} events (${shoppers} shoppers), ${epochs} epochs…\n`);
    const pretrained = run('scripts/pretrain.ts', [
      '--data',
      join(data, 'events.jsonl'),
      '--out',
      out,
      '--catalog',
      'public/catalog.json',
      '--epochs',
      String(epochs),
      '--patience',
      String(epochs + 1),
    ]);
    const card = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as {
      users: number;
      epochs: number;
      trainSeconds: number;
    };
    rows.push({
      targetEvents: target,
      shoppers,
      events,
      users: card.users,
      epochs: card.epochs,
      trainSeconds: card.trainSeconds,
      secondsPerEpoch: Math.round((card.trainSeconds / card.epochs) * 10) / 10,
      processSeconds: Math.round(pretrained.seconds * 10) / 10,
      peakMb: pretrained.peakMb,
    });
    process.stderr.write(`${JSON.stringify(rows.at(-1))}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const perEpochPer100k = rows.map((r) => (r.secondsPerEpoch / r.events) * 100_000);
const report = {
  commit: gitCommit(),
  dirty: dirtyPaths(CODE_PATHS),
  date: new Date().toISOString(),
  machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), pinned to one: ${hasTaskset}`,
  settings: { epochs, pretrain: 'npm run pretrain defaults (model/defaults.ts)', catalogItems: 2400 },
  rows,
  secondsPerEpochPer100kEvents: perEpochPer100k.map((x) => Math.round(x * 10) / 10),
};
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'growth.json'), JSON.stringify(report, null, 2) + '\n');
writeFileSync(join(resultsDir, 'growth.md'), toMarkdown(report));
process.stderr.write(`wrote ${join(resultsDir, 'growth.md')}\n`);

function toMarkdown(r: typeof report): string {
  const hours = (row: Row, n: number) => ((row.secondsPerEpoch * n) / 3600).toFixed(1);
  return [
    '# Pretraining time against data size',
    '',
    `Commit ${r.commit}${r.dirty.length ? ` (uncommitted: ${r.dirty.join(', ')})` : ''}, ${r.date}; ${r.machine}.`,
    `Simulated shoppers on the demo catalog (${r.settings.catalogItems} items), \`npm run pretrain\` with its defaults,`,
    `${r.settings.epochs} epochs each; an epoch's time includes its validation pass. Produced by \`npm run bench:growth\`.`,
    '',
    '| events | shoppers | s / epoch | s / epoch per 100k events | process wall s | peak memory MB | 20 epochs (h) | 100 epochs (h) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.rows.map(
      (row, i) =>
        `| ${row.events.toLocaleString('en')} | ${row.shoppers.toLocaleString('en')} | ${row.secondsPerEpoch} | ${r.secondsPerEpochPer100kEvents[i]} | ${row.processSeconds} | ${row.peakMb ?? 'n/a'} | ${hours(row, 20)} | ${hours(row, 100)} |`,
    ),
    '',
    'The last two columns multiply the measured seconds per epoch; they are not measured runs.',
    '',
  ].join('\n');
}
