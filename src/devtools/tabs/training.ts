import type { TrainingRun } from '../../engine/index.ts';
import { fill, h, num, table } from '../dom.ts';
import { lossChart } from '../loss-chart.ts';
import type { Tab } from './types.ts';

function metrics(run: TrainingRun): string {
  if (!run.before || !run.after) return '–';
  const [b, a] = [run.before, run.after];
  const numbers = `MRR ${num(b.mrr)} → ${num(a.mrr)}, NDCG@10 ${num(b['NDCG@10'])} → ${num(a['NDCG@10'])}, held-back loss ${num(b.loss)} → ${num(a.loss)}`;
  // "after" is the trained copy's best step, kept or not: a rejection shows what it reached.
  return run.accepted ? numbers : `not kept: the trained copy reached ${numbers}; the starting weights stay`;
}

/** The re-ranker's part of a run: its verdict in words, and what it learned from. */
function rerankerCell(run: TrainingRun) {
  const r = run.reranker;
  if (!r) return h('span', { class: 'muted' }, 'no re-ranker shipped');
  return h(
    'span',
    {},
    h('span', { class: r.accepted ? 'ok' : 'bad', 'data-testid': 'reranker-verdict' }, r.verdict),
    h(
      'small',
      { class: 'muted' },
      ` ${r.lists} lists on the device, ${r.trainLists} learned from; shopper click rate ${num(r.localClickRate, 3)} corrected to ${num(r.globalClickRate, 3)}; ${r.ms.toFixed(0)} ms`,
    ),
  );
}

/**
 * The curve of a logged run: the adapter's training and held-back loss per step when it
 * trained, else the re-ranker's training loss per step (it checks the held-back lists only
 * every few steps, so there is no held-back line).
 */
function lastCurve(
  run: TrainingRun | undefined,
): { steps: { step: number; loss: number; heldBackLoss: number }[]; title: string } | null {
  if (!run) return null;
  const when = new Date(run.startedAt).toLocaleTimeString();
  if (run.losses.length)
    return {
      steps: run.losses.map((loss, i) => ({ step: i + 1, loss, heldBackLoss: run.heldBackLosses[i] ?? NaN })),
      title: `last run (${when}), next-item adapter`,
    };
  const r = run.reranker;
  if (r?.losses.length)
    return {
      steps: r.losses.map((loss, i) => ({ step: i + 1, loss, heldBackLoss: NaN })),
      title: `last run (${when}), re-ranker`,
    };
  return null;
}

export const trainingTab: Tab = {
  id: 'training',
  label: 'Training',
  live: true,
  async render(container, engine) {
    const state = engine.getSnapshot();
    const chart = lossChart();
    // The engine's state keeps the run log (read from the device once), so each step re-reads nothing.
    const runs = state.training.runs.slice().reverse();
    // A run in progress streams its steps; otherwise the last logged run's curve (after a reload too).
    const curve = state.training.steps.length ? null : lastCurve(runs[0]);
    chart.update(
      curve?.steps ?? state.training.steps,
      curve?.title ??
        (runs[0] && !state.training.active
          ? `last run (${new Date(runs[0].startedAt).toLocaleTimeString()}) trained no steps`
          : undefined),
    );
    fill(
      container,
      h(
        'p',
        { 'data-testid': 'training-status' },
        state.training.active
          ? `Training (${state.training.trigger}): step ${state.training.steps.length}`
          : state.training.lastSkip
            ? `Idle. Last request skipped: ${state.training.lastSkip}`
            : 'Idle',
      ),
      chart.element,
      h('h3', {}, `Runs (${runs.length})`),
      table(
        [
          'When',
          'Trigger',
          'Backend',
          'Re-ranker',
          'Adapter steps',
          'Adapter params',
          'ms/step',
          'Adapter verdict',
          'Adapter held-back metrics',
        ],
        runs.map((r) => [
          new Date(r.startedAt).toLocaleTimeString(),
          r.trigger,
          r.backend,
          rerankerCell(r),
          String(r.steps),
          String(r.trainableParams),
          r.msPerStep.toFixed(1),
          h('span', { class: r.accepted ? 'ok' : 'bad', 'data-testid': 'run-verdict' }, r.reason),
          metrics(r),
        ]),
        'Training runs',
      ),
    );
  },
};
