import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SequenceStep } from '../events/queries.ts';
import { CLICK_FEATURES, clickExamples, clickFeatures, type ItemFacts } from './click-features.ts';
import {
  clickWeights,
  createClickModel,
  predictClicks,
  restoreClickWeights,
  trainClickModel,
} from './click-model.ts';

const facts = (id: string): ItemFacts => ({
  topCategory: id.startsWith('c') ? 'Camping' : 'Books',
  price: id.startsWith('c') ? 100 : 10,
  popularity: 0.5,
});

describe('the click model', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has the classic shape: dense 50 → 100 → 1 sigmoid', () => {
    const model = createClickModel();
    expect(model.layers.map((l) => (l.getConfig() as { units: number }).units)).toEqual([50, 100, 1]);
    expect((model.layers[2]!.getConfig() as { activation: string }).activation).toBe('sigmoid');
    model.dispose();
  });

  it('features describe fit with the shopper: category share, last category, seen before', () => {
    const history: SequenceStep[] = [
      { itemId: 'c1', kind: 'view', ts: 1 },
      { itemId: 'c2', kind: 'view', ts: 2 },
      { itemId: 'b1', kind: 'view', ts: 3 },
      { itemId: 'c3', kind: 'view', ts: 4 },
    ];
    const rows = clickFeatures(
      [
        { itemId: 'c9', modelScore: 2, position: 0 },
        { itemId: 'b1', modelScore: 0, position: 1 },
      ],
      { shelf: 'for-you', history, priorClicks: new Map([['b1', 2]]) },
      facts,
    );
    const camping = rows.subarray(0, CLICK_FEATURES);
    const book = rows.subarray(CLICK_FEATURES);
    expect(camping[0]).toBeCloseTo(1, 6); // z-score of 2 among {2, 0}
    expect(camping[3]).toBe(1); // for-you shelf
    expect(camping[9]).toBeCloseTo(0.75, 6);
    expect(camping[10]).toBe(1);
    expect(book[9]).toBeCloseTo(0.25, 6);
    expect(book[14]).toBe(1);
    expect(book[15]).toBeCloseTo(Math.log1p(2) / 3, 6);
  });

  it('learns a shopper who clicks Camping items, beats the click-rate baseline, and round-trips its weights', async () => {
    // A Camping fan: each impression shows 4 Camping and 4 Book items; Camping ones in the first slots get clicked.
    const impressions = [];
    const clicks = [];
    const steps: SequenceStep[] = [];
    let ts = 1_700_000_000_000;
    for (let k = 0; k < 40; k++) {
      steps.push({ itemId: `c${k % 7}`, kind: 'view', ts: ts++ });
      const items = Array.from({ length: 8 }, (_, p) => ({
        itemId: `${(p + k) % 2 === 0 ? 'c' : 'b'}${(p * 3 + k) % 9}`,
        position: p,
      }));
      impressions.push({ ts: ts++, shelf: 'for-you', items });
      for (const item of items)
        if (item.itemId.startsWith('c') && item.position < 5 && (k + item.position) % 3 !== 0)
          clicks.push({ ts: ts, itemId: item.itemId, shelf: 'for-you' });
      ts += 1000;
    }
    const data = clickExamples(impressions, clicks, steps, facts, () => null);
    expect(data.labels.length).toBe(320);
    const model = createClickModel();
    const report = await trainClickModel(model, data, { epochs: 60 });
    expect(report.accepted).toBe(true);
    expect(report.after!.auc).toBeGreaterThan(0.8);
    expect(report.after!.logLoss).toBeLessThan(report.baseline!.logLoss);
    const saved = clickWeights(model);
    const copy = createClickModel(99);
    restoreClickWeights(copy, saved);
    const sample = data.features.subarray(0, 4 * CLICK_FEATURES);
    expect(Array.from(predictClicks(copy, sample))).toEqual(Array.from(predictClicks(model, sample)));
    expect(() => restoreClickWeights(copy, [[1, 2]])).toThrow(
      'saved click model has 1 weight tensors; expected 6',
    );
    model.dispose();
    copy.dispose();
  });

  it('skips when there are too few clicks', async () => {
    const model = createClickModel();
    const report = await trainClickModel(model, {
      features: new Float32Array(10 * CLICK_FEATURES),
      labels: new Float32Array(10),
      ts: [],
    });
    expect(report).toMatchObject({
      accepted: false,
      reason: 'skipped: 10 impression rows with 0 clicks; need at least 30 rows and 3 clicks',
    });
    model.dispose();
  });
});
