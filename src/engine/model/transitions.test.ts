import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TRANSITION_DEPTH } from './config.ts';
import type { EncodedHistory } from './history.ts';
import { createModel, getEncoder, scoreBatch } from './model.ts';
import { loadPretrained } from './pretrained.ts';
import { ModelItemSpace } from '../ranking/model-space.ts';
import {
  blendedRank,
  calibrateTransitions,
  transitionTable,
  voterWeights,
  type TransitionGrid,
} from './transitions.ts';
import { rankOf, summarize } from '../metrics/rank.ts';
import { rng } from './train.ts';

const hist = (items: number[]): EncodedHistory => ({
  items: Int32Array.from(items),
  kinds: new Int32Array(items.length).fill(1),
  recency: new Int32Array(items.length).fill(1),
});

const round = (xs: ArrayLike<number>) => Array.from(xs, (v) => Math.round(v * 1000) / 1000);

async function saveAndLoad(
  model: tf.LayersModel,
  vocabulary: string[],
  edit?: (a: tf.io.ModelArtifacts) => void,
) {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      saved = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const artifacts = JSON.parse(JSON.stringify({ ...saved, weightData: undefined })) as tf.io.ModelArtifacts;
  artifacts.weightData = (saved as tf.io.ModelArtifacts).weightData;
  edit?.(artifacts);
  return loadPretrained({ handler: tf.io.fromMemory(artifacts), meta: { vocabulary } });
}

/** 12 items; shoppers step i → i+1 (mod 12), so each item's strongest neighbours are i ± 1. */
const ring = Array.from({ length: 40 }, (_, u) =>
  Int32Array.from({ length: 6 }, (_, t) => ((u + t) % 12) + 1),
);

describe('transition blend', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('tables the strongest co-occurring items per item, 1/distance within the window, scaled', () => {
    // 1 2 3 twice, 1 4 4 once: with window 2, 1's pairs are 2 (2 × 1), 3 (2 × 1/2), 4 (1 + 1/2).
    const seqs = [Int32Array.from([1, 2, 3]), Int32Array.from([1, 2, 3]), Int32Array.from([1, 4, 4])];
    const count = transitionTable(seqs, 4, { window: 2, perItem: 2, similarity: 'count' });
    expect(Array.from(count.neighbours.subarray(2, 4))).toEqual([2, 4]); // 3 is the weakest: cut
    expect(Array.from(count.neighbours.subarray(0, 2))).toEqual([0, 0]); // padding row
    // Item 3's pairs: 2 (2 × 1) and 1 (2 × 1/2).
    expect(Array.from(count.neighbours.subarray(6, 8))).toEqual([2, 1]);
    const raw = [2, 1.5]; // item 1's row before scaling
    const scale = count.weights[2]! / raw[0]!;
    expect(count.weights[3]! / scale).toBeCloseTo(raw[1]!, 6);
    // Scaled so the strongest neighbour is 1 on average over items with any.
    const tops = [1, 2, 3, 4].map((a) => count.weights[a * 2]!);
    expect(tops.reduce((x, y) => x + y, 0) / 4).toBeCloseTo(1, 5);
    // Self pairs (4 4) never count; cosine divides by √(n_a n_b).
    const cosine = transitionTable(seqs, 4, { window: 2, perItem: 3, similarity: 'cosine' });
    expect(Array.from(cosine.neighbours.subarray(12, 15))).toEqual([1, 0, 0]);
    expect(() => transitionTable(seqs, 4, { window: 0, perItem: 2, similarity: 'count' })).toThrow(
      /window is 0/,
    );
  });

  it('adds each recent position’s weight times the table to the scores, in scoreBatch and the browser’s item space', async () => {
    const model = createModel({ numItems: 12, dim: 8, maxLen: 4, blocks: 1, neighboursPerItem: 2, seed: 5 });
    const enc = getEncoder(model);
    const table = transitionTable(ring, 12, { window: 1, perItem: 2, similarity: 'count' });
    const h = hist([5, 1]); // latest 1 (neighbours 2 and 12); before it 5 (4 and 6)
    const before = scoreBatch(model, [h]);
    const vocabulary = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const space = await ModelItemSpace.create(model, vocabulary, null);
    const steps = [5, 1].map((i, t) => ({ itemId: `p${i - 1}`, kind: 'view' as const, ts: 1000 + t }));
    const browserBefore = (await space.scoreAfter(steps)) ?? new Float32Array(12);
    enc.setTransitions(table, voterWeights(2, 0.5, 2));
    const after = scoreBatch(model, [h]);
    const expected = new Array<number>(12).fill(0);
    const add = (item: number, v: number) => {
      for (let k = 0; k < 2; k++)
        expected[table.neighbours[item * 2 + k]! - 1]! += v * table.weights[item * 2 + k]!;
    };
    add(1, 2);
    add(5, 1);
    expect(round(after.map((v, i) => v - before[i]!))).toEqual(round(expected));
    // The worker's scorer adds the same blend.
    const browser = (await space.scoreAfter(steps)) ?? new Float32Array(12);
    expect(round(browser.map((v, i) => v - browserBefore[i]!))).toEqual(round(expected));
    space.dispose();
    expect(() => enc.setTransitions(table, [1, 2])).toThrow(/expected 20 finite numbers/);
    const wide = transitionTable(ring, 12, { window: 1, perItem: 3, similarity: 'count' });
    expect(() => enc.setTransitions(wide, voterWeights(1, 1, 1))).toThrow(/3 per item/);
  });

  it('ranks each grid setting exactly as a full re-ranking of the blended scores would', () => {
    const n = 30;
    const random = rng(11);
    const seqs = Array.from({ length: 200 }, () =>
      Int32Array.from({ length: 6 }, () => 1 + Math.floor(random() * random() * n)),
    );
    const table = transitionTable(seqs, n, { window: 3, perItem: 4, similarity: 'cosine' });
    for (let c = 0; c < 50; c++) {
      const base = Float32Array.from({ length: n }, () => Math.round(random() * 8) / 4); // many ties
      const history = Int32Array.from({ length: 1 + (c % 5) }, () => 1 + Math.floor(random() * n));
      let target = 1 + Math.floor(random() * n);
      while (history.includes(target)) target = 1 + Math.floor(random() * n);
      for (const w of [0, 0.5, 3]) {
        const blend = { ...table, voters: Float32Array.from(voterWeights(3, 0.6, w)) };
        const reference = blendedRank(base, blend, history, target);
        const model = createModel({ numItems: n, dim: 4, maxLen: 8, blocks: 0, neighboursPerItem: 4 });
        const enc = getEncoder(model);
        const grid: TransitionGrid = {
          window: [3],
          similarity: ['cosine'],
          voters: [3],
          decay: [0.6],
          weight: [w],
        };
        const cal = calibrateTransitions(
          enc,
          seqs,
          [{ history: { items: history }, target }],
          () => base,
          grid,
        );
        expect(cal.after).toBeCloseTo(summarize([reference], [10])['NDCG@10']!, 9);
        expect(cal.afterHr10).toBeCloseTo(summarize([reference], [10])['HR@10']!, 9);
        model.dispose();
      }
    }
  });

  it('calibrates a weight when shoppers follow the transitions, none when they do not, and writes it', () => {
    const model = createModel({ numItems: 12, dim: 8, maxLen: 4, blocks: 1, neighboursPerItem: 2, seed: 5 });
    const enc = getEncoder(model);
    const score = (hs: readonly { items: Int32Array }[]) => scoreBatch(model, hs as EncodedHistory[]);
    const following = Array.from({ length: 12 }, (_, i) => ({
      history: hist([i + 1]),
      target: ((i + 1) % 12) + 1,
    }));
    const followed = calibrateTransitions(enc, ring, following, score);
    expect(followed.weight).toBeGreaterThan(0);
    expect(followed.after).toBeGreaterThan(followed.before);
    // What was written scores the validation cases as the calibration said.
    const outcomes = following.map((c) => {
      const row = scoreBatch(model, [c.history]);
      return rankOf(row, c.target - 1, []);
    });
    expect(summarize(outcomes, [10])['NDCG@10']).toBeCloseTo(followed.after, 5);
    const ignoring = Array.from({ length: 12 }, (_, i) => ({
      history: hist([i + 1]),
      target: ((i + 5) % 12) + 1,
    }));
    const ignored = calibrateTransitions(enc, ring, ignoring, score);
    expect(ignored.weight).toBe(0);
    expect(ignored.after).toBe(ignored.before);
    expect(Array.from(enc.transitionBlend()?.voters ?? [])).toEqual(new Array(TRANSITION_DEPTH).fill(0));
  });

  it('travels with the saved weights: identical scores after save and load', async () => {
    const model = createModel({ numItems: 12, dim: 8, maxLen: 4, blocks: 1, neighboursPerItem: 2, seed: 5 });
    const table = transitionTable(ring, 12, { window: 2, perItem: 2, similarity: 'cosine' });
    getEncoder(model).setTransitions(table, voterWeights(3, 0.8, 4));
    const vocabulary = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const h = hist([4, 9, 2]);
    const expected = scoreBatch(model, [h]);
    const loaded = await saveAndLoad(model, vocabulary);
    expect(Array.from(scoreBatch(loaded.model, [h]))).toEqual(Array.from(expected));
    const blend = getEncoder(loaded.model).transitionBlend();
    expect(Array.from(blend?.neighbours ?? [])).toEqual(Array.from(table.neighbours));
    expect(Array.from(blend?.voters ?? [])).toEqual(Array.from(Float32Array.from(voterWeights(3, 0.8, 4))));
  });

  it('loads model files from before the blend (no neighboursPerItem, no table): no blend, same scores', async () => {
    const model = createModel({ numItems: 12, dim: 8, maxLen: 4, blocks: 1, seed: 5 });
    const vocabulary = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const h = hist([4, 9, 2]);
    const expected = scoreBatch(model, [h]);
    // Files written before the blend existed have no "neighboursPerItem" in the layer's config.
    const loaded = await saveAndLoad(model, vocabulary, (a) => {
      const text = JSON.stringify(a.modelTopology);
      expect(text).toContain('"neighbours_per_item":0');
      a.modelTopology = JSON.parse(text.replace(/,?"neighbours_per_item":0/, ''));
      expect(a.weightSpecs?.some((s) => s.name.includes('neighbour'))).toBe(false);
    });
    const enc = getEncoder(loaded.model);
    expect(enc.hasTransitions).toBe(false);
    expect(enc.transitionBlend()).toBeNull();
    expect(Array.from(scoreBatch(loaded.model, [h]))).toEqual(Array.from(expected));
  });
});
