import type { BackendInfo } from '../../src/engine/index.ts';

export interface BackendResult {
  /** What the worker ran on (renderer or adapter, wasm threads), or why the column could not run. */
  info: BackendInfo | string;
  firstRecommendation: {
    coldMs: number;
    /** Reloaded after the page before had settled (the target); `warmAtOnceMs`: reloaded at once. */
    warmMs: number;
    warmAtOnceMs?: number;
    coldRuns: number[];
    warmRuns: number[];
    warmAtOnceRuns?: number[];
  };
  latency: Record<string, { p50Ms: number; p95Ms: number; samples: number }>;
  fineTuning: Record<
    string,
    {
      wallMs: number;
      steps: number;
      examples: number;
      msPerStep: number | null;
      accepted: boolean | null;
      longTasksOver50ms: number;
      longestTaskMs: number;
    }
  >;
  /** The re-ranker: page-seen latency of re-ranking 50 items, and one fine-tuning run (worker time). */
  reranker?: {
    rerank50P50Ms: number;
    rerank50P95Ms: number;
    fineTuneMs: number | null;
    fineTuneRows: number;
    fineTuneSteps: number;
    fineTuneVerdict: string;
  };
  /**
   * The production shop for a returning shopper: time to the first "For you" card after a reload
   * of a settled page (`forYou*`) and reloaded at once (`atOnce*`), and fetches per static file.
   */
  returningShopper?: {
    forYouMs: number;
    forYouRuns: number[];
    atOnceMs?: number;
    atOnceRuns?: number[];
    firstVisitFetches: Record<string, number>;
    returnFetches: Record<string, number>;
  };
  cycles: {
    cycles: number;
    numTensorsAfter1: number;
    numTensorsAfterN: number;
    numTensorsAtHalf: number;
    numTensorsPerCycle: number[];
    tensorBytesAfter1: number;
    tensorBytesAfterN: number;
    pageHeapMBAfter1: number;
    pageHeapMBAfterN: number;
  };
}

export interface BrowserReport {
  commit: string;
  dirty: string[];
  date: string;
  cpus: number;
  cpuModel: string;
  chromium: string;
  renderer: string;
  settings: Record<string, unknown>;
  sizes: {
    shopFirstLoadGzip: number;
    shopFirstLoadJsGzip: number;
    shopFiles: Record<string, number>;
    worker: Record<string, number>;
    widget: Record<string, number> | null;
  };
  /** Keyed by column id (bench/browser/columns.ts): webgpu, webgl, wasm (threaded), wasm-1thread, cpu. */
  backends: Record<string, BackendResult>;
  /** Columns that could not run or failed part-way, with the error. */
  failures: Record<string, string>;
  /** Why no GPU machine ran this benchmark, or which one did. */
  gpuRun: string;
  ratios: Record<string, Record<string, number>>;
  targets: { target: string; measured: string; met: boolean }[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function fetchTable(shopper: BackendResult['returningShopper']): string[] {
  if (!shopper) return ['(not measured)'];
  const paths = [
    ...new Set([...Object.keys(shopper.firstVisitFetches), ...Object.keys(shopper.returnFetches)]),
  ].sort();
  return [
    '| file | first visit | return visit |',
    '| --- | --- | --- |',
    ...paths.map((p) => `| ${p} | ${shopper.firstVisitFetches[p] ?? 0} | ${shopper.returnFetches[p] ?? 0} |`),
  ];
}

/** Ratios of every figure to wasm's (wasm = 1): how much faster or slower each backend is on the same run. */
export function ratios(backends: BrowserReport['backends']): BrowserReport['ratios'] {
  const base = backends.wasm;
  const out: BrowserReport['ratios'] = {};
  if (!base) return out;
  for (const [name, r] of Object.entries(backends)) {
    if (!r) continue;
    const row: Record<string, number> = {
      warmFirstRecommendation: r.firstRecommendation.warmMs / base.firstRecommendation.warmMs,
    };
    for (const [size, l] of Object.entries(r.latency))
      row[`p95@${size}`] = l.p95Ms / (base.latency[size]?.p95Ms ?? NaN);
    for (const [events, f] of Object.entries(r.fineTuning))
      row[`fineTune@${events}`] = f.wallMs / (base.fineTuning[events]?.wallMs ?? NaN);
    out[name] = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v * 100) / 100]));
  }
  return out;
}

export function toMarkdown(r: BrowserReport, notes: string): string {
  const names = Object.keys(r.backends);
  const row = (label: string, f: (b: BackendResult) => string) =>
    `| ${label} | ${names.map((n) => f(r.backends[n]!)).join(' | ')} |`;
  const sizesOf = Object.keys(Object.values(r.backends)[0]?.latency ?? {});
  const eventsOf = Object.keys(Object.values(r.backends)[0]?.fineTuning ?? {});
  return [
    '# Browser benchmark',
    '',
    `Commit \`${r.commit}\`${r.dirty.length ? ` (with uncommitted changes in ${r.dirty.join(', ')})` : ''}, ${r.date}. ${r.cpus} CPUs (${r.cpuModel}), ${r.chromium}.`,
    `WebGL renderer: **${r.renderer}**. Every backend ran in the same session, side by side; times are medians.`,
    '',
    `GPU run: ${r.gpuRun}`,
    '',
    '## Targets',
    '',
    '| target | measured | met |',
    '| --- | --- | --- |',
    ...r.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : 'no'} |`),
    '',
    '## Per backend',
    '',
    ...Object.entries(r.failures ?? {}).map(([n, why]) => `- **${n} did not complete**: ${why}`),
    ...(Object.keys(r.failures ?? {}).length ? [''] : []),
    `| | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---').join(' | ')} |`,
    row('runs on', (b) =>
      typeof b.info === 'string'
        ? b.info
        : `${b.info.name}${b.info.renderer ? ` on ${b.info.renderer}` : ''}${
            b.info.wasm
              ? ` (${b.info.wasm.threadsOff ? `1 thread: ${b.info.wasm.threadsOff}` : 'threaded'})`
              : ''
          }`,
    ),
    row('first recommendation, cold (ms)', (b) => String(b.firstRecommendation.coldMs)),
    row('first recommendation, warm: reload of a settled page (ms)', (b) =>
      String(b.firstRecommendation.warmMs),
    ),
    row('first recommendation, reloaded at once (ms)', (b) =>
      String(b.firstRecommendation.warmAtOnceMs ?? '–'),
    ),
    ...sizesOf.map((s) =>
      row(`recommend p50 / p95, ${s} items (ms)`, (b) => `${b.latency[s]?.p50Ms} / ${b.latency[s]?.p95Ms}`),
    ),
    ...eventsOf.map((e) =>
      row(
        `fine-tune, ${e} events (ms, steps)`,
        (b) => `${b.fineTuning[e]?.wallMs} (${b.fineTuning[e]?.steps})`,
      ),
    ),
    ...eventsOf.map((e) =>
      row(`main-thread long tasks > 50 ms while fine-tuning ${e} events`, (b) =>
        String(b.fineTuning[e]?.longTasksOver50ms),
      ),
    ),
    row('re-rank 50 items p50 / p95 (ms, page-seen)', (b) =>
      b.reranker ? `${b.reranker.rerank50P50Ms} / ${b.reranker.rerank50P95Ms}` : '–',
    ),
    row('re-ranker fine-tuning (ms in the worker, rows, steps)', (b) =>
      b.reranker ? `${b.reranker.fineTuneMs} (${b.reranker.fineTuneRows}, ${b.reranker.fineTuneSteps})` : '–',
    ),
    row(
      'returning shopper: first "For you" card after a reload, page before settled / reloaded at once (ms)',
      (b) =>
        b.returningShopper ? `${b.returningShopper.forYouMs} / ${b.returningShopper.atOnceMs ?? '–'}` : '–',
    ),
    row(
      'worker tensors after 1 / N/2 / N cycles',
      (b) =>
        `${b.cycles.numTensorsAfter1} / ${b.cycles.numTensorsAtHalf} / ${b.cycles.numTensorsAfterN} (N=${b.cycles.cycles}; per cycle ${b.cycles.numTensorsPerCycle.join(' ')})`,
    ),
    row(
      'page JS heap after 1 / N cycles (MB)',
      (b) => `${b.cycles.pageHeapMBAfter1} / ${b.cycles.pageHeapMBAfterN}`,
    ),
    '',
    '## Ratios to wasm (1 = as fast as wasm; below 1 is faster)',
    '',
    '| backend | ' + Object.keys(Object.values(r.ratios)[0] ?? {}).join(' | ') + ' |',
    '| --- | ' +
      Object.keys(Object.values(r.ratios)[0] ?? {})
        .map(() => '---')
        .join(' | ') +
      ' |',
    ...Object.entries(r.ratios).map(([n, v]) => `| ${n} | ${Object.values(v).join(' | ')} |`),
    '',
    '## Static files fetched per page load (page and worker, production shop, first column)',
    '',
    ...fetchTable(Object.values(r.backends)[0]?.returningShopper),
    '',
    '## Download sizes (gzip)',
    '',
    `Shop first load: **${kb(r.sizes.shopFirstLoadGzip)}** (JavaScript ${kb(r.sizes.shopFirstLoadJsGzip)}): ${Object.entries(
      r.sizes.shopFiles,
    )
      .map(([f, b]) => `${f} ${kb(b)}`)
      .join(', ')}.`,
    `Worker and wasm (start in parallel, cached after the first visit): ${Object.entries(r.sizes.worker)
      .map(([f, b]) => `${f} ${kb(b)}`)
      .join(', ')}.`,
    r.sizes.widget
      ? `Widget: ${Object.entries(r.sizes.widget)
          .map(([f, b]) => `${f} ${kb(b)}`)
          .join(', ')}.`
      : 'Widget: not built in this run.',
    '',
    '## Reading',
    '',
    notes,
    '',
    `Settings: \`${JSON.stringify(r.settings)}\``,
    '',
  ].join('\n');
}
