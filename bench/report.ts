import type { TransitionCalibration } from '../src/engine/node.ts';
import { PUBLISHED } from './published.ts';

export interface QualityReport {
  dataset: string;
  dataFile: string;
  dataSha256: string;
  users: number;
  testUsers: number;
  skippedTargetInHistory: number;
  items: number;
  commit: string;
  dirty: string[];
  date: string;
  cpus: number;
  backend: string;
  trainSeconds: number;
  /** Median wall time of an epoch's training steps, and of its validation scoring. */
  msPerEpoch?: number;
  validationMsPerEpoch?: number;
  /** Validation users scored after each epoch (early stopping). */
  validUsers?: number;
  epochs: number;
  bestEpoch: number;
  stoppedBy: string;
  params: number;
  modelBytes: number;
  latencyMsPerUser: number;
  latencyMsPerUserBatched: number;
  settings: Record<string, unknown>;
  baselineSettings: Record<string, unknown>;
  valid: Record<string, number>;
  /**
   * The transition blend inside LocalShelf's scores (the model's logits plus the calibrated
   * co-occurrence of the latest items), as calibrated on validation; absent for a model without one.
   */
  transitions?: TransitionCalibration & { seconds: number; tableBytes: number };
  /** The refit after validation (settings.refit): epochs replayed, wall time, median ms of steps per epoch. */
  refit?: { epochs: number; seconds: number; msPerEpoch: number };
  models: Record<string, Record<string, number>>;
  /** Standard error of each model's HR@10 and NDCG@10 over the test users. */
  standardErrors?: Record<string, Record<string, number>>;
  /** LocalShelf minus each baseline, user by user: mean difference and its standard error. */
  paired?: Record<string, Record<string, { diff: number; se: number }>>;
  /** Which LocalShelf row each row is paired with (absent: `localshelf`). */
  pairedWith?: Record<string, string>;
}

const METRICS = ['HR@5', 'HR@10', 'HR@20', 'NDCG@5', 'NDCG@10', 'NDCG@20'];

/** The human-readable table: our run's models, then the published numbers on the same file. */
export function toMarkdown(r: QualityReport): string {
  const f = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(4));
  const lines = [
    `# Quality — ${r.dataset}`,
    '',
    `Leave-one-out by time, full ranking over all ${r.items} items, history items excluded (BENCHMARKS.md §1).`,
    `${r.testUsers} of ${r.users} users evaluated; ${r.skippedTargetInHistory} left out because their test item already occurs in their history.`,
    `Commit ${r.commit}${r.dirty.length ? ` (uncommitted changes: ${r.dirty.join(', ')})` : ''}, ${r.date}, ${r.cpus} CPUs, tfjs ${r.backend} backend.`,
    '',
    `| model (this run) | ${METRICS.join(' | ')} |`,
    `| --- | ${METRICS.map(() => '---').join(' | ')} |`,
    ...Object.entries(r.models).map(
      ([name, m]) => `| ${name} | ${METRICS.map((k) => f(m[k])).join(' | ')} |`,
    ),
    '',
    `LocalShelf: ${r.params.toLocaleString('en')} parameters, ${(r.modelBytes / 1e6).toFixed(2)} MB of weights, trained ${(r.trainSeconds / 60).toFixed(1)} min (${r.epochs} epochs, best ${r.bestEpoch}, stopped by ${r.stoppedBy}); ` +
      `latency ${r.latencyMsPerUser.toFixed(2)} ms per user alone, ${r.latencyMsPerUserBatched.toFixed(3)} ms per user in batches of 256.` +
      (r.msPerEpoch === undefined
        ? ''
        : ` Per epoch (median): ${(r.msPerEpoch / 1000).toFixed(1)} s of training steps, ${((r.validationMsPerEpoch ?? 0) / 1000).toFixed(1)} s scoring ${r.validUsers ?? '?'} validation users.`),
    `Settings: \`${JSON.stringify(r.settings)}\`. Baselines: \`${JSON.stringify(r.baselineSettings)}\`.`,
    '',
  ];
  if (r.refit)
    lines.push(
      `Refit (the rows ending in -refit): once validation had chosen epoch ${r.bestEpoch} and the blend, the network was trained again from the same initial weights on every item but each user's last (the validation items included), ` +
        `${r.refit.epochs} epochs with the first run's learning rates, in ${(r.refit.seconds / 60).toFixed(1)} min (${(r.refit.msPerEpoch / 1000).toFixed(1)} s of steps per epoch), and the blend's table rebuilt from those items; the baselines beside it learnt from the same items. ` +
        "That is the model pretraining ships. The published models learnt from the training split only (the protocol above; the eSASRec benchmark holds each user's validation item out of training), so only the `localshelf` row compares with them. " +
        `Pretraining in all (training, calibration, refit): ${((r.trainSeconds + (r.transitions?.seconds ?? 0) + r.refit.seconds) / 60).toFixed(1)} min.`,
      '',
    );
  const t = r.transitions;
  if (t)
    lines.push(
      `Transition blend (in localshelf's scores above): logits + ${t.weight} × Σ ${t.decay}^r × similarity to the latest ${t.voters} items, ` +
        `co-occurrence within ${t.window} steps (${t.similarity}), ${t.perItem} neighbours per item (${(t.tableBytes / 1e6).toFixed(2)} MB of the weights), built from the training split${r.refit ? ' (rebuilt with the validation items for the refit)' : ''}; ` +
        `chosen on the validation users from ${t.tried} settings in ${t.seconds.toFixed(0)} s: validation NDCG@10 ${f(t.before)} → ${f(t.after)}, HR@10 ${f(t.beforeHr10)} → ${f(t.afterHr10)}.`,
      '',
    );
  if (r.standardErrors) {
    const se = (name: string, k: string) => r.standardErrors?.[name]?.[k];
    const signed = (x: number, digits = 4) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
    lines.push(
      '| model | HR@10 ± SE | NDCG@10 ± SE | paired with | it − this row, HR@10 (paired SE, z) | it − this row, NDCG@10 (paired SE, z) |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const [name, m] of Object.entries(r.models)) {
      const p = r.paired?.[name];
      const cell = (k: string) => {
        const d = p?.[k];
        return d ? `${signed(d.diff)} (${d.se.toFixed(4)}, z ${signed(d.diff / d.se, 1)})` : '–';
      };
      const reference = p ? (r.pairedWith?.[name] ?? 'localshelf') : '–';
      lines.push(
        `| ${name} | ${f(m['HR@10'])} ± ${f(se(name, 'HR@10'))} | ${f(m['NDCG@10'])} ± ${f(se(name, 'NDCG@10'))} | ${reference} | ${cell('HR@10')} | ${cell('NDCG@10')} |`,
      );
    }
    lines.push('');
  }
  const published = PUBLISHED[r.dataset];
  if (published) {
    const ours = r.models['localshelf'] ?? {};
    lines.push(
      `| published (${r.dataset}) | HR@10 | NDCG@10 | ours vs it (HR@10 / NDCG@10) | source |`,
      '| --- | --- | --- | --- | --- |',
    );
    for (const p of published) {
      const ratio = (a: number | undefined, b: number) => (a === undefined ? '–' : `${(a / b).toFixed(2)}×`);
      lines.push(
        `| ${p.model} | ${f(p['HR@10'])} | ${f(p['NDCG@10'])} | ${ratio(ours['HR@10'], p['HR@10'])} / ${ratio(ours['NDCG@10'], p['NDCG@10'])} | ${p.source} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
