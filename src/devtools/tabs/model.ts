import { bytes, fill, h, num, table } from '../dom.ts';
import type { Tab } from './types.ts';

export const modelTab: Tab = {
  id: 'model',
  label: 'Model',
  async render(container, engine) {
    const summary = await engine.modelSummary().catch((e: unknown) => (e as Error).message);
    if (typeof summary === 'string') return fill(container, h('p', {}, `Model not available: ${summary}`));
    const stats = (rows: typeof summary.personal) =>
      table(
        ['Tensor', 'Shape', 'Params', 'Mean', 'Std', 'Min', 'Max', 'L2 norm'],
        rows.map((w) => [
          w.name,
          w.shape.join('×'),
          String(w.params),
          num(w.mean),
          num(w.std),
          num(w.min),
          num(w.max),
          num(w.norm),
        ]),
        'Personal weights',
      );
    fill(
      container,
      h(
        'p',
        {},
        `Pretrained: ${summary.totalParams.toLocaleString('en')} parameters, ${bytes(summary.totalBytes)} (frozen on the device).`,
      ),
      table(
        ['Layer', 'Class', 'Params'],
        summary.layers.map((l) => [l.name, l.className, l.params.toLocaleString('en')]),
        'Layers',
      ),
      h('h3', {}, 'Weights'),
      table(
        ['Weight', 'Shape', 'Params', 'Size'],
        summary.weights.map((w) => [
          w.name,
          w.shape.join('×'),
          w.params.toLocaleString('en'),
          bytes(w.bytes),
        ]),
        'Weights',
      ),
      h('h3', {}, 'Personal head (trained on this device)'),
      summary.personal.length
        ? stats(summary.personal)
        : h('p', { 'data-testid': 'no-personal' }, 'None: recommendations come from the pretrained model.'),
      h('h3', {}, 'Click model (dense 50 → 100 → 1)'),
      summary.click.length
        ? stats(summary.click)
        : h('p', {}, 'Not trained yet (needs impressions and clicks).'),
    );
  },
};
