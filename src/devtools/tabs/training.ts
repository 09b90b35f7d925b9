import type { TrainingRun } from '../../engine/index.ts';
import { fill, h, num, table } from '../dom.ts';
import { lossChart } from '../loss-chart.ts';
import type { Tab } from './types.ts';

function metrics(run: TrainingRun): string {
  if (!run.before || !run.after) return '–';
  return `MRR ${num(run.before.mrr)} → ${num(run.after.mrr)}, NDCG@10 ${num(run.before['NDCG@10'])} → ${num(run.after['NDCG@10'])}, held-back loss ${num(run.before.loss)} → ${num(run.after.loss)}`;
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
