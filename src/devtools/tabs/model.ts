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
        ['Tensor', 'Shape', 'Params', 'Mean', 'Std', 'Min', 'Max', 'L2 norm', 'Moved from shipped (L2)'],
        rows.map((w) => [
          w.name,
          w.shape.join('×'),
          String(w.params),
          num(w.mean),
          num(w.std),
          num(w.min),
          num(w.max),
          num(w.norm),
          w.drift === undefined ? '–' : num(w.drift),
        ]),
        'Personal weights',
      );
    const model = engine.getSnapshot().model;
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
      h('h3', {}, 'Re-ranker (dense 50 → 100 → 1)'),
      h(
        'p',
        { 'data-testid': 'reranker-state' },
        !model?.reranker.active
          ? `None: ${model?.reranker.unavailable ?? 'not loaded'}`
          : `${model.reranker.version}, ${model.reranker.params.toLocaleString('en')} parameters: ${
              model.reranker.personal ? 'fine-tuned on this device' : 'the shipped weights'
            }${model.reranker.discarded ? ` (saved weights discarded: ${model.reranker.discarded})` : ''}`,
      ),
      summary.reranker.length ? stats(summary.reranker) : h('p', {}, 'No re-ranker loaded.'),
    );
  },
};
