import { capabilities } from '../../engine/index.ts';
import { bytes, fill, h, table } from '../dom.ts';
import type { Tab } from './types.ts';

const listed = (flags: object) =>
  Object.entries(flags)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');

export const overviewTab: Tab = {
  id: 'overview',
  label: 'Overview',
  async render(container, engine) {
    const state = engine.getSnapshot();
    const [status, estimate] = await Promise.all([
      engine.status().catch(() => null),
      navigator.storage?.estimate ? navigator.storage.estimate().catch(() => null) : Promise.resolve(null),
    ]);
    const caps = capabilities();
    const backend = state.backend;
    const model = state.model;
    fill(
      container,
      table(
        ['', ''],
        [
          ['Backend', h('strong', { 'data-testid': 'backend' }, backend?.name ?? '…')],
          ['Renderer', backend?.renderer ?? '(not WebGL)'],
          ['Software WebGL allowed', backend ? String(backend.softwareWebglAllowed) : '…'],
          [
            'Fallbacks',
            backend?.fallbacks.length
              ? backend.fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ')
              : 'none',
          ],
          ['Capabilities (page)', listed(caps)],
          // Detected in the worker, where the backend runs: what its choice (threads, WebGPU) saw.
          ['Capabilities (worker)', backend ? listed(backend.features) : '…'],
          [
            'tf.memory() tensors',
            h('span', { 'data-testid': 'num-tensors' }, status ? String(status.memory.numTensors) : '…'),
          ],
          ['tf.memory() bytes', status ? bytes(status.memory.numBytes) : '…'],
          ['GPU bytes', status?.memory.numBytesInGPU != null ? bytes(status.memory.numBytesInGPU) : 'n/a'],
          [
            'Storage used',
            estimate ? `${bytes(estimate.usage ?? 0)} of ${bytes(estimate.quota ?? 0)}` : 'n/a',
          ],
          [
            'Pretrained model',
            model
              ? `${model.baseModel} (${model.items} items, ${model.params.toLocaleString('en')} params)`
              : '…',
          ],
          [
            'Personal model',
            model
              ? model.personal.active
                ? `adapter active, saved ${new Date(model.personal.savedAt ?? 0).toLocaleString()}`
                : `no adapter${model.personal.discarded ? ` (discarded: ${model.personal.discarded})` : ''}`
              : '…',
          ],
          [
            'Re-ranker',
            model
              ? model.reranker.active
                ? `${model.reranker.version}: ${model.reranker.personal ? 'fine-tuned on this device' : 'shipped weights'}${model.reranker.discarded ? ` (saved weights discarded: ${model.reranker.discarded})` : ''}`
                : `none (${model.reranker.unavailable ?? 'not loaded'})`
              : '…',
          ],
          [
            'Since the last run',
            `${state.newEvents} item events, ${state.newImpressions} impressions (kept across page loads)`,
          ],
          ['Engine status', state.status + (state.error ? `: ${state.error}` : '')],
          ['Warnings', state.warnings.length ? state.warnings.join(' | ') : 'none'],
        ],
        'Engine overview',
      ),
    );
  },
};
