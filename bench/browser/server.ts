import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { build, preview, type PreviewServer } from 'vite';
import { createModel } from '../../src/engine/node.ts';
import { saveModelDir } from '../../lib/data/model-files.ts';

export const OUT_DIR = '.bench-dist';

/** Builds the production shop plus the benchmark page, exactly as a site would ship them. */
export async function buildSite(): Promise<void> {
  await build({
    logLevel: 'warn',
    build: {
      outDir: OUT_DIR,
      rollupOptions: { input: { main: resolve('index.html'), bench: resolve('bench/browser/page.html') } },
    },
  });
}

/**
 * A model over `items` synthetic items (random weights: latency does not depend on
 * what was learned), served beside the site. Returns its URL prefix.
 */
export async function writeSyntheticModel(items: number): Promise<string> {
  const dir = join(OUT_DIR, 'bench-models', `items-${items}`);
  mkdirSync(dir, { recursive: true });
  const model = createModel({
    numItems: items,
    dim: 64,
    maxLen: 50,
    blocks: 2,
    heads: 1,
    dropout: 0.2,
    seed: items,
  });
  await saveModelDir(model, dir);
  model.dispose();
  const vocabulary = Array.from({ length: items }, (_, i) => `s-${i}`);
  const popularity = vocabulary.map((_, i) => items - i);
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({
      format: 'localshelf-model/1',
      version: `synthetic-${items}`,
      vocabulary,
      popularity,
      params: 0,
      settings: {},
      valid: {},
      commit: 'bench',
      date: '2026-01-01T00:00:00Z',
    }),
  );
  return `/bench-models/items-${items}/`;
}

export async function startServer(port: number): Promise<PreviewServer> {
  await tf.ready();
  return preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
}
