import type { TrainingRun } from '../../engine/index.ts';
import { fill, h, num, table } from '../dom.ts';
import { lossChart } from '../loss-chart.ts';
import type { Tab } from './types.ts';

function metrics(run: TrainingRun): string {
  if (!run.before || !run.after) return '–';
  return `MRR ${num(run.before.mrr)} → ${num(run.after.mrr)}, NDCG@10 ${num(run.before['NDCG@10'])} → ${num(run.after['NDCG@10'])}, held-back loss ${num(run.before.loss)} → ${num(run.after.loss)}`;
}

function clickSummary(run: TrainingRun): string {
  const c = run.click;
  if (!c) return '–';
  if (!c.after) return c.reason;
  return `${c.reason} (accuracy ${num(c.after.accuracy, 3)}, AUC ${num(c.after.auc, 3)}, log loss ${num(c.after.logLoss)})`;
}

export const trainingTab: Tab = {
  id: 'training',
  label: 'Training',
  live: true,
  async render(container, engine) {
    const state = engine.getSnapshot();
    const chart = lossChart();
    chart.update(state.training.steps);
    const runs = (await engine.runs().catch(() => [] as TrainingRun[])).slice().reverse();
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
          'Steps',
          'Trainable params',
          'ms/step',
          'Verdict',
          'Held-back metrics',
          'Click model',
        ],
        runs.map((r) => [
          new Date(r.startedAt).toLocaleTimeString(),
          r.trigger,
          r.backend,
          String(r.steps),
          String(r.trainableParams),
          r.msPerStep.toFixed(1),
          h('span', { class: r.accepted ? 'ok' : 'bad', 'data-testid': 'run-verdict' }, r.reason),
          metrics(r),
          clickSummary(r),
        ]),
        'Training runs',
      ),
    );
  },
};
