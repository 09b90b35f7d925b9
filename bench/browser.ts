/**
 * npm run bench:browser [-- --columns webgpu,webgl,wasm,wasm-1thread,cpu --quick --gpu-run "<what ran it>"]
 * BENCHMARKS.md §3 in real Chromium: the production build, every backend side by side.
 * Writes bench/results/browser.json and .md.
 */
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../e2e/support/chromium.ts';
import { parseArgs } from '../lib/data/args.ts';
import { dirtyPaths, gitCommit } from '../lib/data/provenance.ts';
import { parseColumns } from './browser/columns.ts';
import {
  backendInfo,
  cycles,
  fineTuning,
  firstRecommendation,
  recommendLatency,
  reranker,
  returningShopper,
} from './browser/measure.ts';
import { ratios, toMarkdown, type BackendResult, type BrowserReport } from './browser/report.ts';
import { buildSite, OUT_DIR, startServer, writeSyntheticModel } from './browser/server.ts';
import { firstLoadBytes, folderBytes } from './browser/sizes.ts';

const args = parseArgs(process.argv.slice(2), {
  columns: 'string',
  quick: 'boolean',
  'gpu-run': 'string',
  port: 'number',
  notes: 'string',
  'render-only': 'boolean',
});
const columns = parseColumns(String(args.columns ?? 'webgpu,webgl,wasm,wasm-1thread,cpu'));
const quick = args.quick === true;
const settings = {
  columns: columns.map((c) => c.id),
  catalogSizes: [1_000, 10_000, 100_000],
  latencySamples: quick ? 20 : 60,
  fineTuneEvents: [50, 200, 1_000],
  firstRecommendationRuns: quick ? 1 : 3,
  cycles: quick ? 20 : 50,
  returningShopperRuns: quick ? 2 : 5,
};
const log = (line: string) => process.stderr.write(`${line}\n`);
/** The widget is built into its own folder, beside the site build. */
const WIDGET_DIR = '.bench-widget';

/** Re-renders browser.md from the committed browser.json with new notes (the measurements stay as measured). */
function renderOnly(): void {
  const report = JSON.parse(readFileSync(join('bench', 'results', 'browser.json'), 'utf8')) as BrowserReport;
  const notes =
    typeof args.notes === 'string'
      ? readFileSync(args.notes, 'utf8')
      : '(no notes given: pass --notes <file>)';
  writeFileSync(join('bench', 'results', 'browser.md'), toMarkdown(report, notes));
}

async function main(): Promise<void> {
  if (args['render-only']) return renderOnly();
  const commit = gitCommit();
  // The benchmark's own outputs (bench/results) are not code: leave them out of the dirty check.
  const dirty = dirtyPaths(['src', 'bench', 'index.html', 'vite.config.ts', 'models', 'public']).filter(
    (path) => !path.startsWith('bench/results/'),
  );
  log(`bench:browser at ${commit}${dirty.length ? ' (dirty)' : ''}: building…`);
  await buildSite();
  execFileSync('npx', ['vite', 'build', '--config', 'vite.widget.config.ts', '--logLevel', 'warn'], {
    env: { ...process.env, LOCALSHELF_WIDGET_OUT: WIDGET_DIR },
    stdio: 'inherit',
  });
  const modelUrls: Record<number, string> = {};
  for (const n of settings.catalogSizes) modelUrls[n] = await writeSyntheticModel(n);
  const port = Number(args.port ?? 4321);
  const server = await startServer(port);
  const baseURL = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch(chromiumLaunchOptions());
  const demoItems = (
    JSON.parse(readFileSync('public/catalog.json', 'utf8')) as { items: { id: string; inStock: boolean }[] }
  ).items
    .filter((i) => i.inStock)
    .map((i) => i.id);
  const results: Record<string, BackendResult> = {};
  const failures: Record<string, string> = {};
  const demoProducts = demoItems.filter((_, i) => i % 17 === 3);
  try {
    const page = await browser.newPage();
    const webgl = await backendInfo(page, baseURL, {
      ...columns[0]!,
      engine: { ...columns[0]!.engine, backends: ['webgl'] },
    });
    const gpu = typeof webgl === 'string' ? webgl : (webgl.renderer ?? 'unknown');
    log(`renderer: ${gpu}`);
    for (const column of columns) {
      const backend = column.id;
      const info = await backendInfo(page, baseURL, column);
      log(`[${backend}] runs on ${JSON.stringify(info)}`);
      if (typeof info === 'string' || info.name !== column.backend) {
        failures[backend] =
          typeof info === 'string' ? info : `asked for ${column.backend}, the worker chose ${info.name}`;
        log(`[${backend}] skipped: ${failures[backend]}`);
        continue;
      }
      try {
        log(`[${backend}] first recommendation…`);
        const firstRec = await firstRecommendation(
          browser,
          baseURL,
          column,
          settings.firstRecommendationRuns,
        );
        log(`[${backend}] returning shopper…`);
        const shopper = await returningShopper(
          browser,
          baseURL,
          column,
          demoProducts,
          settings.returningShopperRuns,
        );
        const latency: BackendResult['latency'] = {};
        for (const n of settings.catalogSizes) {
          log(`[${backend}] latency, ${n} items…`);
          latency[n] = await recommendLatency(
            page,
            baseURL,
            column,
            modelUrls[n]!,
            n,
            settings.latencySamples,
          );
        }
        const tuning: BackendResult['fineTuning'] = {};
        for (const events of settings.fineTuneEvents) {
          log(`[${backend}] fine-tuning, ${events} events…`);
          tuning[events] = await fineTuning(page, baseURL, column, demoItems, events);
        }
        // The cpu backend is the last resort and ~30× slower at matMul: fewer cycles keep the run under an hour.
        const cycleCount = column.backend === 'cpu' ? Math.min(settings.cycles, 20) : settings.cycles;
        log(`[${backend}] ${cycleCount} train + recommend cycles…`);
        const cycleResult = await cycles(page, baseURL, column, demoItems, cycleCount);
        log(`[${backend}] re-ranker…`);
        const rerankerResult = await reranker(page, baseURL, column, demoItems, settings.latencySamples);
        results[backend] = {
          info,
          firstRecommendation: firstRec,
          returningShopper: shopper,
          latency,
          fineTuning: tuning,
          reranker: rerankerResult,
          cycles: cycleResult,
        };
        log(`[${backend}] ${JSON.stringify(results[backend])}`);
      } catch (error) {
        // One column failing (say, a GPU that loses its device) must not lose the others' results.
        failures[backend] = `${(error as Error).message.split('\n')[0]}`;
        log(`[${backend}] failed: ${failures[backend]}`);
      }
    }
    const first = firstLoadBytes(OUT_DIR);
    const report: BrowserReport = {
      commit,
      dirty,
      date: new Date().toISOString(),
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      chromium: `Chromium ${browser.version()}`,
      renderer: gpu,
      gpuRun:
        typeof args['gpu-run'] === 'string'
          ? args['gpu-run']
          : 'none: no device machine with a GPU was lent to this task (the device tool said not drawn), so WebGPU and WebGL here ran on SwiftShader, in software',
      settings,
      sizes: {
        shopFirstLoadGzip: first.gzip,
        shopFirstLoadJsGzip: first.jsGzip,
        shopFiles: first.files,
        worker: folderBytes(join(OUT_DIR, 'assets'), /^(worker|tfjs).*\.(js|wasm)$/),
        widget: existsSync(WIDGET_DIR)
          ? {
              ...folderBytes(WIDGET_DIR, /\.(js|mjs)$/),
              ...folderBytes(join(WIDGET_DIR, 'assets'), /^worker.*\.js$/),
            }
          : null,
      },
      backends: results,
      failures,
      ratios: ratios(results),
      targets: [],
    };
    report.targets = targets(report);
    const notes =
      typeof args.notes === 'string'
        ? readFileSync(args.notes, 'utf8')
        : '(no notes given: pass --notes <file>)';
    writeFileSync(join('bench', 'results', 'browser.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join('bench', 'results', 'browser.md'), toMarkdown(report, notes));
    log('wrote bench/results/browser.json and .md');
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

/**
 * The targets (BENCHMARKS.md §3, issues 9, 15 and 19), each against the best column for that
 * job unless the target names one. Software GPU columns count: their renderer says so.
 */
function targets(r: BrowserReport): BrowserReport['targets'] {
  const all = Object.entries(r.backends);
  const best = (f: (b: BackendResult) => number) =>
    all
      .map(([n, b]) => [n, f(b)] as const)
      .filter(([, v]) => Number.isFinite(v))
      .sort((a, b) => a[1] - b[1])[0] ?? (['none', NaN] as const);
  const out: BrowserReport['targets'] = [];
  const add = (target: string, [name, value]: readonly [string, number], limit: number, unit = 'ms') =>
    out.push({ target, measured: `${value} ${unit} (${name})`, met: value <= limit });
  add(
    'warm first shelf on the production shop (reload of a settled page) ≤ 500 ms',
    best((b) => b.firstRecommendation.warmMs),
    500,
  );
  add(
    'first shelf ≤ 1 s on the production shop, cold (a first visit)',
    best((b) => b.firstRecommendation.coldMs),
    1000,
  );
  add(
    'a returning shopper\'s personalized shelf (first "For you" card after a reload of a settled page) ≤ 300 ms',
    best((b) => b.returningShopper?.forYouMs ?? NaN),
    300,
  );
  add(
    'p95 recommendation latency on 10k items ≤ 16 ms',
    best((b) => b.latency[10000]?.p95Ms ?? NaN),
    16,
  );
  add(
    'p95 recommendation latency on 100k items ≤ 50 ms',
    best((b) => b.latency[100000]?.p95Ms ?? NaN),
    50,
  );
  add(
    'fine-tuning the adapter on 200 events ≤ 2 s on wasm',
    ['wasm', r.backends.wasm?.fineTuning[200]?.wallMs ?? NaN],
    2000,
  );
  add(
    're-ranking 50 candidates ≤ 5 ms (p95, page-seen)',
    best((b) => b.reranker?.rerank50P95Ms ?? NaN),
    5,
  );
  add(
    'fine-tuning the re-ranker on ~200 impressions ≤ 300 ms on wasm',
    ['wasm', r.backends.wasm?.reranker?.fineTuneMs ?? NaN],
    300,
  );
  const longTasks = all.reduce(
    (s, [, b]) => s + Object.values(b.fineTuning).reduce((t, f) => t + f.longTasksOver50ms, 0),
    0,
  );
  out.push({
    target: 'zero main-thread long tasks while training',
    measured: `${longTasks} over all columns and sizes`,
    met: longTasks === 0,
  });
  const growth = all
    .map(
      ([n, b]) =>
        `${n} ${b.cycles.numTensorsAfter1}→${b.cycles.numTensorsAtHalf}→${b.cycles.numTensorsAfterN}`,
    )
    .join(', ');
  out.push({
    target: 'no growth in tensors over the train + recommend cycles, on every backend that ran',
    measured: growth,
    met: all.every(([, b]) => b.cycles.numTensorsAfterN <= b.cycles.numTensorsAfter1),
  });
  out.push({
    target: 'no growth in tensors over the second half of the cycles (one-time state excluded)',
    measured: growth,
    met: all.every(([, b]) => b.cycles.numTensorsAfterN <= b.cycles.numTensorsAtHalf),
  });
  const fetched = Object.values(r.backends)[0]?.returningShopper;
  if (fetched) {
    const many = Object.entries(fetched.firstVisitFetches).filter(([, n]) => n > 1);
    out.push({
      target: 'each static file fetched once per page load (first visit, page and worker)',
      measured: many.length ? many.map(([p, n]) => `${p} ×${n}`).join(', ') : 'every file once',
      met: many.length === 0,
    });
  }
  out.push({
    target: 'shop first-load JS ≤ 350 KB gzip',
    measured: `${(r.sizes.shopFirstLoadJsGzip / 1024).toFixed(1)} KB`,
    met: r.sizes.shopFirstLoadJsGzip <= 350 * 1024,
  });
  const widgetMain = r.sizes.widget
    ? Math.max(
        0,
        ...Object.entries(r.sizes.widget)
          .filter(([f]) => !/worker/.test(f))
          .map(([, b]) => b),
      )
    : NaN;
  out.push({
    target: 'widget ≤ 300 KB gzip (its first-load script)',
    measured: Number.isNaN(widgetMain) ? 'not built' : `${(widgetMain / 1024).toFixed(1)} KB`,
    met: widgetMain <= 300 * 1024,
  });
  return out;
}

main().catch((error: unknown) => {
  log(`bench:browser: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
