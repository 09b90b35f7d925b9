import type { ModelMeta, PriorCalibration } from '../../src/engine/node.ts';
import type { HeldOutEvaluation } from './evaluate-heldout.ts';

export interface DemoReport extends HeldOutEvaluation {
  version: string;
  dataFile: string;
  dataSha256: string;
  catalogFile: string;
  shoppers: number;
  populationShoppers: number;
  heldOutPercent: number;
  items: number;
  commit: string;
  date: string;
  cpus: number;
  backend: string;
  trainSeconds: number;
  epochs: number;
  bestEpoch: number;
  stoppedBy: string;
  params: number;
  modelBytes: number;
  settings: Record<string, unknown>;
  baselineSettings: Record<string, unknown>;
  valid: Record<string, number>;
  /** Catalog prior calibrated on the pretraining validation users (absent: no prior). */
  prior?: PriorCalibration;
  /** Transition blend calibrated on the same validation users (absent: no blend). */
  transitions?: NonNullable<ModelMeta['transitions']>;
  /** Whether LocalShelf beats every baseline on HR@10 and NDCG@10. */
  beatsBaselines: boolean;
}

const METRICS = ['HR@5', 'HR@10', 'HR@20', 'NDCG@5', 'NDCG@10', 'NDCG@20'];

/** Whether `model` beats every baseline on both HR@10 and NDCG@10 (its own ablation rows, `model-…`, are not baselines). */
export function beatsAll(models: Record<string, Record<string, number>>, model = 'localshelf'): boolean {
  const ours = models[model];
  if (!ours) return false;
  return Object.entries(models)
    .filter(([name]) => name !== model && !name.startsWith(`${model}-`))
    .every(
      ([, m]) => (ours['HR@10'] ?? 0) > (m['HR@10'] ?? 0) && (ours['NDCG@10'] ?? 0) > (m['NDCG@10'] ?? 0),
    );
}

/** Standard error of a hit rate `p` measured on `n` independent users. */
export function standardError(p: number, n: number): number {
  return n > 0 ? Math.sqrt((p * (1 - p)) / n) : NaN;
}

/** bench/results/demo-model.md: the table first, then how it was measured. */
export function demoReportMarkdown(r: DemoReport): string {
  const f = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(4));
  return [
    '# Demo model — held-out simulated shoppers',
    '',
    `Model \`${r.version}\` (models/demo), pretrained on ${r.populationShoppers} of ${r.shoppers} simulated shoppers; ` +
      `${r.heldOutShoppers} shoppers (FNV-1a hash of the shopper id mod 100 < ${r.heldOutPercent}) were never seen in pretraining.`,
    `Leave-one-out by time on the held-out shoppers: last item = test, everything before = history; full ranking over all ${r.items} catalog items with history items excluded.`,
    `${r.testUsers} held-out shoppers evaluated; ${r.skippedTargetInHistory} of the ${r.withHistory} with at least two items left out because their test item already occurs in their history.`,
    '',
    `| model | ${METRICS.join(' | ')} |`,
    `| --- | ${METRICS.map(() => '---').join(' | ')} |`,
    ...Object.entries(r.models).map(
      ([name, m]) => `| ${name} | ${METRICS.map((k) => f(m[k])).join(' | ')} |`,
    ),
    '',
    `LocalShelf ${r.beatsBaselines ? 'beats' : 'does NOT beat'} every baseline on HR@10 and NDCG@10. ` +
      `With ${r.testUsers} test shoppers one standard error of HR@10 is about ${standardError(r.models['localshelf']?.['HR@10'] ?? 0, r.testUsers).toFixed(3)}, so gaps smaller than that are noise.`,
    '',
    `- LocalShelf: ${r.params.toLocaleString('en')} parameters, ${r.modelBytes.toLocaleString('en')} bytes of weights (${(r.modelBytes / 1e6).toFixed(2)} MB), ` +
      `trained ${(r.trainSeconds / 60).toFixed(1)} min on ${r.cpus} shared CPUs, tfjs ${r.backend} backend (${r.epochs} epochs, best ${r.bestEpoch}, stopped by ${r.stoppedBy}).`,
    `- Pretraining validation (population, second-to-last item): HR@10 ${f(r.valid['HR@10'])}, NDCG@10 ${f(r.valid['NDCG@10'])}.`,
    ...(r.prior
      ? [
          `- Catalog prior: bonus ${r.prior.bonus.slice(0, 3).join(' / ')} for what goes with the latest / second / third latest item and ${r.prior.bonus[3]} for the latest item's category, chosen on the pretraining validation users (NDCG@10 ${f(r.prior.before)} without it → ${f(r.prior.after)}); the validation line above is before the prior.`,
        ]
      : []),
    ...(r.transitions
      ? [
          `- Transition blend: logits + ${r.transitions.weight} × Σ ${r.transitions.decay}^r × similarity to the latest ${r.transitions.voters} items, co-occurrence within ${r.transitions.window} steps (${r.transitions.similarity}), ${r.transitions.perItem} neighbours per item, chosen on the same validation users (NDCG@10 ${f(r.transitions.before)} → ${f(r.transitions.after)}, before the prior); \`localshelf-without-blend\` is the same model with the blend's weights at 0.`,
        ]
      : []),
    `- Settings: \`${JSON.stringify(r.settings)}\`.`,
    `- Baselines (lib/baselines): \`${JSON.stringify(r.baselineSettings)}\`.`,
    `- Data: ${r.dataFile} (sha256 ${r.dataSha256}), catalog ${r.catalogFile}.`,
    `- Commit ${r.commit}, ${r.date}. Regenerate with \`npm run demo-model\`.`,
    '',
  ].join('\n');
}
