import { describe, expect, it } from 'vitest';
import { auc, binaryMetrics } from './binary.ts';

describe('click-model metrics', () => {
  it('AUC matches hand-computed cases', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 10);
    expect(auc([0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.5, 0.5, 0.5], [1, 0, 0])).toBe(0.5);
    expect(auc([0.3, 0.6], [1, 1])).toBeNaN();
  });

  it('accuracy and log loss match hand-computed values', () => {
    const m = binaryMetrics([0.9, 0.2, 0.6], [1, 0, 0]);
    expect(m.accuracy).toBeCloseTo(2 / 3, 10);
    expect(m.logLoss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8) + Math.log(0.4)) / 3, 10);
    expect(m.positives).toBe(1);
  });

  it('names mismatched inputs', () => {
    expect(() => binaryMetrics([0.5], [1, 0])).toThrow('1 probabilities for 2 labels');
    expect(() => binaryMetrics([0.5], [2])).toThrow('label 0 is 2; expected 0 or 1');
  });
});
