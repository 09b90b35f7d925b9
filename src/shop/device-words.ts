import type { BackendInfo, TrainingRun } from '../engine/index.ts';

/** Renderers that draw on the CPU, though WebGL or WebGPU reports them as a GPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|software/i;

/** Whether the model really runs on a graphics chip: a GPU backend on a hardware renderer. */
export function onRealGpu(backend: BackendInfo | null): boolean {
  if (!backend || (backend.name !== 'webgl' && backend.name !== 'webgpu')) return false;
  return !!backend.renderer && !backend.softwareRenderer && !SOFTWARE_RENDERER.test(backend.renderer);
}

/** Where the shopper's model runs, in shoppers' words (never a backend's name). */
export function whereItRuns(backend: BackendInfo | null): string {
  if (!backend) return 'starting…';
  return onRealGpu(backend) ? "on your device's GPU" : "in your browser, on your device's processor";
}

/** The last training run in plain words: when, and whether the device kept what it learned. */
export function lastRunWords(run: TrainingRun, when: string): string {
  const r = run.reranker;
  if (!r) return `${when}: this shop ships no re-ranker to personalize, so nothing was trained`;
  if (r.accepted)
    return `${when}: learned from what you were shown and opened, and kept it (it predicted your latest clicks better than the shop's model)`;
  if (r.steps === 0) return `${when}: not trained yet (${r.reason.replace(/^skipped: /, '')})`;
  return `${when}: tried, and not kept (it did not predict your latest clicks better than the shop's model, which stays in use)`;
}
