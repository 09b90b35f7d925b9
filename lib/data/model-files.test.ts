import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createModel, loadPretrained, scoreAll } from '../../src/engine/node.ts';
import { dirHandler, saveModelDir } from './model-files.ts';

describe('model files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'localshelf-model-'));
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes model.json + weights.bin that load back to identical scores', async () => {
    const model = createModel({ numItems: 15, dim: 8, maxLen: 4, seed: 5 });
    const history = {
      items: Int32Array.from([2, 9]),
      kinds: Int32Array.from([1, 5]),
      recency: Int32Array.from([1, 1]),
    };
    const bytes = await saveModelDir(model, dir);
    expect(bytes).toBe(model.countParams() * 4);
    const vocabulary = Array.from({ length: 15 }, (_, i) => String(i + 1));
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ vocabulary }));
    const loaded = await loadPretrained({ handler: dirHandler(dir), meta: { vocabulary } });
    expect(Array.from(scoreAll(loaded.model, history))).toEqual(Array.from(scoreAll(model, history)));
  });

  it('says what is wrong with a missing or foreign model.json', () => {
    expect(() => dirHandler(join(dir, 'nope'))).toThrow(
      /cannot read .*model.json.*expected a tfjs model.json/,
    );
    const other = mkdtempSync(join(tmpdir(), 'localshelf-bad-'));
    writeFileSync(join(other, 'model.json'), '{"hello": 1}');
    expect(() => dirHandler(other)).toThrow(/has no modelTopology\/weightsManifest/);
    rmSync(other, { recursive: true, force: true });
  });
});
