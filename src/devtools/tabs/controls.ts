import { BACKENDS, untilDone, type BackendName } from '../../engine/index.ts';
import { fill, h } from '../dom.ts';
import type { Tab } from './types.ts';

export const controlsTab: Tab = {
  id: 'controls',
  label: 'Controls',
  poll: false,
  render(container, engine) {
    const output = h('p', { role: 'status', 'data-testid': 'control-output' });
    const say = (text: string) => (output.textContent = text);
    const act = (label: string, run: () => Promise<string>) =>
      h(
        'button',
        {
          type: 'button',
          onclick: () =>
            void run().then(say, (e: unknown) => say(`${label} failed: ${(e as Error).message}`)),
        },
        label,
      );
    const state = engine.getSnapshot();
    const backendSelect = h(
      'select',
      { 'aria-label': 'Backend' },
      ...BACKENDS.map((b) => h('option', { value: b, selected: state.backend?.name === b }, b)),
    );
    fill(
      container,
      h(
        'div',
        { class: 'controls' },
        act('Train now', async () => {
          const run = await untilDone(engine.train('devtools'));
          return 'skipped' in run
            ? `Skipped: ${run.skipped}`
            : `Run finished: re-ranker ${run.reranker ? run.reranker.verdict : 'not shipped'}; adapter ${run.reason}`;
        }),
        act('Cancel training', async () =>
          (await engine.cancelTraining()) ? 'Cancelled the run in progress.' : 'No run in progress.',
        ),
        act('Reset personal model', async () => {
          await engine.resetPersonal();
          return 'Personal model reset: recommendations come from the pretrained model.';
        }),
        h(
          'span',
          {},
          backendSelect,
          act(
            'Switch backend',
            async () => `Now on ${(await engine.switchBackend(backendSelect.value as BackendName)).name}.`,
          ),
        ),
        act('Clear data', async () => {
          if (!confirm('Delete every stored event, the personal model and the run log?'))
            return 'Kept everything.';
          await engine.deleteAll();
          return 'All data cleared.';
        }),
      ),
      output,
    );
  },
};
