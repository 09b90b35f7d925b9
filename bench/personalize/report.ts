import type { CostSummary, GroupSummary, Metrics, PairedComparison } from './aggregate.ts';

/** bench/results/personalize-<dataset>.json. Top-level keys follow issue 5; the rest is provenance and detail. */
export interface PersonalizeReport {
  dataset: string;
  dataFile: string;
  dataSha256: string;
  /** New shoppers evaluated (the spec's "users" key holds improved/unchanged/worse instead). */
  newShoppers: number;
  /** Users the model was pretrained on. */
  population: number;
  items: number;
  commit: string;
  dirty: string[];
  date: string;
  cpus: number;
  backend: string;
  split: {
    method: string;
    newShoppersInFile: number;
    skippedTargetInHistory: number;
    skippedTargetNotInVocabulary: number;
    cappedTo: number | null;
  };
  settings: {
    pretrain: Record<string, unknown>;
    finetune: Record<string, unknown>;
    bootstrap: Record<string, unknown>;
  };
  pretraining: {
    trainSeconds: number;
    epochs: number;
    bestEpoch: number;
    stoppedBy: string;
    params: number;
    valid: Record<string, number>;
  };
  noFinetune: Metrics;
  finetuned: Metrics;
  guarded: Metrics;
  /** Guarded − no fine-tuning: what the browser ships. */
  'pairedDiffNDCG@10': { mean: number; ci95: [number, number] };
  /** Fine-tuned (always applied) − no fine-tuning. */
  'pairedDiffNDCG@10Finetuned': { mean: number; ci95: [number, number] };
  /** Guarded vs no fine-tuning, by NDCG@10. */
  users: { improved: number; unchanged: number; worse: number };
  comparisons: { 'finetuned-noFinetune': PairedComparison; 'guarded-noFinetune': PairedComparison };
  trained: number;
  accepted: number;
  byHistoryLength: Record<string, GroupSummary>;
  /** New shoppers whose history is longer than the model's window: the only ones the browser runs the adapter for. */
  beyondWindow: { maxLen: number; shoppers: number };
  finetuneMsPerUser: number;
  finetuneCost: CostSummary;
  evaluateSeconds: number;
}

const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '–');
const signed = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(4)}` : '–');
const ci = (c: { mean: number; ci95: [number, number] }) =>
  `${signed(c.mean)} [${signed(c.ci95[0])}, ${signed(c.ci95[1])}]`;
const counts = (c: { improved: number; unchanged: number; worse: number }) =>
  `${c.improved} / ${c.unchanged} / ${c.worse}`;
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(0)}%` : '–');

/** A reading generated from the numbers, so the note always says what this run measured. */
export function reading(r: PersonalizeReport): string {
  const g = r.comparisons['guarded-noFinetune'];
  const ft = r.comparisons['finetuned-noFinetune'];
  const met = g.ci95[1] >= 0;
  const buckets = Object.entries(r.byHistoryLength).filter(([, s]) => s.newShoppers > 0);
  const best = [...buckets].sort(
    ([, a], [, b]) => b['guarded-noFinetune'].mean - a['guarded-noFinetune'].mean,
  )[0];
  const ftSig =
    ft.ci95[0] > 0
      ? 'a gain whose interval excludes zero'
      : ft.ci95[1] < 0
        ? 'a loss whose interval excludes zero'
        : 'an interval that includes zero';
  const gSig =
    g.ci95[0] > 0
      ? 'better, with an interval above zero'
      : g.ci95[1] < 0
        ? 'worse, with an interval below zero'
        : 'indistinguishable from no fine-tuning (the interval includes zero)';
  const parts = [
    `Of ${r.newShoppers} new shoppers, fine-tuning ran for ${r.trained} (${pct(r.trained, r.newShoppers)}); the others have too few next-item examples on the device and keep the pretrained model as is.`,
    `Applied always, the fine-tuned head changes NDCG@10 by ${ci(ft)} per shopper, ${ftSig}; by full rank of the test item it helped ${ft.rank.improved} shoppers and hurt ${ft.rank.worse}.`,
    `The guardrail kept ${r.accepted} of ${r.trained} heads; with it the change is ${ci(g)}, ${gSig}, and the target "guarded never worse on average" is ${met ? 'met' : 'NOT met'}.`,
    `As shipped, the browser runs the adapter only when the history is longer than the model's ${r.beyondWindow.maxLen}-event window (below it the sequence model already reads everything); ${r.beyondWindow.shoppers} of these ${r.newShoppers} new shoppers qualify, so for the others the shipped result is "no fine-tuning".`,
  ];
  if (best)
    parts.push(
      `By history length, the largest guarded change is for ${best[0]} events (${signed(best[1]['guarded-noFinetune'].mean)}, ${best[1].newShoppers} shoppers, ${best[1].accepted} heads kept): ` +
        buckets
          .map(
            ([b, s]) =>
              `${b}: ${signed(s['guarded-noFinetune'].mean)} guarded, ${signed(s['finetuned-noFinetune'].mean)} always`,
          )
          .join('; ') +
        '.',
    );
  parts.push(
    `Each run trains ${r.finetuneCost.trainableParams.toLocaleString('en')} parameters for ${r.finetuneCost.meanSteps.toFixed(1)} steps on average, ${r.finetuneCost.msPerTrainedUser.toFixed(0)} ms per trained shopper on this machine (${r.backend}, ${r.cpus} shared CPUs).`,
  );
  return parts.join(' ');
}

export function toMarkdown(r: PersonalizeReport): string {
  const row = (name: string, m: Metrics, c?: PairedComparison) =>
    `| ${name} | ${f4(m['HR@10'])} | ${f4(m['NDCG@10'])} | ${c ? ci(c) : '–'} | ${c ? counts(c) : '–'} | ${c ? counts(c.rank) : '–'} |`;
  const lines = [
    `# Personalization — ${r.dataset}`,
    '',
    `BENCHMARKS.md §2. Users split by ${r.split.method}: ${r.population} pretrain the model, ${r.split.newShoppersInFile} are new shoppers it never saw. ` +
      `Each new shopper's device holds every event before their last; the last item is the test (full ranking over ${r.items} items, history excluded). ` +
      `${r.newShoppers} new shoppers evaluated${r.split.cappedTo !== null ? ` (capped by --users ${r.split.cappedTo})` : ''}; left out: ${r.split.skippedTargetInHistory} whose test item is already in their history, ${r.split.skippedTargetNotInVocabulary} whose test item no population user has.`,
    `Fine-tuning is the browser's own code (src/engine/training: nextItemExamples, fineTune with its defaults, PersonalHead rank ${String(r.settings.finetune['headRank'])}, guardrail). ` +
      `"Fine-tuned" applies the trained head whatever the guardrail says; "guarded" keeps it only when the guardrail accepted it. The browser adds a gate: the adapter runs only past the model's window (see the reading below).`,
    `Commit ${r.commit}${r.dirty.length ? ` (uncommitted changes: ${r.dirty.join(', ')})` : ''}, ${r.date}, ${r.cpus} CPUs, tfjs ${r.backend} backend. ` +
      `Pretraining: ${(r.pretraining.trainSeconds / 60).toFixed(1)} min, ${r.pretraining.epochs} epochs (best ${r.pretraining.bestEpoch}, stopped by ${r.pretraining.stoppedBy}), population validation HR@10 ${f4(r.pretraining.valid['HR@10'] ?? NaN)} NDCG@10 ${f4(r.pretraining.valid['NDCG@10'] ?? NaN)}.`,
    '',
    `Δ is the per-shopper NDCG@10 difference against no fine-tuning, mean [bootstrap 95% interval, ${String(r.settings.bootstrap['resamples'])} resamples]. Counts are improved / unchanged / worse.`,
    '',
    '| variant | HR@10 | NDCG@10 | Δ NDCG@10 | by NDCG@10 | by full rank |',
    '| --- | --- | --- | --- | --- | --- |',
    row('pretrained + history (no fine-tuning)', r.noFinetune),
    row('fine-tuned, always applied', r.finetuned, r.comparisons['finetuned-noFinetune']),
    row('fine-tuned + guardrail', r.guarded, r.comparisons['guarded-noFinetune']),
    '',
    '## By history length (events on the device)',
    '',
    '| events | shoppers | trained | kept | NDCG@10 none | fine-tuned | guarded | Δ fine-tuned | Δ guarded | guarded: by NDCG@10 | guarded: by rank |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.byHistoryLength).map(
      ([b, s]) =>
        `| ${b} | ${s.newShoppers} | ${s.trained} | ${s.accepted} | ${f4(s.noFinetune['NDCG@10'])} | ${f4(s.finetuned['NDCG@10'])} | ${f4(s.guarded['NDCG@10'])} | ${ci(s['finetuned-noFinetune'])} | ${ci(s['guarded-noFinetune'])} | ${counts(s['guarded-noFinetune'])} | ${counts(s['guarded-noFinetune'].rank)} |`,
    ),
    '',
    '## Cost per shopper',
    '',
    `Trainable parameters ${r.finetuneCost.trainableParams.toLocaleString('en')}; mean steps ${r.finetuneCost.meanSteps.toFixed(1)} (trained shoppers); ` +
      `fineTune wall time ${r.finetuneMsPerUser.toFixed(1)} ms per new shopper (skipped ones included), ${r.finetuneCost.msPerTrainedUser.toFixed(1)} ms per trained shopper, ${r.finetuneCost.msPerStep.toFixed(2)} ms per step ` +
      `(${r.backend} on ${r.cpus} CPUs shared with other jobs). Run outcomes: ${Object.entries(
        r.finetuneCost.outcomes,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    '',
    '## Reading',
    '',
    reading(r),
    '',
  ];
  return lines.join('\n');
}
